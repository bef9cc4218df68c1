// Opens the device's database: pragmas, integrity check, backup, then migrations. The only place
// a database file is opened, so every caller (app, harness, tests, benchmarks) gets the same setup.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from './schema'

export type Db = Database.Database
export type Orm = BetterSQLite3Database<typeof schema>

export const DB_FILE_NAME = 'tradetier.db'

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
 * Opens (creating if needed) `<dataDir>/tradetier.db`, checks it with `PRAGMA quick_check`, takes a
 * backup copy when migrations are pending on an existing database, and applies them.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): { db: Db; orm: Orm; file: string } {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, DB_FILE_NAME)
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0
  let db: Db
  try {
    db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // SQLite's default checkpoints the WAL every 1,000 pages inside the committing write, which
    // puts a 15–20 ms pause on every fifth customer saved. Writes leave it to the idle-time
    // checkpoint (startIdleCheckpoints); this limit only bounds the WAL if that never runs.
    db.pragma('wal_autocheckpoint = 20000')
    db.pragma('temp_store = MEMORY')
    db.pragma('cache_size = -65536')
    const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[]
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
    if (problems.length > 0) {
      db.close()
      throw new DatabaseDamagedError(file, problems.slice(0, 5).join('; '))
    }
  } catch (err) {
    if (err instanceof DatabaseDamagedError) throw err
    // better-sqlite3 reports a non-database or torn file as SQLITE_NOTADB / SQLITE_CORRUPT.
    const code = (err as { code?: string }).code ?? ''
    if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
      throw new DatabaseDamagedError(file, code)
    }
    throw err
  }

  const migrationsFolder = options.migrationsDir ?? defaultMigrationsDir()
  if (existed && pendingMigrations(db, migrationsFolder) > 0) {
    backupDatabase(db, dataDir, 'pre-migration', options.now?.() ?? new Date())
  }
  const orm = drizzle(db, { schema })
  migrate(orm, { migrationsFolder })
  return { db, orm, file }
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
 * other connections, and costs nothing when the WAL holds no new pages. Returns a stop function.
 */
export function startIdleCheckpoints(db: Db, everyMs = 5000): () => void {
  const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
