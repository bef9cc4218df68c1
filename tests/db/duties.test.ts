// Service duties (R2, T5) as a derived table kept by SQL triggers: the next contact due moves
// with each interaction logged or deleted, a tier change changes what is owed, an owner set clears
// "owner missing", a policy save re-computes everyone after its re-tier, and the calendar reads them.
import { afterEach, describe, expect, it } from 'vitest'
import { caller, data, tempServices } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'
import { DEFAULT_POLICY } from '../../shared/tiering'

let s: (Services & { dir: string }) | undefined
afterEach(async () => {
  await s?.close()
  s = undefined
})
const call = caller(() => s!)

function open() {
  s = tempServices({ now: () => new Date('2026-12-06T09:00:00Z') })
  return s
}

const duties = (customerId: string) =>
  Object.fromEntries(
    (
      s!.db.prepare('SELECT kind, due_date FROM customer_duties WHERE customer_id = ?').all(customerId) as {
        kind: string
        due_date: string | null
      }[]
    ).map((d) => [d.kind, d.due_date]),
  )

async function customer(name = 'Haiyun Trading', owner?: string) {
  return data(
    await call('customers:create', {
      customer: { displayName: name, country: 'CN', ...(owner ? { owner } : {}) },
    }),
  ).id
}

describe('customer duties', () => {
  it('the next contact is due a cadence after the last interaction, and moves with each one', async () => {
    open()
    const id = await customer()
    // No interaction yet: counted from the day the customer was entered (Ordinary: 90 days).
    expect(duties(id)).toEqual({ contact_due: '2027-03-06' })
    const first = data(
      await call('interactions:log', {
        customerId: id,
        interaction: { kind: 'call', date: '2026-11-01', summary: 'Samples' },
      }),
    )
    expect(duties(id).contact_due).toBe('2027-01-30')
    const later = data(
      await call('interactions:log', {
        customerId: id,
        interaction: { kind: 'email', date: '2026-12-01', summary: 'Quote' },
      }),
    )
    expect(duties(id).contact_due).toBe('2027-03-01')
    data(await call('interactions:delete', { id: later.id }))
    expect(duties(id).contact_due).toBe('2027-01-30')
    expect(first.id).toBeTruthy()
  })

  it('a Key customer owes a 14-day cadence, a quarterly executive dialogue and an owner', async () => {
    open()
    const id = await customer()
    data(
      await call('interactions:log', {
        customerId: id,
        interaction: { kind: 'visit', date: '2026-11-20', summary: 'Factory tour' },
      }),
    )
    data(
      await call('tiers:lock', {
        customerId: id,
        locked: true,
        tier: 'key',
        reason: 'Strategic distributor',
      }),
    )
    expect(duties(id)).toEqual({
      contact_due: '2026-12-04',
      executive_dialogue: '2027-02-20',
      owner_missing: null,
    })
    data(
      await call('customers:update', {
        id,
        patch: { owner: 'Li Wei' },
      }),
    )
    expect(duties(id)).not.toHaveProperty('owner_missing')

    // The calendar shows them, overdue marked, titled in the reader's language.
    const { entries } = data(
      await call('calendar:range', { from: '2026-12-01', to: '2027-03-31', lang: 'zh', kinds: ['duty'] }),
    )
    expect(entries.map((e) => [e.date, e.dutyKind, e.overdue, e.title])).toEqual([
      ['2026-12-04', 'contact_due', true, '应联系 — Haiyun Trading'],
      ['2027-02-20', 'executive_dialogue', false, '应安排高层对话 — Haiyun Trading'],
    ])
  })

  it('a policy save moves every customer’s duties after its re-tier', async () => {
    open()
    const a = await customer('Rivage SAS')
    const b = await customer('Thames Ltd')
    const policy = structuredClone(DEFAULT_POLICY)
    policy.service.ordinary.cadenceDays = 30
    data(await call('policy:save', { policy, note: 'closer follow-up' }))
    expect(duties(a).contact_due).toBe('2027-01-05')
    expect(duties(b).contact_due).toBe('2027-01-05')
  })

  it('a deleted customer owes nothing', async () => {
    open()
    const id = await customer()
    data(await call('customers:delete', { id }))
    expect(duties(id)).toEqual({})
  })
})
