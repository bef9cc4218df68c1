// The team:* and sync:now channels (SPEC S1–S3). Creating or joining checks the folder first and
// changes nothing when it is refused; every pass with the folder runs in the worker.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { AppFailure } from '../../../../shared/errors'
import type { SyncConflict, TeamProblem, TeamStatus } from '../../../../shared/team'
import { SYNCED_COLUMNS } from '../../db/writer'
import type { RowChange, SyncedTable } from '../../db/writer'
import { hlcToIso, parseHlc } from '../../core/hlc'
import {
  TEAM_FORMAT_MIN_APP,
  checkTeamFolder,
  createTeamFolder,
  readDeviceFiles,
} from '../../sync/team-folder'
import type { DeviceFile } from '../../sync/team-folder'
import {
  deviceNameOf,
  lastReport,
  peopleByDevice,
  parkedCount,
  pendingCount,
  setTeam,
  teamOf,
  userNameOf,
} from './sync'
import { DRIFT_WARNING_MS } from '../../core/hlc'

/** What the desktop shell lends the team screen (nothing in the harness). */
export type TeamHost = {
  /** Electron's folder dialog: the folder chosen, or null when cancelled. */
  chooseTeamFolder?: () => Promise<string | null>
}

export function teamHandlers(ctx: AppContext, host: TeamHost = {}): HandlerModule {
  const { db } = ctx
  const openConflicts = () =>
    db.prepare('SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL').pluck().get() as number
  const status = (): TeamStatus => {
    const team = teamOf(db)
    const check = team ? checkTeamFolder(team.folder, team.id) : null
    return {
      team,
      deviceId: ctx.deviceId,
      deviceName: deviceNameOf(db),
      userName: userNameOf(db),
      pending: pendingCount(db),
      conflicts: openConflicts(),
      parked: parkedCount(db),
      last: lastReport(db),
      devices:
        check?.ok === true
          ? current(readDeviceFiles(check.root).devices).map((d) => ({
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
  // The ids an install left behind when a restore renewed it are not computers of the team.
  const current = (devices: DeviceFile[]) => {
    const replaced = new Set(devices.flatMap((d) => d.replaces ?? []))
    return devices.filter((d) => !replaced.has(d.deviceId))
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
      setTeam(db, { id: check.team.teamId, name: check.team.name, folder: input.folder }, input)
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
      return report
    },
  }
}
