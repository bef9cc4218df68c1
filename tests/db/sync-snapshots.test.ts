// Snapshots (issue 13 §5, design/sync.md): a new computer joins from the team's newest snapshot and
// reads only the segments after it; a snapshot is verified whole or not used; a device removes its
// own segments once a snapshot past its grace period covers them and every active teammate has
// them; a computer away longer than the team waits rejoins from the snapshot, losing nothing it made
// and bringing back nothing deleted. Real services, real SQLite files, a real folder.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { ServicesHost } from '../../electron/main/features/backups/host'
import {
  SCRATCH_PREFIX,
  SEGMENT_GRACE_MS,
  extractSnapshot,
  listSnapshots,
  readSnapshotHeader,
  verifySnapshot,
} from '../../electron/main/sync/snapshot'
import { scanLog } from '../../electron/main/sync/log-folder'
import { JOINING_FILE } from '../../electron/main/features/team/snapshots'
import { caller, data, tempDir } from '../helpers/tmp'

const DAY = 86_400_000
const hosts: ServicesHost<Services>[] = []
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.current?.close()
})

/** A computer whose services a join can swap under it, on a clock the test moves. */
function computer(clock: { now: number }) {
  const dir = tempDir()
  const h = new ServicesHost<Services>((restart) =>
    createServices(dir, { restart, appVersion: '1.0.0', now: () => new Date(clock.now) }),
  )
  hosts.push(h)
  h.start()
  const call = caller(() => h.current!)
  return { h, dir, call, s: () => h.current! }
}

const customer = (displayName: string) => ({
  customer: { displayName, country: 'FR' as const },
  contacts: [{ name: `${displayName} buyer`, emails: [] }],
  allowDuplicates: true,
})

/** Anna's computer with a new team in a new folder, on a clock the test moves. */
async function annaTeam() {
  const clock = { now: Date.parse('2026-11-02T09:00:00Z') }
  const folder = tempDir('tradetier-team-')
  const a = computer(clock)
  data(await a.call('team:create', { folder, name: 'T', deviceName: 'Anna laptop', userName: 'Anna Li' }))
  return { clock, folder, logDir: path.join(folder, 'TradeTier', 'log'), a }
}

/** Damaged in the folder (a sync client's bad copy): one byte of its packed data. */
function damage(file: string) {
  const bytes = fs.readFileSync(file)
  bytes[Math.floor(bytes.length / 2)]! ^= 0xff
  fs.writeFileSync(file, bytes)
}

async function snapshotNow(c: ReturnType<typeof computer>) {
  return c.s().jobs.run('snapshot', { dataDir: c.dir, appVersion: '1.0.0' })
}

