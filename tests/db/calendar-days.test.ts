// calendar:range with perDay reads the derived tables (reminder_occurrences, customer_duties,
// contact_birthdays); without it, the rules and the facts. Both must tell the same story, after
// every kind of write, and the capped answer must count what it leaves out.
import { describe, it, expect, afterEach } from 'vitest'
import type { Services } from '../../electron/main/services'
import type { CalendarEntry } from '../../shared/reminders'
import { caller, data, tempServices } from '../helpers/tmp'

let s: Services
afterEach(() => s?.close())
const call = caller(() => s)
const clock = new Date('2027-01-10T12:00:00Z')

const PERSONAL = ['reminder', 'duty', 'birthday'] as const
const key = (e: CalendarEntry) =>
  [
    e.kind,
    e.date,
    e.title,
    e.customerId,
    e.contactId,
    e.reminderId,
    e.occurrence,
    e.state,
    e.overdue,
    e.time,
    e.dutyKind,
  ].join('|')

async function both(from: string, to: string, lang: 'zh' | 'fr' | 'en' = 'en') {
  const rules = data(await call('calendar:range', { from, to, lang, kinds: [...PERSONAL] }))
  const capped = data(await call('calendar:range', { from, to, lang, kinds: [...PERSONAL], perDay: 500 }))
  return {
    rules: rules.entries.map(key).sort(),
    capped: capped.entries.map(key).sort(),
    hidden: capped.hidden,
  }
}

