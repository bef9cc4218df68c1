// Exports over IPC (D2). The file is built in the job worker: 100k rows take seconds, which the
// window's process must not spend (its IPC would stall); the window saves the bytes it gets back.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { metaRead } from '../../db/device'
import { UI_LANGUAGES } from '../../../../shared/vocabulary'
import type { UiLanguage } from '../../../../shared/vocabulary'
import type { Db } from '../../db/connection'

/** The language the user works in (settings:get's value), English before one was chosen. */
export function savedLanguage(db: Db): UiLanguage {
  const v = metaRead(db, 'ui_language')
  return v && (UI_LANGUAGES as readonly string[]).includes(v) ? (v as UiLanguage) : 'en'
}

export function exportHandlers({ db, jobs }: AppContext): HandlerModule {
  return {
    'customers:export': (input) =>
      jobs.run('exportList', {
        query: input.query,
        columns: input.columns,
        customerIds: input.customerIds ?? null,
        format: input.format,
        language: input.language ?? savedLanguage(db),
      }),
    'exports:activity': (input) =>
      jobs.run('exportActivity', {
        scope: input.scope,
        what: input.what,
        format: input.format,
        language: input.language ?? savedLanguage(db),
      }),
  }
}
