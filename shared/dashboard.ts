// The dashboard (SPEC A1): one read of the whole base's tiers, movements, risks and geography.
import { z } from 'zod'
import { CONTINENTS, VALUE_TIERS } from './domain'
import { LIFECYCLE_STAGES, RFM_SEGMENTS } from './tiering'

export const dashboardSchema = z.object({
  asOf: z.string(),
  customers: z.number(),
  revenueUsd: z.number(),
  tiers: z.array(z.object({ tier: z.enum(VALUE_TIERS), count: z.number(), revenueUsd: z.number() })),
  segments: z.array(z.object({ segment: z.enum(RFM_SEGMENTS).nullable(), count: z.number() })),
  stages: z.array(z.object({ stage: z.enum(LIFECYCLE_STAGES), count: z.number() })),
  /**
   * Promotions and demotions per calendar month, oldest first, the last 12 months; `initial`: tier
   * moves a customer's own orders made in its first 24 hours (its starting tier, not a promotion).
   */
  movements: z.array(
    z.object({ month: z.string(), promotions: z.number(), demotions: z.number(), initial: z.number() }),
  ),
  /** Customers with a churn-risk flag, highest 12-month revenue first (at most 20). */
  atRisk: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      country: z.string().nullable(),
      tier: z.enum(VALUE_TIERS),
      revenueUsd: z.number(),
      lastOrder: z.string().nullable(),
      gap: z.boolean(),
      drop: z.boolean(),
    }),
  ),
  atRiskCount: z.number(),
  /** Customers per churn-risk flag, as the risk grouping's buckets count them (they overlap). */
  riskCounts: z.object({ gap: z.number(), drop: z.number() }),
  byCountry: z.array(z.object({ country: z.string().nullable(), count: z.number(), revenueUsd: z.number() })),
  byContinent: z.array(
    z.object({ continent: z.enum(CONTINENTS).nullable(), count: z.number(), revenueUsd: z.number() }),
  ),
  /** The open re-evaluation run, if any, and whether the schedule says one is due. */
  review: z.object({ openId: z.number().nullable(), due: z.boolean(), lastRun: z.string().nullable() }),
})
export type Dashboard = z.infer<typeof dashboardSchema>
