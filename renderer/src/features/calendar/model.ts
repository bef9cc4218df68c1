// The calendar screen's dates and entries as data: the days a view shows, the range it asks main
// for, and the entries laid out per day. Pure (no DOM, no React): calendar dates are YYYY-MM-DD
// strings handled on UTC midnights, where no daylight-saving change can move a day.
import type { CalendarEntry } from '../../../../shared/reminders'

export type CalendarView = 'month' | 'week' | 'agenda'
export const CALENDAR_VIEWS: CalendarView[] = ['month', 'week', 'agenda']

/** Days the agenda lists from its first day. */
export const AGENDA_DAYS = 30

const DAY = 86_400_000
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`)
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export const addDays = (date: string, days: number) => iso(utc(date) + days * DAY)
export const daysBetween = (a: string, b: string) => Math.round((utc(b) - utc(a)) / DAY)
/** 0 Sunday … 6 Saturday. */
export const weekdayOf = (date: string) => new Date(utc(date)).getUTCDay()
export const monthOf = (date: string) => date.slice(0, 7)

/** The first day of the week holding `date`, weeks starting on `firstDay` (0 Sunday, 1 Monday). */
export function startOfWeek(date: string, firstDay: 0 | 1): string {
  return addDays(date, -((weekdayOf(date) - firstDay + 7) % 7))
}

/** `date` moved by whole months, on the month's last day when the day does not exist. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** The days a view shows around `anchor`: whole weeks for a month, one week, or the agenda's days. */
export function viewDays(view: CalendarView, anchor: string, firstDay: 0 | 1): string[] {
  let first: string
  let count: number
  if (view === 'month') {
    const monthStart = `${monthOf(anchor)}-01`
    first = startOfWeek(monthStart, firstDay)
    const last = addDays(addMonths(monthStart, 1), -1)
    count = Math.ceil((daysBetween(first, last) + 1) / 7) * 7
  } else if (view === 'week') {
    first = startOfWeek(anchor, firstDay)
    count = 7
  } else {
    first = anchor
    count = AGENDA_DAYS
  }
  return Array.from({ length: count }, (_, i) => addDays(first, i))
}

/** Where "previous" and "next" take the anchor. */
export function stepAnchor(view: CalendarView, anchor: string, step: 1 | -1): string {
  if (view === 'month') return addMonths(`${monthOf(anchor)}-01`, step)
  return addDays(anchor, step * (view === 'week' ? 7 : AGENDA_DAYS))
}

/** An entry that lasts several days (quiet periods, holidays of several days): shown as a band. */
export const isRange = (e: CalendarEntry) => Boolean(e.end && e.end > e.date)

/**
 * One entry for what several countries share: the same quiet period or holiday, with the same
 * dates and title, in Saudi Arabia and the Emirates is one band naming both countries.
 */
export type ShownEntry = CalendarEntry & { countries: string[]; key: string }

export function mergeShared(entries: CalendarEntry[]): ShownEntry[] {
  const out: ShownEntry[] = []
  const byKey = new Map<string, ShownEntry>()
  entries.forEach((e, i) => {
    const shared = e.kind === 'quiet' || e.kind === 'holiday'
    const key = shared
      ? `${e.kind}|${e.quietKind ?? ''}|${e.title}|${e.date}|${e.end ?? ''}`
      : `${e.kind}|${e.reminderId ?? ''}|${e.occurrence ?? ''}|${e.dutyKind ?? ''}|${e.customerId ?? ''}|${e.contactId ?? ''}|${e.date}|${i}`
    const seen = shared ? byKey.get(key) : undefined
    if (seen) {
      if (e.country && !seen.countries.includes(e.country)) seen.countries.push(e.country)
      if (e.customers !== undefined) seen.customers = (seen.customers ?? 0) + e.customers
      return
    }
    const shown: ShownEntry = { ...e, countries: e.country ? [e.country] : [], key }
    byKey.set(key, shown)
    out.push(shown)
  })
  return out
}

/** The entries of each shown day: one-day entries, and the bands crossing it. */
export function byDay(entries: ShownEntry[], days: string[]) {
  const map = new Map<string, { single: ShownEntry[]; bands: ShownEntry[] }>()
  for (const d of days) map.set(d, { single: [], bands: [] })
  const first = days[0]
  const last = days.at(-1)
  if (!first || !last) return map
  for (const e of entries) {
    if (isRange(e)) {
      const from = e.date < first ? first : e.date
      const to = e.end! > last ? last : e.end!
      for (let d = from; d <= to; d = addDays(d, 1)) map.get(d)?.bands.push(e)
    } else {
      map.get(e.date)?.single.push(e)
    }
  }
  return map
}
