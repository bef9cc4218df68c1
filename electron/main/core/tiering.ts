// The tiering engine (SPEC T1–T4, T6) as pure functions: figures from a customer's orders, value
// tier with hysteresis and locks, RFM scores and segments, lifecycle stage and churn flags. Every
// result carries the rule and the numbers that produced it, so the UI can say why in a sentence.
// No database, no Electron: the caller supplies the facts and the policy.
import type {
  LifecycleStage,
  OrderStatus,
  RfmSegment,
  TierCause,
  TieringPolicy,
  ValueTier,
} from '../../../shared/tiering'
import { isPromotion } from '../../../shared/tiering'

/** One order as the engine needs it. `date` is a calendar date (YYYY-MM-DD) in the team's zone. */
export type OrderFact = {
  date: string
  amount: number
  /** Returned or refunded, in the order's currency. */
  returned: number
  /** USD per unit of the order's currency, snapshot at the order date. */
  usdRate: number
  status: OrderStatus
}

export type CustomerFigures = {
  /** Net revenue in USD inside the trailing window (asOf − windowMonths, asOf]. */
  revenueUsd: number
  /** Revenue orders inside the window. */
  orderCount: number
  /** First and last revenue order ever (any window), or null. */
  firstOrder: string | null
  lastOrder: string | null
  /** Net revenue of the last 6 months and of the 6 months before them. */
  last6Usd: number
  prev6Usd: number
  /** Median gap in days between consecutive revenue orders; null with fewer than 3 orders. */
  medianGapDays: number | null
}

const DAY_MS = 86_400_000

// A whole-base pass asks for the same few thousand calendar dates hundreds of thousands of times.
const parsed = new Map<string, number>()

function parseDate(d: string): number {
  let ms = parsed.get(d)
  if (ms === undefined) {
    ms = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))
    if (parsed.size > 100_000) parsed.clear()
    parsed.set(d, ms)
  }
  return ms
}

function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Days from `a` to `b` (calendar dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDate(b) - parseDate(a)) / DAY_MS)
}

