// The renderer's only way to main: the preload's bridge inside Electron, or the harness's HTTP
// bridge in a plain browser. Both carry the same channels and the same Result envelope.
import type { Channel, EventName } from '../../../shared/channels'
import type { ChannelInput, ChannelOutput } from '../../../shared/contract'
import type { AppError, Result } from '../../../shared/errors'

type Bridge = {
  invoke(channel: Channel, input: unknown): Promise<unknown>
  on(event: EventName, listener: (payload: unknown) => void): () => void
}

declare global {
  // Declaration merging onto the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    tradetier?: Bridge
  }
}

async function httpInvoke(channel: Channel, input: unknown): Promise<unknown> {
  const res = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  })
  return res.json()
}

let source: EventSource | null = null
function httpOn(event: EventName, listener: (payload: unknown) => void): () => void {
  source ??= new EventSource('/events')
  const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data))
  source.addEventListener(event, handler)
  return () => source?.removeEventListener(event, handler)
}

const bridge: Bridge = window.tradetier ?? { invoke: httpInvoke, on: httpOn }

/** Calls a channel; never throws — transport failures come back as `internal`. */
export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  try {
    return (await bridge.invoke(channel, input)) as Result<ChannelOutput<C>>
  } catch {
    return { ok: false, error: { code: 'internal' } }
  }
}

/** Like `call`, but throws an ApiError so react data hooks can show the error state. */
export async function request<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await call(channel, input)
  if (!result.ok) throw new ApiError(result.error)
  return result.data
}

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.code)
    this.name = 'ApiError'
  }
}

export function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  return bridge.on(event, listener)
}
