// The tiering vocabulary and the editable, versioned policy (SPEC T1–T5). Shared because the
// renderer edits the policy and names the results; the engine that applies it lives in
// electron/main/core/tiering.ts.
import { z } from 'zod'
import { CURRENCIES, VALUE_TIERS, patchSchema } from './domain'

export { VALUE_TIERS }
export type ValueTier = (typeof VALUE_TIERS)[number]

/** Tiers from lowest to highest: a move up the list is a promotion. */
export const TIER_RANK: Readonly<Record<ValueTier, number>> = { ordinary: 0, small: 1, mid: 2, key: 3 }

/** True when moving from `from` to `to` is a promotion (false for a demotion or no move). */
export function isPromotion(from: ValueTier, to: ValueTier): boolean {
  return TIER_RANK[to] > TIER_RANK[from]
}

/** The same rank as an SQL expression over a tier column, for sorting and comparing in queries. */
export function tierRankSql(column: string): string {
  const cases = VALUE_TIERS.map((t) => `WHEN '${t}' THEN ${TIER_RANK[t]}`).join(' ')
  return `CASE ${column} ${cases} END`
}

export const RFM_SEGMENTS = ['vip', 'potential', 'new', 'at_risk', 'dormant', 'general'] as const
export type RfmSegment = (typeof RFM_SEGMENTS)[number]

export const LIFECYCLE_STAGES = ['prospect', 'new', 'growing', 'mature', 'declining', 'lost'] as const
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number]

