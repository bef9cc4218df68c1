// What a feature's handlers may use: the repositories over main's connection, the job runner for
// long work, and the app's own facts. Built once by services.ts.
import type { Repositories } from './repositories'
import type { JobRunner } from './jobs/runner'

export type AppContext = Repositories & {
  jobs: JobRunner
  dataDir: string
  appVersion: string
  harness: boolean
  /** Set when the integrity check found damage: writes are refused from then on. */
  integrity: { damaged: boolean }
}
