// The import wizard over IPC (D1). Main keeps the file and the saved mappings; reading the file,
// the preview and the import itself run in the worker (a 1M-row order book takes seconds), so the
// window and every other channel stay responsive.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { AppFailure } from '../../../../shared/errors'
import { readImportFile, saveImportFile } from './files'
import { savePreset, savedPresets } from './presets-store'

export function importHandlers(ctx: AppContext): HandlerModule {
  const { db, jobs, dataDir } = ctx
  return {
    'import:open': (input) => {
      const bytes = Buffer.from(input.base64, 'base64')
      if (bytes.length === 0) throw new AppFailure('import_empty_file')
      return { fileId: saveImportFile(dataDir, input.name, bytes), size: bytes.length }
    },
    'import:preview': (input) => {
      readImportFile(dataDir, input.fileId)
      return jobs.run('importPreview', { dataDir, fileId: input.fileId, options: input.options })
    },
    'import:run': (input) => {
      readImportFile(dataDir, input.fileId)
      return jobs.run('import', { dataDir, fileId: input.fileId, options: input.options })
    },
    'import:cancel': () => ({ cancelled: jobs.cancel('import') }),
    'import:refused': (input) =>
      jobs.run('importRefused', { dataDir, fileId: input.fileId, options: input.options }),
    'import:presets': () => ({ presets: savedPresets(db) }),
    'import:savePreset': (input) => {
      savePreset(db, input.name, input.kind, input.mapping)
      // Device settings in meta, like the UI language: outside the synced write path.
      ctx.changes.touch('meta')
      return { name: input.name }
    },
  }
}
