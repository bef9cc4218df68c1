// The calendar (R5): reminders' occurrences, the service duties the tier policy owes (R2), the
// holidays and quiet periods of the countries customers are in (R3) and contacts' birthdays, for
// a date range, with titles in the reader's language. Reads only: duties, holidays and birthdays
// are computed from facts on each read, never stored as reminders.
import type { Db } from '../../db/connection'
import type { Repositories } from '../../repositories'
import type {
  CalendarEntry,
  CalendarEntryKind,
  Reminder,
  ReminderEvent,
  ReminderKind,
  DutyKind,
} from '../../../../shared/reminders'
import type { ValueTier } from '../../../../shared/tiering'
import { holidayTitle } from '../../../../shared/holidays'
import { holidaysOf, quietPeriodsOf, addDays } from '../../core/holidays'
import { occurrences } from '../../core/recurrence'
import { exportLabels } from '../groups/export-labels'
import { toEvent, toReminder } from './repository'
import type { UiLanguage } from '../../../../shared/vocabulary'

export type CalendarQuery = {
  from: string
  to: string
  lang: UiLanguage
  owner?: string | null
  tiers?: ValueTier[]
  kinds?: CalendarEntryKind[]
  countries?: string[]
}

export const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''))

/** Customers the filters keep, as a SQL condition on `c` (customers) and `t` (customer_tiers). */
export function customerFilter(q: CalendarQuery): { sql: string; params: unknown[] } {
  const parts = ['c.deleted_at IS NULL']
  const params: unknown[] = []
  if (q.owner) {
    parts.push('c.owner = ?')
    params.push(q.owner)
  }
  if (q.tiers?.length) {
    parts.push(`t.tier IN (${q.tiers.map(() => '?').join(', ')})`)
    params.push(...q.tiers)
  }
  if (q.countries?.length) {
    parts.push(`c.country IN (${q.countries.map(() => '?').join(', ')})`)
    params.push(...q.countries)
  }
  return { sql: parts.join(' AND '), params }
}

const FROM = 'FROM customers c LEFT JOIN customer_tiers t ON t.customer_id = c.id'

export function calendarRange(
  r: Pick<Repositories, 'db' | 'policies' | 'today'>,
  q: CalendarQuery,
): CalendarEntry[] {
  const wants = (k: CalendarEntryKind) => !q.kinds?.length || q.kinds.includes(k)
  const labels = exportLabels(q.lang)
  const today = r.today()
  // concat, not push(...): a busy range holds more entries than a call's arguments may.
  const out = ([] as CalendarEntry[]).concat(
    wants('reminder') ? reminderEntries(r.db, q, labels.t, today) : [],
    wants('duty') ? dutyEntries(r.db, q, labels.t, today) : [],
    wants('holiday') || wants('quiet') ? countryEntries(r.db, q, wants, labels) : [],
    wants('birthday') ? birthdayEntries(r.db, q, labels.t) : [],
  )
  return sortEntries(out, { quiet: 0, holiday: 1, birthday: 2, duty: 3, reminder: 4 })
}

/** By day; within a day by the kinds' `rank`, then by time and title. */
export function sortEntries(
  entries: CalendarEntry[],
  rank: Record<CalendarEntryKind, number>,
): CalendarEntry[] {
  return entries.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      rank[a.kind] - rank[b.kind] ||
      (a.time ?? '').localeCompare(b.time ?? '') ||
      a.title.localeCompare(b.title),
  )
}

/**
 * The reminders the filters keep that may have an occurrence in [from, to] — recurring ones started
 * by its end, single ones due in it, any with an occurrence moved into it — with their events.
 */
