// The IPC loop, independent of the transport: Electron's ipcMain and the test harness's HTTP
// bridge both hand every call to `dispatch`, so the checks below cannot differ between them.
import { contract } from '../../../shared/contract'
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract'
import { CHANNELS } from '../../../shared/channels'
import type { Channel } from '../../../shared/channels'
import { READS } from '../../../shared/reads'
import { AppFailure, fieldIssues } from '../../../shared/errors'
import type { ErrorCode, Result } from '../../../shared/errors'
import type { DataChanged, TableName } from '../../../shared/tables'

export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>
}

/** What the loop calls: the handlers, and where the tables a call wrote are collected and told. */
export type IpcHost = {
  handlers: Handlers
  /** Tables written since the last drain (by this call, or a job that ended meanwhile). */
  changes: { drain(): TableName[] }
  /** Sends `data:changed` to the window(s). */
  notify: (payload: DataChanged) => void
  /**
   * False once the database is known to be damaged: only reads are served, and the channels that
   * repair it (restoring a backup), which the host names by returning true for them.
   */
  writable: (channel: Channel) => boolean
  /**
   * The error code for a write that found the database locked by another connection: `busy`, or
   * `busy_import` while an import holds the lock (the user then knows to save after it ends).
   */
  busyCode?: () => ErrorCode
}

const channelSet: ReadonlySet<string> = new Set(CHANNELS)

export function isChannel(name: string): name is Channel {
  return channelSet.has(name)
}

/** The SQLite result code of a better-sqlite3 error ('SQLITE_BUSY', …), or '' for anything else. */
function sqliteCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

/** Channels that only read (shared/reads.ts); every other channel may write. */
export function isReadChannel(channel: Channel): boolean {
  return channel in READS
}

/**
 * Runs one call: refuses an untrusted sender or unknown channel, parses the input with the
 * channel's schema, runs the handler and wraps the outcome in a Result. Afterwards it announces
 * the tables the call wrote (a failed call wrote nothing, but a job that ended meanwhile may
 * have). Never throws.
 */
export async function dispatch(
  host: IpcHost,
  channel: string,
  rawInput: unknown,
  senderTrusted: boolean,
  onError: (err: unknown) => void = () => undefined,
): Promise<Result<unknown>> {
  if (!senderTrusted) return { ok: false, error: { code: 'forbidden_sender' } }
  if (!isChannel(channel)) return { ok: false, error: { code: 'unknown_channel' } }
  const parsed = contract[channel].input.safeParse(rawInput ?? {})
  if (!parsed.success)
    return { ok: false, error: { code: 'validation', issues: fieldIssues(parsed.error.issues) } }
  if (!isReadChannel(channel) && !host.writable(channel)) return { ok: false, error: { code: 'db_damaged' } }
  let result: Result<unknown>
  try {
    const handler = host.handlers[channel] as (input: unknown) => unknown
    result = { ok: true, data: await handler(parsed.data) }
  } catch (err) {
    if (err instanceof AppFailure) {
      result = { ok: false, error: { code: err.code, issues: err.issues, details: err.details } }
    } else if (sqliteCode(err).startsWith('SQLITE_BUSY')) {
      // Another connection (the worker) holds the write lock: the transaction rolled back whole.
      result = { ok: false, error: { code: host.busyCode?.() ?? 'busy' } }
    } else {
      onError(err)
      result = { ok: false, error: { code: 'internal' } }
    }
  }
  const tables = host.changes.drain()
  if (tables.length > 0) host.notify({ tables })
  return result
}
