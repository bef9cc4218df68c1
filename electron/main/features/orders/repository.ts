// Orders and exchange rates (P3): reads with SQL, writes through SyncWriter. Each order stores the
// USD rate in force on its date when it is entered, so later rate edits never rewrite history,
// and each change refreshes the customer's derived figures in the same transaction (T7).
import { createHash } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../../db/connection'
import { liveCustomerGuard } from '../../db/live'
import type { RowChange, SyncWriter } from '../../db/writer'
import { AppFailure } from '../../../../shared/errors'
import type { Figures, Order, OrderValues, Rate, RateInput, TieringPolicy } from '../../../../shared/tiering'
import { addMonths, computeFigures } from '../../core/tiering'
import { localToday } from '../../../../shared/dates'
import type { OrderFact } from '../../core/tiering'

type OrderRow = {
  id: string
  customer_id: string
  date: string
  amount: number
  currency: string
  usd_rate: number
  status: Order['status']
  returned: number
  product_categories: string
  reference: string | null
  notes: string | null
  updated_at: string
}

function toOrder(r: OrderRow): Order {
  return {
    id: r.id,
    customerId: r.customer_id,
    date: r.date,
    amount: r.amount,
    currency: r.currency,
    usdRate: r.usd_rate,
    status: r.status,
    returned: r.returned,
    productCategories: JSON.parse(r.product_categories) as string[],
    reference: r.reference,
    notes: r.notes,
    updatedAt: r.updated_at,
  }
}

/** A customer_figures row as Figures. */
export function figuresFromRow(row: Record<string, unknown>): Figures {
  return {
    asOf: row.as_of as string,
    revenueUsd: row.revenue_usd as number,
    orderCount: row.order_count as number,
    firstOrder: row.first_order as string | null,
    lastOrder: row.last_order as string | null,
    last6Usd: row.last6_usd as number,
    prev6Usd: row.prev6_usd as number,
    medianGapDays: row.median_gap_days as number | null,
  }
}

/** Deterministic id of a rate, so the same currency and day entered on two devices is one row. */
export function rateId(currency: string, date: string): string {
  return createHash('sha256').update(`${currency}\u0000${date}`).digest('hex').slice(0, 32)
}

// One placeholder per status that can count as revenue (the policy chooses among these three).
const policyStatusMarks = '?, ?, ?'

export class OrderRepository {
  private readonly q
  private readonly requireCustomer: (customerId: string) => void

  constructor(
    private readonly db: Db,
    private readonly writer: SyncWriter,
    private readonly policy: () => TieringPolicy,
    /** Today's calendar date for the team; defaults to the machine's zone. */
    /** Called with fresh figures inside the same transaction (the tier follows the revenue). */
    private readonly onFigures: (customerId: string, figures: Figures) => void = () => undefined,
    private readonly today: () => string = localToday,
  ) {
    this.requireCustomer = liveCustomerGuard(db)
    this.q = {
      rate: db
        .prepare(
          'SELECT usd_per_unit FROM exchange_rates WHERE currency = ? AND deleted_at IS NULL AND date <= ? ORDER BY date DESC LIMIT 1',
        )
        .pluck(),
      rates: db.prepare(
        'SELECT id, currency, date, usd_per_unit FROM exchange_rates WHERE deleted_at IS NULL ORDER BY currency, date DESC',
      ),
      order: db.prepare('SELECT * FROM orders WHERE id = ? AND deleted_at IS NULL'),
      byCustomer: db.prepare(
        'SELECT * FROM orders WHERE customer_id = ? AND deleted_at IS NULL ORDER BY date DESC, id DESC',
      ),
      facts: db.prepare(
        'SELECT date, amount, returned, usd_rate AS usdRate, status FROM orders WHERE customer_id = ? AND deleted_at IS NULL',
      ),
      orderCustomer: db.prepare('SELECT customer_id FROM orders WHERE id = ?').pluck(),
      returns: db.prepare(
        `SELECT sum(amount * usd_rate) AS gross, sum(returned * usd_rate) AS returned FROM orders
         WHERE customer_id = ? AND deleted_at IS NULL AND date > ? AND date <= ? AND status IN (${policyStatusMarks})`,
      ),
      figures: db.prepare('SELECT * FROM customer_figures WHERE customer_id = ?'),
      saveFigures: db.prepare(
        `INSERT INTO customer_figures (customer_id, as_of, revenue_usd, order_count, first_order, last_order, last6_usd, prev6_usd, median_gap_days)
         VALUES (@customerId, @asOf, @revenueUsd, @orderCount, @firstOrder, @lastOrder, @last6Usd, @prev6Usd, @medianGapDays)
         ON CONFLICT (customer_id) DO UPDATE SET as_of = excluded.as_of, revenue_usd = excluded.revenue_usd,
           order_count = excluded.order_count, first_order = excluded.first_order, last_order = excluded.last_order,
           last6_usd = excluded.last6_usd, prev6_usd = excluded.prev6_usd, median_gap_days = excluded.median_gap_days`,
      ),
    }
    // Figures follow every order change, local or synced, inside the same transaction.
    writer.onChange('orders', (ids) => {
      const customers = new Set<string>()
      for (const id of ids) {
        const c = this.q.orderCustomer.get(id) as string | undefined
        if (c) customers.add(c)
      }
      for (const c of customers) this.refreshFigures(c)
    })
  }

  /** USD per unit of `currency` on `date`: 1 for USD, else the latest rate on or before the date. */
  rateOn(currency: string, date: string): number | null {
    if (currency === 'USD') return 1
    return (this.q.rate.get(currency, date) as number | undefined) ?? null
  }

