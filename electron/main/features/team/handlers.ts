// The team:* and sync:now channels (SPEC S1–S3). Creating or joining checks the folder first and
// changes nothing when it is refused; every pass with the folder runs in the worker.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { AppContext } from '../../context'
import type { Db } from '../../db/connection'
import { DB_FILE_NAME } from '../../db/connection'
import { metaRead } from '../../db/device'
import type { Restart } from '../backups/handlers'
import { swapIn } from '../backups/store'
import { holdsNothing } from './snapshots'
import type { HandlerModule } from '../../ipc/combine'
import { AppFailure } from '../../../../shared/errors'
import type { SyncConflict, SyncReport, TeamProblem, TeamStatus } from '../../../../shared/team'
import { SYNCED_COLUMNS } from '../../db/writer'
import type { RowChange, SyncedTable } from '../../db/writer'
import { hlcToIso, parseHlc } from '../../core/hlc'
import {
  TEAM_FORMAT_MIN_APP,
  checkTeamFolder,
  currentDevices,
  createTeamFolder,
  readDeviceFiles,
} from '../../sync/team-folder'
import {
  deviceNameOf,
  lastReport,
  namesOf,
  peopleByDevice,
  parkedCount,
  pendingCount,
  setTeam,
  teamOf,
  userNameOf,
} from './sync'
import type { TeamLink } from './sync'
import { DRIFT_WARNING_MS } from '../../core/hlc'

/** What the desktop shell lends the team screen (nothing in the harness). */
export type TeamHost = {
  /** Electron's folder dialog: the folder chosen, or null when cancelled. */
  chooseTeamFolder?: () => Promise<string | null>
  /** Replaces the live database (as a restore does): joining from a snapshot swaps the file. */
  restart?: Restart
}

export function teamHandlers(ctx: AppContext, host: TeamHost = {}): HandlerModule {
  const { db } = ctx
  const openConflicts = (d: Db = db) =>
    d.prepare('SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL').pluck().get() as number
  const status = (d: Db = db): TeamStatus => {
    const team = teamOf(d)
    const check = team ? checkTeamFolder(team.folder, team.id) : null
    return {
      team,
      deviceId: metaRead(d, 'device_id') ?? ctx.deviceId,
      deviceName: deviceNameOf(d),
      userName: userNameOf(d),
      pending: pendingCount(d),
      conflicts: openConflicts(d),
      parked: parkedCount(d),
      last: lastReport(d),
      devices:
        check?.ok === true
          ? currentDevices(readDeviceFiles(check.root).devices).map((d) => ({
              deviceId: d.deviceId,
              deviceName: d.deviceName,
              userName: d.userName,
              appVersion: d.appVersion,
              seenAt: d.wallClock,
              clockAheadMs: ahead(d.wallClock),
            }))
          : [],
    }
  }
  // A device's file carries its clock reading at its last pass: ahead of ours by over an hour, its
  // clock is off (a file read late only looks behind, never ahead).
  const ahead = (wallClock: string): number | null => {
    const by = Date.parse(wallClock) - ctx.now().getTime()
    return by > DRIFT_WARNING_MS ? by : null
  }
  const refuse = (problem: TeamProblem): never => {
    throw new AppFailure('team_folder', undefined, { problem })
  }
  /** Joins from the newest snapshot (see joinFromSnapshot); the status is read from the new file. */
  const fromSnapshot = async (
    team: TeamLink,
    names: { deviceName: string; userName: string },
  ): Promise<TeamStatus | null> => {
    if (!host.restart || !(await joinFromSnapshot(ctx, host.restart, team, names, false))) return null
    // These handlers' connection is closed by now.
    const live = new Database(path.join(ctx.dataDir, DB_FILE_NAME), { readonly: true, fileMustExist: true })
    try {
      return status(live)
    } finally {
      live.close()
    }
  }
  return {
    'team:status': () => status(),
    'sync:state': () => ({
      inTeam: db.prepare("SELECT 1 FROM sync_state WHERE key = 'in_team'").get() !== undefined,
      last: lastReport(db),
      conflicts: openConflicts(),
      parked: parkedCount(db),
    }),
    'team:create': async (input) => {
      if (teamOf(db)) refuse('in_team')
      const made = createTeamFolder(input.folder, {
        name: input.name,
        minAppVersion: TEAM_FORMAT_MIN_APP,
        now: ctx.now(),
      })
      if (!made.ok) return refuse(made.problem)
      setTeam(db, { id: made.team.teamId, name: made.team.name, folder: input.folder }, input)
      ctx.changes.touch('meta', 'sync_state', 'team_members')
      await ctx.jobs.run('sync', { appVersion: ctx.appVersion })
      return status()
    },
    'team:join': async (input) => {
      if (teamOf(db)) refuse('in_team')
      const check = checkTeamFolder(input.folder)
      if (!check.ok) return refuse(check.problem === 'empty' ? 'no_team' : check.problem)
      const link = { id: check.team.teamId, name: check.team.name, folder: input.folder }
      // A new computer starts from the team's newest snapshot, then reads only the segments after
      // it; a computer with data of its own joins by the segments, keeping and sending its data.
      if (host.restart && holdsNothing(db)) {
        const names = { deviceName: input.deviceName, userName: input.userName }
        const joined = await fromSnapshot(link, names)
        if (joined) return joined
      }
      setTeam(db, link, input)
      ctx.changes.touch('meta', 'sync_state', 'team_members')
      await ctx.jobs.run('sync', { appVersion: ctx.appVersion })
      return status()
    },
    'team:chooseFolder': async () => ({ folder: (await host.chooseTeamFolder?.()) ?? null }),
    'team:leave': () => {
      setTeam(db, null)
      ctx.changes.touch('meta', 'sync_state', 'team_members')
      return status()
    },
    'sync:conflicts': () => {
      const names = peopleByDevice(db, ctx.deviceId)
      type Row = {
        id: number
        tbl: string
        row_id: string
        col: string
        winner_value: string | null
        winner_hlc: string
        loser_value: string | null
        loser_hlc: string
      }
      const rows = db
        .prepare('SELECT * FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY id DESC LIMIT 200')
        .all() as Row[]
      const customer = db.prepare('SELECT display_name FROM customers WHERE id = ?').pluck()
      const contact = db.prepare('SELECT name, customer_id FROM contacts WHERE id = ?')
      const side = (value: string | null, hlc: string) => {
        const node = parseHlc(hlc)?.node ?? ''
        return {
          value: value === null ? null : (JSON.parse(value) as string | number | null),
          at: hlcToIso(hlc),
          deviceId: node,
          deviceName: names.get(node)?.deviceName ?? null,
          userName: names.get(node)?.userName ?? null,
        }
      }
      const conflicts: SyncConflict[] = rows.map((r) => {
        let label: string | null = null
        let customerId: string | null = null
        if (r.tbl === 'customers') {
          label = (customer.get(r.row_id) as string | undefined) ?? null
          customerId = r.row_id
        } else if (r.tbl === 'contacts') {
          const c = contact.get(r.row_id) as { name: string; customer_id: string } | undefined
          label = c?.name ?? null
          customerId = c?.customer_id ?? null
        }
        return {
          id: r.id,
          table: r.tbl,
          rowId: r.row_id,
          column: r.col,
          label,
          customerId,
          kept: side(r.winner_value, r.winner_hlc),
          other: side(r.loser_value, r.loser_hlc),
        }
      })
      return { conflicts }
    },
    'sync:resolve': ({ id, keep }) => {
      const row = db.prepare('SELECT * FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL').get(id) as
        | {
            tbl: string
            row_id: string
            col: string
            winner_value: string | null
            loser_value: string | null
          }
        | undefined
      if (!row) throw new AppFailure('not_found')
      db.transaction(() => {
        // Either choice is a new change of the cell, stamped now, which every teammate applies
        // and which closes the same conflict on theirs (its author had seen both values). Keeping
        // the value shown writes it again: otherwise the conflict stayed open everywhere else.
        // "Kept" is what the cell holds now (an edit made here since counts, not the stale winner).
        const columns: readonly string[] | undefined = SYNCED_COLUMNS[row.tbl as SyncedTable]
        if (!columns?.includes(row.col)) throw new AppFailure('not_found')
        const value =
          keep === 'other'
            ? row.loser_value === null
              ? null
              : (JSON.parse(row.loser_value) as string | number | null)
            : (db.prepare(`SELECT "${row.col}" FROM "${row.tbl}" WHERE id = ?`).pluck().get(row.row_id) as
                string | number | null)
        ctx.writer.write([{ table: row.tbl, id: row.row_id, values: { [row.col]: value } } as RowChange], {
          restamp: true,
        })
        db.prepare(
          'UPDATE sync_conflicts SET resolved_at = ? WHERE tbl = ? AND row_id = ? AND col = ? AND resolved_at IS NULL',
        ).run(ctx.now().toISOString(), row.tbl, row.row_id, row.col)
      })()
      ctx.changes.touch('sync_conflicts')
      return { id }
    },
    'sync:now': async () => {
      if (!teamOf(db)) refuse('no_link')
      const report = await ctx.jobs.run('sync', { appVersion: ctx.appVersion })
      if (!report) return refuse('no_link')
      if (host.restart) await rejoinIfPruned(ctx, host.restart, report)
      return report
    },
  }
}

