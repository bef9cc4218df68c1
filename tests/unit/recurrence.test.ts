// Reminder recurrence (R1): RFC 5545 rules on calendar dates, what actions do to one occurrence,
// and wall-clock times that stay put across DST changes.
import { describe, expect, it } from 'vitest'
import {
  checkRule,
  instantOf,
  isOccurrence,
  nextDate,
  occurrences,
  ruleDates,
} from '../../electron/main/core/recurrence'
import type { Reminder, ReminderEvent } from '../../shared/reminders'

const reminder = (over: Partial<Reminder> = {}): Reminder => ({
  id: 'r1',
  customerId: 'c1',
  contactId: null,
  kind: 'follow_up',
  dueDate: '2027-01-01',
  dueTime: null,
  timeZone: null,
  rrule: null,
  note: 'call about the spring order',
  assignee: null,
  interactionId: null,
  createdAt: '2026-12-01T00:00:00Z',
  ...over,
})
let n = 0
const event = (
  occurrence: string,
  action: ReminderEvent['action'],
  over: Partial<ReminderEvent> = {},
): ReminderEvent => ({
  id: `e${++n}`,
  reminderId: 'r1',
  occurrence,
  action,
  toDate: null,
  toTime: null,
  note: null,
  by: null,
  at: `2027-01-01T00:00:${String(n).padStart(2, '0')}Z`,
  ...over,
})

