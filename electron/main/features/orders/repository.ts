// Orders and exchange rates (P3): reads with SQL, writes through SyncWriter. Each order stores the
// USD rate in force on its date when it is entered, so later rate edits never rewrite history.
// What follows an order write (figures, tier) is declared in electron/main/derivations.ts.
import { createHash } from 'node:crypto'
import { newId } from '../../core/ids'
import type { Db } from '../../db/connection'
import type { Refine, SqlRow, orders as ordersTable } from '../../db/schema'
import { liveCustomerGuard } from '../../db/live'
import type { Cells, RowChange, SyncWriter } from '../../db/writer'
import { AppFailure } from '../../../../shared/errors'
import type { Order, OrderValues, Rate, RateInput, TieringPolicy } from '../../../../shared/tiering'
import { amountIssue } from '../../../../shared/tiering'
import { addMonths } from '../../core/tiering'
import { revenueStatusParams } from '../tiering/figures'
import { localToday } from '../../../../shared/dates'

/** An order as stored: every order written here has its customer, date, currency, rate and status. */
type OrderRow = Refine<
  SqlRow<typeof ordersTable>,
  { customer_id: string; date: string; currency: string; usd_rate: number; status: Order['status'] }
>

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

/** Deterministic id of a rate, so the same currency and day entered on two devices is one row. */
export function rateId(currency: string, date: string): string {
  return createHash('sha256').update(`${currency}\u0000${date}`).digest('hex').slice(0, 32)
}

// One placeholder per status that can count as revenue (the policy chooses among these three).
const policyStatusMarks = '?, ?, ?'

export class OrderRepository {
  private readonly q
  private readonly requireCustomer: (customerId: string) => string

  constructor(
    private readonly db: Db,
    private readonly writer: SyncWriter,
    private readonly policy: () => TieringPolicy,
    /** Today's calendar date for the team; defaults to the machine's zone. */
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
      returns: db.prepare(
        `SELECT sum(amount * usd_rate) AS gross, sum(returned * usd_rate) AS returned FROM orders
         WHERE customer_id = ? AND deleted_at IS NULL AND date > ? AND date <= ? AND status IN (${policyStatusMarks})`,
      ),
    }
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
    customerId = this.requireCustomer(customerId)
    const usdRate = this.snapshotRate(values.currency, values.date, ['order'])
    const id = newId()
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
    // The patch alone may be valid (a new status, or a new amount) and still leave a confirmed
    // order worth nothing: the rule is checked on the order as it would be stored.
    const amountProblem = amountIssue(merged.status, merged.amount)
    if (amountProblem)
      throw new AppFailure('validation', [{ path: ['patch', 'amount'], code: amountProblem }])
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
    const statuses = revenueStatusParams(policy)
    const row = this.q.returns.get(customerId, since, this.today(), ...statuses) as {
      gross: number | null
      returned: number | null
    }
    return row.gross ? (row.returned ?? 0) / row.gross : null
  }

  /** An order's values as synced cells (the import writes orders in batches through these). */
  cells(v: Partial<OrderValues>): Cells<'orders'> {
    const out: Cells<'orders'> = {}
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
