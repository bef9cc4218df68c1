// The composition root: opens the data directory, builds the repositories and the job runner, and
// combines the features' handlers. Electron and the test harness both build it here, so the
// harness exercises the very code the desktop app runs.
import fs from 'node:fs'
import path from 'node:path'
import {
  BUSY_TIMEOUT_DURING_IMPORT_MS,
  BUSY_TIMEOUT_MS,
  DatabaseDamagedError,
  openDatabase,
  startIdleCheckpoints,
} from './db/connection'
import type { OpenOptions } from './db/connection'
import { clockOf, openRepositories, upgradeDerived } from './repositories'
import type { Repositories } from './repositories'
import { JobRunner } from './jobs/runner'
import type { JobName } from './jobs/definitions'
import { Background } from './jobs/background'
import { teamOf } from './features/team/sync'
import { checkInstall } from './sync/identity'

/** How long quitting waits for its last pass with the team folder. */
const QUIT_SYNC_MS = 15_000
import { combine } from './ipc/combine'
import { dispatch } from './ipc/dispatch'
import type { Handlers, IpcHost } from './ipc/dispatch'
import type { AppContext } from './context'
import { settingsHandlers } from './features/settings/handlers'
import { contactHandlers, customerHandlers } from './features/customers/handlers'
import { orderHandlers } from './features/orders/handlers'
import { interactionHandlers } from './features/interactions/handlers'
import { feedbackHandlers } from './features/feedback/handlers'
import { tieringHandlers } from './features/tiering/handlers'
import { groupHandlers } from './features/groups/handlers'
import { exportHandlers } from './features/exports/handlers'
import { dashboardHandlers } from './features/dashboard/handlers'
import { demoHandlers } from './features/demo/handlers'
import { importHandlers } from './features/import/handlers'
import { clearImportFiles } from './features/import/files'
import { backupHandlers } from './features/backups/handlers'
import { reminderHandlers } from './features/reminders/handlers'
import { greetingHandlers } from './features/greetings/handlers'
import { reminderBulkHandlers } from './features/reminders/bulk'
import type { BackupHost } from './features/backups/handlers'
import type { TeamHost } from './features/team/handlers'
import { DueNotifier } from './features/notify/scheduler'
import { fairHandlers } from './features/fair/handlers'
import { rejoinIfPruned, teamHandlers } from './features/team/handlers'
import { JOINING_FILE } from './features/team/snapshots'
import { SCRATCH_PREFIX } from './sync/snapshot'
import { refreshCountryFacts } from './db/country-facts'
import type { EventName } from '../../shared/channels'
import type { Result } from '../../shared/errors'

/** Jobs whose one transaction holds the database's write lock for their whole run. */
const LOCK_HOLDING_JOBS: ReadonlySet<JobName> = new Set<JobName>(['import'])

export type Emit = (event: EventName, payload: unknown) => void

export type ServicesOptions = OpenOptions &
  BackupHost &
  TeamHost & {
    appVersion?: string
    harness?: boolean
    emit?: Emit
    now?: () => Date
    /**
     * Run the start-up jobs (integrity check, a pending re-tier) and the daily pass at start and
     * whenever the date changes. The app and the harness do; tests drive them by hand.
     */
    background?: boolean
  }

export type Services = Repositories & {
  dataDir: string
  jobs: JobRunner
  handlers: Handlers
  ipc: IpcHost
  /** Calls a channel through the IPC loop as the app's own window would. */
  call: (channel: string, input: unknown) => Promise<Result<unknown>>
  /** Runs the start-up checks and the daily pass once (what `background` schedules). */
  runBackground: () => Promise<void>
  /** Set when the start-up check found damage (only reads and restoring a backup are served). */
  integrity: { damaged: boolean }
  close: () => Promise<void>
}

const REPAIR_CHANNELS = [
  'backups:list',
  'backups:preview',
  'backups:restore',
  'backups:restoreLatest',
  'backups:download',
] as const

// Present while the app runs; found at start, it means the last run did not close cleanly.
const RUNNING_MARK = 'tradetier.running'

