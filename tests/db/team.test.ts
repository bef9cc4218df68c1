// team:* and sync:now through the IPC loop, two real devices and a real shared folder: create and
// join, a customer made on one shows on the other after each syncs, the passes run in the worker,
// and every refusal (no folder, not a team's, already a team's, in a team already) writes nothing.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { caller, data, tempDir, tempServices } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'
import { deviceFileDue } from '../../electron/main/features/team/sync'

let open: Services[] = []
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()))
  open = []
})
/** The tables each data:changed named, in order. */
const events: string[][] = []
function device() {
  const s = tempServices({
    appVersion: '1.0.0',
    emit: (channel, payload) => {
      if (channel === 'data:changed') events.push((payload as { tables: string[] }).tables)
    },
  })
  open.push(s)
  return { s, call: caller(() => s) }
}
const meta = (s: Services) =>
  s.db.prepare("SELECT key, value FROM meta WHERE key LIKE 'sync.%' ORDER BY key").all()

/**
 * Anna's computer makes a team and a customer, syncs, and Bruno's joins (and so has it): the start
 * of every two-person story below.
 */
async function annaAndBruno(
  customer: { displayName: string; country: string; city?: string },
  contacts: { name: string; emails?: string[] }[] = [],
) {
  const folder = tempDir('tradetier-team-')
  const a = device()
  const b = device()
  data(await a.call('team:create', { folder, name: 'T', deviceName: 'Anna laptop', userName: 'Anna Li' }))
  const { id } = data(await a.call('customers:create', { customer, contacts, allowDuplicates: true }))
  data(await a.call('sync:now', {}))
  data(await b.call('team:join', { folder, deviceName: 'Bruno desktop', userName: 'Bruno Moreau' }))
  return { a, b, id, folder }
}

