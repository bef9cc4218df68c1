// The helper thread of checkCopyIntegrity (./integrity.ts): quick_check of the whole file, then
// integrity_check of the tables it takes from the shared queue; posts the problems found.
// Bundled as out/main/integrity-worker.js; run from source under tsx elsewhere.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { checkQueuedTables, pragmaProblems } from './integrity'
import type { IntegrityWork } from './integrity'

const work = workerData as IntegrityWork
const db = new Database(work.file, { readonly: true, fileMustExist: true })
try {
  const problems = pragmaProblems(db, 'quick_check(5)')
  problems.push(...checkQueuedTables(db, work))
  parentPort!.postMessage(problems)
} finally {
  db.close()
}
