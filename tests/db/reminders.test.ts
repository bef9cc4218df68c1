// Reminders (R1) and the calendar's computed entries (R2, R3) through the IPC loop on a real
// SQLite file, with the clock set so "today" and "overdue" are known.
import { describe, it, expect, afterEach } from 'vitest'
import type { Services } from '../../electron/main/services'
import type { CalendarEntry } from '../../shared/reminders'
import { caller, data, tempServices } from '../helpers/tmp'
import { STREAM } from '../helpers/stream'

let s: Services
afterEach(() => s?.close())
const call = caller(() => s)

// Noon UTC, so the local date is the same in any zone the tests run in.
let clock = new Date('2027-01-10T12:00:00Z')
function open() {
  clock = new Date('2027-01-10T12:00:00Z')
  s = tempServices({ now: () => clock })
}

async function customer(
  name: string,
  country = 'FR',
  contacts: { name: string; birthdayMonth?: number; birthdayDay?: number }[] = [],
) {
  const { id } = data(
    await call('customers:create', {
      customer: { displayName: name, country },
      contacts,
      allowDuplicates: true,
    }),
  )
  const detail = data(await call('customers:get', { id }))
  return { id, contactIds: detail.contacts.map((c) => c.id) }
}

const count = (table: string) => s.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
const openDates = async (customerId: string) =>
  data(await call('reminders:list', { customerId })).occurrences.map((o) => o.date)

async function range(
  from: string,
  to: string,
  extra: Partial<{ lang: 'zh' | 'fr' | 'en'; kinds: CalendarEntry['kind'][] }> = {},
) {
  return data(await call('calendar:range', { from, to, lang: extra.lang ?? 'en', kinds: extra.kinds }))
    .entries
}

