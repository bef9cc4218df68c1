import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import {
  addMonths,
  churnFlags,
  computeFigures,
  decideSegment,
  decideStage,
  decideTier,
  quintileBounds,
  quintileScores,
  rawTier,
  rfmBounds,
  rfmBoundsOfColumns,
  scoreFromBounds,
  rfmScores,
  addDays,
  daysBetween,
  tierThreshold,
} from '../../electron/main/core/tiering'
import type { OrderFact } from '../../electron/main/core/tiering'
import { localDate } from '../../shared/dates'
import { DEFAULT_POLICY, VALUE_TIERS, tieringPolicySchema } from '../../shared/tiering'

const P = DEFAULT_POLICY
const order = (date: string, amount: number, extra: Partial<OrderFact> = {}): OrderFact => ({
  date,
  amount,
  returned: 0,
  usdRate: 1,
  status: 'paid',
  ...extra,
})

describe('value tier (worked by hand)', () => {
  it('puts exactly 5,000,000 USD in Key and 4,999,999 in Mid', () => {
    expect(decideTier(5_000_000, null, P)).toMatchObject({ tier: 'key', rule: 'threshold' })
    expect(decideTier(4_999_999, null, P)).toMatchObject({ tier: 'mid', rule: 'threshold' })
    expect(decideTier(1_000_000, null, P).tier).toBe('mid')
    expect(decideTier(99_999.99, null, P).tier).toBe('ordinary')
  })

  it('keeps a Key customer inside the 5 % band and demotes it just outside', () => {
    // Band floor: 5,000,000 × 0.95 = 4,750,000.
    expect(decideTier(4_750_000, 'key', P)).toEqual({
      tier: 'key',
      rule: 'hysteresis',
      inputs: { revenueUsd: 4_750_000, thresholdUsd: 5_000_000, bandFloorUsd: 4_750_000 },
    })
    expect(decideTier(4_749_999, 'key', P)).toMatchObject({ tier: 'mid', rule: 'threshold' })
    // A Mid customer falling to 940,000 (band floor 950,000) drops to Small.
    expect(decideTier(940_000, 'mid', P).tier).toBe('small')
    // Hysteresis never holds back a promotion.
    expect(decideTier(5_000_000, 'mid', P).tier).toBe('key')
  })

  it('honours a manager lock over revenue', () => {
    expect(decideTier(10, 'ordinary', P, 'key')).toMatchObject({ tier: 'key', rule: 'locked' })
  })
})

describe('figures from orders', () => {
  const asOf = '2026-11-23'

  it('counts confirmed, shipped and paid orders net of returns, never quotes or cancelled ones', () => {
    const f = computeFigures(
      [
        order('2026-10-01', 1_000_000, { status: 'paid', returned: 100_000 }),
        order('2026-09-01', 500_000, { status: 'shipped' }),
        order('2026-08-01', 250_000, { status: 'confirmed' }),
        order('2026-07-01', 9_000_000, { status: 'quoted' }),
        order('2026-06-01', 9_000_000, { status: 'cancelled' }),
      ],
      asOf,
      P,
    )
    expect(f.revenueUsd).toBe(1_650_000)
    expect(f.orderCount).toBe(3)
    expect(f.firstOrder).toBe('2026-08-01')
  })

  it('converts with the rate snapshot stored on each order, not today’s rate', () => {
    // 1,000,000 EUR at 1.10 and 7,000,000 CNY at 0.14.
    const f = computeFigures(
      [order('2026-03-01', 1_000_000, { usdRate: 1.1 }), order('2026-04-01', 7_000_000, { usdRate: 0.14 })],
      asOf,
      P,
    )
    expect(f.revenueUsd).toBeCloseTo(2_080_000, 6)
  })

  it('uses a trailing window of calendar months, excluding its first day', () => {
    const f = computeFigures([order('2025-11-23', 100), order('2025-11-24', 10)], asOf, P)
    expect(f.revenueUsd).toBe(10)
  })

  it('handles the window across a leap day', () => {
    expect(addMonths('2028-02-29', -12)).toBe('2027-02-28')
    expect(addMonths('2025-02-28', -12)).toBe('2024-02-28')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    // On 29 Feb 2028 the window is (2027-02-28, 2028-02-29]: an order on 2027-02-28 is out.
    const f = computeFigures(
      [order('2027-02-28', 100), order('2027-03-01', 7), order('2028-02-29', 3)],
      '2028-02-29',
      P,
    )
    expect(f.revenueUsd).toBe(10)
  })

  it('takes "today" in the team’s time zone, so one instant can be two dates', () => {
    const instant = new Date('2026-01-01T03:00:00Z')
    expect(localDate(instant, 'Asia/Shanghai')).toBe('2026-01-01')
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2025-12-31')
    const orders = [order('2025-01-01', 100)]
    // In Shanghai the window (2025-01-01, 2026-01-01] has already lost the order; in Los Angeles not yet.
    expect(computeFigures(orders, localDate(instant, 'Asia/Shanghai'), P).revenueUsd).toBe(0)
    expect(computeFigures(orders, localDate(instant, 'America/Los_Angeles'), P).revenueUsd).toBe(100)
  })

  it('ignores orders dated after today and gives the median reorder gap', () => {
    const f = computeFigures(
      [order('2026-01-01', 1), order('2026-03-02', 1), order('2026-04-01', 1), order('2026-12-31', 1)],
      asOf,
      P,
    )
    expect(f.orderCount).toBe(3)
    expect(f.medianGapDays).toBe(45) // gaps 60 and 30
  })
})

