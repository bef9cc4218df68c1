// G4: reminders:createMany from a group view's bulk bar, on real SQLite: one reminder per member
// (or per ticked customer), a merged-away id acting on its survivor, and nothing at all written
// when any part of the request is refused.
import { describe, it, expect, afterEach } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { caller, data, tempDir } from '../helpers/tmp'
import type { Selection } from '../../shared/groups'

let s: Services
afterEach(() => s?.close())
const call = caller(() => s)

const reminder = {
  kind: 'follow_up',
  dueDate: '2026-12-10',
  note: 'Canton fair catalogue',
  assignee: 'Li',
} as const

async function setUp() {
  s = createServices(tempDir(), { now: () => new Date('2026-12-01T09:00:00Z') })
  const make = async (name: string) =>
    data(await call('customers:create', { customer: { displayName: name, country: 'FR' }, contacts: [] })).id
  const a = await make('Maison Lefèvre')
  const b = await make('Lefevre SARL')
  const c = await make('Atlas Imports')
  const d = await make('Nile Foods')
  const fair = data(await call('groups:save', { group: { kind: 'static', name: 'Fair leads' } })).id
  data(await call('groups:addMembers', { groupId: fair, customerIds: [a, b, c] }))
  return { a, b, c, d, selection: { kind: 'group', id: fair } as Selection }
}

const rows = () =>
  s.db
    .prepare('SELECT customer_id, kind, due_date, note, assignee FROM reminders ORDER BY customer_id')
    .all() as { customer_id: string; kind: string; due_date: string; note: string; assignee: string }[]

describe('reminders:createMany', () => {
  it('creates one reminder for every member of the view when none is ticked', async () => {
    const { a, b, c, selection } = await setUp()
    expect(data(await call('reminders:createMany', { selection, reminder }))).toEqual({ created: 3 })
    expect(rows()).toEqual(
      [a, b, c].sort().map((id) => ({
        customer_id: id,
        kind: 'follow_up',
        due_date: '2026-12-10',
        note: 'Canton fair catalogue',
        assignee: 'Li',
      })),
    )
    // They are ordinary reminders: each customer's page lists its own.
    const listed = data(await call('reminders:list', { customerId: b }))
    expect(listed.reminders).toHaveLength(1)
    expect(listed.occurrences.map((o) => o.date)).toEqual(['2026-12-10'])
  })

  it('creates them for the ticked customers only, a merged-away one on its survivor, once', async () => {
    const { a, b, c, selection } = await setUp()
    data(await call('customers:merge', { survivorId: b, otherId: a, fields: {} }))
    const res = data(await call('reminders:createMany', { selection, customerIds: [a, b], reminder }))
    expect(res).toEqual({ created: 1 })
    expect(rows().map((r) => r.customer_id)).toEqual([b])
    expect(data(await call('reminders:list', { customerId: c })).reminders).toHaveLength(0)
  })

  it('writes nothing when a ticked customer is outside the view', async () => {
    const { a, d, selection } = await setUp()
    const res = await call('reminders:createMany', { selection, customerIds: [a, d], reminder })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.code).toBe('not_in_selection')
    expect(rows()).toEqual([])
  })

  it('refuses bad input with the field named, and a contact (it would belong to one customer)', async () => {
    const { selection, a } = await setUp()
    const bad = await call('reminders:createMany', {
      selection,
      reminder: { ...reminder, dueDate: '2026-13-40' },
    })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.code).toBe('validation')
      expect(bad.error.issues?.[0]?.path).toEqual(['reminder', 'dueDate'])
    }
    const contact = await call('reminders:createMany', {
      selection,
      // @ts-expect-error a contact id is not accepted for many customers
      reminder: { ...reminder, contactId: a },
    })
    expect(contact.ok).toBe(false)
    const rule = await call('reminders:createMany', {
      selection,
      reminder: { ...reminder, rrule: 'FREQ=WEEKLY;BYDAY=XX' },
    })
    expect(rule.ok).toBe(false)
    expect(rows()).toEqual([])
  })
})