describe('a team through a shared folder', () => {
  it('creates, joins, and carries a customer both ways', async () => {
    const folder = tempDir('tradetier-team-')
    const a = device()
    const b = device()
    const made = data(
      await a.call('team:create', {
        folder,
        name: 'Export team',
        deviceName: 'Anna laptop',
        userName: 'Anna Li',
      }),
    )
    expect(made.team).toMatchObject({ name: 'Export team', folder })
    expect(fs.existsSync(path.join(folder, 'TradeTier', 'team.json'))).toBe(true)

    const { id } = data(
      await a.call('customers:create', {
        customer: { displayName: 'Lumière Import', country: 'FR' },
        contacts: [],
        allowDuplicates: true,
      }),
    )
    expect(data(await a.call('team:status', {})).pending).toBeGreaterThan(0)
    const sent = data(await a.call('sync:now', {}))
    expect(sent).toMatchObject({ problem: null, received: 0 })
    expect(sent.published).toBeGreaterThan(0)
    expect(data(await a.call('team:status', {})).pending).toBe(0)

    const joined = data(
      await b.call('team:join', { folder, deviceName: 'Bruno desktop', userName: 'Bruno Moreau' }),
    )
    expect(joined.team?.id).toBe(made.team?.id)
    // Joining ran a pass: the customer is here.
    expect(data(await b.call('customers:get', { id })).customer.displayName).toBe('Lumière Import')
    expect(joined.last).toMatchObject({ problem: null })
    expect(joined.last!.received).toBeGreaterThan(0)
    expect(joined.devices.map((d) => d.deviceName).sort()).toEqual(['Anna laptop', 'Bruno desktop'])
    // Each computer names its person, recorded in its file and offered as an owner on the others.
    expect(joined.userName).toBe('Bruno Moreau')
    expect(joined.devices.map((d) => [d.userName, d.clockAheadMs])).toEqual(
      expect.arrayContaining([
        ['Anna Li', null],
        ['Bruno Moreau', null],
      ]),
    )
    expect(data(await b.call('customers:facets', {})).people).toEqual(['Anna Li', 'Bruno Moreau'])

    data(await b.call('customers:update', { id, patch: { city: 'Lyon' } }))
    data(await b.call('sync:now', {}))
    const back = data(await a.call('sync:now', {}))
    expect(back.received).toBeGreaterThan(0)
    expect(data(await a.call('customers:facets', {})).people).toEqual(['Anna Li', 'Bruno Moreau'])
    expect(data(await a.call('customers:get', { id })).customer.city).toBe('Lyon')

    // A pass with nothing new announces only its own report: not meta, which every screen reading
    // a setting would reload for, once a minute.
    events.length = 0
    expect(data(await a.call('sync:now', {}))).toMatchObject({ published: 0, received: 0, problem: null })
    expect(events).toEqual([['sync_state']])

    // Leaving keeps the customers; the folder stays as it is.
    const left = data(await b.call('team:leave', {}))
    expect(left.team).toBeNull()
    expect(data(await b.call('customers:get', { id })).customer.city).toBe('Lyon')
  })

  it('refuses a folder it cannot use and writes nothing', async () => {
    const a = device()
    const missing = path.join(tempDir(), 'not-mounted')
    const refused = async (res: Promise<{ ok: boolean; error?: { code: string; details?: unknown } }>) => {
      const r = await res
      expect(r.ok).toBe(false)
      expect(r.error?.code).toBe('team_folder')
      return (r.error?.details as { problem: string }).problem
    }
    expect(await refused(a.call('team:join', { folder: missing, deviceName: 'A', userName: 'User A' }))).toBe(
      'missing',
    )
    expect(
      await refused(
        a.call('team:create', { folder: missing, name: 'T', deviceName: 'A', userName: 'User A' }),
      ),
    ).toBe('missing')
    const empty = tempDir()
    expect(await refused(a.call('team:join', { folder: empty, deviceName: 'A', userName: 'User A' }))).toBe(
      'no_team',
    )
    fs.writeFileSync(path.join(empty, 'notes.txt'), 'not a team')
    expect(await refused(a.call('team:join', { folder: empty, deviceName: 'A', userName: 'User A' }))).toBe(
      'no_team',
    )
    expect(await refused(a.call('sync:now', {}))).toBe('no_link')
    expect(meta(a.s)).toEqual([])

    const folder = tempDir()
    data(await a.call('team:create', { folder, name: 'T', deviceName: 'A', userName: 'User A' }))
    const b = device()
    expect(
      await refused(b.call('team:create', { folder, name: 'Other', deviceName: 'B', userName: 'User B' })),
    ).toBe('already_team')
    expect(meta(b.s)).toEqual([])
    expect(await refused(a.call('team:join', { folder, deviceName: 'A', userName: 'User A' }))).toBe(
      'in_team',
    )

    // The folder unplugged: the pass says so and reads or writes nothing.
    fs.rmSync(folder, { recursive: true })
    const report = data(await a.call('sync:now', {}))
    expect(report).toMatchObject({ problem: 'missing', published: 0, received: 0 })
    expect(fs.existsSync(folder)).toBe(false)
  })

  it('lists a conflict with names on both computers; choosing the other value settles it on both', async () => {
    const { a, b, id } = await annaAndBruno({ displayName: 'Gulf Star Trading', country: 'AE' })
    data(await a.call('customers:update', { id, patch: { city: 'Dubai' } }))
    data(await b.call('customers:update', { id, patch: { city: 'Sharjah' } }))
    data(await a.call('sync:now', {}))
    data(await b.call('sync:now', {}))
    data(await a.call('sync:now', {}))
    const onA = data(await a.call('sync:conflicts', {})).conflicts
    const onB = data(await b.call('sync:conflicts', {})).conflicts
    expect(onA).toHaveLength(1)
    expect(onB).toHaveLength(1)
    const c = onA[0]!
    expect(c).toMatchObject({
      table: 'customers',
      rowId: id,
      column: 'city',
      label: 'Gulf Star Trading',
      customerId: id,
    })
    expect([c.kept.value, c.other.value].sort()).toEqual(['Dubai', 'Sharjah'])
    expect([c.kept.deviceName, c.other.deviceName].sort()).toEqual(['Anna laptop', 'Bruno desktop'])
    const city = async (d: typeof a) => data(await d.call('customers:get', { id })).customer.city
    expect(await city(a)).toBe(c.kept.value)
    expect(await city(b)).toBe(c.kept.value)
    expect(data(await a.call('team:status', {})).conflicts).toBe(1)

    // Anna keeps the other value: a new change, which settles the conflict on Bruno's too.
    data(await a.call('sync:resolve', { id: c.id, keep: 'other' }))
    expect(await city(a)).toBe(c.other.value)
    expect(data(await a.call('sync:conflicts', {})).conflicts).toEqual([])
    data(await a.call('sync:now', {}))
    data(await b.call('sync:now', {}))
    expect(await city(b)).toBe(c.other.value)
    expect(data(await b.call('sync:conflicts', {})).conflicts).toEqual([])
    expect(data(await b.call('team:status', {})).conflicts).toBe(0)
    // Settled once: a second choice is refused.
    const again = await a.call('sync:resolve', { id: c.id, keep: 'kept' })
    expect(again.ok).toBe(false)

    // A second conflict, on the notes: Bruno keeps the value shown. That too is a change, which
    // settles the conflict on Anna's computer, and the value stays what both show.
    data(await a.call('customers:update', { id, patch: { notes: 'Call after Ramadan' } }))
    data(await b.call('customers:update', { id, patch: { notes: 'Wants samples first' } }))
    data(await a.call('sync:now', {}))
    data(await b.call('sync:now', {}))
    data(await a.call('sync:now', {}))
    const second = data(await b.call('sync:conflicts', {})).conflicts
    expect(second).toHaveLength(1)
    expect(data(await a.call('sync:conflicts', {})).conflicts).toHaveLength(1)
    const notes = async (d: typeof a) => data(await d.call('customers:get', { id })).customer.notes
    const shown = await notes(b)
    data(await b.call('sync:resolve', { id: second[0]!.id, keep: 'kept' }))
    data(await b.call('sync:now', {}))
    data(await a.call('sync:now', {}))
    expect(data(await a.call('sync:conflicts', {})).conflicts).toEqual([])
    expect(await notes(a)).toBe(shown)
    expect(await notes(b)).toBe(shown)
  })

  it('shows a customer’s history on both computers: who changed which field, from what, to what', async () => {
    const { a, b, id } = await annaAndBruno({ displayName: 'Nordic Home AB', country: 'SE', city: 'Malmö' }, [
      { name: 'Erik Lund', emails: ['erik@nordichome.se'] },
    ])
    data(await b.call('customers:update', { id, patch: { city: 'Göteborg', tags: ['VIP'] } }))
    data(await b.call('sync:now', {}))
    data(await a.call('sync:now', {}))
    data(await a.call('customers:update', { id, patch: { notes: 'Samples sent' } }))
    data(await a.call('sync:now', {}))
    data(await b.call('sync:now', {}))

    const view = (h: {
      entries: { column: string; before: unknown; after: unknown; userName: string | null }[]
    }) => h.entries.map((e) => [e.column, e.before, e.after, e.userName])
    const onA = data(await a.call('customers:history', { id }))
    const onB = data(await b.call('customers:history', { id }))
    expect(onA.more).toBe(false)
    // Newest first: Anna's note, Bruno's city and tag, then the creation, with who made each.
    expect(view(onA).slice(0, 3)).toEqual([
      ['notes', null, 'Samples sent', 'Anna Li'],
      ['tag', null, 'VIP', 'Bruno Moreau'],
      ['city', 'Malmö', 'Göteborg', 'Bruno Moreau'],
    ])
    expect(view(onA)).toEqual(expect.arrayContaining([['display_name', null, 'Nordic Home AB', 'Anna Li']]))
    const contact = onA.entries.find((e) => e.table === 'contacts' && e.column === 'name')
    expect(contact).toMatchObject({ rowLabel: 'Erik Lund', after: 'Erik Lund', here: true })
    // The same story on Bruno's computer, told from his side.
    expect(view(onB)).toEqual(view(onA))
    expect(onB.entries.find((e) => e.column === 'city')).toMatchObject({
      here: true,
      deviceName: 'Bruno desktop',
    })
    expect(onA.entries.find((e) => e.column === 'city')).toMatchObject({
      here: false,
      deviceName: 'Bruno desktop',
    })
    // A customer that is not there is refused, not answered empty.
    expect((await a.call('customers:history', { id: 'nope' })).ok).toBe(false)
  })

  it('publishes the last changes when the app closes, so a teammate gets them without waiting', async () => {
    const folder = tempDir('tradetier-team-')
    const a = device()
    const b = device()
    data(await a.call('team:create', { folder, name: 'T', deviceName: 'Anna laptop', userName: 'Anna Li' }))
    data(await b.call('team:join', { folder, deviceName: 'Bruno desktop', userName: 'Bruno Moreau' }))
    const { id } = data(
      await a.call('customers:create', {
        customer: { displayName: 'Late Evening Ltd', country: 'GB' },
        contacts: [],
        allowDuplicates: true,
      }),
    )
    // No pass since the write: closing makes one.
    await a.s.close()
    data(await b.call('sync:now', {}))
    expect(data(await b.call('customers:get', { id })).customer.displayName).toBe('Late Evening Ltd')
  })

  it('a customer deleted on one computer while edited on the other: the delete stands, raised as a conflict on both, and restoring it syncs', async () => {
    const { a, b, id } = await annaAndBruno({
      displayName: 'Baltic Timber OÜ',
      country: 'EE',
      city: 'Tallinn',
    })
    // Offline: Anna deletes it, Bruno edits it twice.
    data(await a.call('customers:delete', { id }))
    data(await b.call('customers:update', { id, patch: { city: 'Tartu' } }))
    data(await b.call('customers:update', { id, patch: { notes: 'New warehouse in Tartu' } }))
    data(await a.call('sync:now', {}))
    data(await b.call('sync:now', {}))
    data(await a.call('sync:now', {}))
    const row = (d: typeof a) =>
      d.s.db.prepare('SELECT deleted_at, city, notes FROM customers WHERE id = ?').get(id) as {
        deleted_at: string | null
        city: string
        notes: string
      }
    for (const d of [a, b]) {
      // The delete stands; Bruno's values are kept in the row, to come back with it.
      expect(row(d)).toMatchObject({ city: 'Tartu', notes: 'New warehouse in Tartu' })
      expect(row(d).deleted_at).not.toBeNull()
      const open = data(await d.call('sync:conflicts', {})).conflicts
      expect(open).toHaveLength(1)
      expect(open[0]).toMatchObject({ column: 'deleted_at', label: 'Baltic Timber OÜ', customerId: id })
      expect(open[0]!.other.value).toBeNull()
    }
    // The same conflict on both: the same stamps.
    const pair = async (d: typeof a) => {
      const c = data(await d.call('sync:conflicts', {})).conflicts[0]!
      return [c.kept.at, c.other.at, c.kept.deviceId, c.other.deviceId]
    }
    expect(await pair(a)).toEqual(await pair(b))
    // Bruno brings it back: a change like any other, and Anna's computer follows.
    const c = data(await b.call('sync:conflicts', {})).conflicts[0]!
    data(await b.call('sync:resolve', { id: c.id, keep: 'other' }))
    data(await b.call('sync:now', {}))
    data(await a.call('sync:now', {}))
    for (const d of [a, b]) {
      expect(row(d).deleted_at).toBeNull()
      expect(data(await d.call('sync:conflicts', {})).conflicts).toEqual([])
    }
    expect(data(await a.call('customers:get', { id })).customer.city).toBe('Tartu')
  })
})