describe('reminders', () => {
  it('creates a recurring reminder and lists its open occurrences ahead', async () => {
    open()
    const c = await customer('Lumière Import')
    const r = data(
      await call('reminders:create', {
        customerId: c.id,
        // Every third Monday of the month, from the third Monday of January 2027.
        reminder: {
          kind: 'quote_chase',
          dueDate: '2027-01-18',
          rrule: 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=3',
          note: 'Price list',
        },
      }),
    )
    expect(r).toMatchObject({
      customerId: c.id,
      kind: 'quote_chase',
      rrule: 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=3',
    })
    const list = data(await call('reminders:list', { customerId: c.id }))
    expect(list.reminders.map((x) => x.id)).toEqual([r.id])
    // 120 days ahead of 10 January 2027.
    expect(list.occurrences.map((o) => [o.date, o.overdue, o.note])).toEqual([
      ['2027-01-18', false, 'Price list'],
      ['2027-02-15', false, 'Price list'],
      ['2027-03-15', false, 'Price list'],
      ['2027-04-19', false, 'Price list'],
    ])
    // A synced fact: written through the write path, so it is in the stream.
    expect(
      s.db.prepare(`SELECT count(DISTINCT row_id) FROM ${STREAM} WHERE tbl = 'reminders'`).pluck().get(),
    ).toBe(1)
  })

  it('refuses a rule it cannot read and a contact of another customer, writing nothing', async () => {
    open()
    const a = await customer('Alpha')
    const b = await customer('Beta', 'DE', [{ name: 'Greta' }])
    // Refused by the contract's shape, by the rrule library, and for a time of day (reminders keep
    // their time apart from the rule).
    for (const rrule of [
      'FREQ=SOMETIMES',
      'FREQ=MONTHLY;FOO=1',
      'FREQ=DAILY;BYHOUR=9',
      'FREQ=MONTHLY;BYDAY=XX',
      'FREQ=MONTHLY;BYMONTHDAY=40',
      'FREQ=DAILY;INTERVAL=0',
    ]) {
      const res = await call('reminders:create', {
        customerId: a.id,
        reminder: { kind: 'follow_up', dueDate: '2027-01-12', rrule },
      })
      expect(res.ok ? null : res.error).toEqual({
        code: 'validation',
        issues: [{ path: ['reminder', 'rrule'], code: 'invalid_rule' }],
      })
    }
    const wrong = await call('reminders:create', {
      customerId: a.id,
      reminder: { kind: 'follow_up', dueDate: '2027-01-12', contactId: b.contactIds[0] },
    })
    expect(wrong.ok ? null : wrong.error.issues).toEqual([
      { path: ['reminder', 'contactId'], code: 'invalid_choice' },
    ])
    expect(count('reminders')).toBe(0)
    // The same contact on its own customer is taken.
    data(
      await call('reminders:create', {
        customerId: b.id,
        reminder: { kind: 'follow_up', dueDate: '2027-01-12', contactId: b.contactIds[0] },
      }),
    )
    expect(count('reminders')).toBe(1)
  })

  it('acts on occurrences (done, skip, snooze, edit, reopen) and the list follows; a date off the rule is refused', async () => {
    open()
    const c = await customer('Weekly Call GmbH', 'DE')
    // Every Monday from 4 January: 4 January is already past (overdue) on the 10th.
    const r = data(
      await call('reminders:create', {
        customerId: c.id,
        reminder: {
          kind: 'follow_up',
          dueDate: '2027-01-04',
          rrule: 'FREQ=WEEKLY;COUNT=5',
          note: 'Weekly call',
        },
      }),
    )
    const first = data(await call('reminders:list', { customerId: c.id })).occurrences
    expect(first.map((o) => [o.date, o.overdue])).toEqual([
      ['2027-01-04', true],
      ['2027-01-11', false],
      ['2027-01-18', false],
      ['2027-01-25', false],
      ['2027-02-01', false],
    ])

    const done = data(await call('reminders:act', { id: r.id, occurrence: '2027-01-04', action: 'done' }))
    expect(done.state).toBe('done')
    expect(await openDates(c.id)).toEqual(['2027-01-11', '2027-01-18', '2027-01-25', '2027-02-01'])

    data(await call('reminders:act', { id: r.id, occurrence: '2027-01-11', action: 'skip' }))
    expect(await openDates(c.id)).toEqual(['2027-01-18', '2027-01-25', '2027-02-01'])

    const snoozed = data(
      await call('reminders:act', {
        id: r.id,
        occurrence: '2027-01-18',
        action: 'snooze',
        toDate: '2027-01-20',
      }),
    )
    expect(snoozed).toMatchObject({ occurrence: '2027-01-18', date: '2027-01-20', state: 'open' })
    const edited = data(
      await call('reminders:act', {
        id: r.id,
        occurrence: '2027-01-25',
        action: 'edit',
        toDate: '2027-01-26',
        toTime: '15:30',
        note: 'Call after their board meeting',
      }),
    )
    expect(edited).toMatchObject({
      date: '2027-01-26',
      time: '15:30',
      note: 'Call after their board meeting',
    })
    let list = data(await call('reminders:list', { customerId: c.id })).occurrences
    expect(list.map((o) => [o.occurrence, o.date, o.time, o.note])).toEqual([
      ['2027-01-18', '2027-01-20', null, 'Weekly call'],
      ['2027-01-25', '2027-01-26', '15:30', 'Call after their board meeting'],
      ['2027-02-01', '2027-02-01', null, 'Weekly call'],
    ])

    data(await call('reminders:act', { id: r.id, occurrence: '2027-01-04', action: 'reopen' }))
    list = data(await call('reminders:list', { customerId: c.id })).occurrences
    expect(list[0]).toMatchObject({
      occurrence: '2027-01-04',
      date: '2027-01-04',
      overdue: true,
      state: 'open',
    })

    // A snooze without a date, and a date the rule does not give, are refused with nothing written.
    const events = count('reminder_events')
    expect(events).toBe(5)
    const noDate = await call('reminders:act', { id: r.id, occurrence: '2027-02-01', action: 'snooze' })
    expect(noDate.ok ? null : noDate.error.issues).toEqual([
      { path: ['reminder', 'toDate'], code: 'required' },
    ])
    for (const occurrence of ['2027-01-05', '2027-02-08']) {
      const off = await call('reminders:act', { id: r.id, occurrence, action: 'done' })
      expect(off.ok ? null : off.error).toEqual({
        code: 'validation',
        issues: [{ path: ['reminder', 'occurrence'], code: 'not_an_occurrence' }],
      })
    }
    expect(count('reminder_events')).toBe(events)
  })

  it('changes all occurrences with reminders:update and deletes by tombstone', async () => {
    open()
    const c = await customer('Nordic Boats AB', 'SE')
    const r = data(
      await call('reminders:create', {
        customerId: c.id,
        reminder: { kind: 'revisit', dueDate: '2027-01-15', rrule: 'FREQ=MONTHLY;COUNT=3' },
      }),
    )
    data(
      await call('reminders:update', {
        id: r.id,
        reminder: {
          kind: 'executive_dialogue',
          dueDate: '2027-01-20',
          rrule: 'FREQ=MONTHLY;COUNT=3',
          note: 'With the CEO',
        },
      }),
    )
    const list = data(await call('reminders:list', { customerId: c.id }))
    expect(list.reminders[0]).toMatchObject({ kind: 'executive_dialogue', note: 'With the CEO' })
    expect(list.occurrences.map((o) => o.date)).toEqual(['2027-01-20', '2027-02-20', '2027-03-20'])

    expect(data(await call('reminders:delete', { id: r.id }))).toEqual({ id: r.id })
    expect(data(await call('reminders:list', { customerId: c.id }))).toEqual({
      reminders: [],
      occurrences: [],
    })
    expect(s.db.prepare('SELECT deleted_at IS NOT NULL FROM reminders WHERE id = ?').pluck().get(r.id)).toBe(
      1,
    )
    const again = await call('reminders:delete', { id: r.id })
    expect(again.ok ? null : again.error.code).toBe('not_found')
    expect((await range('2027-01-01', '2027-03-31', { kinds: ['reminder'] })).length).toBe(0)
  })
})

