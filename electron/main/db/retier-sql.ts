// The whole-base pass's shortcut: which customers' stored tier, segment, stage or risk flags would
// change under a policy. A single SQL pass over the narrow derived tables answers it, so only the
// (usually few) changed customers travel to JavaScript, where the engine (core/tiering.ts)
// decides them again, with the reasons it stores. The SQL is a filter: a customer it names but the
// engine finds unchanged is skipped; tests and the DuckDB benchmark check it misses none.
import { addDays } from '../core/tiering'
import type { RfmBounds } from '../core/tiering'
import type { TieringPolicy } from '../../../shared/tiering'

const RANK = "CASE t.tier WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 ELSE 0 END"

/**
 * The score a value gets: quintile bounds count (as scoreFromBounds), fixed limits pick the highest
 * met. Recency is compared as dates: "fewer than k days since the last order" is "last order after
 * today − k days", so no row parses a date more than once.
 */
function scoreSql(value: string, names: string[], mode: 'quintile' | 'fixed'): string {
  // Values arrive oriented so that larger is better (recency as the last order's date), and the
  // parameters are oriented the same way (see changedParams).
  const op = mode === 'quintile' ? '>' : '>='
  if (mode === 'quintile') return `(1 + ${names.map((n) => `coalesce(${value} ${op} @${n}, 0)`).join(' + ')})`
  return `(CASE ${[...names]
    .map((n, i) => ({ n, s: i + 2 }))
    .reverse()
    .map(({ n, s }) => `WHEN ${value} ${op} @${n} THEN ${s}`)
    .join(' ')} ELSE 1 END)`
}

export const CHANGED_SQL = (mode: 'quintile' | 'fixed') => `
WITH x AS (
  SELECT t.customer_id AS id, t.tier, t.rule, t.revenue_usd AS stored_revenue, t.segment AS s_segment,
    t.rfm_r AS s_r, t.rfm_f AS s_f, t.rfm_m AS s_m, t.stage AS s_stage, t.risk_gap AS s_gap, t.risk_drop AS s_drop,
    ${RANK} AS prev_rank, l.tier AS lock_tier,
    coalesce(f.revenue_usd, 0) AS revenue, coalesce(f.order_count, 0) AS cnt, f.first_order, f.last_order,
    coalesce(f.last6_usd, 0) AS last6, coalesce(f.prev6_usd, 0) AS prev6, f.median_gap_days AS median_gap,
    f.last_order AS last_date
  FROM customer_tiers t
  LEFT JOIN customer_figures f ON f.customer_id = t.customer_id
  LEFT JOIN tier_locks l ON l.id = t.customer_id AND l.deleted_at IS NULL
  WHERE t.live = 1
),
y AS (
  SELECT *,
    CASE WHEN revenue >= @key THEN 3 WHEN revenue >= @mid THEN 2 WHEN revenue >= @small THEN 1 ELSE 0 END AS raw_rank,
    cnt > 0 AND last_order IS NOT NULL AS active
  FROM x
),
z AS (
  SELECT *,
    CASE
      WHEN lock_tier IS NOT NULL THEN lock_tier
      WHEN prev_rank > raw_rank
        AND revenue >= (CASE prev_rank WHEN 3 THEN @key WHEN 2 THEN @mid WHEN 1 THEN @small ELSE 0 END) * @band
        THEN tier
      ELSE CASE raw_rank WHEN 3 THEN 'key' WHEN 2 THEN 'mid' WHEN 1 THEN 'small' ELSE 'ordinary' END
    END AS new_tier,
    CASE
      WHEN lock_tier IS NOT NULL THEN 'locked'
      WHEN prev_rank > raw_rank
        AND revenue >= (CASE prev_rank WHEN 3 THEN @key WHEN 2 THEN @mid WHEN 1 THEN @small ELSE 0 END) * @band
        THEN 'hysteresis'
      ELSE 'threshold'
    END AS new_rule,
    CASE WHEN active THEN ${scoreSql('last_date', ['r1', 'r2', 'r3', 'r4'], mode)} END AS r,
    CASE WHEN active THEN ${scoreSql('cnt', ['f1', 'f2', 'f3', 'f4'], mode)} END AS f,
    CASE WHEN active THEN ${scoreSql('revenue', ['m1', 'm2', 'm3', 'm4'], mode)} END AS m
  FROM y
),
d AS (
  SELECT *,
    CASE
      WHEN last_order IS NULL OR first_order IS NULL THEN NULL
      WHEN last_order < @dormantBefore THEN 'dormant'
      WHEN first_order >= @newSince THEN 'new'
      WHEN r IS NULL THEN 'general'
      WHEN r >= @vipR AND f >= @vipF AND m >= @vipM THEN 'vip'
      WHEN max(f, m) >= @riskFM AND r <= @riskR THEN 'at_risk'
      WHEN m >= @potM AND f <= @potF THEN 'potential'
      ELSE 'general'
    END AS segment,
    CASE
      WHEN last_order IS NULL OR first_order IS NULL THEN 'prospect'
      WHEN last_order < @dormantBefore THEN 'lost'
      WHEN first_order >= @newSince THEN 'new'
      WHEN prev6 > 0 AND last6 > prev6 * @trendUp THEN 'growing'
      WHEN prev6 > 0 AND last6 < prev6 * @trendDown THEN 'declining'
      WHEN prev6 = 0 AND last6 > 0 THEN 'growing'
      ELSE 'mature'
    END AS stage,
    coalesce(
      last_order IS NOT NULL AND median_gap > 0
        AND round(julianday(@asOf) - julianday(last_order)) > @gapMultiple * median_gap,
      0
    ) AS gap,
    coalesce(prev6 > 0 AND (prev6 - last6) / prev6 * 100 > @dropPct, 0) AS drop_flag
  FROM z
)
SELECT id FROM d
WHERE new_tier IS NOT tier OR new_rule IS NOT rule OR revenue IS NOT stored_revenue
  OR segment IS NOT s_segment OR r IS NOT s_r OR f IS NOT s_f OR m IS NOT s_m
  OR stage IS NOT s_stage OR gap IS NOT s_gap OR drop_flag IS NOT s_drop`

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
    asOf,
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
