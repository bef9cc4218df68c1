// The long jobs (STYLE habit 8): whole-base passes, bulk writes and checks that would hold the
// main process for seconds. Each runs in the job worker over its own connection and repositories
// (./worker.ts) and reports progress; the tables it writes are recorded where it writes them
// (the write path, the derived repositories), so a pass that changes nothing announces nothing.
// Each commits in batches that are whole on their own.
import { checkIntegrity } from '../db/connection'
import { syncOnce } from '../features/team/sync'
import { prepareSnapshotJoin, snapshotPass } from '../features/team/snapshots'
import type { JoinArgs } from '../features/team/snapshots'
import { metaSet } from '../db/device'
import type { Repositories } from '../repositories'
import { importRates } from '../features/orders/rates-import'
import { loadDemo } from '../features/demo/load'
import { SearchIndex } from '../features/customers/search'
import type { PolicyPreview, Review, TieringPolicy } from '../../../shared/tiering'
import { dueAutomaticKind, listBackups, readRotation, rotate, writeBackup } from '../features/backups/store'
import type { BackupKind } from '../../../shared/backups'
import type { ExportRequest } from '../features/groups/export'
import type { ActivityExportRequest, ListExportRequest } from '../features/exports/lists'
import type { ImportOptionsParsed, ImportPreview, ImportResult } from '../../../shared/import'

/** What an import job is given: the stored file (features/import/files.ts) and the wizard's choices. */
type ImportArgs = { dataDir: string; fileId: string; options: ImportOptionsParsed }

export type Progress = (done: number, total: number) => void
/** Set when the user cancels: a job that can stop checks it between batches. */
export type JobSignal = { cancelled: boolean }

type JobDef<A, R> = {
  run: (r: Repositories, args: A, progress: Progress, signal: JobSignal) => Promise<R> | R
}

/** Meta key set in the same transaction as a new policy version, cleared when its re-tier ends. */
export const RETIER_PENDING = 'retier_pending'

function job<A, R>(def: JobDef<A, R>): JobDef<A, R> {
  return def
}

