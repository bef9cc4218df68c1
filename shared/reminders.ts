// Reminders (SPEC R1) and the calendar's entries (R5) as the contract carries them. A reminder is a
// synced fact; what happens to each occurrence is an event, so a recurring reminder keeps its
// history; duties, holidays, quiet periods and birthdays are computed, never stored as reminders.
import { z } from 'zod'
import { HOLIDAY_KINDS } from './holidays'

export const REMINDER_KINDS = [
  'follow_up',
  'revisit',
  'quote_chase',
  'sample_follow_up',
  'executive_dialogue',
  'tier_review',
  'holiday_greeting',
  'birthday',
  'fair_follow_up',
  'custom',
] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

export const REMINDER_ACTIONS = ['done', 'skip', 'snooze', 'edit', 'reopen'] as const
export type ReminderAction = (typeof REMINDER_ACTIONS)[number]

const isoDate = z.iso.date({ error: 'invalid_date' })
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalid_time' })

/**
 * An RFC 5545 recurrence rule without DTSTART (the reminder's due date starts it), e.g.
 * "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1" for the last working day of the month. Checked
 * in main with the rrule library; here only its shape.
 */
const rrule = z
  .string()
  .trim()
  .max(300, { error: 'too_long' })
  .regex(/^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Z0-9,+-]+)*$/, { error: 'invalid_rule' })

export const reminderInputSchema = z.object({
  kind: z.enum(REMINDER_KINDS, { error: 'invalid_choice' }),
  dueDate: isoDate,
  dueTime: time.nullish(),
  /** IANA zone of the time; the author's zone when absent. */
  timeZone: z.string().max(64).nullish(),
  rrule: rrule.nullish(),
  contactId: z.string().max(64).nullish(),
  note: z.string().trim().max(2000, { error: 'too_long' }).nullish(),
  assignee: z.string().trim().max(200, { error: 'too_long' }).nullish(),
  interactionId: z.string().max(64).nullish(),
})
export type ReminderInput = z.input<typeof reminderInputSchema>
export type ReminderValues = z.output<typeof reminderInputSchema>

export const reminderSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  contactId: z.string().nullable(),
  kind: z.enum(REMINDER_KINDS),
  dueDate: z.string(),
  dueTime: z.string().nullable(),
  timeZone: z.string().nullable(),
  rrule: z.string().nullable(),
  note: z.string().nullable(),
  assignee: z.string().nullable(),
  interactionId: z.string().nullable(),
  createdAt: z.string(),
})
export type Reminder = z.infer<typeof reminderSchema>

export const reminderEventSchema = z.object({
  id: z.string(),
  reminderId: z.string(),
  occurrence: z.string(),
  action: z.enum(REMINDER_ACTIONS),
  toDate: z.string().nullable(),
  toTime: z.string().nullable(),
  note: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
})
export type ReminderEvent = z.infer<typeof reminderEventSchema>

export const OCCURRENCE_STATES = ['open', 'done', 'skipped'] as const
export type OccurrenceState = (typeof OCCURRENCE_STATES)[number]

/** One occurrence of a reminder as it stands: where the rule put it, where it is now, its state. */
export const occurrenceSchema = z.object({
  reminderId: z.string(),
  /** The date the rule (or the due date) gave it: what actions name. */
  occurrence: z.string(),
  /** Its date now (moved by a snooze or an edit of this occurrence). */
  date: z.string(),
  time: z.string().nullable(),
  note: z.string().nullable(),
  state: z.enum(OCCURRENCE_STATES),
  /** Open and before today. */
  overdue: z.boolean(),
})
export type Occurrence = z.infer<typeof occurrenceSchema>

export const CALENDAR_ENTRY_KINDS = ['reminder', 'duty', 'holiday', 'quiet', 'birthday'] as const
export type CalendarEntryKind = (typeof CALENDAR_ENTRY_KINDS)[number]

export const DUTY_KINDS = ['contact_due', 'executive_dialogue', 'owner_missing'] as const
export type DutyKind = (typeof DUTY_KINDS)[number]

export const calendarEntrySchema = z.object({
  date: z.string(),
  /** Last day, inclusive, for ranges (quiet periods, holidays of several days). */
  end: z.string().optional(),
  kind: z.enum(CALENDAR_ENTRY_KINDS),
  title: z.string(),
  customerId: z.string().optional(),
  contactId: z.string().optional(),
  country: z.string().optional(),
  overdue: z.boolean().optional(),
  /** reminder: its id and the occurrence date actions name; its type, state and time. */
  reminderId: z.string().optional(),
  occurrence: z.string().optional(),
  reminderKind: z.enum(REMINDER_KINDS).optional(),
  state: z.enum(OCCURRENCE_STATES).optional(),
  time: z.string().nullable().optional(),
  /** duty: which one. quiet: its kind, for the legend and the meaning. */
  dutyKind: z.enum(DUTY_KINDS).optional(),
  quietKind: z.string().optional(),
  /** holiday: how many customers (not opted out) are in its country. */
  customers: z.number().optional(),
  /** holiday: its kind (a greeting's template and lead time follow it). */
  holidayKind: z.enum(HOLIDAY_KINDS).optional(),
})
export type CalendarEntry = z.infer<typeof calendarEntrySchema>

const calendarQueryFields = z.object({
  from: isoDate,
  to: isoDate,
  lang: z.enum(['zh', 'fr', 'en']),
  owner: z.string().max(200).nullish(),
  tiers: z
    .array(z.enum(['key', 'mid', 'small', 'ordinary']))
    .max(4)
    .optional(),
  kinds: z.array(z.enum(CALENDAR_ENTRY_KINDS)).max(5).optional(),
  countries: z.array(z.string().length(2)).max(300).optional(),
})
// A year and a bit at most: a month view, a week, an agenda, an export of the year ahead.
const withinAYear = (q: { from: string; to: string }) =>
  q.from <= q.to && Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000

/** calendar:ics: a date range with the filters of the calendar screen. */
export const calendarQuerySchema = calendarQueryFields.refine(withinAYear, {
  error: 'invalid_range',
  path: ['to'],
})

/**
 * calendar:range: the same, and optionally at most `perDay` reminders, duties and birthdays a day
 * (in that order), the rest counted per day: a day of a 100k-customer base holds thousands, more
 * than any view shows or than the answer should carry.
 */
export const calendarRangeSchema = calendarQueryFields
  .extend({ perDay: z.number().int().min(1).max(500).optional() })
  .refine(withinAYear, { error: 'invalid_range', path: ['to'] })

/** What a month grid's day asks for: it shows three entries and "+N more". */
export const MONTH_PER_DAY = 3
/** What a day of the week grid and of the agenda asks for before "+N more". */
export const WEEK_PER_DAY = 20
/** A day shown in full from the agenda; beyond this, a filter narrows it. */
export const DAY_IN_FULL = 500

/** The kinds `perDay` caps: one per customer or contact, thousands a day at scale. */
export const PER_DAY_KINDS = ['reminder', 'duty', 'birthday'] as const

export const calendarRangeResultSchema = z.object({
  entries: z.array(calendarEntrySchema),
  /** With perDay: per day (YYYY-MM-DD), how many reminders, duties and birthdays were left out. */
  hidden: z.record(z.string(), z.number()).optional(),
})
export type CalendarRangeResult = z.infer<typeof calendarRangeResultSchema>
export type CalendarQueryInput = z.input<typeof calendarQuerySchema>
