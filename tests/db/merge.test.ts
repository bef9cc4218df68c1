// Merging two customers (P8) on real SQLite: every child moves to the survivor in one write whose
// cells are logged like typed edits, the other becomes a tombstone naming the survivor, refused
// merges write nothing, and later writes for the merged-away id land on the survivor.
import { describe, it, expect, afterEach } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { caller, data, tempDir } from '../helpers/tmp'
import { pendingChanges } from '../../electron/main/sync/outbox'
import { translations } from '../../shared/i18n/resources'
import { STREAM } from '../helpers/stream'

let s: Services
afterEach(() => s?.close())
const call = caller(() => s)
const TODAY = '2026-11-25'

function setup() {
  s = createServices(tempDir(), { now: () => new Date(`${TODAY}T12:00:00Z`) })
}

async function customer(name: string, extra: Record<string, unknown> = {}, email?: string) {
  const res = await call('customers:create', {
    customer: { displayName: name, country: 'FR', tags: [], productCategories: [], ...extra },
    contacts: email ? [{ name: `${name} buyer`, emails: [email] }] : [],
    allowDuplicates: true,
  })
  return data(res).id
}

async function order(customerId: string, date: string, amount: number) {
  return data(
    await call('orders:create', {
      customerId,
      order: { date, amount, currency: 'USD', status: 'paid' },
    }),
  ).id
}

/** Two customers with one of every child each, and a static group holding both. */
async function pair() {
  const a = await customer('Maison Lefèvre', { city: 'Lyon', tags: ['VIP', 'Canton 2025'] }, 'a@lefevre.fr')
  const b = await customer(
    'Lefevre SARL',
    { city: null, website: 'https://lefevre.fr', tags: ['VIP', 'wine'] },
    'b@lefevre.fr',
  )
  await order(a, '2026-06-01', 800_000)
  await order(b, '2026-07-01', 400_000)
  await order(b, '2026-08-01', 300_000)
  data(
    await call('interactions:log', {
      customerId: b,
      interaction: { kind: 'call', date: '2026-10-01', summary: 'Asked for samples' },
    }),
  )
  data(
    await call('reminders:create', {
      customerId: b,
      reminder: { kind: 'quote_chase', dueDate: '2026-12-01', rrule: 'FREQ=WEEKLY', note: 'Price list' },
    }),
  )
  data(
    await call('feedback:add', {
      customerId: b,
      feedback: { kind: 'complaint', severity: 'high', date: '2026-10-02', summary: 'Late shipment' },
    }),
  )
  const both = data(await call('groups:save', { group: { kind: 'static', name: 'Fair leads' } }))
  const onlyB = data(await call('groups:save', { group: { kind: 'static', name: 'Wine' } }))
  data(await call('groups:addMembers', { groupId: both.id, customerIds: [a, b] }))
  data(await call('groups:addMembers', { groupId: onlyB.id, customerIds: [b] }))
  data(await call('tiers:lock', { customerId: b, locked: true, tier: 'key', reason: 'Strategic' }))
  return { a, b, groups: { both: both.id, onlyB: onlyB.id } }
}

/** Every row of every table that still names `id` as its customer and is not deleted. */
function livePointing(id: string): Record<string, number> {
  const count = (sql: string) => s.db.prepare(sql).pluck().get(id) as number
  return {
    contacts: count('SELECT count(*) FROM contacts WHERE customer_id = ? AND deleted_at IS NULL'),
    orders: count('SELECT count(*) FROM orders WHERE customer_id = ?'),
    interactions: count('SELECT count(*) FROM interactions WHERE customer_id = ?'),
    reminders: count('SELECT count(*) FROM reminders WHERE customer_id = ?'),
    feedback: count('SELECT count(*) FROM feedback WHERE customer_id = ?'),
    tags: count('SELECT count(*) FROM customer_tags WHERE customer_id = ? AND deleted_at IS NULL'),
    groups: count('SELECT count(*) FROM group_members WHERE customer_id = ? AND deleted_at IS NULL'),
    locks: count('SELECT count(*) FROM tier_locks WHERE id = ? AND deleted_at IS NULL'),
  }
}

/** A snapshot of every synced table and the log, to prove a refused merge wrote nothing. */
function snapshot(): string {
  const tables = ['customers', 'contacts', 'orders', 'interactions', 'feedback', 'customer_tags']
  return JSON.stringify([
    ...tables.map((t) => s.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()),
    s.db.prepare(`SELECT count(*) FROM ${STREAM}`).pluck().get(),
  ])
}