export const JOBS = {
  /** The full re-tier after a policy save: every customer under the policy in force. */
  retier: job({
    run: async (r, _args: Record<string, never>, progress) => {
      const result = await r.retier.applyAll(r.policies.current(), progress)
      // Customers whose tier did not move owe a new cadence too: all duties from the new policy.
      r.duties.setService(r.policies.current())
      r.duties.rebuildAll()
      metaSet(r.db, RETIER_PENDING, '')
      return result
    },
  }),
  /** What saving a policy would change, over the whole base; reads only. */
  preview: job({
    run: (r, args: { policy: TieringPolicy }): PolicyPreview => r.retier.preview(args.policy),
  }),
  /** A re-evaluation run: everything refreshed, tier moves held for a manager's review. */
  review: job({
    run: (r, _args: Record<string, never>, progress): Promise<Review> => r.retier.runReview(progress),
  }),
  /** The daily pass: figures to today, then segments, stages and risks; a scheduled review if due. */
  daily: job({
    run: async (r, _args: Record<string, never>, progress) => {
      let ran = false
      if (!r.retier.dailyDone()) {
        await r.retier.daily(progress)
        ran = true
      }
      if (r.retier.reviewDue()) {
        await r.retier.runReview(progress)
        ran = true
      }
      // Reminders' occurrences: the first fill, the horizon moved forward, or what Today lists
      // for the new day (features/reminders/occurrences.ts).
      const work = r.occurrences.dailyWork(r.today())
      if (work === 'fill') await r.occurrences.rebuildAll(r.today(), progress)
      else if (work === 'due') r.occurrences.rebuildDue(r.today())
      return { ran: ran || work !== null }
    },
  }),
  /** Every customer's figures rebuilt from all orders (a new window, an upgrade, a benchmark). */
  rebuildFigures: job({
    run: async (r, _args: Record<string, never>, progress) => {
      const customers = await r.retier.rebuildFigures(r.policies.current(), progress)
      return { customers }
    },
  }),
  /** The search index rebuilt after an upgrade changed what it holds; the version marked at the end. */
  searchIndex: job({
    run: async (r, _args: Record<string, never>, progress) => {
      const customers = await r.search.reindexAll(progress)
      metaSet(r.db, SearchIndex.VERSION_KEY, String(SearchIndex.VERSION))
      // Open search boxes and filtered lists ask again: they may find more now.
      r.changes.touch('search_docs', 'customer_fts', 'search_grams', 'match_keys', 'meta')
      return { customers }
    },
  }),
  /** Exchange rates from a CSV file: all rows or none. */
  importRates: job({
    run: (r, args: { csv: string }) => ({ imported: importRates(r.db, r.orders, args.csv) }),
  }),
  /** Demo customers with contacts and orders, then one pass so segments and stages show. */
  demo: job({
    run: async (r, args: { customers: number }, progress) => {
      const created = await loadDemo(
        r.db,
        { customers: r.customers, orders: r.orders },
        args.customers,
        progress,
      )
      // Orders tiered each customer as they arrived; one pass over the base gives RFM its quintiles.
      await r.retier.daily()
      return { created }
    },
  }),
  /** What importing a file would do (rows as stored, refused cells, duplicates, missing rates); reads only. */
  importPreview: job({
    run: async (r, args: ImportArgs): Promise<ImportPreview> => {
      const { previewImport } = await import('../features/import/plan')
      return previewImport(r, args.dataDir, args.fileId, args.options)
    },
  }),
  /** The import itself: one transaction, all rows or none (or the valid ones when asked); cancellable. */
  import: job({
    run: async (r, args: ImportArgs, progress, signal): Promise<ImportResult> => {
      const { runImport } = await import('../features/import/apply')
      return runImport(r, args.dataDir, args.fileId, args.options, progress, signal)
    },
  }),
  /** The refused rows as a CSV with a reason column, to fix and import again. */
  importRefused: job({
    run: async (r, args: ImportArgs) => {
      const { refusedRowsFile } = await import('../features/import/plan')
      return refusedRowsFile(r, args.dataDir, args.fileId, args.options)
    },
  }),
  /** A group's customers (or its ticked ones) as a CSV or XLSX file (features/groups/export.ts). */
  exportGroup: job({
    run: async (r, args: ExportRequest) => {
      const { exportSelection } = await import('../features/groups/export')
      return exportSelection(r.groups, args, 'customers', r.today())
    },
  }),
  /** The customer list as shown, with its visible columns, as a file (features/exports/lists.ts). */
  exportList: job({
    run: async (r, args: ListExportRequest) => {
      const { exportCustomerList } = await import('../features/exports/lists')
      return exportCustomerList(r, args)
    },
  }),
  /** The orders or interactions of a group's or the list's customers, as a file. */
  exportActivity: job({
    run: async (r, args: ActivityExportRequest) => {
      const { exportActivity } = await import('../features/exports/lists')
      return exportActivity(r, args)
    },
  }),
  /** Copies the WAL's pages back into the database file, off the main thread (see connection.ts). */
  checkpoint: job({
    run: (r) => {
      r.db.pragma('wal_checkpoint(PASSIVE)')
      return {}
    },
  }),
  /** One pass with the team folder: publish, receive, this device's file (features/team/sync.ts). */
  sync: job({
    run: (r, args: { appVersion: string }) => syncOnce(r, args.appVersion),
  }),
  /** After a pass: a snapshot when one is due, and this device's files the folder no longer needs. */
  snapshot: job({
    run: (r, args: { dataDir: string; appVersion: string }, progress) =>
      snapshotPass(r, args.dataDir, args.appVersion, progress),
  }),
  /** Joining from the newest snapshot: unpacked and prepared beside the live file for the host's swap. */
  snapshotJoin: job({
    run: (r, args: JoinArgs) => prepareSnapshotJoin(r, args),
  }),
  /** SQLite's check of the whole file (quick after a clean shutdown, full after an unclean one). */
  integrity: job({
    run: (r, args: { depth: 'quick' | 'full' }) => ({ problems: checkIntegrity(r.db, args.depth) }),
  }),
  /** A verified copy of the whole database (features/backups/store.ts), written off the main thread. */
  backup: job({
    run: (
      r,
      args: { dataDir: string; kind: BackupKind; to?: string; appVersion: string; deviceId: string },
      progress,
    ) => writeBackup(r.db, args.dataDir, args.kind, r.now(), args, args.to, progress),
  }),
  /** Today's automatic backup if there is none yet (daily, weekly or monthly), then the rotation. */
  autoBackup: job({
    run: async (r, args: { dataDir: string; appVersion: string; deviceId: string }, progress) => {
      const kind = dueAutomaticKind(listBackups(args.dataDir), r.now())
      if (!kind) return { created: null, removed: [] as string[] }
      const entry = await writeBackup(r.db, args.dataDir, kind, r.now(), args, undefined, progress)
      return { created: entry.name, removed: rotate(args.dataDir, readRotation(r.db)) }
    },
  }),
} as const

export type JobName = keyof typeof JOBS
export type JobArgs<J extends JobName> = Parameters<(typeof JOBS)[J]['run']>[1]
export type JobResult<J extends JobName> = Awaited<ReturnType<(typeof JOBS)[J]['run']>>
