// Team sync, as the app runs it (SPEC S1–S3, design/sync.md): the folder this device syncs with,
// kept in meta, and one pass — this device's changes sealed into the folder, teammates' applied
// here, this device's file rewritten — run as a job in the worker (never on the IPC loop). A folder
// that cannot be used (not mounted, another team's, from a newer app) pauses the pass before
// anything is read or written, and the pass says why.
import path from 'node:path'
import type { Db } from '../../db/connection'
import { metaRead, metaSet } from '../../db/device'
import type { Repositories } from '../../repositories'
import { runningSchemaVersion } from '../backups/store'
import { checkTeamFolder, readDeviceFiles, writeDeviceFile } from '../../sync/team-folder'
import type { DeviceFile } from '../../sync/team-folder'
import {
  PUBLISHED_SEQ,
  pendingEntries,
  publishPending,
  publishedStreamSeq,
  pruneLog,
} from '../../sync/outbox'
import { HISTORY_DAYS } from '../../../../shared/history'
import { INSTALL_KEY, RESTORED, replacedIds } from '../../sync/identity'
import { receive } from '../../sync/inbox'
import type { SyncReport } from '../../../../shared/team'
import { CustomerMerge } from '../customers/merge'
import { reliedCovers, teamSnapshots } from '../../sync/snapshot'
import { appliedByDevice } from '../../sync/inbox'

const TEAM_KEY = 'sync.team'
const DEVICE_NAME_KEY = 'sync.device_name'
const USER_NAME_KEY = 'sync.user_name'

export type TeamLink = { id: string; name: string; folder: string }

/** The team this device syncs with, or null. */
export function teamOf(db: Db): TeamLink | null {
  const raw = metaRead(db, TEAM_KEY)
  return raw ? (JSON.parse(raw) as TeamLink) : null
}

export function deviceNameOf(db: Db): string | null {
  return metaRead(db, DEVICE_NAME_KEY) || null
}

/** The person this device's changes are recorded as (team settings); null outside a team. */
export function userNameOf(db: Db): string | null {
  return metaRead(db, USER_NAME_KEY) || null
}

/** This device's names in the team: its own, or its id and then its device name where unset. */
export function namesOf(db: Db, deviceId: string): { deviceName: string; userName: string } {
  const deviceName = deviceNameOf(db) ?? deviceId
  return { deviceName, userName: userNameOf(db) ?? deviceName }
}

/** The team's people, as the last pass read them from the devices' files (sorted, distinct). */
export function teamMembers(db: Db): string[] {
  return db.prepare('SELECT name FROM team_members ORDER BY name').pluck().all() as string[]
}

/** Replaces the team's people; false (nothing written) when they are the same. */
function setTeamMembers(db: Db, names: readonly string[]): boolean {
  const next = [...new Set(names)].sort()
  if (JSON.stringify(next) === JSON.stringify(teamMembers(db))) return false
  db.prepare('DELETE FROM team_members').run()
  const add = db.prepare('INSERT INTO team_members (name) VALUES (?)')
  for (const n of next) add.run(n)
  return true
}

/** Joins (or, with null, leaves) a team: what the next pass reads. Leaving keeps every customer. */
export function setTeam(
  db: Db,
  team: TeamLink | null,
  names?: { deviceName: string; userName: string },
): void {
  db.transaction(() => {
    metaSet(db, TEAM_KEY, team ? JSON.stringify(team) : '')
    if (names) {
      metaSet(db, DEVICE_NAME_KEY, names.deviceName)
      metaSet(db, USER_NAME_KEY, names.userName)
      setTeamMembers(db, [names.userName])
    }
    // Whether in a team, where the header reads it (sync:state): not in meta, which every settings
    // write announces.
    if (team)
      db.prepare(
        "INSERT INTO sync_state (key, value) VALUES ('in_team', '1') ON CONFLICT (key) DO NOTHING",
      ).run()
    else db.prepare("DELETE FROM sync_state WHERE key = 'in_team'").run()
    if (!team) {
      db.prepare("DELETE FROM sync_state WHERE key = 'last'").run()
      setTeamMembers(db, [])
    }
  })()
}

export function lastReport(db: Db): SyncReport | null {
  const raw = db.prepare("SELECT value FROM sync_state WHERE key = 'last'").pluck().get() as
    string | undefined
  return raw ? (JSON.parse(raw) as SyncReport) : null
}

export type Person = { deviceName: string; userName: string }

/**
 * Who each device of the team is (its file in the folder, when the folder can be read), this one
 * included: names for the stamps on changes and conflicts.
 */
export function peopleByDevice(db: Db, deviceId: string): Map<string, Person> {
  const team = teamOf(db)
  const check = team ? checkTeamFolder(team.folder, team.id) : null
  const people = new Map<string, Person>(
    check?.ok ? readDeviceFiles(check.root).devices.map((d) => [d.deviceId, d]) : [],
  )
  const own = deviceNameOf(db)
  if (own) people.set(deviceId, { deviceName: own, userName: userNameOf(db) ?? own })
  return people
}

