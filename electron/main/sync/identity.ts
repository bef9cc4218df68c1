// Device identity (design/sync.md): a device id belongs to one install, this computer and this data
// folder. A copied data folder, or a database restored from a backup, is not the install that wrote
// its changes: under the same id its new changes would take sequence numbers the team already has
// from the original (and be skipped as applied) and stamps that may collide. It gets a new id before
// it writes anything, and its changes from then on form the new id's own stream, numbered from 1.
import { createHash, randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import type { Db } from '../db/connection'
import { metaRead, metaSet } from '../db/device'
import { APPLIED_PREFIX, appliedFrom } from './inbox'
import { PUBLISHED_SEQ, SEQ_BASE } from './outbox'

/** meta: the install this database belongs to (installFingerprint), or RESTORED. */
export const INSTALL_KEY = 'device.install'
/** The install a restore writes into the restored copy: never the fingerprint of any install. */
export const RESTORED = 'restored'
/** meta: the ids this database wrote under before its current one, newest last (JSON). */
export const PREVIOUS_IDS = 'device.previous'
/**
 * meta: the earlier ids of this very install (renewed by a restore), newest last (JSON): no other
 * computer writes under them any more, so its device file names them and the team's device list
 * leaves them out. A copied folder's earlier id is not here: the original install still uses it.
 */
export const REPLACED_IDS = 'device.replaces'

/** This computer and this data folder, hashed (a renamed computer or a moved folder counts as new). */
export function installFingerprint(dataDir: string, hostname = os.hostname()): string {
  return createHash('sha256')
    .update(`${hostname}\0${path.resolve(dataDir)}`)
    .digest('hex')
    .slice(0, 32)
}

/**
 * At start, before anything writes: a database whose recorded install is not this one (copied
 * here, or restored) gets a new device id. The first start, and a database from before installs
 * were recorded, take this install as theirs. Returns the id replaced, or null.
 */
export function checkInstall(db: Db, dataDir: string, hostname?: string): string | null {
  const here = installFingerprint(dataDir, hostname)
  const recorded = metaRead(db, INSTALL_KEY)
  const id = metaRead(db, 'device_id')
  if (recorded === here) return null
  return db.transaction(() => {
    metaSet(db, INSTALL_KEY, here)
    if (!id || recorded === undefined) return null
    renewDevice(db, id)
    if (recorded === RESTORED) metaSet(db, REPLACED_IDS, JSON.stringify([...replacedIds(db), id]))
    return id
  })()
}

/**
 * A new device id for this database. What it had sealed into the team folder under the old id it
 * holds already, so a teammate's copy of the old id's stream is read from after that point (the
 * original install's later changes arrive like a teammate's: nothing it wrote or deleted since is
 * lost or brought back). The changes not yet sealed go out in the new id's stream, which starts
 * at 1 (SEQ_BASE), as a receiver expects of a device it has not heard from.
 */
export function renewDevice(db: Db, previous: string): string {
  const id = randomBytes(8).toString('hex')
  const published = Number(metaRead(db, PUBLISHED_SEQ) ?? 0)
  const base = Number(metaRead(db, SEQ_BASE) ?? 0)
  // The old id's stream numbers its changes from its own base.
  if (published - base > appliedFrom(db, previous))
    metaSet(db, APPLIED_PREFIX + previous, String(published - base))
  metaSet(db, SEQ_BASE, String(published))
  metaSet(db, PREVIOUS_IDS, JSON.stringify([...previousIds(db), previous]))
  metaSet(db, 'device_id', id)
  return id
}

/** The earlier ids of this install no computer uses any more (see REPLACED_IDS). */
export function replacedIds(db: Db): string[] {
  return JSON.parse(metaRead(db, REPLACED_IDS) ?? '[]') as string[]
}

/** The ids this database wrote under before its current one. */
export function previousIds(db: Db): string[] {
  return JSON.parse(metaRead(db, PREVIOUS_IDS) ?? '[]') as string[]
}