describe('a merge meeting rows added where it had not been seen', () => {
  it('moves them to the survivor on every computer, with no conflict to review', async () => {
    const { a, b, id: survivor } = await annaAndBruno({ displayName: 'Shenzhen Licheng', country: 'CN' })
    const other = data(
      await a.call('customers:create', {
        customer: { displayName: 'Licheng Building Materials', country: 'CN' },
        contacts: [],
        allowDuplicates: true,
      }),
    ).id
    data(await a.call('sync:now', {}))
    data(await b.call('sync:now', {}))

    // Bruno, offline at the fair, adds an order, a contact and a tag to the customer Anna merges
    // away meanwhile.
    data(
      await b.call('orders:create', {
        customerId: other,
        order: { date: '2026-10-01', amount: 48_000, currency: 'USD', status: 'paid' },
      }),
    )
    const contact = data(
      await b.call('contacts:create', { customerId: other, contact: { name: 'Wang Fang' } }),
    )
    data(await b.call('customers:update', { id: other, patch: { tags: ['Canton Fair'] } }))
    data(await a.call('customers:merge', { survivorId: survivor, otherId: other, fields: {} }))
    data(await a.call('sync:now', {}))

    // Bruno's pass sends his rows and receives the merge: his rows go to the survivor there and
    // out; Anna's next pass brings both.
    data(await b.call('sync:now', {}))
    data(await a.call('sync:now', {}))
    data(await b.call('sync:now', {}))
    for (const d of [a, b]) {
      const page = data(await d.call('customers:get', { id: survivor }))
      expect(page.contacts.map((c) => c.id)).toContain(contact.id)
      expect(page.customer.tags).toContain('Canton Fair')
      const orders = data(await d.call('orders:list', { customerId: survivor }))
      expect(orders.orders.map((o) => o.amount)).toContain(48_000)
      expect(orders.figures.revenueUsd).toBe(48_000)
      expect(data(await d.call('sync:conflicts', {})).conflicts).toEqual([])
    }
    // Nothing is left under the merged-away customer on either computer.
    for (const d of [a, b]) {
      const left = d.s.db
        .prepare(
          `SELECT (SELECT count(*) FROM orders WHERE customer_id = ?) + (SELECT count(*) FROM contacts WHERE customer_id = ?)
             + (SELECT count(*) FROM customer_tags WHERE customer_id = ? AND deleted_at IS NULL)`,
        )
        .pluck()
        .get(other, other, other)
      expect(left).toBe(0)
    }
  })
})

