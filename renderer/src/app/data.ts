// A tiny data layer: every screen loads through `useQuery(channel, input)`, and a `data:changed`
// event from main (this window's own calls, a job, later a teammate's synced change) reloads only
// the queries whose channel reads one of the tables it names (shared/reads.ts).
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { request, subscribe } from '../api/client'
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

function onChanged(payload: unknown) {
  const tables = (payload as Partial<DataChanged> | null)?.tables
  if (!Array.isArray(tables) || tables.length === 0) return
  for (const t of tables) versions.set(t, (versions.get(t) ?? 0) + 1)
  for (const l of listeners) l()
}

let subscribed = false
function ensureSubscribed() {
  if (subscribed) return
  subscribed = true
  subscribe('data:changed', onChanged)
}

function versionOf(tables: readonly string[]): number {
  let v = 0
  for (const t of tables) v += versions.get(t) ?? 0
  return v
}

/** A number that changes whenever main reports a write to one of `tables`. */
export function useTablesVersion(tables: readonly TableName[]): number {
  ensureSubscribed()
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => versionOf(tables),
  )
}

export type QueryState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'error'; error: AppError; data?: T }
  | { status: 'ready'; data: T }

/**
 * Calls a read channel with `input`, again whenever the input changes or main reports a write to
 * a table the channel reads; keeps the last data while reloading.
 */
export function useQuery<C extends ReadChannel>(
  channel: C,
  input: ChannelInput<C>,
): QueryState<ChannelOutput<C>> & { reload: () => void } {
  const version = useTablesVersion(READS[channel])
  const key = `${channel} ${JSON.stringify(input)}`
  const [state, setState] = useState<QueryState<ChannelOutput<C>>>({ status: 'loading' })
  const [nonce, setNonce] = useState(0)
  useEffect(() => {
    let live = true
    setState((s) => ({ status: 'loading', data: s.data }))
    request(channel, input).then(
      (data) => live && setState({ status: 'ready', data }),
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
