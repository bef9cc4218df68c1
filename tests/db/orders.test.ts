import { describe, it, expect, afterEach } from 'vitest'
import fc from 'fast-check'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { computeFigures } from '../../electron/main/core/tiering'
import { localToday } from '../../shared/dates'
import type { OrderFact } from '../../electron/main/core/tiering'
import { DEFAULT_POLICY } from '../../shared/tiering'
import { caller, data, tempDir } from '../helpers/tmp'
import type { Result } from '../../shared/errors'

let s: Services
afterEach(() => s?.close())

const call = caller(() => s)

async function customer(): Promise<string> {
  const res = await call('customers:create', {
    customer: { displayName: `Buyer ${Math.random()}` },
    allowDuplicates: true,
  })
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return (res.data as { id: string }).id
}

const idOf = (res: Result<unknown>) => data<{ id: string }>(res).id

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

  it('keeps the customer figures equal to a full recompute after any sequence of order changes', async () => {
    const action = fc.oneof(
      fc.record({
        kind: fc.constant('create' as const),
        daysAgo: fc.integer({ min: 0, max: 800 }),
        amount: fc.integer({ min: 0, max: 2_000_000 }),
        returnedPct: fc.integer({ min: 0, max: 100 }),
        currency: fc.constantFrom('USD', 'EUR', 'CNY'),
        status: fc.constantFrom('quoted', 'confirmed', 'shipped', 'paid', 'cancelled'),
      }),
      fc.record({
        kind: fc.constant('status' as const),
        pick: fc.nat(),
        status: fc.constantFrom('quoted', 'paid', 'cancelled'),
      }),
      fc.record({
        kind: fc.constant('amount' as const),
        pick: fc.nat(),
        amount: fc.integer({ min: 0, max: 3_000_000 }),
      }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        s = createServices(tempDir())
        const id = await customer()
        await call('rates:set', { currency: 'EUR', date: '2020-01-01', usdPerUnit: 1.08 })
        await call('rates:set', { currency: 'CNY', date: '2020-01-01', usdPerUnit: 0.14 })
        const ids: string[] = []
        for (const a of actions) {
          if (a.kind === 'create') {
            const date = new Date(Date.now() - a.daysAgo * 86_400_000).toISOString().slice(0, 10)
            const returned = Math.floor((a.amount * a.returnedPct) / 100)
            const r = await call('orders:create', {
              customerId: id,
              order: { date, amount: a.amount, returned, currency: a.currency, status: a.status },
            })
            if (r.ok) ids.push((r.data as { id: string }).id)
          } else if (ids.length > 0) {
            const target = ids[a.pick % ids.length]!
            if (a.kind === 'delete') {
              await call('orders:delete', { id: target })
              ids.splice(ids.indexOf(target), 1)
            } else {
              await call('orders:update', {
                id: target,
                patch: a.kind === 'status' ? { status: a.status } : { amount: a.amount },
              })
            }
          }
        }
        const stored = s.db.prepare('SELECT * FROM customer_figures WHERE customer_id = ?').get(id) as Record<
          string,
          unknown
        >
        const facts = s.db
          .prepare(
            'SELECT date, amount, returned, usd_rate AS usdRate, status FROM orders WHERE customer_id = ? AND deleted_at IS NULL',
          )
          .all(id) as OrderFact[]
        const full = computeFigures(facts, today(), DEFAULT_POLICY)
        s.close()
        if (!stored) return facts.length === 0 && actions.every((a) => a.kind !== 'create')
        return (
          Math.abs((stored.revenue_usd as number) - full.revenueUsd) < 1e-6 &&
          stored.order_count === full.orderCount &&
          stored.first_order === full.firstOrder &&
          stored.last_order === full.lastOrder &&
          Math.abs((stored.last6_usd as number) - full.last6Usd) < 1e-6
        )
      }),
      { numRuns: 25 },
    )
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