describe('RFM', () => {
  it('gives equal values equal quintile scores and spreads distinct ones over 1–5', () => {
    expect(quintileScores([10, 20, 30, 40, 50])).toEqual([1, 2, 3, 4, 5])
    expect(quintileScores([5, 5, 5, 5])).toEqual([1, 1, 1, 1])
    // Recency: fewer days is better.
    expect(quintileScores([1, 10, 100, 1000, 10000], false)).toEqual([5, 4, 3, 2, 1])
  })

  it('scores one customer from the base’s cut points exactly as the whole-base quintiles do', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 200 }),
        fc.boolean(),
        (values, higherIsBetter) => {
          const bounds = quintileBounds(values, higherIsBetter)
          expect(values.map((v) => scoreFromBounds(v, bounds, higherIsBetter))).toEqual(
            quintileScores(values, higherIsBetter),
          )
        },
      ),
    )
    expect(scoreFromBounds(123, [])).toBe(1)
  })

  it('finds the same RFM bounds from stored columns as from per-customer inputs', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -800, max: 0 }),
            fc.integer({ min: 1, max: 40 }),
            fc.double({ min: 0, max: 1e7, noNaN: true }),
          ),
          { maxLength: 120 },
        ),
        fc.constantFrom('2024-02-29', '2026-12-05', '2027-01-01'),
        (rows, asOf) => {
          const columns = rows.map(([d, f, m]) => [addDays(asOf, d), f, m] as const)
          const inputs = columns.map(([date, f, m], i) => ({
            id: String(i),
            recencyDays: daysBetween(date, asOf),
            frequency: f,
            monetaryUsd: m,
          }))
          expect(rfmBoundsOfColumns(columns, asOf)).toEqual(rfmBounds(inputs))
        },
      ),
    )
  })

  it('scores by fixed thresholds when the policy says so', () => {
    const fixed = { ...P, rfm: { ...P.rfm, mode: 'fixed' as const } }
    const s = rfmScores([{ id: 'a', recencyDays: 20, frequency: 5, monetaryUsd: 150_000 }], fixed).get('a')
    expect(s).toEqual({ r: 5, f: 4, m: 3 })
  })

  it('names segments in rule order with the inputs that decided', () => {
    const figures = computeFigures([order('2025-06-01', 1), order('2026-11-01', 1)], '2026-11-23', P)
    expect(decideSegment({ r: 5, f: 5, m: 5 }, figures, '2026-11-23', P)).toMatchObject({ segment: 'vip' })
    expect(decideSegment({ r: 1, f: 5, m: 2 }, figures, '2026-11-23', P)).toMatchObject({
      segment: 'at_risk',
    })
    expect(decideSegment({ r: 3, f: 1, m: 5 }, figures, '2026-11-23', P)).toMatchObject({
      segment: 'potential',
    })
    expect(decideSegment({ r: 3, f: 3, m: 3 }, figures, '2026-11-23', P)).toMatchObject({
      segment: 'general',
    })
    const fresh = computeFigures([order('2026-10-01', 1)], '2026-11-23', P)
    expect(decideSegment({ r: 5, f: 5, m: 5 }, fresh, '2026-11-23', P)).toMatchObject({
      segment: 'new',
      inputs: { days: 53 },
    })
    const old = computeFigures([order('2025-01-01', 1)], '2026-11-23', P)
    expect(decideSegment(null, old, '2026-11-23', P)).toMatchObject({ segment: 'dormant' })
    expect(decideSegment(null, computeFigures([], '2026-11-23', P), '2026-11-23', P)).toBeNull()
  })
})