describe('customers:mergePreview', () => {
  it('shows both customers with their counts and the fields that differ', async () => {
    setup()
    const { a, b } = await pair()
    const p = data(await call('customers:mergePreview', { aId: a, bId: b }))
    expect(p.a.customer.id).toBe(a)
    expect(p.b.counts).toEqual({
      contacts: 1,
      orders: 2,
      interactions: 1,
      reminders: 1,
      feedback: 1,
      tags: 2,
      groups: 2,
      locks: 1,
    })
    expect(p.a.counts.orders).toBe(1)
    expect(p.differing).toEqual(expect.arrayContaining(['displayName', 'city', 'website']))
    expect(p.differing).not.toContain('country')
  })
})

describe('customers:merge', () => {
  it('moves every child to the survivor and leaves a tombstone naming it', async () => {
    setup()
    const { a, b, groups } = await pair()
    const logBefore = s.db.prepare(`SELECT max(seq) FROM ${STREAM}`).pluck().get() as number
    const res = data(
      await call('customers:merge', { survivorId: a, otherId: b, fields: { website: 'other' } }),
    )
    expect(res.survivorId).toBe(a)
    expect(res.moved).toMatchObject({
      contacts: 1,
      orders: 2,
      interactions: 1,
      reminders: 1,
      feedback: 1,
      locks: 1,
    })

    expect(livePointing(b)).toEqual({
      contacts: 0,
      orders: 0,
      interactions: 0,
      reminders: 0,
      feedback: 0,
      tags: 0,
      groups: 0,
      locks: 0,
    })
    expect(livePointing(a)).toEqual({
      contacts: 2,
      orders: 3,
      interactions: 1,
      reminders: 1,
      feedback: 1,
      tags: 3,
      groups: 2,
      locks: 1,
    })
    const tomb = s.db.prepare('SELECT deleted_at, merged_into FROM customers WHERE id = ?').get(b) as {
      deleted_at: string | null
      merged_into: string | null
    }
    expect(tomb.deleted_at).not.toBeNull()
    expect(tomb.merged_into).toBe(a)

    // The chosen field came from the other; the rest stayed the survivor's; tags are the union.
    const detail = data(await call('customers:get', { id: a }))
    expect(detail.customer.website).toBe('https://lefevre.fr')
    expect(detail.customer.city).toBe('Lyon')
    expect(detail.customer.displayName).toBe('Maison Lefèvre')
    expect(detail.customer.tags).toEqual(['Canton 2025', 'VIP', 'wine'])
    expect(detail.contacts.filter((c) => c.isPrimary)).toHaveLength(1)
    expect(detail.mergedFrom).toEqual([expect.objectContaining({ id: b, displayName: 'Lefevre SARL' })])
    const members = data(
      await call('groups:members', { selection: { kind: 'group', id: groups.onlyB }, limit: 10 }),
    )
    expect(members.rows.map((r) => r.id)).toEqual([a])

    // The survivor keeps no lock of its own, so the other's moved with it.
    const tier = data(await call('tiers:get', { customerId: a }))
    expect(tier.lock?.tier).toBe('key')

    // Every moved cell is in the outgoing log, like a typed edit.
    // (As they travel: a row made by the merge, a tag of the survivor, is one entry of its cells.)
    const logged = pendingChanges(s.db, logBefore, 1_000_000).map((p) => p.change)
    const has = (tbl: string, col: string, value: unknown) =>
      logged.some((l) => l.tbl === tbl && l.col === col && l.value === value)
    expect(has('customers', 'merged_into', a)).toBe(true)
    expect(has('orders', 'customer_id', a)).toBe(true)
    expect(has('contacts', 'customer_id', a)).toBe(true)
    expect(has('interactions', 'customer_id', a)).toBe(true)
    expect(has('feedback', 'customer_id', a)).toBe(true)
    expect(has('reminders', 'customer_id', a)).toBe(true)
    expect(has('customer_tags', 'tag', 'wine')).toBe(true)
    expect(has('group_members', 'customer_id', a)).toBe(true)
    expect(has('tier_locks', 'tier', 'key')).toBe(true)
    expect(logged.filter((l) => l.tbl === 'orders' && l.col === 'customer_id')).toHaveLength(2)

    // Search finds the survivor only.
    const hits = data(await call('customers:search', { query: 'Lefevre' })).hits.map((h) => h.id)
    expect(hits).toContain(a)
    expect(hits).not.toContain(b)
  })

  it("re-tiers the survivor from both customers' orders, as a recompute would", async () => {
    setup()
    const a = await customer('Alpha Trading')
    const b = await customer('Alpha Trading Co')
    await order(a, '2026-05-01', 700_000)
    await order(b, '2026-09-01', 600_000)
    expect(data(await call('tiers:get', { customerId: a })).tier).toBe('small')
    const res = data(await call('customers:merge', { survivorId: a, otherId: b, fields: {} }))
    expect(res.tierChange).toEqual({ customerName: 'Alpha Trading', from: 'small', to: 'mid' })

    const stored = s.figures.stored(a)
    const recomputed = s.figures.preview(a, s.policies.current())
    expect(stored).toEqual(recomputed)
    expect(stored.revenueUsd).toBe(1_300_000)
    const state = data(await call('tiers:get', { customerId: a }))
    expect(state.tier).toBe('mid')
    expect(state.history[0]).toMatchObject({ from: 'small', to: 'mid' })
  })

  it('keeps the survivor’s own lock when both are locked', async () => {
    setup()
    const a = await customer('Lock A')
    const b = await customer('Lock B')
    data(await call('tiers:lock', { customerId: a, locked: true, tier: 'mid', reason: 'Mine' }))
    data(await call('tiers:lock', { customerId: b, locked: true, tier: 'key', reason: 'Theirs' }))
    data(await call('customers:merge', { survivorId: a, otherId: b, fields: {} }))
    const lock = data(await call('tiers:get', { customerId: a })).lock
    expect(lock).toMatchObject({ tier: 'mid', reason: 'Mine' })
    expect(livePointing(b).locks).toBe(0)
  })

  it('refuses a merge with itself, with a deleted or a merged customer, and writes nothing', async () => {
    setup()
    const a = await customer('Refuse A')
    const b = await customer('Refuse B')
    const c = await customer('Refuse C')
    const gone = await customer('Refuse Gone')
    data(await call('customers:delete', { id: gone }))
    data(await call('customers:merge', { survivorId: b, otherId: c, fields: {} }))
    const before = snapshot()

    const codes = async (survivorId: string, otherId: string) => {
      const res = await call('customers:merge', { survivorId, otherId, fields: {} })
      expect(res.ok).toBe(false)
      return res.ok ? null : res.error
    }
    expect((await codes(a, a))?.code).toBe('merge_self')
    expect((await codes(a, gone))?.code).toBe('merge_deleted')
    expect((await codes(gone, a))?.code).toBe('merge_deleted')
    const merged = await codes(a, c)
    expect(merged).toMatchObject({ code: 'merged', details: { survivorId: b } })
    expect((await codes(a, 'no-such-customer'))?.code).toBe('not_found')
    expect(snapshot()).toBe(before)

    // Each refusal has words in every language.
    for (const lang of ['en', 'fr', 'zh'] as const) {
      const errors = (translations[lang] as unknown as { errors: Record<string, string> }).errors
      for (const code of ['merge_self', 'merge_deleted', 'merged']) expect(errors[code], lang).toBeTruthy()
    }
  })

  it('sends later writes for the merged-away id to the survivor', async () => {
    setup()
    const a = await customer('Redirect A')
    const b = await customer('Redirect B')
    const c = await customer('Redirect C')
    data(await call('customers:merge', { survivorId: b, otherId: a, fields: {} }))
    // A chain: a → b → c.
    data(await call('customers:merge', { survivorId: c, otherId: b, fields: {} }))

    const created = data(
      await call('orders:create', {
        customerId: a,
        order: { date: '2026-11-01', amount: 5000, currency: 'USD', status: 'paid' },
      }),
    )
    expect(created.customerId).toBe(c)
    const logged = data(
      await call('interactions:log', {
        customerId: a,
        interaction: { kind: 'email', date: '2026-11-02', summary: 'Price list' },
      }),
    )
    expect(logged.customerId).toBe(c)
    const contact = data(await call('contacts:create', { customerId: b, contact: { name: 'Late contact' } }))
    expect(contact.customerId).toBe(c)
    expect(data(await call('orders:list', { customerId: c })).orders.map((o) => o.id)).toEqual([created.id])

    // Reading the merged id answers with the survivor to follow.
    const got = await call('customers:get', { id: a })
    expect(got.ok).toBe(false)
    if (!got.ok) expect(got.error).toMatchObject({ code: 'merged', details: { survivorId: c } })
  })
})
