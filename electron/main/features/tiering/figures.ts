// Each customer's figures (revenue in the trailing window, order count, first and last order, the
// two half-years, the median reorder gap), DERIVED from its orders and stored in customer_figures
// so lists, groups and the re-tier never read 2M orders. An order write refreshes its customer's
// row (a declared derivation); a policy with a new window, or a first run, rebuilds them all.
//
// The stored figures are computed by one SQL aggregate, for one customer or for the whole base:
// SQLite walks each customer's orders in the same index order either way, so a rebuilt row equals
// an incrementally kept one to the last bit, and the whole base is one pass over the orders index
// (about 2 s for 2M orders) instead of a query per customer. The definition is the engine's
// (core/tiering.ts computeFigures, which the policy preview and the tests use): the same filters,
// windows and net-of-returns revenue.
import type { Db } from '../../db/connection'
import { dataVersion } from '../../db/connection'
import type { ChangeTracker } from '../../db/changes'
import type { SqlRow } from '../../db/schema'
import type { customerFigures } from '../../db/schema'
import type { Figures, TieringPolicy } from '../../../../shared/tiering'
import { addMonths, computeFigures, medianGapDays } from '../../core/tiering'
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

const NET_USD = 'max(0, amount - returned) * usd_rate'

/**
 * The policy's revenue statuses as three query parameters (it has one to three), padded by
 * repeating one: IN ('paid', 'paid', 'paid') is IN ('paid').
 */
export function revenueStatusParams(policy: TieringPolicy): [string, string, string] {
  const [first, second, third] = policy.revenueStatuses
  // The schema requires at least one status.
  const one = first!
  return [one, second ?? one, third ?? one]
}

/**
 * The aggregate of computeFigures in SQL: for one customer, for a list of them (a JSON array in
 * @customerIds), or for the whole base.
 */
const FIGURES_SQL = (which: 'one' | 'some' | 'all') => `
  SELECT customer_id,
    total(CASE WHEN date > @windowStart THEN ${NET_USD} END),
    count(CASE WHEN date > @windowStart THEN 1 END),
    min(date), max(date),
    total(CASE WHEN date > @sixAgo THEN ${NET_USD} END),
    total(CASE WHEN date > @twelveAgo AND date <= @sixAgo THEN ${NET_USD} END),
    CASE WHEN count(*) >= 3 THEN group_concat(date, '' ORDER BY date) END
  FROM orders
  WHERE ${WHICH[which]}deleted_at IS NULL AND date <= @asOf
    AND status IN (@s0, @s1, @s2)
  GROUP BY customer_id`

const WHICH = {
  one: 'customer_id = @customerId AND ',
  some: 'customer_id IN (SELECT value FROM json_each(@customerIds)) AND ',
  all: '',
} as const

type RawFigures = [
  customerId: string,
  revenueUsd: number,
  orderCount: number,
  firstOrder: string,
  lastOrder: string,
  last6Usd: number,
  prev6Usd: number,
  /** The dates run together (10 characters each), for the median gap; null under 3 orders. */
  dates: string | null,
]

function fromRaw(asOf: string, r: RawFigures): Figures {
  let gap: number | null = null
  if (r[7] !== null) {
    const dates: string[] = []
    for (let i = 0; i < r[7].length; i += 10) dates.push(r[7].slice(i, i + 10))
    gap = medianGapDays(dates)
  }
  return {
    asOf,
    revenueUsd: r[1],
    orderCount: r[2],
    firstOrder: r[3],
    lastOrder: r[4],
    last6Usd: r[5],
    prev6Usd: r[6],
    medianGapDays: gap,
  }
}

export class FiguresRepository {
  private readonly q

