// Snapshots as the app runs them (issue 13 §5, sync/snapshot.ts): after a pass with the team
// folder, the worker writes a snapshot when one is due and removes this device's own files the
// folder no longer needs; joining a team (or rejoining after a long absence) starts from the newest
// snapshot. Both are worker jobs; the swap of the database file is the host's (like a restore).
import fs from 'node:fs'
import path from 'node:path'
import type { Db } from '../../db/connection'
import { DB_FILE_NAME } from '../../db/connection'
import { SYNCED_TABLES } from '../../db/schema'
import { metaRead, metaSet } from '../../db/device'
import type { Repositories } from '../../repositories'
import { checkTeamFolder, currentDevices, readDeviceFiles } from '../../sync/team-folder'
import { publishedStreamSeq } from '../../sync/outbox'
import { appliedByDevice } from '../../sync/inbox'
import { INSTALL_KEY, RESTORED } from '../../sync/identity'
import {
  SEGMENT_GRACE_MS,
  hlcMs,
  prepareJoin,
  reliedCovers,
  usableSnapshots,
  prunableThrough,
  pruneOwnFiles,
  snapshotDue,
  teamSnapshots,
  verifySnapshot,
  writeSnapshot,
} from '../../sync/snapshot'
import { runningSchemaVersion } from '../backups/store'
import { setTeam, teamOf } from './sync'
import type { TeamLink } from './sync'

/** Where a join unpacks the snapshot, beside the live file (removed at start if a join was cut short). */
export const JOINING_FILE = `${DB_FILE_NAME}.joining`

export type SnapshotPassResult = { written: string | null; removed: string[] }

/** meta: the name of the newest snapshot this device has read whole (its hashes checked). */
const VERIFIED_KEY = 'sync.snapshot_verified'

/** The worker's 'snapshot' job: a snapshot if due, then this device's files no longer needed. */
export async function snapshotPass(
  r: Repositories,
  dataDir: string,
  appVersion: string,
  progress: (done: number, total: number) => void,
): Promise<SnapshotPassResult> {
  const none = { written: null, removed: [] }
  const team = teamOf(r.db)
  if (!team || metaRead(r.db, INSTALL_KEY) === RESTORED) return none
  const check = checkTeamFolder(team.folder, team.id)
  if (!check.ok) return none
  const now = r.now()
  const holds = { ...appliedByDevice(r.db), [r.deviceId]: publishedStreamSeq(r.db) }
  // The newest snapshot, once old enough to prune by, is read whole once before anything relies on
  // it; a damaged one is replaced at once (a joiner could not start from it).
  const newest = teamSnapshots(check.root, team.id)[0]
  const name = newest ? path.basename(newest.found.file) : ''
  let verified = name !== '' && metaRead(r.db, VERIFIED_KEY) === name
  let damaged = false
  if (newest && !verified && now.getTime() - hlcMs(newest.found.hlc) >= SEGMENT_GRACE_MS) {
    verified = await verifySnapshot(newest.found.file)
    if (verified) metaSet(r.db, VERIFIED_KEY, name)
    else damaged = true
  }
  let written: string | null = null
  if (snapshotDue(newest, r.deviceId, now.getTime(), holds, damaged)) {
    const made = await writeSnapshot(
      r.db,
      check.root,
      dataDir,
      {
        team: team.id,
        device: r.deviceId,
        appVersion,
        schemaVersion: runningSchemaVersion(r.db),
        now,
        at: r.writer.clock.tick(),
      },
      progress,
    )
    written = made.file
  }
  // A snapshot just written is the newest now, and too young to prune by.
  const through =
    !verified || written
      ? 0
      : prunableThrough(
          newest,
          r.deviceId,
          currentDevices(readDeviceFiles(check.root).devices),
          now.getTime(),
        )
  const removed = pruneOwnFiles(check.root, path.join(check.root, 'log'), r.deviceId, through)
  return { written, removed }
}

export type JoinArgs = {
  dataDir: string
  team: TeamLink
  names: { deviceName: string; userName: string }
  /** A device rejoining after its missing segments were pruned: it continues under a new id. */
  renew: boolean
}

/**
 * The worker's 'snapshotJoin' job: the newest usable snapshot unpacked and prepared beside the
 * live file; one that fails its checks is passed over for the one before. Null when none serves
 * (a join then reads the segments; a rejoin waits, reporting the gap).
 */
export async function prepareSnapshotJoin(
  r: Repositories,
  args: JoinArgs,
): Promise<{ file: string; snapshot: string; customers: number } | null> {
  const check = checkTeamFolder(args.team.folder, args.team.id)
  if (!check.ok) return null
  const reaching = args.renew
    ? reliedCovers(teamSnapshots(check.root, args.team.id)[0], r.now().getTime())
    : {}
  const target = path.join(args.dataDir, JOINING_FILE)
  for (const snap of usableSnapshots(check.root, args.team.id, runningSchemaVersion(r.db), reaching)) {
    fs.rmSync(target, { force: true })
    try {
      const header = await prepareJoin(
        snap.found.file,
        target,
        r.db,
        (db) => setTeam(db, args.team, args.names),
        args.renew,
      )
      return { file: target, snapshot: path.basename(snap.found.file), customers: header.customers }
    } catch (err) {
      console.warn('snapshot not usable', snap.found.file, err)
    }
  }
  return null
}

/**
 * Whether this database holds nothing of its own, so joining may replace it with a snapshot: no
 * row in any synced table (rows are never removed, only marked deleted, so nothing was ever
 * written or received). A rate typed in before joining is data of its own.
 */
export function holdsNothing(db: Db): boolean {
  return Object.keys(SYNCED_TABLES).every(
    (t) => db.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get() === undefined,
  )
}
