// Reminders (R1) through the write path: a reminder row, and one insert-only event row per thing
// done to an occurrence (done, skip, snooze, edit of this occurrence, reopen), so history is kept
// and two devices acting on different occurrences never overwrite each other.
import { newId } from '../../core/ids'
import type { Db } from '../../db/connection'
import type { SyncWriter } from '../../db/writer'
import { liveCustomerGuard } from '../../db/live'
import { AppFailure } from '../../../../shared/errors'
import type { IssueCode } from '../../../../shared/vocabulary'
import type {
  Occurrence,
  Reminder,
  ReminderAction,
  ReminderEvent,
  ReminderKind,
  ReminderValues,
} from '../../../../shared/reminders'
import { checkRule, isOccurrence, occurrences } from '../../core/recurrence'
import { isValidTimezone } from '../../core/geo'

type Row = {
  id: string
  customer_id: string
  contact_id: string | null
  kind: ReminderKind
  due_date: string
  due_time: string | null
  time_zone: string | null
  rrule: string | null
  note: string | null
  assignee: string | null
  interaction_id: string | null
  created_at: string
}
type EventRow = {
  id: string
  reminder_id: string
  occurrence: string
  action: ReminderAction
  to_date: string | null
  to_time: string | null
  note: string | null
  by: string | null
  at: string
}

const invalid = (field: string, code: IssueCode) =>
  new AppFailure('validation', [{ path: ['reminder', field], code }])

export class ReminderRepository {
  private readonly q
  private readonly requireCustomer: (customerId: string) => string

  constructor(
    db: Db,
    private readonly writer: SyncWriter,
    private readonly now: () => Date,
    private readonly today: () => string,
  ) {
    this.requireCustomer = liveCustomerGuard(db)
    this.q = {
      one: db.prepare('SELECT * FROM reminders WHERE id = ? AND deleted_at IS NULL'),
      ofCustomer: db.prepare('SELECT * FROM reminders WHERE customer_id = ? AND deleted_at IS NULL'),
      events: db.prepare(
        'SELECT * FROM reminder_events WHERE reminder_id = ? AND deleted_at IS NULL ORDER BY at, id',
      ),
      contactOf: db
        .prepare('SELECT 1 FROM contacts WHERE id = ? AND customer_id = ? AND deleted_at IS NULL')
        .pluck(),
      interactionOf: db
        .prepare('SELECT 1 FROM interactions WHERE id = ? AND customer_id = ? AND deleted_at IS NULL')
        .pluck(),
    }
  }

  /** Checks what zod cannot (the rule, the zone, the contact's customer) and gives the row's cells. */
  private cells(customerId: string, v: ReminderValues) {
    if (v.rrule) checkRule(v.rrule, v.dueDate)
    if (v.timeZone && !isValidTimezone(v.timeZone)) throw invalid('timeZone', 'invalid_timezone')
    // A contact or interaction of another customer would put the reminder on the wrong page.
    if (v.contactId && !this.q.contactOf.get(v.contactId, customerId))
      throw invalid('contactId', 'invalid_choice')
    if (v.interactionId && !this.q.interactionOf.get(v.interactionId, customerId))
      throw invalid('interactionId', 'invalid_choice')
    return {
      contact_id: v.contactId ?? null,
      kind: v.kind,
      due_date: v.dueDate,
      due_time: v.dueTime ?? null,
      // A time is read in a zone: the author's, unless one was given.
      time_zone: v.dueTime ? (v.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone) : null,
      rrule: v.rrule ?? null,
      note: v.note ?? null,
      assignee: v.assignee ?? null,
      interaction_id: v.interactionId ?? null,
    }
  }

  create(customerId: string, v: ReminderValues): Reminder {
    customerId = this.requireCustomer(customerId)
    const id = newId()
    const values = {
      customer_id: customerId,
      ...this.cells(customerId, v),
      created_at: this.now().toISOString(),
    }
    this.writer.write([{ table: 'reminders', id, values }])
    return this.get(id)
  }

  /** Changes the reminder itself: every occurrence not already moved or edited on its own. */
  update(id: string, v: ReminderValues): Reminder {
    const current = this.get(id)
    this.writer.write([{ table: 'reminders', id, values: this.cells(current.customerId, v) }])
    return this.get(id)
  }

  /**
   * Acts on one occurrence (its date as the rule gave it): done, skip, reopen, or snooze / edit
   * to `toDate` (and `toTime`, `note` for an edit of this occurrence only).
   */
  act(
    id: string,
    occurrence: string,
    action: ReminderAction,
    change: { toDate?: string | null; toTime?: string | null; note?: string | null } = {},
  ): Occurrence {
    const r = this.get(id)
    if (!isOccurrence(r, occurrence)) throw invalid('occurrence', 'not_an_occurrence')
    if (action === 'snooze' && !change.toDate) throw invalid('toDate', 'required')
    this.writer.write([
      {
        table: 'reminder_events',
        id: newId(),
        values: {
          reminder_id: id,
          occurrence,
          action,
          to_date: change.toDate ?? null,
          to_time: change.toTime ?? null,
          note: change.note ?? null,
          at: this.now().toISOString(),
        },
      },
    ])
    const events = this.events(id)
    const moved = events.filter((e) => e.occurrence === occurrence && e.toDate).at(-1)?.toDate ?? occurrence
    const found = occurrences(r, events, moved, moved, this.today()).find((o) => o.occurrence === occurrence)
    if (!found) throw new AppFailure('not_found')
    return found
  }

  delete(id: string): void {
    this.get(id)
    this.writer.write([{ table: 'reminders', id, values: { deleted_at: this.now().toISOString() } }])
  }

  get(id: string): Reminder {
    const row = this.q.one.get(id) as Row | undefined
    if (!row) throw new AppFailure('not_found')
    return toReminder(row)
  }

  events(id: string): ReminderEvent[] {
    return (this.q.events.all(id) as EventRow[]).map(toEvent)
  }

  ofCustomer(customerId: string): Reminder[] {
    return (this.q.ofCustomer.all(customerId) as Row[]).map(toReminder)
  }
}

export function toReminder(r: Row): Reminder {
  return {
    id: r.id,
    customerId: r.customer_id,
    contactId: r.contact_id,
    kind: r.kind,
    dueDate: r.due_date,
    dueTime: r.due_time,
    timeZone: r.time_zone,
    rrule: r.rrule,
    note: r.note,
    assignee: r.assignee,
    interactionId: r.interaction_id,
    createdAt: r.created_at,
  }
}

export function toEvent(e: EventRow): ReminderEvent {
  return {
    id: e.id,
    reminderId: e.reminder_id,
    occurrence: e.occurrence,
    action: e.action,
    toDate: e.to_date,
    toTime: e.to_time,
    note: e.note,
    by: e.by,
    at: e.at,
  }
}
