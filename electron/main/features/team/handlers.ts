// The team:* and sync:now channels (SPEC S1–S3). Creating or joining checks the folder first and
// changes nothing when it is refused; every pass with the folder runs in the worker.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { AppFailure } from '../../../../shared/errors'
import type { TeamStatus } from '../../../../shared/team'
import { checkTeamFolder, createTeamFolder, readDeviceFiles } from '../../sync/team-folder'
import { deviceNameOf, lastReport, pendingCount, setTeam, teamOf } from './sync'

export function teamHandlers(ctx: AppContext): HandlerModule {
  const { db } = ctx
  const status = (): TeamStatus => {
    const team = teamOf(db)
    const check = team ? checkTeamFolder(team.folder, team.id) : null
    return {
      team,
      deviceId: ctx.deviceId,
      deviceName: deviceNameOf(db),
      pending: pendingCount(db),
      conflicts: db
        .prepare('SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL')
        .pluck()
        .get() as number,
      last: lastReport(db),
      devices:
        check?.ok === true
          ? readDeviceFiles(check.root).devices.map((d) => ({
              deviceId: d.deviceId,
              deviceName: d.deviceName,
              userName: d.userName,
              seenAt: d.wallClock,
            }))
          : [],
    }
  }
  const refuse = (problem: string): never => {
    throw new AppFailure('team_folder', undefined, { problem })
  }
  return {
    'team:status': () => status(),
    'team:create': async (input) => {
      if (teamOf(db)) refuse('in_team')
      const made = createTeamFolder(input.folder, {
        name: input.name,
        minAppVersion: '0.0.0',
        now: ctx.now(),
      })
      if (!made.ok) return refuse(made.problem)
      setTeam(db, { id: made.team.teamId, name: made.team.name, folder: input.folder }, input.deviceName)
      ctx.changes.touch('meta')
      await ctx.jobs.run('sync', { appVersion: ctx.appVersion })
      return status()
    },
    'team:join': async (input) => {
      if (teamOf(db)) refuse('in_team')
      const check = checkTeamFolder(input.folder)
      if (!check.ok) return refuse(check.problem === 'empty' ? 'no_team' : check.problem)
      setTeam(db, { id: check.team.teamId, name: check.team.name, folder: input.folder }, input.deviceName)
      ctx.changes.touch('meta')
      await ctx.jobs.run('sync', { appVersion: ctx.appVersion })
      return status()
    },
    'team:leave': () => {
      setTeam(db, null)
      ctx.changes.touch('meta')
      return status()
    },
    'sync:now': async () => {
      if (!teamOf(db)) refuse('no_link')
      const report = await ctx.jobs.run('sync', { appVersion: ctx.appVersion })
      if (!report) return refuse('no_link')
      return report
    },
  }
}
