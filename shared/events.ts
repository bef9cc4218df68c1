// Payloads of the events main pushes to the window, with plain guards (no zod), so the first
// screen can listen without loading the schemas.

/** The payload of `job:progress`: a long job's name and how far it is. */
export type JobProgressEvent = { job: string; done: number; total: number }

export function isJobProgress(payload: unknown): payload is JobProgressEvent {
  const p = payload as Partial<JobProgressEvent> | null
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.job === 'string' &&
    typeof p.done === 'number' &&
    typeof p.total === 'number'
  )
}
