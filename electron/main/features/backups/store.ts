// Backups as files (SPEC D2/D3): one self-contained SQLite file per backup in `<dataDir>/backups/`,
// with a JSON sidecar holding what the Backups screen lists, so listing never opens a database.
// Nothing here needs Electron or the window: the worker writes backups (job 'backup'), main lists
// and restores them, and the hosts (Electron, the harness) call the same functions on a damaged
// start, when no services exist.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DB_FILE_NAME, checkIntegrity } from '../../db/connection'
import { checkCopyIntegrity } from '../../db/integrity'
import type { Db } from '../../db/connection'
import { AppFailure } from '../../../../shared/errors'
import type { BackupEntry, BackupKind, BackupPreview, Rotation } from '../../../../shared/backups'
import { BACKUP_KINDS, DEFAULT_ROTATION } from '../../../../shared/backups'
import { INSTALL_KEY, RESTORED } from '../../sync/identity'

export const BACKUPS_DIR = 'backups'
export const REPLACED_DIR = 'replaced'
/** Device setting (meta) holding the rotation counts as JSON. */
export const ROTATION_KEY = 'backup_rotation'
/** Pre-migration and before-restore copies are few and precious: the last five of each stay. */
const KEEP_SAFETY = 5

export type BackupInfo = { appVersion: string; deviceId: string }

const NAME = /^([a-z-]+)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.db$/

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR)
}

function stampOf(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-')
}

function dateOfStamp(stamp: string): string {
  // 2026-12-06T11-58-43-123Z -> 2026-12-06T11:58:43.123Z
  return stamp.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z')
}

/** A backup's file name, only ever one of ours: a name from the window cannot reach another file. */
export function backupFile(dataDir: string, name: string): string {
  if (!NAME.test(name)) throw new AppFailure('not_found')
  const file = path.join(backupsDir(dataDir), name)
  if (!fs.existsSync(file)) throw new AppFailure('not_found')
  return file
}

function kindOf(label: string): BackupKind {
  return (BACKUP_KINDS as readonly string[]).includes(label) ? (label as BackupKind) : 'manual'
}

/** What a database file holds, read through a read-only connection (a sidecar's content). */
export function describeFile(file: string): {
  customers: number
  orders: number
  schemaVersion: number
  lastChange: string | null
  deviceId: string | null
} {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return describe(db)
  } finally {
    db.close()
  }
}

function describe(db: Db) {
  const count = (sql: string) => {
    try {
      return Number(db.prepare(sql).pluck().get() ?? 0)
    } catch {
      return 0
    }
  }
  let lastChange: string | null
  try {
    lastChange = (db.prepare('SELECT max(updated_at) FROM customers').pluck().get() as string | null) ?? null
  } catch {
    lastChange = null
  }
  let deviceId: string | null
  try {
    deviceId = (db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() as string) ?? null
  } catch {
    deviceId = null
  }
  return {
    customers: count('SELECT count(*) FROM customers WHERE deleted_at IS NULL'),
    orders: count('SELECT count(*) FROM orders WHERE deleted_at IS NULL'),
    schemaVersion: count('SELECT count(*) FROM __drizzle_migrations'),
    lastChange,
    deviceId,
  }
}

/**
 * Writes a verified copy of the live database. `VACUUM INTO` rather than the online backup API:
 * it copies inside one read transaction, so under WAL it is a consistent snapshot while main and
 * the worker keep writing (the backup API, stepped, restarts whenever another connection commits,
 * and a busy app could keep it restarting), and the copy comes out compacted and without a WAL.
 * The copy goes to a temporary name, is opened read-only and checked (integrity_check, on two
 * threads: db/integrity.ts; customer count) and only then renamed into place, so a listed backup
 * is always a good one.
 */
