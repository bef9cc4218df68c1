// The one IPC contract: channel → input and output schemas. Main validates every input against
// it before a handler runs; the renderer's client is typed from it, so a channel cannot drift.
import { historyEntrySchema } from './history'
import {
  conflictSchema,
  syncReportSchema,
  syncStateSchema,
  teamCreateSchema,
  teamJoinSchema,
  teamStatusSchema,
} from './team'
import { todayViewSchema } from './today'
import {
  GREETING_OCCASIONS,
  greetingDraftSchema,
  greetingSettingsSchema,
  greetingTargetSchema,
  recipientSchema,
  templateInputSchema,
  templateSchema,
} from './greetings'
import {
  REMINDER_ACTIONS,
  calendarQuerySchema,
  calendarRangeSchema,
  calendarRangeResultSchema,
  occurrenceSchema,
  reminderInputSchema,
  reminderSchema,
} from './reminders'
import { z } from 'zod'
import type { Channel } from './channels'
import {
  UI_LANGUAGES,
  VALUE_TIERS,
  contactInputSchema,
  contactPatchSchema,
  contactSchema,
  customerDetailSchema,
  customerInputSchema,
  customerPatchSchema,
  customerRowSchema,
  duplicateCandidateSchema,
  listQuerySchema,
} from './domain'
import { mergeInputSchema, mergePreviewSchema, mergeResultSchema } from './merge'
import {
  feedbackInputSchema,
  feedbackSchema,
  figuresSchema,
  interactionInputSchema,
  interactionSchema,
  orderInputSchema,
  orderPatchSchema,
  orderSchema,
  orderWriteSchema,
  tierChangeSchema,
  rateInputSchema,
  rateSchema,
  policyMovesSchema,
  policyPreviewSchema,
  policyVersionSchema,
  reviewSchema,
  tierLockInputSchema,
  tierStateSchema,
  tieringPolicySchema,
} from './tiering'
import {
  BUILTIN_GROUPINGS,
  MEMBER_SORT_FIELDS,
  bulkActionSchema,
  bulkResultSchema,
  groupFiguresSchema,
  groupInputSchema,
  groupSchema,
  groupPickSchema,
  groupingBucketSchema,
  memberRowSchema,
  selectionSchema,
} from './groups'
import { dashboardSchema } from './dashboard'
import {
  attachmentSchema,
  captureInputSchema,
  captureResultSchema,
  duplicateQuerySchema,
  fairInputSchema,
  fairSchema,
  leadSchema,
  triageInputSchema,
} from './fair'
import {
  CUSTOMER_LIST_COLUMNS,
  exportFileSchema,
  exportFormatSchema,
  exportLanguageSchema,
  exportScopeSchema,
  listExportQuerySchema,
} from './exports'
import {
  backupEntrySchema,
  backupListSchema,
  backupNameSchema,
  backupPreviewSchema,
  rotationSchema,
} from './backups'
import {
  IMPORT_KINDS,
  importOptionsSchema,
  importPreviewSchema,
  importResultSchema,
  mappingSchema,
} from './import'

const id = z.string().min(1).max(64)
const empty = z.object({}).strict()