/** The calendar date `days` days after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return formatDate(parseDate(date) + days * DAY_MS)
}

/**
 * The same day `months` calendar months earlier or later, clamped to the month's end:
 * 2028-02-29 − 12 months = 2027-02-28, 2026-03-31 − 1 month = 2026-02-28.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const total = y! * 12 + (m! - 1) + months
  const year = Math.floor(total / 12)
  const month = total - year * 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return formatDate(Date.UTC(year, month, Math.min(d!, last)))
}

/** Net USD value of one order if it counts as revenue under the policy, else 0. */
export function orderRevenueUsd(o: OrderFact, policy: TieringPolicy): number {
  if (!(policy.revenueStatuses as readonly string[]).includes(o.status)) return 0
  return Math.max(0, o.amount - o.returned) * o.usdRate
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** All figures the rules need, from a customer's orders, as of a calendar date. */
export function computeFigures(
  orders: readonly OrderFact[],
  asOf: string,
  policy: TieringPolicy,
): CustomerFigures {
  const windowStart = addMonths(asOf, -policy.windowMonths)
  const sixAgo = addMonths(asOf, -6)
  const twelveAgo = addMonths(asOf, -12)
  let revenueUsd = 0
  let orderCount = 0
  let last6Usd = 0
  let prev6Usd = 0
  const dates: string[] = []
  const counted: readonly string[] = policy.revenueStatuses
  for (const o of orders) {
    // Quotes and cancelled orders are not revenue, and do not count as buying either.
    if (o.date > asOf || !counted.includes(o.status)) continue
    const usd = orderRevenueUsd(o, policy)
    dates.push(o.date)
    if (o.date > windowStart) {
      revenueUsd += usd
      orderCount++
    }
    if (o.date > sixAgo) last6Usd += usd
    else if (o.date > twelveAgo) prev6Usd += usd
  }
  dates.sort()
  return {
    revenueUsd,
    orderCount,
    firstOrder: dates[0] ?? null,
    lastOrder: dates[dates.length - 1] ?? null,
    last6Usd,
    prev6Usd,
    medianGapDays: medianGapDays(dates),
  }
}

/** Median gap in days between consecutive dates (sorted); null with fewer than 3 dates. */
export function medianGapDays(sortedDates: readonly string[]): number | null {
  if (sortedDates.length < 3) return null
  const gaps: number[] = []
  for (let i = 1; i < sortedDates.length; i++) gaps.push(daysBetween(sortedDates[i - 1]!, sortedDates[i]!))
  return median(gaps)
}

// ---- value tier (T1, T6) ----

export function tierThreshold(tier: ValueTier, policy: TieringPolicy): number {
  return tier === 'ordinary' ? 0 : policy.thresholdsUsd[tier]
}

/**
 * The revenue under which a customer holding `tier` drops out of it: the threshold less the
 * hysteresis band (Key 5M with 5 %: 4.75M). Ordinary has no floor (0).
 */
export function demotionFloor(tier: ValueTier, policy: TieringPolicy): number {
  return tierThreshold(tier, policy) * (1 - policy.hysteresisPct / 100)
}

/** The tier revenue alone earns, ignoring history. */
export function rawTier(revenueUsd: number, policy: TieringPolicy): ValueTier {
  const t = policy.thresholdsUsd
  if (revenueUsd >= t.key) return 'key'
  if (revenueUsd >= t.mid) return 'mid'
  if (revenueUsd >= t.small) return 'small'
  return 'ordinary'
}

export type TierDecision = {
  tier: ValueTier
  /** threshold: revenue earns it; hysteresis: kept inside the band below its threshold; locked: by a manager. */
  rule: 'threshold' | 'hysteresis' | 'locked'
  inputs: { revenueUsd: number; thresholdUsd: number; bandFloorUsd?: number }
}

/**
 * The customer's value tier. A promotion needs revenue at or above the threshold; a customer
 * keeps the tier it holds until revenue falls more than the hysteresis band below that tier's
 * threshold (Key is kept down to 4.75M with the default 5 %), then drops to what revenue earns.
 * A manager's lock wins over everything.
 */
export function decideTier(
  revenueUsd: number,
  previous: ValueTier | null,
  policy: TieringPolicy,
  lock: ValueTier | null = null,
): TierDecision {
  if (lock)
    return { tier: lock, rule: 'locked', inputs: { revenueUsd, thresholdUsd: tierThreshold(lock, policy) } }
  const earned = rawTier(revenueUsd, policy)
  if (previous && isPromotion(earned, previous)) {
    const thresholdUsd = tierThreshold(previous, policy)
    const bandFloorUsd = demotionFloor(previous, policy)
    if (revenueUsd >= bandFloorUsd)
      return { tier: previous, rule: 'hysteresis', inputs: { revenueUsd, thresholdUsd, bandFloorUsd } }
  }
  return {
    tier: earned,
    rule: 'threshold',
    inputs: { revenueUsd, thresholdUsd: tierThreshold(earned, policy) },
  }
}

/**
 * Why a stored tier changed, for its sentence (T6). A lock or its removal says so. Otherwise, when
 * the current policy would have kept the old tier for the old revenue, the revenue moved it;
 * when it would not, the rules changed under an unchanged revenue ("a new policy").
 */
export function tierCause(
  rule: TierDecision['rule'],
  wasLocked: boolean,
  fromTier: ValueTier,
  previousRevenueUsd: number,
  policy: TieringPolicy,
): TierCause {
  if (rule === 'locked') return 'lock'
  if (wasLocked) return 'unlock'
  return decideTier(previousRevenueUsd, fromTier, policy).tier === fromTier ? 'revenue' : 'policy'
}

// ---- RFM (T2) ----

export type RfmInput = { id: string; recencyDays: number; frequency: number; monetaryUsd: number }
export type RfmScores = { r: number; f: number; m: number }

/**
 * Quintile scores 1–5 over a base: a value's score is 1 + ⌊5 × (values strictly below it) / n⌋,
 * so equal values always get equal scores. `higherIsBetter` false turns it round (recency).
 */
export function quintileScores(values: readonly number[], higherIsBetter = true): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  const below = (v: number) => {
    let lo = 0
    let hi = n
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]! < v) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const above = (v: number) => {
    let lo = 0
    let hi = n
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]! <= v) lo = mid + 1
      else hi = mid
    }
    return n - lo
  }
  return values.map((v) => 1 + Math.min(4, Math.floor((5 * (higherIsBetter ? below(v) : above(v))) / n)))
}

