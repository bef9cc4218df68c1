// The host's side of a restore, shared by Electron (index.ts) and the harness: it owns the one
// Services object over the data directory, and replaces it when a restore swaps the file under it.
// Electron-free, so tests drive the very same code.
import type { Restart } from './handlers'
import { latestGoodBackup, markRestored, swapInBackup, undoSwap } from './store'
import type { Running } from './store'
import type { BackupPreview } from '../../../../shared/backups'
import { checkBackup } from './store'

type Closeable = { close: () => Promise<void> }

export class ServicesHost<S extends Closeable> {
  current: S | null = null

  /**
   * `open` builds services with the given restart hook (ServicesOptions.restart); `reopened` runs
   * after a restore, to tell the window that every table changed (or to reload it).
   */
  constructor(
    private readonly open: (restart: Restart) => S,
    private readonly reopened: () => void = () => undefined,
  ) {}

  start(): S {
    this.current = this.open(this.restart)
    return this.current
  }

  /** Closes the services (worker included), swaps the file, opens again; a failed reopen swaps back. */
  readonly restart: Restart = async (swap) => {
    const old = this.current
    this.current = null
    await old?.close()
    let aside: ReturnType<typeof swap>
    try {
      aside = swap()
    } catch (err) {
      // The swap put back what it moved: the same file opens again, and the caller hears why.
      this.start()
      throw err
    }
    try {
      this.start()
    } catch (err) {
      if (aside) undoSwap(aside.dataDir, aside.dir)
      this.start()
      throw err
    }
    this.reopened()
  }
}

/**
 * The damaged-start way out, with no services open: the newest backup that passes its checks
 * goes in place of the damaged file (which is kept in replaced/). Null when no backup qualifies.
 */
export function restoreLatestOffline(
  dataDir: string,
  running: Running,
  now = new Date(),
): BackupPreview | null {
  const name = latestGoodBackup(dataDir, running)
  if (!name) return null
  const preview = checkBackup(dataDir, name, running)
  swapInBackup(dataDir, name, now)
  markRestored(dataDir, name, now)
  return preview
}
