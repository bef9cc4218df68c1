// The yardstick for the full re-tier benchmark: the same whole-base tiering as
// electron/main/core/tiering.ts, written independently as one DuckDB statement over the raw orders.
// It shares no code with the engine (its windows come from DuckDB's own calendar arithmetic), so
// when both sides agree on every customer the agreement means something. The rules, as the engine
// has them:
//   figures   revenue orders are those with a revenue status dated ≤ asOf; their value is
//             max(0, amount − returned) × usd_rate; windows are (asOf − k months, asOf] with the
//             day clamped to the month's end; last6 = (asOf − 6 m, asOf], prev6 = (asOf − 12 m, asOf − 6 m];
//             first/last order over all revenue orders; median gap between consecutive revenue
//             order dates, only with ≥ 2 gaps (an even count takes the mean of the middle two)
//   tier      a lock wins; else a customer keeps a higher previous tier while revenue stays at or
//             above that tier's threshold × (1 − hysteresis); else the tier revenue earns
//   RFM       over the active base (≥ 1 revenue order in the window): score = 1 + min(4,
//             ⌊5 × (values strictly below) / n⌋); recency counts the values strictly above
//   segment   dormant, new, (no scores: general), vip, at risk, potential, general — in that order
//   stage     prospect, lost, new, growing, declining, growing (from nothing), mature
//   risk      gap: days since last > multiple × median gap (> 0); drop: last6 fell > dropPct vs prev6
import { DuckDBInstance, dateValue } from '@duckdb/node-api'
import type { DuckDBConnection } from '@duckdb/node-api'
import type { TieringPolicy } from '../../shared/tiering'

export type OrderFactRow = {
  customer_id: string
  date: string
  amount: number
  returned: number
  usd_rate: number
  status: string
}
/** A customer's stored tier (null: never evaluated) and lock, as they stood before the compared run. */
export type PrevRow = { customer_id: string; tier: string | null; lock: string | null }
export type DuckResult = {
  customer_id: string
  revenue: number
  order_count: number
  tier: string
  r: number | null
  f: number | null
  m: number | null
  segment: string | null
  stage: string
  risk_gap: boolean
  risk_drop: boolean
}

const DAY_MS = 86_400_000
const epochDays = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY_MS)

export type Duck = { conn: DuckDBConnection; close: () => void; threads: number }

export async function openDuck(): Promise<Duck> {
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  const threads = Number((await conn.runAndReadAll("SELECT current_setting('threads')")).getRowsJS()[0]![0])
  return {
    conn,
    threads,
    close: () => {
      conn.closeSync()
      instance.closeSync()
    },
  }
}

/**
 * DuckDB's calendar arithmetic and median must behave like the engine's addMonths and median for
 * the comparison to mean anything; this checks the cases that differ between libraries.
 */
export async function checkDuckSemantics(conn: DuckDBConnection): Promise<Record<string, unknown>> {
  const row = (
    await conn.runAndReadAll(`SELECT
      CAST(CAST(DATE '2028-02-29' - INTERVAL 12 MONTH AS DATE) AS VARCHAR) AS leap,
      CAST(CAST(DATE '2026-03-31' - INTERVAL 1 MONTH AS DATE) AS VARCHAR) AS month_end,
      CAST(CAST(DATE '2026-08-31' - INTERVAL 6 MONTH AS DATE) AS VARCHAR) AS six,
      (SELECT median(x) FROM (VALUES (1.0::DOUBLE), (2.0), (10.0), (20.0)) v(x)) AS median_even,
      (SELECT median(x) FROM (VALUES (3::DOUBLE), (1.0), (2.0)) v(x)) AS median_odd,
      7 / 2 AS int_div`)
  ).getRowObjectsJS()[0]!
  const expected = {
    leap: '2027-02-28',
    month_end: '2026-02-28',
    six: '2026-02-28',
    median_even: 6,
    median_odd: 2,
    int_div: 3.5,
  }
  for (const [k, v] of Object.entries(expected)) {
    if (row[k] !== v)
      throw new Error(`DuckDB semantics differ from the engine: ${k} = ${JSON.stringify(row[k])}, want ${v}`)
  }
  return row
}

/** Copies the facts into DuckDB with its appender (loading is timed apart from the computation). */
export async function loadFacts(
  conn: DuckDBConnection,
  orders: Iterable<OrderFactRow>,
  prev: Iterable<PrevRow>,
): Promise<{ orders: number; customers: number }> {
  await conn.run(`CREATE OR REPLACE TABLE orders (customer_id UUID, date DATE, amount DOUBLE, returned DOUBLE,
    usd_rate DOUBLE, status VARCHAR)`)
  await conn.run('CREATE OR REPLACE TABLE prev (customer_id UUID, tier VARCHAR, lock_tier VARCHAR)')
  let nOrders = 0
  let nCustomers = 0
  const a = await conn.createAppender('orders')
  for (const o of orders) {
    // Customer ids are UUIDv7 text in SQLite; DuckDB's UUID type is their natural form (16 bytes).
    a.appendVarchar(o.customer_id)
    a.appendDate(dateValue(epochDays(o.date)))
    a.appendDouble(o.amount)
    a.appendDouble(o.returned)
    a.appendDouble(o.usd_rate)
    a.appendVarchar(o.status)
    a.endRow()
    nOrders++
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
    nCustomers++
  }
  p.closeSync()
  return { orders: nOrders, customers: nCustomers }
}