export function remindersInRange(
  db: Db,
  q: CalendarQuery,
): {
  reminder: Reminder
  events: ReminderEvent[]
  customerName: string
  country: string | null
  owner: string | null
  tier: ValueTier
}[] {
  const f = customerFilter(q)
  const rows = db
    .prepare(
      `SELECT r.*, c.display_name AS customer_name, c.country AS customer_country, c.owner AS customer_owner,
         coalesce(t.tier, 'ordinary') AS customer_tier
       FROM reminders r CROSS JOIN customers c ON c.id = r.customer_id
       LEFT JOIN customer_tiers t ON t.customer_id = c.id
       WHERE +r.deleted_at IS NULL AND ${f.sql}
         AND r.id IN (
           -- Three index searches (migration 0018): the repeating ones started by the range's
           -- end, the single ones due in it, and any occurrence moved into it, then each one by
           -- its id (+: not by deleted_at). As one OR the planner read every live reminder.
           -- CROSS JOIN keeps reminders first: with few reminders (or no statistics) the planner
           -- otherwise walked all live customers and looked up each one's reminders.
           SELECT id FROM reminders INDEXED BY reminders_recurring
             WHERE rrule IS NOT NULL AND deleted_at IS NULL AND due_date <= ?
           UNION ALL SELECT id FROM reminders WHERE deleted_at IS NULL AND due_date BETWEEN ? AND ?
           UNION ALL SELECT reminder_id FROM reminder_events
             WHERE to_date IS NOT NULL AND deleted_at IS NULL AND to_date BETWEEN ? AND ?)`,
    )
    .all(...f.params, q.to, q.from, q.to, q.from, q.to) as (Parameters<typeof toReminder>[0] & {
    customer_name: string
    customer_country: string | null
    customer_owner: string | null
    customer_tier: ValueTier
  })[]
  // Every selected reminder's events in one query: one per reminder was tens of thousands of
  // queries for a month at 100k customers.
  const byReminder = new Map<string, ReminderEvent[]>()
  const events = db
    .prepare(
      `SELECT * FROM reminder_events
       WHERE reminder_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
    )
    .all(JSON.stringify(rows.map((row) => row.id))) as Parameters<typeof toEvent>[0][]
  for (const e of events) {
    const event = toEvent(e)
    const list = byReminder.get(event.reminderId)
    if (list) list.push(event)
    else byReminder.set(event.reminderId, [event])
  }
  return rows.map((row) => ({
    reminder: toReminder(row),
    events: byReminder.get(row.id) ?? [],
    customerName: row.customer_name,
    country: row.customer_country,
    owner: row.customer_owner,
    tier: row.customer_tier,
  }))
}

/** A reminder's title: its type and its customer, in the reader's language. */
export function reminderTitle(t: (k: string) => string, kind: ReminderKind, customer: string): string {
  return fill(t('calendar.entry.reminder'), { kind: t(`calendar.reminderKind.${kind}`), customer })
}

function reminderEntries(db: Db, q: CalendarQuery, t: (k: string) => string, today: string): CalendarEntry[] {
  const out: CalendarEntry[] = []
  for (const { reminder, events, customerName, country } of remindersInRange(db, q)) {
    for (const o of occurrences(reminder, events, q.from, q.to, today)) {
      out.push({
        date: o.date,
        kind: 'reminder',
        title: reminderTitle(t, reminder.kind, customerName),
        customerId: reminder.customerId,
        ...(reminder.contactId ? { contactId: reminder.contactId } : {}),
        ...(country ? { country } : {}),
        overdue: o.overdue,
        reminderId: reminder.id,
        occurrence: o.occurrence,
        reminderKind: reminder.kind,
        state: o.state,
        time: o.time,
      })
    }
  }
  return out
}

/**
 * Service duties (R2, T5) from the derived customer_duties table (kept by triggers, see
 * features/reminders/duties.ts): the next contact due (last contact + the tier's cadence), the
 * next executive dialogue (last meeting or visit + the tier's period), and an owner missing,
 * shown on today.
 */
function dutyEntries(db: Db, q: CalendarQuery, t: (k: string) => string, today: string): CalendarEntry[] {
  const f = customerFilter(q)
  // Duties in the range first, by their due-date index (CROSS JOIN fixes the order): the planner,
  // without statistics, walked every live customer instead.
  const rows = db
    .prepare(
      `SELECT d.customer_id AS id, d.kind, d.due_date, c.display_name AS name, c.country
       FROM customer_duties d CROSS JOIN customers c ON c.id = d.customer_id
       LEFT JOIN customer_tiers t ON t.customer_id = c.id
       WHERE (d.due_date BETWEEN ? AND ? OR (d.due_date IS NULL AND ? BETWEEN ? AND ?)) AND ${f.sql}`,
    )
    .all(q.from, q.to, today, q.from, q.to, ...f.params) as {
    id: string
    kind: DutyKind
    due_date: string | null
    name: string
    country: string | null
  }[]
  return rows.map((c) => {
    const date = c.due_date ?? today
    return {
      date,
      kind: 'duty' as const,
      dutyKind: c.kind,
      title: fill(t(`calendar.duty.${c.kind}`), { customer: c.name }),
      customerId: c.id,
      ...(c.country ? { country: c.country } : {}),
      overdue: date < today,
    }
  })
}

export function countryEntries(
  db: Db,
  q: CalendarQuery,
  wants: (k: CalendarEntryKind) => boolean,
  labels: ReturnType<typeof exportLabels>,
): CalendarEntry[] {
  const countries = countriesInView(db, q)
  const out: CalendarEntry[] = []
  const firstYear = Number(q.from.slice(0, 4))
  const lastYear = Number(q.to.slice(0, 4))
  const name = (code: string) => labels.country(code) ?? code
  for (const { country, greeted } of countries) {
    for (let year = firstYear; year <= lastYear; year++) {
      if (wants('holiday') && greeted > 0) {
        // By date: the ones after the range end the loop (thousands a year over 120 countries).
        for (const h of holidaysOf(country, year)) {
          if (h.date > q.to) break
          const end = h.days > 1 ? addDays(h.date, h.days - 1) : h.date
          if (end < q.from) continue
          out.push({
            date: h.date,
            ...(h.days > 1 ? { end } : {}),
            kind: 'holiday',
            title: holidayTitle(
              h,
              q.lang,
              (k, o) => fill(labels.t(k), (o ?? {}) as Record<string, string>),
              name,
            ),
            country,
            customers: greeted,
            holidayKind: h.kind,
          })
        }
      }
      if (wants('quiet')) {
        for (const p of quietPeriodsOf(country, year)) {
          if (p.to < q.from || p.from > q.to) continue
          // A period across New Year belongs to both years' lists: once is enough.
          const seen = out.some(
            (e) => e.kind === 'quiet' && e.country === country && e.quietKind === p.kind && e.date === p.from,
          )
          if (seen) continue
          out.push({
            date: p.from,
            end: p.to,
            kind: 'quiet',
            quietKind: p.kind,
            title: labels.t(`calendar.quiet.${p.kind}.name`),
            country,
          })
        }
      }
    }
  }
  return out
}

/**
 * The countries with customers the filters keep, with how many of them get greetings (customers
 * excluded from holiday care still make a country's quiet periods matter). Without an owner filter
 * the live customers per country come from the dashboard's cells (a few thousand rows for 100k
 * customers, migrations/0010) less the few excluded (a partial index); an owner reads customers.
 */
function countriesInView(db: Db, q: CalendarQuery): { country: string; greeted: number }[] {
  if (q.owner) {
    const f = customerFilter(q)
    return db
      .prepare(
        `SELECT c.country, sum(c.holiday_opt_out = 0) AS greeted ${FROM}
         WHERE ${f.sql} AND c.country IS NOT NULL GROUP BY c.country`,
      )
      .all(...f.params) as { country: string; greeted: number }[]
  }
  const tiers = q.tiers?.length ? q.tiers : null
  const countries = q.countries?.length ? q.countries : null
  const marks = (list: readonly unknown[]) => list.map(() => '?').join(', ')
  const live = db
    .prepare(
      `SELECT country, sum(n) AS n FROM dashboard_cells WHERE country <> ''
       ${tiers ? `AND tier IN (${marks(tiers)})` : ''} ${countries ? `AND country IN (${marks(countries)})` : ''}
       GROUP BY country HAVING sum(n) > 0`,
    )
    .all(...(tiers ?? []), ...(countries ?? [])) as { country: string; n: number }[]
  const excluded = new Map(
    (
      db
        .prepare(
          // INDEXED BY: with statistics gathered before this index existed, the planner took
          // the (deleted_at, country) index and read every live customer (80 ms at 100k).
          `SELECT c.country, count(*) AS n FROM customers c INDEXED BY customers_opted_out
           ${tiers ? `JOIN customer_tiers t ON t.customer_id = c.id AND t.tier IN (${marks(tiers)})` : ''}
           WHERE c.deleted_at IS NULL AND c.holiday_opt_out = 1 AND c.country IS NOT NULL GROUP BY c.country`,
        )
        .all(...(tiers ?? [])) as { country: string; n: number }[]
    ).map((row) => [row.country, row.n]),
  )
  return live.map((row) => ({ country: row.country, greeted: row.n - (excluded.get(row.country) ?? 0) }))
}

function birthdayEntries(db: Db, q: CalendarQuery, t: (k: string) => string): CalendarEntry[] {
  const f = customerFilter(q)
  // Only the birthdays whose month and day fall in the range, per year it spans (a superset the
  // loop below narrows): reading every contact's birthday for a week's view cost a scan and an
  // object per contact (300k in tests/bench/calendar-bench.ts). A 29 February birthday shows on
  // the 28th in common years, so a range holding the 28th takes the 29th too.
  const md = (date: string) => Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10))
  const spans: [number, number][] = []
  for (let year = Number(q.from.slice(0, 4)); year <= Number(q.to.slice(0, 4)); year++) {
    const lo = year === Number(q.from.slice(0, 4)) ? md(q.from) : 101
    const hi = year === Number(q.to.slice(0, 4)) ? md(q.to) : 1231
    spans.push([lo, lo <= 228 && hi >= 228 ? Math.max(hi, 229) : hi])
  }
  const within = spans.map(() => '(k.birthday_month * 100 + k.birthday_day) BETWEEN ? AND ?').join(' OR ')
  // Birthdays first, by their index (migration 0018), then their customers: CROSS JOIN fixes the
  // order, which the planner otherwise chose the other way round (every live customer).
  const rows = db
    .prepare(
      `SELECT k.id, k.name, k.birthday_month AS month, k.birthday_day AS day, c.id AS customer_id,
         c.display_name AS customer, c.country
       FROM contacts k CROSS JOIN customers c ON c.id = k.customer_id LEFT JOIN customer_tiers t ON t.customer_id = c.id
       WHERE k.deleted_at IS NULL AND k.birthday_month IS NOT NULL AND k.birthday_day IS NOT NULL
         AND (${within}) AND c.holiday_opt_out = 0 AND ${f.sql}`,
    )
    .all(...spans.flat(), ...f.params) as {
    id: string
    name: string
    month: number
    day: number
    customer_id: string
    customer: string
    country: string | null
  }[]
  const out: CalendarEntry[] = []
  for (let year = Number(q.from.slice(0, 4)); year <= Number(q.to.slice(0, 4)); year++) {
    const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1
    for (const k of rows) {
      // A 29 February birthday is greeted on the 28th in common years.
      const day = k.month === 2 && k.day === 29 && !leap ? 28 : k.day
      const date = `${year}-${String(k.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
      if (date < q.from || date > q.to) continue
      out.push({
        date,
        kind: 'birthday',
        title: fill(t('calendar.entry.birthday'), { contact: k.name, customer: k.customer }),
        customerId: k.customer_id,
        contactId: k.id,
        ...(k.country ? { country: k.country } : {}),
      })
    }
  }
  return out
}
