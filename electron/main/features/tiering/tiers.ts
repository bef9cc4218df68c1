// Tiers, segments, stages and risk flags as stored state (T1–T4, T6): each evaluation applies the
// engine to the customer's figures, the tier it held before, any manager's lock and the base's RFM
// bounds, and every change is recorded with its rule, inputs and old value so the UI can explain
// it. Runs as a declared derivation inside the write that changed the facts
// (electron/main/derivations.ts), or in a batch of a whole-base pass (./retier.ts).
import type { TableName } from '../../../../shared/tables'
import type { Db } from '../../db/connection'
import type { Refine, SqlRow, customerTiers } from '../../db/schema'
import { liveCustomerGuard } from '../../db/live'
import { metaRead, metaSet } from '../../db/device'
import type { SyncWriter } from '../../db/writer'
import type { ChangeTracker } from '../../db/changes'
import type {
  Figures,
  LifecycleStage,
  RfmSegment,
  TierEvent,
  TierState,
  TieringPolicy,
  ValueTier,
} from '../../../../shared/tiering'
import { demotionFloor, evaluateCustomer, tierCause } from '../../core/tiering'
import { isPromotion } from '../../../../shared/tiering'
import { localToday } from '../../../../shared/dates'
import type { CustomerEvaluation, RfmBounds } from '../../core/tiering'

/** A customer's stored tier, segment, stage and risk flags (the columns a pass compares). */
export type TierRow = Refine<
  Omit<SqlRow<typeof customerTiers>, 'customer_id' | 'live' | 'country' | 'revenue_now'>,
  { tier: ValueTier; segment: RfmSegment | null; stage: LifecycleStage }
>
type LockRow = { tier: ValueTier; reason: string | null; locked_by: string | null; updated_at: string }

const EMPTY_BOUNDS: RfmBounds = { r: [], f: [], m: [] }

/** Risk flags as one stored word: 'none', 'gap', 'drop' or 'gap+drop'. */
function riskWord(gap: boolean, drop: boolean): string {
  return gap && drop ? 'gap+drop' : gap ? 'gap' : drop ? 'drop' : 'none'
}

/** A new customer's tier row writes these (TIER_WRITES less the tier events and movements). */
export const TIER_ROW_WRITES = [
  'customer_tiers',
  'dashboard_cells',
  'customer_duties',
  'contact_birthdays',
  'reminder_due',
  'reminder_due_counts',
] as const satisfies readonly TableName[]

/**
 * What a tier evaluation writes: the tier row and its events, then by SQL triggers the dashboard
 * cells and movements (migrations/0010) and the tier copies on duties, birthdays and due
 * reminders (migrations/0016, 0021, 0024). The change event names them all.
 */
export const TIER_WRITES = [
  ...TIER_ROW_WRITES,
  'tier_events',
  'tier_movements',
] as const satisfies readonly TableName[]

export class TierRepository {
  private readonly q
  private readonly requireCustomer: (customerId: string) => string
  private bounds: RfmBounds | null = null

  constructor(
    private readonly db: Db,
    private readonly writer: SyncWriter,
    private readonly policy: () => TieringPolicy,
    private readonly now: () => Date = () => new Date(),
    private readonly today: () => string = localToday,
    private readonly changes: ChangeTracker | null = null,
  ) {
    this.requireCustomer = liveCustomerGuard(db)
    this.q = {
      current: db.prepare('SELECT * FROM customer_tiers WHERE customer_id = ?'),
      save: db.prepare(
        `INSERT INTO customer_tiers (customer_id, tier, rule, revenue_usd, evaluated_on, segment, rfm_r, rfm_f, rfm_m, stage, risk_gap, risk_drop)
         VALUES (@id, @tier, @rule, @revenue, @on, @segment, @r, @f, @m, @stage, @gap, @drop)
         ON CONFLICT (customer_id) DO UPDATE SET tier = excluded.tier, rule = excluded.rule,
           revenue_usd = excluded.revenue_usd, evaluated_on = excluded.evaluated_on, segment = excluded.segment,
           rfm_r = excluded.rfm_r, rfm_f = excluded.rfm_f, rfm_m = excluded.rfm_m, stage = excluded.stage,
           risk_gap = excluded.risk_gap, risk_drop = excluded.risk_drop`,
      ),
      lock: db.prepare(
        'SELECT tier, reason, locked_by, updated_at FROM tier_locks WHERE id = ? AND deleted_at IS NULL',
      ),
      event: db.prepare(
        'INSERT INTO tier_events (customer_id, kind, from_value, to_value, rule, inputs, policy_version, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      history: db.prepare(
        "SELECT from_value, to_value, rule, inputs, at FROM tier_events WHERE customer_id = ? AND kind = 'tier' ORDER BY id DESC LIMIT 50",
      ),
      changes: db.prepare(
        "SELECT kind, from_value, to_value, rule, inputs, at FROM tier_events WHERE customer_id = ? AND kind <> 'tier' ORDER BY id DESC LIMIT 50",
      ),
    }
    this.ensure = db.prepare(
      `INSERT OR IGNORE INTO customer_tiers (customer_id, tier, rule, revenue_usd, evaluated_on, live, country)
       SELECT id, 'ordinary', 'threshold', 0, '', deleted_at IS NULL, country FROM customers WHERE id = ?`,
    )
  }

