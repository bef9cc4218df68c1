// The job worker: a worker_threads thread with its own SQLite connection (WAL lets the main
// process keep reading while a job writes), running one job at a time from ./definitions.ts and
// posting progress. Bundled as out/main/worker.js; run from source under tsx elsewhere.
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../db/connection'
import { useIntegrityHelper } from '../db/integrity'
import type { IntegrityHelper } from '../db/integrity'
import { clockOf, openRepositories } from '../repositories'
import { JOBS } from './definitions'
import type { JobName, JobSignal } from './definitions'
import { AppFailure } from '../../../shared/errors'
import type { AppError } from '../../../shared/errors'
import type { TableName } from '../../../shared/tables'

export type WorkerData = { dataDir: string; integrity: IntegrityHelper }
export type JobRequest = { id: number; job: JobName; args: unknown; at: string }
/** Asks the job with this id to stop at its next batch (an import the user cancelled). */
export type CancelRequest = { cancel: number }
export type JobMessage =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'done'; result: unknown; tables: TableName[] }
  | { id: number; kind: 'failed'; error: AppError; message?: string; tables: TableName[] }

const port = parentPort
if (!port) throw new Error('jobs/worker.ts runs only as a worker thread')
const { dataDir, integrity } = workerData as WorkerData
// A backup's check of its copy runs on this thread and a helper (db/integrity.ts).
useIntegrityHelper(integrity)
const { db } = openDatabase(dataDir, { attach: true })

// The job running now and its cancel flag: a job checks it between batches (it yields there, so
// this message is read while it runs).
let current: { id: number; signal: JobSignal } | null = null

port.on('message', (req: JobRequest | CancelRequest) => {
  if ('cancel' in req) {
    if (current?.id === req.cancel) current.signal.cancelled = true
    return
  }
  void run(req).then((msg) => {
    port.postMessage(msg)
    // A job's writes can fill the WAL with tens of megabytes: copy them back here, not on main,
    // once its caller has its answer (the next job waits for this, the window does not).
    if (req.job !== 'checkpoint') db.pragma('wal_checkpoint(PASSIVE)')
  })
})

// One set of repositories for the thread's life (a checkpoint asks every few seconds). Each job
// moves the clock to the instant main asked for it (tests inject their own "now").
let offsetMs = 0
const r = openRepositories(
  db,
  clockOf(() => new Date(Date.now() + offsetMs)),
)

async function run(req: JobRequest): Promise<JobMessage> {
  offsetMs = Date.parse(req.at) - Date.now()
  // Main may have saved a policy or stored new bounds since the last job.
  r.policies.forget()
  r.tiers.forgetBounds()
  r.changes.drain()
  const def = JOBS[req.job]
  const signal: JobSignal = { cancelled: false }
  current = { id: req.id, signal }
  try {
    const progress = (done: number, total: number) =>
      port!.postMessage({ id: req.id, kind: 'progress', done, total } satisfies JobMessage)
    const result = await (def.run as (r: unknown, a: unknown, p: typeof progress, s: JobSignal) => unknown)(
      r,
      req.args,
      progress,
      signal,
    )
    return { id: req.id, kind: 'done', result, tables: r.changes.drain() }
  } catch (err) {
    const tables = r.changes.drain()
    if (err instanceof AppFailure)
      return {
        id: req.id,
        kind: 'failed',
        error: { code: err.code, issues: err.issues, details: err.details },
        tables,
      }
    return { id: req.id, kind: 'failed', error: { code: 'internal' }, message: String(err), tables }
  } finally {
    current = null
  }
}
