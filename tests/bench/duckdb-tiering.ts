// The same whole-base tiering as electron/main/core/tiering.ts, written as one DuckDB query over
// the raw orders: the yardstick for the full re-tier benchmark. Every rule mirrors the engine's:
// revenue statuses net of returns at the snapshot rate, windows as exclusive lower bounds computed
// by the engine's own addMonths, hysteresis against the previous tier, locks, quintile scores as
// 1 + ⌊5 × (values strictly below) / n⌋ over the active base, segments, stages and risk flags in
// the engine's rule order.
import { DuckDBInstance, dateValue } from '@duckdb/node-api'
import type { DuckDBConnection } from '@duckdb/node-api'
import { addMonths } from '../../electron/main/core/tiering'
import type { TieringPolicy } from '../../shared/tiering'

export type OrderRow = {
  customer_id: string
  date: string
  amount: number
  returned: number
  usd_rate: number
  status: string
}
export type PrevRow = { customer_id: string; tier: string | null; lock: string | null }
export type DuckResult = {
  customer_id: string
  tier: string
  segment: string | null
  stage: string
  risk_gap: boolean
  risk_drop: boolean
}

const DAY_MS = 86_400_000
const epochDays = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS

export async function openDuck(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:')
  return instance.connect()
}

/** Copies the facts into DuckDB with its appender (not part of the timed computation). */
export async function loadFacts(
  conn: DuckDBConnection,
  orders: Iterable<OrderRow>,
  prev: readonly PrevRow[],
): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE orders (customer_id VARCHAR, date DATE, amount DOUBLE, returned DOUBLE,
    usd_rate DOUBLE, status VARCHAR)`)
  await conn.run('CREATE OR REPLACE TABLE prev (customer_id VARCHAR, tier VARCHAR, lock_tier VARCHAR)')
  const a = await conn.createAppender('orders')
  for (const o of orders) {
    a.appendVarchar(o.customer_id)
    a.appendDate(dateValue(epochDays(o.date)))
    a.appendDouble(o.amount)
    a.appendDouble(o.returned)
    a.appendDouble(o.usd_rate)
    a.appendVarchar(o.status)
    a.endRow()
  }
  a.closeSync()
  const p = await conn.createAppender('prev')
  for (const r of prev) {
    p.appendVarchar(r.customer_id)
    if (r.tier === null) p.appendNull()
    else p.appendVarchar(r.tier)
    if (r.lock === null) p.appendNull()
    else p.appendVarchar(r.lock)
    p.endRow()
  }
  p.closeSync()
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`
const rankSql = (col: string) =>
  `CASE ${col} WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 WHEN 'ordinary' THEN 0 END`