export async function writeBackup(
  db: Db,
  dataDir: string,
  kind: BackupKind,
  at: Date,
  info: BackupInfo,
  to?: string,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<BackupEntry> {
  const dir = backupsDir(dataDir)
  fs.mkdirSync(dir, { recursive: true })
  const name = `${kind}-${stampOf(at)}.db`
  const target = to ?? path.join(dir, name)
  const temp = `${target}.partial`
  fs.rmSync(temp, { force: true })
  progress(0, 3)
  db.prepare('VACUUM INTO ?').run(temp)
  progress(1, 3)
  let facts: ReturnType<typeof describe>
  try {
    // integrity_check, on two threads inside the job worker (db/integrity.ts).
    const problems = await checkCopyIntegrity(temp)
    if (problems.length > 0) throw new AppFailure('backup_damaged', undefined, { problems })
    const copy = new Database(temp, { readonly: true, fileMustExist: true })
    try {
      facts = describe(copy)
    } finally {
      copy.close()
    }
  } catch (err) {
    fs.rmSync(temp, { force: true })
    throw err
  }
  progress(2, 3)
  fs.renameSync(temp, target)
  const entry: BackupEntry = {
    name: to ? path.basename(target) : name,
    kind,
    createdAt: at.toISOString(),
    size: fs.statSync(target).size,
    customers: facts.customers,
    orders: facts.orders,
    schemaVersion: facts.schemaVersion,
    appVersion: info.appVersion,
    deviceId: info.deviceId,
    lastChange: facts.lastChange,
  }
  fs.writeFileSync(`${target}.json`, JSON.stringify(entry, null, 2))
  progress(3, 3)
  return entry
}

/** The backups in `backups/`, newest first, from their sidecars (a file without one is opened once, read-only). */
export function listBackups(dataDir: string): BackupEntry[] {
  const dir = backupsDir(dataDir)
  if (!fs.existsSync(dir)) return []
  const out: BackupEntry[] = []
  for (const name of fs.readdirSync(dir)) {
    const m = NAME.exec(name)
    if (!m) continue
    const file = path.join(dir, name)
    const size = fs.statSync(file).size
    let entry: BackupEntry
    try {
      const side = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as BackupEntry
      entry = { ...side, name, size }
    } catch {
      // Copies from before sidecars (pre-migration ones of older versions), or a lost sidecar.
      try {
        const facts = describeFile(file)
        entry = {
          name,
          kind: kindOf(m[1]!),
          createdAt: dateOfStamp(m[2]!),
          size,
          customers: facts.customers,
          orders: facts.orders,
          schemaVersion: facts.schemaVersion,
          appVersion: null,
          deviceId: facts.deviceId,
          lastChange: facts.lastChange,
        }
        fs.writeFileSync(`${file}.json`, JSON.stringify(entry, null, 2))
      } catch {
        continue
      }
    }
    out.push(entry)
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name))
}

export function readRotation(db: Db): Rotation {
  try {
    const raw = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(ROTATION_KEY) as
      string | undefined
    if (!raw) return { ...DEFAULT_ROTATION }
    const v = JSON.parse(raw) as Partial<Rotation>
    return {
      daily: v.daily ?? DEFAULT_ROTATION.daily,
      weekly: v.weekly ?? DEFAULT_ROTATION.weekly,
      monthly: v.monthly ?? DEFAULT_ROTATION.monthly,
    }
  } catch {
    return { ...DEFAULT_ROTATION }
  }
}

/** Local calendar day, ISO week start and month of an instant (people think in local days). */
function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
function localWeek(d: Date): string {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7))
  return localDay(monday)
}
function localMonth(d: Date): string {
  return localDay(d).slice(0, 7)
}

/**
 * The kind today's automatic backup gets, or null when today already has one. The first of a new
 * month is the monthly one, else the first of a new week the weekly one, else a daily: each kind
 * is then rotated on its own count, and together they reach back a year with few files.
 */
export function dueAutomaticKind(existing: BackupEntry[], now: Date): BackupKind | null {
  const auto = existing.filter((e) => e.kind === 'daily' || e.kind === 'weekly' || e.kind === 'monthly')
  const today = localDay(now)
  if (auto.some((e) => localDay(new Date(e.createdAt)) === today)) return null
  const month = localMonth(now)
  if (!auto.some((e) => e.kind === 'monthly' && localMonth(new Date(e.createdAt)) === month)) return 'monthly'
  const week = localWeek(now)
  if (
    !auto.some(
      (e) => (e.kind === 'weekly' || e.kind === 'monthly') && localWeek(new Date(e.createdAt)) === week,
    )
  )
    return 'weekly'
  return 'daily'
}

/** Removes the automatic backups past their kind's count, and safety copies past the last five. Manual ones stay. */
export function rotate(dataDir: string, rotation: Rotation, entries = listBackups(dataDir)): string[] {
  const keep: Record<BackupKind, number> = {
    daily: rotation.daily,
    weekly: rotation.weekly,
    monthly: rotation.monthly,
    'pre-migration': KEEP_SAFETY,
    'before-restore': KEEP_SAFETY,
    manual: Number.POSITIVE_INFINITY,
  }
  const seen = new Map<BackupKind, number>()
  const removed: string[] = []
  for (const e of entries) {
    const n = (seen.get(e.kind) ?? 0) + 1
    seen.set(e.kind, n)
    if (n > keep[e.kind]) {
      const file = path.join(backupsDir(dataDir), e.name)
      fs.rmSync(file, { force: true })
      fs.rmSync(`${file}.json`, { force: true })
      removed.push(e.name)
    }
  }
  return removed
}

/** Compares dotted versions numerically; null (unknown) is never newer. */
export function newerVersion(a: string | null, b: string): boolean {
  if (!a) return false
  const pa = a.split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0)
  const pb = b.split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0)
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0)
  return false
}

export type Running = { appVersion: string; schemaVersion: number }

/**
 * Opens the backup read-only and says what it holds; throws backup_too_new when it was made by a
 * newer app or schema than this one, backup_damaged when it fails SQLite's check. Writes nothing.
 */
