import { describe, it, expect, afterEach } from 'vitest'
import fc from 'fast-check'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { localToday } from '../../shared/dates'
import { ORDER_STATUSES } from '../../shared/tiering'
import type { OrderStatus } from '../../shared/tiering'
import { caller, data, tempDir } from '../helpers/tmp'
import type { Result } from '../../shared/errors'

let s: Services
afterEach(() => s?.close())

const call = caller(() => s)

async function customer(): Promise<string> {
  const res = await call('customers:create', {
    customer: { displayName: `Buyer ${Math.random()}`, country: 'US' },
    allowDuplicates: true,
  })
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data.id
}

const idOf = (res: Result<{ id: string }>) => data(res).id

const today = localToday
const count = (sql: string) => s.db.prepare(sql).pluck().get() as number

describe('orders and exchange rates', () => {
  it('snapshots the rate in force on the order date; later rate edits do not rewrite it', async () => {
    s = createServices(tempDir())
    const id = await customer()
    await call('rates:set', { currency: 'EUR', date: '2026-01-01', usdPerUnit: 1.1 })
    await call('rates:set', { currency: 'EUR', date: '2026-06-01', usdPerUnit: 1.2 })
    const march = await call('orders:create', {
      customerId: id,
      order: { date: '2026-03-15', amount: 1000, currency: 'EUR', status: 'paid' },
    })
    expect(march.ok && (march.data as { usdRate: number }).usdRate).toBe(1.1)
    await call('rates:set', { currency: 'EUR', date: '2026-01-01', usdPerUnit: 1.05 })
    const again = await call('orders:list', { customerId: id })
    expect(again.ok && (again.data as { orders: { usdRate: number }[] }).orders[0]!.usdRate).toBe(1.1)
    // Moving the order to July takes July's rate.
    const moved = await call('orders:update', {
      id: idOf(march),
      patch: { date: '2026-07-01' },
    })
    expect(moved.ok && (moved.data as { usdRate: number }).usdRate).toBe(1.2)
  })

  it('refuses an order in a currency without a rate, with a clear code, and writes nothing', async () => {
    s = createServices(tempDir())
    const id = await customer()
    const before = count('SELECT count(*) FROM change_log')
    const res = await call('orders:create', {
      customerId: id,
      order: { date: '2026-03-15', amount: 5000, currency: 'BRL', status: 'paid' },
    })
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'validation',
        issues: [{ path: ['order', 'currency'], code: 'missing_rate' }],
        details: { currency: 'BRL', date: '2026-03-15' },
      },
    })
    expect(count('SELECT count(*) FROM orders')).toBe(0)
    expect(count('SELECT count(*) FROM change_log')).toBe(before)
    // USD needs no rate.
    expect(
      (
        await call('orders:create', {
          customerId: id,
          order: { date: '2026-03-15', amount: 5000, currency: 'USD', status: 'paid' },
        })
      ).ok,
    ).toBe(true)
  })

  it('refuses returns above the amount, on create and on a partial update', async () => {
    s = createServices(tempDir())
    const id = await customer()
    const bad = await call('orders:create', {
      customerId: id,
      order: { date: '2026-03-15', amount: 100, returned: 150, currency: 'USD', status: 'paid' },
    })
    expect(bad.ok ? null : bad.error.issues).toEqual([
      { path: ['order', 'returned'], code: 'returned_exceeds_amount' },
    ])
    const ok = await call('orders:create', {
      customerId: id,
      order: { date: '2026-03-15', amount: 100, returned: 20, currency: 'USD', status: 'paid' },
    })
    const orderId = idOf(ok)
    const shrink = await call('orders:update', { id: orderId, patch: { amount: 10 } })
    expect(shrink.ok ? null : shrink.error.issues).toEqual([
      { path: ['patch', 'returned'], code: 'returned_exceeds_amount' },
    ])
    // A patch that does not name `returned` keeps it.
    const status = await call('orders:update', { id: orderId, patch: { status: 'shipped' } })
    expect(status.ok && (status.data as { returned: number }).returned).toBe(20)
  })

  it("one write of several customers' orders stores the figures each customer alone would get", async () => {
    s = createServices(tempDir())
    const ids = [await customer(), await customer(), await customer(), await customer()]
    const day = (n: number) =>
      new Date(Date.parse(`${today()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10)
    const at = new Date().toISOString()
    // Customer 0: four paid orders (a median gap); 1: one paid, one cancelled; 2: only a quote; 3: none.
    const rows: [number, number, string, number][] = [
      [0, 10, 'paid', 1000],
      [0, 40, 'paid', 2500],
      [0, 100, 'shipped', 700],
      [0, 250, 'paid', 4000],
      [1, 5, 'paid', 300],
      [1, 20, 'cancelled', 9000],
      [2, 3, 'quoted', 50],
    ]
    s.writer.write(
      rows.map(([c, ago, status, amount], i) => ({
        table: 'orders' as const,
        id: `order-${i}`,
        values: {
          customer_id: ids[c]!,
          date: day(ago),
          amount,
          returned: 0,
          currency: 'USD',
          usd_rate: 1,
          status,
          created_at: at,
        },
      })),
    )
    const stored = () =>
      ids.map((id) => s.db.prepare('SELECT * FROM customer_figures WHERE customer_id = ?').get(id) ?? null)
    const together = stored()
    expect(together[0]).toMatchObject({ order_count: 4, revenue_usd: 8200 })
    expect(together[1]).toMatchObject({ order_count: 1, revenue_usd: 300 })
    expect(together[3]).toBeNull()
    const policy = s.policies.current()
    for (const id of ids.slice(0, 3)) s.figures.refresh(id, policy)
    expect(stored()).toEqual(together)
  })

  it('keeps the customer figures equal to an independent oracle after any sequence of order changes', async () => {
    const asOf = today()
    // The oracle's calendar, written apart from the engine's: month steps clamp to the month's end
    // (2028-02-29 minus 12 months is 2027-02-28), days are whole UTC days.
    const pad = (n: number) => String(n).padStart(2, '0')
    const monthsBefore = (day: string, months: number) => {
      let [y, m] = day.split('-').map(Number) as [number, number]
      const d = Number(day.slice(8))
      m -= months
      while (m < 1) {
        m += 12
        y -= 1
      }
      const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
      return `${y}-${pad(m)}-${pad(Math.min(d, lastDay))}`
    }
    const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`)
    const plusDays = (day: string, n: number) =>
      new Date(dayMs(day) + n * 86_400_000).toISOString().slice(0, 10)
    const twelveAgo = monthsBefore(asOf, 12)
    const sixAgo = monthsBefore(asOf, 6)

    // Dates anywhere from two years back to a month ahead, and on purpose on the window edges.
    const date = fc.oneof(
      fc.integer({ min: -30, max: 800 }).map((daysAgo) => plusDays(asOf, -daysAgo)),
      fc
        .record({ edge: fc.constantFrom(twelveAgo, sixAgo, asOf), shift: fc.integer({ min: -1, max: 1 }) })
        .map(({ edge, shift }) => plusDays(edge, shift)),
    )
    const status = fc.constantFrom(...ORDER_STATUSES)
    const action = fc.oneof(
      fc.record({
        kind: fc.constant('create' as const),
        date,
        // Zero is refused for anything but a quote (tested on its own below).
        amount: fc.integer({ min: 1, max: 2_000_000 }),
        returnedPct: fc.integer({ min: 0, max: 100 }),
        currency: fc.constantFrom('USD', 'EUR', 'CNY'),
        status,
      }),
      fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status }),
      fc.record({
        kind: fc.constant('amount' as const),
        pick: fc.nat(),
        amount: fc.integer({ min: 1, max: 3_000_000 }),
      }),
      fc.record({ kind: fc.constant('date' as const), pick: fc.nat(), date }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    )
    const usdPer = { USD: 1, EUR: 1.08, CNY: 0.14 } as const
    type ModelOrder = {
      date: string
      amount: number
      returned: number
      currency: keyof typeof usdPer
      status: OrderStatus
    }

    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        s = createServices(tempDir())
        const id = await customer()
        data(await call('rates:set', { currency: 'EUR', date: '2020-01-01', usdPerUnit: usdPer.EUR }))
        data(await call('rates:set', { currency: 'CNY', date: '2020-01-01', usdPerUnit: usdPer.CNY }))
        // What the customer's orders are, kept by the test itself from the calls that succeeded.
        const model = new Map<string, ModelOrder>()
        for (const a of actions) {
          if (a.kind === 'create') {
            const o: ModelOrder = {
              date: a.date,
              amount: a.amount,
              returned: Math.floor((a.amount * a.returnedPct) / 100),
              currency: a.currency,
              status: a.status,
            }
            model.set(data(await call('orders:create', { customerId: id, order: o })).id, o)
            continue
          }
          const ids = [...model.keys()]
          if (ids.length === 0) continue
          const target = ids[a.pick % ids.length]!
          const o = model.get(target)!
          if (a.kind === 'delete') {
            data(await call('orders:delete', { id: target }))
            model.delete(target)
          } else if (a.kind === 'amount') {
            const res = await call('orders:update', { id: target, patch: { amount: a.amount } })
            // Shrinking an order below what came back is refused and changes nothing.
            expect(res.ok).toBe(a.amount >= o.returned)
            if (res.ok) o.amount = a.amount
          } else {
            const patch = a.kind === 'status' ? { status: a.status } : { date: a.date }
            data(await call('orders:update', { id: target, patch }))
            Object.assign(o, patch)
          }
        }

        // The oracle: revenue orders (default policy: confirmed, shipped, paid) dated up to today,
        // each worth (amount − returned) at its currency's rate; windows open on their start day.
        const revenue = [...model.values()].filter(
          (o) => o.status !== 'quoted' && o.status !== 'cancelled' && o.date <= asOf,
        )
        const usd = (o: ModelOrder) => (o.amount - o.returned) * usdPer[o.currency]
        const sum = (os: ModelOrder[]) => os.reduce((n, o) => n + usd(o), 0)
        const inWindow = revenue.filter((o) => o.date > twelveAgo)
        const dates = revenue.map((o) => o.date).sort()
        const gaps = dates.slice(1).map((d, i) => (dayMs(d) - dayMs(dates[i]!)) / 86_400_000)
        gaps.sort((a, b) => a - b)
        const mid = Math.floor(gaps.length / 2)
        const medianGap =
          gaps.length < 2 ? null : gaps.length % 2 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2

        const stored = s.db.prepare('SELECT * FROM customer_figures WHERE customer_id = ?').get(id) as
          Record<string, unknown> | undefined
        await s.close()
        // A customer never given an order may have no figures row at all.
        if (!stored) {
          expect(actions.some((a) => a.kind === 'create')).toBe(false)
          return
        }
        expect(stored.as_of).toBe(asOf)
        expect(stored.revenue_usd).toBeCloseTo(sum(inWindow), 6)
        expect(stored.order_count).toBe(inWindow.length)
        expect(stored.first_order).toBe(dates[0] ?? null)
        expect(stored.last_order).toBe(dates[dates.length - 1] ?? null)
        expect(stored.last6_usd).toBeCloseTo(sum(revenue.filter((o) => o.date > sixAgo)), 6)
        expect(stored.prev6_usd).toBeCloseTo(
          sum(revenue.filter((o) => o.date > twelveAgo && o.date <= sixAgo)),
          6,
        )
        expect(stored.median_gap_days).toBe(medianGap)
      }),
      { numRuns: 40 },
    )
  })
})

