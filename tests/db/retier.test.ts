// Whole-base tiering on real SQLite: the daily roll-over touches only the customers an order edge
// crossed and ends equal to a recompute from orders; time-driven tier moves wait for a review; a
// policy is previewed without writing and re-tiers the base when saved.
import { describe, it, expect, afterEach } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import {
  computeFigures,
  decideSegment,
  evaluateCustomer,
  isActive,
  rfmBounds,
  rfmInput,
  rfmScores,
} from '../../electron/main/core/tiering'
import type { OrderFact } from '../../electron/main/core/tiering'
import type { OrderStatus, PolicyPreview, Review, TierState, TieringPolicy } from '../../shared/tiering'
import type { Dashboard } from '../../shared/dashboard'
import type { CustomerValues } from '../../shared/domain'
import { caller, data, tempDir } from '../helpers/tmp'

let s: Services
afterEach(() => s?.close())
const call = caller(() => s)

/** A clock the test moves; noon UTC keeps the calendar date the same in every zone CI might use. */
let clock = new Date('2026-11-25T12:00:00Z')
function setDay(day: string) {
  clock = new Date(`${day}T12:00:00Z`)
}

async function customer(name: string) {
  return data<{ id: string }>(
    await call('customers:create', { customer: { displayName: name, country: 'CN' } }),
  ).id
}
async function order(customerId: string, date: string, amount: number, status: OrderStatus = 'paid') {
  return data<{ id: string }>(
    await call('orders:create', { customerId, order: { date, amount, currency: 'USD', status } }),
  ).id
}
const state = async (customerId: string) => data<TierState>(await call('tiers:get', { customerId }))
const currentPolicy = async () => data<{ policy: TieringPolicy }>(await call('policy:get', {})).policy

function setup() {
  setDay('2026-11-25')
  s = createServices(tempDir(), { now: () => clock })
}

/** Every customer's stored figures against a recompute from its orders. */
function expectFiguresMatchOrders(asOf: string) {
  const policy = s.policies.current()
  const ids = s.db.prepare('SELECT id FROM customers WHERE deleted_at IS NULL').pluck().all() as string[]
  for (const id of ids) {
    const facts = s.db
      .prepare(
        'SELECT date, amount, returned, usd_rate AS usdRate, status FROM orders WHERE customer_id = ? AND deleted_at IS NULL',
      )
      .all(id) as OrderFact[]
    const { asOf: storedOn, ...stored } = s.figures.stored(id)
    const expected = computeFigures(facts, asOf, policy)
    if (facts.length === 0) continue
    // Customers the roll-over skipped keep the day of their last refresh; their numbers must
    // still be today's.
    expect(storedOn <= asOf, id).toBe(true)
    expect(stored, id).toEqual(expected)
  }
}