describe('lifecycle and churn', () => {
  const asOf = '2026-11-23'

  it('moves from prospect to new to growing, mature, declining and lost', () => {
    expect(decideStage(computeFigures([], asOf, P), asOf, P).stage).toBe('prospect')
    expect(decideStage(computeFigures([order('2026-11-01', 1)], asOf, P), asOf, P).stage).toBe('new')
    const base = [order('2025-06-01', 100)]
    expect(
      decideStage(
        computeFigures([...base, order('2026-01-10', 100), order('2026-08-01', 200)], asOf, P),
        asOf,
        P,
      ).stage,
    ).toBe('growing')
    expect(
      decideStage(
        computeFigures([...base, order('2026-01-10', 100), order('2026-08-01', 100)], asOf, P),
        asOf,
        P,
      ).stage,
    ).toBe('mature')
    expect(
      decideStage(
        computeFigures([...base, order('2026-01-10', 100), order('2026-08-01', 50)], asOf, P),
        asOf,
        P,
      ).stage,
    ).toBe('declining')
    expect(decideStage(computeFigures([order('2025-06-01', 100)], asOf, P), asOf, P).stage).toBe('lost')
  })

  it('flags a gap beyond twice the customer’s own reorder rhythm, with the numbers', () => {
    // Orders every 30 days, then silence for 75 days: 75 > 2 × 30.
    const f = computeFigures(
      [order('2026-07-11', 1), order('2026-08-10', 1), order('2026-09-09', 1)],
      asOf,
      P,
    )
    expect(churnFlags(f, asOf, P)).toEqual([
      { kind: 'gap', daysSinceLast: 75, medianGapDays: 30, multiple: 2 },
    ])
    expect(churnFlags(f, '2026-10-30', P)).toEqual([])
  })

  it('flags a half-year revenue drop of more than 50 %', () => {
    const f = computeFigures([order('2026-01-10', 1000), order('2026-07-01', 400)], asOf, P)
    expect(churnFlags(f, asOf, P)).toContainEqual({
      kind: 'drop',
      last6Usd: 400,
      prev6Usd: 1000,
      dropPct: 60,
      limitPct: 50,
    })
  })
})

describe('policy', () => {
  it('validates the defaults and refuses thresholds out of order', () => {
    expect(tieringPolicySchema.safeParse(DEFAULT_POLICY).success).toBe(true)
    const bad = { ...DEFAULT_POLICY, thresholdsUsd: { key: 1_000_000, mid: 5_000_000, small: 100_000 } }
    expect(tieringPolicySchema.safeParse(bad).success).toBe(false)
  })
})

describe('properties', () => {
  const rank = { ordinary: 0, small: 1, mid: 2, key: 3 } as const

  it('hysteresis only ever keeps a tier held before, and only inside its band', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20_000_000, noNaN: true }),
        fc.option(fc.constantFrom(...VALUE_TIERS), { nil: null }),
        (revenue, previous) => {
          const d = decideTier(revenue, previous, P)
          const earned = rawTier(revenue, P)
          if (d.tier === earned) return d.rule === 'threshold'
          return (
            d.rule === 'hysteresis' &&
            d.tier === previous &&
            rank[d.tier] > rank[earned] &&
            revenue >= tierThreshold(d.tier, P) * (1 - P.hysteresisPct / 100)
          )
        },
      ),
    )
  })

  it('quintile scores never decrease as values grow', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (values) => {
          const scores = quintileScores(values)
          const pairs = values.map((v, i) => [v, scores[i]!] as const).sort((a, b) => a[0] - b[0])
          return (
            pairs.every((p, i) => i === 0 || p[1] >= pairs[i - 1]![1]) &&
            scores.every((x) => x >= 1 && x <= 5)
          )
        },
      ),
    )
  })
})
