// Real SQLite files in a fresh temp directory per test: no database mocks anywhere.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createServices } from '../../electron/main/services'
import type { Services, ServicesOptions } from '../../electron/main/services'
import { dispatch } from '../../electron/main/ipc/dispatch'
import type { Result } from '../../shared/errors'

export function tempDir(prefix = 'tradetier-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Services over a new data directory; call `close()` (or let the test end) afterwards. */
export function tempServices(options: ServicesOptions = {}): Services & { dir: string } {
  const dir = tempDir()
  return { ...createServices(dir, options), dir }
}

/** The data of a successful Result; a failed one fails the test with its error. */
export function data<T>(res: Result<unknown>): T {
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data as T
}

/** Calls a channel through the real IPC loop, as a trusted sender. */
export function caller(
  services: () => Services,
): (channel: string, input: unknown) => Promise<Result<unknown>> {
  return (channel, input) => dispatch(services().handlers, channel, input, true)
}
