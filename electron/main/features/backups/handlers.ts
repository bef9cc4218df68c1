// The backups:* channels. Writing a backup runs in the worker (job 'backup'); listing reads the
// sidecars; restoring asks the host to close the services, swap the file and open them again
// (ServicesOptions.restart), since no handler can replace the connection it runs on.
import fs from 'node:fs'
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { metaSet } from '../../db/device'
import { AppFailure } from '../../../../shared/errors'
import type { BackupPreview } from '../../../../shared/backups'
import {
  ROTATION_KEY,
  backupFile,
  checkBackup,
  latestGoodBackup,
  listBackups,
  markRestored,
  readRotation,
  runningSchemaVersion,
  swapInBackup,
} from './store'

/**
 * What the host does to replace the live database: close the services, run `swap` (which says
 * where it put the old files, to undo it if the reopen fails), open again, tell the window.
 */
export type Restart = (swap: () => { dataDir: string; dir: string } | void) => Promise<void>

export type BackupHost = {
  /** Provided by Electron and the harness; absent in a bare Services (tests pass their own). */
  restart?: Restart
  /** Electron's save dialog: the path the user chose for a backup, or null when cancelled. */
  chooseBackupPath?: (defaultName: string) => Promise<string | null>
}

export function backupHandlers(ctx: AppContext, host: BackupHost): HandlerModule {
  const { db, dataDir } = ctx
  const info = () => ({ appVersion: ctx.appVersion, deviceId: ctx.deviceId })
  const running = () => ({ appVersion: ctx.appVersion, schemaVersion: runningSchemaVersion(db) })

  const restore = async (name: string): Promise<BackupPreview> => {
    const preview = checkBackup(dataDir, name, running())
    if (!host.restart) throw new AppFailure('internal')
    // The data being replaced is itself kept as a backup first, unless it is the damaged file
    // (that one is only moved aside: copying damaged pages would fail or spread the damage).
    if (!ctx.integrity.damaged) await ctx.jobs.run('backup', { dataDir, kind: 'before-restore', ...info() })
    await host.restart(() => {
      const at = ctx.now()
      const dir = swapInBackup(dataDir, name, at)
      markRestored(dataDir, name, at)
      return { dataDir, dir }
    })
    return preview
  }

  return {
    'backups:list': () => ({ backups: listBackups(dataDir), rotation: readRotation(db) }),
    'backups:create': async (input) => {
      if (input.saveAs && host.chooseBackupPath) {
        const to = await host.chooseBackupPath(`TradeTier-${ctx.now().toISOString().slice(0, 10)}.db`)
        if (!to) throw new AppFailure('backup_cancelled')
        return ctx.jobs.run('backup', { dataDir, kind: 'manual', to, ...info() })
      }
      return ctx.jobs.run('backup', { dataDir, kind: 'manual', ...info() })
    },
    'backups:preview': (input) => checkBackup(dataDir, input.name, running()),
    'backups:restore': async (input) => ({ restored: await restore(input.name) }),
    'backups:restoreLatest': async () => {
      const name = latestGoodBackup(dataDir, running())
      if (!name) throw new AppFailure('backup_none')
      return { restored: await restore(name) }
    },
    'backups:download': (input) => {
      const file = backupFile(dataDir, input.name)
      return {
        fileName: input.name,
        mimeType: 'application/vnd.sqlite3',
        base64: fs.readFileSync(file).toString('base64'),
      }
    },
    'backups:setRotation': (input) => {
      metaSet(db, ROTATION_KEY, JSON.stringify(input))
      // A device setting in meta, like the language: the one kind of write outside the write path.
      ctx.changes.touch('meta')
      return readRotation(db)
    },
  }
}
