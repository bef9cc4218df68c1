// The app's own facts and the user's settings over IPC.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import type { Db } from '../../db/connection'
import { metaRead, metaSet } from '../../db/device'
import type { UiLanguage } from '../../../../shared/domain'
import { UI_LANGUAGES } from '../../../../shared/domain'

function readLanguage(db: Db): UiLanguage | null {
  const v = metaRead(db, 'ui_language')
  return v && (UI_LANGUAGES as readonly string[]).includes(v) ? (v as UiLanguage) : null
}

export function settingsHandlers(ctx: AppContext): HandlerModule {
  const { db } = ctx
  return {
    'app:info': () => ({
      version: ctx.appVersion,
      dataDir: ctx.dataDir,
      deviceId: ctx.deviceId,
      schemaVersion: db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number,
      harness: ctx.harness,
      damaged: ctx.integrity.damaged,
    }),
    'settings:get': () => ({ language: readLanguage(db) }),
    'settings:set': (input) => {
      if (input.language !== undefined) {
        metaSet(db, 'ui_language', input.language ?? '')
        // Settings are device-local meta, not synced rows: the one write outside the write path.
        ctx.changes.touch('meta')
      }
      return { language: readLanguage(db) }
    },
  }
}
