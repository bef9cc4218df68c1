// A tiny data layer: screens load through `useQuery`, and every `data:changed` event from main
// (any window, any device later through sync) bumps a version that makes them load again.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { subscribe } from '../api/client'
import { ApiError } from '../api/client'
import type { AppError } from '../../../shared/errors'

let version = 0
const listeners = new Set<() => void>()

/** Marks data as changed locally (for the window that made the change, before the event arrives). */
export function bumpData(): void {
  version++
  for (const l of listeners) l()
}

let subscribed = false
function ensureSubscribed() {
  if (subscribed) return
  subscribed = true
  subscribe('data:changed', bumpData)
}

export function useDataVersion(): number {
  ensureSubscribed()
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => version,
  )
}

export type QueryState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'error'; error: AppError; data?: T }
  | { status: 'ready'; data: T }

/** Runs `load` when its key or the data version changes; keeps the last data while reloading. */
export function useQuery<T>(key: string, load: () => Promise<T>): QueryState<T> & { reload: () => void } {
  const dataVersion = useDataVersion()
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' })
  const [nonce, setNonce] = useState(0)
  useEffect(() => {
    let live = true
    setState((s) => ({ status: 'loading', data: s.data }))
    load().then(
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
    // `load` is recreated every render; `key` states what it depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, dataVersion, nonce])
  const reload = useCallback(() => setNonce((n) => n + 1), [])
  return { ...state, reload }
}
