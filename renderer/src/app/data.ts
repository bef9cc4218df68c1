// A tiny data layer: every screen loads through `useQuery(channel, input)`, and a `data:changed`
// event from main (this window's own calls, a job, later a teammate's synced change) reloads only
// the queries whose channel reads one of the tables it names (shared/reads.ts).
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { request, sendQueued, subscribe, whenWritesSettled, writesInFlight } from '../api/client'
import { ApiError } from '../api/client'
import { READS } from '../../../shared/reads'
import type { ReadChannel } from '../../../shared/reads'
import type { ChannelInput, ChannelOutput } from '../../../shared/contract'
import type { AppError } from '../../../shared/errors'
import type { DataChanged, TableName } from '../../../shared/tables'

// One counter per table: a query's version is the sum over the tables it reads, so it moves
// exactly when one of them changed.
const versions = new Map<string, number>()
const listeners = new Set<() => void>()

// Screens hear of changes at the next frame, once for a burst of events: a save's own event
// comes just before its answer, and the screen the save is about to leave (a list behind the
// new-customer form) would otherwise start reloading and re-rendering first, delaying the
// answer and the next screen. Versions move at once, so a read started meanwhile is never stale.
//
// And while this window's own write waits for its answer, its event waits too (up to a second, so
// a long job's events still show): the caller first acts on the answer (a new customer's page
// replaces the list), and only what is then on screen reloads. Main sends the event before the
// answer, and on a busy machine the list had reloaded and re-rendered before the answer came.
const HOLD_MS = 1000
let notifyFrame = 0
let holdingSince = 0
function notify() {
  notifyFrame = 0
  if (writesInFlight()) {
    holdingSince ||= performance.now()
    if (performance.now() - holdingSince < HOLD_MS) {
      const retry = () => {
        if (notifyFrame === 0) notifyFrame = requestAnimationFrame(notify)
      }
      // Told as soon as the caller has acted on its answer, not a frame later: the parts it left
      // on screen re-render once, with the dialog it closed, and their reads leave at once.
      whenWritesSettled(() => {
        if (notifyFrame !== 0) cancelAnimationFrame(notifyFrame)
        notify()
      })
      setTimeout(retry, HOLD_MS)
      return
    }
  }
  holdingSince = 0
  for (const [t, v] of versions) told.set(t, v)
  reloadMounted()
  for (const l of listeners) l()
}

// The versions the screens were last told of (at notify). A part that re-renders for another
// reason meanwhile (a dialog closing) keeps reading what it was told: reading the live versions,
// each part started its reload at its own commit, ten milliseconds apart, and the screen settled
// on the last answer. Reads themselves always go by the live versions.
const told = new Map<string, number>()

// The reads the parts on screen hold now, by cache key, with how many parts hold each.
const mounted = new Map<string, { channel: ReadChannel; input: ChannelInput<ReadChannel>; holders: number }>()

/**
 * Starts every read on screen that a change made stale, together (one request through the
 * harness), before the parts re-render; they then find their reads under way in the cache.
 */
function reloadMounted() {
  for (const q of mounted.values()) {
    if (fresh(q.channel, q.input) === undefined) load(q.channel, q.input).catch(() => undefined)
  }
  sendQueued()
}

function onChanged(payload: unknown) {
  const tables = (payload as Partial<DataChanged> | null)?.tables
  if (!Array.isArray(tables) || tables.length === 0) return
  for (const t of tables) versions.set(t, (versions.get(t) ?? 0) + 1)
  if (notifyFrame === 0) notifyFrame = requestAnimationFrame(notify)
}

let subscribed = false
function ensureSubscribed() {
  if (subscribed) return
  subscribed = true
  subscribe('data:changed', onChanged)
}

/** The sum of `tables`' counters in `of`: the live versions by default, or what screens were told. */
function versionOf(tables: readonly string[], of: ReadonlyMap<string, number> = versions): number {
  let v = 0
  for (const t of tables) v += of.get(t) ?? 0
  return v
}

/** A number that changes when screens are told of a write to one of `tables` (see notify). */
export function useTablesVersion(tables: readonly TableName[]): number {
  ensureSubscribed()
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => versionOf(tables, told),
  )
}

export type QueryState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'error'; error: AppError; data?: T }
  | { status: 'ready'; data: T }

// ---- a small cache of read results ----
//
// Keyed by channel and input, valid for the table versions it was read at: a change event moves
// the version and the entry is stale, so nothing is ever served past a write that touched it.
// It lets a screen ask for everything it needs at once (`prefetch`) before its parts mount, lets
// two parts that read the same thing share one call, and lets a screen opened again paint its
// last data at once instead of a loading state.
type Entry = { version: number; promise: Promise<unknown>; data?: unknown; settled: boolean }
const cache = new Map<string, Entry>()
const CACHE_LIMIT = 300

