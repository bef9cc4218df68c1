// The Today view (R5): what is overdue or due today — reminder occurrences, service duties,
// greetings for holidays and birthdays coming within their lead time — ranked by tier and by how
// late it is, each with the customer's local time and whether it is working hours there now, so
// the list can be sorted by "good time to call". Also the counts per owner and the holidays of the
// next 30 days in customers' countries (A1). Reads only.
import type { Db } from '../../db/connection'
import { prepared } from '../../db/prepared'
import type { Repositories } from '../../repositories'
import type { UiLanguage } from '../../../../shared/vocabulary'
import { VALUE_TIERS } from '../../../../shared/vocabulary'
import type { TodayItem, TodayView } from '../../../../shared/today'
import type { ValueTier } from '../../../../shared/tiering'
import { TIER_RANK } from '../../../../shared/tiering'
import type { DutyKind, ReminderEvent, ReminderKind } from '../../../../shared/reminders'
import { addDays } from '../../core/holidays'
import { deriveTimezone, weekendOf } from '../../core/geo'
import { occurrenceDetail, occurrences } from '../../core/recurrence'
import { exportLabels } from '../groups/export-labels'
import { calendarRange, fill, reminderTitle, remindersInRange } from './calendar'
import { birthdayKeys } from './calendar-days'
import { DUE_WINDOW_DAYS } from './occurrences'
import { toEvent } from './repository'
import { leadDaysOf, readLeadDays } from '../greetings/settings'
import { occasionOf } from '../../../../shared/greetings'

/** Items listed; the counts cover everything. */
const LISTED = 300
const DAY = 86_400_000
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY)

// Building an Intl formatter costs far more than using one: one per zone, kept.
const clockFormats = new Map<string, Intl.DateTimeFormat>()
// String.localeCompare builds its collation each call; sorting thousands of items took most of
// the view's time (tests/bench/calendar-bench.ts).
const byTitle = new Intl.Collator('en').compare

// The zone a place without its own is in (by country and city), kept: a pure reading of bundled data.
const zones = new Map<string, string | null>()