export const ORDER_STATUSES = ['quoted', 'confirmed', 'shipped', 'paid', 'cancelled'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

const money = z.number().finite().min(0)

export const REVIEW_SCHEDULES = ['manual', 'monthly', 'quarterly'] as const

/** What a tier is owed (T5): contact cadence, executive dialogue, a dedicated owner, benefits. */
export const servicePolicySchema = z.object({
  /** Contact at least every this many days; logging any interaction counts. */
  cadenceDays: z.number().int().min(1).max(365),
  /** An executive dialogue every this many months; 0 for none. */
  executiveDialogueMonths: z.number().int().min(0).max(24),
  /** A named owner (account manager) is required. */
  ownerRequired: z.boolean(),
  /**
   * Benefits offered to the tier, free text in the team's language; null (the default for Key and
   * Mid) means the standard benefits, which each reader sees in their own language.
   */
  benefits: z.string().max(1000).nullable(),
})
export type ServicePolicy = z.infer<typeof servicePolicySchema>
const score = z.number().int().min(1).max(5)

export const tieringPolicySchema = z
  .object({
    version: z.number().int().min(1),
    /** Trailing window for value tiers and RFM monetary, in calendar months. Default 12. */
    windowMonths: z.number().int().min(1).max(60),
    /** Lower bounds in USD of trailing revenue: Key ≥ key, Mid ≥ mid, Small ≥ small, else Ordinary. */
    thresholdsUsd: z.object({ key: money, mid: money, small: money }),
    /** A tier is only lost once revenue falls this many percent below its threshold. Default 5. */
    hysteresisPct: z.number().min(0).max(50),
    /** Order statuses that count as revenue (quotes and cancelled orders never do). */
    revenueStatuses: z.array(z.enum(['confirmed', 'shipped', 'paid'])).min(1),
    rfm: z.object({
      /** 'quintile': scores from the active base's distribution; 'fixed': from the thresholds below. */
      mode: z.enum(['quintile', 'fixed']),
      /** Fixed mode: the lower bound of scores 2, 3, 4 and 5 (recency: upper bounds in days). */
      fixed: z.object({
        recencyDays: z.tuple([z.number(), z.number(), z.number(), z.number()]),
        frequency: z.tuple([z.number(), z.number(), z.number(), z.number()]),
        monetaryUsd: z.tuple([z.number(), z.number(), z.number(), z.number()]),
      }),
      /** Segment rules, applied in this order; the first that matches names the segment. */
      vip: z.object({ minR: score, minF: score, minM: score }),
      potential: z.object({ minM: score, maxF: score }),
      atRisk: z.object({ minFOrM: score, maxR: score }),
    }),
    /** A first order this many days ago or less makes a customer "new". Default 90. */
    newCustomerDays: z.number().int().min(1),
    /** No order for this many days: dormant (RFM) and lost (lifecycle). Default 365. */
    dormantDays: z.number().int().min(1),
    /** Revenue of the last 6 months vs the 6 before, in percent, that counts as growing / declining. */
    trendPct: z.number().min(0).max(100),
    churn: z.object({
      /** Flag when the days since the last order exceed this multiple of the customer's median reorder gap. */
      gapMultiple: z.number().min(1),
      /** Flag when the last 6 months' revenue fell by more than this percent vs the 6 before. */
      dropPct: z.number().min(0).max(100),
    }),
    /** Service policy per tier (T5). */
    service: z.object({
      key: servicePolicySchema,
      mid: servicePolicySchema,
      small: servicePolicySchema,
      ordinary: servicePolicySchema,
    }),
    /** How often a re-evaluation run proposes the moves time alone has caused (T6). */
    reviewSchedule: z.enum(REVIEW_SCHEDULES),
  })
  .refine((p) => p.thresholdsUsd.key > p.thresholdsUsd.mid && p.thresholdsUsd.mid > p.thresholdsUsd.small, {
    error: 'thresholds_order',
    path: ['thresholdsUsd'],
  })
export type TieringPolicy = z.infer<typeof tieringPolicySchema>

/** The seed article's defaults (T1): Key ≥ 5M, Mid 1M–5M, Small 100k–1M, Ordinary below. */
export const DEFAULT_POLICY: TieringPolicy = {
  version: 1,
  windowMonths: 12,
  thresholdsUsd: { key: 5_000_000, mid: 1_000_000, small: 100_000 },
  hysteresisPct: 5,
  revenueStatuses: ['confirmed', 'shipped', 'paid'],
  rfm: {
    mode: 'quintile',
    fixed: {
      recencyDays: [365, 180, 90, 30],
      frequency: [2, 3, 5, 10],
      monetaryUsd: [10_000, 100_000, 1_000_000, 5_000_000],
    },
    vip: { minR: 4, minF: 4, minM: 4 },
    potential: { minM: 4, maxF: 2 },
    atRisk: { minFOrM: 4, maxR: 2 },
  },
  newCustomerDays: 90,
  dormantDays: 365,
  trendPct: 20,
  churn: { gapMultiple: 2, dropPct: 50 },
  service: {
    key: {
      cadenceDays: 14,
      executiveDialogueMonths: 3,
      ownerRequired: true,
      benefits: null,
    },
    mid: {
      cadenceDays: 30,
      executiveDialogueMonths: 6,
      ownerRequired: true,
      benefits: null,
    },
    small: { cadenceDays: 60, executiveDialogueMonths: 0, ownerRequired: false, benefits: '' },
    ordinary: { cadenceDays: 90, executiveDialogueMonths: 0, ownerRequired: false, benefits: '' },
  },
  reviewSchedule: 'quarterly',
}

/** One saved version of the policy. */
export const policyVersionSchema = z.object({
  version: z.number(),
  createdAt: z.string(),
  note: z.string().nullable(),
  /** Customers whose tier the version's re-tier changed on this device; null until it has run. */
  moved: z.number().nullable(),
})

/** The tier moves a saved version's re-tier made (the first `limit`, highest revenue first). */
export const policyMovesSchema = z.object({
  version: z.number(),
  moved: z.number().nullable(),
  moves: z.array(
    z.object({
      customerId: z.string(),
      displayName: z.string(),
      country: z.string().nullable(),
      from: z.enum(VALUE_TIERS),
      to: z.enum(VALUE_TIERS),
      revenueUsd: z.number(),
    }),
  ),
})
export type PolicyMoves = z.infer<typeof policyMovesSchema>

/** What saving a policy would do (counts over the whole base), shown before the user saves. */
export const policyPreviewSchema = z.object({
  customers: z.number(),
  /** Tier moves as from → to with a count; unchanged customers are not listed. */
  moves: z.array(z.object({ from: z.enum(VALUE_TIERS), to: z.enum(VALUE_TIERS), count: z.number() })),
  promotions: z.number(),
  demotions: z.number(),
  segmentChanges: z.number(),
  stageChanges: z.number(),
  tiersAfter: z.array(z.object({ tier: z.enum(VALUE_TIERS), count: z.number() })),
})
export type PolicyPreview = z.infer<typeof policyPreviewSchema>

export const reviewItemSchema = z.object({
  customerId: z.string(),
  displayName: z.string(),
  country: z.string().nullable(),
  from: z.enum(VALUE_TIERS),
  to: z.enum(VALUE_TIERS),
  revenueUsd: z.number(),
  previousRevenueUsd: z.number(),
  thresholdUsd: z.number(),
  floorUsd: z.number().nullable(),
})
export type ReviewItem = z.infer<typeof reviewItemSchema>

/** A re-evaluation run (T6): the promotions and demotions it found, waiting for review. */
export const reviewSchema = z.object({
  id: z.number(),
  asOf: z.string(),
  policyVersion: z.number(),
  status: z.enum(['open', 'applied', 'dismissed']),
  createdAt: z.string(),
  promotions: z.number(),
  demotions: z.number(),
  items: z.array(reviewItemSchema),
})
export type Review = z.infer<typeof reviewSchema>

const isoDate = z.iso.date({ error: 'invalid_date' })
const amount = z
  .number({ error: 'invalid_value' })
  .finite({ error: 'invalid_value' })
  .min(0, { error: 'negative_amount' })
  .max(1e12, { error: 'invalid_value' })

/** Only a quote may be worth nothing: a confirmed, shipped, paid or cancelled order has an amount. */
export function amountIssue(status: OrderStatus, amount: number): 'zero_amount' | null {
  return status !== 'quoted' && amount === 0 ? 'zero_amount' : null
}

const orderFieldsSchema = z.object({
  date: isoDate,
  amount,
  currency: z.enum(CURRENCIES, { error: 'invalid_choice' }),
  status: z.enum(ORDER_STATUSES, { error: 'invalid_choice' }),
  returned: amount.default(0),
  productCategories: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  reference: z.string().trim().max(120).nullish(),
  notes: z.string().trim().max(5000).nullish(),
})
export const orderInputSchema = orderFieldsSchema
  // A negative amount has its own message; "returns exceed it" would only add noise.
  .refine((o) => o.amount < 0 || o.returned <= o.amount, {
    error: 'returned_exceeds_amount',
    path: ['returned'],
  })
  .refine((o) => amountIssue(o.status, o.amount) === null, { error: 'zero_amount', path: ['amount'] })
/** A partial update; returned ≤ amount is checked by main against the stored order. */
export const orderPatchSchema = patchSchema(orderFieldsSchema)
export type OrderInput = z.input<typeof orderInputSchema>
export type OrderValues = z.output<typeof orderInputSchema>

export const orderSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  date: z.string(),
  amount: z.number(),
  currency: z.string(),
  usdRate: z.number(),
  status: z.enum(ORDER_STATUSES),
  returned: z.number(),
  productCategories: z.array(z.string()),
  reference: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
})
export type Order = z.infer<typeof orderSchema>