export function checkBackup(dataDir: string, name: string, running: Running): BackupPreview {
  const file = backupFile(dataDir, name)
  const entry = listBackups(dataDir).find((e) => e.name === name)
  let facts: ReturnType<typeof describe>
  let db: Db
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch {
    throw new AppFailure('backup_damaged')
  }
  try {
    const problems = checkIntegrity(db, 'full')
    if (problems.length > 0) throw new AppFailure('backup_damaged', undefined, { problems })
    facts = describe(db)
  } finally {
    db.close()
  }
  const appVersion = entry?.appVersion ?? null
  const preview: BackupPreview = {
    name,
    kind: entry?.kind ?? 'manual',
    createdAt: entry?.createdAt ?? new Date(0).toISOString(),
    customers: facts.customers,
    orders: facts.orders,
    lastChange: facts.lastChange,
    appVersion,
    schemaVersion: facts.schemaVersion,
  }
  if (facts.schemaVersion > running.schemaVersion || newerVersion(appVersion, running.appVersion))
    throw new AppFailure('backup_too_new', undefined, { appVersion, schemaVersion: facts.schemaVersion })
  return preview
}

/**
 * Puts a checked backup in place of the live database. The services over the directory must be
 * closed. The live file and its -wal/-shm move to `replaced/<stamp>/` (removed at the next start
 * that passes its check, see clearReplaced), the backup is copied in (the copy, never the backup
 * itself, becomes live), and on any failure the moved files come back.
 */
export function swapInBackup(dataDir: string, name: string, at: Date): string {
  return swapIn(dataDir, backupFile(dataDir, name), at, 'copy')
}

/**
 * Puts the database file `source` in place of the live one (see swapInBackup): copied, or moved
 * when it is a file made for this (a prepared join, beside the live file).
 */
export function swapIn(dataDir: string, source: string, at: Date, how: 'copy' | 'move'): string {
  const aside = path.join(dataDir, REPLACED_DIR, stampOf(at))
  fs.mkdirSync(aside, { recursive: true })
  const live = path.join(dataDir, DB_FILE_NAME)
  const moved: string[] = []
  try {
    for (const suffix of ['', '-wal', '-shm']) {
      const f = live + suffix
      if (fs.existsSync(f)) {
        fs.renameSync(f, path.join(aside, DB_FILE_NAME + suffix))
        moved.push(suffix)
      }
    }
    const temp = `${live}.restoring`
    if (how === 'move') fs.renameSync(source, temp)
    else fs.copyFileSync(source, temp)
    // A backup copied by hand beside its -wal: the WAL holds committed pages the copy needs.
    if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${live}-wal`)
    fs.renameSync(temp, live)
  } catch (err) {
    fs.rmSync(`${live}.restoring`, { force: true })
    for (const suffix of moved) fs.renameSync(path.join(aside, DB_FILE_NAME + suffix), live + suffix)
    throw err
  }
  return aside
}

/**
 * The newest backup that opens, passes integrity_check and is not too new, for a damaged start.
 * Null when there is none.
 */
export function latestGoodBackup(dataDir: string, running: Running): string | null {
  for (const e of listBackups(dataDir)) {
    try {
      checkBackup(dataDir, e.name, running)
      return e.name
    } catch {
      continue
    }
  }
  return null
}

/**
 * Removes the files a restore put aside, once a later start has passed its check. Folders made by
 * this very process (the restore it just did) stay until the next start.
 */
export function clearReplaced(dataDir: string, startedAt: number): void {
  const dir = path.join(dataDir, REPLACED_DIR)
  if (!fs.existsSync(dir)) return
  for (const name of fs.readdirSync(dir)) {
    const f = path.join(dir, name)
    if (fs.statSync(f).mtimeMs < startedAt) fs.rmSync(f, { recursive: true, force: true })
  }
}

/** The number of migrations this build carries: a backup with more comes from a newer schema. */
export function runningSchemaVersion(db: Db): number {
  return Number(db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() ?? 0)
}

/** Puts back what swapInBackup moved aside (the reopen after a swap failed). */
export function undoSwap(dataDir: string, aside: string): void {
  const live = path.join(dataDir, DB_FILE_NAME)
  for (const suffix of ['', '-wal', '-shm']) {
    const f = path.join(aside, DB_FILE_NAME + suffix)
    fs.rmSync(live + suffix, { force: true })
    if (fs.existsSync(f)) fs.renameSync(f, live + suffix)
  }
}

/**
 * Marks the restored database before anything opens it for writing: where it came from, and that
 * it is not the install that wrote it, so the start that opens it gives it a new device id
 * (sync/identity.ts). Under the id it was backed up with, its new changes would take sequences and
 * stamps the team already has from that id.
 */
export function markRestored(dataDir: string, name: string, at: Date): void {
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { fileMustExist: true })
  try {
    const put = db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    put.run('restored_from', name)
    put.run('restored_at', at.toISOString())
    put.run(INSTALL_KEY, RESTORED)
  } finally {
    db.close()
  }
}
