// Each customer's figures (revenue in the trailing window, order count, first and last order, the
// two half-years, the median reorder gap), DERIVED from its orders and stored in customer_figures
// so lists, groups and the re-tier never read 2M orders. An order write refreshes its customer's
// row (the declared derivation); the daily pass and a policy with a new window rebuild many rows.
import type { Db } from '../../db/connection'
import type { ChangeTracker } from '../../db/changes'
import type { SqlRow } from '../../db/schema'
import type { customerFigures } from '../../db/schema'
import type { Figures, TieringPolicy } from '../../../../shared/tiering'
import { computeFigures } from '../../core/tiering'
import type { CustomerFigures, OrderFact } from '../../core/tiering'

/** A customer without orders: no revenue, no dates. */
export const NO_FIGURES: CustomerFigures = {
  revenueUsd: 0,
  orderCount: 0,
  firstOrder: null,
  lastOrder: null,
  last6Usd: 0,
  prev6Usd: 0,
  medianGapDays: null,
}

type FiguresRow = SqlRow<typeof customerFigures>

/** A customer_figures row as Figures. */
export function figuresFromRow(row: FiguresRow): Figures {
  return {
    asOf: row.as_of,
    revenueUsd: row.revenue_usd,
    orderCount: row.order_count,
    firstOrder: row.first_order,
    lastOrder: row.last_order,
    last6Usd: row.last6_usd,
    prev6Usd: row.prev6_usd,
    medianGapDays: row.median_gap_days,
  }
}

// Both the one-customer read and the whole-base scan list a customer's orders in the same order
// (date, then id), so the sums add up in the same order and a rebuilt row equals an incremental one
// to the last bit.
const FACT_COLUMNS = 'date, amount, returned, usd_rate, status'

export class FiguresRepository {
  private readonly q

  constructor(
    private readonly db: Db,
    private readonly today: () => string,
    private readonly changes: ChangeTracker | null = null,
  ) {
    this.q = {
      stored: db.prepare('SELECT * FROM customer_figures WHERE customer_id = ?'),
      facts: db
        .prepare(
          `SELECT ${FACT_COLUMNS} FROM orders WHERE customer_id = ? AND deleted_at IS NULL ORDER BY date, id`,
        )
        .raw(),
      allFacts: db
        .prepare(
          `SELECT customer_id, ${FACT_COLUMNS} FROM orders WHERE deleted_at IS NULL ORDER BY customer_id, date, id`,
        )
        .raw(),
      save: db.prepare(
        `INSERT INTO customer_figures (customer_id, as_of, revenue_usd, order_count, first_order, last_order, last6_usd, prev6_usd, median_gap_days)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (customer_id) DO UPDATE SET as_of = excluded.as_of, revenue_usd = excluded.revenue_usd,
           order_count = excluded.order_count, first_order = excluded.first_order, last_order = excluded.last_order,
           last6_usd = excluded.last6_usd, prev6_usd = excluded.prev6_usd, median_gap_days = excluded.median_gap_days`,
      ),
      customersOfOrders: db
        .prepare('SELECT DISTINCT customer_id FROM orders WHERE id IN (SELECT value FROM json_each(?))')
        .pluck(),
    }
  }

  /** The figures last stored for a customer (none stored: no orders yet, as of today). Reads only. */
  stored(customerId: string): Figures {
    const row = this.q.stored.get(customerId) as FiguresRow | undefined
    return row ? figuresFromRow(row) : { asOf: this.today(), ...NO_FIGURES }
  }

  /** The customers owning these orders (deleted orders included: their customer's figures move too). */
  customersOfOrders(orderIds: readonly string[]): string[] {
    return this.q.customersOfOrders.all(JSON.stringify(orderIds)) as string[]
  }

  /** Figures under a policy from the customer's orders, without storing them (a policy preview). */
  compute(customerId: string, policy: TieringPolicy): Figures {
    const asOf = this.today()
    return { asOf, ...computeFigures(this.facts(customerId), asOf, policy) }
  }

  /** Recomputes one customer's figures from its own orders (tens of rows) and stores them. */
  refresh(customerId: string, policy: TieringPolicy): Figures {
    const figures = this.compute(customerId, policy)
    this.save(customerId, figures)
    return figures
  }

  /**
   * Rebuilds every customer's figures from all orders in one ordered scan (no query per
   * customer), storing them in transactions of `batch` customers; customers with no live order
   * get empty figures. Yields to `pause` between batches. Returns how many rows were written.
   */
  async rebuildAll(
    policy: TieringPolicy,
    liveIds: readonly string[],
    pause: (done: number, total: number) => Promise<void>,
    batch = 20_000,
  ): Promise<number> {
    const asOf = this.today()
    const pending: [string, Figures][] = []
    let written = 0
    const flush = async () => {
      this.db.transaction(() => {
        for (const [id, f] of pending) this.save(id, f)
      })()
      written += pending.length
      pending.length = 0
      await pause(written, liveIds.length)
    }
    const live = new Set(liveIds)
    const seen = new Set<string>()
    let current: string | null = null
    let facts: OrderFact[] = []
    const close = () => {
      if (current === null || !live.has(current)) return
      seen.add(current)
      pending.push([current, { asOf, ...computeFigures(facts, asOf, policy) }])
    }
    // A connection cannot write while one of its statements is still iterating, so the scan
    // computes everything first (100k small objects) and the writes follow in batches.
    for (const row of this.q.allFacts.iterate() as IterableIterator<RawFact>) {
      const id = row[0]
      if (id !== current) {
        close()
        current = id
        facts = []
      }
      facts.push({ date: row[1], amount: row[2], returned: row[3], usdRate: row[4], status: row[5] })
    }
    close()
    for (const id of liveIds) if (!seen.has(id)) pending.push([id, { asOf, ...NO_FIGURES }])
    const all = pending.splice(0)
    for (let i = 0; i < all.length; i += batch) {
      pending.push(...all.slice(i, i + batch))
      await flush()
    }
    return written
  }

  private facts(customerId: string): OrderFact[] {
    return (this.q.facts.all(customerId) as RawFactRow[]).map((r) => ({
      date: r[0],
      amount: r[1],
      returned: r[2],
      usdRate: r[3],
      status: r[4],
    }))
  }

  private save(customerId: string, f: Figures): void {
    // Triggers copy the revenue onto customer_tiers and into the dashboard cells.
    this.changes?.touch('customer_figures', 'customer_tiers', 'dashboard_cells')
    this.q.save.run(
      customerId,
      f.asOf,
      f.revenueUsd,
      f.orderCount,
      f.firstOrder,
      f.lastOrder,
      f.last6Usd,
      f.prev6Usd,
      f.medianGapDays,
    )
  }
}

type RawFactRow = [string, number, number, number, OrderFact['status']]
type RawFact = [string, string, number, number, number, OrderFact['status']]