function fixedScore(v: number, bounds: readonly number[], higherIsBetter: boolean): number {
  let s = 1
  // bounds hold the limits for scores 2, 3, 4, 5 in order.
  bounds.forEach((b, i) => {
    if (higherIsBetter ? v >= b : v <= b) s = i + 2
  })
  return s
}

/** R, F and M scores for every customer of the active base, by the policy's mode. */
export function rfmScores(base: readonly RfmInput[], policy: TieringPolicy): Map<string, RfmScores> {
  const out = new Map<string, RfmScores>()
  if (policy.rfm.mode === 'fixed') {
    const f = policy.rfm.fixed
    for (const c of base) {
      out.set(c.id, {
        r: fixedScore(c.recencyDays, f.recencyDays, false),
        f: fixedScore(c.frequency, f.frequency, true),
        m: fixedScore(c.monetaryUsd, f.monetaryUsd, true),
      })
    }
    return out
  }
  const r = quintileScores(
    base.map((c) => c.recencyDays),
    false,
  )
  const fq = quintileScores(base.map((c) => c.frequency))
  const m = quintileScores(base.map((c) => c.monetaryUsd))
  base.forEach((c, i) => out.set(c.id, { r: r[i]!, f: fq[i]!, m: m[i]! }))
  return out
}

export type SegmentDecision = {
  segment: RfmSegment
  rule: string
  inputs: Record<string, number | string | null>
}

/** The named segment; rules apply in order: dormant, new, VIP, at risk, potential, else general. */
export function decideSegment(
  scores: RfmScores | null,
  figures: CustomerFigures,
  asOf: string,
  policy: TieringPolicy,
): SegmentDecision | null {
  if (!figures.lastOrder || !figures.firstOrder) return null
  const sinceLast = daysBetween(figures.lastOrder, asOf)
  const sinceFirst = daysBetween(figures.firstOrder, asOf)
  if (sinceLast > policy.dormantDays) {
    return {
      segment: 'dormant',
      rule: 'no_order_for',
      inputs: { days: sinceLast, limit: policy.dormantDays },
    }
  }
  if (sinceFirst <= policy.newCustomerDays) {
    return {
      segment: 'new',
      rule: 'first_order_within',
      inputs: { days: sinceFirst, limit: policy.newCustomerDays },
    }
  }
  if (!scores) return { segment: 'general', rule: 'default', inputs: {} }
  const { vip, potential, atRisk } = policy.rfm
  const inputs = { r: scores.r, f: scores.f, m: scores.m }
  if (scores.r >= vip.minR && scores.f >= vip.minF && scores.m >= vip.minM)
    return { segment: 'vip', rule: 'rfm_vip', inputs }
  if (Math.max(scores.f, scores.m) >= atRisk.minFOrM && scores.r <= atRisk.maxR) {
    return { segment: 'at_risk', rule: 'rfm_at_risk', inputs }
  }
  if (scores.m >= potential.minM && scores.f <= potential.maxF)
    return { segment: 'potential', rule: 'rfm_potential', inputs }
  return { segment: 'general', rule: 'default', inputs }
}

// ---- lifecycle (T3) and churn (T4) ----

export type StageDecision = { stage: LifecycleStage; rule: string; inputs: Record<string, number | null> }