describe('order amounts are checked in main', () => {
  const orderCount = () => count('SELECT count(*) FROM orders')

  it('refuses a negative amount, or a zero amount on anything but a quote, and writes nothing', async () => {
    s = createServices(tempDir())
    const id = await customer()
    const log = count('SELECT count(*) FROM change_log')
    const negative = await call('orders:create', {
      customerId: id,
      order: { date: '2026-03-15', amount: -500, currency: 'USD', status: 'confirmed' },
    })
    expect(negative.ok ? null : negative.error).toEqual({
      code: 'validation',
      issues: [{ path: ['order', 'amount'], code: 'negative_amount' }],
    })
    for (const status of ['confirmed', 'shipped', 'paid', 'cancelled'] as const) {
      const zero = await call('orders:create', {
        customerId: id,
        order: { date: '2026-03-15', amount: 0, currency: 'USD', status },
      })
      expect(zero.ok ? null : zero.error.issues, status).toEqual([
        { path: ['order', 'amount'], code: 'zero_amount' },
      ])
    }
    const negativeQuote = await call('orders:create', {
      customerId: id,
      order: { date: '2026-03-15', amount: -1, currency: 'USD', status: 'quoted' },
    })
    expect(negativeQuote.ok).toBe(false)
    const negativeReturn = await call('orders:create', {
      customerId: id,
      order: { date: '2026-03-15', amount: 100, returned: -5, currency: 'USD', status: 'paid' },
    })
    expect(negativeReturn.ok ? null : negativeReturn.error.issues).toEqual([
      { path: ['order', 'returned'], code: 'negative_amount' },
    ])
    expect(orderCount()).toBe(0)
    expect(count('SELECT count(*) FROM change_log')).toBe(log)
    expect(count('SELECT count(*) FROM customer_figures')).toBe(0)
    // A quote may be worth nothing yet (the price is still being discussed).
    data(
      await call('orders:create', {
        customerId: id,
        order: { date: '2026-03-15', amount: 0, currency: 'USD', status: 'quoted' },
      }),
    )
    expect(orderCount()).toBe(1)
  })

  it('refuses an update that leaves a non-quote order at zero or below, and changes nothing', async () => {
    s = createServices(tempDir())
    const id = await customer()
    const quote = idOf(
      await call('orders:create', {
        customerId: id,
        order: { date: '2026-03-15', amount: 0, currency: 'USD', status: 'quoted' },
      }),
    )
    const paid = idOf(
      await call('orders:create', {
        customerId: id,
        order: { date: '2026-03-15', amount: 800, currency: 'USD', status: 'paid' },
      }),
    )
    const log = count('SELECT count(*) FROM change_log')
    // The patch alone is valid; the order it would leave is not.
    const confirm = await call('orders:update', { id: quote, patch: { status: 'confirmed' } })
    expect(confirm.ok ? null : confirm.error.issues).toEqual([
      { path: ['patch', 'amount'], code: 'zero_amount' },
    ])
    const zero = await call('orders:update', { id: paid, patch: { amount: 0 } })
    expect(zero.ok ? null : zero.error.issues).toEqual([{ path: ['patch', 'amount'], code: 'zero_amount' }])
    const negative = await call('orders:update', { id: paid, patch: { amount: -500 } })
    expect(negative.ok ? null : negative.error.issues).toEqual([
      { path: ['patch', 'amount'], code: 'negative_amount' },
    ])
    expect(count('SELECT count(*) FROM change_log')).toBe(log)
    expect(s.db.prepare('SELECT status, amount FROM orders WHERE id = ?').get(quote)).toEqual({
      status: 'quoted',
      amount: 0,
    })
    expect(s.db.prepare('SELECT amount FROM orders WHERE id = ?').pluck().get(paid)).toBe(800)
    // Priced first, then confirmed: accepted.
    data(await call('orders:update', { id: quote, patch: { amount: 50, status: 'confirmed' } }))
  })
})