  private readonly ensure: ReturnType<Db['prepare']>

  /**
   * Gives new customers their Ordinary row, so tier filters and the list's tier column are one
   * indexed lookup for every customer (a derivation of customer writes).
   */
  ensureRows(customerIds: readonly string[]): void {
    // The tier copies on duties, birthdays and due reminders follow by triggers (migrations/0021).
    this.changes?.touch(...TIER_ROW_WRITES)
    for (const id of customerIds) this.ensure.run(id)
  }

  /** Gives every existing customer its Ordinary row (databases from before stored tiers). Idempotent. */
  backfill(): void {
    this.db.exec(
      `INSERT OR IGNORE INTO customer_tiers (customer_id, tier, rule, revenue_usd, evaluated_on, live, country, revenue_now)
       SELECT c.id, 'ordinary', 'threshold', 0, '', c.deleted_at IS NULL, c.country,
         coalesce((SELECT f.revenue_usd FROM customer_figures f WHERE f.customer_id = c.id), 0)
       FROM customers c`,
    )
  }

  /** The base's RFM cut points from the last full run (empty before the first one). */
  rfmBounds(): RfmBounds {
    if (!this.bounds) {
      const raw = metaRead(this.db, 'rfm_bounds')
      this.bounds = raw ? (JSON.parse(raw) as RfmBounds) : EMPTY_BOUNDS
    }
    return this.bounds
  }

  /** Drops the cached bounds (a pass on another connection stored new ones). */
  forgetBounds(): void {
    this.bounds = null
  }

  setRfmBounds(bounds: RfmBounds): void {
    metaSet(this.db, 'rfm_bounds', JSON.stringify(bounds))
    this.changes?.touch('meta')
    this.bounds = bounds
  }

  current(customerId: string): TierRow | undefined {
    return this.q.current.get(customerId) as TierRow | undefined
  }

  lockOf(customerId: string): ValueTier | null {
    return (this.q.lock.get(customerId) as LockRow | undefined)?.tier ?? null
  }

  /**
   * Applies the policy to a customer's fresh figures (after an order or interaction write, a lock,
   * or the daily roll-over) and stores the result, recording what changed.
   */
  evaluate(customerId: string, figures: Figures): CustomerEvaluation {
    const before = this.current(customerId)
    // Recency and stage count from today, whatever day the figures were last refreshed on: they
    // only change on an order write or when an order crosses a window edge (the daily pass).
    const result = evaluateCustomer(
      customerId,
      figures,
      this.today(),
      this.policy(),
      before?.tier ?? null,
      this.lockOf(customerId),
      this.rfmBounds(),
    )
    this.store(customerId, result, before, this.policy())
    return result
  }

