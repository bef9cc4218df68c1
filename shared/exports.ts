// Exports (D2): what the customer list, a group and their orders or interactions go out as.
import { z } from 'zod'
import { listQuerySchema } from './domain'
import { groupPickSchema, selectionSchema } from './groups'
import { UI_LANGUAGES } from './vocabulary'

/**
 * The customer list's columns, most important first: the table shows them (CustomerTable's
 * CUSTOMER_COLUMNS is this list) and hands its visible ones to customers:export.
 */
export const CUSTOMER_LIST_COLUMNS = [
  'customerName',
  'tier',
  'country',
  'owner',
  'updatedAt',
  'primaryContact',
  'industry',
  'city',
  'businessType',
] as const
export type CustomerListColumn = (typeof CUSTOMER_LIST_COLUMNS)[number]

export const exportFormatSchema = z.enum(['csv', 'xlsx'])
export type ExportFormat = z.infer<typeof exportFormatSchema>

/** The list's query as the screen holds it: filters, search text and sort, without paging. */
export const listExportQuerySchema = listQuerySchema.omit({ offset: true, limit: true })

/** Whose orders or interactions: a group view's selection, or the customer list's query; either with ticked rows. */
export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('selection'),
    selection: selectionSchema,
    customerIds: groupPickSchema.optional(),
  }),
  z.object({
    kind: z.literal('list'),
    query: listExportQuerySchema,
    customerIds: groupPickSchema.optional(),
  }),
])
export type ExportScope = z.infer<typeof exportScopeSchema>

export const exportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  rows: z.number(),
})
export type ExportFile = z.infer<typeof exportFileSchema>

export const exportLanguageSchema = z.enum(UI_LANGUAGES).optional()
