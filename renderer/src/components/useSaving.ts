import { useCallback, useRef, useState } from 'react'

/** How long a save runs before its button shows busy: most are answered well within it. */
export const BUSY_AFTER_MS = 150

/**
 * A form's save, run at most once at a time. The button shows busy only once the save has run
 * BUSY_AFTER_MS: rendering a whole form again in its busy state took this machine 30–50 ms, during
 * which the save's answer (back from main in a few) waited to be handled, and a spinner flashing
 * for a quick save reads as flicker. A second submit while one runs is ignored either way.
 */
export function useSaving(): {
  saving: boolean
  /** Runs `work` unless a save is running (then returns undefined at once). */
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>
} {
  const [saving, setSaving] = useState(false)
  const running = useRef(false)
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined
    running.current = true
    const timer = setTimeout(() => setSaving(true), BUSY_AFTER_MS)
    try {
      return await work()
    } finally {
      clearTimeout(timer)
      running.current = false
      // Unchanged (false) for a quick save: React renders nothing for it.
      setSaving(false)
    }
  }, [])
  return { saving, run }
}
