// Backups and restore on real SQLite files (SPEC D2/D3, issue 11 §4).
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { DB_FILE_NAME, DatabaseDamagedError } from '../../electron/main/db/connection'
import { migrationCount } from '../../electron/main/db/connection'
import { ServicesHost, restoreLatestOffline } from '../../electron/main/features/backups/host'
import { dueAutomaticKind, listBackups, rotate } from '../../electron/main/features/backups/store'
import type { BackupEntry, BackupKind } from '../../shared/backups'
import { DEFAULT_ROTATION } from '../../shared/backups'
import type { Result } from '../../shared/errors'
import { data, tempDir } from '../helpers/tmp'

const hosts: ServicesHost<Services>[] = []
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.current?.close()
})

function host(dir = tempDir(), now?: () => Date) {
  const h = new ServicesHost<Services>((restart) =>
    createServices(dir, { restart, appVersion: '1.2.0', now }),
  )
  hosts.push(h)
  h.start()
  const call = (channel: string, input: unknown = {}) => h.current!.call(channel, input)
  return { h, dir, call }
}

/** The data of a successful call (the test fails on an error). */
async function ok<T = unknown>(res: Promise<Result<unknown>>): Promise<T> {
  return data(await res) as T
}

async function addCustomer(call: (c: string, i?: unknown) => Promise<Result<unknown>>, name: string) {
  const created = await ok<{ id: string }>(
    call('customers:create', {
      customer: { displayName: name, country: 'FR' },
      contacts: [{ name: `${name} contact`, emails: [] }],
      allowDuplicates: true,
    }),
  )
  return created.id
}