const cacheKey = (channel: string, input: unknown) => `${channel} ${JSON.stringify(input ?? {})}`

function load<C extends ReadChannel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const key = cacheKey(channel, input)
  const version = versionOf(READS[channel])
  const hit = cache.get(key)
  if (hit && hit.version === version) return hit.promise as Promise<ChannelOutput<C>>
  const entry: Entry = { version, promise: request(channel, input), settled: false }
  entry.promise.then(
    (data) => {
      entry.data = data
      entry.settled = true
    },
    // A failed read is not kept: the next ask tries again.
    () => cache.get(key) === entry && cache.delete(key),
  )
  cache.delete(key)
  cache.set(key, entry)
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!)
  return entry.promise as Promise<ChannelOutput<C>>
}

/** The result already read for the current table versions, if any (never starts a call). */
function fresh<C extends ReadChannel>(channel: C, input: ChannelInput<C>): ChannelOutput<C> | undefined {
  const hit = cache.get(cacheKey(channel, input))
  return hit?.settled && hit.version === versionOf(READS[channel])
    ? (hit.data as ChannelOutput<C>)
    : undefined
}

/** Starts a read a screen is about to need, so its calls run together instead of one by one. */
export function prefetch<C extends ReadChannel>(channel: C, input: ChannelInput<C>): Promise<void> | null {
  ensureSubscribed()
  if (fresh(channel, input) !== undefined) return null
  return load(channel, input).then(
    () => undefined,
    () => undefined,
  )
}

/**
 * Starts every read of a screen together; null when all are already read for the current
 * versions, else a promise settled once every one is (failed or not). A screen that waits for it
 * renders once with all its parts instead of once per answer: each render of a whole page costs
 * far more than the few milliseconds main takes to answer the rest.
 */
export function prefetchAll(reads: (Promise<void> | null)[]): Promise<void> | null {
  sendQueued()
  const pending = reads.filter((r) => r !== null)
  return pending.length === 0 ? null : Promise.all(pending).then(() => undefined)
}

/**
 * Calls a read channel with `input`, again whenever the input changes or main reports a write to
 * a table the channel reads; keeps the last data while reloading, and starts ready when the same
 * read is already cached for the current versions.
 */
/** Whether two answers of a read are the same (they are JSON: the bridge carries them so). */
function sameData(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

export function useQuery<C extends ReadChannel>(
  channel: C,
  input: ChannelInput<C>,
): QueryState<ChannelOutput<C>> & { reload: () => void } {
  const version = useTablesVersion(READS[channel])
  const key = cacheKey(channel, input)
  const [state, setState] = useState<QueryState<ChannelOutput<C>>>(() => {
    const data = fresh(channel, input)
    return data === undefined ? { status: 'loading' } : { status: 'ready', data }
  })
  const [nonce, setNonce] = useState(0)
  useEffect(() => {
    const held = mounted.get(key) ?? { channel, input, holders: 0 }
    held.holders++
    mounted.set(key, held)
    return () => {
      if (--held.holders === 0 && mounted.get(key) === held) mounted.delete(key)
    }
    // `key` stands for channel and input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  useEffect(() => {
    let live = true
    const cached = nonce === 0 ? fresh(channel, input) : undefined
    if (cached !== undefined) {
      setState((s) => (s.status === 'ready' && s.data === cached ? s : { status: 'ready', data: cached }))
      return
    }
    if (nonce > 0) cache.delete(key)
    // A reload keeps showing the data it has (no screen tells "reloading" apart), and an answer
    // equal to it keeps the same state: a write that did not change what this query shows (the
    // language saved in meta, a customer written elsewhere in the list) re-renders nothing.
    setState((s) => (s.status === 'ready' ? s : { status: 'loading', data: s.data }))
    load(channel, input).then(
      (data) =>
        live &&
        setState((s) => (s.status === 'ready' && sameData(s.data, data) ? s : { status: 'ready', data })),
      (err: unknown) =>
        live &&
        setState((s) => ({
          status: 'error',
          error: err instanceof ApiError ? err.error : { code: 'internal' },
          data: s.data,
        })),
    )
    return () => {
      live = false
    }
    // `key` stands for channel and input (a new object every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version, nonce])
  const reload = useCallback(() => setNonce((n) => n + 1), [])
  return { ...state, reload }
}
