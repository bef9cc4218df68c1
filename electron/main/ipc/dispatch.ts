// The IPC loop, independent of the transport: Electron's ipcMain and the test harness's HTTP
// bridge both hand every call to `dispatch`, so the checks below cannot differ between them.
import type { z } from 'zod'
import { contract } from '../../../shared/contract'
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract'
import { CHANNELS } from '../../../shared/channels'
import type { Channel } from '../../../shared/channels'
import { AppFailure, toIssueCode } from '../../../shared/errors'
import type { AppError, Result } from '../../../shared/errors'

export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>
}

const channelSet: ReadonlySet<string> = new Set(CHANNELS)

export function isChannel(name: string): name is Channel {
  return channelSet.has(name)
}

function zodIssues(error: z.ZodError): AppError {
  return {
    code: 'validation',
    issues: error.issues.map((i) => ({
      path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
      code: toIssueCode(i.code, i.message),
    })),
  }
}

/**
 * Runs one call: refuses an untrusted sender or unknown channel, parses the input with the
 * channel's schema, runs the handler and wraps the outcome in a Result. Never throws.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  senderTrusted: boolean,
  onError: (err: unknown) => void = () => undefined,
): Promise<Result<unknown>> {
  if (!senderTrusted) return { ok: false, error: { code: 'forbidden_sender' } }
  if (!isChannel(channel)) return { ok: false, error: { code: 'unknown_channel' } }
  const parsed = contract[channel].input.safeParse(rawInput ?? {})
  if (!parsed.success) return { ok: false, error: zodIssues(parsed.error) }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown
    const data = await handler(parsed.data)
    return { ok: true, data }
  } catch (err) {
    if (err instanceof AppFailure) {
      return { ok: false, error: { code: err.code, issues: err.issues, details: err.details } }
    }
    onError(err)
    return { ok: false, error: { code: 'internal' } }
  }
}
