// SQLite's integrity_check of a finished copy (a backup before it is listed) on two threads.
//
// integrity_check is one thread's work: on the 100k-customer database (1.35 GB, 1M orders) it
// took 7.7–8.1 s of a 12 s backup. Here it is split in two parts that together check exactly what
// it checks: quick_check (every page used once, every b-tree's structure, the freelist) and, per
// table, integrity_check(table) (that table and its indexes, each index entry against its row).
// A helper thread runs quick_check and then takes tables from a shared queue; this thread takes
// tables from the start. Without a helper (outside the job worker) it is the plain pragma.
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import type { Db } from './connection'

/** The helper thread's entry, set by the job worker (jobs/worker.ts) from what main resolved. */
export type IntegrityHelper = { file: string; execArgv: string[] }
export type IntegrityWork = { file: string; tables: string[]; queue: Int32Array }

let helper: IntegrityHelper | null = null

/** Lets checkCopyIntegrity split its work with a helper thread started from `h` (null: never). */
export function useIntegrityHelper(h: IntegrityHelper | null): void {
  helper = h
}

/** The rows of an integrity pragma that are not 'ok': the first problems found. */
export function pragmaProblems(db: Db, pragma: string): string[] {
  try {
    const rows = db.pragma(pragma, { simple: false }) as Record<string, string>[]
    return rows.map((r) => Object.values(r)[0] ?? '').filter((r) => r !== 'ok')
  } catch (err) {
    // A torn page can make the check itself fail; that is damage too.
    return [(err as { code?: string }).code ?? String(err)]
  }
}

/**
 * The tables, the costliest first so the two threads finish together: rows (the largest rowid)
 * times one plus their indexes. WITHOUT ROWID tables have no rowid to ask and go first.
 */
function tablesByCost(db: Db): string[] {
  const tables = db
    .prepare(
      `SELECT t.name, (SELECT count(*) FROM sqlite_master i WHERE i.type = 'index' AND i.tbl_name = t.name) AS indexes
       FROM sqlite_master t WHERE t.type = 'table' ORDER BY t.name`,
    )
    .all() as { name: string; indexes: number }[]
  const cost = new Map<string, number>()
  for (const t of tables) {
    let rows = Number.MAX_SAFE_INTEGER / 1000
    try {
      rows = Number(
        db
          .prepare(`SELECT max(rowid) FROM ${quote(t.name)}`)
          .pluck()
          .get() ?? 0,
      )
    } catch {
      // WITHOUT ROWID
    }
    cost.set(t.name, rows * (1 + t.indexes))
  }
  return tables.map((t) => t.name).sort((a, b) => cost.get(b)! - cost.get(a)!)
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Checks tables taken one by one from the shared queue until it is empty. */
export function checkQueuedTables(db: Db, work: IntegrityWork): string[] {
  const problems: string[] = []
  for (let i = Atomics.add(work.queue, 0, 1); i < work.tables.length; i = Atomics.add(work.queue, 0, 1))
    problems.push(...pragmaProblems(db, `integrity_check(${quote(work.tables[i]!)})`))
  return problems
}

/** The helper thread's share (./integrity-worker.ts): quick_check, then tables from the queue. */
export function helperShare(work: IntegrityWork): string[] {
  const db = new Database(work.file, { readonly: true, fileMustExist: true })
  try {
    return [...pragmaProblems(db, 'quick_check(5)'), ...checkQueuedTables(db, work)]
  } finally {
    db.close()
  }
}

/** integrity_check of the database file `file` (read-only), on two threads when it can. */
export async function checkCopyIntegrity(file: string): Promise<string[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const h = helper
    if (!h) return pragmaProblems(db, 'integrity_check(5)')
    const work: IntegrityWork = {
      file,
      tables: tablesByCost(db),
      queue: new Int32Array(new SharedArrayBuffer(4)),
    }
    let theirs: Promise<string[]>
    try {
      const worker = new Worker(h.file, { workerData: work, execArgv: h.execArgv })
      theirs = new Promise<string[]>((resolve, reject) => {
        worker.once('message', (problems: string[]) => resolve(problems))
        worker.once('error', reject)
        worker.once('exit', (code) => reject(new Error(`integrity helper exited with ${code}`)))
      })
    } catch {
      return pragmaProblems(db, 'integrity_check(5)')
    }
    // The helper may not even start (a missing file): its tables are then checked here.
    theirs.catch(() => undefined)
    const mine = checkQueuedTables(db, work)
    let other: string[]
    try {
      other = await theirs
    } catch {
      return pragmaProblems(db, 'integrity_check(5)')
    }
    return [...new Set([...other, ...mine])].slice(0, 5)
  } finally {
    db.close()
  }
}