  constructor(
    private readonly db: Db,
    private readonly today: () => string,
    private readonly changes: ChangeTracker | null = null,
  ) {
    this.q = {
      stored: db.prepare('SELECT * FROM customer_figures WHERE customer_id = ?'),
      one: db.prepare(FIGURES_SQL('one')).raw(),
      some: db.prepare(FIGURES_SQL('some')).raw(),
      all: db.prepare(FIGURES_SQL('all')).raw(),
      facts: db.prepare(
        'SELECT date, amount, returned, usd_rate AS usdRate, status FROM orders WHERE customer_id = ? AND deleted_at IS NULL',
      ),
      save: db.prepare(
        `INSERT INTO customer_figures (customer_id, as_of, revenue_usd, order_count, first_order, last_order, last6_usd, prev6_usd, median_gap_days)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (customer_id) DO UPDATE SET as_of = excluded.as_of, revenue_usd = excluded.revenue_usd,
           order_count = excluded.order_count, first_order = excluded.first_order, last_order = excluded.last_order,
           last6_usd = excluded.last6_usd, prev6_usd = excluded.prev6_usd, median_gap_days = excluded.median_gap_days`,
      ),
      customersOfOrders: db
        // A synced order may arrive before its customer_id cell (another segment): none yet.
        .prepare(
          'SELECT DISTINCT customer_id FROM orders WHERE id IN (SELECT value FROM json_each(?)) AND customer_id IS NOT NULL',
        )
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

  /** Figures under another policy from the customer's orders, without storing them (a preview). */
  preview(customerId: string, policy: TieringPolicy): Figures {
    const asOf = this.today()
    return { asOf, ...computeFigures(this.q.facts.all(customerId) as OrderFact[], asOf, policy) }
  }

  /** Recomputes one customer's figures from its own orders (tens of rows) and stores them. */
  refresh(customerId: string, policy: TieringPolicy): Figures {
    const asOf = this.today()
    const raw = this.q.one.get({ ...this.params(asOf, policy), customerId }) as RawFigures | undefined
    const figures = raw ? fromRaw(asOf, raw) : { asOf, ...NO_FIGURES }
    this.save(customerId, figures)
    return figures
  }

  /**
   * refresh() for many customers (an order batch's): one aggregate over all their orders instead
   * of a statement each, the same figures to the last bit. Returns them in the order given.
   */
  refreshMany(customerIds: readonly string[], policy: TieringPolicy): Map<string, Figures> {
    const asOf = this.today()
    const computed = new Map<string, Figures>()
    const params = { ...this.params(asOf, policy), customerIds: JSON.stringify(customerIds) }
    for (const raw of this.q.some.iterate(params) as IterableIterator<RawFigures>)
      computed.set(raw[0], fromRaw(asOf, raw))
    const out = new Map<string, Figures>()
    for (const id of customerIds) {
      const figures = computed.get(id) ?? { asOf, ...NO_FIGURES }
      this.save(id, figures)
      out.set(id, figures)
    }
    return out
  }

  /**
   * Rebuilds every live customer's figures from all orders in one pass, storing them in
   * transactions of `batch` customers (customers with no counted order get empty figures) and
   * calling `pause` between batches. Returns how many rows were written.
   *
   * The pass runs in the job worker while main keeps saving orders between its batches. A batch
   * whose customers could have changed since the scan (another connection committed: SQLite's
   * data_version moved) recomputes them from their own orders inside its transaction, so an
   * order saved mid-pass is never overwritten by the figures from before it.
   */
  async rebuildAll(
    policy: TieringPolicy,
    liveIds: readonly string[],
    pause: (done: number, total: number) => Promise<void>,
    batch = 10_000,
  ): Promise<number> {
    const asOf = this.today()
    const scannedAt = dataVersion(this.db)
    const computed = new Map<string, Figures>()
    for (const raw of this.q.all.iterate(this.params(asOf, policy)) as IterableIterator<RawFigures>)
      computed.set(raw[0], fromRaw(asOf, raw))
    const empty = { asOf, ...NO_FIGURES }
    for (let i = 0; i < liveIds.length; i += batch) {
      const ids = liveIds.slice(i, i + batch)
      this.db
        .transaction(() => {
          if (dataVersion(this.db) === scannedAt)
            for (const id of ids) this.save(id, computed.get(id) ?? empty)
          else for (const id of ids) this.refresh(id, policy)
        })
        .immediate()
      await pause(Math.min(i + batch, liveIds.length), liveIds.length)
    }
    return liveIds.length
  }

  private params(asOf: string, policy: TieringPolicy) {
    const [s0, s1, s2] = revenueStatusParams(policy)
    return {
      asOf,
      windowStart: addMonths(asOf, -policy.windowMonths),
      sixAgo: addMonths(asOf, -6),
      twelveAgo: addMonths(asOf, -12),
      s0,
      s1,
      s2,
    }
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
