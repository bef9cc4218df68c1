// Merging two customers (P8): the fields a user picks between, and what the dialog and the
// channels exchange. Children (contacts, orders, interactions, feedback, tags, groups, lock) are
// not picked: they all move to the survivor.
import { z } from 'zod'
import { VALUE_TIERS, customerSchema } from './domain'
import { tierChangeSchema } from './tiering'

/** The customer fields whose surviving value is chosen one by one (tags are united instead). */
export const MERGE_FIELDS = [
  'displayName',
  'originalName',
  'latinName',
  'country',
  'city',
  'address',
  'website',
  'businessType',
  'industry',
  'sizeBand',
  'productCategories',
  'quality',
  'source',
  'sourceDetail',
  'owner',
  'preferredLanguage',
  'currency',
  'notes',
  'timezone',
] as const
export type MergeField = (typeof MERGE_FIELDS)[number]

export const MERGE_CHILDREN = [
  'contacts',
  'orders',
  'interactions',
  'reminders',
  'feedback',
  'tags',
  'groups',
  'locks',
] as const
export type MergeChild = (typeof MERGE_CHILDREN)[number]

export const mergeCountsSchema = z.object(
  Object.fromEntries(MERGE_CHILDREN.map((k) => [k, z.number().int()])) as Record<MergeChild, z.ZodNumber>,
)
export type MergeCounts = z.infer<typeof mergeCountsSchema>

export const mergeSideSchema = z.object({
  customer: customerSchema,
  counts: mergeCountsSchema,
  tier: z.enum(VALUE_TIERS),
})
export type MergeSide = z.infer<typeof mergeSideSchema>

export const mergePreviewSchema = z.object({
  a: mergeSideSchema,
  b: mergeSideSchema,
  /** The fields whose values differ: the only ones the dialog asks about. */
  differing: z.array(z.enum(MERGE_FIELDS)),
})
export type MergePreview = z.infer<typeof mergePreviewSchema>

export const mergeInputSchema = z.object({
  survivorId: z.string().min(1).max(64),
  otherId: z.string().min(1).max(64),
  /** Per field, whose value the survivor keeps; a field left out keeps the survivor's. */
  fields: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(['survivor', 'other'])).default({}),
})
export type MergeInput = z.infer<typeof mergeInputSchema>

export const mergeResultSchema = z.object({
  survivorId: z.string(),
  moved: mergeCountsSchema,
  /** The survivor's tier move the other's orders caused, if any. */
  tierChange: tierChangeSchema,
})
export type MergeResult = z.infer<typeof mergeResultSchema>
