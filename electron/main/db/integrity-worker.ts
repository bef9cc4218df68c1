// The helper thread of checkCopyIntegrity (./integrity.ts): quick_check of the whole file, then
// integrity_check of the tables it takes from the shared queue; posts the problems found.
// Bundled as out/main/integrity-worker.js; run from source under tsx elsewhere.
import { parentPort, workerData } from 'node:worker_threads'
import { helperShare } from './integrity'
import type { IntegrityWork } from './integrity'

parentPort!.postMessage(helperShare(workerData as IntegrityWork))
