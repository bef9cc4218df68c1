// The Today view (R5): overdue and due items ranked by tier then lateness, each customer's local
// time with "working hours now" by its country's weekend, greetings within their lead time, counts
// per owner, and the next 30 days' holidays with the customers they touch (A1).
import { afterEach, describe, expect, it } from 'vitest'
import { caller, data, tempServices } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'

let s: (Services & { dir: string }) | undefined
afterEach(async () => {
  await s?.close()
  s = undefined
})
const call = caller(() => s!)

describe('today:get', () => {
  it('ranks by tier then lateness, tells local time and working hours, and lists greetings ahead', async () => {
    // Sunday 7 March 2027, 09:00 UTC: 12:00 in Riyadh (a working day there), 10:00 in Paris and
    // 17:00 in Shanghai (weekend in both).
    s = tempServices({ now: () => new Date('2027-03-07T09:00:00Z') })
    const sa = data(
      await call('customers:create', {
        customer: { displayName: 'Al Noor Trading', country: 'SA', owner: 'Li Wei' },
        contacts: [{ name: 'Fatima Al-Sayed', emails: [], birthdayMonth: 3, birthdayDay: 9 }],
      }),
    ).id
    const fr = data(
      await call('customers:create', {
        customer: { displayName: 'Maison Lefèvre', country: 'FR', owner: 'Li Wei' },
      }),
    ).id
    const cn = data(
      await call('customers:create', { customer: { displayName: 'Haiyun Trading', country: 'CN' } }),
    ).id
    data(await call('tiers:lock', { customerId: sa, locked: true, tier: 'key', reason: 'Gulf distributor' }))
    // Contacts logged recently, so only the reminders below are due for these two.
    for (const id of [sa, fr])
      data(
        await call('interactions:log', {
          customerId: id,
          interaction: { kind: 'meeting', date: '2027-03-05', summary: 'Visit' },
        }),
      )
    data(
      await call('reminders:create', {
        customerId: sa,
        reminder: { kind: 'quote_chase', dueDate: '2027-03-04' },
      }),
    )
    data(
      await call('reminders:create', {
        customerId: fr,
        reminder: { kind: 'follow_up', dueDate: '2027-03-01' },
      }),
    )
    data(
      await call('reminders:create', {
        customerId: fr,
        reminder: { kind: 'revisit', dueDate: '2027-03-07', dueTime: '15:00' },
      }),
    )
    // The Chinese customer was never contacted: its first contact was due 90 days after entry.
    s.db
      .prepare(
        "UPDATE customer_duties SET due_date = '2027-02-01' WHERE customer_id = ? AND kind = 'contact_due'",
      )
      .run(cn)

    const view = data(await call('today:get', { lang: 'en' }))
    expect(view.today).toBe('2027-03-07')
    const work = view.items.filter((i) => i.kind === 'reminder' || i.kind === 'duty')
    expect(work.map((i) => [i.title, i.lateDays, i.localTime, i.workingNow])).toEqual([
      ['Quote chase — Al Noor Trading', 3, '12:00', true],
      ['Contact due — Haiyun Trading', 34, '17:00', false],
      ['Follow-up — Maison Lefèvre', 6, '10:00', false],
      ['Revisit — Maison Lefèvre', 0, '10:00', false],
    ])
    // Eid al-Fitr 2027 and Fatima's birthday are within the three days' lead.
    const ahead = view.items.filter((i) => i.kind === 'greeting' || i.kind === 'birthday')
    expect(ahead.map((i) => [i.kind, i.date, i.title])).toEqual(
      expect.arrayContaining([
        ['greeting', '2027-03-09', 'Eid al-Fitr'],
        ['birthday', '2027-03-09', 'Birthday: Fatima Al-Sayed (Al Noor Trading)'],
      ]),
    )
    expect(ahead.find((i) => i.kind === 'greeting')!.customers).toBe(1)
    // The birthday ahead is a greeting, not work due: Li Wei has the revisit due and two late.
    expect(view.owners).toEqual([
      { owner: 'Li Wei', due: 1, overdue: 2 },
      { owner: null, due: 0, overdue: 1 },
    ])
    expect(view.holidays.map((h) => [h.date, h.country, h.title])).toEqual(
      expect.arrayContaining([['2027-03-09', 'SA', 'Eid al-Fitr']]),
    )
  })
  it('lists a repeating reminder once, at its latest open occurrence, and counts duties beyond the listed ones', async () => {
    // Sunday 7 March 2027.
    s = tempServices({ now: () => new Date('2027-03-07T09:00:00Z') })
    const id = data(
      await call('customers:create', {
        customer: { displayName: 'Weekly Call GmbH', country: 'DE', owner: 'Anna' },
      }),
    ).id
    data(
      await call('interactions:log', {
        customerId: id,
        interaction: { kind: 'call', date: '2027-03-07', summary: 'Call' },
      }),
    )
    // Every Monday from 1 February: five Mondays missed by 7 March.
    const weekly = data(
      await call('reminders:create', {
        customerId: id,
        reminder: { kind: 'follow_up', dueDate: '2027-02-01', rrule: 'FREQ=WEEKLY;BYDAY=MO' },
      }),
    ).id
    const listed = () =>
      call('today:get', { lang: 'en' }).then((res) =>
        data(res)
          .items.filter((i) => i.reminderId === weekly)
          .map((i) => [i.occurrence, i.lateDays]),
      )
    expect(await listed()).toEqual([['2027-03-01', 6]])
    // Done for the latest: the four older misses stay behind it and do not come up one by one.
    data(await call('reminders:act', { id: weekly, occurrence: '2027-03-01', action: 'done' }))
    expect(await listed()).toEqual([])

    // 320 customers without an owner's contact for a year: every contact duty is counted, the
    // first 300 items listed.
    for (let i = 0; i < 320; i++)
      data(
        await call('customers:create', {
          customer: { displayName: `Quiet ${i}`, country: 'FR', owner: 'Bo' },
        }),
      )
    s.db.prepare("UPDATE customer_duties SET due_date = '2027-01-01' WHERE kind = 'contact_due'").run()
    const view = data(await call('today:get', { lang: 'en' }))
    const bo = view.owners.find((o) => o.owner === 'Bo')!
    expect(bo.overdue).toBe(320)
    expect(view.items.length).toBe(300)
    expect(view.total).toBeGreaterThanOrEqual(321)
  })
  it('lists a holiday once per day with every country it falls in, its name without a country', async () => {
    s = tempServices({ now: () => new Date('2027-03-07T09:00:00Z') })
    for (const [name, country] of [
      ['Maison Lefèvre', 'FR'],
      ['Brasserie Dupont', 'BE'],
      ['Atelier Martin', 'FR'],
    ] as const)
      data(await call('customers:create', { customer: { displayName: name, country } }))
    for (const lang of ['zh', 'fr', 'en'] as const) {
      const view = data(await call('today:get', { lang }))
      // Easter Monday 2027, in France and Belgium: one row, France first (two customers).
      const easter = view.holidays.filter((h) => h.date === '2027-03-29')
      expect(easter.map((h) => [h.countries, h.customers])).toEqual([[['FR', 'BE'], 3]])
      expect(easter[0]!.title).not.toMatch(/France|Belgi|法国|比利时/)
    }
  })
})
