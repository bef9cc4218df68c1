// Domain vocabulary shared by main and renderer. Enumerations are stored as these codes and
// translated in the renderer (`enum.<name>.<code>`), so a French and a Chinese user see the same data.
import { z } from 'zod'

// The code lists live apart from the schemas so a screen that only needs a list does not load
// zod (the first screen's script stays small); they are re-exported here for everything else.
export * from './vocabulary'
import {
  BUSINESS_TYPES,
  CONTINENTS,
  CURRENCIES,
  LANGUAGE_CODES,
  MESSAGING_KINDS,
  QUALITY_LEVELS,
  SIZE_BANDS,
  SOURCES,
  VALUE_TIERS,
} from './vocabulary'

type PatchShape<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K]>
}

/**
 * The partial-update form of an input schema: every field optional and no defaults. zod's own
 * `.partial()` keeps defaults, so a patch of one field would reset every defaulted list (tags,
 * emails…) to empty.
 */
export function patchSchema<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<PatchShape<S>> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
    ]),
  )
  return z.object(shape) as unknown as z.ZodObject<PatchShape<S>>
}

const text = (max: number) => z.string().trim().max(max, { error: 'too_long' })
const optionalText = (max: number) => text(max).nullish()
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: 'invalid_choice' }).nullish()

// Country and phone validity need data tables (i18n-iso-countries, libphonenumber-js) that the
// renderer does not have to load, so the schemas check shape here and main checks meaning.
/** Absolute http(s) URL for what a user typed as a website ("example.com" → https://example.com); null if it is not one. */
export function normalizeWebsite(input: string): string | null {
  if (/\s/.test(input.trim())) return null
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`
  try {
    const url = new URL(withScheme)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    if (!url.hostname.includes('.')) return null
    return url.toString().replace(/\/$/, '')
  } catch {
    return null
  }
}

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'invalid_country' })

export const messagingHandleSchema = z.object({
  kind: z.enum(MESSAGING_KINDS, { error: 'invalid_choice' }),
  handle: text(120).min(1, { error: 'required' }),
})

export const contactInputSchema = z.object({
  name: text(200).min(1, { error: 'required' }),
  title: optionalText(200),
  emails: z
    .array(z.email({ error: 'invalid_email' }).trim().toLowerCase().max(254))
    .max(10)
    .default([]),
  phones: z
    .array(text(40).min(1, { error: 'required' }))
    .max(10)
    .default([]),
  messaging: z.array(messagingHandleSchema).max(10).default([]),
  birthdayMonth: z
    .number()
    .int()
    .min(1, { error: 'invalid_date' })
    .max(12, { error: 'invalid_date' })
    .nullish(),
  birthdayDay: z
    .number()
    .int()
    .min(1, { error: 'invalid_date' })
    .max(31, { error: 'invalid_date' })
    .nullish(),
  birthdayYear: z
    .number()
    .int()
    .min(1900, { error: 'invalid_date' })
    .max(2100, { error: 'invalid_date' })
    .nullish(),
  language: choice(LANGUAGE_CODES),
  isPrimary: z.boolean().default(false),
  notes: optionalText(5000),
})
export type ContactInput = z.input<typeof contactInputSchema>
export type ContactValues = z.output<typeof contactInputSchema>

export const contactPatchSchema = patchSchema(contactInputSchema)

export const customerInputSchema = z.object({
  displayName: text(200).min(1, { error: 'required' }),
  originalName: optionalText(200),
  latinName: optionalText(200),
  // Required: the time zone, weekend, holidays and country groups all follow from it.
  country: z
    .string({ error: 'required' })
    .trim()
    .toUpperCase()
    .min(1, { error: 'required', abort: true })
    .regex(/^[A-Z]{2}$/, { error: 'invalid_country' }),
  city: optionalText(120),
  address: optionalText(500),
  website: optionalText(300).refine((v) => !v || normalizeWebsite(v) !== null, { error: 'invalid_url' }),
  businessType: choice(BUSINESS_TYPES),
  industry: optionalText(120),
  sizeBand: choice(SIZE_BANDS),
  productCategories: z.array(text(80).min(1)).max(50).default([]),
  quality: choice(QUALITY_LEVELS),
  source: choice(SOURCES),
  sourceDetail: optionalText(200),
  owner: optionalText(120),
  preferredLanguage: choice(LANGUAGE_CODES),
  currency: choice(CURRENCIES),
  tags: z.array(text(60).min(1)).max(50).default([]),
  notes: optionalText(20000),
  timezone: optionalText(64),
  /** Left out of holiday and birthday greetings (R3), e.g. a customer who asked for no greetings. */
  // Absent on create means greeted (the column's default), so importers need not know the field.
  holidayOptOut: z.boolean({ error: 'invalid_value' }).optional(),
})
export type CustomerInput = z.input<typeof customerInputSchema>
export type CustomerValues = z.output<typeof customerInputSchema>

export const customerPatchSchema = patchSchema(customerInputSchema)
export type CustomerPatch = z.input<typeof customerPatchSchema>

export const contactSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  messaging: z.array(z.object({ kind: z.enum(MESSAGING_KINDS), handle: z.string() })),
  birthdayMonth: z.number().nullable(),
  birthdayDay: z.number().nullable(),
  birthdayYear: z.number().nullable(),
  language: z.string().nullable(),
  isPrimary: z.boolean(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Contact = z.infer<typeof contactSchema>

export const customerSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  originalName: z.string().nullable(),
  latinName: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  businessType: z.string().nullable(),
  industry: z.string().nullable(),
  sizeBand: z.string().nullable(),
  productCategories: z.array(z.string()),
  quality: z.string().nullable(),
  source: z.string().nullable(),
  sourceDetail: z.string().nullable(),
  owner: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  currency: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  timezone: z.string().nullable(),
  holidayOptOut: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Customer = z.infer<typeof customerSchema>

/** Facts derived from the profile (never stored as synced data). */
export const customerDerivedSchema = z.object({
  region: z.string().nullable(),
  continent: z.enum(CONTINENTS).nullable(),
  /** The effective IANA zone: the override if set, else derived from country and city. */
  timezone: z.string().nullable(),
  timezoneDerived: z.boolean(),
  /** ISO weekday numbers (1 = Monday … 7 = Sunday) of the customer's weekend, from CLDR. */
  weekend: z.array(z.number().int().min(1).max(7)),
  websiteDomain: z.string().nullable(),
})
export type CustomerDerived = z.infer<typeof customerDerivedSchema>

export const customerDetailSchema = z.object({
  customer: customerSchema,
  derived: customerDerivedSchema,
  contacts: z.array(contactSchema),
  /** Customers merged into this one (P8), oldest first: its merge history. */
  mergedFrom: z.array(z.object({ id: z.string(), displayName: z.string(), at: z.string() })),
})
export type CustomerDetail = z.infer<typeof customerDetailSchema>

export const customerRowSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  originalName: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  industry: z.string().nullable(),
  businessType: z.string().nullable(),
  owner: z.string().nullable(),
  source: z.string().nullable(),
  primaryContact: z.string().nullable(),
  primaryEmail: z.string().nullable(),
  tier: z.enum(VALUE_TIERS),
  updatedAt: z.string(),
})
export type CustomerRow = z.infer<typeof customerRowSchema>

export const duplicateCandidateSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  country: z.string().nullable(),
  reasons: z.array(z.enum(['email', 'domain', 'phone', 'name'])),
})
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>

export const LIST_SORT_FIELDS = [
  'name',
  'country',
  'city',
  'industry',
  'owner',
  'createdAt',
  'updatedAt',
] as const
export const listQuerySchema = z.object({
  countries: z.array(countryCode).max(300).default([]),
  continents: z.array(z.enum(CONTINENTS)).max(7).default([]),
  industries: z.array(z.string().max(120)).max(200).default([]),
  businessTypes: z.array(z.enum(BUSINESS_TYPES)).max(8).default([]),
  owners: z.array(z.string().max(120)).max(200).default([]),
  tags: z.array(z.string().max(60)).max(200).default([]),
  sources: z.array(z.enum(SOURCES)).max(6).default([]),
  tiers: z.array(z.enum(VALUE_TIERS)).max(4).default([]),
  /** Search box text: the list keeps the customers customers:search finds for it. */
  q: z.string().max(200, { error: 'too_long' }).optional(),
  sort: z.enum(LIST_SORT_FIELDS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})
export type ListQuery = z.input<typeof listQuerySchema>