describe('daily roll-over', () => {
  it('refreshes only the customers whose orders crossed a window edge, and ends equal to a recompute', async () => {
    setup()
    const leaving = await customer('Leaving Window Ltd')
    const halfYear = await customer('Half Year SARL')
    const steady = await customer('Steady GmbH')
    await order(leaving, '2025-11-30', 200_000)
    await order(halfYear, '2026-06-01', 50_000)
    await order(steady, '2026-10-01', 70_000)
    await order(steady, '2026-12-20', 10_000) // dated ahead: counts from its day on
    await s.retier.daily()
    expectFiguresMatchOrders('2026-11-25')

    setDay('2026-12-01')
    // 2025-11-30 leaves the 12-month window, 2026-06-01 moves into the older half-year.
    expect(await s.retier.rollFigures(s.policies.current())).toBe(2)
    expectFiguresMatchOrders('2026-12-01')

    setDay('2026-12-21')
    expect(await s.retier.rollFigures(s.policies.current())).toBe(1) // the future order arrived
    expectFiguresMatchOrders('2026-12-21')
    expect(await s.retier.rollFigures(s.policies.current())).toBe(0) // same day: nothing to do
  })

  it('stores RFM segments equal to scoring the whole active base at once', async () => {
    setup()
    const amounts = [5_000, 20_000, 80_000, 150_000, 400_000, 900_000, 2_000_000, 40_000]
    const ids: string[] = []
    for (const [i, amount] of amounts.entries()) {
      const id = await customer(`Segment ${i}`)
      ids.push(id)
      for (let k = 0; k <= i % 4; k++) await order(id, `2026-0${1 + ((i + k) % 9)}-1${k}`, amount)
    }
    await order(ids[0]!, '2024-01-10', 1_000) // and one dormant-ish history
    await s.retier.daily()
    const policy = s.policies.current()
    const asOf = '2026-11-25'
    const figures = ids.map((id) => s.figures.stored(id))
    const base = ids.flatMap((id, i) => (isActive(figures[i]!) ? [rfmInput(id, figures[i]!, asOf)] : []))
    const scores = rfmScores(base, policy)
    for (const [i, id] of ids.entries()) {
      const expected = decideSegment(scores.get(id) ?? null, figures[i]!, asOf, policy)
      const row = s.tiers.current(id)!
      expect(row.segment, id).toBe(expected?.segment ?? null)
      expect([row.rfm_r, row.rfm_f, row.rfm_m]).toEqual(
        scores.has(id) ? [scores.get(id)!.r, scores.get(id)!.f, scores.get(id)!.m] : [null, null, null],
      )
    }
    // The customer page explains the same segment with its scores.
    const st = await state(ids[6]!)
    expect(st.segment?.segment).toBe(s.tiers.current(ids[6]!)!.segment)
  })
})

describe('re-evaluation runs (T6)', () => {
  async function keyCustomerLosingRevenue() {
    setup()
    const id = await customer('Fading Key Co')
    await order(id, '2025-12-01', 6_000_000)
    expect((await state(id)).tier).toBe('key')
    setDay('2026-12-02') // the order has left the 12-month window
    return id
  }

  it('holds a time-driven demotion for review, then applies it with its explanation', async () => {
    const id = await keyCustomerLosingRevenue()
    const daily = await s.retier.daily()
    expect(daily.pending).toBe(1)
    expect((await state(id)).tier).toBe('key') // not applied by the daily pass

    const review = data<Review>(await call('reviews:run', {}))
    expect(review).toMatchObject({ status: 'open', promotions: 0, demotions: 1 })
    expect(review.items[0]).toMatchObject({
      customerId: id,
      from: 'key',
      to: 'ordinary',
      revenueUsd: 0,
      previousRevenueUsd: 6_000_000,
      floorUsd: 4_750_000,
    })
    expect(data<Dashboard>(await call('dashboard:get', {})).review.openId).toBe(review.id)

    const applied = data<Review>(await call('reviews:decide', { id: review.id, decision: 'apply' }))
    expect(applied.status).toBe('applied')
    const st = await state(id)
    expect(st.tier).toBe('ordinary')
    expect(st.history[0]).toMatchObject({
      from: 'key',
      to: 'ordinary',
      inputs: { revenueUsd: 0, previousRevenueUsd: 6_000_000, floorUsd: 4_750_000 },
    })
    // A decided run cannot be decided again.
    const again = await call('reviews:decide', { id: review.id, decision: 'dismiss' })
    expect(again.ok ? null : again.error.code).toBe('already_decided')
  })

  it('leaves tiers as they are when a run is dismissed, and applies only the chosen customers', async () => {
    const id = await keyCustomerLosingRevenue()
    const other = await customer('Other Fading Co')
    // Backdated order on a separate customer, entered after the clock moved: it is already outside.
    await order(other, '2026-06-15', 1_200_000)
    expect((await state(other)).tier).toBe('mid')
    setDay('2027-06-16')
    const review = data<Review>(await call('reviews:run', {}))
    expect(review.items.map((i) => i.customerId).sort()).toEqual([id, other].sort())
    data(await call('reviews:decide', { id: review.id, decision: 'apply', customerIds: [other] }))
    expect((await state(other)).tier).toBe('ordinary')
    expect((await state(id)).tier).toBe('key')

    const second = data<Review>(await call('reviews:run', {}))
    expect(second.items.map((i) => i.customerId)).toEqual([id])
    data(await call('reviews:decide', { id: second.id, decision: 'dismiss' }))
    expect((await state(id)).tier).toBe('key')
    const missing = await call('reviews:decide', { id: 9999, decision: 'apply' })
    expect(missing.ok ? null : missing.error.code).toBe('not_found')
  })
})

