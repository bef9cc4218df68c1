// Real SQLite files in a fresh temp directory per test: no database mocks anywhere.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createServices } from '../../electron/main/services'
import type { Services, ServicesOptions } from '../../electron/main/services'
import type { Result } from '../../shared/errors'
import type { Channel } from '../../shared/channels'
import type { ChannelInput, ChannelOutput } from '../../shared/contract'

export function tempDir(prefix = 'tradetier-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Services over a new data directory; call `close()` (or let the test end) afterwards. */
export function tempServices(options: ServicesOptions = {}): Services & { dir: string } {
  const dir = tempDir()
  return { ...createServices(dir, options), dir }
}

/** The data of a successful Result; a failed one fails the test with its error. */
export function data<T>(res: Result<T>): T {
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data
}

/** A typed call: the input the contract accepts for the channel, the Result of its output. */
export type Call = <C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
) => Promise<Result<ChannelOutput<C>>>

/** Calls a channel through the real IPC loop, as a trusted sender. */
export function caller(services: () => Services): Call {
  // dispatch returns Result<unknown>, but every handler is typed by the contract (Handlers), so a
  // success carries the channel's output.
  return (channel, input) => services().call(channel, input) as Promise<Result<ChannelOutput<typeof channel>>>
}