// Local clocks by zone and country, for the minute they were read in (the Today view is asked
// again and again; its clocks only change by the minute).
const clocks = new Map<string, { time: string; working: boolean }>()
let clocksMinute = -1

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
  r: Pick<Repositories, 'db' | 'policies' | 'today' | 'now' | 'occurrences'>,
  lang: UiLanguage,
): TodayView {
  const today = r.today()
  const now = r.now()
  const labels = exportLabels(lang)
  // The listed items' customers, read together once the items are chosen (below). The tier comes
  // with each candidate (read tier by tier): joined to customer_tiers here, a lookup cost 40 µs a
  // customer on a 100k base against 7 µs for the two apart.
  const customers = prepared(
    r.db,
    `SELECT c.id, c.display_name, c.country, c.city, c.timezone, c.owner, c.deleted_at FROM customers c
     WHERE c.id IN (SELECT value FROM json_each(?))`,
  )
  type C = {
    id: string
    display_name: string
    country: string | null
    city: string | null
    timezone: string | null
    owner: string | null
    deleted_at: string | null
  }
  const cache = new Map<string, C>()
  const customer = (id: string) => cache.get(id)
  // One clock per zone and country this minute, one zone per country and city: a new Intl formatter
  // per item cost seconds over a few thousand items (tests/bench/calendar-bench.ts).
  const minute = Math.floor(now.getTime() / 60_000)
  if (clocksMinute !== minute) {
    clocks.clear()
    clocksMinute = minute
  }
  const clockIn = (zone: string, country: string | null) => {
    const key = `${zone}|${country ?? ''}`
    let clock = clocks.get(key)
    if (!clock) clocks.set(key, (clock = localClock(now, zone, country)))
    return clock
  }
  const zoneOf = (country: string | null, city: string | null) => {
    const place = `${country ?? ''}|${city ?? ''}`
    let zone = zones.get(place)
    if (zone === undefined) {
      if (zones.size > 10_000) zones.clear()
      zones.set(place, (zone = deriveTimezone(country, city)))
    }
    return zone
  }
  const items: TodayItem[] = []
  const withCustomer = (
    id: string,
    tier: ValueTier,
    item: Omit<TodayItem, 'customerId' | 'tier' | 'owner' | 'localTime' | 'workingNow'>,
  ) => {
    const c = customer(id)
    if (!c || c.deleted_at !== null) return
    const zone = c.timezone ?? zoneOf(c.country, c.city)
    const clock = zone ? clockIn(zone, c.country) : null
    items.push({
      ...item,
      customerId: id,
      tier,
      owner: c.owner,
      ...(c.country ? { country: c.country } : {}),
      ...(clock ? { localTime: clock.time, workingNow: clock.working } : {}),
    })
  }

  // What is due, per source, as candidates: each source counts everything it holds in SQL and
  // gives its first rows per tier (Key first, the latest first), so no more than the listed items
  // are ever read in full; at 100k customers the sources hold tens of thousands.
  const reminders = dueReminders(r, today, lang)
  const duties = dueDuties(r.db, today)
  const leads = readLeadDays(r.db)
  const birthdays = dueBirthdays(r.db, today, leadDaysOf(leads, 'birthday'))

  // Greetings for holidays within their kind's lead time (set per occasion, 3 days by default),
  // one item per holiday and country (it may touch thousands of customers: the item links to them).
  // The next 30 days' holidays, read once: lead times are at most 30 days (greetings:saveSettings),
  // and the dashboard lists the same 30 days below.
  const coming = calendarRange(r, { from: today, to: addDays(today, 30), lang, kinds: ['holiday'] })
  for (const e of coming) {
    if (daysBetween(today, e.date) > leadDaysOf(leads, occasionOf(e.holidayKind ?? 'other'))) continue
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

  // The listed items: greetings first, then tier by tier (Key first), the latest first within a
  // tier, from the candidates of the three sources.
  const chosen: Candidate[] = []
  for (const tier of TIERS_FIRST) {
    const room = LISTED - items.length - chosen.length
    if (room <= 0) break
    const candidates = [...reminders.top(tier, room), ...duties.top(tier, room), ...birthdays.top(tier, room)]
    chosen.push(...candidates.sort((a, b) => b.lateDays - a.lateDays).slice(0, room))
  }
  for (const c of customers.all(JSON.stringify([...new Set(chosen.map((c) => c.customerId))])) as C[])
    cache.set(c.id, c)
  const details = reminderDetails(
    r.db,
    chosen.flatMap((c) => (c.kind === 'reminder' ? [c] : [])),
  )
  for (const c of chosen) {
    const name = customer(c.customerId)?.display_name ?? ''
    if (c.kind === 'reminder') {
      const detail = details.get(`${c.reminderId}|${c.occurrence}`)
      if (!detail) continue
      withCustomer(c.customerId, c.tier, {
        kind: 'reminder',
        date: c.date,
        lateDays: c.lateDays,
        title: reminderTitle(labels.t, detail.kind, name),
        reminderId: c.reminderId,
        reminderKind: detail.kind,
        occurrence: c.occurrence,
        ...(detail.time ? { time: detail.time } : {}),
        ...(detail.note ? { note: detail.note } : {}),
      })
    } else if (c.kind === 'duty') {
      withCustomer(c.customerId, c.tier, {
        kind: 'duty',
        date: c.date,
        lateDays: c.lateDays,
        title: fill(labels.t(`calendar.duty.${c.dutyKind}`), { customer: name }),
        dutyKind: c.dutyKind,
      })
    } else {
      withCustomer(c.customerId, c.tier, {
        kind: 'birthday',
        date: c.date,
        lateDays: c.lateDays,
        title: fill(labels.t('calendar.entry.birthday'), { contact: c.contactName, customer: name }),
        contactId: c.contactId,
      })
    }
  }

  // Counts per owner, over everything overdue or due today (not only the listed items).
  const byOwner = new Map<string, { owner: string | null; due: number; overdue: number }>()
  for (const d of [...duties.counts, ...reminders.counts]) {
    // No owner: null or an empty text alike.
    const key = d.owner ?? ''
    const row = byOwner.get(key) ?? { owner: d.owner || null, due: 0, overdue: 0 }
    row.due += d.due
    row.overdue += d.overdue
    byOwner.set(key, row)
  }

  // Greetings, then Key first (the shared rank counts up from Ordinary); within a tier, the latest
  // first; then by title.
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
  for (const e of coming) {
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
      items.filter((i) => i.kind === 'greeting').length +
      birthdays.total +
      [...duties.counts, ...reminders.counts].reduce((n, d) => n + d.overdue + d.due, 0),
    items: ranked.slice(0, LISTED),
    owners: [...byOwner.values()].sort((a, b) => b.overdue - a.overdue || b.due - a.due),
    holidays,
  }
}

/** Key first: the order the Today view lists tiers in. */
const TIERS_FIRST = [...VALUE_TIERS].sort((a, b) => TIER_RANK[b] - TIER_RANK[a])

type Candidate = { customerId: string; tier: ValueTier; date: string; lateDays: number } & (
  | { kind: 'reminder'; reminderId: string; occurrence: string }
  | { kind: 'duty'; dutyKind: DutyKind }
  | { kind: 'birthday'; contactId: string; contactName: string }
)
type OwnerCounts = { owner: string | null; overdue: number; due: number }
/** What one source has due: counted per owner, and its first `n` of a tier, the latest first. */
type Source = { counts: OwnerCounts[]; top: (tier: ValueTier, n: number) => Candidate[] }
type DueRow = { reminder_id: string; occurrence: string; date: string; customer_id: string; tier: ValueTier }

/**
 * Each reminder's latest occurrence of the last 92 days up to today, when still open: a repeating
 * reminder is listed once, at its latest occurrence, so a weekly call missed three times is one
 * call to make, and marking it done does not bring the older misses up one by one (they stay open
 * in its history on the calendar). From reminder_due when the daily pass has set it for today,
 * else from reminder_occurrences with the same conditions, else (no horizon yet) from the rules.
 */
function dueReminders(r: Pick<Repositories, 'db' | 'occurrences'>, today: string, lang: UiLanguage): Source {
  const from = addDays(today, -DUE_WINDOW_DAYS)
  const toCandidate = (d: DueRow): Candidate => ({
    kind: 'reminder',
    customerId: d.customer_id,
    tier: d.tier,
    date: d.date,
    lateDays: daysBetween(d.date, today),
    reminderId: d.reminder_id,
    occurrence: d.occurrence,
  })
  if (r.occurrences.covers(from, today)) {
    const table = r.occurrences.dueDay() === today
    const source = table
      ? 'reminder_due'
      : `(SELECT o.reminder_id, o.occurrence, o.date, o.customer_id, c.owner, coalesce(t.tier, 'ordinary') AS tier
          FROM reminder_occurrences o CROSS JOIN customers c ON c.id = o.customer_id
          LEFT JOIN customer_tiers t ON t.customer_id = o.customer_id
          WHERE o.date BETWEEN :from AND :today AND o.state = 'open' AND (o.next_date IS NULL OR o.next_date > :today))`
    const params = table ? { today } : { from, today }
    // As of today, reminder_due's counts (kept per owner and date by triggers, migrations/0024).
    const counts = (
      table
        ? prepared(
            r.db,
            `SELECT nullif(owner, '') AS owner, sum(CASE WHEN date < :today THEN n ELSE 0 END) AS overdue,
               sum(CASE WHEN date = :today THEN n ELSE 0 END) AS due
             FROM reminder_due_counts GROUP BY owner`,
          ).all({ today })
        : prepared(
            r.db,
            `SELECT owner, sum(date < :today) AS overdue, sum(date = :today) AS due FROM ${source} GROUP BY owner`,
          ).all(params)
    ) as OwnerCounts[]
    const top = prepared(
      r.db,
      `SELECT reminder_id, occurrence, date, customer_id, tier FROM ${source} WHERE tier = :tier ORDER BY date LIMIT :n`,
    )
    return { counts, top: (tier, n) => (top.all({ ...params, tier, n }) as DueRow[]).map(toCandidate) }
  }
  // No horizon yet (a large base before its first fill): the rules, as the calendar reads them.
  const rows: (DueRow & { owner: string | null })[] = []
  for (const { reminder, events, owner, tier } of remindersInRange(r.db, { from, to: today, lang })) {
    const list = occurrences(reminder, events, from, today, today)
    const latest = list.reduce<(typeof list)[number] | null>((a, o) => (!a || o.date >= a.date ? o : a), null)
    if (!latest || latest.state !== 'open') continue
    rows.push({
      reminder_id: reminder.id,
      occurrence: latest.occurrence,
      date: latest.date,
      customer_id: reminder.customerId,
      owner,
      tier,
    })
  }
  const counts = new Map<string, OwnerCounts>()
  for (const row of rows) {
    const c = counts.get(row.owner ?? '') ?? { owner: row.owner, overdue: 0, due: 0 }
    if (row.date < today) c.overdue++
    else c.due++
    counts.set(row.owner ?? '', c)
  }
  rows.sort((a, b) => a.date.localeCompare(b.date))
  return {
    counts: [...counts.values()],
    top: (tier, n) =>
      rows
        .filter((row) => row.tier === tier)
        .slice(0, n)
        .map(toCandidate),
  }
}

/**
 * Service duties due by today (an owner missing is due now), from customer_duties and its copies
 * of each customer's owner and tier (migrations/0021): counted per owner, listed by tier.
 */
function dueDuties(db: Db, today: string): Source {
  const counts = prepared(
    db,
    `SELECT owner, sum(due_date < :today) AS overdue, sum(due_date = :today) AS due
       FROM customer_duties WHERE due_date <= :today GROUP BY owner
       UNION ALL SELECT owner, 0, count(*) FROM customer_duties WHERE due_date IS NULL GROUP BY owner`,
  ).all({ today }) as OwnerCounts[]
  const dated = prepared(
    db,
    'SELECT customer_id, kind, due_date FROM customer_duties WHERE tier = ? AND due_date <= ? ORDER BY due_date LIMIT ?',
  )
  const now = prepared(
    db,
    'SELECT customer_id, kind, due_date FROM customer_duties WHERE tier = ? AND due_date IS NULL LIMIT ?',
  )
  type Row = { customer_id: string; kind: DutyKind; due_date: string | null }
  const toCandidate =
    (tier: ValueTier) =>
    (d: Row): Candidate => ({
      kind: 'duty',
      customerId: d.customer_id,
      tier,
      date: d.due_date ?? today,
      lateDays: daysBetween(d.due_date ?? today, today),
      dutyKind: d.kind,
    })
  return {
    counts,
    top: (tier, n) =>
      [...(dated.all(tier, today, n) as Row[]), ...(now.all(tier, n) as Row[])].map(toCandidate(tier)),
  }
}

/** Contacts' birthdays from today to `lead` days ahead (greetings to send), from contact_birthdays. */
function dueBirthdays(db: Db, today: string, lead: number): Source & { total: number } {
  const days = Array.from({ length: lead + 1 }, (_, i) => addDays(today, i))
  const count = prepared(db, 'SELECT count(*) FROM contact_birthdays WHERE md = ?').pluck()
  const list = prepared(
    db,
    `SELECT b.contact_id, b.customer_id, k.name FROM contact_birthdays b CROSS JOIN contacts k ON k.id = b.contact_id
     WHERE b.md = ? AND b.tier = ? LIMIT ?`,
  )
  let total = 0
  for (const day of days) for (const md of birthdayKeys(day)) total += count.get(md) as number
  return {
    counts: [],
    total,
    top: (tier, n) => {
      const out: Candidate[] = []
      for (const day of days) {
        for (const md of birthdayKeys(day)) {
          if (out.length >= n) return out
          for (const b of list.all(md, tier, n - out.length) as {
            contact_id: string
            customer_id: string
            name: string
          }[])
            out.push({
              kind: 'birthday',
              customerId: b.customer_id,
              tier,
              date: day,
              lateDays: -daysBetween(today, day),
              contactId: b.contact_id,
              contactName: b.name,
            })
        }
      }
      return out
    },
  }
}

/** The type, time and note of each listed occurrence, from its reminder and events (two queries). */
function reminderDetails(
  db: Db,
  listed: { reminderId: string; occurrence: string }[],
): Map<string, { kind: ReminderKind; time: string | null; note: string | null }> {
  const ids = JSON.stringify([...new Set(listed.map((l) => l.reminderId))])
  const byId = new Map(
    (
      prepared(
        db,
        `SELECT id, kind, due_time AS dueTime, note FROM reminders
         WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
      ).all(ids) as { id: string; kind: ReminderKind; dueTime: string | null; note: string | null }[]
    ).map((row) => [row.id, row]),
  )
  const events = new Map<string, ReminderEvent[]>()
  // Only snoozes and edits move an occurrence or give it a time or note of its own.
  for (const e of prepared(
    db,
    `SELECT * FROM reminder_events WHERE reminder_id IN (SELECT value FROM json_each(?))
     AND action IN ('snooze', 'edit') AND deleted_at IS NULL`,
  ).all(ids) as Parameters<typeof toEvent>[0][]) {
    const event = toEvent(e)
    events.set(event.reminderId, [...(events.get(event.reminderId) ?? []), event])
  }
  const out = new Map<string, { kind: ReminderKind; time: string | null; note: string | null }>()
  for (const l of listed) {
    const reminder = byId.get(l.reminderId)
    if (!reminder) continue
    out.set(`${l.reminderId}|${l.occurrence}`, {
      kind: reminder.kind,
      ...occurrenceDetail(reminder, events.get(l.reminderId) ?? [], l.occurrence),
    })
  }
  return out
}