describe('policy versions, preview and full re-tier', () => {
  it('previews moves without writing, then saves a version and re-tiers the base', async () => {
    setup()
    const key = await customer('Six Million Ltd')
    const mid = await customer('Two Million Ltd')
    await order(key, '2026-10-01', 6_000_000)
    await order(mid, '2026-10-01', 2_000_000)
    const policy = await currentPolicy()
    expect(policy.version).toBe(1)
    const stricter = { ...policy, thresholdsUsd: { key: 7_000_000, mid: 2_500_000, small: 100_000 } }

    const preview = data<PolicyPreview>(await call('policy:preview', { policy: stricter }))
    expect(preview).toMatchObject({ customers: 2, promotions: 0, demotions: 2 })
    expect(preview.moves).toEqual(
      expect.arrayContaining([
        { from: 'key', to: 'mid', count: 1 },
        { from: 'mid', to: 'small', count: 1 },
      ]),
    )
    expect((await state(key)).tier).toBe('key') // the preview wrote nothing
    expect((await currentPolicy()).version).toBe(1)

    const saved = data<{ version: number }>(
      await call('policy:save', { policy: stricter, note: 'Raise the bar for 2027' }),
    )
    expect(saved.version).toBe(2)
    expect((await state(key)).tier).toBe('mid')
    expect((await state(mid)).tier).toBe('small')
    const versions = data<{ versions: { version: number; note: string | null }[] }>(
      await call('policy:get', {}),
    ).versions
    expect(versions[0]).toMatchObject({ version: 2, note: 'Raise the bar for 2027' })
    // Revenue did not change: the sentence must blame the new thresholds, not the revenue.
    expect((await state(key)).history[0]).toMatchObject({
      from: 'key',
      to: 'mid',
      inputs: { revenueUsd: 6_000_000, previousRevenueUsd: 6_000_000, cause: 'policy' },
    })
    const event = s.db
      .prepare(
        "SELECT policy_version FROM tier_events WHERE customer_id = ? AND kind = 'tier' ORDER BY id DESC",
      )
      .pluck()
      .get(key)
    expect(event).toBe(2)
  })

  it('previews a longer window from the orders themselves', async () => {
    setup()
    const id = await customer('Two Year Buyer')
    await order(id, '2025-03-01', 800_000)
    await order(id, '2026-03-01', 300_000)
    const policy = await currentPolicy()
    const preview = data<PolicyPreview>(
      await call('policy:preview', { policy: { ...policy, windowMonths: 24 } }),
    )
    expect(preview.moves).toEqual([{ from: 'small', to: 'mid', count: 1 }])
    data(await call('policy:save', { policy: { ...policy, windowMonths: 24 } }))
    expect(await state(id)).toMatchObject({ tier: 'mid', revenueUsd: 1_100_000 })
  })

  it('refuses an inconsistent policy and saves nothing', async () => {
    setup()
    const policy = await currentPolicy()
    const bad = { ...policy, thresholdsUsd: { key: 1_000, mid: 5_000, small: 100 } }
    const res = await call('policy:save', { policy: bad })
    expect(res.ok ? null : res.error.code).toBe('validation')
    const negative = await call('policy:save', { policy: { ...policy, hysteresisPct: -5 } })
    expect(negative.ok).toBe(false)
    expect((await currentPolicy()).version).toBe(1)
    expect(s.db.prepare('SELECT count(*) FROM tiering_policies').pluck().get()).toBe(0)
  })

  it('shows each tier its service policy (T5)', async () => {
    setup()
    const id = await customer('Service Level Ltd')
    await order(id, '2026-10-01', 5_500_000)
    expect((await state(id)).service).toMatchObject({
      cadenceDays: 14,
      executiveDialogueMonths: 3,
      ownerRequired: true,
    })
  })
})

