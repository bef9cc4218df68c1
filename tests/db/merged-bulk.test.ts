// Bulk actions after a merge (P8) on real SQLite: a window that listed A before A was merged into B
// still sends A's id. Every bulk action (owner, tag, add to a static group, remove from it, export,
// emails, orders and interactions) must act on B, once, and leave A's tombstone as the merge left it.
import { describe, it, expect, afterEach } from 'vitest'
import Papa from 'papaparse'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { caller, data, tempDir } from '../helpers/tmp'
import type { ExportFile } from '../../shared/exports'
import type { Selection } from '../../shared/groups'

let s: Services
afterEach(() => s?.close())
const call = caller(() => s)

async function customer(name: string, email: string, owner: string | null = null) {
  const res = await call('customers:create', {
    customer: { displayName: name, country: 'FR', owner, tags: ['VIP'] },
    contacts: [{ name: `${name} buyer`, emails: [email] }],
    allowDuplicates: true,
  })
  return data(res).id
}

/** A merged into B, both having orders and an interaction, and a third customer C left alone. */
async function merged() {
  s = createServices(tempDir(), { now: () => new Date('2026-11-25T12:00:00Z') })
  const a = await customer('Maison Lefèvre', 'a@lefevre.fr', 'Anne')
  const b = await customer('Lefevre SARL', 'b@lefevre.fr', 'Anne')
  const c = await customer('Atlas Imports', 'c@atlas.com', 'Li')
  for (const [id, date] of [
    [a, '2026-06-01'],
    [b, '2026-07-01'],
    [b, '2026-08-01'],
    [c, '2026-09-01'],
  ] as const)
    data(
      await call('orders:create', {
        customerId: id,
        order: { date, amount: 1000, currency: 'USD', status: 'paid' },
      }),
    )
  data(
    await call('interactions:log', {
      customerId: a,
      interaction: { kind: 'call', date: '2026-10-01', summary: 'Asked for samples' },
    }),
  )
  const fair = data(await call('groups:save', { group: { kind: 'static', name: 'Fair leads' } })).id
  data(await call('groups:addMembers', { groupId: fair, customerIds: [a, c] }))
  data(await call('customers:merge', { survivorId: b, otherId: a, fields: {} }))
  return { a, b, c, fair }
}

/** A's row and every tag and membership row that still names A, as stored. */
function tombstone(id: string): string {
  return JSON.stringify([
    s.db.prepare('SELECT * FROM customers WHERE id = ?').get(id),
    s.db.prepare('SELECT * FROM customer_tags WHERE customer_id = ? ORDER BY id').all(id),
    s.db.prepare('SELECT * FROM group_members WHERE customer_id = ? ORDER BY id').all(id),
  ])
}

const ALL: Selection = { kind: 'all' }

function csvRows(file: ExportFile): Record<string, string>[] {
  const text = Buffer.from(file.base64, 'base64')
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  return Papa.parse<Record<string, string>>(text.trim(), { header: true }).data
}

