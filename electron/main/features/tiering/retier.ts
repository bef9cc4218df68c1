// Whole-base tiering (T2, T6, T7): the daily roll-over, the full re-tier after a policy change, the
// re-evaluation run held for review, and the preview of a policy before it is saved.
//
// A pass works from the per-customer figures that order writes keep current (./figures.ts), not
// from the orders. Only the trailing windows move by themselves: the roll-over finds the few
// orders that crossed a window edge since the last day it ran (an indexed range on orders.date)
// and refreshes just those customers; a new window rebuilds all figures in one aggregate. The app
// runs these passes as jobs in the worker thread (jobs/definitions.ts), in batches of one
// transaction each, so each committed batch is whole and main's own writes wait briefly at most.
import type { Db } from '../../db/connection'
import { dataVersion } from '../../db/connection'
import type { ChangeTracker } from '../../db/changes'
import { metaRead, metaSet } from '../../db/device'
import { NO_FIGURES } from './figures'
import type { FiguresRepository } from './figures'
import type { TierRow, TierRepository } from './tiers'
import {
  addMonths,
  demotionFloor,
  evaluateCustomer,
  isActive,
  rfmBounds,
  rfmBoundsOfColumns,
  rfmInput,
} from '../../core/tiering'
import { CHANGED_SQL, changedParams } from './retier-sql'
import type { CustomerEvaluation, CustomerFigures, RfmBounds } from '../../core/tiering'
import type { PolicyPreview, Review, TieringPolicy, ValueTier } from '../../../../shared/tiering'
import { VALUE_TIERS, isPromotion } from '../../../../shared/tiering'
import { AppFailure } from '../../../../shared/errors'

export type Progress = (done: number, total: number) => void

// A batch holds main for well under a second at 100k customers; progress moves ten times a run.
const BATCH = 10_000

const BASE_SELECT = `SELECT t.customer_id, t.tier, t.rule, t.revenue_usd, t.segment, t.rfm_r, t.rfm_f, t.rfm_m,
    t.stage, t.risk_gap, t.risk_drop, l.tier, f.customer_id IS NOT NULL, f.revenue_usd,
    f.order_count, f.first_order, f.last_order, f.last6_usd, f.prev6_usd, f.median_gap_days
  FROM customer_tiers t
  LEFT JOIN customer_figures f ON f.customer_id = t.customer_id
  LEFT JOIN tier_locks l ON l.id = t.customer_id AND l.deleted_at IS NULL`

type RawBase = [
  id: string,
  tier: ValueTier,
  rule: string,
  revenueUsd: number,
  segment: TierRow['segment'],
  r: number | null,
  f: number | null,
  m: number | null,
  stage: TierRow['stage'],
  gap: number,
  drop: number,
  lock: ValueTier | null,
  hasFigures: number,
  revenue: number | null,
  orderCount: number | null,
  firstOrder: string | null,
  lastOrder: string | null,
  last6: number | null,
  prev6: number | null,
  medianGap: number | null,
]

/** A live customer's stored state; every live customer has a tier row (TierRepository). */
type BaseRow = TierRow & { id: string; lock: ValueTier | null; figures: CustomerFigures }

function toBaseRow(r: RawBase): BaseRow {
  return {
    id: r[0],
    tier: r[1],
    rule: r[2],
    revenue_usd: r[3],
    evaluated_on: '',
    segment: r[4],
    rfm_r: r[5],
    rfm_f: r[6],
    rfm_m: r[7],
    stage: r[8],
    risk_gap: r[9],
    risk_drop: r[10],
    lock: r[11],
    figures: r[12]
      ? {
          revenueUsd: r[13] ?? 0,
          orderCount: r[14] ?? 0,
          firstOrder: r[15],
          lastOrder: r[16],
          last6Usd: r[17] ?? 0,
          prev6Usd: r[18] ?? 0,
          medianGapDays: r[19],
        }
      : NO_FIGURES,
  }
}

export type Move = {
  customerId: string
  from: ValueTier
  to: ValueTier
  revenueUsd: number
  previousRevenueUsd: number
  thresholdUsd: number
  floorUsd: number | null
}

