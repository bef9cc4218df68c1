// Progress of a long job in main (demo load, re-tier, review run), from its job:progress events.
import { useEffect, useState } from 'react'
import { subscribe } from '../api/client'
import { isJobProgress } from '../../../shared/events'

export type JobProgress = { done: number; total: number }

/** The latest progress of the named jobs while `active`; null otherwise. */
export function useJobProgress(jobs: readonly string[], active: boolean): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const key = jobs.join(',')
  useEffect(() => {
    if (!active) {
      setProgress(null)
      return
    }
    return subscribe('job:progress', (payload) => {
      if (isJobProgress(payload) && key.split(',').includes(payload.job))
        setProgress({ done: payload.done, total: payload.total })
    })
  }, [key, active])
  return active ? progress : null
}
