// The one IPC contract: channel → input and output schemas. Main validates every input against
// it before a handler runs; the renderer's client is typed from it, so a channel cannot drift.
import { z } from 'zod'
import type { Channel } from './channels'
import {
  UI_LANGUAGES,
  contactInputSchema,
  contactPatchSchema,
  contactSchema,
  customerDetailSchema,
  customerInputSchema,
  customerPatchSchema,
  customerRowSchema,
  listQuerySchema,
} from './domain'
import {
  feedbackInputSchema,
  feedbackSchema,
  figuresSchema,
  interactionInputSchema,
  interactionSchema,
  orderInputSchema,
  orderPatchSchema,
  orderSchema,
  rateInputSchema,
  rateSchema,
  tierLockInputSchema,
  tierStateSchema,
} from './tiering'

const id = z.string().min(1).max(64)
const empty = z.object({}).strict()

export const searchHitSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  originalName: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  /** What matched, so the user sees why (an email, a phone, a contact's name…). */
  matched: z.string().nullable(),
})
export type SearchHit = z.infer<typeof searchHitSchema>

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  deviceId: z.string(),
  schemaVersion: z.number(),
  customerCount: z.number(),
  harness: z.boolean(),
})

export const settingsSchema = z.object({ language: z.enum(UI_LANGUAGES).nullable() })

export const contract = {
  'app:info': { input: empty, output: appInfoSchema },
  'settings:get': { input: empty, output: settingsSchema },
  'settings:set': { input: settingsSchema.partial().strict(), output: settingsSchema },
  'customers:list': {
    input: listQuerySchema,
    output: z.object({ rows: z.array(customerRowSchema), total: z.number() }),
  },
  'customers:facets': {
    input: empty,
    output: z.object({
      countries: z.array(z.string()),
      industries: z.array(z.string()),
      owners: z.array(z.string()),
      tags: z.array(z.string()),
    }),
  },
  'customers:search': {
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.object({ hits: z.array(searchHitSchema) }),
  },
  'customers:get': { input: z.object({ id }), output: customerDetailSchema },
  'customers:create': {
    input: z.object({
      customer: customerInputSchema,
      contacts: z.array(contactInputSchema).max(50).default([]),
      /** Set after the user has seen the duplicate warning and chose to create anyway. */
      allowDuplicates: z.boolean().default(false),
    }),
    output: z.object({ id: z.string() }),
  },
  'customers:update': { input: z.object({ id, patch: customerPatchSchema }), output: customerDetailSchema },
  'customers:delete': { input: z.object({ id }), output: z.object({ id: z.string() }) },
  'contacts:create': {
    input: z.object({ customerId: id, contact: contactInputSchema }),
    output: contactSchema,
  },
  'contacts:update': { input: z.object({ id, patch: contactPatchSchema }), output: contactSchema },
  'contacts:delete': { input: z.object({ id }), output: z.object({ id: z.string() }) },
  'orders:list': {
    input: z.object({ customerId: id }),
    output: z.object({ orders: z.array(orderSchema), figures: figuresSchema }),
  },
  'orders:create': { input: z.object({ customerId: id, order: orderInputSchema }), output: orderSchema },
  'orders:update': {
    input: z.object({ id, patch: orderPatchSchema }),
    output: orderSchema,
  },
  'orders:delete': { input: z.object({ id }), output: z.object({ id: z.string() }) },
  'rates:list': { input: empty, output: z.object({ rates: z.array(rateSchema) }) },
  'rates:set': { input: rateInputSchema, output: rateSchema },
  'tiers:get': { input: z.object({ customerId: id }), output: tierStateSchema },
  'tiers:lock': { input: tierLockInputSchema, output: tierStateSchema },
  'interactions:list': {
    input: z.object({ customerId: id }),
    output: z.object({ interactions: z.array(interactionSchema), lastContact: z.string().nullable() }),
  },
  'interactions:log': {
    input: z.object({ customerId: id, interaction: interactionInputSchema }),
    output: interactionSchema,
  },
  'interactions:delete': { input: z.object({ id }), output: z.object({ id: z.string() }) },
  'feedback:list': {
    input: z.object({ customerId: id }),
    output: z.object({
      feedback: z.array(feedbackSchema),
      openComplaints: z.number(),
      /** Returned value ÷ ordered value of the 12-month revenue orders, in USD; null without orders. */
      returnRate: z.number().nullable(),
    }),
  },
  'feedback:add': {
    input: z.object({ customerId: id, feedback: feedbackInputSchema }),
    output: feedbackSchema,
  },
  'feedback:resolve': { input: z.object({ id, resolved: z.boolean() }), output: feedbackSchema },
  'feedback:delete': { input: z.object({ id }), output: z.object({ id: z.string() }) },
  'demo:load': {
    input: z.object({ customers: z.number().int().min(1).max(200_000).default(500) }),
    output: z.object({ created: z.number() }),
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

export const jobProgressSchema = z.object({ job: z.string(), done: z.number(), total: z.number() })
export type JobProgress = z.infer<typeof jobProgressSchema>