/** The parts of a policy stored figures depend on: when they change, figures are rebuilt. */
function figuresSignature(p: TieringPolicy): string {
  return JSON.stringify({ w: p.windowMonths, s: [...p.revenueStatuses].sort() })
}

const figuresOf = (r: BaseRow): CustomerFigures => r.figures

/** Thrown into a job when the app closes mid-way; each batch committed alone, so nothing is half-written. */
export class RetierStopped extends Error {}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

export class Retier {
  private readonly q
  /** One whole-base job at a time: a second request waits for the first rather than interleaving. */
  private running: Promise<unknown> = Promise.resolve()
  private stopped = false
  /** Customers per transaction; tests make it small to put main's writes between batches. */
  batchSize = BATCH

  constructor(
    private readonly db: Db,
    private readonly tiers: TierRepository,
    private readonly figures: FiguresRepository,
    private readonly policy: () => TieringPolicy,
    private readonly today: () => string,
    private readonly now: () => Date = () => new Date(),
    private readonly changes: ChangeTracker | null = null,
  ) {
    this.q = {
      // One narrow row per live customer: its stored tier, lock and figures (raw arrays, in the
      // order of the RawBase type, because 100k objects with named keys cost more to build).
      base: db.prepare(`${BASE_SELECT} WHERE t.live = 1`).raw(),
      baseSome: db
        .prepare(`${BASE_SELECT} WHERE t.live = 1 AND t.customer_id IN (SELECT value FROM json_each(?))`)
        .raw(),
      // R, F and M of the active base (a revenue order inside the window), for the quintile bounds.
      // Every customer with figures has a tier row (TierRepository adds one on any customer write),
      // so "not a deleted customer's row" is "live". Read that way, the few deleted customers are
      // one small lookup table, instead of a join into customer_tiers for each of the 100k rows.
      activeMetrics: db
        .prepare(
          `SELECT f.last_order, f.order_count, f.revenue_usd FROM customer_figures f
           WHERE f.order_count > 0 AND f.last_order IS NOT NULL
             AND f.customer_id NOT IN (SELECT customer_id FROM customer_tiers WHERE live = 0)`,
        )
        .raw(),
      liveCount: db.prepare('SELECT count(*) FROM customer_tiers WHERE live = 1').pluck(),
      changed: {
        quintile: db.prepare(CHANGED_SQL('quintile')).pluck(),
        fixed: db.prepare(CHANGED_SQL('fixed')).pluck(),
      },
      liveIds: db.prepare('SELECT id FROM customers WHERE deleted_at IS NULL').pluck(),
      crossed: db
        .prepare(
          'SELECT DISTINCT customer_id FROM orders WHERE date > ? AND date <= ? AND deleted_at IS NULL',
        )
        .pluck(),
      newReview: db.prepare(
        "INSERT INTO tier_reviews (as_of, policy_version, status, created_at) VALUES (?, ?, 'open', ?)",
      ),
      reviewItem: db.prepare(
        `INSERT INTO tier_review_items (review_id, customer_id, from_tier, to_tier, rule, revenue_usd, previous_revenue_usd, threshold_usd, floor_usd)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      closeOpen: db.prepare(
        "UPDATE tier_reviews SET status = 'dismissed', decided_at = ? WHERE status = 'open'",
      ),
      review: db.prepare('SELECT * FROM tier_reviews WHERE id = ?'),
      openReview: db
        .prepare("SELECT id FROM tier_reviews WHERE status = 'open' ORDER BY id DESC LIMIT 1")
        .pluck(),
      lastReview: db.prepare('SELECT max(created_at) FROM tier_reviews').pluck(),
      latestReview: db.prepare('SELECT max(id) FROM tier_reviews').pluck(),
      items: db.prepare(
        `SELECT i.*, c.display_name, c.country FROM tier_review_items i JOIN customers c ON c.id = i.customer_id
         WHERE i.review_id = ? ORDER BY i.revenue_usd DESC`,
      ),
      setStatus: db.prepare('UPDATE tier_reviews SET status = ?, decided_at = ? WHERE id = ?'),
    }
  }

  /** Sets a day marker, recording the write for the change event only when the value moves. */
  private setMeta(key: string, value: string): void {
    if (metaRead(this.db, key) === value) return
    metaSet(this.db, key, value)
    this.changes?.touch('meta')
  }

  /** Stops running jobs at their next batch (the database is closing). */
  stop(): void {
    this.stopped = true
  }

  private async pause(): Promise<void> {
    await tick()
    if (this.stopped) throw new RetierStopped()
  }

  /** Runs whole-base jobs one after another. */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.running.then(job, job)
    this.running = next.catch(() => undefined)
    return next
  }

  // ---- figures ----

  /**
   * Brings every customer's stored figures to today. Same policy window as last time: refresh only
   * the customers with an order that crossed a window edge (or became current) since the last
   * roll-over. A new window or revenue statuses: rebuild all figures from orders.
   */
  async rollFigures(
    policy: TieringPolicy,
    progress: Progress = () => undefined,
    force = false,
  ): Promise<number> {
    const today = this.today()
    const last = metaRead(this.db, 'figures_as_of')
    const signature = figuresSignature(policy)
    let ids: string[]
    if (force || !last || metaRead(this.db, 'figures_signature') !== signature || last > today) {
      // A new window or statuses, or a first run: every customer, from one ordered scan of orders.
      const live = this.q.liveIds.all() as string[]
      await this.figures.rebuildAll(
        policy,
        live,
        async (done, total) => {
          progress(done, total)
          await this.pause()
        },
        this.batchSize,
      )
      this.setMeta('figures_as_of', today)
      this.setMeta('figures_signature', signature)
      return live.length
    } else if (last === today) {
      return 0
    } else {
      const set = new Set<string>()
      // An order leaves a trailing window of W months when its date passes today − W months; one
      // dated in the future starts counting when its day comes.
      const edges = [...new Set([policy.windowMonths, 6, 12])]
      for (const w of edges)
        for (const id of this.q.crossed.all(addMonths(last, -w), addMonths(today, -w)) as string[])
          set.add(id)
      for (const id of this.q.crossed.all(last, today) as string[]) set.add(id)
      ids = [...set]
    }
    const BATCH = this.batchSize
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH)
      this.db
        .transaction(() => {
          for (const id of batch) this.figures.refresh(id, policy)
        })
        .immediate()
      progress(Math.min(i + BATCH, ids.length), ids.length)
      await this.pause()
    }
    this.setMeta('figures_as_of', today)
    this.setMeta('figures_signature', signature)
    return ids.length
  }

  /** Every customer's figures rebuilt from all orders, whatever the last roll-over did. */
  rebuildFigures(policy: TieringPolicy, progress: Progress = () => undefined): Promise<number> {
    return this.serial(() => this.rollFigures(policy, progress, true))
  }

  // ---- the pass over the base ----

  /**
   * Evaluates every live customer under `policy` from `figures` (the stored ones unless given),
   * with fresh RFM bounds over the active base. Returns the rows and their evaluations; writes nothing.
   */
  private evaluateBase(
    policy: TieringPolicy,
    figuresFor: (row: BaseRow) => CustomerFigures = figuresOf,
  ): { rows: BaseRow[]; results: CustomerEvaluation[]; bounds: RfmBounds } {
    const asOf = this.today()
    const rows = (this.q.base.all() as RawBase[]).map(toBaseRow)
    const figures = rows.map(figuresFor)
    const active = []
    for (let i = 0; i < rows.length; i++)
      if (isActive(figures[i]!)) active.push(rfmInput(rows[i]!.id, figures[i]!, asOf))
    const bounds = rfmBounds(active)
    const results = rows.map((r, i) =>
      evaluateCustomer(r.id, figures[i]!, asOf, policy, r.tier, r.lock, bounds),
    )
    return { rows, results, bounds }
  }

  /**
   * Stores a pass: `apply` moves tiers now (a saved policy, a reviewed run); `hold` keeps each
   * stored tier and returns the moves for review. Segments, stages and risk flags always follow.
   * Rows whose every stored value is unchanged are not written.
   */
  private async store(
    policy: TieringPolicy,
    mode: 'apply' | 'hold',
    progress: Progress,
  ): Promise<{ moves: Move[]; customers: number }> {
    const asOf = this.today()
    const bounds = rfmBoundsOfColumns(this.q.activeMetrics.all() as [string, number, number][], asOf)
    // Only the customers whose stored values would change come back from SQL; the engine then
    // decides each of them in full, with its reasons.
    const readAt = dataVersion(this.db)
    const ids = this.q.changed[policy.rfm.mode].all(changedParams(policy, asOf, bounds)) as string[]
    const evaluate = (ids: readonly string[]) => {
      const rows = (this.q.baseSome.all(JSON.stringify(ids)) as RawBase[]).map(toBaseRow)
      const results = rows.map((r) => evaluateCustomer(r.id, r.figures, asOf, policy, r.tier, r.lock, bounds))
      return { rows, results }
    }
    /** A batch's moves, and the rows whose stored values change. */
    const decide = (rows: readonly BaseRow[], results: readonly CustomerEvaluation[]) => {
      const batchMoves: Move[] = []
      const writes: number[] = []
      for (let j = 0; j < rows.length; j++) {
        const move = this.moveOf(rows[j]!, results[j]!, policy)
        if (move) batchMoves.push(move)
        if (!unchanged(rows[j]!, results[j]!, mode === 'hold' && move !== null)) writes.push(j)
      }
      return { batchMoves, writes }
    }
    const all = evaluate(ids)
    const moves: Move[] = []
    const BATCH = this.batchSize
    for (let i = 0; i < all.rows.length; i += BATCH) {
      let rows = all.rows.slice(i, i + BATCH)
      let results = all.results.slice(i, i + BATCH)
      let { batchMoves, writes } = decide(rows, results)
      // Most customers come out as they were: a batch with nothing to write opens no transaction,
      // unless main has written since the read (this job runs in the worker, beside the window).
      if (writes.length > 0 || dataVersion(this.db) !== readAt) {
        this.db
          .transaction(() => {
            // Main saved something since the rows were read (an order, a lock): decide this
            // batch again from what is committed now, under the write lock, so a stale row never
            // puts back a tier or figures main has just moved.
            if (dataVersion(this.db) !== readAt) {
              ;({ rows, results } = evaluate(rows.map((r) => r.id)))
              ;({ batchMoves, writes } = decide(rows, results))
            }
            for (const j of writes) {
              const row = rows[j]!
              const result = results[j]!
              const hold = mode === 'hold' && row.tier !== result.tier.tier
              this.tiers.store(
                row.id,
                result,
                row,
                policy,
                hold ? { tier: row.tier, rule: row.rule, revenueUsd: row.revenue_usd } : null,
              )
            }
          })
          .immediate()
      }
      moves.push(...batchMoves)
      progress(Math.min(i + BATCH, all.rows.length), all.rows.length)
      await this.pause()
    }
    this.tiers.setRfmBounds(bounds)
    return { moves, customers: this.q.liveCount.get() as number }
  }

  private moveOf(row: BaseRow, result: CustomerEvaluation, policy: TieringPolicy): Move | null {
    const from = row.tier
    const to = result.tier.tier
    if (from === to) return null
    return {
      customerId: row.id,
      from,
      to,
      revenueUsd: result.tier.inputs.revenueUsd,
      previousRevenueUsd: row.revenue_usd,
      thresholdUsd: result.tier.inputs.thresholdUsd,
      floorUsd: isPromotion(from, to) ? null : demotionFloor(from, policy),
    }
  }

  /** The daily pass: figures to today, then segments, stages and risks; tier moves wait for review. */
  daily(progress: Progress = () => undefined): Promise<{ customers: number; pending: number }> {
    return this.serial(async () => {
      const policy = this.policy()
      await this.rollFigures(policy, progress)
      const { moves, customers } = await this.store(policy, 'hold', progress)
      this.setMeta('daily_pass_on', this.today())
      return { customers, pending: moves.length }
    })
  }

  /** Whether today's daily pass has run. */
  dailyDone(): boolean {
    return metaRead(this.db, 'daily_pass_on') === this.today()
  }

  /** The full re-tier after a policy change: every customer, tiers applied, with progress. */
  applyAll(
    policy: TieringPolicy,
    progress: Progress = () => undefined,
  ): Promise<{ customers: number; moves: number }> {
    return this.serial(async () => {
      await this.rollFigures(policy, progress)
      const { moves, customers } = await this.store(policy, 'apply', progress)
      // Moves of a saved policy were previewed and accepted; an open review is now out of date.
      if (this.q.closeOpen.run(this.now().toISOString()).changes > 0) this.changes?.touch('tier_reviews')
      this.setMeta('daily_pass_on', this.today())
      return { customers, moves: moves.length }
    })
  }

  /** What saving `policy` would change, computed from the current facts; writes nothing. */
  preview(policy: TieringPolicy): PolicyPreview {
    const sameFigures = figuresSignature(policy) === metaRead(this.db, 'figures_signature')
    // A new window or new revenue statuses need figures recomputed from orders (in memory only).
    const figuresFor = sameFigures ? figuresOf : (row: BaseRow) => this.figures.preview(row.id, policy)
    const { rows, results } = this.evaluateBase(policy, figuresFor)
    const moves = new Map<string, number>()
    let promotions = 0
    let demotions = 0
    let segmentChanges = 0
    let stageChanges = 0
    const after = new Map<ValueTier, number>(VALUE_TIERS.map((t) => [t, 0]))
    rows.forEach((row, i) => {
      const r = results[i]!
      const from = row.tier
      const to = r.tier.tier
      after.set(to, after.get(to)! + 1)
      if (from !== to) {
        moves.set(`${from}>${to}`, (moves.get(`${from}>${to}`) ?? 0) + 1)
        if (isPromotion(from, to)) promotions++
        else demotions++
      }
      if ((r.segment?.segment ?? null) !== row.segment) segmentChanges++
      if (r.stage.stage !== row.stage) stageChanges++
    })
    return {
      customers: rows.length,
      moves: [...moves].map(([k, count]) => {
        const [from, to] = k.split('>') as [ValueTier, ValueTier]
        return { from, to, count }
      }),
      promotions,
      demotions,
      segmentChanges,
      stageChanges,
      tiersAfter: VALUE_TIERS.map((tier) => ({ tier, count: after.get(tier)! })),
    }
  }

  // ---- re-evaluation runs held for review ----

  /** A re-evaluation run: refreshes everything but tiers, and holds the tier moves for review. */
  runReview(progress: Progress = () => undefined): Promise<Review> {
    return this.serial(async () => {
      const policy = this.policy()
      await this.rollFigures(policy, progress)
      const { moves } = await this.store(policy, 'hold', progress)
      const at = this.now().toISOString()
      const id = this.db
        .transaction(() => {
          // A new run replaces an older open one: its list is out of date.
          this.changes?.touch('tier_reviews', 'tier_review_items')
          this.q.closeOpen.run(at)
          const reviewId = Number(this.q.newReview.run(this.today(), policy.version, at).lastInsertRowid)
          // A run that finds nothing to move is recorded (its date sets the schedule) but not left open.
          if (moves.length === 0) this.q.setStatus.run('applied', at, reviewId)
          for (const m of moves) {
            this.q.reviewItem.run(
              reviewId,
              m.customerId,
              m.from,
              m.to,
              isPromotion(m.from, m.to) ? 'promotion' : 'demotion',
              m.revenueUsd,
              m.previousRevenueUsd,
              m.thresholdUsd,
              m.floorUsd,
            )
          }
          return reviewId
        })
        .immediate()
      this.setMeta('daily_pass_on', this.today())
      return this.review(id)!
    })
  }

  /** A run with its items; without an id, the latest run (null before the first). */
  review(id?: number): Review | null {
    const reviewId = id ?? (this.q.latestReview.get() as number | null)
    if (reviewId === null) return null
    const row = this.q.review.get(reviewId) as
      | { id: number; as_of: string; policy_version: number; status: Review['status']; created_at: string }
      | undefined
    if (!row) {
      if (id === undefined) return null
      throw new AppFailure('not_found')
    }
    const items = (
      this.q.items.all(reviewId) as {
        customer_id: string
        display_name: string
        country: string | null
        from_tier: ValueTier
        to_tier: ValueTier
        revenue_usd: number
        previous_revenue_usd: number
        threshold_usd: number
        floor_usd: number | null
      }[]
    ).map((i) => ({
      customerId: i.customer_id,
      displayName: i.display_name,
      country: i.country,
      from: i.from_tier,
      to: i.to_tier,
      revenueUsd: i.revenue_usd,
      previousRevenueUsd: i.previous_revenue_usd,
      thresholdUsd: i.threshold_usd,
      floorUsd: i.floor_usd,
    }))
    return {
      id: row.id,
      asOf: row.as_of,
      policyVersion: row.policy_version,
      status: row.status,
      createdAt: row.created_at,
      promotions: items.filter((i) => isPromotion(i.from, i.to)).length,
      demotions: items.filter((i) => isPromotion(i.to, i.from)).length,
      items,
    }
  }

  /**
   * Applies an open run's moves (all, or the listed customers only) or dismisses it. Each move is
   * re-decided from today's figures, so a customer whose orders changed since the run moves to
   * where the rules put it now, with the event explaining that.
   */
  decide(id: number, decision: 'apply' | 'dismiss', customerIds?: readonly string[]): Review {
    const review = this.review(id)
    if (!review) throw new AppFailure('not_found')
    if (review.status !== 'open')
      throw new AppFailure('already_decided', undefined, { status: review.status })
    const at = this.now().toISOString()
    this.changes?.touch('tier_reviews')
    this.db
      .transaction(() => {
        if (decision === 'apply') {
          const chosen = customerIds ? new Set(customerIds) : null
          for (const item of review.items) {
            if (chosen && !chosen.has(item.customerId)) continue
            this.tiers.evaluate(item.customerId, this.figures.stored(item.customerId))
          }
        }
        this.q.setStatus.run(decision === 'apply' ? 'applied' : 'dismissed', at, id)
      })
      .immediate()
    return this.review(id)!
  }

  /** Whether the policy's schedule says a run is due (none open, the last older than the period). */
  reviewDue(): boolean {
    const schedule = this.policy().reviewSchedule
    if (schedule === 'manual' || this.q.openReview.get() !== undefined) return false
    const last = this.q.lastReview.get() as string | null
    if (!last) return true
    const months = schedule === 'monthly' ? 1 : 3
    return addMonths(last.slice(0, 10), months) <= this.today()
  }

  lastReviewRun(): string | null {
    return (this.q.lastReview.get() as string | null) ?? null
  }

  openReviewId(): number | null {
    return (this.q.openReview.get() as number | undefined) ?? null
  }
}

/**
 * True when storing `result` over `row` would change nothing the app shows; with `keepTier` the
 * tier is not compared (a held move keeps it).
 */
function unchanged(row: BaseRow, r: CustomerEvaluation, keepTier = false): boolean {
  const gap = r.risks.some((x) => x.kind === 'gap') ? 1 : 0
  const drop = r.risks.some((x) => x.kind === 'drop') ? 1 : 0
  return (
    (keepTier ||
      (row.tier === r.tier.tier &&
        row.rule === r.tier.rule &&
        row.revenue_usd === r.tier.inputs.revenueUsd)) &&
    row.segment === (r.segment?.segment ?? null) &&
    row.rfm_r === (r.scores?.r ?? null) &&
    row.rfm_f === (r.scores?.f ?? null) &&
    row.rfm_m === (r.scores?.m ?? null) &&
    row.stage === r.stage.stage &&
    row.risk_gap === gap &&
    row.risk_drop === drop
  )
}
