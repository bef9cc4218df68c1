// The whole-base pass's shortcut: which customers' stored tier, segment, stage or risk flags would
// change under a policy. A single SQL pass over the narrow derived tables answers it, so only the
// (usually few) changed customers travel to JavaScript, where the engine (core/tiering.ts)
// decides them again, with the reasons it stores. The SQL is a filter: a customer it names but the
// engine finds unchanged is skipped; tests and the DuckDB benchmark check it misses none.
import { addDays, daysBetween } from '../../core/tiering'
import type { RfmBounds } from '../../core/tiering'
import type { TieringPolicy } from '../../../../shared/tiering'
import { TIER_RANK, tierRankSql } from '../../../../shared/tiering'

const RANK = tierRankSql('t.tier')

/**
 * The score a value gets: quintile bounds count (as scoreFromBounds), fixed limits pick the highest
 * met. Recency is compared as dates: "fewer than k days since the last order" is "last order after
 * today − k days", so no row parses a date. Only active customers are scored, and an active one is
 * in the base the quintile bounds come from, so quintile bounds are never missing here; a fixed
 * limit the policy leaves out is a NULL that no CASE arm meets.
 */
function scoreSql(value: string, names: string[], mode: 'quintile' | 'fixed'): string {
  // Values arrive oriented so that larger is better (recency as the last order's date), and the
  // parameters are oriented the same way (see changedParams).
  if (mode === 'quintile') return `(1 + ${names.map((n) => `(${value} > @${n})`).join(' + ')})`
  return `(CASE ${[...names]
    .map((n, i) => ({ n, s: i + 2 }))
    .reverse()
    .map(({ n, s }) => `WHEN ${value} >= @${n} THEN ${s}`)
    .join(' ')} ELSE 1 END)`
}

const TIER_NAME = (rank: string) =>
  `CASE ${rank} WHEN 3 THEN 'key' WHEN 2 THEN 'mid' WHEN 1 THEN 'small' ELSE 'ordinary' END`

/*
 * Shaped for speed, as this scan is most of a full re-tier. The inner query is kept a co-routine
 * (LIMIT -1 stops SQLite flattening it into the outer WHERE), so each row's scores are computed
 * once rather than once per mention. The outer WHERE then tests each stored value against what
 * the engine's rules give, sharing the branches segments and stages have in common (no orders,
 * dormant, new). Each test reads "stored value IS NOT rule's value"; NULLs compare as values.
 */
export const CHANGED_SQL = (mode: 'quintile' | 'fixed') => `
SELECT id FROM (
  SELECT t.customer_id AS id, t.tier, t.rule, t.revenue_usd AS s_revenue, t.segment AS s_segment,
    t.rfm_r AS s_r, t.rfm_f AS s_f, t.rfm_m AS s_m, t.stage AS s_stage, t.risk_gap AS s_gap,
    t.risk_drop AS s_drop, l.tier AS lock_tier, ${RANK} AS prev_rank,
    coalesce(f.revenue_usd, 0) AS revenue, f.first_order AS first_order, f.last_order AS last_order,
    coalesce(f.last6_usd, 0) AS last6, coalesce(f.prev6_usd, 0) AS prev6, f.median_gap_days AS median_gap,
    CASE WHEN coalesce(f.revenue_usd, 0) >= @key THEN ${TIER_RANK.key} WHEN coalesce(f.revenue_usd, 0) >= @mid THEN ${TIER_RANK.mid}
      WHEN coalesce(f.revenue_usd, 0) >= @small THEN ${TIER_RANK.small} ELSE ${TIER_RANK.ordinary} END AS raw_rank,
    CASE WHEN f.order_count > 0 AND f.last_order IS NOT NULL THEN ${scoreSql('f.last_order', ['r1', 'r2', 'r3', 'r4'], mode)} END AS r,
    CASE WHEN f.order_count > 0 AND f.last_order IS NOT NULL THEN ${scoreSql('f.order_count', ['f1', 'f2', 'f3', 'f4'], mode)} END AS f,
    CASE WHEN f.order_count > 0 AND f.last_order IS NOT NULL THEN ${scoreSql('coalesce(f.revenue_usd, 0)', ['m1', 'm2', 'm3', 'm4'], mode)} END AS m
  FROM customer_tiers t
  LEFT JOIN customer_figures f ON f.customer_id = t.customer_id
  LEFT JOIN tier_locks l ON l.id = t.customer_id AND l.deleted_at IS NULL
  WHERE t.live = 1
  LIMIT -1
)
WHERE revenue IS NOT s_revenue
  OR r IS NOT s_r OR f IS NOT s_f OR m IS NOT s_m
  OR (CASE
    WHEN lock_tier IS NOT NULL THEN tier IS NOT lock_tier OR rule IS NOT 'locked'
    WHEN prev_rank > raw_rank
      AND revenue >= (CASE prev_rank WHEN 3 THEN @key WHEN 2 THEN @mid WHEN 1 THEN @small ELSE 0 END) * @band
      THEN rule IS NOT 'hysteresis'
    ELSE tier IS NOT ${TIER_NAME('raw_rank')} OR rule IS NOT 'threshold'
  END)
  OR (CASE
    WHEN last_order IS NULL OR first_order IS NULL THEN s_segment IS NOT NULL OR s_stage IS NOT 'prospect'
    WHEN last_order < @dormantBefore THEN s_segment IS NOT 'dormant' OR s_stage IS NOT 'lost'
    WHEN first_order >= @newSince THEN s_segment IS NOT 'new' OR s_stage IS NOT 'new'
    ELSE s_segment IS NOT (CASE
        WHEN r IS NULL THEN 'general'
        WHEN r >= @vipR AND f >= @vipF AND m >= @vipM THEN 'vip'
        WHEN max(f, m) >= @riskFM AND r <= @riskR THEN 'at_risk'
        WHEN m >= @potM AND f <= @potF THEN 'potential'
        ELSE 'general'
      END)
      OR s_stage IS NOT (CASE
        WHEN prev6 > 0 AND last6 > prev6 * @trendUp THEN 'growing'
        WHEN prev6 > 0 AND last6 < prev6 * @trendDown THEN 'declining'
        WHEN prev6 = 0 AND last6 > 0 THEN 'growing'
        ELSE 'mature'
      END)
  END)
  OR s_gap IS NOT (CASE
    WHEN last_order IS NOT NULL AND median_gap > 0
      THEN round(@asOfDay - julianday(last_order)) > @gapMultiple * median_gap
    ELSE 0
  END)
  OR s_drop IS NOT (prev6 > 0 AND (prev6 - last6) / prev6 * 100 > @dropPct)`