describe('an order write names the tier move it caused', () => {
  it('answers with the customer, the tier before and after, or null when the tier stays', async () => {
    s = createServices(tempDir())
    const res = await call('customers:create', { customer: { displayName: 'Acme Trading', country: 'US' } })
    const id = idOf(res)
    const day = today()
    const first = data(
      await call('orders:create', {
        customerId: id,
        order: { date: day, amount: 150_000, currency: 'USD', status: 'paid' },
      }),
    )
    expect(first.tierChange).toEqual({ customerName: 'Acme Trading', from: 'ordinary', to: 'small' })
    const second = data(
      await call('orders:create', {
        customerId: id,
        order: { date: day, amount: 1_000, currency: 'USD', status: 'paid' },
      }),
    )
    expect(second.tierChange).toBeNull()
    const raised = data(await call('orders:update', { id: first.id, patch: { amount: 1_200_000 } }))
    expect(raised.tierChange).toEqual({ customerName: 'Acme Trading', from: 'small', to: 'mid' })
    // A quote is not revenue: the move back down is named too.
    const quoted = data(await call('orders:update', { id: first.id, patch: { status: 'quoted' } }))
    expect(quoted.tierChange).toEqual({ customerName: 'Acme Trading', from: 'mid', to: 'ordinary' })
    // The answer matches what is stored.
    const stored = data(await call('tiers:get', { customerId: id }))
    expect(stored.tier).toBe('ordinary')
    expect(stored.history[0]).toMatchObject({ from: 'mid', to: 'ordinary' })
    // A deletion names its move too.
    data(await call('orders:update', { id: first.id, patch: { status: 'paid' } }))
    const deleted = data(await call('orders:delete', { id: first.id }))
    expect(deleted).toEqual({
      id: first.id,
      tierChange: { customerName: 'Acme Trading', from: 'mid', to: 'ordinary' },
    })
    expect(data(await call('orders:delete', { id: second.id })).tierChange).toBeNull()
  })
})

describe('orders of a deleted customer', () => {
  it('refuses to edit or delete them with not_found, and writes nothing', async () => {
    s = createServices(tempDir())
    const id = await customer()
    const orderId = idOf(
      await call('orders:create', {
        customerId: id,
        order: { date: '2026-03-15', amount: 1000, currency: 'USD', status: 'paid' },
      }),
    )
    data(await call('customers:delete', { id }))
    const before = count('SELECT count(*) FROM change_log')
    const edited = await call('orders:update', { id: orderId, patch: { amount: 5000 } })
    expect(edited.ok ? null : edited.error.code).toBe('not_found')
    const deleted = await call('orders:delete', { id: orderId })
    expect(deleted.ok ? null : deleted.error.code).toBe('not_found')
    expect(count('SELECT count(*) FROM change_log')).toBe(before)
    expect(s.db.prepare('SELECT amount, deleted_at FROM orders WHERE id = ?').get(orderId)).toEqual({
      amount: 1000,
      deleted_at: null,
    })
  })
})
