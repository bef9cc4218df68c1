// The reminder forms as data (fields, labels, the input main takes and its checks), apart from the
// dialogs so the checks can be tested without a screen.
import { reminderInputSchema } from '../../../../shared/reminders'
import type { Reminder, ReminderInput, ReminderKind } from '../../../../shared/reminders'
import { schemaIssues } from '../../components/formErrors'
import type { FormIssue, FormSpec } from '../../components/formErrors'

/** `date` (YYYY-MM-DD) plus `days`, as a calendar date (no time zone can shift it). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export type ReminderDraft = {
  kind: string | null
  dueDate: string | null
  dueTime: string
  contactId: string | null
  note: string
}

/**
 * What reminders:create / reminders:update take. `keep` is the reminder being edited: what this
 * form does not show (its repeat rule, zone, assignee, interaction) stays as it was.
 */
export function toReminderInput(d: ReminderDraft, keep?: Reminder): ReminderInput {
  return {
    kind: d.kind as ReminderKind,
    dueDate: d.dueDate ?? '',
    dueTime: d.dueTime.trim() || null,
    contactId: d.contactId,
    note: d.note.trim() || null,
    rrule: keep?.rrule ?? null,
    timeZone: d.dueTime.trim() ? (keep?.timeZone ?? null) : null,
    assignee: keep?.assignee ?? null,
    interactionId: keep?.interactionId ?? null,
  }
}

const LABELS: Record<string, string> = {
  kind: 'reminders.fields.kind',
  dueDate: 'reminders.fields.dueDate',
  dueTime: 'reminders.fields.dueTime',
  contactId: 'reminders.fields.contactId',
  note: 'reminders.fields.note',
}

export const reminderFormSpec: FormSpec<ReminderDraft> = {
  labels: LABELS,
  fieldOf: (path) => {
    const rest = path[0] === 'reminder' ? path.slice(1) : path
    return typeof rest[0] === 'string' && rest[0] in LABELS ? rest[0] : null
  },
  check: (d) => schemaIssues(reminderInputSchema, toReminderInput(d), (p) => reminderFormSpec.fieldOf(p)),
}

/** One occurrence moved or edited alone: its new date, time and note (reminders:act edit / snooze). */
export type OccurrenceDraft = { toDate: string | null; toTime: string; note: string }

const OCCURRENCE_LABELS: Record<string, string> = {
  toDate: 'reminders.fields.toDate',
  toTime: 'reminders.fields.toTime',
  note: 'reminders.fields.note',
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

export const occurrenceFormSpec: FormSpec<OccurrenceDraft> = {
  labels: OCCURRENCE_LABELS,
  fieldOf: (path) => (typeof path[0] === 'string' && path[0] in OCCURRENCE_LABELS ? path[0] : null),
  check: (d) => {
    const issues: FormIssue[] = []
    if (!d.toDate) issues.push({ field: 'toDate', code: 'required' })
    if (d.toTime.trim() && !TIME.test(d.toTime.trim())) issues.push({ field: 'toTime', code: 'invalid_time' })
    if (d.note.trim().length > 2000) issues.push({ field: 'note', code: 'too_long' })
    return issues
  },
}
