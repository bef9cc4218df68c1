// Main's side of the long jobs: one worker thread, started on first use, runs the jobs one after
// another (a second request waits for the first), forwards progress to the window, records the
// tables each job wrote so the change event names them, and turns a job's failure back into the
// AppFailure the handler would have thrown.
import { Worker } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'
import type { ChangeTracker } from '../db/changes'
import type { JobArgs, JobName, JobResult } from './definitions'
import type { CancelRequest, JobMessage, JobRequest, WorkerData } from './worker'
import { AppFailure } from '../../../shared/errors'
import type { IntegrityHelper } from '../db/integrity'

export type JobProgress = (job: JobName, done: number, total: number) => void

/** Thrown to a waiting caller when the app closes before its job ran or finished. */
export class JobsClosed extends Error {}

// From source (tsx, vitest) the worker is the .ts file and needs tsx's loader; bundled, it is the
// worker.js that electron-vite writes next to index.js.
function workerEntry(): { file: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts')
  const file = fileURLToPath(new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url))
  return { file, execArgv: fromSource ? ['--import', 'tsx'] : [] }
}

/** The integrity check's helper thread (db/integrity.ts), resolved here for the job worker to start. */
function integrityEntry(): IntegrityHelper {
  const fromSource = import.meta.url.endsWith('.ts')
  const at = fromSource ? '../db/integrity-worker.ts' : './integrity-worker.js'
  return {
    file: fileURLToPath(new URL(at, import.meta.url)),
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  }
}

export class JobRunner {
  private worker: Worker | null = null
  private nextId = 1
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void; job: JobName }
  >()
  private queue: Promise<unknown> = Promise.resolve()
  private closed = false
  private current: JobName | null = null
  private currentId: number | null = null

  constructor(
    private readonly dataDir: string,
    private readonly changes: ChangeTracker,
    private readonly progress: JobProgress,
    private readonly now: () => Date,
    /** Called after every job, before its caller resumes (main drops caches the job outdated). */
    private readonly afterJob: (job: JobName) => void = () => undefined,
    /** Called as a job is handed to the worker. */
    private readonly beforeJob: (job: JobName) => void = () => undefined,
  ) {}

  /** The job running now, if any. */
  get running(): JobName | null {
    return this.current
  }

  /** Starts the worker thread now (the app does at start), resolving once it runs. */
  warm(): Promise<void> {
    if (this.closed) return Promise.resolve()
    const fresh = !this.worker
    const worker = this.ensureWorker()
    return fresh ? new Promise((resolve) => worker.once('online', () => resolve())) : Promise.resolve()
  }

  /**
   * Has the worker checkpoint the WAL when it is started and idle (after a job it checkpoints by
   * itself). False when there is no worker to ask: the caller checkpoints instead.
   */
  offloadCheckpoint(): boolean {
    if (!this.worker || this.closed) return false
    if (this.current === null && this.pending.size === 0) this.run('checkpoint', {}).catch(() => undefined)
    return true
  }

  /** Runs `job` after those already queued; resolves with its result or rejects with its AppFailure. */
  run<J extends JobName>(job: J, args: JobArgs<J>): Promise<JobResult<J>> {
    const next = this.queue.then(
      () => this.start(job, args),
      () => this.start(job, args),
    )
    this.queue = next.catch(() => undefined)
    return next as Promise<JobResult<J>>
  }

  private start(job: JobName, args: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new JobsClosed())
    const worker = this.ensureWorker()
    const id = this.nextId++
    this.current = job
    this.currentId = id
    this.beforeJob(job)
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, job })
      worker.postMessage({ id, job, args, at: this.now().toISOString() } satisfies JobRequest)
    }).finally(() => {
      this.current = null
      this.currentId = null
      this.afterJob(job)
    })
  }

  /** Asks the running job, if it is `job`, to stop at its next batch. True when one was asked. */
  cancel(job: JobName): boolean {
    if (this.current !== job || this.currentId === null || !this.worker) return false
    this.worker.postMessage({ cancel: this.currentId } satisfies CancelRequest)
    return true
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const { file, execArgv } = workerEntry()
    const workerData: WorkerData = { dataDir: this.dataDir, integrity: integrityEntry() }
    const worker = new Worker(file, { workerData, execArgv })
    worker.on('message', (msg: JobMessage) => this.onMessage(msg))
    worker.on('error', (err) => this.failAll(err))
    worker.on('exit', () => {
      this.worker = null
      this.failAll(new JobsClosed())
    })
    this.worker = worker
    return worker
  }

  private onMessage(msg: JobMessage): void {
    const waiting = this.pending.get(msg.id)
    if (!waiting) return
    if (msg.kind === 'progress') {
      this.progress(waiting.job, msg.done, msg.total)
      return
    }
    this.pending.delete(msg.id)
    this.changes.touch(...msg.tables)
    if (msg.kind === 'done') waiting.resolve(msg.result)
    else if (msg.error.code === 'internal')
      waiting.reject(new Error(`job ${waiting.job} failed: ${msg.message}`))
    else waiting.reject(new AppFailure(msg.error.code, msg.error.issues, msg.error.details))
  }

  private failAll(err: unknown): void {
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id)
      waiting.reject(err)
    }
  }

  /** Stops the worker; a job mid-way loses only its uncommitted batch (each batch is whole). */
  async close(): Promise<void> {
    this.closed = true
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }
}
