// The dashboard (A1) in a handful of aggregate queries over the derived tables the engine keeps
// current (customer_tiers, customer_figures, tier_events): no scan of orders, so it stays well
// under the 50 ms goal at 100k customers.
import type { Db } from './connection'
import type { Retier } from './retier'
import type { Dashboard } from '../../../shared/dashboard'
import { LIFECYCLE_STAGES, VALUE_TIERS } from '../../../shared/tiering'
import type { LifecycleStage, RfmSegment, ValueTier } from '../../../shared/tiering'
import type { Continent } from '../../../shared/domain'
import { addMonths } from '../core/tiering'

const RANK: Record<ValueTier, number> = { ordinary: 0, small: 1, mid: 2, key: 3 }
const cache = new WeakMap<Db, ReturnType<typeof prepare>>()

function prepare(db: Db) {
  const live = `FROM customers c JOIN customer_tiers t ON t.customer_id = c.id
    LEFT JOIN customer_figures f ON f.customer_id = c.id WHERE c.deleted_at IS NULL`
  return {
    tiers: db.prepare(
      `SELECT t.tier, count(*) AS n, coalesce(sum(f.revenue_usd), 0) AS revenue ${live} GROUP BY t.tier`,
    ),
    segments: db.prepare(`SELECT t.segment, count(*) AS n ${live} GROUP BY t.segment`),
    stages: db.prepare(`SELECT t.stage, count(*) AS n ${live} GROUP BY t.stage`),
    movements: db.prepare(
      `SELECT substr(e.at, 1, 7) AS month, e.from_value, e.to_value, count(*) AS n FROM tier_events e
       WHERE e.kind = 'tier' AND e.at >= ? AND e.from_value <> e.to_value GROUP BY month, e.from_value, e.to_value`,
    ),
    atRisk: db.prepare(
      `SELECT c.id, c.display_name, c.country, t.tier, coalesce(f.revenue_usd, 0) AS revenue, f.last_order,
              t.risk_gap, t.risk_drop ${live} AND (t.risk_gap = 1 OR t.risk_drop = 1)
       ORDER BY revenue DESC LIMIT 20`,
    ),
    atRiskCount: db.prepare(`SELECT count(*) ${live} AND (t.risk_gap = 1 OR t.risk_drop = 1)`).pluck(),
    byCountry: db.prepare(
      `SELECT c.country, count(*) AS n, coalesce(sum(f.revenue_usd), 0) AS revenue ${live}
       GROUP BY c.country ORDER BY revenue DESC, n DESC LIMIT 10`,
    ),
    byContinent: db.prepare(
      `SELECT cf.continent, count(*) AS n, coalesce(sum(f.revenue_usd), 0) AS revenue
       FROM customers c JOIN customer_tiers t ON t.customer_id = c.id
       LEFT JOIN customer_figures f ON f.customer_id = c.id LEFT JOIN country_facts cf ON cf.code = c.country
       WHERE c.deleted_at IS NULL GROUP BY cf.continent ORDER BY revenue DESC`,
    ),
  }
}

export function dashboard(db: Db, retier: Retier, today: string): Dashboard {
  let q = cache.get(db)
  if (!q) {
    q = prepare(db)
    cache.set(db, q)
  }
  const tierRows = q.tiers.all() as { tier: ValueTier; n: number; revenue: number }[]
  const tiers = VALUE_TIERS.map((tier) => {
    const row = tierRows.find((r) => r.tier === tier)
    return { tier, count: row?.n ?? 0, revenueUsd: row?.revenue ?? 0 }
  })
  const stageRows = q.stages.all() as { stage: LifecycleStage; n: number }[]
  const firstMonth = addMonths(`${today.slice(0, 7)}-01`, -11)
  const months = Array.from({ length: 12 }, (_, i) => addMonths(firstMonth, i).slice(0, 7))
  const movementRows = q.movements.all(firstMonth) as {
    month: string
    from_value: ValueTier
    to_value: ValueTier
    n: number
  }[]
  const movements = months.map((month) => {
    let promotions = 0
    let demotions = 0
    for (const r of movementRows) {
      if (r.month !== month) continue
      if (RANK[r.to_value] > RANK[r.from_value]) promotions += r.n
      else demotions += r.n
    }
    return { month, promotions, demotions }
  })
  return {
    asOf: today,
    customers: tiers.reduce((n, t) => n + t.count, 0),
    revenueUsd: tiers.reduce((n, t) => n + t.revenueUsd, 0),
    tiers,
    segments: (q.segments.all() as { segment: RfmSegment | null; n: number }[]).map((r) => ({
      segment: r.segment,
      count: r.n,
    })),
    stages: LIFECYCLE_STAGES.map((stage) => ({
      stage,
      count: stageRows.find((r) => r.stage === stage)?.n ?? 0,
    })),
    movements,
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
    atRiskCount: q.atRiskCount.get() as number,
    byCountry: (q.byCountry.all() as { country: string | null; n: number; revenue: number }[]).map((r) => ({
      country: r.country,
      count: r.n,
      revenueUsd: r.revenue,
    })),
    byContinent: (q.byContinent.all() as { continent: Continent | null; n: number; revenue: number }[]).map(
      (r) => ({ continent: r.continent, count: r.n, revenueUsd: r.revenue }),
    ),
    review: { openId: retier.openReviewId(), due: retier.reviewDue(), lastRun: retier.lastReviewRun() },
  }
}
