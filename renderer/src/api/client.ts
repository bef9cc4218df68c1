// The renderer's only way to main: the preload's bridge inside Electron, or the harness's HTTP
// bridge in a plain browser. Both carry the same channels and the same Result envelope.
import { EVENTS, EVENT_SEQ_HEADER } from '../../../shared/channels'
import type { Channel, EventName } from '../../../shared/channels'
import type { ChannelInput, ChannelOutput } from '../../../shared/contract'
import type { AppError, Result } from '../../../shared/errors'
import { READS } from '../../../shared/reads'

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

type Pending = {
  channel: Channel
  input: unknown
  resolve: (answer: unknown) => void
  reject: (err: unknown) => void
}
let queued: Pending[] | null = null

/**
 * The harness's HTTP bridge. Calls made in the same task (a page's reads start together) travel
 * in one request: Chromium opens at most six connections to a host, one held by the event stream,
 * so ten reads over HTTP waited in line where Electron's IPC answers them side by side. The first
 * call of a task leaves at once (a save is not held behind the render its click started); those
 * after it in the same task go together, and the harness writes each answer as soon as it is ready.
 */
function httpInvoke(channel: Channel, input: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const call: Pending = { channel, input, resolve, reject }
    if (queued) {
      queued.push(call)
      return
    }
    queued = []
    queueMicrotask(flush)
    single(call)
  })
}

function single(call: Pending): void {
  fetch(`/ipc/${encodeURIComponent(call.channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(call.input ?? {}),
  })
    .then(async (res) => {
      const answer: unknown = await res.json()
      answerAfterEvents(Number(res.headers.get(EVENT_SEQ_HEADER)), () => call.resolve(answer))
    })
    .catch(call.reject)
}

/**
 * Sends the calls waiting for the end of this task now. A screen's prefetch calls it once it has
 * asked for everything: the microtask that would send them can run after a render React queued
 * earlier in the same task (a save's notification), holding the page's reads for its length.
 */
export function sendQueued(): void {
  flush()
}

function flush(): void {
  const calls = queued ?? []
  queued = null
  if (calls.length === 1) single(calls[0]!)
  else if (calls.length > 1)
    void batch(calls).catch((err: unknown) => {
      for (const c of calls) c.reject(err)
    })
}

async function batch(calls: Pending[]): Promise<void> {
  const res = await fetch('/ipc-batch', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(calls.map((c) => ({ channel: c.channel, input: c.input ?? {} }))),
  })
  if (!res.ok || !res.body) {
    const answer: unknown = await res.json()
    for (const c of calls) c.resolve(answer)
    return
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    buffer += value
    let end: number
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, end)) as { i: number; seq: number; result: unknown }
      buffer = buffer.slice(end + 1)
      answerAfterEvents(line.seq, () => calls[line.i]?.resolve(line.result))
    }
  }
  // Whatever was not answered (the harness went away mid-stream) fails; a settled promise ignores it.
  for (const c of calls) c.reject(new Error('no answer'))
}

// The harness's event stream. Its events are numbered, and each answer names the last event sent
// before it: an answer that overtook its events (they travel on another connection) is held until
// they have been handled, as Electron's one pipe delivers them. Null until the stream has said
// where it stands (nothing to wait for before that: no event of it can have been missed).
let source: EventSource | null = null
let lastEvent: number | null = null
const handlers = new Map<EventName, Set<(payload: unknown) => void>>()
let held: { seq: number; release: () => void }[] = []
/** A safety bound: an event lost with a dropped stream does not hold answers for longer. */
const HOLD_ANSWER_MS = 1000

function eventSeen(e: MessageEvent<string>): void {
  const n = Number(e.lastEventId)
  if (e.lastEventId === '' || !Number.isFinite(n)) return
  // Set, not raised: a harness started again numbers from 0, and says so on reconnecting.
  lastEvent = n
  const due = held.filter((h) => h.seq <= n)
  held = held.filter((h) => h.seq > n)
  for (const h of due) h.release()
}

function answerAfterEvents(seq: number, answer: () => void): void {
  if (lastEvent === null || !(seq > lastEvent)) return answer()
  const h = { seq, release: answer }
  held.push(h)
  setTimeout(() => {
    if (!held.includes(h)) return
    held = held.filter((x) => x !== h)
    answer()
  }, HOLD_ANSWER_MS)
}

function events(): EventSource {
  if (source) return source
  source = new EventSource('/events')
  source.addEventListener('hello', (e) => eventSeen(e as MessageEvent<string>))
  // Every event moves the count, listened to or not; its listeners run first, so an answer held
  // for it is handled after the event's effects (a change event's table versions).
  for (const name of EVENTS) {
    const set = new Set<(payload: unknown) => void>()
    handlers.set(name, set)
    source.addEventListener(name, (e) => {
      const message = e as MessageEvent<string>
      try {
        const payload: unknown = JSON.parse(message.data)
        for (const l of set) l(payload)
      } finally {
        eventSeen(message)
      }
    })
  }
  return source
}

function httpOn(event: EventName, listener: (payload: unknown) => void): () => void {
  events()
  const set = handlers.get(event)!
  set.add(listener)
  return () => set.delete(listener)
}

const bridge: Bridge = window.tradetier ?? { invoke: httpInvoke, on: httpOn }

/** In the desktop app (Electron's preload bridge), where main can open the system's dialogs. */
export const inDesktop = window.tradetier !== undefined

// This window's calls that write, in flight: the data layer holds a write's own change event until
// its answer has been handled (see app/data.ts).
let writing = 0
const settled = new Set<() => void>()

/** Whether a call of this window that may write is waiting for its answer. */
export const writesInFlight = () => writing > 0

/** Runs `fn` once no write call of this window is in flight (at once if none is). */
export function whenWritesSettled(fn: () => void): void {
  if (writing === 0) fn()
  else settled.add(fn)
}

/** Calls a channel; never throws — transport failures come back as `internal`. */
export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  const write = !(channel in READS)
  if (write) writing++
  try {
    return (await bridge.invoke(channel, input)) as Result<ChannelOutput<C>>
  } catch {
    return { ok: false, error: { code: 'internal' } }
  } finally {
    // After the caller's own continuation (a navigation, a dialog closing): it runs in the
    // microtask the answer resolves, before this task's end.
    if (write && --writing === 0)
      setTimeout(() => {
        if (writing > 0) return
        const waiting = [...settled]
        settled.clear()
        for (const fn of waiting) fn()
      }, 0)
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
