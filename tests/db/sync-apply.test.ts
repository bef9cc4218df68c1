// Team sync between real devices (each its own data directory and SQLite file) through one shared
// log folder: what a device publishes, another applies — with its derived data, stamps that win
// per cell, concurrent edits kept as conflicts, segments read twice or out of reach, a newer app's
// changes parked — and any number of devices converge whatever order the segments reach them in.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { caller, data, tempDir } from '../helpers/tmp'
import { devicesPerTest } from '../helpers/devices'
import type { Services } from '../../electron/main/services'
import { pendingChanges, publishPending } from '../../electron/main/sync/outbox'
import { appliedFrom, receive } from '../../electron/main/sync/inbox'
import { deviceLogDir, publishSegment } from '../../electron/main/sync/log-folder'
import { encodeChange } from '../../electron/main/sync/merge'
import type { SyncChange } from '../../electron/main/sync/merge'

const { device, release } = devicesPerTest()

const TEAM = 'team-test'
const publish = (s: Services, logDir: string) =>
  publishPending(s.db, logDir, { team: TEAM, device: s.deviceId })
const pull = (s: Services, logDir: string) => receive(s.db, s.writer, logDir, s.deviceId)

async function create(s: Services, name: string, extra: Record<string, unknown> = {}) {
  const call = caller(() => s)
  return data(
    await call('customers:create', {
      customer: { displayName: name, country: 'FR', city: 'Lyon', ...extra },
      contacts: [{ name: 'Claire Martin', emails: ['claire@example.fr'], isPrimary: true }],
      allowDuplicates: true,
    }),
  ).id
}
const update = async (s: Services, id: string, patch: Record<string, unknown>) =>
  data(await caller(() => s)('customers:update', { id, patch }))

/** A table's synced facts as rows, for comparing devices (derived and local columns left out). */
const facts = (s: Services, table: string, columns: string) =>
  s.db.prepare(`SELECT id, ${columns} FROM ${table} ORDER BY id`).all()