describe('changes from a newer TradeTier', () => {
  it('are kept and shown while this version cannot read them, and applied after an update', async () => {
    const { a, id } = await annaAndBruno({ displayName: 'Parked Imports', country: 'FR', city: 'Lille' })
    // What an older version parked: a teammate's city for this customer (a column it did not know
    // then, and knows now that it was updated) and a column it still does not know.
    const teammate = 'abcdef0123456789'
    const stamp = (ms: number) => `${String(ms).padStart(15, '0')}-0000-${teammate}`
    const park = a.s.db.prepare(
      'INSERT INTO sync_parked (hlc, tbl, row_id, col, value, prev_hlc) VALUES (?, ?, ?, ?, ?, NULL)',
    )
    park.run(stamp(Date.now() + 1000), 'customers', id, 'city', JSON.stringify('Roubaix'))
    park.run(stamp(Date.now() + 2000), 'customers', id, 'loyalty_points', JSON.stringify(12))
    a.s.changes.touch('sync_parked')
    // This version's update: the parked changes were last tried against an older schema.
    const updated = () => a.s.db.prepare("UPDATE meta SET value = '0' WHERE key = 'sync.parked_tried'").run()
    updated()
    expect(data(await a.call('sync:state', {})).parked).toBe(2)
    expect(data(await a.call('team:status', {})).parked).toBe(2)

    const pass = data(await a.call('sync:now', {}))
    expect(pass.received).toBeGreaterThanOrEqual(1)
    expect(data(await a.call('customers:get', { id })).customer.city).toBe('Roubaix')
    // The one this version still cannot read stays, and is still shown.
    expect(data(await a.call('team:status', {})).parked).toBe(1)
    const left = a.s.db.prepare('SELECT col FROM sync_parked').pluck().all()
    expect(left).toEqual(['loyalty_points'])

    // A parked change older than an edit made since loses to it, as any teammate's change would.
    data(await a.call('customers:update', { id, patch: { city: 'Lyon' } }))
    park.run(stamp(1_000_000), 'customers', id, 'city', JSON.stringify('Old Town'))
    // Parked by this very version, it is not tried again on every pass: only after an update.
    data(await a.call('sync:now', {}))
    expect(a.s.db.prepare('SELECT count(*) FROM sync_parked').pluck().get()).toBe(2)
    updated()
    data(await a.call('sync:now', {}))
    expect(data(await a.call('customers:get', { id })).customer.city).toBe('Lyon')
    expect(a.s.db.prepare('SELECT count(*) FROM sync_parked').pluck().get()).toBe(1)
  })
})