export function decideStage(figures: CustomerFigures, asOf: string, policy: TieringPolicy): StageDecision {
  if (!figures.firstOrder || !figures.lastOrder) return { stage: 'prospect', rule: 'no_order', inputs: {} }
  const sinceLast = daysBetween(figures.lastOrder, asOf)
  if (sinceLast > policy.dormantDays)
    return { stage: 'lost', rule: 'no_order_for', inputs: { days: sinceLast, limit: policy.dormantDays } }
  const sinceFirst = daysBetween(figures.firstOrder, asOf)
  if (sinceFirst <= policy.newCustomerDays) {
    return {
      stage: 'new',
      rule: 'first_order_within',
      inputs: { days: sinceFirst, limit: policy.newCustomerDays },
    }
  }
  const { last6Usd, prev6Usd } = figures
  const trend = policy.trendPct / 100
  const inputs = { last6Usd, prev6Usd, trendPct: policy.trendPct }
  if (prev6Usd > 0 && last6Usd > prev6Usd * (1 + trend))
    return { stage: 'growing', rule: 'half_year_up', inputs }
  if (prev6Usd > 0 && last6Usd < prev6Usd * (1 - trend))
    return { stage: 'declining', rule: 'half_year_down', inputs }
  if (prev6Usd === 0 && last6Usd > 0) return { stage: 'growing', rule: 'half_year_up', inputs }
  return { stage: 'mature', rule: 'stable', inputs }
}

export type ChurnFlag =
  | { kind: 'gap'; daysSinceLast: number; medianGapDays: number; multiple: number }
  | { kind: 'drop'; last6Usd: number; prev6Usd: number; dropPct: number; limitPct: number }

/** Churn-risk flags, each with the numbers behind it; empty when nothing is wrong. */
export function churnFlags(figures: CustomerFigures, asOf: string, policy: TieringPolicy): ChurnFlag[] {
  const flags: ChurnFlag[] = []
  if (figures.lastOrder && figures.medianGapDays !== null && figures.medianGapDays > 0) {
    const daysSinceLast = daysBetween(figures.lastOrder, asOf)
    if (daysSinceLast > policy.churn.gapMultiple * figures.medianGapDays) {
      flags.push({
        kind: 'gap',
        daysSinceLast,
        medianGapDays: figures.medianGapDays,
        multiple: policy.churn.gapMultiple,
      })
    }
  }
  const { last6Usd, prev6Usd } = figures
  if (prev6Usd > 0) {
    const dropPct = ((prev6Usd - last6Usd) / prev6Usd) * 100
    if (dropPct > policy.churn.dropPct) {
      flags.push({ kind: 'drop', last6Usd, prev6Usd, dropPct, limitPct: policy.churn.dropPct })
    }
  }
  return flags
}

// ---- RFM bounds: the quintile cut points of a base, so one customer can be scored alone ----

/**
 * Quintile scores need the whole base, but an order arrives for one customer. Scoring against
 * the base's cut points gives the same scores quintileScores would: with below(v) the count of
 * values under v, score ≥ k+1 ⇔ below(v) ≥ ⌈k·n/5⌉ ⇔ v exceeds the ⌈k·n/5⌉-th smallest value.
 * `higherIsBetter` false (recency) works on negated values. Empty base: no bounds, score 1.
 */
export type QuintileBounds = number[]

export function quintileBounds(values: readonly number[], higherIsBetter = true): QuintileBounds {
  if (values.length === 0) return []
  // A typed array sorts numbers natively, several times faster than a comparator over 100k values.
  return cutPoints(Float64Array.from(values, (v) => (higherIsBetter ? v : -v)).sort())
}

/** The four quintile cut points of sorted values: the ⌈k·n/5⌉-th smallest, k = 1…4. */
function cutPoints(sorted: Float64Array): number[] {
  const n = sorted.length
  return [1, 2, 3, 4].map((k) => sorted[Math.max(0, Math.ceil((k * n) / 5) - 1)]!)
}

export function scoreFromBounds(v: number, bounds: QuintileBounds, higherIsBetter = true): number {
  const x = higherIsBetter ? v : -v
  let s = 1
  for (const b of bounds) if (x > b) s++
  return s
}

export type RfmBounds = { r: QuintileBounds; f: QuintileBounds; m: QuintileBounds }

/** The active base: customers with a revenue order inside the window. */
export function isActive(figures: CustomerFigures): boolean {
  return figures.orderCount > 0 && figures.lastOrder !== null
}

