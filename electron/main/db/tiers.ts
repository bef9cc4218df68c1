// Value tiers as stored state (T1, T6): each evaluation applies decideTier to the customer's fresh
// figures, the tier it held before and any manager's lock, and a change is recorded with its rule,
// inputs and old value so the UI can explain it. Runs inside the write that changed the facts.
import type { Db } from './connection'
import { liveCustomerGuard } from './live'
import type { SyncWriter } from './writer'
import type { TierEvent, TierState, TieringPolicy, ValueTier } from '../../../shared/tiering'
import { decideTier, tierThreshold } from '../core/tiering'

type TierRow = { tier: ValueTier; rule: string; revenue_usd: number; evaluated_on: string }
type LockRow = { tier: ValueTier; reason: string | null; locked_by: string | null; updated_at: string }

export class TierRepository {
  private readonly q
  private readonly requireCustomer: (customerId: string) => void

  constructor(
    private readonly db: Db,
    private readonly writer: SyncWriter,
    private readonly policy: () => TieringPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.requireCustomer = liveCustomerGuard(db)
    this.q = {
      current: db.prepare(
        'SELECT tier, rule, revenue_usd, evaluated_on FROM customer_tiers WHERE customer_id = ?',
      ),
      save: db.prepare(
        `INSERT INTO customer_tiers (customer_id, tier, rule, revenue_usd, evaluated_on) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (customer_id) DO UPDATE SET tier = excluded.tier, rule = excluded.rule,
           revenue_usd = excluded.revenue_usd, evaluated_on = excluded.evaluated_on`,
      ),
      lock: db.prepare(
        'SELECT tier, reason, locked_by, updated_at FROM tier_locks WHERE id = ? AND deleted_at IS NULL',
      ),
      event: db.prepare(
        'INSERT INTO tier_events (customer_id, kind, from_value, to_value, rule, inputs, policy_version, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      history: db.prepare(
        'SELECT from_value, to_value, rule, inputs, at FROM tier_events WHERE customer_id = ? ORDER BY id DESC LIMIT 50',
      ),
      revenue: db.prepare('SELECT revenue_usd FROM customer_figures WHERE customer_id = ?').pluck(),
    }
    // Every customer has a tier row (Ordinary until orders say otherwise), so tier filters and the
    // list's tier column are one indexed lookup.
    const ensureRow = db.prepare(
      "INSERT OR IGNORE INTO customer_tiers (customer_id, tier, rule, revenue_usd, evaluated_on) VALUES (?, 'ordinary', 'threshold', 0, '')",
    )
    writer.onChange('customers', (ids) => {
      for (const id of ids) ensureRow.run(id)
    })
    // A lock or unlock (local or synced) re-evaluates that customer at once.
    writer.onChange('tier_locks', (ids) => {
      for (const id of ids) this.evaluate(id, (this.q.revenue.get(id) as number | undefined) ?? 0)
    })
  }

  /** Gives every existing customer its Ordinary row (databases from before stored tiers). Idempotent. */
  backfill(): void {
    this.db.exec(
      "INSERT OR IGNORE INTO customer_tiers (customer_id, tier, rule, revenue_usd, evaluated_on) SELECT id, 'ordinary', 'threshold', 0, '' FROM customers",
    )
  }

  /** Applies the policy to a customer's current 12-month revenue; records a change if there is one. */
  evaluate(customerId: string, revenueUsd: number): void {
    const policy = this.policy()
    const before = this.q.current.get(customerId) as TierRow | undefined
    const lock = this.q.lock.get(customerId) as LockRow | undefined
    const decision = decideTier(revenueUsd, before?.tier ?? null, policy, lock?.tier ?? null)
    const at = this.now().toISOString()
    // A customer never evaluated counts as Ordinary with no revenue, so its first order reads as
    // "Ordinary → Small" and merely opening a prospect records nothing.
    const fromTier: ValueTier = before?.tier ?? 'ordinary'
    const wasLocked = before?.rule === 'locked'
    if (fromTier !== decision.tier || wasLocked !== (decision.rule === 'locked')) {
      const demoted =
        decision.rule === 'threshold' && tierThreshold(fromTier, policy) > decision.inputs.thresholdUsd
      const inputs: TierEvent['inputs'] = {
        revenueUsd,
        previousRevenueUsd: before?.revenue_usd ?? 0,
        thresholdUsd: decision.inputs.thresholdUsd,
        // For a demotion, the floor the old tier fell through.
        floorUsd: demoted ? tierThreshold(fromTier, policy) * (1 - policy.hysteresisPct / 100) : null,
        reason: decision.rule === 'locked' ? (lock?.reason ?? null) : null,
      }
      this.q.event.run(
        customerId,
        'tier',
        fromTier,
        decision.tier,
        decision.rule,
        JSON.stringify(inputs),
        policy.version,
        at,
      )
    }
    this.q.save.run(customerId, decision.tier, decision.rule, revenueUsd, at.slice(0, 10))
  }

  /** Locks a customer's tier by hand (with a reason), or removes the lock when `tier` is null. */
  setLock(customerId: string, tier: ValueTier | null, reason: string | null, by: string | null): void {
    this.requireCustomer(customerId)
    const at = this.now().toISOString()
    this.writer.write([
      {
        table: 'tier_locks',
        id: customerId,
        values: tier ? { tier, reason, locked_by: by, created_at: at, deleted_at: null } : { deleted_at: at },
      },
    ])
  }

  state(customerId: string): Omit<TierState, 'stage' | 'risks'> {
    const row = this.q.current.get(customerId) as TierRow | undefined
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
    return {
      tier: row?.tier ?? 'ordinary',
      rule: (row?.rule as TierState['rule'] | undefined) ?? 'threshold',
      revenueUsd: row?.revenue_usd ?? 0,
      lock: lock
        ? { tier: lock.tier, reason: lock.reason, lockedBy: lock.locked_by, at: lock.updated_at }
        : null,
      history,
    }
  }
}
