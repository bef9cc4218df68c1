// Occurrences of a reminder (SPEC R1): its rule (RFC 5545 through the rrule library) dated from its
// due date, then what was done with each occurrence. Dates are calendar dates with no zone: the
// rule runs on UTC midnights, where no DST change can shift a day, and a reminder's wall-clock
// time is applied in its own zone only when an instant is needed (notifications, .ics), so a
// 09:00 reminder in Paris stays at 09:00 across March and October.
import * as rruleModule from 'rrule'

// rrule ships an ES module (which vite and the bundle read) and a UMD build (which Node's own
// loader, in the job worker run from source, sees as one default export): take RRule from either.
const { RRule } = (rruleModule as unknown as { RRule?: typeof rruleModule.RRule }).RRule
  ? rruleModule
  : (rruleModule as unknown as { default: typeof rruleModule }).default
type RRule = rruleModule.RRule
import type { Occurrence, Reminder, ReminderEvent } from '../../../shared/reminders'
import { AppFailure } from '../../../shared/errors'

const DAY = 86_400_000
const utc = (date: string) => new Date(`${date}T00:00:00Z`)
const iso = (d: Date) => d.toISOString().slice(0, 10)

// Parsed rules by text and start. Reading a rule and building the RRule costs more than most
// expansions, and the calendar, the Today view and the due-reminder check read the same rules
// again and again; an RRule also keeps its own cache of the ranges asked, so a repeated read of
// the same range does not iterate again. Bounded: emptied when it grows past this.
const RULE_CACHE_MAX = 50_000
const rules = new Map<string, RRule>()

/** The rule of `rrule` starting on `dueDate`; a rule the library cannot read is a validation error. */
export function ruleOf(rrule: string, dueDate: string): RRule {
  const key = `${dueDate}|${rrule}`
  const known = rules.get(key)
  if (known) return known
  const rule = parseRule(rrule, dueDate)
  if (rules.size >= RULE_CACHE_MAX) rules.clear()
  rules.set(key, rule)
  return rule
}

function parseRule(rrule: string, dueDate: string): RRule {
  const invalid = () => new AppFailure('validation', [{ path: ['reminder', 'rrule'], code: 'invalid_rule' }])
  let options
  try {
    options = RRule.parseString(rrule)
  } catch {
    throw invalid()
  }
  // A time-of-day part would make occurrences instants; reminders keep their time apart.
  if (options.byhour || options.byminute || options.bysecond) throw invalid()
  // rrule accepts these and then finds no date, after scanning centuries for BYMONTHDAY=40.
  const monthDays = [options.bymonthday ?? []].flat()
  if (options.interval !== undefined && !(options.interval >= 1)) throw invalid()
  if (monthDays.some((d) => d === 0 || Math.abs(d) > 31)) throw invalid()
  try {
    // A malformed part (BYDAY=XX) only fails here, as a TypeError inside rrule.
    return new RRule({ ...options, dtstart: utc(dueDate) })
  } catch {
    throw invalid()
  }
}

/**
 * ruleOf, and the rule must give at least one date from the due date on: a rule that never
 * occurs (30 February, COUNT=0, UNTIL before the start) would be a reminder nobody ever sees.
 */
export function checkRule(rrule: string, dueDate: string): void {
  if (!ruleOf(rrule, dueDate).after(utc(dueDate), true))
    throw new AppFailure('validation', [{ path: ['reminder', 'rrule'], code: 'invalid_rule' }])
}

/** The dates the rule (or the single due date) gives in [from, to], at most `limit`. */
export function ruleDates(
  r: Pick<Reminder, 'dueDate' | 'rrule'>,
  from: string,
  to: string,
  limit = 1000,
): string[] {
  if (!r.rrule) return r.dueDate >= from && r.dueDate <= to ? [r.dueDate] : []
  const out: string[] = []
  ruleOf(r.rrule, r.dueDate).between(utc(from), utc(to), true, (d) => {
    out.push(iso(d))
    return out.length < limit
  })
  return out
}

/** Whether `date` is one the rule gives (an action may only name a real occurrence). */
export function isOccurrence(r: Pick<Reminder, 'dueDate' | 'rrule'>, date: string): boolean {
  return ruleDates(r, date, date, 1).length === 1
}

type Moved = { date: string; time: string | null; note: string | null }

/** Per occurrence: its latest event (which decides its state) and where snoozes and edits moved it. */
function eventsByOccurrence(events: readonly ReminderEvent[]) {
  // The latest event of each occurrence decides it (reopen undoes done or skip).
  const last = new Map<string, ReminderEvent>()
  const moved = new Map<string, Moved>()
  for (const e of [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))) {
    if (e.action === 'snooze' || e.action === 'edit') {
      const prev = moved.get(e.occurrence)
      moved.set(e.occurrence, {
        date: e.toDate ?? prev?.date ?? e.occurrence,
        time: e.toTime ?? prev?.time ?? null,
        note: e.note ?? prev?.note ?? null,
      })
    }
    last.set(e.occurrence, e)
  }
  return { last, moved }
}

/** One occurrence's time and note (its own after an edit, else the reminder's), without the rule. */
export function occurrenceDetail(
  r: Pick<Reminder, 'dueTime' | 'note'>,
  events: readonly ReminderEvent[],
  occurrence: string,
): { time: string | null; note: string | null } {
  const m = eventsByOccurrence(events.filter((e) => e.occurrence === occurrence)).moved.get(occurrence)
  return { time: m?.time ?? r.dueTime, note: m?.note ?? r.note }
}

/**
 * The occurrences of `r` whose date (after any snooze or edit) falls in [from, to], with their
 * state, given its events (any order). `today` decides what is overdue.
 */
export function occurrences(
  r: Reminder,
  events: readonly ReminderEvent[],
  from: string,
  to: string,
  today: string,
): Occurrence[] {
  const { last, moved } = eventsByOccurrence(events)
  const dates = new Set(ruleDates(r, from, to))
  // An occurrence moved into the range from outside it belongs here; one moved out does not.
  for (const [occurrence, m] of moved) if (m.date >= from && m.date <= to) dates.add(occurrence)
  const out: Occurrence[] = []
  for (const occurrence of dates) {
    const m = moved.get(occurrence)
    const date = m?.date ?? occurrence
    if (date < from || date > to) continue
    const action = last.get(occurrence)?.action
    const state = action === 'done' ? 'done' : action === 'skip' ? 'skipped' : 'open'
    out.push({
      reminderId: r.id,
      occurrence,
      date,
      time: m?.time ?? r.dueTime,
      note: m?.note ?? r.note,
      state,
      overdue: state === 'open' && date < today,
    })
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? ''))
}

/**
 * The instant of a wall-clock `time` on `date` in `timeZone` (for notifications and .ics): the
 * UTC time whose local reading in the zone is that date and time. Around a DST change the offset
 * of the day itself is used; a time skipped by the spring change moves forward by the gap.
 */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`)
  const offset = (at: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(at))
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value)
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at
  }
  // Two passes: the offset at the guess, then at the corrected instant (exact except in the gap).
  let at = wall - offset(wall)
  at = wall - offset(at)
  return new Date(at)
}

/** The next occurrence date on or after `date` (within ten years), or null when the rule has ended. */
export function nextDate(r: Pick<Reminder, 'dueDate' | 'rrule'>, date: string): string | null {
  if (!r.rrule) return r.dueDate >= date ? r.dueDate : null
  const next = ruleOf(r.rrule, r.dueDate).after(utc(date), true)
  return next && next.getTime() - utc(date).getTime() < 3660 * DAY ? iso(next) : null
}