/** The tier move an order write caused, named for the notification; null when the tier stayed. */
export const tierChangeSchema = z
  .object({ customerName: z.string(), from: z.enum(VALUE_TIERS), to: z.enum(VALUE_TIERS) })
  .nullable()
export type TierChange = z.infer<typeof tierChangeSchema>

/** An order write's answer: the order, and the customer's tier move it caused. */
export const orderWriteSchema = orderSchema.extend({ tierChange: tierChangeSchema })
export type OrderWrite = z.infer<typeof orderWriteSchema>

export const rateInputSchema = z.object({
  currency: z.enum(CURRENCIES, { error: 'invalid_choice' }),
  /** Effective from this date until the currency's next rate. */
  date: isoDate,
  /** USD for one unit of the currency (EUR ≈ 1.08, CNY ≈ 0.14). */
  usdPerUnit: z.number({ error: 'invalid_value' }).finite().positive({ error: 'invalid_value' }).max(1e6),
})
export type RateInput = z.input<typeof rateInputSchema>
export const rateSchema = rateInputSchema.extend({ id: z.string(), currency: z.string() })
export type Rate = z.infer<typeof rateSchema>

export const figuresSchema = z.object({
  asOf: z.string(),
  revenueUsd: z.number(),
  orderCount: z.number(),
  firstOrder: z.string().nullable(),
  lastOrder: z.string().nullable(),
  last6Usd: z.number(),
  prev6Usd: z.number(),
  medianGapDays: z.number().nullable(),
})
export type Figures = z.infer<typeof figuresSchema>

export const TIER_CAUSES = ['revenue', 'policy', 'lock', 'unlock'] as const
export type TierCause = (typeof TIER_CAUSES)[number]

export const tierEventSchema = z.object({
  from: z.enum(VALUE_TIERS).nullable(),
  to: z.enum(VALUE_TIERS),
  rule: z.enum(['threshold', 'hysteresis', 'locked']),
  inputs: z.object({
    revenueUsd: z.number(),
    previousRevenueUsd: z.number().nullable(),
    thresholdUsd: z.number(),
    /** For a demotion: the band floor of the tier left behind. */
    floorUsd: z.number().nullable(),
    /** For a lock: the manager's reason. */
    reason: z.string().nullable(),
    /**
     * What moved the tier: the revenue, a new policy (the old revenue already lands elsewhere under
     * it), a lock, or a lock removed. Absent on events stored before it was recorded.
     */
    cause: z.enum(TIER_CAUSES).optional(),
  }),
  at: z.string(),
})
export type TierEvent = z.infer<typeof tierEventSchema>