/**
 * Joins from the team's newest snapshot: prepared in the worker, swapped in by the host (which
 * closes these services and opens new ones over the file, as a restore does). With `renew`, a
 * device rejoining continues under a new id. False, changing nothing, when the folder has no
 * snapshot this app can use.
 */
export async function joinFromSnapshot(
  ctx: AppContext,
  restart: Restart,
  team: TeamLink,
  names: { deviceName: string; userName: string },
  renew: boolean,
): Promise<boolean> {
  const { dataDir } = ctx
  const joined = await ctx.jobs.run('snapshotJoin', { dataDir, team, names, renew })
  if (!joined) return false
  // Written here while the worker prepared it (the window stays usable): a new computer now has
  // data of its own, and a rejoining one changes not yet sent. Nothing is swapped; the join reads
  // the segments instead, or the next pass rejoins.
  if (renew ? pendingCount(ctx.db) > 0 : !holdsNothing(ctx.db)) {
    fs.rmSync(joined.file, { force: true })
    return false
  }
  await restart(() => ({ dataDir, dir: swapIn(dataDir, joined.file, ctx.now(), 'move') }))
  return true
}

/**
 * After a pass: when a teammate's segments this device still needs were pruned (it was away
 * longer than the team waits, see sync/snapshot.ts ACTIVE_MS), it rejoins from the newest snapshot.
 * The pass has sealed its own changes in the folder first, so they come back with the segments
 * read after the snapshot; nothing it made is lost, and nothing deleted since comes back.
 */
export async function rejoinIfPruned(
  ctx: AppContext,
  restart: Restart,
  report: SyncReport,
): Promise<boolean> {
  const team = teamOf(ctx.db)
  if (!team || !report.waiting.some((w) => w.problem === 'pruned') || report.problem) return false
  if (pendingCount(ctx.db) > 0) return false
  return joinFromSnapshot(ctx, restart, team, namesOf(ctx.db, ctx.deviceId), true)
}
