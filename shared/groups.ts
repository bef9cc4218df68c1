// Groups (SPEC G1–G4): built-in groupings, smart groups as saved rule sets, static groups, and the
// selection a group view, an export or a bulk action works on. Shared because the renderer builds
// rules and main compiles them (electron/main/features/groups/group-sql.ts) into parameterised SQL: a rule names a
// field from the closed list below and carries values that are only ever bound, never spliced.
import { z } from 'zod'
import { BUSINESS_TYPES, CONTINENTS, QUALITY_LEVELS, SIZE_BANDS, SOURCES, VALUE_TIERS } from './domain'
import { LIFECYCLE_STAGES, RFM_SEGMENTS } from './tiering'

/** Purchase-frequency bands (G1) from revenue orders in the trailing window. */
export const PURCHASE_FREQUENCIES = ['none', 'one_off', 'occasional', 'regular', 'frequent'] as const
export type PurchaseFrequency = (typeof PURCHASE_FREQUENCIES)[number]
/** Lower bound (orders in the window) of each band after 'none'. */
export const PURCHASE_FREQUENCY_FLOORS = { one_off: 1, occasional: 2, regular: 4, frequent: 12 } as const

export const RISK_KINDS = ['gap', 'drop'] as const

/** G1: the built-in groupings, each a field the base is split by. */
export const BUILTIN_GROUPINGS = [
  'tier',
  'segment',
  'stage',
  'risk',
  'country',
  'region',
  'continent',
  'industry',
  'business_type',
  'owner',
  'source',
  'quality',
  'purchase_frequency',
] as const
export type BuiltinGrouping = (typeof BUILTIN_GROUPINGS)[number]

/**
 * Fields a smart-group condition can test. 'choice' fields take a list of values (in / not in,
 * empty / not empty); 'text' fields also take 'contains'; 'number' fields compare; 'days' fields
 * are "days since" a date, compared in days (no order ever counts as infinitely long ago).
 */
export const RULE_FIELDS = {
  tier: 'choice',
  segment: 'choice',
  stage: 'choice',
  risk: 'choice',
  country: 'choice',
  region: 'choice',
  continent: 'choice',
  industry: 'text',
  business_type: 'choice',
  owner: 'text',
  source: 'choice',
  quality: 'choice',
  size_band: 'choice',
  purchase_frequency: 'choice',
  tag: 'text',
  city: 'text',
  name: 'text',
  product_category: 'text',
  revenue_usd: 'number',
  order_count: 'number',
  days_since_order: 'days',
  days_since_contact: 'days',
  days_since_created: 'days',
} as const
export type RuleField = keyof typeof RULE_FIELDS
export const RULE_FIELD_NAMES = Object.keys(RULE_FIELDS) as RuleField[]

/**
 * Regions as stored (country_facts.subregion, from world-countries' UN geoscheme names; a test
 * keeps this list equal to the library's). Closed, so the rule builder offers them by name.
 */
export const SUBREGIONS = [
  'Caribbean',
  'Southern Asia',
  'Middle Africa',
  'Northern Europe',
  'Southeast Europe',
  'Southern Europe',
  'Western Asia',
  'South America',
  'Polynesia',
  'Australia and New Zealand',
  'Central Europe',
  'Eastern Africa',
  'Western Europe',
  'Western Africa',
  'Eastern Europe',
  'Central America',
  'North America',
  'South-Eastern Asia',
  'Southern Africa',
  'Eastern Asia',
  'Northern Africa',
  'Melanesia',
  'Micronesia',
  'Central Asia',
] as const

/** The locale key part of a region name: "South-Eastern Asia" → "south_eastern_asia". */
export function regionKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

/** The closed value lists of choice fields that have one (others take free values: country codes, tags…). */
export const CHOICE_VALUES: Partial<Record<RuleField, readonly string[]>> = {
  tier: VALUE_TIERS,
  segment: RFM_SEGMENTS,
  stage: LIFECYCLE_STAGES,
  risk: RISK_KINDS,
  continent: CONTINENTS,
  region: SUBREGIONS,
  business_type: BUSINESS_TYPES,
  source: SOURCES,
  quality: QUALITY_LEVELS,
  size_band: SIZE_BANDS,
  purchase_frequency: PURCHASE_FREQUENCIES,
}

// Control characters have no business in a rule, and a NUL would end SQLite's LIKE pattern early
// ("contains \0" would match everyone).
const value = z
  .string()
  .max(200, { error: 'too_long' })
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f]*$/, { error: 'invalid_value' })
const count = z.number({ error: 'invalid_value' }).finite().min(0, { error: 'invalid_value' })