describe('rules', () => {
  it('every third Monday of the month', () => {
    const r = reminder({ dueDate: '2027-01-01', rrule: 'FREQ=MONTHLY;BYDAY=+3MO' })
    expect(ruleDates(r, '2027-01-01', '2027-04-30')).toEqual([
      '2027-01-18',
      '2027-02-15',
      '2027-03-15',
      '2027-04-19',
    ])
  })

  it('the last working day of the month, month ends included', () => {
    const r = reminder({ dueDate: '2027-01-01', rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1' })
    // 31 Jan 2027 is a Sunday, 30 Apr a Friday, 31 Jul a Saturday.
    expect(ruleDates(r, '2027-01-01', '2027-07-31')).toEqual([
      '2027-01-29',
      '2027-02-26',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
      '2027-07-30',
    ])
  })

  it('the last day of every month (BYMONTHDAY=-1), where "the 31st" skips short months as RFC 5545 says', () => {
    const last = reminder({ dueDate: '2028-01-31', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1' })
    expect(ruleDates(last, '2028-01-01', '2028-04-30')).toEqual([
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
      '2028-04-30',
    ])
    const the31st = reminder({ dueDate: '2028-01-31', rrule: 'FREQ=MONTHLY' })
    expect(ruleDates(the31st, '2028-01-01', '2028-04-30')).toEqual(['2028-01-31', '2028-03-31'])
  })

  it('a yearly reminder from 29 February comes in leap years only; the last day of February comes every year', () => {
    const leap = reminder({ dueDate: '2028-02-29', rrule: 'FREQ=YEARLY' })
    expect(ruleDates(leap, '2028-01-01', '2033-12-31')).toEqual(['2028-02-29', '2032-02-29'])
    const lastFeb = reminder({ dueDate: '2028-02-29', rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' })
    expect(ruleDates(lastFeb, '2028-01-01', '2030-12-31')).toEqual(['2028-02-29', '2029-02-28', '2030-02-28'])
  })

  it('weekly across the DST changes keeps its weekday and its wall-clock time in Paris', () => {
    const r = reminder({
      dueDate: '2027-03-22',
      dueTime: '09:00',
      timeZone: 'Europe/Paris',
      rrule: 'FREQ=WEEKLY',
    })
    // Summer time starts on 28 March 2027 and ends on 31 October 2027.
    expect(ruleDates(r, '2027-03-20', '2027-04-06')).toEqual(['2027-03-22', '2027-03-29', '2027-04-05'])
    expect(instantOf('2027-03-22', '09:00', 'Europe/Paris').toISOString()).toBe('2027-03-22T08:00:00.000Z')
    expect(instantOf('2027-03-29', '09:00', 'Europe/Paris').toISOString()).toBe('2027-03-29T07:00:00.000Z')
    expect(instantOf('2027-10-25', '09:00', 'Europe/Paris').toISOString()).toBe('2027-10-25T07:00:00.000Z')
    expect(instantOf('2027-11-01', '09:00', 'Europe/Paris').toISOString()).toBe('2027-11-01T08:00:00.000Z')
    // 02:30 does not exist on 28 March in Paris: it moves forward by the gap.
    expect(instantOf('2027-03-28', '02:30', 'Europe/Paris').toISOString()).toBe('2027-03-28T01:30:00.000Z')
    // Daily at 09:00 through the October change: one occurrence a day, none doubled.
    const daily = reminder({ dueDate: '2027-10-30', dueTime: '09:00', rrule: 'FREQ=DAILY;COUNT=3' })
    expect(ruleDates(daily, '2027-10-01', '2027-11-30')).toEqual(['2027-10-30', '2027-10-31', '2027-11-01'])
  })

  it('a rule that is not RFC 5545, or sets a time of day, is refused as invalid_rule', () => {
    expect(() => ruleDates(reminder({ rrule: 'FREQ=SOMETIMES' }), '2027-01-01', '2027-02-01')).toThrow()
    try {
      ruleDates(reminder({ rrule: 'FREQ=DAILY;BYHOUR=9' }), '2027-01-01', '2027-02-01')
      expect.unreachable()
    } catch (err) {
      expect((err as { issues: { code: string }[] }).issues[0]!.code).toBe('invalid_rule')
    }
  })

  it('a malformed part, an impossible day or a rule that never occurs is invalid_rule, not a crash', () => {
    const code = (f: () => void) => {
      try {
        f()
        return 'accepted'
      } catch (err) {
        return (err as { issues?: { code: string }[] }).issues?.[0]?.code ?? String(err)
      }
    }
    for (const rule of [
      'FREQ=MONTHLY;BYDAY=XX',
      'FREQ=MONTHLY;BYMONTHDAY=40',
      'FREQ=MONTHLY;BYMONTHDAY=0',
      'FREQ=DAILY;INTERVAL=0',
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
      'FREQ=WEEKLY;COUNT=0',
      'FREQ=WEEKLY;UNTIL=20200101',
    ])
      expect([rule, code(() => checkRule(rule, '2027-01-04'))]).toEqual([rule, 'invalid_rule'])
    // Real rules still pass: the last day of each month, and 29 February in leap years only.
    expect(code(() => checkRule('FREQ=MONTHLY;BYMONTHDAY=-1', '2027-01-04'))).toBe('accepted')
    expect(code(() => checkRule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2027-01-04'))).toBe('accepted')
  })

  it('knows its real occurrences and the next one', () => {
    const r = reminder({ dueDate: '2027-01-04', rrule: 'FREQ=WEEKLY;INTERVAL=2' })
    expect(isOccurrence(r, '2027-01-18')).toBe(true)
    expect(isOccurrence(r, '2027-01-11')).toBe(false)
    expect(nextDate(r, '2027-01-05')).toBe('2027-01-18')
    expect(nextDate(reminder({ dueDate: '2027-01-04' }), '2027-02-01')).toBeNull()
  })
})

describe('actions on occurrences', () => {
  const weekly = reminder({ dueDate: '2027-01-04', rrule: 'FREQ=WEEKLY' })

  it('done, skip and reopen decide one occurrence; the others stay open and the past ones are overdue', () => {
    const events = [
      event('2027-01-04', 'done'),
      event('2027-01-11', 'skip'),
      event('2027-01-18', 'done'),
      event('2027-01-18', 'reopen'),
    ]
    const got = occurrences(weekly, events, '2027-01-01', '2027-01-31', '2027-01-20')
    expect(got.map((o) => [o.date, o.state, o.overdue])).toEqual([
      ['2027-01-04', 'done', false],
      ['2027-01-11', 'skipped', false],
      ['2027-01-18', 'open', true],
      ['2027-01-25', 'open', false],
    ])
  })

  it('a snooze moves one occurrence, into the range from outside it or out of it', () => {
    const events = [
      event('2027-01-25', 'snooze', { toDate: '2027-02-02' }),
      event('2027-02-01', 'edit', { toDate: '2027-02-03', toTime: '15:00', note: 'with the samples' }),
    ]
    const jan = occurrences(weekly, events, '2027-01-01', '2027-01-31', '2027-01-01')
    expect(jan.map((o) => o.date)).toEqual(['2027-01-04', '2027-01-11', '2027-01-18'])
    const feb = occurrences(weekly, events, '2027-02-01', '2027-02-07', '2027-01-01')
    expect(feb.map((o) => [o.occurrence, o.date, o.time, o.note])).toEqual([
      ['2027-01-25', '2027-02-02', null, 'call about the spring order'],
      ['2027-02-01', '2027-02-03', '15:00', 'with the samples'],
    ])
  })

  it('a single reminder is one occurrence on its due date', () => {
    const one = reminder({ dueDate: '2027-03-01' })
    expect(occurrences(one, [], '2027-01-01', '2027-12-31', '2027-03-02')).toMatchObject([
      { occurrence: '2027-03-01', state: 'open', overdue: true },
    ])
    expect(
      occurrences(one, [event('2027-03-01', 'done')], '2027-01-01', '2027-12-31', '2027-03-02'),
    ).toMatchObject([{ state: 'done', overdue: false }])
  })
})
