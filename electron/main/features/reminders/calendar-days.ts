// calendar:range with `perDay` (issue 12 §8): what a month, a week or the agenda shows — every
// holiday and quiet period, and per day at most `perDay` reminders, duties and birthdays (in that
// order: the user's own work first), the rest counted. A day of a 100k-customer base holds a
// couple of thousand of these; listing them all cost seconds and tens of megabytes.
//
// Inside the horizon of reminder_occurrences each day is a few index reads: counts from the date
// (and birthday) indexes, and the first few rows of each kind. Outside it (or before the first
// fill) the full answer is computed from the rules and cut to the same shape.
import type { Db } from '../../db/connection'
import { prepared } from '../../db/prepared'
import type { Repositories } from '../../repositories'
import type { CalendarEntry, CalendarRangeResult, DutyKind, ReminderKind } from '../../../../shared/reminders'
import { PER_DAY_KINDS } from '../../../../shared/reminders'
import { addDays } from '../../core/holidays'
import { exportLabels } from '../groups/export-labels'
import type { CalendarQuery } from './calendar'
import { calendarRange, countryEntries, customerFilter, fill, reminderTitle, sortEntries } from './calendar'

type PerDayKind = (typeof PER_DAY_KINDS)[number]
type Reader = Pick<Repositories, 'db' | 'policies' | 'today' | 'occurrences'>

export function calendarDays(r: Reader, q: CalendarQuery, perDay: number): CalendarRangeResult {
  const wants = (k: CalendarEntry['kind']) => !q.kinds?.length || q.kinds.includes(k)
  const personal = PER_DAY_KINDS.filter(wants)
  const shared = (['holiday', 'quiet'] as const).filter(wants)
  const labels = exportLabels(q.lang)
  const bands = shared.length
    ? countryEntries(r.db, q, (k) => (shared as readonly string[]).includes(k), labels)
    : []
  const hidden: Record<string, number> = {}
  let entries: CalendarEntry[]
  if (personal.length === 0) entries = []
  else if (r.occurrences.covers(q.from, q.to))
    entries = fromIndexes(r.db, q, personal, perDay, r.today(), labels.t, hidden)
  else entries = cut(calendarRange(r, { ...q, kinds: personal }), personal, perDay, hidden)
  return { entries: sortEntries([...bands, ...entries], RANK), hidden }
}

// Bands and holidays first, then the user's own work: reminders, duties, birthdays.
const RANK: Record<CalendarEntry['kind'], number> = {
  quiet: 0,
  holiday: 1,
  reminder: 2,
  duty: 3,
  birthday: 4,
}

/** A full answer cut to `perDay` a day, in the kinds' order, the rest counted in `hidden`. */
function cut(
  all: CalendarEntry[],
  kinds: readonly PerDayKind[],
  perDay: number,
  hidden: Record<string, number>,
): CalendarEntry[] {
  const byDay = new Map<string, CalendarEntry[]>()
  for (const e of all) {
    const list = byDay.get(e.date)
    if (list) list.push(e)
    else byDay.set(e.date, [e])
  }
  const out: CalendarEntry[] = []
  for (const [day, list] of byDay) {
    const ordered = kinds.flatMap((k) => list.filter((e) => e.kind === k))
    out.push(...ordered.slice(0, perDay))
    if (ordered.length > perDay) hidden[day] = ordered.length - perDay
  }
  return out
}

/**
 * Each day from the derived tables: reminder_occurrences by date, customer_duties by due date
 * (an owner missing is due today), contact_birthdays by month and day (29 February on the 28th
 * in common years). Without filters the counts read only an index; a filter joins the customer.
 */