describe('snapshots', () => {
  it('a new computer joins from the snapshot and reads only the segments after it', async () => {
    const { clock, folder, a } = await annaTeam()
    const ids: string[] = []
    for (const n of ['Lumière SARL', 'Haiyun Trading', 'Kaya Foods'])
      ids.push(data(await a.call('customers:create', customer(n))).id)
    data(
      await a.call('orders:create', {
        customerId: ids[0]!,
        order: { date: '2026-10-01', amount: 250_000, currency: 'USD', status: 'paid' },
      }),
    )
    data(await a.call('customers:update', { id: ids[1]!, patch: { city: 'Ningbo' } }))
    data(await a.call('sync:now', {}))
    const made = await snapshotNow(a)
    expect(made.written).not.toBeNull()
    const header = readSnapshotHeader(made.written!)!
    expect(header.covers[a.s().deviceId]).toBeGreaterThan(0)
    expect(header.customers).toBe(3)
    expect(await verifySnapshot(made.written!)).toBe(true)
    // Not due again while nothing is new.
    expect((await snapshotNow(a)).written).toBeNull()

    // After the snapshot: one more customer, in a segment the joiner reads.
    const later = data(await a.call('customers:create', customer('After Snapshot GmbH'))).id
    data(await a.call('sync:now', {}))

    const b = computer(clock)
    const bId = b.s().deviceId
    const status = data(
      await b.call('team:join', { folder, deviceName: 'Bruno desktop', userName: 'Bruno Moreau' }),
    )
    expect(status.team?.id).toBeDefined()
    expect(status.deviceId).toBe(bId)
    // The maker's births are not Bruno's to send: nothing waits to go out.
    expect(status.pending).toBe(0)
    expect(b.s().deviceId).toBe(bId)
    expect(fs.existsSync(path.join(b.dir, JOINING_FILE))).toBe(false)
    // From the snapshot before any pass: the customers, their derived figures and the history.
    const got = data(await b.call('customers:get', { id: ids[0]! }))
    expect(got.customer.displayName).toBe('Lumière SARL')
    expect(data(await b.call('customers:get', { id: ids[1]! })).customer.city).toBe('Ningbo')
    const history = data(await b.call('customers:history', { id: ids[1]! }))
    expect(history.entries.some((e) => e.column === 'city' && e.after === 'Ningbo' && !e.here)).toBe(true)
    // Nothing of Anna's device came with it: its id, its clock, its outgoing log.
    const bdb = b.s().db
    expect(bdb.prepare("SELECT value FROM meta WHERE key = 'sync.user_name'").pluck().get()).toBe(
      'Bruno Moreau',
    )
    expect(bdb.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(0)
    expect((await b.call('customers:get', { id: later })).ok).toBe(false)

    // The pass reads only what the snapshot does not cover: the one later customer's segment.
    const aId = a.s().deviceId
    const applied = () =>
      Number(bdb.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(`sync.applied.${aId}`))
    expect(applied()).toBe(header.covers[aId])
    const pass = data(await b.call('sync:now', {}))
    expect(pass.waiting).toEqual([])
    expect(pass.received).toBeGreaterThan(0)
    const bdb2 = b.s().db
    expect(
      Number(bdb2.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(`sync.applied.${aId}`)),
    ).toBe(Number(a.s().db.prepare("SELECT value FROM meta WHERE key = 'sync.published_seq'").pluck().get()))
    expect(data(await b.call('customers:get', { id: later })).customer.displayName).toBe(
      'After Snapshot GmbH',
    )

    // Bruno's own changes go out as a new stream, and Anna gets them.
    data(await b.call('customers:update', { id: ids[2]!, patch: { city: 'Lille' } }))
    data(await b.call('sync:now', {}))
    data(await a.call('sync:now', {}))
    expect(data(await a.call('customers:get', { id: ids[2]! })).customer.city).toBe('Lille')
  })

  it('a computer with data of its own (a rate typed in, no customer yet) joins by the segments and keeps it', async () => {
    const { clock, folder, a } = await annaTeam()
    data(await a.call('customers:create', customer('Lumière SARL')))
    data(await a.call('sync:now', {}))
    expect((await snapshotNow(a)).written).not.toBeNull()
    const b = computer(clock)
    data(await b.call('rates:set', { currency: 'EUR', date: '2026-10-01', usdPerUnit: 1.08 }))
    data(await b.call('team:join', { folder, deviceName: 'Bruno desktop', userName: 'Bruno Moreau' }))
    const rates = data(await b.call('rates:list', {})).rates
    expect(rates.some((r) => r.currency === 'EUR' && r.usdPerUnit === 1.08)).toBe(true)
    // And it goes out to Anna.
    data(await b.call('sync:now', {}))
    data(await a.call('sync:now', {}))
    expect(data(await a.call('rates:list', {})).rates.some((r) => r.currency === 'EUR')).toBe(true)
  })

  it('a customer typed while the snapshot is being prepared is kept: the join reads the segments instead', async () => {
    const { clock, folder, a } = await annaTeam()
    const x = data(await a.call('customers:create', customer('Lumière SARL'))).id
    data(await a.call('sync:now', {}))
    expect((await snapshotNow(a)).written).not.toBeNull()
    const b = computer(clock)
    const joining = b.call('team:join', { folder, deviceName: 'Bruno desktop', userName: 'Bruno Moreau' })
    const typed = data(await b.call('customers:create', customer('Typed Meanwhile GmbH'))).id
    data(await joining)
    expect(fs.existsSync(path.join(b.dir, JOINING_FILE))).toBe(false)
    expect(data(await b.call('customers:get', { id: typed })).customer.displayName).toBe(
      'Typed Meanwhile GmbH',
    )
    expect(data(await b.call('customers:get', { id: x })).customer.displayName).toBe('Lumière SARL')
  })

  it('a damaged or cut snapshot is never used: the join reads the segments instead', async () => {
    const { clock, folder, a } = await annaTeam()
    const id = data(await a.call('customers:create', customer('Lumière SARL'))).id
    data(await a.call('sync:now', {}))
    const file = (await snapshotNow(a)).written!
    const bytes = fs.readFileSync(file)

    // One bit flipped in the header, in the packed data, in the chunk table; the file cut short:
    // each fails its check, leaving nothing.
    const target = path.join(tempDir(), 'x.db')
    const flip = (at: number) =>
      Buffer.concat([bytes.subarray(0, at), Buffer.from([bytes[at]! ^ 1]), bytes.subarray(at + 1)])
    for (const bad of [
      flip(40),
      flip(Math.floor(bytes.length / 2)),
      flip(bytes.length - 60),
      bytes.subarray(0, bytes.length - 100),
    ]) {
      fs.writeFileSync(file, bad)
      expect(await verifySnapshot(file)).toBe(false)
      await expect(extractSnapshot(file, target)).rejects.toThrow()
      expect(fs.existsSync(target)).toBe(false)
    }

    const b = computer(clock)
    // The join passes over the damaged snapshot and reads the segments: all of it, never half.
    data(await b.call('team:join', { folder, deviceName: 'Bruno desktop', userName: 'Bruno Moreau' }))
    expect(fs.existsSync(path.join(b.dir, JOINING_FILE))).toBe(false)
    expect(data(await b.call('customers:get', { id })).customer.displayName).toBe('Lumière SARL')
  })

  it('two computers writing a snapshot at once: both are whole, and a joiner starts from the newest', async () => {
    const { clock, folder, a } = await annaTeam()
    const b = computer(clock)
    data(await b.call('team:join', { folder, deviceName: 'Bruno desktop', userName: 'Bruno Moreau' }))
    const x = data(await a.call('customers:create', customer('Lumière SARL'))).id
    const y = data(await b.call('customers:create', customer('Haiyun Trading'))).id
    for (const c of [a, b, a]) data(await c.call('sync:now', {}))
    // Both due (no snapshot yet), both writing in the same moment.
    const [ma, mb] = await Promise.all([snapshotNow(a), snapshotNow(b)])
    expect(ma.written).not.toBeNull()
    expect(mb.written).not.toBeNull()
    const root = path.join(folder, 'TradeTier')
    const all = listSnapshots(root)
    expect(all).toHaveLength(2)
    for (const snap of all) expect(await verifySnapshot(snap.file)).toBe(true)
    // Neither writes another while the newest is young.
    expect((await snapshotNow(a)).written).toBeNull()
    expect((await snapshotNow(b)).written).toBeNull()

    const c = computer(clock)
    data(await c.call('team:join', { folder, deviceName: 'Chloé laptop', userName: 'Chloé Roy' }))
    data(await c.call('sync:now', {}))
    expect(data(await c.call('customers:get', { id: x })).customer.displayName).toBe('Lumière SARL')
    expect(data(await c.call('customers:get', { id: y })).customer.displayName).toBe('Haiyun Trading')
  })

  it('a damaged newest snapshot is never pruned by: it is replaced with a whole one first', async () => {
    const { clock, a } = await annaTeam()
    for (const n of ['Lumière SARL', 'Haiyun Trading']) data(await a.call('customers:create', customer(n)))
    data(await a.call('sync:now', {}))
    damage((await snapshotNow(a)).written!)
    clock.now += SEGMENT_GRACE_MS + DAY
    const pass = await snapshotNow(a)
    expect(pass.removed.filter((f) => f.endsWith('.seg'))).toEqual([])
    expect(pass.written).not.toBeNull()
    expect(await verifySnapshot(pass.written!)).toBe(true)
    // Once the whole one is past its grace period, it is relied on.
    clock.now += SEGMENT_GRACE_MS + DAY
    expect((await snapshotNow(a)).removed.some((f) => f.endsWith('.seg'))).toBe(true)
  })

  it('a teammate holding less than a damaged snapshot claims neither prunes by it nor replaces it', async () => {
    const { clock, folder, logDir, a } = await annaTeam()
    const b = computer(clock)
    data(await b.call('team:join', { folder, deviceName: 'Bruno desktop', userName: 'Bruno Moreau' }))
    data(await b.call('customers:create', customer('Haiyun Trading')))
    data(await b.call('sync:now', {}))
    data(await a.call('sync:now', {}))
    // Anna goes on; Bruno has not read her latest when her snapshot (of his stream too) is damaged.
    data(await a.call('customers:create', customer('Lumière SARL')))
    data(await a.call('sync:now', {}))
    damage((await snapshotNow(a)).written!)
    clock.now += SEGMENT_GRACE_MS + DAY
    const bId = b.s().deviceId
    const before = scanLog(logDir).segments.filter((f) => f.device === bId).length
    expect(before).toBeGreaterThan(0)
    const pass = await snapshotNow(b)
    expect(pass).toEqual({ written: null, removed: [] })
    expect(scanLog(logDir).segments.filter((f) => f.device === bId)).toHaveLength(before)
  })

  it('a join or a snapshot cut short by a crash leaves nothing behind after the next start', async () => {
    const clock = { now: Date.parse('2026-11-02T09:00:00Z') }
    const a = computer(clock)
    await a.h.current!.close()
    a.h.current = null
    const left = [JOINING_FILE, `${SCRATCH_PREFIX}0f1e2d3c.db`]
    for (const name of left) fs.writeFileSync(path.join(a.dir, name), 'half')
    fs.writeFileSync(path.join(a.dir, 'snapshot-notes.txt'), 'not ours')
    a.h.start()
    for (const name of left) expect(fs.existsSync(path.join(a.dir, name))).toBe(false)
    expect(fs.existsSync(path.join(a.dir, 'snapshot-notes.txt'))).toBe(true)
  })

  it('prunes its own segments only past the grace period and once every active teammate has them', async () => {
    const { clock, folder, logDir, a } = await annaTeam()
    const c = computer(clock)
    data(await c.call('customers:create', customer('Chloé own customer')))
    data(await c.call('team:join', { folder, deviceName: 'Chloé laptop', userName: 'Chloé Roy' }))
    const gone = data(await a.call('customers:create', customer('Deleted While Away'))).id
    data(await a.call('customers:create', customer('Before The Snapshot')))
    data(await a.call('sync:now', {}))
    data(await c.call('sync:now', {}))
    const aId = a.s().deviceId
    const cOld = c.s().deviceId
    const own = () => scanLog(logDir).segments.filter((s) => s.device === aId)
    expect(own().length).toBeGreaterThan(0)

    // Chloé goes offline with the customer Anna is about to delete; Anna deletes it and goes on.
    data(await c.call('customers:update', { id: gone, patch: { city: 'Brest' } }))
    data(await a.call('customers:delete', { id: gone }))
    data(await a.call('sync:now', {}))
    expect((await snapshotNow(a)).written).not.toBeNull()
    const first = own()
    expect(first.length).toBeGreaterThan(1)
    // Within the grace period nothing goes; past it, what Chloé (active) has applied, and no more.
    clock.now += SEGMENT_GRACE_MS - DAY
    expect((await snapshotNow(a)).removed).toEqual([])
    clock.now += 2 * DAY
    const chloeHas = c
      .s()
      .db.prepare('SELECT value FROM meta WHERE key = ?')
      .pluck()
      .get(`sync.applied.${aId}`)
    const removed = (await snapshotNow(a)).removed
    expect(removed).toEqual(
      first.filter((s) => s.lastSeq <= Number(chloeHas)).map((s) => path.basename(s.file)),
    )
    expect(removed.length).toBeGreaterThan(0)
    expect(own().length).toBe(first.length - removed.length)

    // Six months on (design/sync.md: "a device offline six months across compaction"), Chloé
    // counts as away: Anna's covered segments go; the snapshot stays.
    clock.now += 180 * DAY
    data(await a.call('sync:now', {}))
    const pass = await snapshotNow(a)
    expect(pass.removed.some((f) => f.endsWith('.seg'))).toBe(true)
    expect(own().every((s) => s.firstSeq > 1)).toBe(true)
    expect(listSnapshots(path.join(folder, 'TradeTier')).length).toBeGreaterThan(0)

    // Chloé comes back: her edit goes out, she rejoins from the snapshot under a new id, the
    // deleted customer stays deleted, her own customer and her edit are still there.
    const back = data(await c.call('sync:now', {}))
    expect(back.waiting.some((w) => w.problem === 'pruned')).toBe(true)
    expect(c.s().deviceId).not.toBe(cOld)
    data(await c.call('sync:now', {}))
    expect((await c.call('customers:get', { id: gone })).ok).toBe(false)
    const names = c
      .s()
      .db.prepare('SELECT display_name FROM customers WHERE deleted_at IS NULL ORDER BY 1')
      .pluck()
      .all() as string[]
    expect(names).toEqual(['Before The Snapshot', 'Chloé own customer'])
    // Anna: the edit to the customer she deleted arrives as a delete-vs-edit conflict, not a revival.
    const seen = data(await a.call('sync:now', {}))
    expect(seen.waiting).toEqual([])
    expect((await a.call('customers:get', { id: gone })).ok).toBe(false)
    const adb = a.s().db
    expect(adb.prepare('SELECT city FROM customers WHERE id = ?').pluck().get(gone)).toBe('Brest')
    expect(
      adb
        .prepare(
          "SELECT count(*) FROM sync_conflicts WHERE row_id = ? AND col = 'deleted_at' AND resolved_at IS NULL",
        )
        .pluck()
        .get(gone),
    ).toBe(1)
    expect(
      adb.prepare("SELECT count(*) FROM customers WHERE display_name = 'Chloé own customer'").pluck().get(),
    ).toBe(1)
  })
})