describe('dashboard aggregates (kept by triggers)', () => {
  /** The cells and monthly movements as a full recompute from the base would give them. */
  function expectAggregatesMatchBase() {
    const cells = s.db
      .prepare(
        `SELECT tier, segment, stage, risk_gap, risk_drop, country, n, round(revenue, 4) AS revenue
         FROM dashboard_cells WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
      )
      .all()
    const recomputed = s.db
      .prepare(
        `SELECT t.tier, coalesce(t.segment, '') AS segment, t.stage, t.risk_gap, t.risk_drop,
                coalesce(c.country, '') AS country, count(*) AS n,
                round(sum(coalesce(f.revenue_usd, 0)), 4) AS revenue
         FROM customers c JOIN customer_tiers t ON t.customer_id = c.id
         LEFT JOIN customer_figures f ON f.customer_id = c.id
         WHERE c.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
      )
      .all()
    expect(cells).toEqual(recomputed)
    const rank = (v: string) => ['ordinary', 'small', 'mid', 'key'].indexOf(v)
    const events = s.db
      .prepare(
        `SELECT substr(e.at, 1, 7) AS month, e.at, e.from_value, e.to_value, c.created_at,
           json_extract(e.inputs, '$.cause') AS cause
         FROM tier_events e LEFT JOIN customers c ON c.id = e.customer_id WHERE e.kind = 'tier'`,
      )
      .all() as {
      month: string
      at: string
      from_value: string
      to_value: string
      created_at: string | null
      cause: string | null
    }[]
    const expected = new Map<string, { promotions: number; demotions: number; initial: number }>()
    const DAY_MS = 86_400_000
    for (const e of events) {
      if (e.from_value === e.to_value) continue
      const m = expected.get(e.month) ?? { promotions: 0, demotions: 0, initial: 0 }
      // A revenue move in the customer's first 24 hours is its starting tier (migrations/0012).
      const revenue = (e.cause ?? 'revenue') === 'revenue'
      if (revenue && e.created_at && Date.parse(e.at) < Date.parse(e.created_at) + DAY_MS) m.initial++
      else if (rank(e.to_value) > rank(e.from_value)) m.promotions++
      else m.demotions++
      expected.set(e.month, m)
    }
    const movements = s.db
      .prepare('SELECT month, promotions, demotions, initial FROM tier_movements')
      .all() as {
      month: string
      promotions: number
      demotions: number
      initial: number
    }[]
    expect(new Map(movements.map(({ month, ...m }) => [month, m]))).toEqual(expected)
  }

  it('equal a recompute from the base after orders, edits, deletions, locks, reviews and a new policy', async () => {
    setup()
    const ids: string[] = []
    for (const [i, country] of ['CN', 'FR', 'AE', null, 'CN'].entries()) {
      // A new customer needs a country; one synced from an older version may have none, so that
      // one is written below the form's check, through the same repository write.
      const id =
        country === null
          ? s.customers.create(
              {
                displayName: `Aggregate ${i}`,
                country: null,
                tags: [],
                productCategories: [],
              } as unknown as CustomerValues,
              [],
            )
          : data<{ id: string }>(
              await call('customers:create', {
                customer: { displayName: `Aggregate ${i}`, country },
                allowDuplicates: true,
              }),
            ).id
      ids.push(id)
      await order(id, '2025-12-10', 300_000 * (i + 1))
      // A zero-amount order is refused now: the first customer has only the older one.
      if (i > 0) await order(id, '2026-09-10', 900_000 * i)
    }
    expectAggregatesMatchBase()
    const second = data<{ id: string }>(
      await call('orders:create', {
        customerId: ids[1]!,
        order: { date: '2026-11-01', amount: 4_000_000, currency: 'USD', status: 'paid' },
      }),
    ).id
    await call('orders:update', { id: second, patch: { returned: 1_000_000 } })
    await call('customers:update', { id: ids[2]!, patch: { country: 'SA' } })
    await call('customers:delete', { id: ids[3]! })
    await call('tiers:lock', { customerId: ids[0]!, locked: true, tier: 'key', reason: 'Strategic' })
    await s.retier.daily()
    expectAggregatesMatchBase()
    setDay('2026-12-15')
    const review = data<Review>(await call('reviews:run', {}))
    if (review.status === 'open') await call('reviews:decide', { id: review.id, decision: 'apply' })
    const policy = await currentPolicy()
    await call('policy:save', {
      policy: { ...policy, thresholdsUsd: { key: 2_000_000, mid: 500_000, small: 50_000 } },
    })
    expectAggregatesMatchBase()
    const dash = data<Dashboard>(await call('dashboard:get', {}))
    expect(dash.customers).toBe(4)
    expect(dash.tiers.reduce((n, t) => n + t.count, 0)).toBe(4)
  })
})

