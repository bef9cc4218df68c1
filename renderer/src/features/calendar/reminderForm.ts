// The reminder form as data (fields, labels, the input main takes and its checks), apart from the
// dialog, like the other forms (see components/formErrors.ts).
import { reminderInputSchema } from '../../../../shared/reminders'
import type { Reminder, ReminderInput } from '../../../../shared/reminders'
import { buildRule, parseRule } from '../../../../shared/rrule-text'
import type { RulePreset } from '../../../../shared/rrule-text'
import { schemaIssues } from '../../components/formErrors'
import type { FormIssue, FormSpec } from '../../components/formErrors'

export type ReminderDraft = {
  customerId: string | null
  contactId: string | null
  kind: string | null
  dueDate: string
  dueTime: string
  /** The repeat as a preset; null while the reminder keeps a rule the presets cannot show. */
  preset: RulePreset | null
  /** That rule, kept as it is until another repeat is chosen. */
  keptRule: string | null
  note: string
  assignee: string
  /**
   * Carried through an edit unchanged: the zone a timed reminder's time is read in (a colleague's
   * 09:00 in Paris stays 09:00 Paris when edited in Shanghai) and the interaction it came from.
   */
  timeZone: string | null
  interactionId: string | null
}

export function draftOf(
  customerId: string | null,
  contactId: string | null,
  from: Partial<ReminderInput> | Reminder | undefined,
  today: string,
): ReminderDraft {
  const rule = from?.rrule ?? null
  const preset = parseRule(rule)
  return {
    customerId,
    contactId: from?.contactId ?? contactId,
    kind: from?.kind ?? 'follow_up',
    dueDate: from?.dueDate ?? today,
    dueTime: from?.dueTime ?? '',
    preset,
    keptRule: preset ? null : rule,
    note: from?.note ?? '',
    assignee: from?.assignee ?? '',
    timeZone: from?.timeZone ?? null,
    interactionId: from?.interactionId ?? null,
  }
}

export const ruleOfDraft = (d: ReminderDraft): string | null => (d.preset ? buildRule(d.preset) : d.keptRule)

export function toReminderInput(d: ReminderDraft): ReminderInput {
  return {
    kind: d.kind as ReminderInput['kind'],
    dueDate: d.dueDate,
    dueTime: d.dueTime.trim() || null,
    rrule: ruleOfDraft(d),
    contactId: d.contactId,
    note: d.note.trim() || null,
    assignee: d.assignee.trim() || null,
    timeZone: d.timeZone,
    interactionId: d.interactionId,
  }
}

const LABELS: Record<string, string> = {
  customerId: 'calendarui.field.customer',
  kind: 'calendarui.field.kind',
  dueDate: 'calendarui.field.dueDate',
  dueTime: 'calendarui.field.dueTime',
  rrule: 'calendarui.field.repeat',
  contactId: 'fields.contact',
  assignee: 'calendarui.field.assignee',
  note: 'calendarui.field.note',
}

export const reminderFormSpec: FormSpec<ReminderDraft> = {
  labels: LABELS,
  fieldOf: (path) => {
    const rest = path[0] === 'reminder' ? path.slice(1) : path
    return typeof rest[0] === 'string' && rest[0] in LABELS ? rest[0] : null
  },
  check: (d) => {
    const own: FormIssue[] = d.customerId ? [] : [{ field: 'customerId', code: 'required' }]
    // Interval and day of month come from number fields that may be emptied.
    const p = d.preset
    const badNumber =
      p &&
      (('interval' in p && !(Number.isInteger(p.interval) && p.interval >= 1 && p.interval <= 99)) ||
        (p.kind === 'monthlyDay' && !(Number.isInteger(p.day) && p.day >= 1 && p.day <= 31)))
    if (badNumber) own.push({ field: 'rrule', code: 'invalid_value' })
    return [
      ...own,
      ...schemaIssues(reminderInputSchema, toReminderInput(d), (path) => reminderFormSpec.fieldOf(path)),
    ]
  },
}