describe("a computer's file in the team folder", () => {
  const file = (root: string, deviceId: string) =>
    JSON.parse(fs.readFileSync(path.join(root, 'TradeTier', 'devices', `${deviceId}.json`), 'utf8')) as {
      publishedSeq: number
      wallClock: string
    }

  it('is rewritten when what it says changes, not on every pass', async () => {
    const { a, folder } = await annaAndBruno({ displayName: 'Quiet Folder Ltd', country: 'DE' })
    const first = file(folder, a.s.deviceId)
    data(await a.call('sync:now', {}))
    expect(file(folder, a.s.deviceId)).toEqual(first)
    data(
      await a.call('customers:create', {
        customer: { displayName: 'Busy Folder GmbH', country: 'DE' },
        contacts: [],
        allowDuplicates: true,
      }),
    )
    data(await a.call('sync:now', {}))
    const next = file(folder, a.s.deviceId)
    expect(next.publishedSeq).toBeGreaterThan(first.publishedSeq)
    expect(next.wallClock >= first.wallClock).toBe(true)
  })

  it('is refreshed when its clock reading is ten minutes old, or ahead of the clock', () => {
    const base = {
      deviceId: 'abcdef0123456789',
      deviceName: 'Anna laptop',
      userName: 'Anna Li',
      appVersion: '1.0.0',
      schemaVersion: 29,
      publishedSeq: 12,
      applied: { '0123456789abcdef': 4, fedcba9876543210: 7 },
      wallClock: '2026-12-07T10:00:00.000Z',
    }
    const at = (wallClock: string) => ({ ...base, wallClock })
    expect(deviceFileDue(undefined, base)).toBe(true)
    expect(deviceFileDue(base, at('2026-12-07T10:09:00.000Z'))).toBe(false)
    // The same applied positions listed in another order are the same facts.
    expect(
      deviceFileDue(base, {
        ...at('2026-12-07T10:01:00.000Z'),
        applied: { fedcba9876543210: 7, '0123456789abcdef': 4 },
      }),
    ).toBe(false)
    expect(deviceFileDue(base, at('2026-12-07T10:10:00.000Z'))).toBe(true)
    expect(deviceFileDue(base, at('2026-12-07T09:59:00.000Z'))).toBe(true)
    expect(deviceFileDue(base, { ...at('2026-12-07T10:01:00.000Z'), publishedSeq: 13 })).toBe(true)
    expect(deviceFileDue(base, { ...at('2026-12-07T10:01:00.000Z'), appVersion: '1.1.0' })).toBe(true)
  })
})

