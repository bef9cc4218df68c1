// Files picked for import, kept on disk under the data directory while the wizard is open: the
// renderer sends a file once, then asks for previews with other mappings, and the worker reads it
// by id. On disk rather than in memory because a 100 MB order book would otherwise be copied to
// the worker on every preview. The folder is emptied at start: nothing here outlives a session.
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { AppFailure } from '../../../../shared/errors'

const FOLDER = 'import-files'
const ID = /^[a-f0-9]{24}$/

export function importFolder(dataDir: string): string {
  return path.join(dataDir, FOLDER)
}

/** Removes files left by an earlier session (called at start). */
export function clearImportFiles(dataDir: string): void {
  fs.rmSync(importFolder(dataDir), { recursive: true, force: true })
}

/** Stores a file; returns its id. The original name is kept beside it (the format follows from it). */
export function saveImportFile(dataDir: string, name: string, bytes: Uint8Array): string {
  const dir = importFolder(dataDir)
  fs.mkdirSync(dir, { recursive: true })
  const id = randomBytes(12).toString('hex')
  fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ name }))
  fs.writeFileSync(path.join(dir, id), bytes)
  return id
}

/** A stored file by id; `import_file_gone` when it is not there (another session, or cleared). */
export function readImportFile(dataDir: string, fileId: string): { name: string; bytes: Uint8Array } {
  // The id names a file: only our own hex ids, never a path.
  if (!ID.test(fileId)) throw new AppFailure('import_file_gone')
  const dir = importFolder(dataDir)
  try {
    const { name } = JSON.parse(fs.readFileSync(path.join(dir, `${fileId}.json`), 'utf8')) as { name: string }
    return { name, bytes: fs.readFileSync(path.join(dir, fileId)) }
  } catch {
    throw new AppFailure('import_file_gone')
  }
}
