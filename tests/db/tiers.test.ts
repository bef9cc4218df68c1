import { describe, it, expect, afterEach } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import type { OrderStatus, TierState } from '../../shared/tiering'
import { caller, data, tempDir } from '../helpers/tmp'

let s: Services
afterEach(() => s?.close())

const call = caller(() => s)
const today = () => new Date().toLocaleDateString('en-CA')

async function setup() {
  s = createServices(tempDir())
  const { id } = data<{ id: string }>(
    await call('customers:create', { customer: { displayName: 'Tier Test GmbH', country: 'DE' } }),
  )
  return id
}
async function order(customerId: string, amount: number, status: OrderStatus = 'paid') {
  return data<{ id: string }>(
    await call('orders:create', { customerId, order: { date: today(), amount, currency: 'USD', status } }),
  )
}
const state = async (customerId: string) => data<TierState>(await call('tiers:get', { customerId }))

describe('stored tiers and their history', () => {
  it('promotes as orders arrive and says why, with revenue before and after', async () => {
    const id = await setup()
    await order(id, 3_200_000)
    expect(await state(id)).toMatchObject({ tier: 'mid', rule: 'threshold', revenueUsd: 3_200_000 })
    await order(id, 2_200_000)
    const st = await state(id)
    expect(st.tier).toBe('key')
    expect(st.history[0]).toMatchObject({
      from: 'mid',
      to: 'key',
      rule: 'threshold',
      inputs: {
        revenueUsd: 5_400_000,
        previousRevenueUsd: 3_200_000,
        thresholdUsd: 5_000_000,
        floorUsd: null,
        cause: 'revenue',
      },
    })
    expect(st.history[1]).toMatchObject({ from: 'ordinary', to: 'mid', inputs: { previousRevenueUsd: 0 } })
    expect(st.history).toHaveLength(2)
  })

  it('keeps Key inside the band after a return, and demotes below it, recording the floor', async () => {
    const id = await setup()
    const big = await order(id, 5_000_000)
    await call('orders:update', { id: big.id, patch: { returned: 200_000 } }) // 4.8M ≥ 4.75M
    expect(await state(id)).toMatchObject({ tier: 'key', rule: 'hysteresis' })
    await call('orders:update', { id: big.id, patch: { returned: 300_000 } }) // 4.7M < 4.75M
    const st = await state(id)
    expect(st.tier).toBe('mid')
    expect(st.history[0]).toMatchObject({
      from: 'key',
      to: 'mid',
      inputs: { revenueUsd: 4_700_000, floorUsd: 4_750_000 },
    })
  })

  it('honours a manager lock with its reason until it is removed', async () => {
    const id = await setup()
    await order(id, 50_000)
    const locked = data<TierState>(
      await call('tiers:lock', {
        customerId: id,
        locked: true,
        tier: 'key',
        reason: 'Strategic distributor for the Gulf',
      }),
    )
    expect(locked).toMatchObject({
      tier: 'key',
      rule: 'locked',
      lock: { tier: 'key', reason: 'Strategic distributor for the Gulf' },
    })
    expect(locked.history[0]).toMatchObject({
      from: 'ordinary',
      to: 'key',
      rule: 'locked',
      inputs: { reason: 'Strategic distributor for the Gulf' },
    })
    // More revenue does not move a locked tier.
    await order(id, 2_000_000)
    expect((await state(id)).tier).toBe('key')
    const unlocked = data<TierState>(await call('tiers:lock', { customerId: id, locked: false }))
    expect(unlocked).toMatchObject({ tier: 'mid', rule: 'threshold', lock: null })
    // Revenue stood still: the lock's removal, not the revenue, moved the tier.
    expect(unlocked.history[0]).toMatchObject({
      from: 'key',
      to: 'mid',
      rule: 'threshold',
      inputs: { revenueUsd: 2_050_000, previousRevenueUsd: 2_050_000, cause: 'unlock' },
    })
    expect(locked.history[0]!.inputs.cause).toBe('lock')
    // The lock is a synced fact: it went through the change log.
    expect(
      s.db.prepare("SELECT count(*) FROM change_log WHERE tbl = 'tier_locks'").pluck().get(),
    ).toBeGreaterThan(0)
  })

  it('refuses a lock without a reason, and a lock on a missing customer', async () => {
    const id = await setup()
    const noReason = await call('tiers:lock', { customerId: id, locked: true, tier: 'key', reason: '  ' })
    expect(noReason.ok ? null : noReason.error.issues).toEqual([{ path: ['reason'], code: 'required' }])
    expect(
      (await call('tiers:lock', { customerId: 'nope', locked: true, tier: 'key', reason: 'x' })).ok,
    ).toBe(false)
    expect(s.db.prepare('SELECT count(*) FROM tier_locks').pluck().get()).toBe(0)
  })

  it('does not count quotes or cancelled orders toward the tier', async () => {
    const id = await setup()
    await order(id, 9_000_000, 'quoted')
    await order(id, 9_000_000, 'cancelled')
    expect(await state(id)).toMatchObject({ tier: 'ordinary', revenueUsd: 0 })
  })

  it('lists customers with their tier and filters by it; a new customer is Ordinary', async () => {
    const big = await setup()
    await order(big, 1_500_000)
    const { id: fresh } = data<{ id: string }>(
      await call('customers:create', { customer: { displayName: 'Fresh Lead SARL', country: 'FR' } }),
    )
    const rows = s.customers.list({}).rows
    expect(rows.find((r) => r.id === big)?.tier).toBe('mid')
    expect(rows.find((r) => r.id === fresh)?.tier).toBe('ordinary')
    expect(s.customers.list({ tiers: ['mid'] }).rows.map((r) => r.id)).toEqual([big])
    expect(s.customers.list({ tiers: ['ordinary'] }).rows.map((r) => r.id)).toEqual([fresh])
    expect(s.customers.list({ tiers: ['key', 'mid'] }).total).toBe(1)
  })

  it('reports the lifecycle stage and churn flags with their numbers', async () => {
    const id = await setup()
    expect((await state(id)).stage).toMatchObject({ stage: 'prospect', rule: 'no_order' })
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toLocaleDateString('en-CA')
    // Monthly orders that stopped 100 days ago: more than twice the 30-day rhythm.
    for (const ago of [400, 370, 340, 310, 280, 250, 220, 190, 160, 130, 100]) {
      data(
        await call('orders:create', {
          customerId: id,
          order: { date: day(ago), amount: 10_000, currency: 'USD', status: 'paid' },
        }),
      )
    }
    const st = await state(id)
    expect(st.risks).toContainEqual({ kind: 'gap', daysSinceLast: 100, medianGapDays: 30, multiple: 2 })
    // Last 6 months: the orders of 160, 130 and 100 days ago; the 6 before: six orders.
    expect(st.stage).toMatchObject({
      stage: 'declining',
      rule: 'half_year_down',
      inputs: { last6Usd: 30_000, prev6Usd: 60_000 },
    })
    // A drop of exactly 50 % is not "more than 50 %": no drop flag, only the gap.
    expect(st.risks.map((r) => r.kind)).toEqual(['gap'])
  })
})