/** Teammates' changes kept for a table or column a newer TradeTier has and this one has not. */
export function parkedCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM sync_parked').pluck().get() as number
}

/** Changes made here not yet sealed in the folder. */
export function pendingCount(db: Db): number {
  const after = Number(metaRead(db, PUBLISHED_SEQ) ?? 0)
  return pendingEntries(db, after)
}

/** Whether this device's file in the folder says its id has published past what this database has. */
function behindItsStream(db: Db, own: DeviceFile | undefined): boolean {
  return own !== undefined && own.publishedSeq > publishedStreamSeq(db)
}

/**
 * How long a device file whose facts have not changed is left as it is. Rewriting it every pass
 * (a minute) had a cloud folder upload it a minute per computer; its clock reading stays fresh
 * enough to name a clock an hour off.
 */
export const DEVICE_FILE_REFRESH_MS = 10 * 60 * 1000

/** Whether this device's file must be written: a fact in it changed, or its clock reading is old. */
export function deviceFileDue(current: DeviceFile | undefined, next: DeviceFile): boolean {
  if (!current) return true
  const facts = (d: DeviceFile) =>
    JSON.stringify({
      ...d,
      wallClock: null,
      applied: Object.entries(d.applied).sort(([a], [b]) => a.localeCompare(b)),
    })
  if (facts(current) !== facts(next)) return true
  const age = Date.parse(next.wallClock) - Date.parse(current.wallClock)
  // A clock stepped back (a negative age) rewrites too: the file must not read as ahead.
  return !(age >= 0 && age < DEVICE_FILE_REFRESH_MS)
}

/** One pass with the team folder (the worker's 'sync' job); null when in no team. */
export function syncOnce(r: Repositories, appVersion: string): SyncReport | null {
  const team = teamOf(r.db)
  if (!team) return null
  const at = r.now().toISOString()
  const check = checkTeamFolder(team.folder, team.id)
  const self = (d: DeviceFile) => d.deviceId === r.deviceId
  const devices = check.ok ? readDeviceFiles(check.root).devices : []
  const own = devices.find(self)
  let report: SyncReport
  if (!check.ok) {
    report = { at, published: 0, received: 0, conflicts: 0, waiting: [], problem: check.problem }
  } else if (behindItsStream(r.db, own)) {
    // This database is older than what its device id already sealed in the folder: a backup put
    // back by hand, or a copy of the data folder still running elsewhere. Publishing would reuse
    // sequences the team has (its changes skipped as applied): nothing is sent or read, and the
    // next start gives it a new id (sync/identity.ts), from which it syncs as a new computer.
    metaSet(r.db, INSTALL_KEY, RESTORED)
    report = { at, published: 0, received: 0, conflicts: 0, waiting: [], problem: 'restored_copy' }
  } else {
    const logDir = path.join(check.root, 'log')
    const before = publishedStreamSeq(r.db)
    publishPending(r.db, logDir, { team: team.id, device: r.deviceId })
    // Sealed in the folder, the log's old entries are kept only for the customer history.
    pruneLog(r.db, r.now().getTime(), HISTORY_DAYS * 86_400_000)
    // Teammates' changes a version before this one parked, now that it knows their tables.
    const replayed = r.writer.replayParked(runningSchemaVersion(r.db))
    const received = receive(
      r.db,
      r.writer,
      logDir,
      r.deviceId,
      reliedCovers(teamSnapshots(check.root, team.id)[0], r.now().getTime()),
    )
    // Rows a teammate put under a customer merged away (or a merge that arrived over rows made
    // here) go to the survivor, and out with this pass.
    if (received.applied + replayed > 0 && new CustomerMerge(r).redirectStrays() > 0)
      publishPending(r.db, logDir, { team: team.id, device: r.deviceId })
    const applied = appliedByDevice(r.db)
    const replaces = replacedIds(r.db)
    const { deviceName: name, userName: user } = namesOf(r.db, r.deviceId)
    const file: DeviceFile = {
      deviceId: r.deviceId,
      deviceName: name,
      userName: user,
      appVersion,
      schemaVersion: runningSchemaVersion(r.db),
      publishedSeq: publishedStreamSeq(r.db),
      applied,
      wallClock: at,
      ...(replaces.length > 0 ? { replaces } : {}),
    }
    if (deviceFileDue(own, file)) writeDeviceFile(check.root, file)
    // The team's people, for the owner choices: written (and announced) only when they change.
    if (setTeamMembers(r.db, [user, ...devices.filter((d) => !self(d)).map((d) => d.userName)]))
      r.changes.touch('team_members')
    report = {
      at,
      published: publishedStreamSeq(r.db) - before,
      received: received.applied + replayed,
      conflicts: received.conflicts,
      waiting: received.waiting.map((w) => ({ device: w.device, problem: w.problem })),
      problem: null,
    }
  }
  // In sync_state, not meta: a pass a minute announcing meta reloaded every screen reading a setting.
  r.db
    .prepare(
      "INSERT INTO sync_state (key, value) VALUES ('last', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .run(JSON.stringify(report))
  r.changes.touch('sync_state')
  return report
}
