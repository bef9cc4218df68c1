// The integrity check's helper thread for tests: the real share of the work, plus one line that
// shows in checkCopyIntegrity's answer only if the helper's answer was used (not the fallback).
import { parentPort, workerData } from 'node:worker_threads'
import { helperShare } from '../../electron/main/db/integrity'
import type { IntegrityWork } from '../../electron/main/db/integrity'

export const HELPER_MARK = 'answered by the helper thread'

// Imported by the test for the mark; it works only as a thread.
if (parentPort) parentPort.postMessage([...helperShare(workerData as IntegrityWork), HELPER_MARK])