export function rfmInput(id: string, figures: CustomerFigures, asOf: string): RfmInput {
  return {
    id,
    recencyDays: figures.lastOrder ? daysBetween(figures.lastOrder, asOf) : Number.MAX_SAFE_INTEGER,
    frequency: figures.orderCount,
    monetaryUsd: figures.revenueUsd,
  }
}

export function rfmBounds(base: readonly RfmInput[]): RfmBounds {
  return {
    r: quintileBounds(
      base.map((c) => c.recencyDays),
      false,
    ),
    f: quintileBounds(base.map((c) => c.frequency)),
    m: quintileBounds(base.map((c) => c.monetaryUsd)),
  }
}

/**
 * A calendar date as the number yyyymmdd: ordered as the dates are, without parsing a Date. Each
 * digit's character code carries 48 too; over the eight digits that is 48 × 11111111.
 */
function dateKey(d: string): number {
  return (
    (d.charCodeAt(0) * 1000 + d.charCodeAt(1) * 100 + d.charCodeAt(2) * 10 + d.charCodeAt(3)) * 10000 +
    (d.charCodeAt(5) * 10 + d.charCodeAt(6)) * 100 +
    d.charCodeAt(8) * 10 +
    d.charCodeAt(9) -
    48 * 11111111
  )
}

function keyDate(k: number): string {
  const y = Math.floor(k / 10000)
  const m = Math.floor(k / 100) % 100
  const d = k % 100
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/**
 * rfmBounds over the active base's stored figures as columns (last order date, order count,
 * 12-month revenue), for the whole-base pass. Equal to rfmBounds of the same customers: quintile
 * positions depend only on order, and last-order dates sort as their recencies do (later = fewer
 * days), so the dates are sorted as numbers and only the four chosen ones become day counts.
 */
export function rfmBoundsOfColumns(
  rows: readonly (readonly [lastOrder: string, orderCount: number, revenueUsd: number])[],
  asOf: string,
): RfmBounds {
  const n = rows.length
  if (n === 0) return { r: [], f: [], m: [] }
  const dates = new Float64Array(n)
  const counts = new Float64Array(n)
  const revenues = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const row = rows[i]!
    dates[i] = dateKey(row[0])
    counts[i] = row[1]
    revenues[i] = row[2]
  }
  return {
    // quintileBounds(days, false) keeps −days: the bound is minus the recency at that position.
    r: cutPoints(dates.sort()).map((k) => -daysBetween(keyDate(k), asOf)),
    f: cutPoints(counts.sort()),
    m: cutPoints(revenues.sort()),
  }
}

/** One customer's R, F, M under the policy: fixed thresholds, or the base's quintile bounds. */
export function scoreOne(input: RfmInput, bounds: RfmBounds, policy: TieringPolicy): RfmScores {
  if (policy.rfm.mode === 'fixed') {
    const f = policy.rfm.fixed
    return {
      r: fixedScore(input.recencyDays, f.recencyDays, false),
      f: fixedScore(input.frequency, f.frequency, true),
      m: fixedScore(input.monetaryUsd, f.monetaryUsd, true),
    }
  }
  return {
    r: scoreFromBounds(input.recencyDays, bounds.r, false),
    f: scoreFromBounds(input.frequency, bounds.f),
    m: scoreFromBounds(input.monetaryUsd, bounds.m),
  }
}

/** Everything the rules say about one customer, each part with its reason. */
export type CustomerEvaluation = {
  tier: TierDecision
  scores: RfmScores | null
  segment: SegmentDecision | null
  stage: StageDecision
  risks: ChurnFlag[]
}

export function evaluateCustomer(
  id: string,
  figures: CustomerFigures,
  asOf: string,
  policy: TieringPolicy,
  previousTier: ValueTier | null,
  lock: ValueTier | null,
  bounds: RfmBounds,
): CustomerEvaluation {
  const scores = isActive(figures) ? scoreOne(rfmInput(id, figures, asOf), bounds, policy) : null
  return {
    tier: decideTier(figures.revenueUsd, previousTier, policy, lock),
    scores,
    segment: decideSegment(scores, figures, asOf, policy),
    stage: decideStage(figures, asOf, policy),
    risks: churnFlags(figures, asOf, policy),
  }
}
