// Opens the device's database: pragmas, backup, then migrations. The only place a database file
// is opened, so every caller (app, harness, worker, tests, benchmarks) gets the same setup. The
// integrity check reads the whole file (seconds for a 2 GB database), so it is not on the way to
// the first screen: a job runs it after start (checkIntegrity), in full after an unclean shutdown
// and before every backup.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import * as schema from './schema'
import { pragmaProblems } from './integrity'

export type Db = Database.Database

export const DB_FILE_NAME = 'tradetier.db'

/**
 * How long a write waits for the lock another connection holds. better-sqlite3 waits
 * synchronously, so in main this is time the IPC loop stands still: long enough for a worker's
 * batch (well under a second), and cut short while an import holds the lock for its whole run
 * (services.ts), so a save then fails at once with a clear message instead of freezing the window.
 */
export const BUSY_TIMEOUT_MS = 5000
/** The wait while a job holds the write lock for its whole run: a save fails fast instead. */
export const BUSY_TIMEOUT_DURING_IMPORT_MS = 100

/** Thrown when the database file fails its integrity check; carries the path for the message. */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`Database file is damaged: ${file}: ${detail}`)
    this.name = 'DatabaseDamagedError'
  }
}

export type OpenOptions = {
  /** Directory holding the migration SQL; defaults to `<repo>/migrations`. */
  migrationsDir?: string
  /** Clock for backup file names; defaults to now. */
  now?: () => Date
  /**
   * A second connection to a database the app has already opened (the job worker): no backup,
   * no migrations.
   */
  attach?: boolean
  /** Opens read-only (tests prove reads never write); implies `attach`. */
  readOnly?: boolean
}

// The same code runs from source (tsx, vitest) and bundled (out/main), at different depths, so
// the folder is found by walking up rather than by a fixed relative path.
function defaultMigrationsDir(): string {
  let dir = import.meta.dirname
  for (;;) {
    const candidate = path.join(dir, 'migrations')
    if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('migrations folder not found')
    dir = parent
  }
}

/**
 * SQLite's count of commits by other connections to this file (PRAGMA data_version): equal
 * readings mean nothing another connection wrote came in between. A job in the worker compares it
 * across its batches to know whether what it read before main's latest save still holds.
 */
export function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number
}

/**
 * Opens (creating if needed) `<dataDir>/tradetier.db`; when migrations are pending on an existing
 * database, checks it in full and takes a backup copy first, then applies them. A file that is
 * not a database at all fails here (its header is read); deeper damage is found by checkIntegrity.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): { db: Db; file: string } {
  const attach = options.attach === true || options.readOnly === true
  if (!attach) fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, DB_FILE_NAME)
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0
  let db: Db
  try {
    db = new Database(file, { readonly: options.readOnly === true, fileMustExist: attach })
    if (options.readOnly) {
      db.pragma('query_only = ON')
      return { db, file }
    }
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    // SQLite's default checkpoints the WAL every 1,000 pages inside the committing write, which
    // puts a 15–20 ms pause on every fifth customer saved. Writes leave it to the idle-time
    // checkpoint (startIdleCheckpoints); this limit only bounds the WAL if that never runs.
    db.pragma('wal_autocheckpoint = 20000')
    // Not MEMORY: a statement journal held in memory under an open savepoint (an import's batch, a
    // sync pass) makes each later statement with triggers slower than the last — an import of 10k
    // customers took 18 s instead of 5. Temporary b-trees still live in the page cache; only what
    // outgrows it goes to a temporary file.
    db.pragma('temp_store = FILE')
    db.pragma('cache_size = -65536')
  } catch (err) {
    if (err instanceof DatabaseDamagedError) throw err
    // better-sqlite3 reports a non-database or torn file as SQLITE_NOTADB / SQLITE_CORRUPT.
    const code = (err as { code?: string }).code ?? ''
    if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
      throw new DatabaseDamagedError(file, code)
    }
    throw err
  }

  if (attach) return { db, file }
  const migrationsFolder = options.migrationsDir ?? defaultMigrationsDir()
  if (existed && pendingMigrations(db, migrationsFolder) > 0) {
    const problems = checkIntegrity(db, 'full')
    if (problems.length > 0) {
      db.close()
      throw new DatabaseDamagedError(file, problems.join('; '))
    }
    backupDatabase(db, dataDir, 'pre-migration', options.now?.() ?? new Date())
  }
  // drizzle only applies the migrations; every query is SQL on the better-sqlite3 connection.
  migrate(drizzle(db, { schema }), { migrationsFolder })
  return { db, file }
}

/**
 * SQLite's own check of the file: `quick` (structure, seconds on a large file) or `full` (also
 * every index against its table). Returns the first problems found; empty when the file is sound.
 */
export function checkIntegrity(db: Db, depth: 'quick' | 'full'): string[] {
  return pragmaProblems(db, `${depth === 'quick' ? 'quick_check' : 'integrity_check'}(5)`)
}

/** Number of migrations in the folder that the database has not recorded yet. */
export function pendingMigrations(db: Db, migrationsFolder: string): number {
  const all = readMigrationFiles({ migrationsFolder })
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get()
  if (!hasTable) return all.length
  const applied = db.prepare('SELECT created_at AS at FROM __drizzle_migrations').all() as { at: number }[]
  const seen = new Set(applied.map((r) => Number(r.at)))
  return all.filter((m) => !seen.has(m.folderMillis)).length
}

/**
 * Writes a consistent copy of the live database to `<dataDir>/backups/<label>-<stamp>.db` with
 * `VACUUM INTO`, which is transactionally safe under WAL (a plain file copy is not).
 */
export function backupDatabase(db: Db, dataDir: string, label: string, at: Date): string {
  const dir = path.join(dataDir, 'backups')
  fs.mkdirSync(dir, { recursive: true })
  const stamp = at.toISOString().replace(/[:.]/g, '-')
  const target = path.join(dir, `${label}-${stamp}.db`)
  db.prepare('VACUUM INTO ?').run(target)
  return target
}

/**
 * Checkpoints the WAL every few seconds from a timer, so that copying pages back into the main
 * file happens between user actions rather than inside a Save. PASSIVE never waits for or blocks
 * other connections, and costs nothing when the WAL holds no new pages. A long job can leave tens
 * of megabytes in the WAL, and copying those would hold this thread for a noticeable time: while
 * `offload` takes the checkpoint elsewhere (the job worker, returning true) this thread does none.
 * Returns a stop function.
 */
export function startIdleCheckpoints(
  db: Db,
  offload: () => boolean = () => false,
  everyMs = 5000,
): () => void {
  const timer = setInterval(() => {
    // A long job on this connection (the import from the command line) leaves a transaction open
    // between its batches: a checkpoint inside it fails with SQLITE_LOCKED, so wait for the next tick.
    if (db.inTransaction) return
    if (!offload()) db.pragma('wal_checkpoint(PASSIVE)')
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * How many migrations this build carries (its schema version): a backup whose database recorded
 * more was made by a newer version. Read from the folder, so it works without an open database.
 */
export function migrationCount(migrationsDir?: string): number {
  return readMigrationFiles({ migrationsFolder: migrationsDir ?? defaultMigrationsDir() }).length
}