describe('applying a teammate’s changes', () => {
  it('brings a customer, its contact and an order across, with the tier, search and duties derived here', async () => {
    const logDir = path.join(tempDir(), 'log')
    const [a, b] = [device(), device()]
    const id = await create(a, 'Maison Dupont')
    data(
      await caller(() => a)('orders:create', {
        customerId: id,
        order: { date: '2026-10-01', amount: 150_000, currency: 'USD', status: 'paid' },
      }),
    )
    publish(a, logDir)
    const report = pull(b, logDir)
    expect(report).toMatchObject({
      segments: 1,
      older: 0,
      duplicate: 0,
      conflicts: 0,
      parked: 0,
      waiting: [],
    })
    expect(report.applied).toBeGreaterThan(5)
    const onB = data(await caller(() => b)('customers:get', { id }))
    const onA = data(await caller(() => a)('customers:get', { id }))
    expect(onB.customer).toEqual(onA.customer)
    expect(onB.contacts.map((c) => c.name)).toEqual(['Claire Martin'])
    // Derived on B from the facts it received: the tier from the order, the search index, duties.
    expect(data(await caller(() => b)('tiers:get', { customerId: id })).tier).toBe(
      data(await caller(() => a)('tiers:get', { customerId: id })).tier,
    )
    const found = data(await caller(() => b)('customers:search', { query: 'Dupont', limit: 10 }))
    expect(found.hits.map((h) => h.id)).toEqual([id])
    expect(
      b.db.prepare('SELECT count(*) FROM customer_duties WHERE customer_id = ?').pluck().get(id),
    ).toBeGreaterThan(0)
    // B's clock moved past A's stamps: B's next edit wins over what it received.
    await update(b, id, { city: 'Paris' })
    publish(b, logDir)
    pull(a, logDir)
    expect(data(await caller(() => a)('customers:get', { id })).customer.city).toBe('Paris')
    expect(a.db.prepare('SELECT count(*) FROM sync_conflicts').pluck().get()).toBe(0)
  })

  it('applies rows that arrive a few cells at a time, across segments, and ends equal', async () => {
    const logDir = path.join(tempDir(), 'log')
    const [a, b] = [device(), device()]
    const id = await create(a, 'Haiyun Trading')
    data(
      await caller(() => a)('orders:create', {
        customerId: id,
        order: { date: '2026-09-15', amount: 80_000, currency: 'USD', status: 'paid' },
      }),
    )
    // Two cells a segment (as a teammate's edits of a row's cells one at a time would come): an
    // order's cells land in several segments, each applied on its own.
    const cells = pendingChanges(a.db, 0, 1000).map((p) => p.change)
    for (let i = 0; i < cells.length; i += 2)
      publishSegment(
        logDir,
        { team: TEAM, device: a.deviceId, firstSeq: i + 1, lastSeq: i + 2 },
        cells.slice(i, i + 2).map(encodeChange),
      )
    const report = pull(b, logDir)
    expect(report.waiting).toEqual([])
    expect(report.segments).toBeGreaterThan(10)
    for (const table of ['customers', 'orders', 'contacts'])
      expect(facts(b, table, '*')).toEqual(facts(a, table, '*'))
    expect(data(await caller(() => b)('tiers:get', { customerId: id })).tier).toBe(
      data(await caller(() => a)('tiers:get', { customerId: id })).tier,
    )
  })

  it('keeps both values of a cell two teammates edited without seeing each other’s, the same winner on both', async () => {
    const logDir = path.join(tempDir(), 'log')
    const [a, b] = [device(), device()]
    const id = await create(a, 'Atelier Lumière')
    publish(a, logDir)
    pull(b, logDir)
    await update(a, id, { city: 'Marseille' })
    await update(b, id, { city: 'Bordeaux' })
    publish(a, logDir)
    publish(b, logDir)
    pull(a, logDir)
    pull(b, logDir)
    const city = (s: Services) => s.db.prepare('SELECT city FROM customers WHERE id = ?').pluck().get(id)
    expect(city(a)).toBe(city(b))
    const conflicts = (s: Services) =>
      s.db
        .prepare(
          'SELECT tbl, row_id, col, winner_value, loser_value, winner_hlc, loser_hlc FROM sync_conflicts',
        )
        .all()
    expect(conflicts(a)).toEqual(conflicts(b))
    expect(conflicts(a)).toHaveLength(1)
    expect(conflicts(a)[0]).toMatchObject({ tbl: 'customers', row_id: id, col: 'city' })
    const values = [conflicts(a)[0]].flatMap((c) => {
      const row = c as { winner_value: string; loser_value: string }
      return [JSON.parse(row.winner_value), JSON.parse(row.loser_value)] as string[]
    })
    expect(values.sort()).toEqual(['Bordeaux', 'Marseille'])
    expect(values).toContain(city(a))
  })

  it('changes nothing when a segment is read again, and waits at a gap or a damaged segment', async () => {
    const logDir = path.join(tempDir(), 'log')
    const [a, b] = [device(), device()]
    await create(a, 'Nordic Timber AB')
    publish(a, logDir)
    pull(b, logDir)
    const before = facts(b, 'customers', 'display_name, city, country')
    const seq = appliedFrom(b.db, a.deviceId)
    expect(seq).toBeGreaterThan(0)
    // Nothing new: nothing read. Then, as if the record of what was applied were lost: all duplicates.
    expect(pull(b, logDir).segments).toBe(0)
    b.db.prepare("DELETE FROM meta WHERE key LIKE 'sync.applied.%'").run()
    const again = pull(b, logDir)
    expect(again).toMatchObject({ segments: 1, applied: 0, older: 0, conflicts: 0 })
    expect(again.duplicate).toBeGreaterThan(0)
    expect(facts(b, 'customers', 'display_name, city, country')).toEqual(before)

    // A teammate's segment 5–6 with 1–4 not arrived: it waits. A damaged one: it waits too.
    const other = 'abcdefabcdefabcd'
    const change = (col: string, value: string, ms: number): SyncChange => ({
      tbl: 'customers',
      rowId: '01900000-0000-7000-8000-000000000001',
      col,
      value,
      hlc: `${String(ms).padStart(15, '0')}-0000-${other}`,
      prevHlc: null,
    })
    publishSegment(logDir, { team: TEAM, device: other, firstSeq: 5, lastSeq: 5 }, [
      encodeChange(change('display_name', 'Later Ltd', Date.now())),
    ])
    const gap = pull(b, logDir)
    expect(gap.waiting).toEqual([expect.objectContaining({ device: other, problem: 'gap' })])
    const file = publishSegment(logDir, { team: TEAM, device: other, firstSeq: 1, lastSeq: 4 }, [
      encodeChange(change('display_name', 'First Ltd', Date.now())),
    ])
    const bytes = fs.readFileSync(file)
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 0xff
    fs.writeFileSync(file, bytes)
    const damaged = pull(b, logDir)
    expect(damaged.waiting).toEqual([expect.objectContaining({ device: other, problem: 'corrupt' })])
    expect(appliedFrom(b.db, other)).toBe(0)
    expect(facts(b, 'customers', 'display_name, city, country')).toEqual(before)
  })

  it('parks a newer app’s table or column with its stamp, and writes nothing else', () => {
    const logDir = path.join(tempDir(), 'log')
    const b = device()
    const other = '0123456789abcdef'
    const stamp = `${String(Date.now()).padStart(15, '0')}-0000-${other}`
    const row = '01900000-0000-7000-8000-0000000000aa'
    const dir = deviceLogDir(logDir, other)
    expect(fs.existsSync(dir)).toBe(false)
    publishSegment(logDir, { team: TEAM, device: other, firstSeq: 1, lastSeq: 2 }, [
      encodeChange({
        tbl: 'customers',
        rowId: row,
        col: 'loyalty_points',
        value: 40,
        hlc: stamp,
        prevHlc: null,
      }),
      encodeChange({
        tbl: 'loyalty_cards',
        rowId: row,
        col: 'number',
        value: 'LC-1',
        hlc: stamp,
        prevHlc: null,
      }),
    ])
    const report = pull(b, logDir)
    expect(report).toMatchObject({ applied: 0, parked: 2, segments: 1 })
    expect(b.db.prepare('SELECT tbl, col, value FROM sync_parked ORDER BY tbl').all()).toEqual([
      { tbl: 'customers', col: 'loyalty_points', value: '40' },
      { tbl: 'loyalty_cards', col: 'number', value: '"LC-1"' },
    ])
    expect(b.db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0)
  })

  it('converges on three devices whatever order the segments reach them in', async () => {
    const FIELDS = ['city', 'owner', 'notes'] as const
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('edit' as const),
        device: fc.integer({ min: 0, max: 2 }),
        customer: fc.integer({ min: 0, max: 1 }),
        field: fc.constantFrom(...FIELDS),
        value: fc.constantFrom('A', 'B', 'C', 'D'),
      }),
      fc.record({ kind: fc.constant('publish' as const), device: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant('receive' as const), device: fc.integer({ min: 0, max: 2 }) }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 18 }), async (steps) => {
        const logDir = path.join(tempDir(), 'log')
        const devices = [device(), device(), device()]
        try {
          // Two customers made on the first device, known to all before the edits start.
          const ids = [await create(devices[0]!, 'Shared One'), await create(devices[0]!, 'Shared Two')]
          publish(devices[0]!, logDir)
          for (const d of devices.slice(1)) pull(d, logDir)
          for (const s of steps) {
            const d = devices[s.device]!
            if (s.kind === 'edit') await update(d, ids[s.customer]!, { [s.field]: `${s.value}${s.device}` })
            else if (s.kind === 'publish') publish(d, logDir)
            else pull(d, logDir)
          }
          for (const d of devices) publish(d, logDir)
          for (const d of devices) pull(d, logDir)
          const state = devices.map((d) => facts(d, 'customers', 'display_name, city, owner, notes, country'))
          expect(state[1]).toEqual(state[0])
          expect(state[2]).toEqual(state[0])
        } finally {
          await release(devices)
        }
      }),
      { numRuns: 25 },
    )
  }, 120_000)
})