export const tierStateSchema = z.object({
  tier: z.enum(VALUE_TIERS),
  rule: z.enum(['threshold', 'hysteresis', 'locked']),
  revenueUsd: z.number(),
  lock: z
    .object({
      tier: z.enum(VALUE_TIERS),
      reason: z.string().nullable(),
      lockedBy: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  /** Newest first. */
  history: z.array(tierEventSchema),
  /** Lifecycle stage (T3) and churn-risk flags (T4) from the current figures, with their numbers. */
  stage: z.object({
    stage: z.enum(LIFECYCLE_STAGES),
    rule: z.string(),
    inputs: z.record(z.string(), z.number().nullable()),
  }),
  /** RFM segment (T2) with its scores; null until the customer has a revenue order. */
  segment: z
    .object({
      segment: z.enum(RFM_SEGMENTS),
      rule: z.string(),
      inputs: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
    })
    .nullable(),
  /** What the customer's tier is owed (T5). */
  service: servicePolicySchema,
  /** Segment, stage and risk changes (T6), newest first. */
  changes: z.array(
    z.object({
      kind: z.enum(['segment', 'stage', 'risk']),
      from: z.string().nullable(),
      to: z.string(),
      rule: z.string(),
      inputs: z.record(z.string(), z.unknown()),
      at: z.string(),
    }),
  ),
  risks: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('gap'),
        daysSinceLast: z.number(),
        medianGapDays: z.number(),
        multiple: z.number(),
      }),
      z.object({
        kind: z.literal('drop'),
        last6Usd: z.number(),
        prev6Usd: z.number(),
        dropPct: z.number(),
        limitPct: z.number(),
      }),
    ]),
  ),
})
export type TierState = z.infer<typeof tierStateSchema>

export const tierLockInputSchema = z.discriminatedUnion('locked', [
  z.object({
    customerId: z.string().min(1).max(64),
    locked: z.literal(true),
    tier: z.enum(VALUE_TIERS, { error: 'invalid_choice' }),
    reason: z.string().trim().min(1, { error: 'required' }).max(500, { error: 'too_long' }),
  }),
  z.object({ customerId: z.string().min(1).max(64), locked: z.literal(false) }),
])

/** Interaction kinds (P4). */
export const INTERACTION_KINDS = [
  'call',
  'email',
  'meeting',
  'visit',
  'trade_fair',
  'message',
  'quote_sent',
  'sample_sent',
  'greeting_sent',
] as const

export const interactionInputSchema = z.object({
  kind: z.enum(INTERACTION_KINDS, { error: 'invalid_choice' }),
  date: isoDate,
  contactId: z.string().max(64).nullish(),
  summary: z.string().trim().min(1, { error: 'required' }).max(2000, { error: 'too_long' }),
  outcome: z.string().trim().max(2000, { error: 'too_long' }).nullish(),
  nextStep: z.string().trim().max(500, { error: 'too_long' }).nullish(),
})
export type InteractionInput = z.input<typeof interactionInputSchema>
export type InteractionValues = z.output<typeof interactionInputSchema>

export const interactionSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  contactId: z.string().nullable(),
  kind: z.enum(INTERACTION_KINDS),
  date: z.string(),
  summary: z.string(),
  outcome: z.string().nullable(),
  nextStep: z.string().nullable(),
  createdAt: z.string(),
})
export type Interaction = z.infer<typeof interactionSchema>

export const FEEDBACK_KINDS = ['complaint', 'suggestion', 'praise'] as const
export const SEVERITIES = ['low', 'medium', 'high'] as const

export const feedbackInputSchema = z.object({
  kind: z.enum(FEEDBACK_KINDS, { error: 'invalid_choice' }),
  severity: z.enum(SEVERITIES, { error: 'invalid_choice' }),
  date: isoDate,
  summary: z.string().trim().min(1, { error: 'required' }).max(2000, { error: 'too_long' }),
})
export type FeedbackInput = z.input<typeof feedbackInputSchema>
export type FeedbackValues = z.output<typeof feedbackInputSchema>

export const feedbackSchema = feedbackInputSchema.extend({
  id: z.string(),
  customerId: z.string(),
  resolved: z.boolean(),
  createdAt: z.string(),
})
export type Feedback = z.infer<typeof feedbackSchema>
