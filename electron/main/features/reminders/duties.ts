// Service duties (R2, T5) as a derived table: the SQL triggers of migrations/0016 keep one
// customer's duties in step with its interactions, owner and tier; this class writes what the
// triggers read (the service the policy in force owes each tier) and rebuilds every customer's
// duties at once, which a new policy needs after its re-tier (a job in the worker).
import type { Db } from '../../db/connection'
import type { ChangeTracker } from '../../db/changes'
import type { TieringPolicy } from '../../../../shared/tiering'
import { VALUE_TIERS } from '../../../../shared/vocabulary'

export class Duties {
  private readonly q

  constructor(
    private readonly db: Db,
    private readonly changes?: ChangeTracker,
  ) {
    this.q = {
      service: db.prepare(
        `INSERT INTO service_cadence (tier, cadence_days, dialogue_months, owner_required) VALUES (?, ?, ?, ?)
         ON CONFLICT (tier) DO UPDATE SET cadence_days = excluded.cadence_days,
           dialogue_months = excluded.dialogue_months, owner_required = excluded.owner_required
         WHERE cadence_days IS NOT excluded.cadence_days OR dialogue_months IS NOT excluded.dialogue_months
           OR owner_required IS NOT excluded.owner_required`,
      ),
    }
  }

  /** Writes the policy's service per tier; true when it changed (the duties then need a rebuild). */
  setService(policy: TieringPolicy): boolean {
    let changed = 0
    for (const tier of VALUE_TIERS) {
      const s = policy.service[tier]
      changed += this.q.service.run(
        tier,
        s.cadenceDays,
        s.executiveDialogueMonths,
        s.ownerRequired ? 1 : 0,
      ).changes
    }
    if (changed > 0) this.changes?.touch('service_cadence')
    return changed > 0
  }

  /** Every live customer's duties from the view, in one transaction (the caller's, if any). */
  rebuildAll(): number {
    const run = () => {
      this.db.exec('DELETE FROM customer_duties')
      return this.db
        .prepare(
          `INSERT INTO customer_duties (customer_id, kind, due_date, owner, tier)
           SELECT customer_id, kind, due_date, owner, tier FROM customer_duties_v`,
        )
        .run().changes
    }
    const n = this.db.inTransaction ? run() : this.db.transaction(run).immediate()
    this.changes?.touch('customer_duties')
    return n
  }
}
