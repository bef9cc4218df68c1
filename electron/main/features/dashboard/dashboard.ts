// The dashboard (A1) from aggregates kept current by triggers (dashboard_cells, tier_movements)
// plus one indexed top-20 of at-risk customers: no scan of the base or of orders, so it stays
// far under the 50 ms goal at 100k customers.
import type { Db } from '../../db/connection'
import type { Retier } from '../tiering/retier'
import type { Dashboard } from '../../../../shared/dashboard'
import { LIFECYCLE_STAGES, VALUE_TIERS } from '../../../../shared/tiering'
import type { LifecycleStage, RfmSegment, ValueTier } from '../../../../shared/tiering'
import type { Continent } from '../../../../shared/domain'
import { addMonths } from '../../core/tiering'

const cache = new WeakMap<Db, ReturnType<typeof prepare>>()

function prepare(db: Db) {
  return {
    cells: db.prepare(
      'SELECT tier, segment, stage, risk_gap, risk_drop, country, n, revenue FROM dashboard_cells WHERE n > 0',
    ),
    continents: db.prepare('SELECT code, continent FROM country_facts'),
    movements: db.prepare(
      'SELECT month, promotions, demotions, initial FROM tier_movements WHERE month >= ?',
    ),
    // The partial index customer_tiers_risk holds exactly the live customers with a flag.
    atRisk: db.prepare(
      // The top 20 first, from the partial index that holds exactly the flagged live customers;
      // only those 20 are joined to their names.
      `SELECT t.customer_id AS id, c.display_name, c.country, t.tier, t.revenue_now AS revenue, f.last_order,
              t.risk_gap, t.risk_drop
       FROM (SELECT customer_id, tier, revenue_now, risk_gap, risk_drop FROM customer_tiers INDEXED BY customer_tiers_risk
             WHERE live = 1 AND (risk_gap = 1 OR risk_drop = 1) ORDER BY revenue_now DESC LIMIT 20) t
       JOIN customers c ON c.id = t.customer_id
       LEFT JOIN customer_figures f ON f.customer_id = t.customer_id
       ORDER BY t.revenue_now DESC`,
    ),
  }
}

type Cell = {
  tier: ValueTier
  segment: string
  stage: LifecycleStage
  risk_gap: number
  risk_drop: number
  country: string
  n: number
  revenue: number
}

/** Adds `n` and `revenue` under `key` in a running total. */
function add<K>(map: Map<K, { count: number; revenueUsd: number }>, key: K, cell: Cell) {
  const cur = map.get(key) ?? { count: 0, revenueUsd: 0 }
  cur.count += cell.n
  cur.revenueUsd += cell.revenue
  map.set(key, cur)
}

export function dashboard(db: Db, retier: Retier, today: string): Dashboard {
  let q = cache.get(db)
  if (!q) {
    q = prepare(db)
    cache.set(db, q)
  }
  // Sums of the few thousand cells stand for the whole base (see dashboard_cells in schema.ts).
  const cells = q.cells.all() as Cell[]
  const continentOf = new Map(
    (q.continents.all() as { code: string; continent: Continent }[]).map((r) => [r.code, r.continent]),
  )
  const byTier = new Map<ValueTier, { count: number; revenueUsd: number }>()
  const bySegment = new Map<RfmSegment | null, { count: number; revenueUsd: number }>()
  const byStage = new Map<LifecycleStage, { count: number; revenueUsd: number }>()
  const byCountry = new Map<string | null, { count: number; revenueUsd: number }>()
  const byContinent = new Map<Continent | null, { count: number; revenueUsd: number }>()
  // The same counts as the risk grouping's buckets (groups/group-sql.ts RISK_BUCKET_SQL): a
  // customer with both flags is in both buckets and once in the total.
  let atRiskCount = 0
  const riskCounts = { gap: 0, drop: 0 }
  for (const c of cells) {
    add(byTier, c.tier, c)
    add(bySegment, (c.segment || null) as RfmSegment | null, c)
    add(byStage, c.stage, c)
    add(byCountry, c.country || null, c)
    add(byContinent, continentOf.get(c.country) ?? null, c)
    if (c.risk_gap === 1 || c.risk_drop === 1) atRiskCount += c.n
    if (c.risk_gap === 1) riskCounts.gap += c.n
    if (c.risk_drop === 1) riskCounts.drop += c.n
  }
  const tiers = VALUE_TIERS.map((tier) => ({
    tier,
    count: byTier.get(tier)?.count ?? 0,
    // Running sums of floating-point revenue: drop the dust a long run of +/- leaves behind.
    revenueUsd: Math.max(0, Math.round((byTier.get(tier)?.revenueUsd ?? 0) * 100) / 100),
  }))
  const firstMonth = addMonths(`${today.slice(0, 7)}-01`, -11)
  const months = Array.from({ length: 12 }, (_, i) => addMonths(firstMonth, i).slice(0, 7))
  const movementRows = new Map(
    (
      q.movements.all(firstMonth.slice(0, 7)) as {
        month: string
        promotions: number
        demotions: number
        initial: number
      }[]
    ).map((r) => [r.month, r]),
  )
  const money = (n: number) => Math.max(0, Math.round(n * 100) / 100)
  const sorted = <K>(map: Map<K, { count: number; revenueUsd: number }>) =>
    [...map].sort((a, b) => b[1].revenueUsd - a[1].revenueUsd || b[1].count - a[1].count)
  return {
    asOf: today,
    customers: tiers.reduce((n, t) => n + t.count, 0),
    revenueUsd: tiers.reduce((n, t) => n + t.revenueUsd, 0),
    tiers,
    segments: [...bySegment].map(([segment, v]) => ({ segment, count: v.count })),
    stages: LIFECYCLE_STAGES.map((stage) => ({ stage, count: byStage.get(stage)?.count ?? 0 })),
    movements: months.map((month) => ({
      month,
      promotions: movementRows.get(month)?.promotions ?? 0,
      demotions: movementRows.get(month)?.demotions ?? 0,
      initial: movementRows.get(month)?.initial ?? 0,
    })),
    atRisk: (
      q.atRisk.all() as {
        id: string
        display_name: string
        country: string | null
        tier: ValueTier
        revenue: number
        last_order: string | null
        risk_gap: number
        risk_drop: number
      }[]
    ).map((r) => ({
      id: r.id,
      displayName: r.display_name,
      country: r.country,
      tier: r.tier,
      revenueUsd: r.revenue,
      lastOrder: r.last_order,
      gap: r.risk_gap === 1,
      drop: r.risk_drop === 1,
    })),
    atRiskCount,
    riskCounts,
    byCountry: sorted(byCountry)
      .slice(0, 10)
      .map(([country, v]) => ({ country, count: v.count, revenueUsd: money(v.revenueUsd) })),
    byContinent: sorted(byContinent).map(([continent, v]) => ({
      continent,
      count: v.count,
      revenueUsd: money(v.revenueUsd),
    })),
    review: { openId: retier.openReviewId(), due: retier.reviewDue(), lastRun: retier.lastReviewRun() },
  }
}