  setRate(input: Required<RateInput>): Rate {
    const id = rateId(input.currency, input.date)
    this.writer.write([
      {
        table: 'exchange_rates',
        id,
        values: {
          currency: input.currency,
          date: input.date,
          usd_per_unit: input.usdPerUnit,
          created_at: new Date().toISOString(),
          deleted_at: null,
        },
      },
    ])
    return { id, currency: input.currency, date: input.date, usdPerUnit: input.usdPerUnit }
  }

  rates(): Rate[] {
    return (this.q.rates.all() as { id: string; currency: string; date: string; usd_per_unit: number }[]).map(
      (r) => ({
        id: r.id,
        currency: r.currency,
        date: r.date,
        usdPerUnit: r.usd_per_unit,
      }),
    )
  }

  private snapshotRate(currency: string, date: string, path: (string | number)[]): number {
    const rate = this.rateOn(currency, date)
    // Never a silent 1.0: an order without a known rate would distort every USD figure.
    if (rate === null)
      throw new AppFailure('validation', [{ path: [...path, 'currency'], code: 'missing_rate' }], {
        currency,
        date,
      })
    return rate
  }

  create(customerId: string, values: OrderValues): Order {
    this.requireCustomer(customerId)
    const usdRate = this.snapshotRate(values.currency, values.date, ['order'])
    const id = uuidv7()
    this.writer.write([
      {
        table: 'orders',
        id,
        values: {
          ...this.cells(values),
          customer_id: customerId,
          usd_rate: usdRate,
          created_at: new Date().toISOString(),
        },
      },
    ])
    return this.get(id)
  }

  /** Applies a partial update; a new date or currency takes a new rate snapshot. */
  update(id: string, patch: Partial<OrderValues>): Order {
    const current = this.get(id)
    // A deleted customer's orders are out of reach, like the customer itself.
    this.requireCustomer(current.customerId)
    const merged = { ...current, ...patch }
    if (merged.returned > merged.amount) {
      throw new AppFailure('validation', [{ path: ['patch', 'returned'], code: 'returned_exceeds_amount' }])
    }
    const change: RowChange = { table: 'orders', id, values: this.cells(patch) }
    if (patch.date !== undefined || patch.currency !== undefined) {
      change.values.usd_rate = this.snapshotRate(merged.currency, merged.date, ['patch'])
    }
    this.writer.write([change])
    return this.get(id)
  }

  delete(id: string): void {
    this.requireCustomer(this.get(id).customerId)
    this.writer.write([{ table: 'orders', id, values: { deleted_at: new Date().toISOString() } }])
  }

  get(id: string): Order {
    const row = this.q.order.get(id) as OrderRow | undefined
    if (!row) throw new AppFailure('not_found')
    return toOrder(row)
  }

  list(customerId: string): Order[] {
    return (this.q.byCustomer.all(customerId) as OrderRow[]).map(toOrder)
  }

  /** Share of the 12-month revenue orders' value that came back (returns, refunds), in USD; null without orders. */
  returnRate(customerId: string): number | null {
    const policy = this.policy()
    const since = addMonths(this.today(), -policy.windowMonths)
    // Pad to the three placeholders by repeating a status: IN ('paid', 'paid', 'paid') is IN ('paid').
    const statuses = [0, 1, 2].map((i) => policy.revenueStatuses[i] ?? policy.revenueStatuses[0])
    const row = this.q.returns.get(customerId, since, this.today(), ...statuses) as {
      gross: number | null
      returned: number | null
    }
    return row.gross ? (row.returned ?? 0) / row.gross : null
  }

  /**
   * The customer's stored figures, recomputed when stale (from an earlier day). A stale refresh
   * does not re-tier: moves that time alone causes wait for the re-evaluation run (T6).
   */
  figures(customerId: string): Figures {
    const row = this.q.figures.get(customerId) as Record<string, unknown> | undefined
    if (!row || row.as_of !== this.today()) return this.refreshFigures(customerId, false)
    return figuresFromRow(row)
  }

  /**
   * Recomputes one customer's figures from its own orders (tens of rows) and stores them; with
   * `notify` the tier follows at once (an order changed), without it only the figures move.
   */
  refreshFigures(customerId: string, notify = true, policy: TieringPolicy = this.policy()): Figures {
    const asOf = this.today()
    const figures = {
      asOf,
      ...computeFigures(this.q.facts.all(customerId) as OrderFact[], asOf, policy),
    }
    this.q.saveFigures.run({ customerId, ...figures })
    if (notify) this.onFigures(customerId, figures)
    return figures
  }

  /** Figures under a policy without storing them (a preview of a new window or statuses). */
  computeFigures(customerId: string, policy: TieringPolicy): Figures {
    const asOf = this.today()
    return { asOf, ...computeFigures(this.q.facts.all(customerId) as OrderFact[], asOf, policy) }
  }

  private cells(v: Partial<OrderValues>): RowChange['values'] {
    const out: RowChange['values'] = {}
    if (v.date !== undefined) out.date = v.date
    if (v.amount !== undefined) out.amount = v.amount
    if (v.currency !== undefined) out.currency = v.currency
    if (v.status !== undefined) out.status = v.status
    if (v.returned !== undefined) out.returned = v.returned
    if (v.productCategories !== undefined) out.product_categories = JSON.stringify(v.productCategories)
    if (v.reference !== undefined) out.reference = v.reference ?? null
    if (v.notes !== undefined) out.notes = v.notes ?? null
    return out
  }
}
