// Reminders' occurrences as derived rows (issue 12 §8). Expanding thousands of repeat rules on each
// read cost seconds for a month of a 100k-customer base; the rows below are written once, when a
// reminder, one of its events or its customer is written (the reminders' derivation in
// derivations.ts, inside the write's transaction), and read from the date index.
//
// - reminder_occurrences: every occurrence of a live customer's live reminder whose date (after a
//   snooze or an edit) falls in the horizon in meta, with its state and the reminder's next
//   occurrence date. The horizon is set by the job that fills the table (`rebuildAll`) and moved
//   forward by the daily pass; a range outside it (or before the first fill) is computed from the
//   rules as before (features/reminders/calendar.ts).
// - reminder_due: per reminder, what the Today view lists as of the day in meta: its latest
//   occurrence of the 92 days up to that day, when still open. The daily pass rebuilds it for the
//   new day; until then the Today view asks reminder_occurrences with the same conditions.
import { STREAM_HEAD } from '../../db/writer'
import type { Db } from '../../db/connection'
import type { ChangeTracker } from '../../db/changes'
import { metaRead, metaSet } from '../../db/device'
import type { Reminder, ReminderEvent } from '../../../../shared/reminders'
import { occurrences } from '../../core/recurrence'
import { addDays } from '../../core/holidays'
import { toEvent, toReminder } from './repository'

/** How far back the Today view looks for open occurrences. */
export const DUE_WINDOW_DAYS = 92
/** The horizon a fill covers around its day: a year back, and the longest range ahead plus a grid. */
const HORIZON_BACK = 400
const HORIZON_AHEAD = 450
/** The daily pass moves the horizon forward once less than this is left ahead of today. */
const HORIZON_MIN_AHEAD = 420

const HORIZON_KEY = 'occurrences.horizon'
const DUE_DAY_KEY = 'occurrences.day'

export type Horizon = { from: string; to: string }

type ReminderRow = Parameters<typeof toReminder>[0] & {
  deleted_at: string | null
  customer_live: number | null
}

export class ReminderOccurrences {
  private readonly q