export const searchHitSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  originalName: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  tier: z.enum(VALUE_TIERS),
  owner: z.string().nullable(),
  /** What matched, so the user sees why (an email, a phone, a contact's name…). */
  matched: z.string().nullable(),
})
export type SearchHit = z.infer<typeof searchHitSchema>

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  deviceId: z.string(),
  schemaVersion: z.number(),
  harness: z.boolean(),
  /** The integrity check found the file damaged: the app reads but refuses every write. */
  damaged: z.boolean(),
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
  /** Every change of a customer, its contacts and tags in the last HISTORY_DAYS days, newest first. */
  'customers:history': {
    input: z.object({ id: z.string().min(1) }),
    output: z.object({ entries: z.array(historyEntrySchema), more: z.boolean() }),
  },
  /** How many customers there are (merged-away and deleted ones left out). */
  'customers:count': { input: empty, output: z.object({ count: z.number() }) },
  'customers:facets': {
    input: empty,
    output: z.object({
      countries: z.array(z.string()),
      industries: z.array(z.string()),
      owners: z.array(z.string()),
      tags: z.array(z.string()),
      /** The team's people (team settings), offered as owners beside those already in use. */
      people: z.array(z.string()),
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
  'customers:mergePreview': { input: z.object({ aId: id, bId: id }), output: mergePreviewSchema },
  'customers:merge': { input: mergeInputSchema, output: mergeResultSchema },
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
  /** The order, with the customer's tier move it caused in the same transaction. */
  'orders:create': { input: z.object({ customerId: id, order: orderInputSchema }), output: orderWriteSchema },
  'orders:update': {
    input: z.object({ id, patch: orderPatchSchema }),
    output: orderWriteSchema,
  },
  'orders:delete': {
    input: z.object({ id }),
    output: z.object({ id: z.string(), tierChange: tierChangeSchema }),
  },
  'rates:list': { input: empty, output: z.object({ rates: z.array(rateSchema) }) },
  'rates:set': { input: rateInputSchema, output: rateSchema },
  /** Rates from a CSV file (currency, date, usd_per_unit): all rows valid, or nothing is written. */
  'rates:import': {
    input: z.object({ csv: z.string().max(2_000_000, { error: 'too_long' }) }),
    output: z.object({ imported: z.number() }),
  },
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
  /** A customer's reminders, with their open occurrences up to 120 days ahead and those overdue. */
  'reminders:list': {
    input: z.object({ customerId: id }),
    output: z.object({ reminders: z.array(reminderSchema), occurrences: z.array(occurrenceSchema) }),
  },
  'reminders:create': {
    input: z.object({ customerId: id, reminder: reminderInputSchema }),
    output: reminderSchema,
  },
  /**
   * G4: one reminder for each customer of a group view (its ticked ones when customerIds is given),
   * all or none; merged-away ids act on their survivor. No contact: it would belong to one of them.
   */
  'reminders:createMany': {
    input: z.object({
      selection: selectionSchema,
      customerIds: groupPickSchema.optional(),
      reminder: reminderInputSchema.extend({
        contactId: z.null().optional(),
        interactionId: z.null().optional(),
      }),
    }),
    output: z.object({ created: z.number() }),
  },
  /** Changes the reminder for all its occurrences (one occurrence alone: reminders:act with edit). */
  'reminders:update': { input: z.object({ id, reminder: reminderInputSchema }), output: reminderSchema },
  /** Done, skip, reopen, snooze (to a date) or edit one occurrence, named by the date its rule gave it. */
  'reminders:act': {
    input: z.object({
      id,
      occurrence: z.iso.date({ error: 'invalid_date' }),
      action: z.enum(REMINDER_ACTIONS),
      toDate: z.iso.date({ error: 'invalid_date' }).nullish(),
      toTime: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalid_time' })
        .nullish(),
      note: z.string().trim().max(2000, { error: 'too_long' }).nullish(),
    }),
    output: occurrenceSchema,
  },
  'reminders:delete': { input: z.object({ id }), output: z.object({ id: z.string() }) },
  /** Reminders, duties, holidays, quiet periods and birthdays in a range, titled in `lang`. */
  'calendar:range': { input: calendarRangeSchema, output: calendarRangeResultSchema },
  /** Overdue and due items ranked by tier and lateness, counts per owner, the next 30 days' holidays. */
  'today:get': { input: z.object({ lang: z.enum(['zh', 'fr', 'en']) }), output: todayViewSchema },
  /** Greeting templates (built-in, or the team's text) for every occasion and language, and this device's settings. */
  'greetings:templates': {
    input: empty,
    output: z.object({ templates: z.array(templateSchema), settings: greetingSettingsSchema }),
  },
  /** The team's text for an occasion in a language; an unknown {field} or an empty body is refused. */
  'greetings:saveTemplate': { input: templateInputSchema, output: templateSchema },
  /** Back to the built-in text (null: a language without one). */
  'greetings:resetTemplate': {
    input: templateInputSchema.pick({ occasion: true, lang: true }),
    output: templateSchema.nullable(),
  },
  /** Lead days per occasion (0-30, refused otherwise with nothing saved) and the sender's name. */
  'greetings:saveSettings': {
    input: z
      .object({
        leadDays: z.partialRecord(z.enum(GREETING_OCCASIONS), z.number({ error: 'invalid_value' })),
        sender: z.string().trim().max(120, { error: 'too_long' }).nullable(),
      })
      .partial()
      .strict(),
    output: greetingSettingsSchema,
  },
  /** A greeting for a contact (the primary one when absent), in `lang` or the best language for them. */
  'greetings:draft': {
    input: z.object({
      customerId: id,
      contactId: id.nullish(),
      target: greetingTargetSchema,
      lang: z.string().max(8).nullish(),
      uiLang: z.enum(UI_LANGUAGES),
    }),
    output: greetingDraftSchema,
  },
  /** The customers a holiday's greetings go to, Key first, with whether each was sent. */
  'greetings:recipients': {
    input: z.object({ target: greetingTargetSchema, limit: z.number().int().min(1).max(1000).default(300) }),
    output: z.object({ total: z.number(), sent: z.number(), rows: z.array(recipientSchema) }),
  },
  /** For each greeting listed (a birthday: one contact; a holiday: its country), how many went. */
  'greetings:status': {
    input: z.object({
      items: z
        .array(
          z.object({ target: greetingTargetSchema, customerId: id.optional(), contactId: id.optional() }),
        )
        .max(500),
    }),
    output: z.object({ statuses: z.array(z.object({ sent: z.number(), total: z.number() })) }),
  },
  /** Logs a greeting_sent interaction naming the occasion (the contact cadence moves with it). */
  'greetings:markSent': {
    input: z.object({
      customerId: id,
      contactId: id.nullish(),
      target: greetingTargetSchema,
      uiLang: z.enum(UI_LANGUAGES),
    }),
    output: interactionSchema,
  },
  /** The same selection as an .ics file (reminders with their repeat rules, the rest as all-day events). */
  'calendar:ics': { input: calendarQuerySchema, output: z.object({ fileName: z.string(), ics: z.string() }) },
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
  'policy:get': {
    input: empty,
    output: z.object({ policy: tieringPolicySchema, versions: z.array(policyVersionSchema) }),
  },
  /** Counts what saving this policy would change, without saving anything. */
  'policy:preview': { input: z.object({ policy: tieringPolicySchema }), output: policyPreviewSchema },
  /** Saves a new version and re-tiers the whole base in the worker (job:progress 'retier'). */
  'policy:save': {
    input: z.object({ policy: tieringPolicySchema, note: z.string().trim().max(500).nullish() }),
    /** `moved`: customers whose tier the re-tier changed (counted as it wrote them, not the preview). */
    output: z.object({ version: z.number(), preview: policyPreviewSchema, moved: z.number() }),
  },
  /** The tier moves a saved version's re-tier made on this device. */
  'policy:moves': {
    input: z.object({
      version: z.number().int().min(1),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: policyMovesSchema,
  },
  /** A re-evaluation run: finds the promotions and demotions due and holds them for review. */
  'reviews:run': { input: empty, output: reviewSchema },
  /** The run asked for, or the latest one; null before the first run. */
  'reviews:get': {
    input: z.object({ id: z.number().int().min(1).optional() }),
    output: reviewSchema.nullable(),
  },
  /** Applies a run's moves (all, or only the listed customers) or dismisses it. */
  'reviews:decide': {
    input: z.object({
      id: z.number().int().min(1),
      decision: z.enum(['apply', 'dismiss']),
      customerIds: z.array(id).max(200_000).optional(),
    }),
    output: reviewSchema,
  },
  'groups:list': { input: empty, output: z.object({ groups: z.array(groupSchema) }) },
  'groups:save': {
    input: z.object({ id: id.optional(), group: groupInputSchema }),
    output: groupSchema,
  },
  'groups:delete': { input: z.object({ id }), output: z.object({ id: z.string() }) },
  /** G1: the buckets of a built-in grouping with their counts and revenue. */
  'groups:buckets': {
    input: z.object({ grouping: z.enum(BUILTIN_GROUPINGS) }),
    output: z.object({ buckets: z.array(groupingBucketSchema) }),
  },
  'groups:members': {
    input: z.object({
      selection: selectionSchema,
      sort: z.enum(MEMBER_SORT_FIELDS).default('name'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(memberRowSchema), total: z.number() }),
  },
  'groups:figures': { input: z.object({ selection: selectionSchema }), output: groupFiguresSchema },
  'groups:addMembers': {
    input: z.object({ groupId: id, customerIds: z.array(id).min(1).max(200_000) }),
    output: z.object({ added: z.number() }),
  },
  'groups:removeMembers': {
    input: z.object({ groupId: id, customerIds: z.array(id).min(1).max(200_000) }),
    output: z.object({ removed: z.number() }),
  },
  /**
   * Bulk action over a selection, or over exactly the ticked customers of it when customerIds is
   * given (main refuses ids outside the selection with `not_in_selection`; nothing is written).
   */
  'groups:bulk': {
    input: z.object({
      selection: selectionSchema,
      customerIds: groupPickSchema.optional(),
      action: bulkActionSchema,
    }),
    output: bulkResultSchema,
  },
  /**
   * The selection (or its ticked customers) as a file in the user's language (`language`, else the
   * saved UI language, else English); the renderer saves it (a download in the window).
   */
  'groups:export': {
    input: z.object({
      selection: selectionSchema,
      customerIds: groupPickSchema.optional(),
      format: z.enum(['csv', 'xlsx']),
      language: z.enum(UI_LANGUAGES).optional(),
    }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), rows: z.number() }),
  },
  /**
   * The customer list as shown (filters, search text `q`, sort; the ticked rows only when given)
   * with its visible columns, as a file in the user's language (as groups:export).
   */
  'customers:export': {
    input: z.object({
      query: listExportQuerySchema,
      columns: z.array(z.enum(CUSTOMER_LIST_COLUMNS)).min(1, { error: 'required' }),
      customerIds: groupPickSchema.optional(),
      format: exportFormatSchema,
      language: exportLanguageSchema,
    }),
    output: exportFileSchema,
  },
  /** One row per order or interaction of a group's or the list's customers (or the ticked ones), as a file. */
  'exports:activity': {
    input: z.object({
      scope: exportScopeSchema,
      what: z.enum(['orders', 'interactions']),
      format: exportFormatSchema,
      language: exportLanguageSchema,
    }),
    output: exportFileSchema,
  },
  /** The primary contacts' emails of a selection (or its ticked customers), deduplicated, for a BCC. */
  'groups:emails': {
    input: z.object({ selection: selectionSchema, customerIds: groupPickSchema.optional() }),
    output: z.object({ emails: z.array(z.string()), customersWithout: z.number() }),
  },
  'dashboard:get': { input: empty, output: dashboardSchema },
  'demo:load': {
    input: z.object({ customers: z.number().int().min(1).max(200_000).default(500) }),
    output: z.object({ created: z.number() }),
  },
  /**
   * A file to import, kept by main (in memory, for this session) so the preview can be asked again
   * as the user changes the mapping without sending the file each time.
   */
  'import:open': {
    input: z.object({
      name: z.string().min(1).max(260),
      base64: z.string().min(1).max(150_000_000, { error: 'file_too_large' }),
    }),
    output: z.object({ fileId: z.string(), size: z.number() }),
  },
  /** Reads the file with the options (detected where absent) and reports what an import would do; writes nothing. */
  'import:preview': {
    input: z.object({ fileId: id, options: importOptionsSchema }),
    output: importPreviewSchema,
  },
  /** Imports in the worker (job:progress 'import'): all rows or none, unless skipInvalid. */
  'import:run': { input: z.object({ fileId: id, options: importOptionsSchema }), output: importResultSchema },
  /** Cancels a running import: nothing it did stays. */
  'import:cancel': { input: empty, output: z.object({ cancelled: z.boolean() }) },
  /** The refused rows as a CSV in the file's own columns, with a reason column, to fix and import again. */
  'import:refused': {
    input: z.object({ fileId: id, options: importOptionsSchema }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), rows: z.number() }),
  },
  /** The user's saved mappings (built-in presets are recognised from the headers). */
  'import:presets': {
    input: empty,
    output: z.object({
      presets: z.array(z.object({ name: z.string(), kind: z.enum(IMPORT_KINDS), mapping: mappingSchema })),
    }),
  },
  'import:savePreset': {
    input: z.object({
      name: z.string().trim().min(1).max(80),
      kind: z.enum(IMPORT_KINDS),
      mapping: mappingSchema,
    }),
    output: z.object({ name: z.string() }),
  },
  /** The backups in the data directory's backups/ folder, newest first, and the rotation counts. */
  /** The team this device syncs with, what waits, what the last pass did, the team's devices. */
  'team:status': { input: empty, output: teamStatusSchema },
  /** Makes a folder a new team's and joins it; refused (team_folder) with nothing written. */
  'team:create': { input: teamCreateSchema, output: teamStatusSchema },
  /** Joins the team of a folder; refused (team_folder) with nothing written. */
  'team:join': { input: teamJoinSchema, output: teamStatusSchema },
  /** Stops syncing; every customer stays on this device. */
  'team:leave': { input: empty, output: teamStatusSchema },
  /** Electron's folder dialog for the team folder; null when cancelled, or where there is none (the harness). */
  'team:chooseFolder': { input: empty, output: z.object({ folder: z.string().nullable() }) },
  /** One pass with the team folder now (in the worker). */
  'sync:now': { input: empty, output: syncReportSchema },
  /** The header's sync status: in a team, the last pass, the conflicts to review (no folder access). */
  'sync:state': { input: empty, output: syncStateSchema },
  /** The open conflicts (up to 200, newest first) with the names they concern. */
  'sync:conflicts': { input: empty, output: z.object({ conflicts: z.array(conflictSchema) }) },
  /** Keeps the value shown or the other one: either is written again as a new change, which syncs. */
  'sync:resolve': {
    input: z.object({ id: z.number().int().positive(), keep: z.enum(['kept', 'other']) }),
    output: z.object({ id: z.number() }),
  },
  'backups:list': { input: empty, output: backupListSchema },
  /** A verified full backup, in the worker (job:progress 'backup'); saveAs asks Electron's save dialog for the place. */
  'backups:create': {
    input: z
      .object({ label: z.literal('manual').default('manual'), saveAs: z.boolean().default(false) })
      .strict(),
    output: backupEntrySchema,
  },
  /** What a backup holds, after SQLite's check; backup_too_new / backup_damaged when it cannot be restored. */
  'backups:preview': { input: z.object({ name: backupNameSchema }), output: backupPreviewSchema },
  /** Replaces the live database with the backup (the live one is backed up and kept aside first). */
  'backups:restore': {
    input: z.object({ name: backupNameSchema }),
    output: z.object({ restored: backupPreviewSchema }),
  },
  /** The damaged-database way out: restores the newest backup that passes the checks. */
  'backups:restoreLatest': { input: empty, output: z.object({ restored: backupPreviewSchema }) },
  'backups:download': {
    input: z.object({ name: backupNameSchema }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  },
  'backups:setRotation': { input: rotationSchema, output: rotationSchema },
  'fairs:list': { input: empty, output: z.object({ fairs: z.array(fairSchema) }) },
  'fairs:create': { input: z.object({ fair: fairInputSchema }), output: fairSchema },
  'fairs:update': { input: z.object({ id, fair: fairInputSchema }), output: fairSchema },
  /** Customers likely to be the one being captured (P8 rules), as the user types. */
  'fair:duplicates': {
    input: duplicateQuerySchema,
    output: z.object({ candidates: z.array(duplicateCandidateSchema) }),
  },
  /**
   * One booth lead in one transaction: a new customer (or the existing one picked), its contact,
   * the fair's tag and source, the lead, its follow-up reminder and the business-card photo.
   */
  'fair:capture': { input: captureInputSchema, output: captureResultSchema },
  'fair:leads': {
    input: z.object({ fairId: id }),
    output: z.object({ fair: fairSchema, leads: z.array(leadSchema) }),
  },
  /** Temperature of the leads and/or owner of their customers. */
  'fair:triage': { input: triageInputSchema, output: z.object({ updated: z.number() }) },
  'attachments:list': {
    input: z.object({ customerId: id }),
    output: z.object({ attachments: z.array(attachmentSchema) }),
  },
  /** An attachment with its bytes (base64), for an <img> data URL. */
  'attachments:get': {
    input: z.object({ id }),
    output: z.object({ attachment: attachmentSchema, base64: z.string() }),
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

/** The payload of `job:progress`: a long job's name and how far it is. */
export type { JobProgressEvent } from './events'