  /**
   * Stores an evaluation and records each change against the row it replaces: the tier with its
   * revenue before and after, and the segment, stage and risk flags with the numbers that decided.
   * `tierOverride` keeps the stored tier (a re-evaluation run holds time-driven moves for review).
   */
  store(
    customerId: string,
    result: CustomerEvaluation,
    before: TierRow | undefined,
    policy: TieringPolicy,
    tierOverride: { tier: ValueTier; rule: string; revenueUsd: number } | null = null,
  ): void {
    const at = this.now().toISOString()
    this.changes?.touch(...TIER_WRITES)
    const decision = result.tier
    const tier = tierOverride?.tier ?? decision.tier
    const rule = tierOverride?.rule ?? decision.rule
    const revenue = tierOverride?.revenueUsd ?? decision.inputs.revenueUsd
    // A customer never evaluated counts as Ordinary with no revenue, so its first order reads as
    // "Ordinary → Small" and merely opening a prospect records nothing.
    const fromTier: ValueTier = before?.tier ?? 'ordinary'
    const wasLocked = before?.rule === 'locked'
    if (!tierOverride && (fromTier !== tier || wasLocked !== (rule === 'locked'))) {
      const demoted = rule === 'threshold' && isPromotion(tier, fromTier)
      const lock = rule === 'locked' ? (this.q.lock.get(customerId) as LockRow | undefined) : undefined
      const inputs: TierEvent['inputs'] = {
        revenueUsd: revenue,
        previousRevenueUsd: before?.revenue_usd ?? 0,
        thresholdUsd: decision.inputs.thresholdUsd,
        // For a demotion, the floor the old tier fell through.
        floorUsd: demoted ? demotionFloor(fromTier, policy) : null,
        reason: lock?.reason ?? null,
        cause: tierCause(decision.rule, wasLocked, fromTier, before?.revenue_usd ?? 0, policy),
      }
      this.q.event.run(customerId, 'tier', fromTier, tier, rule, JSON.stringify(inputs), policy.version, at)
    }
    const segment = result.segment?.segment ?? null
    if ((before?.segment ?? null) !== segment && segment !== null) {
      this.q.event.run(
        customerId,
        'segment',
        before?.segment ?? null,
        segment,
        result.segment!.rule,
        JSON.stringify(result.segment!.inputs),
        policy.version,
        at,
      )
    }
    const stage = result.stage.stage
    if ((before?.stage ?? 'prospect') !== stage) {
      this.q.event.run(
        customerId,
        'stage',
        before?.stage ?? 'prospect',
        stage,
        result.stage.rule,
        JSON.stringify(result.stage.inputs),
        policy.version,
        at,
      )
    }
    const gap = result.risks.some((r) => r.kind === 'gap')
    const drop = result.risks.some((r) => r.kind === 'drop')
    const riskBefore = riskWord(before?.risk_gap === 1, before?.risk_drop === 1)
    const riskAfter = riskWord(gap, drop)
    if (riskBefore !== riskAfter) {
      this.q.event.run(
        customerId,
        'risk',
        riskBefore,
        riskAfter,
        riskAfter,
        JSON.stringify({ flags: result.risks }),
        policy.version,
        at,
      )
    }
    this.q.save.run({
      id: customerId,
      tier,
      rule,
      revenue,
      on: at.slice(0, 10),
      segment,
      r: result.scores?.r ?? null,
      f: result.scores?.f ?? null,
      m: result.scores?.m ?? null,
      stage,
      gap: gap ? 1 : 0,
      drop: drop ? 1 : 0,
    })
  }

  /** Locks a customer's tier by hand (with a reason), or removes the lock when `tier` is null. */
  setLock(customerId: string, tier: ValueTier | null, reason: string | null, by: string | null): void {
    customerId = this.requireCustomer(customerId)
    const at = this.now().toISOString()
    this.writer.write([
      {
        table: 'tier_locks',
        id: customerId,
        values: tier ? { tier, reason, locked_by: by, created_at: at, deleted_at: null } : { deleted_at: at },
      },
    ])
  }

  state(customerId: string): Omit<TierState, 'stage' | 'risks' | 'segment' | 'service'> {
    const row = this.current(customerId)
    const lock = this.q.lock.get(customerId) as LockRow | undefined
    const history = (
      this.q.history.all(customerId) as {
        from_value: ValueTier | null
        to_value: ValueTier
        rule: TierEvent['rule']
        inputs: string
        at: string
      }[]
    ).map((e) => ({
      from: e.from_value,
      to: e.to_value,
      rule: e.rule,
      inputs: JSON.parse(e.inputs) as TierEvent['inputs'],
      at: e.at,
    }))
    const changes = (
      this.q.changes.all(customerId) as {
        kind: 'segment' | 'stage' | 'risk'
        from_value: string | null
        to_value: string
        rule: string
        inputs: string
        at: string
      }[]
    ).map((e) => ({
      kind: e.kind,
      from: e.from_value,
      to: e.to_value,
      rule: e.rule,
      inputs: JSON.parse(e.inputs) as Record<string, unknown>,
      at: e.at,
    }))
    return {
      tier: row?.tier ?? 'ordinary',
      rule: (row?.rule as TierState['rule'] | undefined) ?? 'threshold',
      revenueUsd: row?.revenue_usd ?? 0,
      lock: lock
        ? { tier: lock.tier, reason: lock.reason, lockedBy: lock.locked_by, at: lock.updated_at }
        : null,
      history,
      changes,
    }
  }
}