/** Every table's rows in a stable order: what a restore must give back exactly. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true })
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[]
    const out: Record<string, unknown[]> = {}
    for (const t of tables) {
      // Virtual FTS shadow tables are rebuilt from the rest; the FTS table itself is compared.
      out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()
    }
    return out
  } finally {
    db.close()
  }
}

describe('backup and restore', () => {
  it('a restore gives back the backed-up database row for row, and keeps the replaced one', async () => {
    const { h, dir, call } = host()
    const kept = await addCustomer(call, 'Maison Dupont')
    await addCustomer(call, '深圳华晟')
    const entry = await ok<BackupEntry>(call('backups:create', {}))
    expect(entry.kind).toBe('manual')
    expect(entry.customers).toBe(2)
    expect(entry.appVersion).toBe('1.2.0')
    const before = dump(path.join(dir, 'backups', entry.name))

    // Changes after the backup: one customer deleted, one added.
    await ok(call('customers:delete', { id: kept }))
    await addCustomer(call, 'Later Ltd')

    const preview = await ok<{ customers: number }>(call('backups:preview', { name: entry.name }))
    expect(preview.customers).toBe(2)
    const restored = await ok<{
      restored: { createdAt: string }
    }>(call('backups:restore', { name: entry.name }))
    expect(restored.restored.createdAt).toBe(entry.createdAt)

    // The host reopened services over the restored file.
    const live = h.current!
    expect(live.customers.count()).toBe(2)
    const got = await ok<{
      customer: { displayName: string }
    }>(call('customers:get', { id: kept }))
    expect(got.customer.displayName).toBe('Maison Dupont')
    await live.close()
    h.current = null
    const after = dump(path.join(dir, DB_FILE_NAME))
    // The restore marks the copy (restored_from/at) and gives it a new device id (a restored copy
    // must not write under the id it was backed up with: sync/identity.ts); everything else is the
    // backup, row for row.
    const meta = (rows: unknown[]) =>
      new Map((rows as { key: string; value: string }[]).map((r) => [r.key, r.value]))
    expect(meta(after.meta!).get('device_id')).not.toBe(meta(before.meta!).get('device_id'))
    expect(meta(after.meta!).get('device.previous')).toBe(
      JSON.stringify([meta(before.meta!).get('device_id')]),
    )
    // A restore's earlier id is this install's no more (left out of the team's device list).
    expect(meta(after.meta!).get('device.replaces')).toBe(
      JSON.stringify([meta(before.meta!).get('device_id')]),
    )
    const renewed = [
      'restored_from',
      'restored_at',
      'device_id',
      'device.previous',
      'device.replaces',
      'sync.seq_base',
    ]
    const strip = (rows: unknown[]) =>
      (rows as { key?: string }[]).filter((r) => !renewed.includes(r.key ?? ''))
    expect(Object.keys(after)).toEqual(Object.keys(before))
    for (const t of Object.keys(before)) expect(strip(after[t]!), t).toEqual(strip(before[t]!))

    // The live file was kept aside, and a 'before-restore' backup taken of it.
    const replaced = fs.readdirSync(path.join(dir, 'replaced'))
    expect(replaced).toHaveLength(1)
    expect(fs.existsSync(path.join(dir, 'replaced', replaced[0]!, DB_FILE_NAME))).toBe(true)
    expect(listBackups(dir).map((b) => b.kind)).toContain('before-restore')
  })

  it('refuses a backup from a newer app version or schema, and writes nothing', async () => {
    const { dir, call } = host()
    await addCustomer(call, 'Alpha')
    const entry = await ok<BackupEntry>(call('backups:create', {}))
    const sidecar = path.join(dir, 'backups', `${entry.name}.json`)
    fs.writeFileSync(sidecar, JSON.stringify({ ...entry, appVersion: '9.0.0' }))
    await addCustomer(call, 'Beta')
    const liveBefore = dump(path.join(dir, DB_FILE_NAME))
    const filesBefore = fs.readdirSync(dir).sort()
    const backupsBefore = fs.readdirSync(path.join(dir, 'backups')).sort()

    const res = (await call('backups:restore', { name: entry.name })) as {
      ok: boolean
      error?: { code: string }
    }
    expect(res).toMatchObject({ ok: false, error: { code: 'backup_too_new' } })

    // A newer schema (one more migration recorded) is refused the same way.
    fs.writeFileSync(sidecar, JSON.stringify({ ...entry, appVersion: '1.0.0' }))
    const copy = new Database(path.join(dir, 'backups', entry.name))
    copy
      .prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 99999999999999)")
      .run()
    copy.close()
    const res2 = (await call('backups:restore', { name: entry.name })) as {
      ok: boolean
      error?: { code: string }
    }
    expect(res2).toMatchObject({ ok: false, error: { code: 'backup_too_new' } })

    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore)
    expect(fs.readdirSync(path.join(dir, 'backups')).sort()).toEqual(backupsBefore)
    expect(dump(path.join(dir, DB_FILE_NAME))).toEqual(liveBefore)
  })

  it('a swap that fails (a file held by another program) reopens the same database', async () => {
    const { h, call } = host()
    const id = await addCustomer(call, 'Still Here SARL')
    await expect(
      h.restart(() => {
        throw Object.assign(new Error('busy'), { code: 'EBUSY' })
      }),
    ).rejects.toThrow('busy')
    expect(h.current).not.toBeNull()
    expect(await ok<{ customer: { displayName: string } }>(call('customers:get', { id }))).toMatchObject({
      customer: { displayName: 'Still Here SARL' },
    })
  })

  it('refuses names that are not backups', async () => {
    const { call } = host()
    const res = (await call('backups:restore', { name: '../tradetier.db' })) as {
      ok: boolean
      error?: { code: string }
    }
    expect(res).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('a damaged database at start is replaced by the latest good backup, and the data is back', async () => {
    const dir = tempDir()
    {
      const { h, call } = host(dir)
      await ok(call('demo:load', { customers: 300 }))
      await ok(call('backups:create', {}))
      await h.current!.close()
      h.current = null
    }
    // A newer but damaged backup must be passed over for the older good one.
    const file = path.join(dir, DB_FILE_NAME)
    const size = fs.statSync(file).size
    const garbage = Buffer.alloc(Math.floor(size / 2), 0xa5)
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, garbage, 0, garbage.length, 4096 * 2)
    fs.closeSync(fd)
    const badName = `manual-2099-01-01T00-00-00-000Z.db`
    fs.copyFileSync(file, path.join(dir, 'backups', badName))

    let damaged: unknown = null
    try {
      const s = createServices(dir, { appVersion: '1.2.0' })
      // Damage beyond the pages start-up reads is found by the check the app runs after start.
      const problems = (await s.jobs.run('integrity', { depth: 'full' })).problems
      await s.close()
      if (problems.length > 0) damaged = new DatabaseDamagedError(file, problems.join('; '))
    } catch (err) {
      damaged = err
    }
    expect(damaged).toBeInstanceOf(DatabaseDamagedError)

    const preview = restoreLatestOffline(dir, { appVersion: '1.2.0', schemaVersion: migrationCount() })
    expect(preview?.customers).toBe(300)
    expect(preview?.name).not.toBe(badName)
    const { h } = host(dir)
    expect(h.current!.customers.count()).toBe(300)
    expect((await h.current!.jobs.run('integrity', { depth: 'full' })).problems).toEqual([])
  }, 120_000)

  it('restoreLatest through the channel works while the database is flagged damaged', async () => {
    const { h, call } = host()
    await addCustomer(call, 'Gamma')
    await ok(call('backups:create', {}))
    await addCustomer(call, 'Delta')
    // What the start-up check sets when it finds damage: writes refused, repair channels open.
    h.current!.integrity.damaged = true
    const res0 = (await call('customers:create', {
      customer: { displayName: 'X', country: 'FR' },
      contacts: [],
    })) as {
      ok: boolean
      error?: { code: string }
    }
    expect(res0).toMatchObject({ ok: false, error: { code: 'db_damaged' } })
    const res = await ok<{ restored: { customers: number } }>(call('backups:restoreLatest', {}))
    expect(res.restored.customers).toBe(1)
    expect(h.current!.customers.count()).toBe(1)
  })

  it('a backup copied by hand with its -wal file still opens, with the WAL’s rows', async () => {
    const { h, dir, call } = host()
    await addCustomer(call, 'Epsilon')
    // Copy the live file and its WAL while the app has them open (no checkpoint since the write).
    const name = 'manual-2026-01-01T00-00-00-000Z.db'
    const target = path.join(dir, 'backups', name)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    h.current!.db.pragma('wal_checkpoint(TRUNCATE)')
    await addCustomer(call, 'Zeta')
    fs.copyFileSync(path.join(dir, DB_FILE_NAME), target)
    expect(fs.statSync(path.join(dir, `${DB_FILE_NAME}-wal`)).size).toBeGreaterThan(0)
    fs.copyFileSync(path.join(dir, `${DB_FILE_NAME}-wal`), `${target}-wal`)

    await ok(call('backups:restore', { name }))
    expect(h.current!.customers.count()).toBe(2)
  })
})

describe('automatic backups and rotation', () => {
  it('the first start of each day takes one backup, rotated 7 daily / 4 weekly / 12 monthly', () => {
    const dir = tempDir()
    fs.mkdirSync(path.join(dir, 'backups'))
    // The rotation reads only names and sidecars: empty files stand for the databases here.
    const fake = (kind: BackupKind, at: Date) => {
      const name = `${kind}-${at.toISOString().replace(/[:.]/g, '-')}.db`
      const file = path.join(dir, 'backups', name)
      fs.writeFileSync(file, '')
      const entry: BackupEntry = {
        name,
        kind,
        createdAt: at.toISOString(),
        size: 0,
        customers: 0,
        orders: 0,
        schemaVersion: 1,
        appVersion: '1.2.0',
        deviceId: 'd',
        lastChange: null,
      }
      fs.writeFileSync(`${file}.json`, JSON.stringify(entry))
    }
    // The pre-migration copies are never rotated away by the daily rule: 6 made, the last 5 kept.
    for (let i = 0; i < 6; i++) fake('pre-migration', new Date(2020, 0, 1 + i))
    fake('manual', new Date(2019, 0, 1))
    // A year and a half of days, each started twice (morning and afternoon).
    for (let day = 0; day < 540; day++) {
      for (const hour of [9, 17]) {
        const now = new Date(2026, 0, 1 + day, hour)
        const kind = dueAutomaticKind(listBackups(dir), now)
        if (hour === 17) expect(kind).toBeNull()
        if (kind) {
          fake(kind, now)
          rotate(dir, DEFAULT_ROTATION)
        }
      }
    }
    const all = listBackups(dir)
    const byKind = (k: string) => all.filter((e) => e.kind === k).map((e) => new Date(e.createdAt))
    expect(byKind('monthly')).toHaveLength(12)
    expect(byKind('weekly')).toHaveLength(4)
    expect(byKind('daily')).toHaveLength(7)
    expect(byKind('pre-migration')).toHaveLength(5)
    expect(byKind('manual')).toHaveLength(1)
    // Monthlies: the first start of each of the last 12 months (day 539 is 2027-06-24).
    expect(byKind('monthly').map((d) => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`)).toEqual(
      [6, 5, 4, 3, 2, 1].map((m) => `2027-${m}-1`).concat([12, 11, 10, 9, 8, 7].map((m) => `2026-${m}-1`)),
    )
    // Weeklies: the Mondays of the last four weeks (2027-06-21, 14, 7; and 31 May, June 1 being the monthly).
    expect(byKind('weekly').map((d) => `${d.getMonth() + 1}-${d.getDate()}`)).toEqual([
      '6-21',
      '6-14',
      '6-7',
      '5-31',
    ])
    // Dailies: the last seven days that were neither.
    expect(byKind('daily').map((d) => d.getDate())).toEqual([24, 23, 22, 20, 19, 18, 17])
    expect(byKind('pre-migration').map((d) => d.getDate())).toEqual([6, 5, 4, 3, 2])
    // Every backup listed has its sidecar, and nothing rotated away is left behind.
    expect(fs.readdirSync(path.join(dir, 'backups'))).toHaveLength(all.length * 2)
  })

  it('the background start-up takes the day’s backup after the check', async () => {
    const dir = tempDir()
    const s = createServices(dir, { appVersion: '1.2.0', now: () => new Date(2026, 5, 10, 8) })
    try {
      await s.runBackground()
      await s.runBackground()
      const all = listBackups(dir)
      expect(all).toHaveLength(1)
      expect(all[0]!.kind).toBe('monthly')
      expect(all[0]!.appVersion).toBe('1.2.0')
    } finally {
      await s.close()
    }
  })
})
