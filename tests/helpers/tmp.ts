// Real SQLite files in a fresh temp directory per test: no database mocks anywhere.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createServices } from '../../electron/main/services'
import type { Services, ServicesOptions } from '../../electron/main/services'

export function tempDir(prefix = 'tradetier-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Services over a new data directory; call `close()` (or let the test end) afterwards. */
export function tempServices(options: ServicesOptions = {}): Services & { dir: string } {
  const dir = tempDir()
  return { ...createServices(dir, options), dir }
}
