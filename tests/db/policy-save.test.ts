// Saving a policy on real SQLite: every version stays in the history (the seed's defaults too),
// and the save answers with the number of customers its re-tier really moved, listed per version.
import { describe, it, expect, afterEach } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import type { OrderStatus, TieringPolicy, ValueTier } from '../../shared/tiering'
import { caller, data, tempDir } from '../helpers/tmp'

let s: Services
afterEach(() => s?.close())
const call = caller(() => s)

// Noon UTC keeps the calendar date the same in every zone the tests may run in.
const clock = new Date('2026-11-25T12:00:00Z')
const setup = () => {
  s = createServices(tempDir(), { now: () => clock })
}

async function customer(name: string) {
  return data(await call('customers:create', { customer: { displayName: name, country: 'DE' } })).id
}
async function order(customerId: string, amount: number, status: OrderStatus = 'paid') {
  data(
    await call('orders:create', {
      customerId,
      order: { date: '2026-10-01', amount, currency: 'USD', status },
    }),
  )
}
const policyNow = async () => data(await call('policy:get', {}))
const tierOf = (id: string) =>
  s.db.prepare('SELECT tier FROM customer_tiers WHERE customer_id = ?').pluck().get(id) as ValueTier

describe('policy versions', () => {
  it('keeps every version in the history, the seed defaults included, after several saves', async () => {
    setup()
    const first = await policyNow()
    expect(first.versions).toEqual([{ version: 1, createdAt: '', note: null, moved: null }])
    const policy: TieringPolicy = first.policy
    data(await call('policy:save', { policy: { ...policy, hysteresisPct: 6 }, note: 'Wider band' }))
    data(await call('policy:save', { policy: { ...policy, hysteresisPct: 7 }, note: 'Wider still' }))
    const after = await policyNow()
    expect(after.versions.map((v) => [v.version, v.note])).toEqual([
      [3, 'Wider still'],
      [2, 'Wider band'],
      [1, null],
    ])
    expect(after.policy.version).toBe(3)
    expect(after.policy.hysteresisPct).toBe(7)
    // The seed's row is the defaults (never stored), the others carry their save time.
    expect(after.versions[2]!.createdAt).toBe('')
    expect(after.versions[0]!.createdAt).not.toBe('')
  })

  it('lists a stored version 1 once (a database that stored its defaults)', async () => {
    setup()
    const policy = (await policyNow()).policy
    // Written as a teammate's synced row would be: a stored version 1.
    s.policies.save({ ...policy, version: 0 }, 'synced', null)
    s.db.prepare('UPDATE tiering_policies SET version = 1').run()
    s.policies.forget()
    expect((await policyNow()).versions.map((v) => v.version)).toEqual([1])
  })
})

describe('what a policy save reports', () => {
  it('answers with the customers its re-tier really moved, and lists exactly those moves', async () => {
    setup()
    const big = await customer('Six Million Ltd')
    const two = await customer('Two Million Ltd')
    const small = await customer('Small Buyer')
    const quote = await customer('Quote Only')
    await order(big, 6_000_000)
    await order(two, 2_000_000)
    await order(small, 150_000)
    await order(quote, 9_000_000, 'quoted')
    const before = new Map([big, two, small, quote].map((id) => [id, tierOf(id)]))
    expect([...before.values()]).toEqual(['key', 'mid', 'small', 'ordinary'])

    const { policy } = await policyNow()
    const stricter = { ...policy, thresholdsUsd: { key: 7_000_000, mid: 2_500_000, small: 100_000 } }
    const saved = data(await call('policy:save', { policy: stricter, note: null }))
    const moved = [...before].filter(([id, tier]) => tierOf(id) !== tier).map(([id]) => id)
    expect(moved.sort()).toEqual([big, two].sort())
    expect(saved.moved).toBe(2)
    expect(saved.version).toBe(2)

    const moves = data(await call('policy:moves', { version: 2 }))
    expect(moves.moved).toBe(2)
    expect(moves.moves).toEqual([
      {
        customerId: big,
        displayName: 'Six Million Ltd',
        country: 'DE',
        from: 'key',
        to: 'mid',
        revenueUsd: 6_000_000,
      },
      {
        customerId: two,
        displayName: 'Two Million Ltd',
        country: 'DE',
        from: 'mid',
        to: 'small',
        revenueUsd: 2_000_000,
      },
    ])
    expect((await policyNow()).versions.find((v) => v.version === 2)?.moved).toBe(2)

    // An order after the save moves a customer under version 2, but not as part of its re-tier.
    await order(small, 5_000_000)
    expect(tierOf(small)).toBe('mid')
    expect(data(await call('policy:moves', { version: 2 })).moves).toHaveLength(2)

    // A save that moves nobody says 0, and lists nothing.
    const same = data(await call('policy:save', { policy: { ...stricter, trendPct: 25 } }))
    expect(same.moved).toBe(0)
    expect(data(await call('policy:moves', { version: same.version }))).toEqual({
      version: 3,
      moved: 0,
      moves: [],
    })
    // Versions whose re-tier never ran here (the seed) have no count.
    expect(data(await call('policy:moves', { version: 1 }))).toEqual({ version: 1, moved: null, moves: [] })
  })
})