function fromIndexes(
  db: Db,
  q: CalendarQuery,
  kinds: readonly PerDayKind[],
  perDay: number,
  today: string,
  t: (k: string) => string,
  hidden: Record<string, number>,
): CalendarEntry[] {
  const filtered = Boolean(q.owner || q.tiers?.length || q.countries?.length)
  const f = customerFilter(q)
  const where = filtered ? `AND ${f.sql}` : ''
  const customer = (key: string) =>
    `CROSS JOIN customers c ON c.id = ${key} LEFT JOIN customer_tiers t ON t.customer_id = c.id`
  const joinIfFiltered = (key: string) => (filtered ? customer(key) : '')

  const reminders = {
    count: prepared(
      db,
      `SELECT count(*) FROM reminder_occurrences o ${joinIfFiltered('o.customer_id')} WHERE o.date = ? ${where}`,
    ).pluck(),
    list: prepared(
      db,
      `SELECT o.reminder_id, o.occurrence, o.date, o.time, o.state, o.customer_id,
         r.kind, r.contact_id, c.display_name, c.country
       FROM reminder_occurrences o CROSS JOIN reminders r ON r.id = o.reminder_id ${customer('o.customer_id')}
       WHERE o.date = ? ${where} ORDER BY o.time LIMIT ?`,
    ),
  }
  const duties = {
    count: prepared(
      db,
      `SELECT count(*) FROM customer_duties d ${joinIfFiltered('d.customer_id')} WHERE d.due_date = ? ${where}`,
    ).pluck(),
    countNow: prepared(
      db,
      `SELECT count(*) FROM customer_duties d ${joinIfFiltered('d.customer_id')} WHERE d.due_date IS NULL ${where}`,
    ).pluck(),
    list: prepared(
      db,
      `SELECT d.customer_id, d.kind, c.display_name, c.country FROM customer_duties d ${customer('d.customer_id')}
       WHERE d.due_date = ? ${where} LIMIT ?`,
    ),
    listNow: prepared(
      db,
      `SELECT d.customer_id, d.kind, c.display_name, c.country FROM customer_duties d ${customer('d.customer_id')}
       WHERE d.due_date IS NULL ${where} LIMIT ?`,
    ),
  }
  const birthdays = {
    count: prepared(
      db,
      `SELECT count(*) FROM contact_birthdays b ${joinIfFiltered('b.customer_id')} WHERE b.md = ? ${where}`,
    ).pluck(),
    list: prepared(
      db,
      `SELECT b.contact_id, k.name, c.id AS customer_id, c.display_name, c.country
       FROM contact_birthdays b CROSS JOIN contacts k ON k.id = b.contact_id ${customer('b.customer_id')}
       WHERE b.md = ? ${where} ORDER BY b.md, b.tier LIMIT ?`,
    ),
  }
  const p = filtered ? f.params : []

  const out: CalendarEntry[] = []
  for (let day = q.from; day <= q.to; day = addDays(day, 1)) {
    let left = perDay
    let total = 0
    for (const kind of kinds) {
      if (kind === 'reminder') {
        total += reminders.count.get(day, ...p) as number
        if (left <= 0) continue
        const rows = reminders.list.all(day, ...p, left) as {
          reminder_id: string
          occurrence: string
          date: string
          time: string | null
          state: 'open' | 'done' | 'skipped'
          customer_id: string
          kind: ReminderKind
          contact_id: string | null
          display_name: string
          country: string | null
        }[]
        left -= rows.length
        for (const o of rows)
          out.push({
            date: o.date,
            kind: 'reminder',
            title: reminderTitle(t, o.kind, o.display_name),
            customerId: o.customer_id,
            ...(o.contact_id ? { contactId: o.contact_id } : {}),
            ...(o.country ? { country: o.country } : {}),
            overdue: o.state === 'open' && o.date < today,
            reminderId: o.reminder_id,
            occurrence: o.occurrence,
            reminderKind: o.kind,
            state: o.state,
            time: o.time,
          })
      } else if (kind === 'duty') {
        type DutyRow = { customer_id: string; kind: DutyKind; display_name: string; country: string | null }
        const now = day === today
        total += (duties.count.get(day, ...p) as number) + (now ? (duties.countNow.get(...p) as number) : 0)
        if (left <= 0) continue
        const rows = duties.list.all(day, ...p, left) as DutyRow[]
        if (now && rows.length < left)
          rows.push(...(duties.listNow.all(...p, left - rows.length) as DutyRow[]))
        left -= rows.length
        for (const d of rows)
          out.push({
            date: day,
            kind: 'duty',
            dutyKind: d.kind,
            title: fill(t(`calendar.duty.${d.kind}`), { customer: d.display_name }),
            customerId: d.customer_id,
            ...(d.country ? { country: d.country } : {}),
            overdue: day < today,
          })
      } else {
        for (const md of birthdayKeys(day)) {
          total += birthdays.count.get(md, ...p) as number
          if (left <= 0) continue
          const rows = birthdays.list.all(md, ...p, left) as {
            contact_id: string
            name: string
            customer_id: string
            display_name: string
            country: string | null
          }[]
          left -= rows.length
          for (const k of rows)
            out.push({
              date: day,
              kind: 'birthday',
              title: fill(t('calendar.entry.birthday'), { contact: k.name, customer: k.display_name }),
              customerId: k.customer_id,
              contactId: k.contact_id,
              ...(k.country ? { country: k.country } : {}),
            })
        }
      }
    }
    const shown = perDay - left
    if (total > shown) hidden[day] = total - shown
  }
  return out
}

/** The birthdays greeted on `day` (month * 100 + day): 29 February's too on the 28th of a common year. */
export function birthdayKeys(day: string): number[] {
  const month = Number(day.slice(5, 7))
  const date = Number(day.slice(8, 10))
  const key = month * 100 + date
  if (key !== 228) return [key]
  const year = Number(day.slice(0, 4))
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1
  return leap ? [key] : [key, 229]
}