export const ruleConditionSchema = z.discriminatedUnion('op', [
  z.object({
    field: z.enum(RULE_FIELD_NAMES, { error: 'invalid_choice' }),
    op: z.enum(['in', 'not_in']),
    values: z.array(value).min(1, { error: 'required' }).max(300, { error: 'too_long' }),
  }),
  z.object({
    field: z.enum(RULE_FIELD_NAMES, { error: 'invalid_choice' }),
    op: z.literal('contains'),
    text: value.trim().min(1, { error: 'required' }),
  }),
  z.object({
    field: z.enum(RULE_FIELD_NAMES, { error: 'invalid_choice' }),
    op: z.enum(['empty', 'not_empty']),
  }),
  z.object({
    field: z.enum(RULE_FIELD_NAMES, { error: 'invalid_choice' }),
    op: z.enum(['gte', 'lte']),
    number: count.max(1e13, { error: 'invalid_value' }),
  }),
])
export type RuleCondition = z.infer<typeof ruleConditionSchema>

export const groupRulesSchema = z.object({
  match: z.enum(['all', 'any']),
  conditions: z.array(ruleConditionSchema).min(1, { error: 'required' }).max(30, { error: 'too_long' }),
})
export type GroupRules = z.infer<typeof groupRulesSchema>

/** Which operators each field kind accepts; main refuses any other pairing with 'invalid_choice'. */
export const OPS_BY_KIND = {
  choice: ['in', 'not_in', 'empty', 'not_empty'],
  text: ['in', 'not_in', 'contains', 'empty', 'not_empty'],
  number: ['gte', 'lte'],
  days: ['gte', 'lte', 'empty', 'not_empty'],
} as const satisfies Record<string, readonly RuleCondition['op'][]>

export const groupInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('smart'),
    name: z.string().trim().min(1, { error: 'required' }).max(120, { error: 'too_long' }),
    rules: groupRulesSchema,
  }),
  z.object({
    kind: z.literal('static'),
    name: z.string().trim().min(1, { error: 'required' }).max(120, { error: 'too_long' }),
  }),
])
export type GroupInput = z.input<typeof groupInputSchema>

export const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['smart', 'static']),
  rules: groupRulesSchema.nullable(),
  count: z.number(),
})
export type Group = z.infer<typeof groupSchema>

const id = z.string().min(1).max(64)

/**
 * The ticked customers a bulk action, an export or an email list acts on instead of the whole
 * selection. At least one: "none ticked" is said by leaving the list out, never by an empty one.
 */
export const groupPickSchema = z.array(id).min(1, { error: 'required' }).max(200_000, { error: 'too_long' })

/** What a group view, a bulk action or an export works on. */
export const selectionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('builtin'),
    grouping: z.enum(BUILTIN_GROUPINGS),
    /** The grouping's value; null selects the customers without one ("no industry"). */
    value: z.string().max(200).nullable(),
  }),
  z.object({ kind: z.literal('group'), id }),
  z.object({ kind: z.literal('rules'), rules: groupRulesSchema }),
  z.object({ kind: z.literal('all') }),
])
export type Selection = z.infer<typeof selectionSchema>

export const MEMBER_SORT_FIELDS = ['name', 'country', 'tier', 'revenue', 'last_order', 'owner'] as const

export const memberRowSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  country: z.string().nullable(),
  industry: z.string().nullable(),
  owner: z.string().nullable(),
  tier: z.enum(VALUE_TIERS),
  segment: z.enum(RFM_SEGMENTS).nullable(),
  stage: z.enum(LIFECYCLE_STAGES),
  revenueUsd: z.number(),
  orderCount: z.number(),
  lastOrder: z.string().nullable(),
  primaryEmail: z.string().nullable(),
})
export type MemberRow = z.infer<typeof memberRowSchema>

export const groupFiguresSchema = z.object({
  count: z.number(),
  revenueUsd: z.number(),
  /** Revenue ÷ revenue orders in the window; null without orders. */
  averageOrderUsd: z.number().nullable(),
  /** The group's share of the whole base's 12-month revenue, 0–1; null when the base has none. */
  shareOfTotal: z.number().nullable(),
  byTier: z.array(z.object({ tier: z.enum(VALUE_TIERS), count: z.number(), revenueUsd: z.number() })),
  byCountry: z.array(z.object({ country: z.string().nullable(), count: z.number(), revenueUsd: z.number() })),
})
export type GroupFigures = z.infer<typeof groupFiguresSchema>

export const groupingBucketSchema = z.object({
  value: z.string().nullable(),
  count: z.number(),
  revenueUsd: z.number(),
})

export const bulkActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('owner'), owner: z.string().trim().max(120, { error: 'too_long' }).nullable() }),
  z.object({
    kind: z.literal('tag'),
    tag: z.string().trim().min(1, { error: 'required' }).max(60, { error: 'too_long' }),
  }),
  z.object({ kind: z.literal('add_to_group'), groupId: id }),
])
export type BulkAction = z.infer<typeof bulkActionSchema>

/** Why a bulk action left a customer out; nothing is written for a skipped customer. */
export const BULK_SKIP_REASONS = ['too_many_tags'] as const
export const bulkResultSchema = z.object({
  changed: z.number(),
  skipped: z.array(z.object({ customerId: id, reason: z.enum(BULK_SKIP_REASONS) })),
})
export type BulkResult = z.infer<typeof bulkResultSchema>