async function seed() {
  s = tempServices({ now: () => clock })
  const made = async (
    name: string,
    country: string,
    contacts: { name: string; birthdayMonth?: number; birthdayDay?: number }[],
  ) => {
    const { id } = data(
      await call('customers:create', {
        customer: { displayName: name, country },
        contacts,
        allowDuplicates: true,
      }),
    )
    return id
  }
  const a = await made('Lumière Import', 'FR', [
    { name: 'Claire', birthdayMonth: 2, birthdayDay: 29 },
    { name: 'Marc', birthdayMonth: 1, birthdayDay: 20 },
  ])
  const b = await made('Al Noor Trading', 'SA', [{ name: 'Omar', birthdayMonth: 1, birthdayDay: 20 }])
  const reminder = async (customerId: string, dueDate: string, rrule?: string, dueTime?: string) =>
    data(
      await call('reminders:create', {
        customerId,
        reminder: {
          kind: 'follow_up',
          dueDate,
          ...(rrule ? { rrule } : {}),
          ...(dueTime ? { dueTime } : {}),
        },
      }),
    ).id
  const weekly = await reminder(a, '2026-12-07', 'FREQ=WEEKLY;BYDAY=MO', '09:00')
  const lastWorking = await reminder(b, '2026-11-30', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1')
  const single = await reminder(a, '2027-01-12')
  const act = async (id: string, occurrence: string, action: string, extra: Record<string, string> = {}) =>
    data(await call('reminders:act', { id, occurrence, action: action as 'done', ...extra }))
  await act(weekly, '2027-01-04', 'done')
  await act(weekly, '2027-01-11', 'skip')
  // Moved out of January into March, and from November 2027 (outside any range asked) into February.
  await act(weekly, '2027-01-18', 'snooze', { toDate: '2027-03-03' })
  await act(lastWorking, '2027-11-30', 'snooze', { toDate: '2027-02-10' })
  await act(single, '2027-01-12', 'edit', { toDate: '2027-01-13', toTime: '15:30' })
  return { a, b, weekly, lastWorking, single }
}

describe('calendar:range with perDay', () => {
  it('lists what the rules give, after done, skip, snooze and edit, across a common February', async () => {
    await seed()
    const { rules, capped, hidden } = await both('2027-01-01', '2027-03-31')
    expect(capped).toEqual(rules)
    expect(hidden).toEqual({})
    // What it holds, spot-checked: the 29 February birthday on the 28th, the moved occurrences.
    expect(rules.filter((k) => k.startsWith('birthday|2027-02-28'))).toHaveLength(1)
    expect(rules.some((k) => k.startsWith('reminder|2027-02-10|'))).toBe(true)
    expect(rules.some((k) => k.startsWith('reminder|2027-03-03|'))).toBe(true)
    expect(rules.some((k) => k.startsWith('reminder|2027-01-18|'))).toBe(false)
    expect(rules.filter((k) => k.startsWith('reminder|2027-01-13|'))[0]).toContain('|15:30|')
  })

  it('follows a deleted customer, a reminder edited or deleted, and holiday care turned off', async () => {
    const { a, b, weekly, single } = await seed()
    data(await call('customers:delete', { id: b }))
    data(
      await call('reminders:update', {
        id: weekly,
        reminder: { kind: 'revisit', dueDate: '2027-01-05', rrule: 'FREQ=WEEKLY;BYDAY=TU' },
      }),
    )
    data(await call('reminders:delete', { id: single }))
    data(await call('customers:update', { id: a, patch: { holidayOptOut: true } }))
    const { rules, capped } = await both('2027-01-01', '2027-02-28', 'zh')
    expect(capped).toEqual(rules)
    expect(rules.some((k) => k.includes(b))).toBe(false)
    expect(rules.some((k) => k.startsWith('birthday'))).toBe(false)
    expect(rules.filter((k) => k.startsWith('reminder|2027-01-19|'))).toHaveLength(1)
  })

  it('caps each day at perDay, reminders first, and counts the rest', async () => {
    const { a } = await seed()
    for (let i = 0; i < 3; i++)
      data(
        await call('reminders:create', {
          customerId: a,
          reminder: { kind: 'custom', dueDate: '2027-01-20' },
        }),
      )
    // 20 January: three reminders, two birthdays (Marc and Omar).
    const day = data(
      await call('calendar:range', {
        from: '2027-01-20',
        to: '2027-01-20',
        lang: 'fr',
        kinds: [...PERSONAL],
        perDay: 4,
      }),
    )
    expect(day.entries.map((e) => e.kind)).toEqual(['reminder', 'reminder', 'reminder', 'birthday'])
    expect(day.hidden).toEqual({ '2027-01-20': 1 })
    const one = data(
      await call('calendar:range', { from: '2027-01-20', to: '2027-01-20', lang: 'fr', perDay: 1 }),
    )
    expect(one.entries.filter((e) => e.kind === 'reminder' || e.kind === 'birthday')).toHaveLength(1)
    expect(one.hidden).toEqual({ '2027-01-20': 4 })
  })

  it('gives the same answer from the rules before the first fill, and a fill equals the writes', async () => {
    await seed()
    const table = () =>
      s.db.prepare('SELECT * FROM reminder_occurrences ORDER BY reminder_id, occurrence').all()
    const due = () => s.db.prepare('SELECT * FROM reminder_due ORDER BY reminder_id').all()
    const written = { occurrences: table(), due: due() }
    expect(written.occurrences.length).toBeGreaterThan(50)
    expect(written.due.length).toBeGreaterThan(0)
    const derived = s.occurrences
    s.db.prepare("UPDATE meta SET value = '' WHERE key = 'occurrences.horizon'").run()
    expect(derived.covers('2027-01-01', '2027-01-31')).toBe(false)
    const before = await both('2027-01-01', '2027-03-31')
    expect(before.capped).toEqual(before.rules)
    derived.rebuildAllNow('2027-01-10')
    expect({ occurrences: table(), due: due() }).toEqual(written)
  })

  it('lists the same Today from reminder_due, from reminder_occurrences, and from the rules', async () => {
    const { a, b } = await seed()
    // Late, due and done ones around 10 January, and a tier so the ranking has work to do.
    for (const [customerId, dueDate] of [
      [a, '2026-12-20'],
      [b, '2027-01-10'],
      [b, '2026-10-01'],
    ] as const)
      data(await call('reminders:create', { customerId, reminder: { kind: 'quote_chase', dueDate } }))
    data(await call('customers:update', { id: b, patch: { owner: 'Yasmin' } }))
    const today = async () => data(await call('today:get', { lang: 'fr' }))
    const meta = (key: string, value: string) =>
      s.db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(value, key)
    expect(s.occurrences.dueDay()).toBe('2027-01-10')
    const fromTable = await today()
    expect(fromTable.items.filter((i) => i.kind === 'reminder').length).toBeGreaterThan(2)
    expect(fromTable.owners.some((o) => o.owner === 'Yasmin' && o.due + o.overdue > 0)).toBe(true)
    meta('occurrences.day', '2027-01-09')
    expect(await today()).toEqual(fromTable)
    meta('occurrences.horizon', '')
    expect(await today()).toEqual(fromTable)
  })
})
