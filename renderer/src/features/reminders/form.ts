// The occurrence form as data (fields, labels, checks), apart from its dialog, and the date
// arithmetic the panel's snoozes use.
import type { FormIssue, FormSpec } from '../../components/formErrors'

/** `date` (YYYY-MM-DD) plus `days`, as a calendar date (no time zone can shift it). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
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