/** The whole computation as SQL text for a policy and a day (bench inputs, not user input). */
export function tieringSql(policy: TieringPolicy, asOf: string): string {
  const t = policy.thresholdsUsd
  const band = 1 - policy.hysteresisPct / 100
  const thr = (rank: string) =>
    `CASE ${rank} WHEN 3 THEN ${t.key} WHEN 2 THEN ${t.mid} WHEN 1 THEN ${t.small} ELSE 0 END`
  const statuses = policy.revenueStatuses.map(q).join(', ')
  const d = `DATE ${q(asOf)}`
  const w = `DATE ${q(addMonths(asOf, -policy.windowMonths))}`
  const s6 = `DATE ${q(addMonths(asOf, -6))}`
  const s12 = `DATE ${q(addMonths(asOf, -12))}`
  const { vip, potential, atRisk } = policy.rfm
  const trend = policy.trendPct / 100
  return `
WITH rev AS (
  SELECT customer_id, date, greatest(amount - returned, 0) * usd_rate AS usd
  FROM orders WHERE status IN (${statuses}) AND date <= ${d}
),
fig AS (
  SELECT customer_id,
    coalesce(sum(usd) FILTER (WHERE date > ${w}), 0) AS revenue,
    count(*) FILTER (WHERE date > ${w}) AS cnt,
    min(date) AS first_order, max(date) AS last_order,
    coalesce(sum(usd) FILTER (WHERE date > ${s6}), 0) AS last6,
    coalesce(sum(usd) FILTER (WHERE date <= ${s6} AND date > ${s12}), 0) AS prev6
  FROM rev GROUP BY customer_id
),
gaps AS (
  SELECT customer_id, CAST(date - lag(date) OVER (PARTITION BY customer_id ORDER BY date) AS DOUBLE) AS gap FROM rev
),
med AS (
  SELECT customer_id, CASE WHEN count(gap) >= 2 THEN median(gap) END AS median_gap FROM gaps GROUP BY customer_id
),
base AS (
  SELECT p.customer_id, ${rankSql('p.tier')} AS prev_rank, ${rankSql('p.lock_tier')} AS lock_rank,
    coalesce(f.revenue, 0) AS revenue, coalesce(f.cnt, 0) AS cnt, f.first_order, f.last_order,
    coalesce(f.last6, 0) AS last6, coalesce(f.prev6, 0) AS prev6, m.median_gap,
    ${d} - f.last_order AS since_last, ${d} - f.first_order AS since_first,
    coalesce(f.cnt, 0) > 0 AND f.last_order IS NOT NULL AS active
  FROM prev p LEFT JOIN fig f USING (customer_id) LEFT JOIN med m USING (customer_id)
),
scored AS (
  SELECT *,
    CASE WHEN revenue >= ${t.key} THEN 3 WHEN revenue >= ${t.mid} THEN 2 WHEN revenue >= ${t.small} THEN 1 ELSE 0 END AS raw_rank,
    CASE WHEN active THEN 1 + least(4, floor(5 * (rank() OVER (PARTITION BY active ORDER BY since_last DESC) - 1) / count(*) OVER (PARTITION BY active))) END AS r,
    CASE WHEN active THEN 1 + least(4, floor(5 * (rank() OVER (PARTITION BY active ORDER BY cnt) - 1) / count(*) OVER (PARTITION BY active))) END AS f,
    CASE WHEN active THEN 1 + least(4, floor(5 * (rank() OVER (PARTITION BY active ORDER BY revenue) - 1) / count(*) OVER (PARTITION BY active))) END AS m
  FROM base
),
decided AS (
  SELECT *,
    CASE
      WHEN lock_rank IS NOT NULL THEN lock_rank
      WHEN prev_rank > raw_rank AND revenue >= ${thr('prev_rank')} * ${band} THEN prev_rank
      ELSE raw_rank
    END AS tier_rank
  FROM scored
)
SELECT customer_id,
  CASE tier_rank WHEN 3 THEN 'key' WHEN 2 THEN 'mid' WHEN 1 THEN 'small' ELSE 'ordinary' END AS tier,
  CASE
    WHEN last_order IS NULL OR first_order IS NULL THEN NULL
    WHEN since_last > ${policy.dormantDays} THEN 'dormant'
    WHEN since_first <= ${policy.newCustomerDays} THEN 'new'
    WHEN r IS NULL THEN 'general'
    WHEN r >= ${vip.minR} AND f >= ${vip.minF} AND m >= ${vip.minM} THEN 'vip'
    WHEN greatest(f, m) >= ${atRisk.minFOrM} AND r <= ${atRisk.maxR} THEN 'at_risk'
    WHEN m >= ${potential.minM} AND f <= ${potential.maxF} THEN 'potential'
    ELSE 'general'
  END AS segment,
  CASE
    WHEN last_order IS NULL OR first_order IS NULL THEN 'prospect'
    WHEN since_last > ${policy.dormantDays} THEN 'lost'
    WHEN since_first <= ${policy.newCustomerDays} THEN 'new'
    WHEN prev6 > 0 AND last6 > prev6 * ${1 + trend} THEN 'growing'
    WHEN prev6 > 0 AND last6 < prev6 * ${1 - trend} THEN 'declining'
    WHEN prev6 = 0 AND last6 > 0 THEN 'growing'
    ELSE 'mature'
  END AS stage,
  coalesce(last_order IS NOT NULL AND median_gap > 0 AND since_last > ${policy.churn.gapMultiple} * median_gap, false) AS risk_gap,
  coalesce(prev6 > 0 AND (prev6 - last6) / prev6 * 100 > ${policy.churn.dropPct}, false) AS risk_drop
FROM decided`
}

/** Runs the computation and materialises every customer's result (the timed part). */
export async function runTiering(
  conn: DuckDBConnection,
  policy: TieringPolicy,
  asOf: string,
): Promise<DuckResult[]> {
  const reader = await conn.runAndReadAll(tieringSql(policy, asOf))
  return reader.getRowObjectsJS() as unknown as DuckResult[]
}
