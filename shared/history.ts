// A customer's history as the contract carries it (issue 13 §3): every change of its profile, its
// contacts and its tags, made here or by a teammate, with the value before and after, who and when.
import { z } from 'zod'

export const HISTORY_TABLES = ['customers', 'contacts', 'customer_tags'] as const

const cellValue = z.union([z.string(), z.number(), z.null()])

export const historyEntrySchema = z.object({
  /** When it was changed (the author's clock). */
  at: z.string(),
  table: z.enum(HISTORY_TABLES),
  rowId: z.string(),
  /** A contact's name or a tag, for changes not to the customer itself; else null. */
  rowLabel: z.string().nullable(),
  /** The column, as stored (snake_case). */
  column: z.string(),
  /** The value before this change here; null when the cell was new. */
  before: cellValue,
  after: cellValue,
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  userName: z.string().nullable(),
  /** Made on this computer. */
  here: z.boolean(),
})
export type HistoryEntry = z.infer<typeof historyEntrySchema>

/** How far back the history reaches: a year and a month, so a yearly contact's last round shows. */
export const HISTORY_DAYS = 400
/** Most entries one answer carries (newest first); `more` says when older ones were left out. */
export const HISTORY_LIMIT = 500