describe('calendar:range', () => {
  const duties = async (customerId: string, from = '2027-01-01', to = '2027-12-31') =>
    (await range(from, to, { kinds: ['duty'] }))
      .filter((e) => e.customerId === customerId)
      .map((e) => [e.dutyKind, e.date])

  it('puts the next contact at the last interaction plus the tier cadence, moving with interactions and a tier lock', async () => {
    open()
    const c = await customer('Atlas Trading', 'MA')
    // No interaction yet: the customer's creation counts as the last contact; ordinary = 90 days.
    expect(await duties(c.id)).toEqual([['contact_due', '2027-04-10']])

    clock = new Date('2027-01-20T12:00:00Z')
    data(
      await call('interactions:log', {
        customerId: c.id,
        interaction: { kind: 'call', date: '2027-01-20', summary: 'Catalogue sent' },
      }),
    )
    expect(await duties(c.id)).toEqual([['contact_due', '2027-04-20']])

    // Locked to Key: every 14 days, an executive dialogue each quarter, and an owner is required.
    data(
      await call('tiers:lock', {
        customerId: c.id,
        locked: true,
        tier: 'key',
        reason: 'Strategic distributor',
      }),
    )
    expect((await duties(c.id)).sort()).toEqual(
      [
        ['contact_due', '2027-02-03'],
        ['executive_dialogue', '2027-04-20'],
        ['owner_missing', '2027-01-20'],
      ].sort(),
    )
    const late = (await range('2027-01-01', '2027-12-31', { kinds: ['duty'] })).find(
      (e) => e.dutyKind === 'owner_missing',
    )
    expect(late?.title).toBe('No account owner — Atlas Trading')

    // An owner clears the flag; a meeting moves both the contact and the executive dialogue.
    data(await call('customers:update', { id: c.id, patch: { owner: 'Léa' } }))
    data(
      await call('interactions:log', {
        customerId: c.id,
        interaction: { kind: 'meeting', date: '2027-01-20', summary: 'Visit of the CEO' },
      }),
    )
    clock = new Date('2027-02-01T12:00:00Z')
    data(
      await call('interactions:log', {
        customerId: c.id,
        interaction: { kind: 'email', date: '2027-02-01', summary: 'Quote' },
      }),
    )
    expect((await duties(c.id)).sort()).toEqual(
      [
        ['contact_due', '2027-02-15'],
        ['executive_dialogue', '2027-04-20'],
      ].sort(),
    )
  })

  it('moves the contact duty when a policy save changes the cadence', async () => {
    open()
    const c = await customer('Pampas Foods', 'AR')
    expect(await duties(c.id)).toEqual([['contact_due', '2027-04-10']])
    const { policy } = data(await call('policy:get', {}))
    data(
      await call('policy:save', {
        policy: {
          ...policy,
          service: { ...policy.service, ordinary: { ...policy.service.ordinary, cadenceDays: 45 } },
        },
        note: 'Closer follow-up',
      }),
    )
    expect(await duties(c.id)).toEqual([['contact_due', '2027-02-24']])
  })

  it("shows a Saudi customer's Eid al-Fitr 2027 in Chinese with its customers, gone when they opt out", async () => {
    open()
    const a = await customer('Riyadh Lighting', 'SA')
    const b = await customer('Jeddah Home', 'SA')
    const eid = async () =>
      (await range('2027-03-01', '2027-03-31', { lang: 'zh', kinds: ['holiday'] })).filter(
        (e) => e.country === 'SA' && e.title.includes('开斋节'),
      )
    const found = await eid()
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ kind: 'holiday', title: '开斋节', customers: 2 })
    // Eid al-Fitr 1448 falls on 9 or 10 March 2027 depending on the moon sighting.
    expect(['2027-03-09', '2027-03-10']).toContain(found[0]!.date)

    const optedOut = data(await call('customers:update', { id: a.id, patch: { holidayOptOut: true } }))
    expect(optedOut.customer.holidayOptOut).toBe(true)
    expect((await eid())[0]?.customers).toBe(1)
    data(await call('customers:update', { id: b.id, patch: { holidayOptOut: true } }))
    expect(await eid()).toEqual([])
    // Written like any field: through the write path, and read back on the page.
    expect(data(await call('customers:get', { id: b.id })).customer.holidayOptOut).toBe(true)
    expect(
      s.db
        .prepare(
          "SELECT count(*) FROM change_log WHERE tbl = 'customers' AND row_id = ? AND col = 'holiday_opt_out'",
        )
        .pluck()
        .get(b.id),
    ).toBe(1)
    // Quiet periods of the country still show: they matter whether or not anyone is greeted.
    expect(
      (await range('2027-02-01', '2027-03-31', { kinds: ['quiet'] })).some(
        (e) => e.country === 'SA' && e.quietKind === 'ramadan',
      ),
    ).toBe(true)
    // A non-boolean is refused, nothing written.
    const bad = await call('customers:update', {
      id: a.id,
      patch: { holidayOptOut: 'yes' as unknown as boolean },
    })
    expect(bad.ok ? null : bad.error.code).toBe('validation')
  })

  it('greets a 29 February birthday on 28 February in a common year', async () => {
    open()
    const c = await customer('Leap Year Ltd', 'GB', [{ name: 'Olive', birthdayMonth: 2, birthdayDay: 29 }])
    const births = (await range('2027-02-01', '2028-03-05', { kinds: ['birthday'] })).filter(
      (e) => e.customerId === c.id,
    )
    expect(births.map((e) => [e.date, e.title])).toEqual([
      ['2027-02-28', 'Birthday: Olive (Leap Year Ltd)'],
      ['2028-02-29', 'Birthday: Olive (Leap Year Ltd)'],
    ])
    data(await call('customers:update', { id: c.id, patch: { holidayOptOut: true } }))
    expect((await range('2027-02-01', '2027-03-05', { kinds: ['birthday'] })).length).toBe(0)
  })
})
