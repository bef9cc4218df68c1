import fs from 'node:fs'
import path from 'node:path'
import { createServices } from '../../electron/main/services'
import { describe, it, expect } from 'vitest'
import Database from 'better-sqlite3'
import {
  openDatabase,
  DatabaseDamagedError,
  DB_FILE_NAME,
  pendingMigrations,
} from '../../electron/main/db/connection'
import { tempDir } from '../helpers/tmp'

const migrationsDir = path.resolve(import.meta.dirname, '../../migrations')
const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[]
}

/** Copies the first `n` migrations into a folder of their own, to build an "older app" database. */
function partialMigrations(n: number): string {
  const dir = tempDir('tradetier-mig-')
  fs.mkdirSync(path.join(dir, 'meta'))
  const entries = journal.entries.slice(0, n)
  for (const e of entries)
    fs.copyFileSync(path.join(migrationsDir, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`))
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }))
  return dir
}

describe('migrations', () => {
  it('create every table on an empty database, with WAL and foreign keys on', () => {
    const dir = tempDir()
    const { db } = openDatabase(dir)
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
      .pluck()
      .all()
    for (const t of [
      'customers',
      'contacts',
      'customer_tags',
      'cell_stamps',
      'change_log',
      'meta',
      'search_grams',
      'search_docs',
      'customer_fts',
      'country_facts',
    ]) {
      expect(tables).toContain(t)
    }
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(pendingMigrations(db, migrationsDir)).toBe(0)
    // No backup for a brand-new database: there is nothing to lose.
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false)
    db.close()
  })

  it('upgrade a seeded older database, keep its rows, and take a backup first', () => {
    const dir = tempDir()
    const older = openDatabase(dir, { migrationsDir: partialMigrations(1) })
    older.db
      .prepare(
        "INSERT INTO customers (id, display_name, country, updated_at) VALUES ('c1', 'Müller Handels GmbH', 'DE', '2026-01-01')",
      )
      .run()
    older.db.close()

    const { db } = openDatabase(dir, { now: () => new Date('2026-11-23T10:00:00Z') })
    expect(db.prepare("SELECT display_name FROM customers WHERE id = 'c1'").pluck().get()).toBe(
      'Müller Handels GmbH',
    )
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'customer_fts'").pluck().get()).toBe(1)
    const backups = fs.readdirSync(path.join(dir, 'backups'))
    expect(backups).toEqual(['pre-migration-2026-11-23T10-00-00-000Z.db'])
    // The backup is the database as it was before the upgrade.
    const copy = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true })
    expect(copy.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'customer_fts'").pluck().get()).toBe(
      0,
    )
    expect(copy.prepare("SELECT display_name FROM customers WHERE id = 'c1'").pluck().get()).toBe(
      'Müller Handels GmbH',
    )
    copy.close()
    db.close()
  })

  it('are append-only: the journal and files on disk agree and no two share a tag', () => {
    const files = fs
      .readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.sql'))
      .sort()
    expect(files).toEqual(journal.entries.map((e) => `${e.tag}.sql`))
    expect(new Set(journal.entries.map((e) => e.tag)).size).toBe(journal.entries.length)
  })
})

describe('a damaged file at start-up', () => {
  it('refuses a file that is not a database with a clear error', () => {
    const dir = tempDir()
    fs.writeFileSync(
      path.join(dir, DB_FILE_NAME),
      'this is not a database, just some text that is long enough '.repeat(200),
    )
    expect(() => openDatabase(dir)).toThrow(DatabaseDamagedError)
  })

  it('refuses a database whose pages start-up reads were damaged', () => {
    const dir = tempDir()
    const { db } = openDatabase(dir)
    const insert = db.prepare("INSERT INTO customers (id, display_name, updated_at) VALUES (?, ?, '')")
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`c${i}`, `Customer number ${i} with a fairly long name`)
    })()
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const file = path.join(dir, DB_FILE_NAME)
    const bytes = fs.readFileSync(file)
    // Overwrite the middle of the file (table and index pages) with garbage, keep the header.
    for (let i = 8192; i < bytes.length - 4096; i += 7) bytes[i] = 0xa5
    fs.writeFileSync(file, bytes)
    expect(() => createServices(dir)).toThrow(DatabaseDamagedError)
  })
})