const str = (s: string) => `'${s.replace(/'/g, "''")}'`
const dbl = (x: number) => `${x}::DOUBLE`
const RANK = (col: string) =>
  `CASE ${col} WHEN 'key' THEN 3 WHEN 'mid' THEN 2 WHEN 'small' THEN 1 WHEN 'ordinary' THEN 0 END`
/** 1 + min(4, ⌊5 × k / n⌋) with k from rank() − 1 over the active base. */
const QUINTILE = (order: string) =>
  `CASE WHEN active THEN CAST(1 + least(4, floor(5 * (rank() OVER (PARTITION BY active ORDER BY ${order}) - 1)
    / count(*) OVER (PARTITION BY active))) AS INTEGER) END`

/** The whole computation for a policy and a day, as SQL text (bench inputs only, never user input). */
export function tieringSql(policy: TieringPolicy, asOf: string): string {
  if (policy.rfm.mode !== 'quintile') throw new Error('the yardstick implements quintile RFM only')
  const t = policy.thresholdsUsd
  const keep = 1 - policy.hysteresisPct / 100
  const threshold = (rank: string) =>
    `CASE ${rank} WHEN 3 THEN ${dbl(t.key)} WHEN 2 THEN ${dbl(t.mid)} WHEN 1 THEN ${dbl(t.small)} ELSE 0.0 END`
  const d = `DATE ${str(asOf)}`
  const monthsAgo = (n: number) => `CAST(${d} - INTERVAL ${n} MONTH AS DATE)`
  const { vip, potential, atRisk } = policy.rfm
  const trend = policy.trendPct / 100
  return `
WITH rev AS (
  SELECT customer_id, date, greatest(amount - returned, 0.0) * usd_rate AS usd,
    date - lag(date) OVER (PARTITION BY customer_id ORDER BY date) AS gap
  FROM orders WHERE status IN (${policy.revenueStatuses.map(str).join(', ')}) AND date <= ${d}
),
fig AS (
  SELECT customer_id,
    sum(usd) FILTER (WHERE date > ${monthsAgo(policy.windowMonths)}) AS revenue,
    count(*) FILTER (WHERE date > ${monthsAgo(policy.windowMonths)}) AS cnt,
    min(date) AS first_order, max(date) AS last_order,
    sum(usd) FILTER (WHERE date > ${monthsAgo(6)}) AS last6,
    sum(usd) FILTER (WHERE date <= ${monthsAgo(6)} AND date > ${monthsAgo(12)}) AS prev6,
    CASE WHEN count(gap) >= 2 THEN median(CAST(gap AS DOUBLE)) END AS median_gap
  FROM rev GROUP BY customer_id
),
base AS (
  SELECT p.customer_id, ${RANK('p.tier')} AS prev_rank, ${RANK('p.lock_tier')} AS lock_rank,
    coalesce(f.revenue, 0.0) AS revenue, coalesce(f.cnt, 0) AS cnt, f.first_order, f.last_order,
    coalesce(f.last6, 0.0) AS last6, coalesce(f.prev6, 0.0) AS prev6, f.median_gap,
    ${d} - f.last_order AS since_last, ${d} - f.first_order AS since_first,
    coalesce(f.cnt, 0) > 0 AND f.last_order IS NOT NULL AS active
  FROM prev p LEFT JOIN fig f USING (customer_id)
),
scored AS (
  SELECT *,
    CASE WHEN revenue >= ${dbl(t.key)} THEN 3 WHEN revenue >= ${dbl(t.mid)} THEN 2
         WHEN revenue >= ${dbl(t.small)} THEN 1 ELSE 0 END AS earned_rank,
    ${QUINTILE('since_last DESC')} AS r,
    ${QUINTILE('cnt')} AS f,
    ${QUINTILE('revenue')} AS m
  FROM base
),
decided AS (
  SELECT *,
    CASE
      WHEN lock_rank IS NOT NULL THEN lock_rank
      WHEN prev_rank > earned_rank AND revenue >= ${threshold('prev_rank')} * ${dbl(keep)} THEN prev_rank
      ELSE earned_rank
    END AS tier_rank
  FROM scored
)
SELECT CAST(customer_id AS VARCHAR) AS customer_id, revenue, CAST(cnt AS INTEGER) AS order_count,
  CASE tier_rank WHEN 3 THEN 'key' WHEN 2 THEN 'mid' WHEN 1 THEN 'small' ELSE 'ordinary' END AS tier,
  r, f, m,
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
    WHEN prev6 > 0 AND last6 > prev6 * ${dbl(1 + trend)} THEN 'growing'
    WHEN prev6 > 0 AND last6 < prev6 * ${dbl(1 - trend)} THEN 'declining'
    WHEN prev6 = 0 AND last6 > 0 THEN 'growing'
    ELSE 'mature'
  END AS stage,
  coalesce(last_order IS NOT NULL AND median_gap > 0
    AND since_last > ${dbl(policy.churn.gapMultiple)} * median_gap, false) AS risk_gap,
  coalesce(prev6 > 0 AND (prev6 - last6) / prev6 * 100 > ${dbl(policy.churn.dropPct)}, false) AS risk_drop
FROM decided`
}

/**
 * The timed part: computes every customer's result from the orders and stores it as a table (the
 * counterpart of the engine writing its results), without shipping it to JavaScript.
 */
export async function runTiering(conn: DuckDBConnection, policy: TieringPolicy, asOf: string): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE result AS ${tieringSql(policy, asOf)}`)
}

/** The stored result of the last run, for the comparison (not timed). */
export async function readResult(conn: DuckDBConnection): Promise<DuckResult[]> {
  const reader = await conn.runAndReadAll('SELECT * FROM result')
  return reader.getRowObjectsJS() as unknown as DuckResult[]
}
