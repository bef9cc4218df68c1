// The Today view (R5): what is overdue or due today — reminder occurrences, service duties,
// greetings for holidays and birthdays coming within their lead time — ranked by tier and by how
// late it is, each with the customer's local time and whether it is working hours there now, so
// the list can be sorted by "good time to call". Also the counts per owner and the holidays of the
// next 30 days in customers' countries (A1). Reads only.
import type { Repositories } from '../../repositories'
import type { UiLanguage } from '../../../../shared/vocabulary'
import type { TodayItem, TodayView } from '../../../../shared/today'
import { isGreeting } from '../../../../shared/today'
import type { ValueTier } from '../../../../shared/tiering'
import { TIER_RANK, tierRankSql } from '../../../../shared/tiering'
import type { HolidayKind } from '../../../../shared/holidays'
import { addDays } from '../../core/holidays'
import { deriveTimezone, weekendOf } from '../../core/geo'
import { occurrences } from '../../core/recurrence'
import { exportLabels } from '../groups/export-labels'
import { calendarRange, reminderTitle, remindersInRange } from './calendar'
import { leadDaysOf, readLeadDays } from '../greetings/settings'
import { GREETING_OCCASIONS, occasionOf } from '../../../../shared/greetings'

/** Items listed; the counts cover everything. */
const LISTED = 300
const DAY = 86_400_000
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY)

// Building an Intl formatter costs far more than using one: one per zone, kept.
const clockFormats = new Map<string, Intl.DateTimeFormat>()
// String.localeCompare builds its collation each call; sorting thousands of items took most of
// the view's time (tests/bench/calendar-bench.ts).
const byTitle = new Intl.Collator('en').compare

/** The wall-clock time in `zone` at `now`, its ISO weekday, and whether that is working hours. */
export function localClock(
  now: Date,
  zone: string,
  country: string | null,
): { time: string; working: boolean } {
  let format = clockFormats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    })
    clockFormats.set(zone, format)
  }
  const parts = format.formatToParts(now)
  const get = (t: string) => parts.find((p) => p.type === t)!.value
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1
  const hour = Number(get('hour'))
  // Working hours: 9–18 local on a day that is not the country's weekend (Friday–Saturday in
  // the Gulf, Sunday alone in India, Saturday–Sunday in most places).
  const working = !weekendOf(country).includes(weekday) && hour >= 9 && hour < 18
  return { time: `${get('hour')}:${get('minute')}`, working }
}

