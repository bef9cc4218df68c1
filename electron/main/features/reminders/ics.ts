// The calendar as an .ics file (R5), written with ical-generator: each reminder once, with its
// RFC 5545 rule, so the user's calendar app repeats it as TradeTier does; a skipped or moved
// occurrence is an EXDATE, and a moved one reappears on its new date. Duties, holidays, quiet
// periods and birthdays of the range are single all-day events (ranges end the day after their
// last day, as DTEND is exclusive). A timed reminder carries its IANA zone (TZID), so 09:00 in
// Paris stays 09:00 in Paris across DST.
import ical from 'ical-generator'
import type { Repositories } from '../../repositories'
import { addDays } from '../../core/holidays'
import { occurrences } from '../../core/recurrence'
import { exportLabels } from '../groups/export-labels'
import { calendarRange, reminderTitle, remindersInRange } from './calendar'
import type { CalendarQuery } from './calendar'
import { CALENDAR_ENTRY_KINDS } from '../../../../shared/reminders'
import type { CalendarEntryKind } from '../../../../shared/reminders'

const compact = (date: string) => date.replaceAll('-', '')
/** An all-day date as ical-generator writes it: a UTC midnight, formatted as a DATE. */
const day = (date: string) => new Date(`${date}T00:00:00Z`)
/** A wall-clock time plus 30 minutes (a reminder is a short slot, not a meeting). */
function plus30(time: string): { time: string; nextDay: boolean } {
  const [h, m] = time.split(':').map(Number) as [number, number]
  const total = h * 60 + m + 30
  return {
    time: `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`,
    nextDay: total >= 24 * 60,
  }
}

export function calendarIcs(
  r: Pick<Repositories, 'db' | 'policies' | 'today'>,
  q: CalendarQuery,
): { fileName: string; ics: string } {
  const labels = exportLabels(q.lang)
  const cal = ical({
    name: `TradeTier ${q.from} – ${q.to}`,
    prodId: { company: 'TradeTier', product: 'calendar' },
  })
  const wants = (k: CalendarEntryKind) => !q.kinds?.length || q.kinds.includes(k)

  if (wants('reminder')) {
    for (const { reminder: rem, events, customerName } of remindersInRange(r.db, q)) {
      const summary = reminderTitle(labels.t, rem.kind, customerName)
      const timed = rem.dueTime && rem.timeZone
      const at = (date: string, time: string | null) =>
        timed && time
          ? {
              start: `${date}T${time}:00`,
              end: `${plus30(time).nextDay ? addDays(date, 1) : date}T${plus30(time).time}:00`,
              timezone: rem.timeZone,
            }
          : { start: day(date), allDay: true }
      // Occurrences of the range that were skipped or moved leave the rule; moved ones are added
      // back where they are now.
      const own = rem.rrule ? occurrences(rem, events, q.from, q.to, r.today()) : []
      const exdates = new Set<string>()
      for (const e of events) if (e.action === 'skip' || e.toDate) exdates.add(e.occurrence)
      for (const o of own) if (o.state === 'skipped') exdates.add(o.occurrence)
      const exdateLines = [...exdates]
        .sort()
        .map((d) =>
          timed
            ? `EXDATE;TZID=${rem.timeZone}:${compact(d)}T${rem.dueTime!.replace(':', '')}00`
            : `EXDATE;VALUE=DATE:${compact(d)}`,
        )
      cal.createEvent({
        id: rem.id,
        summary,
        description: rem.note ?? '',
        ...at(rem.dueDate, rem.dueTime),
        ...(rem.rrule ? { repeating: [`RRULE:${rem.rrule}`, ...exdateLines].join('\n') } : {}),
      })
      for (const o of own) {
        if (o.date === o.occurrence || o.state === 'skipped') continue
        cal.createEvent({
          id: `${rem.id}-${o.occurrence}`,
          summary,
          description: o.note ?? '',
          ...at(o.date, o.time),
        })
      }
    }
  }

  const otherKinds = (q.kinds?.length ? q.kinds : CALENDAR_ENTRY_KINDS).filter((k) => k !== 'reminder')
  const others = otherKinds.length ? calendarRange(r, { ...q, kinds: otherKinds }) : []
  for (const [i, e] of others.entries()) {
    if (e.kind === 'reminder') continue
    const country = e.country ? labels.country(e.country) : null
    cal.createEvent({
      id: `${e.kind}-${e.date}-${e.customerId ?? e.contactId ?? e.country ?? ''}-${i}`,
      start: day(e.date),
      end: day(addDays(e.end ?? e.date, 1)),
      allDay: true,
      summary:
        e.kind === 'holiday' || e.kind === 'quiet' ? `${e.title}${country ? ` (${country})` : ''}` : e.title,
      ...(e.kind === 'quiet' && e.quietKind
        ? { description: labels.t(`calendar.quiet.${e.quietKind}.meaning`) }
        : {}),
    })
  }
  return { fileName: `tradetier-calendar-${q.from}-${q.to}.ics`, ics: cal.toString() }
}
