// Device identity and the persisted clock reading (design/sync.md "Device identity", "Clock").
import { randomBytes } from 'node:crypto'
import type { Db } from './connection'
import { prepared } from './prepared'
import { HybridClock } from '../core/hlc'

// Prepared once per connection: the reminders' derivation reads its horizon from meta on every
// write to a customer or a reminder.
export function metaRead(db: Db, key: string): string | undefined {
  return prepared(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined
}

export function metaSet(db: Db, key: string, value: string): void {
  prepared(
    db,
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value)
}

/**
 * This device's id (16 random hex digits, created on first start) and its clock, resumed from the
 * last stamp stored so a wall clock stepped back across a restart cannot issue older stamps.
 */
export function loadDevice(db: Db, now: () => number = Date.now): { deviceId: string; clock: HybridClock } {
  let deviceId = metaRead(db, 'device_id')
  if (!deviceId) {
    deviceId = randomBytes(8).toString('hex')
    metaSet(db, 'device_id', deviceId)
  }
  return { deviceId, clock: new HybridClock(deviceId, metaRead(db, 'hlc') ?? null, now) }
}
