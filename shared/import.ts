// The import (D1) as the renderer, main, the worker and the command line all see it: what can be
// imported, the fields a column can map to, the options a user chooses in the preview, and what
// comes back (a preview of the rows as they will be stored, every refused cell, the duplicates
// and the missing exchange rates, then a summary). The parsing lives in
// electron/main/features/import/; this file holds only the shapes, so the wizard and the command
// line speak the same language.
import { z } from 'zod'
import { CURRENCIES } from './domain'

export const IMPORT_KINDS = ['customers', 'orders', 'interactions'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

/**
 * The fields a column can fill, per kind. Customer rows may carry one contact each (the contact*
 * fields); rows of the same customer (same external id, else same name) add their contacts to it.
 * An order or interaction finds its customer by `customerExternalId`, else by `customerName`
 * (exact, then normalised: case, spaces, punctuation, traditional/simplified Chinese).
 */
export const IMPORT_FIELDS = {
  customers: [
    'externalId',
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
    'source',
    'sourceDetail',
    'owner',
    'preferredLanguage',
    'currency',
    'tags',
    'notes',
    'contactName',
    'contactTitle',
    'contactEmail',
    'contactPhone',
    'contactMobile',
    'contactLanguage',
    'contactBirthday',
    /** CRM exports split the name (Zoho, HubSpot): joined as "First Last" into the contact's name. */
    'contactFirstName',
    'contactLastName',
  ],
  orders: [
    'customerExternalId',
    'customerName',
    'date',
    'amount',
    'currency',
    'status',
    'returned',
    /** An amount already in USD: its own rate (amountUsd / amount), so no rate is needed. */
    'amountUsd',
    /** USD per unit of the order's currency on its date, given by the file. */
    'usdRate',
    'productCategories',
    'reference',
    'notes',
  ],
  interactions: ['customerExternalId', 'customerName', 'date', 'kind', 'summary', 'nextStep', 'contactName'],
} as const satisfies Record<ImportKind, readonly string[]>
export type ImportField<K extends ImportKind = ImportKind> = (typeof IMPORT_FIELDS)[K][number]

/** The fields without which a row is refused. */
export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  customers: ['displayName', 'country'],
  orders: ['date', 'amount', 'currency', 'status'],
  interactions: ['date', 'kind', 'summary'],
}

export const ENCODINGS = ['utf-8', 'gb18030', 'windows-1252', 'utf-16le'] as const
export type Encoding = (typeof ENCODINGS)[number]
export const SEPARATORS = [',', ';', '\t'] as const
export type Separator = (typeof SEPARATORS)[number]
/** How a column writes its dates: day first, month first, or year first (ISO). */
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const
export type DateOrder = (typeof DATE_ORDERS)[number]

/** Built-in header sets a file is recognised by (the user's own presets are saved by name). */
export const BUILTIN_PRESETS = [
  'zoho_accounts',
  'zoho_contacts',
  'hubspot_companies',
  'hubspot_contacts',
  'salesforce_accounts',
  'chinese',
  'french',
  'tradetier',
] as const
export type BuiltinPreset = (typeof BUILTIN_PRESETS)[number]

/** Field → 0-based column index in the file; an absent field is not imported. */
export const mappingSchema = z.record(z.string().max(40), z.number().int().min(0).max(500))
export type Mapping = z.infer<typeof mappingSchema>

/** What to do with a row that matches an existing customer (or an earlier row of the file). */
export const DUPLICATE_CHOICES = ['skip', 'fill_empty', 'overwrite', 'create'] as const
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number]

/** A monthly rate the user typed for a currency the file's orders need and the database lacks. */
export const monthlyRateSchema = z.object({
  currency: z.enum(CURRENCIES, { error: 'invalid_choice' }),
  /** yyyy-mm */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  usdPerUnit: z.number().positive().finite(),
})
export type MonthlyRate = z.infer<typeof monthlyRateSchema>

/** The choices of the wizard's preview (all optional: detected when absent). */
export const importOptionsSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  encoding: z.enum(ENCODINGS).optional(),
  separator: z.enum(SEPARATORS).optional(),
  /** XLSX: which sheet (0-based); the first by default. */
  sheet: z.number().int().min(0).max(200).optional(),
  mapping: mappingSchema.optional(),
  /** A built-in preset or a saved one, by name: its mapping is used when `mapping` is absent. */
  preset: z.string().max(80).optional(),
  dateOrder: z.enum(DATE_ORDERS).optional(),
  /** For duplicates of existing customers; per-row choices override it. */
  duplicates: z.enum(DUPLICATE_CHOICES).default('skip'),
  /** Per file line (1-based, the header is line 1): a choice for that row's duplicate. */
  rowChoices: z.record(z.string().regex(/^\d+$/), z.enum(DUPLICATE_CHOICES)).optional(),
  /** Import the valid rows and leave the refused ones out (an explicit choice; default: all or nothing). */
  skipInvalid: z.boolean().default(false),
  monthlyRates: z.array(monthlyRateSchema).max(2000).default([]),
})
export type ImportOptions = z.input<typeof importOptionsSchema>
export type ImportOptionsParsed = z.output<typeof importOptionsSchema>

/** One refused cell (or row when column is null): file line (1-based), column header, reason code. */
export const importIssueSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  /** The text as it was in the file (shortened), so the user sees what was refused. */
  value: z.string().nullable().optional(),
})
export type ImportIssue = z.infer<typeof importIssueSchema>

export const importDuplicateSchema = z.object({
  line: z.number().int(),
  name: z.string(),
  /** An existing customer, or null when the match is an earlier line of the same file. */
  customerId: z.string().nullable(),
  existingName: z.string(),
  /** The earlier line it repeats, when the match is within the file. */
  sameAsLine: z.number().int().nullable(),
  /** What matched: external id, name, email, phone, website domain. */
  reason: z.string(),
})
export type ImportDuplicate = z.infer<typeof importDuplicateSchema>

/** A currency and month an order needs a rate for, with how many orders. */
export const missingRateSchema = z.object({ currency: z.string(), month: z.string(), orders: z.number() })

export const importPreviewSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  encoding: z.enum(ENCODINGS).nullable(),
  separator: z.enum(SEPARATORS).nullable(),
  sheets: z.array(z.string()),
  headers: z.array(z.string()),
  /** The first rows of the file, raw, for the mapping step. */
  sample: z.array(z.array(z.string())),
  mapping: mappingSchema,
  /** The preset the mapping came from, when one matched the headers. */
  preset: z.string().nullable(),
  dateOrder: z.enum(DATE_ORDERS).nullable(),
  /** True when the dates could be read either way (every day ≤ 12): the user confirms. */
  dateOrderAmbiguous: z.boolean(),
  rows: z.number(),
  valid: z.number(),
  /** The first rows as they will be stored: field → display text. */
  stored: z.array(z.object({ line: z.number(), values: z.record(z.string(), z.string()) })),
  issues: z.array(importIssueSchema),
  /** How many issues in all (the list is cut at a few thousand). */
  issueCount: z.number(),
  duplicates: z.array(importDuplicateSchema),
  missingRates: z.array(missingRateSchema),
})
export type ImportPreview = z.infer<typeof importPreviewSchema>

export const importResultSchema = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  refused: z.number(),
  /** Customers whose value tier the import changed. */
  tierMoves: z.number(),
  errors: z.array(z.object({ line: z.number(), column: z.string().nullable(), code: z.string() })),
})
export type ImportResult = z.infer<typeof importResultSchema>
