// The long jobs (STYLE habit 8): whole-base passes, bulk writes and checks that would hold the
// main process for seconds. Each runs in the job worker over its own connection and repositories
// (./worker.ts), reports progress, and declares the derived tables it writes; synced writes are
// recorded by the write path itself. Each commits in batches that are whole on their own.
import { checkIntegrity } from '../db/connection'
import { metaSet } from '../db/device'
import type { Repositories } from '../repositories'
import { importRates } from '../features/orders/rates-import'
import { loadDemo } from '../features/demo/load'
import type { Review } from '../../../shared/tiering'
import type { TableName } from '../../../shared/tables'

export type Progress = (done: number, total: number) => void

type JobDef<A, R> = {
  /** Derived tables the job may write (synced ones are recorded by the write path). */
  writes: readonly TableName[]
  run: (r: Repositories, args: A, progress: Progress) => Promise<R> | R
}

const PASS_WRITES = [
  'customer_figures',
  'customer_tiers',
  'tier_events',
  'dashboard_cells',
  'tier_movements',
  'tier_reviews',
  'tier_review_items',
  'meta',
] as const satisfies readonly TableName[]

/** Meta key set in the same transaction as a new policy version, cleared when its re-tier ends. */
export const RETIER_PENDING = 'retier_pending'

function job<A, R>(def: JobDef<A, R>): JobDef<A, R> {
  return def
}

export const JOBS = {
  /** The full re-tier after a policy save: every customer under the policy in force. */
  retier: job({
    writes: PASS_WRITES,
    run: async (r, _args: Record<string, never>, progress) => {
      const result = await r.retier.applyAll(r.policies.current(), progress)
      metaSet(r.db, RETIER_PENDING, '')
      return result
    },
  }),
  /** A re-evaluation run: everything refreshed, tier moves held for a manager's review. */
  review: job({
    writes: PASS_WRITES,
    run: (r, _args: Record<string, never>, progress): Promise<Review> => r.retier.runReview(progress),
  }),
  /** The daily pass: figures to today, then segments, stages and risks; a scheduled review if due. */
  daily: job({
    writes: PASS_WRITES,
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
      return { ran }
    },
  }),
  /** Every customer's figures rebuilt from all orders (a new window, an upgrade, a benchmark). */
  rebuildFigures: job({
    writes: ['customer_figures', 'customer_tiers', 'dashboard_cells', 'meta'],
    run: async (r, _args: Record<string, never>, progress) => {
      const customers = await r.retier.rebuildFigures(r.policies.current(), progress)
      return { customers }
    },
  }),
  /** Exchange rates from a CSV file: all rows or none. */
  importRates: job({
    writes: [],
    run: (r, args: { csv: string }) => ({ imported: importRates(r.db, r.orders, args.csv) }),
  }),
  /** Demo customers with contacts and orders, then one pass so segments and stages show. */
  demo: job({
    writes: PASS_WRITES,
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
  /** Copies the WAL's pages back into the database file, off the main thread (see connection.ts). */
  checkpoint: job({
    writes: [],
    run: (r) => {
      r.db.pragma('wal_checkpoint(PASSIVE)')
      return {}
    },
  }),
  /** SQLite's check of the whole file (quick after a clean shutdown, full after an unclean one). */
  integrity: job({
    writes: [],
    run: (r, args: { depth: 'quick' | 'full' }) => ({ problems: checkIntegrity(r.db, args.depth) }),
  }),
} as const

export type JobName = keyof typeof JOBS
export type JobArgs<J extends JobName> = Parameters<(typeof JOBS)[J]['run']>[1]
export type JobResult<J extends JobName> = Awaited<ReturnType<(typeof JOBS)[J]['run']>>
