// What the app runs by itself: after start, the integrity check (quick after a clean shutdown,
// full after an unclean one), a search index rebuild an upgrade asks for, a re-tier a crash
// interrupted, and the daily pass; then the daily pass again whenever the date changes, and a
// pass with the team folder every minute. All of
// it as jobs in the worker, after the first screen.
import path from 'node:path'
import type { Db } from '../db/connection'
import { DB_FILE_NAME } from '../db/connection'
import type { ChangeTracker } from '../db/changes'
import { metaRead } from '../db/device'
import { RETIER_PENDING } from './definitions'
import { SearchIndex } from '../features/customers/search'
import { JobsClosed } from './runner'
import { clearReplaced } from '../features/backups/store'
import type { JobRunner } from './runner'
import type { SyncReport } from '../../../shared/team'

export type BackgroundDeps = {
  db: Db
  dataDir: string
  jobs: JobRunner
  changes: ChangeTracker
  /** Sends the tables the jobs wrote to the window. */
  notify: () => void
  /** The last run did not close cleanly: check the whole file. */
  unclean: boolean
  /** Set when the check finds damage; writes are refused from then on. */
  integrity: { damaged: boolean }
  /** What each automatic backup records about the app that wrote it. */
  backupInfo: { appVersion: string; deviceId: string }
  /** After a pass with the team folder: a rejoin from a snapshot when segments it needs were pruned. */
  afterSync?: (report: SyncReport) => Promise<unknown>
}

// The trailing windows move at midnight; checking every few minutes catches the new day (and a
// laptop waking up) without a timer per customer.
const DAILY_CHECK_MS = 5 * 60_000
// Team sync: a pass a minute while the app runs (a no-op in no team), so a teammate's edit shows
// within a minute or two of their Dropbox delivering it; "Sync now" does one at once.
const SYNC_MS = 60_000
// Folders put aside by a restore in this process are kept until the next start.
const PROCESS_STARTED = Date.now()

export class Background {
  private timer: NodeJS.Timeout | null = null
  private syncTimer: NodeJS.Timeout | null = null
  private stopped = false

  constructor(private readonly d: BackgroundDeps) {}

  /** The start-up jobs, once: check, resume an interrupted re-tier, daily pass. */
  async runOnce(): Promise<void> {
    const { jobs, integrity, changes, notify } = this.d
    const check = await jobs.run('integrity', { depth: this.d.unclean ? 'full' : 'quick' })
    if (check.problems.length > 0) {
      integrity.damaged = true
      console.error(
        `The database file is damaged: ${path.join(this.d.dataDir, DB_FILE_NAME)}: ${check.problems.join('; ')}`,
      )
      changes.touch('meta')
      notify()
      return
    }
    // The check passed: files a restore put aside in an earlier run are no longer needed.
    clearReplaced(this.d.dataDir, PROCESS_STARTED)
    try {
      // The day's automatic backup comes before the daily pass: it is the state the user last saw.
      await jobs.run('autoBackup', { dataDir: this.d.dataDir, ...this.d.backupInfo })
      // An index built by an older version (or a rebuild a quit cut short) is rebuilt first:
      // search answers from the old entries meanwhile.
      if (SearchIndex.rebuildDue(this.d.db)) await jobs.run('searchIndex', {})
      // A policy saved just before a crash or a quit: its re-tier runs again, from the start.
      if (metaRead(this.d.db, RETIER_PENDING)) await jobs.run('retier', {})
      await jobs.run('daily', {})
      await this.syncPass()
    } finally {
      notify()
    }
  }

  /** Schedules the start-up jobs after the first screen, then the daily check. */
  start(): void {
    setTimeout(() => this.guard(() => this.runOnce()), 0)
    this.timer = setInterval(() => {
      if (this.d.integrity.damaged) return
      this.guard(() =>
        this.d.jobs
          .run('autoBackup', { dataDir: this.d.dataDir, ...this.d.backupInfo })
          .then(() => this.d.jobs.run('daily', {}))
          .finally(() => this.d.notify()),
      )
    }, DAILY_CHECK_MS)
    this.timer.unref()
    this.syncTimer = setInterval(() => {
      if (this.d.integrity.damaged) return
      this.guard(() => this.syncPass().finally(() => this.d.notify()))
    }, SYNC_MS)
    this.syncTimer.unref()
  }

  /** A pass with the team folder, then a snapshot if due and the folder's tidying (no-ops outside a team). */
  private async syncPass(): Promise<void> {
    const { jobs, dataDir, backupInfo } = this.d
    const report = await jobs.run('sync', { appVersion: backupInfo.appVersion })
    if (!report || report.problem) return
    await jobs.run('snapshot', { dataDir, appVersion: backupInfo.appVersion })
    await this.d.afterSync?.(report)
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearInterval(this.timer)
    if (this.syncTimer) clearInterval(this.syncTimer)
  }

  private guard(run: () => Promise<unknown>): void {
    if (this.stopped) return
    run().catch((err: unknown) => {
      if (!(err instanceof JobsClosed)) console.error('background job failed', err)
    })
  }
}