/** Opens the data directory and wires repositories, jobs and IPC handlers over it. */
export function createServices(dataDir: string, options: ServicesOptions = {}): Services {
  const { db, file } = openDatabase(dataDir, options)
  let repos: Repositories
  try {
    // A copied or restored database takes a new device id before anything else reads or writes it.
    if (!options.readOnly) checkInstall(db, dataDir)
    repos = openRepositories(db, clockOf(options.now))
    if (!options.readOnly) {
      refreshCountryFacts(db)
      upgradeDerived(repos)
    }
  } catch (err) {
    db.close()
    // Damage on the pages start-up reads stops here with the clear message; damage elsewhere is
    // found by the integrity check after start.
    const code = (err as { code?: string }).code ?? ''
    if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'))
      throw new DatabaseDamagedError(file, code)
    throw err
  }
  const emit: Emit = options.emit ?? (() => undefined)
  const { changes, policies, tiers } = repos
  const jobs = new JobRunner(
    dataDir,
    changes,
    (job, done, total) => emit('job:progress', { job, done, total }),
    repos.now,
    // The worker wrote through its own connection: caches of what it may have changed are dropped.
    (job) => {
      policies.forget()
      tiers.forgetBounds()
      if (LOCK_HOLDING_JOBS.has(job)) db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    },
    // An import holds the write lock from its first row to its commit (all or nothing): a save
    // meanwhile would stand the IPC loop still for the whole busy timeout and then fail anyway.
    (job) => {
      if (LOCK_HOLDING_JOBS.has(job)) db.pragma(`busy_timeout = ${BUSY_TIMEOUT_DURING_IMPORT_MS}`)
    },
  )
  const integrity = { damaged: false }
  const ctx: AppContext = {
    ...repos,
    jobs,
    dataDir,
    appVersion: options.appVersion ?? '0.0.0',
    harness: options.harness ?? false,
    integrity,
  }
  const handlers = combine(
    settingsHandlers(ctx),
    customerHandlers(ctx),
    contactHandlers(ctx),
    orderHandlers(ctx),
    interactionHandlers(ctx),
    feedbackHandlers(ctx),
    tieringHandlers(ctx),
    groupHandlers(ctx),
    exportHandlers(ctx),
    dashboardHandlers(ctx),
    demoHandlers(ctx),
    importHandlers(ctx),
    backupHandlers(ctx, options),
    reminderHandlers(ctx),
    greetingHandlers(ctx),
    reminderBulkHandlers(ctx),
    fairHandlers(ctx),
    teamHandlers(ctx, options),
  )
  // Reminders falling due, announced while the app runs (R5); the shell or the harness shows them.
  const notices = new DueNotifier(
    repos,
    (batch) => emit('notify:due', batch),
    () => !options.readOnly && !integrity.damaged,
  )
  const notify = () => {
    const tables = changes.drain()
    if (tables.length > 0) emit('data:changed', { tables })
  }
  const ipc: IpcHost = {
    handlers,
    changes,
    notify: (payload) => {
      emit('data:changed', payload)
      if (payload.tables.some((t) => t === 'reminders' || t === 'reminder_events')) notices.poke()
    },
    // Restoring a backup is how a damaged database is repaired, so it stays open when writes are not.
    writable: (channel) =>
      !options.readOnly && (!integrity.damaged || (REPAIR_CHANNELS as readonly string[]).includes(channel)),
    busyCode: () => (jobs.running !== null && LOCK_HOLDING_JOBS.has(jobs.running) ? 'busy_import' : 'busy'),
  }

  const markFile = path.join(dataDir, RUNNING_MARK)
  const unclean = !options.readOnly && fs.existsSync(markFile)
  if (!options.readOnly) {
    fs.writeFileSync(markFile, String(process.pid))
    clearImportFiles(dataDir)
    // A join from a snapshot cut short before its swap, a snapshot's scratch copy left by a crash:
    // half-made files of no use (gigabytes on a large base).
    fs.rmSync(path.join(dataDir, JOINING_FILE), { force: true })
    for (const name of fs.readdirSync(dataDir))
      if (name.startsWith(SCRATCH_PREFIX) && name.endsWith('.db'))
        fs.rmSync(path.join(dataDir, name), { force: true })
  }

  const background = new Background({
    db,
    dataDir,
    jobs,
    changes,
    notify,
    unclean,
    integrity,
    backupInfo: { appVersion: ctx.appVersion, deviceId: repos.deviceId },
    afterSync: (report) =>
      options.restart ? rejoinIfPruned(ctx, options.restart, report) : Promise.resolve(false),
  })
  if (options.background) {
    background.start()
    notices.start()
  }
  const stopCheckpoints = options.readOnly
    ? () => undefined
    : startIdleCheckpoints(db, () => jobs.offloadCheckpoint())
  let stopped = false
  const close = async () => {
    if (stopped) return
    stopped = true
    background.stop()
    notices.stop()
    // The day's last changes leave with the app: a pass with the team folder before closing, so a
    // teammate sees them without waiting for this laptop's next start. Bounded: an unplugged
    // network folder must not hold the quit.
    if (!options.readOnly && !integrity.damaged && teamOf(db)) {
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        jobs
          .run('sync', { appVersion: ctx.appVersion })
          .catch((err: unknown) => console.error('sync on quit', err)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, QUIT_SYNC_MS)
        }),
      ])
      clearTimeout(timer)
    }
    await jobs.close()
    stopCheckpoints()
    db.close()
    if (!options.readOnly) fs.rmSync(markFile, { force: true })
  }
  return {
    ...repos,
    dataDir,
    jobs,
    handlers,
    ipc,
    call: (channel, input) => dispatch(ipc, channel, input, true),
    runBackground: () => background.runOnce(),
    integrity,
    close,
  }
}