describe('choosing the team folder', () => {
  it("asks the desktop's folder dialog, and answers null where there is none", async () => {
    const chosen: string[] = []
    const s = tempServices({
      chooseTeamFolder: () => {
        chosen.push('asked')
        return Promise.resolve('/Users/anna/Dropbox/Export team')
      },
    })
    open.push(s)
    expect(data(await caller(() => s)('team:chooseFolder', {}))).toEqual({
      folder: '/Users/anna/Dropbox/Export team',
    })
    expect(chosen).toEqual(['asked'])
    const cancelled = tempServices({ chooseTeamFolder: () => Promise.resolve(null) })
    open.push(cancelled)
    expect(data(await caller(() => cancelled)('team:chooseFolder', {}))).toEqual({ folder: null })
    // The harness has no dialog: nothing to choose, nothing written.
    const { call } = device()
    expect(data(await call('team:chooseFolder', {}))).toEqual({ folder: null })
    expect(data(await call('team:status', {})).team).toBeNull()
  })
})

describe('failure cases from the design (design/sync.md)', () => {
  const tags = async (d: { call: ReturnType<typeof caller> }, id: string) =>
    [...data(await d.call('customers:get', { id })).customer.tags].sort()

  it('the same tag added on two computers and removed on one: both end the same, removed, and adding it again shows everywhere', async () => {
    const { a, b, id } = await annaAndBruno({ displayName: 'Tagged Twice Ltd', country: 'GB' })
    data(await a.call('customers:update', { id, patch: { tags: ['VIP'] } }))
    data(await b.call('customers:update', { id, patch: { tags: ['VIP'] } }))
    data(await a.call('customers:update', { id, patch: { tags: [] } }))
    for (const d of [a, b, a, b]) data(await d.call('sync:now', {}))
    expect(await tags(a, id)).toEqual(await tags(b, id))
    expect(await tags(a, id)).toEqual([])
    data(await b.call('customers:update', { id, patch: { tags: ['VIP', 'Canton Fair'] } }))
    for (const d of [b, a]) data(await d.call('sync:now', {}))
    expect(await tags(a, id)).toEqual(['Canton Fair', 'VIP'])
    expect(await tags(b, id)).toEqual(['Canton Fair', 'VIP'])
  })

  it('a reminder arriving before its customer waits in the data, and is due once the customer arrives', async () => {
    const { a, b, id, folder } = await annaAndBruno({ displayName: 'Late Arrival SA', country: 'FR' })
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)
    const { id: reminder } = data(
      await b.call('reminders:create', { customerId: id, reminder: { kind: 'follow_up', dueDate: due } }),
    )
    data(await b.call('sync:now', {}))
    // A third computer gets Bruno's segments before Anna's: her files hidden for its first pass.
    const logDir = path.join(folder, 'TradeTier', 'log')
    const aside = tempDir('tradetier-aside-')
    const annas = fs.readdirSync(logDir).filter((f) => f.includes(a.s.deviceId))
    for (const f of annas) fs.renameSync(path.join(logDir, f), path.join(aside, f))
    const c = device()
    const first = data(
      await c.call('team:join', { folder, deviceName: 'Chen desktop', userName: 'Chen Wei' }),
    )
    expect(first.last?.problem).toBeNull()
    expect((await c.call('customers:get', { id })).ok).toBe(false)
    expect(c.s.db.prepare('SELECT count(*) FROM reminders WHERE id = ?').pluck().get(reminder)).toBe(1)
    // Nothing is due for a customer this computer does not have yet.
    const dueHere = () =>
      c.s.db.prepare('SELECT date FROM reminder_occurrences WHERE reminder_id = ?').pluck().all(reminder)
    expect(dueHere()).toEqual([])

    for (const f of annas) fs.renameSync(path.join(aside, f), path.join(logDir, f))
    data(await c.call('sync:now', {}))
    expect(data(await c.call('customers:get', { id })).customer.displayName).toBe('Late Arrival SA')
    const listed = data(await c.call('reminders:list', { customerId: id }))
    expect(listed.reminders.map((r) => r.id)).toEqual([reminder])
    expect(listed.occurrences.map((o) => o.date)).toContain(due)
    expect(dueHere()).toContain(due)
  })
})
