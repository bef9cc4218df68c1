// Device identity (design/sync.md): a copied data folder or a restored database writes under a new
// device id, and a team sees everything arrive — nothing deleted comes back, nothing made since is
// lost — whether the restore went through the app or a file was put back by hand.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { ServicesHost } from '../../electron/main/features/backups/host'
import { DB_FILE_NAME } from '../../electron/main/db/connection'
import { INSTALL_KEY, checkInstall, previousIds, replacedIds } from '../../electron/main/sync/identity'
import { caller, data, tempDir } from '../helpers/tmp'

const open: Services[] = []
const hosts: ServicesHost<Services>[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
  for (const h of hosts.splice(0)) await h.current?.close()
})

function services(dir: string) {
  const s = createServices(dir, { appVersion: '1.0.0' })
  open.push(s)
  return { s, call: caller(() => s) }
}

async function reopen(s: Services) {
  open.splice(open.indexOf(s), 1)
  await s.close()
}

/** A device whose services can be swapped under it by a restore. */
function restorable(dir: string) {
  const h = new ServicesHost<Services>((restart) => createServices(dir, { restart, appVersion: '1.0.0' }))
  hosts.push(h)
  h.start()
  return { h, call: caller(() => h.current!) }
}

const customer = (displayName: string) => ({
  customer: { displayName, country: 'FR' as const },
  contacts: [],
  allowDuplicates: true,
})

describe('device identity', () => {
  it('keeps its id on the same install, and a copied folder or another computer gets a new one', async () => {
    const dir = tempDir()
    const first = services(dir)
    const id = first.s.deviceId
    await reopen(first.s)
    const again = services(dir)
    expect(again.s.deviceId).toBe(id)
    await reopen(again.s)

    // The data folder copied elsewhere (another computer, a second folder on this one).
    const copy = tempDir()
    fs.cpSync(dir, copy, { recursive: true })
    const copied = services(copy)
    expect(copied.s.deviceId).not.toBe(id)
    expect(previousIds(copied.s.db)).toEqual([id])
    // The original install still writes under its id: the copy does not claim to replace it.
    expect(replacedIds(copied.s.db)).toEqual([])
    await reopen(copied.s)

    // A database from before installs were recorded takes this install as its own.
    const db = new Database(path.join(dir, DB_FILE_NAME))
    db.prepare('DELETE FROM meta WHERE key = ?').run(INSTALL_KEY)
    expect(checkInstall(db, dir)).toBeNull()
    // The same file under another computer's name is a copy.
    expect(checkInstall(db, dir, 'someone-elses-laptop')).toBe(id)
    expect(db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get()).not.toBe(id)
    db.close()
  })

  it('restoring a backup in a team: a new id, the folder read again, nothing deleted back, nothing lost', async () => {
    const folder = tempDir('tradetier-team-')
    const a = restorable(tempDir())
    const b = services(tempDir())
    data(await a.call('team:create', { folder, name: 'T', deviceName: 'Anna laptop', userName: 'Anna Li' }))
    const x = data(await a.call('customers:create', customer('Gone Later SARL'))).id
    const y = data(await a.call('customers:create', customer('Kept Imports'))).id
    data(await a.call('sync:now', {}))
    data(await b.call('team:join', { folder, deviceName: 'Bruno desktop', userName: 'Bruno Moreau' }))
    const oldId = a.h.current!.deviceId
    const backup = data(await a.call('backups:create', {}))

    // After the backup: X deleted and Y edited here, and both reach Bruno.
    data(await a.call('customers:delete', { id: x }))
    data(await a.call('customers:update', { id: y, patch: { city: 'Lyon' } }))
    data(await a.call('sync:now', {}))
    data(await b.call('sync:now', {}))
    expect((await b.call('customers:get', { id: x })).ok).toBe(false)

    data(await a.call('backups:restore', { name: backup.name }))
    expect(a.h.current!.deviceId).not.toBe(oldId)
    // The backup's state, until the folder is read.
    expect(data(await a.call('customers:get', { id: x })).customer.displayName).toBe('Gone Later SARL')

    const pass = data(await a.call('sync:now', {}))
    expect(pass.problem).toBeNull()
    // The id it had is no computer of the team any more: on neither list.
    const newId = a.h.current!.deviceId
    expect(replacedIds(a.h.current!.db)).toEqual([oldId])
    data(await b.call('sync:now', {}))
    for (const who of [a.call, b.call]) {
      const listed = data(await who('team:status', {})).devices.map((d) => d.deviceId)
      expect(listed).toContain(newId)
      expect(listed).not.toContain(oldId)
    }
    expect((await a.call('customers:get', { id: x })).ok).toBe(false)
    expect(data(await a.call('customers:get', { id: y })).customer.city).toBe('Lyon')

    // Its new changes go out under the new id, as a stream Bruno reads from the start.
    const z = data(await a.call('customers:create', customer('After Restore GmbH'))).id
    data(await a.call('sync:now', {}))
    const got = data(await b.call('sync:now', {}))
    expect(got.waiting).toEqual([])
    expect(data(await b.call('customers:get', { id: z })).customer.displayName).toBe('After Restore GmbH')
    expect(data(await b.call('customers:get', { id: y })).customer.city).toBe('Lyon')
  })

  it('a database put back by hand is caught by the folder: nothing sent, and it syncs anew after a restart', async () => {
    const folder = tempDir('tradetier-team-')
    const dir = tempDir()
    const a = services(dir)
    const b = services(tempDir())
    data(await a.call('team:create', { folder, name: 'T', deviceName: 'Anna laptop', userName: 'Anna Li' }))
    data(await a.call('customers:create', customer('Early Customer')))
    data(await a.call('sync:now', {}))
    const oldId = a.s.deviceId
    await reopen(a.s)
    const saved = tempDir()
    fs.copyFileSync(path.join(dir, DB_FILE_NAME), path.join(saved, DB_FILE_NAME))

    const later = services(dir)
    const y = data(await later.call('customers:create', customer('Made After The Copy'))).id
    data(await later.call('sync:now', {}))
    await reopen(later.s)

    // The old file put back over the live one, by hand: the same install, so the start keeps the id.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(dir, DB_FILE_NAME + suffix), { force: true })
    fs.copyFileSync(path.join(saved, DB_FILE_NAME), path.join(dir, DB_FILE_NAME))
    const restored = services(dir)
    expect(restored.s.deviceId).toBe(oldId)
    const lostWork = data(await restored.call('customers:create', customer('Typed Before Noticing'))).id
    const refused = data(await restored.call('sync:now', {}))
    expect(refused).toMatchObject({ problem: 'restored_copy', published: 0, received: 0 })
    await reopen(restored.s)

    const renewed = services(dir)
    expect(renewed.s.deviceId).not.toBe(oldId)
    expect(data(await renewed.call('sync:now', {})).problem).toBeNull()
    // What the old id sent after the copy came back; what was typed meanwhile went out.
    expect(data(await renewed.call('customers:get', { id: y })).customer.displayName).toBe(
      'Made After The Copy',
    )
    data(await b.call('team:join', { folder, deviceName: 'Bruno desktop', userName: 'Bruno Moreau' }))
    expect(data(await b.call('customers:get', { id: lostWork })).customer.displayName).toBe(
      'Typed Before Noticing',
    )
    expect(data(await b.call('customers:get', { id: y })).customer.displayName).toBe('Made After The Copy')
  })
})