describe('the whole-base pass', () => {
  it('leaves every customer as the engine decides, whatever the policy (the SQL shortcut misses none)', async () => {
    setup()
    let seed = 11
    const rng = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    const ids: string[] = []
    for (let i = 0; i < 40; i++) {
      const id = data<{ id: string }>(
        await call('customers:create', {
          customer: { displayName: `Pass ${i}`, country: 'CN' },
          allowDuplicates: true,
        }),
      ).id
      ids.push(id)
      const orders = Math.floor(rng() * 8)
      for (let k = 0; k < orders; k++) {
        const month = String(1 + Math.floor(rng() * 12)).padStart(2, '0')
        const year = rng() < 0.3 ? '2025' : '2026'
        const date = `${year}-${month}-${String(1 + Math.floor(rng() * 27)).padStart(2, '0')}`
        if (date > '2026-11-25') continue
        const status = rng() < 0.15 ? 'quoted' : 'paid'
        await order(id, date, Math.round(rng() * 3_000_000), status)
      }
    }
    await call('tiers:lock', { customerId: ids[3]!, locked: true, tier: 'key', reason: 'Group account' })
    // A deleted customer keeps its figures but must not count in the base's quintiles: give one a
    // big, recent order first, so counting it would shift the cut points.
    const gone = ids.pop()!
    await order(gone, '2026-11-20', 9_000_000, 'paid')
    await order(gone, '2026-11-21', 9_000_000, 'paid')
    data(await call('customers:delete', { id: gone }))
    const base = await currentPolicy()
    const policies: TieringPolicy[] = [
      { ...base, thresholdsUsd: { key: 2_000_000, mid: 600_000, small: 50_000 }, hysteresisPct: 20 },
      { ...base, rfm: { ...base.rfm, mode: 'fixed' }, dormantDays: 200, newCustomerDays: 400 },
      { ...base, trendPct: 5, churn: { gapMultiple: 1.5, dropPct: 10 } },
      base,
    ]
    for (const policy of policies) {
      setDay(`2026-${rng() < 0.5 ? '11-25' : '12-20'}`)
      data(await call('policy:save', { policy }))
      const saved = s.policies.current()
      const asOf = clock.toISOString().slice(0, 10)
      const figures = ids.map((id) => s.figures.stored(id))
      const bounds = rfmBounds(
        ids.flatMap((id, i) => (isActive(figures[i]!) ? [rfmInput(id, figures[i]!, asOf)] : [])),
      )
      for (const [i, id] of ids.entries()) {
        const row = s.tiers.current(id)!
        // The tier it held is the one before; the engine keeps it (hysteresis) or moves it.
        const e = evaluateCustomer(id, figures[i]!, asOf, saved, row.tier, s.tiers.lockOf(id), bounds)
        expect(
          [row.tier, row.segment, row.rfm_r, row.rfm_f, row.rfm_m, row.stage, row.risk_gap, row.risk_drop],
          `${id} under ${JSON.stringify(saved.thresholdsUsd)} ${saved.rfm.mode}`,
        ).toEqual([
          e.tier.tier,
          e.segment?.segment ?? null,
          e.scores?.r ?? null,
          e.scores?.f ?? null,
          e.scores?.m ?? null,
          e.stage.stage,
          e.risks.some((r) => r.kind === 'gap') ? 1 : 0,
          e.risks.some((r) => r.kind === 'drop') ? 1 : 0,
        ])
      }
    }
  })
})