  constructor(
    private readonly db: Db,
    private readonly changes?: ChangeTracker,
  ) {
    this.q = {
      reminder: db.prepare(
        `SELECT r.*, (SELECT c.deleted_at IS NULL FROM customers c WHERE c.id = r.customer_id) AS customer_live
         FROM reminders r WHERE r.id = ?`,
      ),
      events: db.prepare('SELECT * FROM reminder_events WHERE reminder_id = ? AND deleted_at IS NULL'),
      ofEvents: db
        .prepare(
          'SELECT DISTINCT reminder_id FROM reminder_events WHERE id IN (SELECT value FROM json_each(?))',
        )
        .pluck(),
      // Only a customer deleted, merged away or restored changes its reminders' rows: the live
      // reminders whose rows say otherwise (a customer's name or city edited re-expands nothing).
      ofCustomers: db
        .prepare(
          `SELECT r.id FROM reminders r JOIN customers c ON c.id = r.customer_id
           WHERE r.customer_id IN (SELECT value FROM json_each(?)) AND r.deleted_at IS NULL
             AND (c.deleted_at IS NULL) <> EXISTS (SELECT 1 FROM reminder_occurrences o WHERE o.reminder_id = r.id)`,
        )
        .pluck(),
      clear: db.prepare('DELETE FROM reminder_occurrences WHERE reminder_id = ?'),
      clearDue: db.prepare('DELETE FROM reminder_due WHERE reminder_id = ?'),
      insert: db.prepare(
        `INSERT INTO reminder_occurrences (reminder_id, occurrence, date, time, state, customer_id, next_date)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertDue: db.prepare(
        `INSERT INTO reminder_due (reminder_id, occurrence, date, customer_id, owner, tier)
         SELECT ?, ?, ?, c.id, c.owner, coalesce(t.tier, 'ordinary') FROM customers c
         LEFT JOIN customer_tiers t ON t.customer_id = c.id WHERE c.id = ?`,
      ),
    }
  }

  /** The dates the table covers, or null before the first fill. */
  horizon(): Horizon | null {
    const raw = metaRead(this.db, HORIZON_KEY)
    return raw ? (JSON.parse(raw) as Horizon) : null
  }

  /** Whether [from, to] can be read from the table. */
  covers(from: string, to: string): boolean {
    const h = this.horizon()
    return h !== null && from >= h.from && to <= h.to
  }

  /** The day reminder_due stands for, or null before the first fill. */
  dueDay(): string | null {
    return metaRead(this.db, DUE_DAY_KEY) ?? null
  }

  /** Rewrites the rows of these reminders (the derivation of a write to reminders). */
  refresh(reminderIds: Iterable<string>): void {
    const h = this.horizon()
    if (!h) return
    const day = this.dueDay()
    let wrote = false
    for (const id of reminderIds) wrote = this.write(id, h, day) || wrote
    if (wrote) this.changes?.touch('reminder_occurrences', 'reminder_due', 'reminder_due_counts')
  }

  /** The derivation of a write to reminder_events (ids are event ids). */
  refreshEvents(eventIds: readonly string[]): void {
    if (!this.horizon()) return
    this.refresh(this.q.ofEvents.all(JSON.stringify(eventIds)) as string[])
  }

  /** The derivation of a write to customers: a deleted customer's reminders leave, a restored one's return. */
  refreshCustomers(customerIds: readonly string[]): void {
    if (!this.horizon()) return
    this.refresh(this.q.ofCustomers.all(JSON.stringify(customerIds)) as string[])
  }

  private write(id: string, h: Horizon, day: string | null): boolean {
    const cleared = this.q.clear.run(id).changes + this.q.clearDue.run(id).changes
    const row = this.q.reminder.get(id) as ReminderRow | undefined
    if (!row || row.deleted_at !== null || row.customer_live !== 1 || !row.due_date) return cleared > 0
    const reminder = toReminder(row)
    const events = (this.q.events.all(id) as Parameters<typeof toEvent>[0][]).map(toEvent)
    this.insertRows(reminder, events, h, day)
    return true
  }

  private insertRows(reminder: Reminder, events: ReminderEvent[], h: Horizon, day: string | null): number {
    // Ordered by date, then by the rule's date: the next one's date is the row's next_date, and
    // the Today view's occurrence as of a day is the one whose next_date is after that day.
    const list = occurrences(reminder, events, h.from, h.to, h.from).sort(
      (a, b) => a.date.localeCompare(b.date) || a.occurrence.localeCompare(b.occurrence),
    )
    list.forEach((o, i) => {
      const next = list[i + 1]?.date ?? null
      this.q.insert.run(reminder.id, o.occurrence, o.date, o.time, o.state, reminder.customerId, next)
      if (
        day &&
        o.state === 'open' &&
        o.date <= day &&
        o.date >= addDays(day, -DUE_WINDOW_DAYS) &&
        (next === null || next > day)
      )
        this.q.insertDue.run(reminder.id, o.occurrence, o.date, reminder.customerId)
    })
    return list.length
  }

  /**
   * Fills both tables for a horizon around `today`, in batches each committed whole (a job in the
   * worker): the horizon is recorded with the last batch, so an interrupted fill leaves the
   * readers on the rules, and runs again from the start. Writes made meanwhile by the main process
   * (which skips this derivation while no horizon is recorded) are caught up from the change log
   * in the last batch.
   */
  async rebuildAll(today: string, progress?: (done: number, total: number) => void): Promise<number> {
    let rows = 0
    for (const step of this.fill(today)) {
      rows = step.rows
      progress?.(step.done, step.total)
      // Lets the worker answer between batches.
      await new Promise((resolve) => setImmediate(resolve))
    }
    return rows
  }

  /** The same fill at once (a new or small base, at start; tests). */
  rebuildAllNow(today: string): number {
    let rows = 0
    for (const step of this.fill(today)) rows = step.rows
    return rows
  }

  private *fill(today: string): Generator<{ done: number; total: number; rows: number }> {
    const h: Horizon = { from: addDays(today, -HORIZON_BACK), to: addDays(today, HORIZON_AHEAD) }
    const seq = this.db.prepare(STREAM_HEAD).pluck().get() as number
    const ids = this.db
      .prepare(
        `SELECT r.id FROM reminders r JOIN customers c ON c.id = r.customer_id
         WHERE r.deleted_at IS NULL AND c.deleted_at IS NULL AND r.due_date IS NOT NULL
           AND (r.rrule IS NOT NULL AND r.due_date <= :to OR r.due_date BETWEEN :from AND :to
             OR r.id IN (SELECT reminder_id FROM reminder_events WHERE to_date IS NOT NULL AND deleted_at IS NULL))`,
      )
      .pluck()
      .all(h) as string[]
    const reminders = this.db.prepare('SELECT * FROM reminders WHERE id IN (SELECT value FROM json_each(?))')
    const events = this.db.prepare(
      'SELECT * FROM reminder_events WHERE reminder_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL',
    )
    const BATCH = 2000
    let rows = 0
    // The horizon is forgotten first: a reader between batches would see a partial table.
    this.db.transaction(() => {
      metaSet(this.db, HORIZON_KEY, '')
      this.db.exec('DELETE FROM reminder_occurrences; DELETE FROM reminder_due')
    })()
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = JSON.stringify(ids.slice(i, i + BATCH))
      this.db.transaction(() => {
        const byReminder = new Map<string, ReminderEvent[]>()
        for (const e of events.all(batch) as Parameters<typeof toEvent>[0][]) {
          const event = toEvent(e)
          const list = byReminder.get(event.reminderId)
          if (list) list.push(event)
          else byReminder.set(event.reminderId, [event])
        }
        for (const r of reminders.all(batch) as Parameters<typeof toReminder>[0][]) {
          const reminder = toReminder(r)
          rows += this.insertRows(reminder, byReminder.get(reminder.id) ?? [], h, null)
        }
      })()
      yield { done: Math.min(i + BATCH, ids.length), total: ids.length, rows }
    }
    this.db.transaction(() => {
      const touched = this.db
        .prepare(
          // Written meanwhile: edits (the log) and new rows (their births, row stamps).
          `SELECT tbl, row_id FROM change_log WHERE seq > :seq AND tbl IN ('reminders', 'reminder_events', 'customers')
           UNION SELECT tbl, row_id FROM row_stamps WHERE seq > :seq AND tbl IN ('reminders', 'reminder_events', 'customers')`,
        )
        .all({ seq }) as { tbl: string; row_id: string }[]
      const of = (tbl: string) => touched.filter((t) => t.tbl === tbl).map((t) => t.row_id)
      const again = new Set([
        ...of('reminders'),
        ...(this.q.ofEvents.all(JSON.stringify(of('reminder_events'))) as string[]),
        ...(this.q.ofCustomers.all(JSON.stringify(of('customers'))) as string[]),
      ])
      for (const id of again) this.write(id, h, null)
      this.rebuildDueRows(today)
      metaSet(this.db, HORIZON_KEY, JSON.stringify(h))
    })()
    this.changes?.touch('reminder_occurrences', 'reminder_due', 'reminder_due_counts', 'meta')
    yield { done: ids.length, total: ids.length, rows }
  }

  /** reminder_due as of `day`, from reminder_occurrences (the daily pass, when the date changes). */
  rebuildDue(day: string): void {
    this.db.transaction(() => this.rebuildDueRows(day))()
    this.changes?.touch('reminder_due', 'reminder_due_counts')
  }

  private rebuildDueRows(day: string): void {
    this.db.exec('DELETE FROM reminder_due')
    this.db
      .prepare(
        `INSERT INTO reminder_due (reminder_id, occurrence, date, customer_id, owner, tier)
         SELECT o.reminder_id, o.occurrence, o.date, o.customer_id, c.owner, coalesce(t.tier, 'ordinary')
         FROM reminder_occurrences o CROSS JOIN customers c ON c.id = o.customer_id
         LEFT JOIN customer_tiers t ON t.customer_id = o.customer_id
         WHERE o.date BETWEEN ? AND ? AND o.state = 'open' AND (o.next_date IS NULL OR o.next_date > ?)`,
      )
      .run(addDays(day, -DUE_WINDOW_DAYS), day, day)
    metaSet(this.db, DUE_DAY_KEY, day)
  }

  /** What the daily pass needs: a first fill, a horizon moved forward, or reminder_due for a new day. */
  dailyWork(today: string): 'fill' | 'due' | null {
    const h = this.horizon()
    if (!h || h.to < addDays(today, HORIZON_MIN_AHEAD) || today < h.from) return 'fill'
    return this.dueDay() === today ? null : 'due'
  }
}