describe('bulk actions given a merged-away id', () => {
  it('set the owner of the survivor, once, and leave the tombstone alone', async () => {
    const { a, b } = await merged()
    const before = tombstone(a)
    const res = data(
      await call('groups:bulk', {
        selection: ALL,
        customerIds: [a, b],
        action: { kind: 'owner', owner: 'Zhou' },
      }),
    )
    expect(res.changed).toBe(1)
    expect(data(await call('customers:get', { id: b })).customer.owner).toBe('Zhou')
    expect(tombstone(a)).toBe(before)
  })

  it('tag the survivor', async () => {
    const { a, b, c } = await merged()
    const before = tombstone(a)
    const res = data(
      await call('groups:bulk', {
        selection: ALL,
        customerIds: [a],
        action: { kind: 'tag', tag: 'Canton 2027' },
      }),
    )
    expect(res).toEqual({ changed: 1, skipped: [] })
    expect(data(await call('customers:get', { id: b })).customer.tags).toContain('Canton 2027')
    expect(data(await call('customers:get', { id: c })).customer.tags).not.toContain('Canton 2027')
    expect(tombstone(a)).toBe(before)
  })

  it('add the survivor to a static group, by the bulk action and by addMembers', async () => {
    const { a, b } = await merged()
    const wine = data(await call('groups:save', { group: { kind: 'static', name: 'Wine' } })).id
    const before = tombstone(a)
    expect(
      data(
        await call('groups:bulk', {
          selection: ALL,
          customerIds: [a],
          action: { kind: 'add_to_group', groupId: wine },
        }),
      ).changed,
    ).toBe(1)
    const members = async (id: string) =>
      data(await call('groups:members', { selection: { kind: 'group', id }, limit: 10 })).rows.map(
        (r) => r.id,
      )
    expect(await members(wine)).toEqual([b])
    // Already a member through A: nothing new, and no second row.
    expect(data(await call('groups:addMembers', { groupId: wine, customerIds: [a, b] })).added).toBe(0)
    const other = data(await call('groups:save', { group: { kind: 'static', name: 'Samples' } })).id
    expect(data(await call('groups:addMembers', { groupId: other, customerIds: [a] })).added).toBe(1)
    expect(await members(other)).toEqual([b])
    expect(tombstone(a)).toBe(before)
  })

  it('remove the survivor from a static group the merge moved it into', async () => {
    const { a, b, c, fair } = await merged()
    const selection: Selection = { kind: 'group', id: fair }
    const ids = async () =>
      data(await call('groups:members', { selection, limit: 10 }))
        .rows.map((r) => r.id)
        .sort()
    expect(await ids()).toEqual([b, c].sort())
    const before = tombstone(a)
    expect(data(await call('groups:removeMembers', { groupId: fair, customerIds: [a] })).removed).toBe(1)
    expect(await ids()).toEqual([c])
    expect(tombstone(a)).toBe(before)
  })

  it("export the survivor's row, emails, orders and interactions", async () => {
    const { a, b, fair } = await merged()
    const before = tombstone(a)
    const group: Selection = { kind: 'group', id: fair }

    const members = csvRows(
      data(
        await call('groups:export', { selection: group, customerIds: [a, b], format: 'csv', language: 'en' }),
      ),
    )
    expect(members.map((r) => Object.values(r)[0])).toEqual(['Lefevre SARL'])

    const emails = data(await call('groups:emails', { selection: group, customerIds: [a] }))
    // The survivor holds both contacts now; its primary's email is the one a campaign reaches.
    expect(emails.emails).toHaveLength(1)
    expect(emails.customersWithout).toBe(0)
    expect(emails).toEqual(data(await call('groups:emails', { selection: group, customerIds: [b] })))

    const orders = data(
      await call('exports:activity', {
        scope: { kind: 'selection', selection: group, customerIds: [a] },
        what: 'orders',
        format: 'csv',
        language: 'en',
      }),
    )
    expect(orders.rows).toBe(3) // A's order moved to B, beside B's two
    const listOrders = data(
      await call('exports:activity', {
        scope: { kind: 'list', query: {}, customerIds: [a, b] },
        what: 'interactions',
        format: 'csv',
        language: 'en',
      }),
    )
    expect(listOrders.rows).toBe(1)

    const list = data(
      await call('customers:export', {
        query: {},
        columns: ['customerName', 'owner'],
        customerIds: [a],
        format: 'csv',
        language: 'en',
      }),
    )
    expect(list.rows).toBe(1)
    expect(Object.values(csvRows(list)[0]!)[0]).toBe('Lefevre SARL')
    expect(tombstone(a)).toBe(before)
  })

  it('still refuse an id that leads to no live customer, writing nothing', async () => {
    const { a, c } = await merged()
    data(await call('customers:delete', { id: c }))
    const before = JSON.stringify(s.db.prepare('SELECT * FROM customers ORDER BY id').all())
    const res = await call('groups:bulk', {
      selection: ALL,
      customerIds: [a, c],
      action: { kind: 'owner', owner: 'Zhou' },
    })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.code).toBe('not_in_selection')
    expect(JSON.stringify(s.db.prepare('SELECT * FROM customers ORDER BY id').all())).toBe(before)
  })
})