export function todayView(
  r: Pick<Repositories, 'db' | 'policies' | 'today' | 'now'>,
  lang: UiLanguage,
): TodayView {
  const today = r.today()
  const now = r.now()
  const labels = exportLabels(lang)
  const customers = r.db.prepare(
    `SELECT c.id, c.display_name, c.country, c.city, c.timezone, c.owner, coalesce(t.tier, 'ordinary') AS tier
     FROM customers c LEFT JOIN customer_tiers t ON t.customer_id = c.id WHERE c.id = ?`,
  )
  type C = {
    id: string
    display_name: string
    country: string | null
    city: string | null
    timezone: string | null
    owner: string | null
    tier: ValueTier
  }
  const cache = new Map<string, C | undefined>()
  const customer = (id: string) => {
    if (!cache.has(id)) cache.set(id, customers.get(id) as C | undefined)
    return cache.get(id)
  }
  // One clock per zone and country, one zone per country and city: a new Intl formatter per item cost
  // seconds over a few thousand items (tests/bench/calendar-bench.ts).
  const clocks = new Map<string, ReturnType<typeof localClock>>()
  const clockIn = (zone: string, country: string | null) => {
    const key = `${zone}|${country ?? ''}`
    let clock = clocks.get(key)
    if (!clock) clocks.set(key, (clock = localClock(now, zone, country)))
    return clock
  }
  const zones = new Map<string, string | null>()
  const items: TodayItem[] = []
  const withCustomer = (
    id: string,
    item: Omit<TodayItem, 'customerId' | 'tier' | 'owner' | 'localTime' | 'workingNow'>,
  ) => {
    const c = customer(id)
    if (!c) return
    const place = `${c.country ?? ''}|${c.city ?? ''}`
    if (!c.timezone && !zones.has(place)) zones.set(place, deriveTimezone(c.country, c.city))
    const zone = c.timezone ?? zones.get(place)!
    const clock = zone ? clockIn(zone, c.country) : null
    items.push({
      ...item,
      customerId: id,
      tier: c.tier,
      owner: c.owner,
      ...(c.country ? { country: c.country } : {}),
      ...(clock ? { localTime: clock.time, workingNow: clock.working } : {}),
    })
  }

  // Reminder occurrences still open, from the last three months up to today. A repeating
  // reminder is listed once, at its latest open occurrence after the last one dealt with: a weekly
  // call missed three times is one call to make, and marking it done does not bring the older
  // misses up one by one (they stay open in its history on the calendar).
  for (const { reminder, events, customerName } of remindersInRange(r.db, {
    from: addDays(today, -92),
    to: today,
    lang,
  })) {
    const all = occurrences(reminder, events, addDays(today, -92), today, today)
    let listed = all.filter((o) => o.state === 'open')
    if (reminder.rrule) {
      let dealt = ''
      for (const o of all) if (o.state !== 'open' && o.date > dealt) dealt = o.date
      const latest = listed
        .filter((o) => o.date > dealt)
        .reduce<(typeof listed)[number] | null>((a, o) => (!a || o.date > a.date ? o : a), null)
      listed = latest ? [latest] : []
    }
    for (const o of listed) {
      withCustomer(reminder.customerId, {
        kind: 'reminder',
        date: o.date,
        lateDays: daysBetween(o.date, today),
        title: reminderTitle(labels.t, reminder.kind, customerName),
        reminderId: reminder.id,
        reminderKind: reminder.kind,
        occurrence: o.occurrence,
        ...(o.time ? { time: o.time } : {}),
        ...(o.note ? { note: o.note } : {}),
      })
    }
  }

  // Duties due by today (an owner missing is due now): counted per owner in SQL over all of them
  // (tens of thousands at 100k customers), and only the first LISTED by rank read as items; the
  // overall first LISTED can hold no duty ranked below those.
  const DUE_DUTIES = `FROM customer_duties d
       JOIN customers c ON c.id = d.customer_id AND c.deleted_at IS NULL
       LEFT JOIN customer_tiers t ON t.customer_id = d.customer_id
       WHERE d.due_date <= :today OR d.due_date IS NULL`
  const dutyCounts = r.db
    .prepare(
      `SELECT c.owner AS owner,
              sum(coalesce(d.due_date, :today) < :today) AS overdue,
              sum(coalesce(d.due_date, :today) = :today) AS due
       ${DUE_DUTIES} GROUP BY c.owner`,
    )
    .all({ today }) as { owner: string | null; overdue: number; due: number }[]
  const duties = r.db
    .prepare(
      `SELECT d.customer_id, d.kind, d.due_date, c.display_name ${DUE_DUTIES}
       ORDER BY ${tierRankSql("coalesce(t.tier, 'ordinary')")} DESC,
                coalesce(d.due_date, :today)
       LIMIT ${LISTED}`,
    )
    .all({ today }) as {
    customer_id: string
    kind: 'contact_due' | 'executive_dialogue' | 'owner_missing'
    due_date: string | null
    display_name: string
  }[]
  for (const d of duties) {
    const date = d.due_date ?? today
    withCustomer(d.customer_id, {
      kind: 'duty',
      date,
      lateDays: daysBetween(date, today),
      title: labels.t(`calendar.duty.${d.kind}`).replace('{{customer}}', d.display_name),
      dutyKind: d.kind,
    })
  }

  // Greetings: birthdays within their lead time, one item per contact; holidays within their
  // kind's lead time (set per occasion, 3 days by default), one item per holiday and country (it
  // may touch thousands of customers: the item links to them).
  const leads = readLeadDays(r.db)
  const leadOf = (e: { kind: string; holidayKind?: HolidayKind }) =>
    leadDaysOf(leads, e.kind === 'birthday' ? 'birthday' : occasionOf(e.holidayKind ?? 'other'))
  const ahead = calendarRange(r, {
    from: today,
    to: addDays(today, Math.max(...GREETING_OCCASIONS.map((o) => leadDaysOf(leads, o)))),
    lang,
    kinds: ['holiday', 'birthday'],
  }).filter((e) => daysBetween(today, e.date) <= leadOf(e))
  for (const e of ahead) {
    if (e.kind === 'birthday' && e.customerId) {
      withCustomer(e.customerId, {
        kind: 'birthday',
        date: e.date,
        lateDays: -daysBetween(today, e.date),
        title: e.title,
        ...(e.contactId ? { contactId: e.contactId } : {}),
      })
    } else if (e.kind === 'holiday') {
      items.push({
        kind: 'greeting',
        date: e.date,
        lateDays: -daysBetween(today, e.date),
        title: e.title,
        ...(e.country ? { country: e.country } : {}),
        customers: e.customers ?? 0,
        ...(e.holidayKind ? { holidayKind: e.holidayKind } : {}),
      })
    }
  }

  // Counts per owner, over everything overdue or due today (not only the listed items): the
  // duties' from SQL, the reminders' from their items.
  const byOwner = new Map<string, { owner: string | null; due: number; overdue: number }>()
  for (const d of dutyCounts) byOwner.set(d.owner ?? '', { owner: d.owner, due: d.due, overdue: d.overdue })
  for (const item of items) {
    if (isGreeting(item) || item.kind === 'duty') continue
    const key = item.owner ?? ''
    const row = byOwner.get(key) ?? { owner: item.owner ?? null, due: 0, overdue: 0 }
    if (item.lateDays > 0) row.overdue++
    else row.due++
    byOwner.set(key, row)
  }

  // Key before Mid before Small before Ordinary; within a tier, the latest first; greetings by date.
  // Greetings, then Key first (the shared rank counts up from Ordinary).
  const rank = (i: TodayItem) =>
    i.kind === 'greeting' ? -TIER_RANK.key - 1 : -TIER_RANK[i.tier ?? 'ordinary']
  const ranked = items.sort(
    (a, b) => rank(a) - rank(b) || b.lateDays - a.lateDays || byTitle(a.title, b.title),
  )

  // Holidays of the next 30 days in customers' countries, with how many customers each touches
  // (A1): one row per holiday and day, with every country it falls in (the Immaculate Conception
  // was eight rows, one per country), the countries with the most customers first.
  const holidays: TodayView['holidays'] = []
  const sameDay = new Map<string, TodayView['holidays'][number] & { per: Map<string, number> }>()
  // A holiday without a name in this language reads "{name} ({country})": grouped by its name.
  const [before, after] = labels.t('calendar.holiday.fallback').split('{{country}}') as [string, string]
  const suffixOf = (country: string) =>
    `${before.replace('{{name}}', '')}${labels.country(country) ?? country}${after}`
  for (const e of calendarRange(r, { from: today, to: addDays(today, 30), lang, kinds: ['holiday'] })) {
    const suffix = e.country ? suffixOf(e.country) : ''
    const name = suffix && e.title.endsWith(suffix) ? e.title.slice(0, -suffix.length) : e.title
    const key = `${e.date}|${name}`
    let row = sameDay.get(key)
    if (!row) {
      row = { date: e.date, title: e.title, country: '', countries: [], customers: 0, per: new Map() }
      sameDay.set(key, row)
    } else row.title = name
    const country = e.country ?? ''
    row.per.set(country, (row.per.get(country) ?? 0) + (e.customers ?? 0))
    row.customers += e.customers ?? 0
  }
  for (const { per, ...row } of sameDay.values()) {
    const countries = [...per.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([c]) => c)
    holidays.push({ ...row, country: countries[0] ?? '', countries })
  }

  return {
    today,
    total:
      items.filter((i) => i.kind !== 'duty').length + dutyCounts.reduce((n, d) => n + d.overdue + d.due, 0),
    items: ranked.slice(0, LISTED),
    owners: [...byOwner.values()].sort((a, b) => b.overdue - a.overdue || b.due - a.due),
    holidays,
  }
}
