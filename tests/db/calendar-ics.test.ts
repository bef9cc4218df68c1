// calendar:ics (R5) on real SQLite, parsed back by an independent parser (node-ical): the same
// reminders with the same repeat rules (skipped and moved occurrences excluded, the moved one
// added where it went), timed reminders in their zone, and holidays, quiet periods and birthdays
// as all-day events.
import { afterEach, describe, expect, it } from 'vitest'
import nodeIcal from 'node-ical'
import { caller, data, tempServices } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'

let s: (Services & { dir: string }) | undefined
afterEach(async () => {
  await s?.close()
  s = undefined
})
const call = caller(() => s!)

type Parsed = {
  type: string
  uid: string
  summary: string
  start: Date & { tz?: string; dateOnly?: boolean }
  end?: Date
  datetype: string
  rrule?: { toString(): string; between(a: Date, b: Date, inc?: boolean): Date[] }
  exdate?: Record<string, Date>
}

async function setup() {
  s = tempServices({ now: () => new Date('2027-01-10T09:00:00Z') })
  const sa = data(
    await call('customers:create', {
      customer: { displayName: 'Al Noor Trading', country: 'SA' },
      contacts: [{ name: 'Fatima Al-Sayed', emails: [], birthdayMonth: 4, birthdayDay: 2 }],
    }),
  )
  const fr = data(
    await call('customers:create', { customer: { displayName: 'Maison Lefèvre', country: 'FR' } }),
  )
  const weekly = data(
    await call('reminders:create', {
      customerId: sa.id,
      reminder: {
        kind: 'follow_up',
        dueDate: '2027-01-04',
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
        note: 'Price list',
      },
    }),
  )
  const timed = data(
    await call('reminders:create', {
      customerId: fr.id,
      reminder: {
        kind: 'executive_dialogue',
        dueDate: '2027-03-22',
        dueTime: '09:00',
        timeZone: 'Europe/Paris',
        rrule: 'FREQ=WEEKLY',
      },
    }),
  )
  data(await call('reminders:act', { id: weekly.id, occurrence: '2027-01-11', action: 'skip' }))
  data(
    await call('reminders:act', {
      id: weekly.id,
      occurrence: '2027-01-18',
      action: 'snooze',
      toDate: '2027-01-20',
    }),
  )
  return { sa, fr, weekly, timed }
}

describe('calendar:ics', () => {
  it('parses back with the same reminders, rules, exclusions and all-day events', async () => {
    const { weekly, timed } = await setup()
    const out = data(await call('calendar:ics', { from: '2027-01-01', to: '2027-04-30', lang: 'fr' }))
    expect(out.fileName).toBe('tradetier-calendar-2027-01-01-2027-04-30.ics')
    const events = Object.values(nodeIcal.sync.parseICS(out.ics)).filter(
      (e) => (e as { type: string }).type === 'VEVENT',
    ) as unknown as Parsed[]

    const w = events.find((e) => e.uid === weekly.id)!
    expect(w.summary).toBe('Relance — Al Noor Trading')
    expect(w.datetype).toBe('date')
    expect(w.rrule!.toString()).toContain('FREQ=WEEKLY;BYDAY=MO')
    expect(Object.keys(w.exdate ?? {}).sort()).toEqual(['2027-01-11', '2027-01-18'])
    // The rule as the parser expands it, less the exclusions, is what TradeTier shows.
    const expanded = w
      .rrule!.between(new Date('2027-01-01T00:00:00Z'), new Date('2027-01-31T23:59:59Z'), true)
      .map((d) => d.toISOString().slice(0, 10))
      .filter((d) => !(d in (w.exdate ?? {})))
    expect(expanded).toEqual(['2027-01-04', '2027-01-25'])
    const moved = events.find((e) => e.uid === `${weekly.id}-2027-01-18`)!
    expect(moved.start.toISOString().slice(0, 10)).toBe('2027-01-20')

    const t = events.find((e) => e.uid === timed.id)!
    expect(t.start.tz).toBe('Europe/Paris')
    // 09:00 in Paris is 08:00 UTC before summer time; the rule keeps the wall clock after it.
    expect(t.start.toISOString()).toBe('2027-03-22T08:00:00.000Z')
    expect(t.rrule!.toString()).toContain('FREQ=WEEKLY')

    const titles = events.map((e) => e.summary)
    expect(titles).toContain('Aïd el-Fitr (Arabie saoudite)')
    expect(titles.some((x) => x.startsWith('Ramadan (Arabie saoudite)'))).toBe(true)
    expect(titles).toContain('Anniversaire\u202f: Fatima Al-Sayed (Al Noor Trading)')
    const ramadan = events.find((e) => e.summary.startsWith('Ramadan'))!
    expect(ramadan.datetype).toBe('date')
    // A quiet period is a range: DTEND is the day after its last day.
    expect(ramadan.end!.getTime() - ramadan.start.getTime()).toBeGreaterThan(27 * 86_400_000)
  })

  it('only what the filters keep: reminders alone, or one country', async () => {
    await setup()
    const onlyReminders = data(
      await call('calendar:ics', { from: '2027-01-01', to: '2027-04-30', lang: 'en', kinds: ['reminder'] }),
    )
    const kinds = Object.values(nodeIcal.sync.parseICS(onlyReminders.ics)).filter(
      (e) => (e as { type: string }).type === 'VEVENT',
    ) as unknown as Parsed[]
    expect(kinds.every((e) => / — /.test(e.summary))).toBe(true)
    const france = data(
      await call('calendar:ics', { from: '2027-01-01', to: '2027-04-30', lang: 'en', countries: ['FR'] }),
    )
    expect(france.ics).not.toContain('Al Noor Trading')
    expect(france.ics).toContain('Maison Lefèvre')
  })

  it('refuses a range that ends before it starts, or spans more than about a year', async () => {
    s = tempServices()
    for (const range of [
      { from: '2027-05-01', to: '2027-04-01' },
      { from: '2027-01-01', to: '2028-12-31' },
    ]) {
      const res = await call('calendar:ics', { ...range, lang: 'en' })
      expect(res.ok).toBe(false)
      if (!res.ok) expect(res.error.code).toBe('validation')
    }
  })
})