/** The named parameters of CHANGED_SQL for a policy, a day and the base's RFM bounds. */
export function changedParams(
  policy: TieringPolicy,
  asOf: string,
  bounds: RfmBounds,
): Record<string, unknown> {
  const b = (xs: readonly number[], i: number) => xs[i] ?? null
  const fixed = policy.rfm.mode === 'fixed'
  const f = policy.rfm.fixed
  const fb = fixed ? f.frequency : bounds.f
  const mb = fixed ? f.monetaryUsd : bounds.m
  // Recency as dates. Quintiles: bound b is a negated day count, and "−days > b" is "last order
  // after today + b". Fixed: "days ≤ limit" is "last order on or after today − limit".
  const recency = (i: number): string | null => {
    const limit = f.recencyDays[i]
    if (fixed) return limit === undefined ? null : addDays(asOf, -limit)
    const bound = bounds.r[i]
    return bound === undefined ? null : addDays(asOf, bound)
  }
  return {
    asOfDay: julianDay(asOf),
    key: policy.thresholdsUsd.key,
    mid: policy.thresholdsUsd.mid,
    small: policy.thresholdsUsd.small,
    band: 1 - policy.hysteresisPct / 100,
    ...Object.fromEntries(
      [0, 1, 2, 3].flatMap((i): [string, unknown][] => [
        [`r${i + 1}`, recency(i)],
        [`f${i + 1}`, b(fb, i)],
        [`m${i + 1}`, b(mb, i)],
      ]),
    ),
    dormantBefore: addDays(asOf, -policy.dormantDays),
    newSince: addDays(asOf, -policy.newCustomerDays),
    vipR: policy.rfm.vip.minR,
    vipF: policy.rfm.vip.minF,
    vipM: policy.rfm.vip.minM,
    riskFM: policy.rfm.atRisk.minFOrM,
    riskR: policy.rfm.atRisk.maxR,
    potM: policy.rfm.potential.minM,
    potF: policy.rfm.potential.maxF,
    trendUp: 1 + policy.trendPct / 100,
    trendDown: 1 - policy.trendPct / 100,
    gapMultiple: policy.churn.gapMultiple,
    dropPct: policy.churn.dropPct,
  }
}

/**
 * SQLite's julianday() of a calendar date (2440587.5 is 1970-01-01), computed once here: written
 * as julianday(@asOf) in the scan, SQLite evaluates it again for each of the 100k rows (+40 ms).
 */
function julianDay(date: string): number {
  return 2440587.5 + daysBetween('1970-01-01', date)
}
