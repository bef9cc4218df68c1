// The one write path for synced tables (design/sync.md principle 2). In a single transaction it
// writes the domain row, stamps each changed cell with the device's HLC, and appends the change to
// the outgoing log; the derived work declared for the table (./derive) runs in the same
// transaction, and every table written is recorded for the change event (./changes).
// No other code may INSERT/UPDATE/DELETE a synced table.
import { getTableColumns } from 'drizzle-orm'
import type { AnySQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from './connection'
import { metaRead, metaSet } from './device'
import type { ChangeTracker } from './changes'
import { Derivations } from './derive'
import { SYNCED_TABLES } from './schema'
import { hlcToIso } from '../core/hlc'
import type { HybridClock } from '../core/hlc'
import { changeFromRow, mergeCell } from '../sync/merge'
import type { CellState, MergeOutcome, StoredChange, SyncChange } from '../sync/merge'

export type SyncedTable = keyof typeof SYNCED_TABLES
type Spec<T extends SyncedTable> = (typeof SYNCED_TABLES)[T]
type Columns<T extends SyncedTable> = Spec<T>['table']['_']['columns']
type NameOf<C> = C extends { _: { name: infer N extends string } } ? N : never
type ColumnName<T extends SyncedTable> = NameOf<Columns<T>[keyof Columns<T>]>
/** The synced cells of a table: its columns less the row id, `updated_at` and local columns. */
export type SyncedColumn<T extends SyncedTable> = Exclude<
  ColumnName<T>,
  'id' | 'updated_at' | Spec<T>['local'][number]
>

/** Synced column names per table, read from the drizzle schema (the single source of names). */
export const SYNCED_COLUMNS = Object.fromEntries(
  Object.entries(SYNCED_TABLES).map(([name, spec]) => {
    const local: readonly string[] = spec.local
    const columns = Object.values(getTableColumns(spec.table as AnySQLiteTable)).map((c) => c.name)
    return [name, columns.filter((c) => c !== 'id' && c !== 'updated_at' && !local.includes(c))]
  }),
) as unknown as { [T in SyncedTable]: readonly SyncedColumn<T>[] }

export type CellValue = string | number | null
/** The synced cells of one row of `T`, by column name. */
export type Cells<T extends SyncedTable> = Partial<Record<SyncedColumn<T>, CellValue>>
export type RowChange = {
  [T in SyncedTable]: { table: T; id: string; values: Cells<T> }
}[SyncedTable]

export type WriteResult = { cells: number; rows: number }

/** What applying teammates' changes did, cell by cell. */
export type ApplyResult = {
  applied: number
  /** Older than the cell's value here: kept for nothing (the newer one already won). */
  older: number
  /** Seen before (the same stamp): a segment read twice, or two overlapping. */
  duplicate: number
  conflicts: number
  /** For a table or column this version does not know: kept in sync_parked. */
  parked: number
}

type Deriver = {
  deps: readonly string[]
  compute: (value: (column: string) => CellValue) => Record<string, CellValue>
}

/** meta key: the schema version the parked changes were last tried against (replayParked). */
const PARKED_TRIED = 'sync.parked_tried'

const ALLOWED = Object.fromEntries(
  Object.entries(SYNCED_COLUMNS).map(([table, columns]) => [table, new Set<string>(columns)]),
) as Record<string, ReadonlySet<string> | undefined>

// Identity of the SyncWriter.write in progress on a connection (see writeScope).
const scopes = new WeakMap<Db, object>()

/**
 * An object that stays the same for the duration of one SyncWriter.write on `db` (derived steps
 * included), undefined outside one. Derived work may remember within it what it has already
 * written, since nothing else writes in between and a failure ends it.
 */
export function writeScope(db: Db): object | undefined {
  return scopes.get(db)
}

/** A multi-row INSERT: `head`, then `row` once per row, comma-separated, then `tail`. */
type InsertTemplate = { head: string; row: string; tail: string }

const STAMP_SET = {
  head: 'INSERT INTO cell_stamps (tbl, row_id, col, hlc, prev_hlc) VALUES',
  row: '(?, ?, ?, ?, ?)',
  tail: ' ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc, prev_hlc = excluded.prev_hlc',
}
const LOG_ADD = {
  head: 'INSERT INTO change_log (seq, hlc, tbl, row_id, col, value, prev_hlc) VALUES',
  row: '(?, ?, ?, ?, ?, ?, ?)',
  tail: '',
}

const ROW_STAMP_SET = {
  head: 'INSERT INTO row_stamps (tbl, row_id, hlc, shape, seq) VALUES',
  row: '(?, ?, ?, ?, ?)',
  tail: ' ON CONFLICT (tbl, row_id) DO UPDATE SET hlc = excluded.hlc, shape = excluded.shape, seq = excluded.seq, born = NULL',
}

/**
 * The last sequence taken in this device's stream: log entries and births (row stamps) share one
 * numbering, and a log entry's number is never reused (AUTOINCREMENT), even once pruned.
 */
export const STREAM_HEAD = `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'change_log'), 0),
  coalesce((SELECT max(seq) FROM row_stamps WHERE seq IS NOT NULL), 0))`

/** Cells per multi-row stamp/log statement: 6 parameters each, well under SQLite's 32,766. */
const FLUSH_CELLS = 512

export class SyncWriter {
  /** The derived work each synced table's writes trigger (declared in electron/main/derivations.ts). */
  readonly derivations: Derivations
  private readonly cache = new Map<string, ReturnType<Db['prepare']>>()
  /**
   * A cell's stamp: its own (cell_stamps), else its row's birth stamp if the birth wrote it
   * (`birth` set: the cell still holds its birth value).
   */
  private readonly stampGet: (
    tbl: string,
    rowId: string,
    col: string,
  ) => { hlc: string; prev_hlc: string | null; birth?: true } | undefined
  /** The last sequence taken in the stream (the log's entries and this device's births share it). */
  private readonly seqHead: { get: () => unknown }
  /** Records a cell's birth value at its first change (row_stamps.born). */
  private readonly keepBorn: ReturnType<Db['prepare']>
  /** The newest stamp of any cell of a row (null: none yet). */
  private readonly rowStampGet: (tbl: string, rowId: string) => string | null
  /** A row's birth: its stamp and the column set it covers (row_stamps). */
  private readonly birthGet: (tbl: string, rowId: string) => { hlc: string; shape: number } | undefined
  private readonly shapeGet: ReturnType<Db['prepare']>
  private readonly shapeFind: ReturnType<Db['prepare']>
  private readonly shapeAdd: ReturnType<Db['prepare']>
  /**
   * Shape ids both ways, read from stamp_shapes as met (a handful a table), within one write scope:
   * a shape added by a write that rolls back is gone, and its id may later name another column set.
   */
  private shapes: {
    scope: object | undefined
    ids: Map<string, number>
    cols: Map<number, ReadonlySet<string>>
  } = { scope: undefined, ids: new Map(), cols: new Map() }

  private shapeCache() {
    const scope = writeScope(this.db)
    if (this.shapes.scope !== scope || !scope) this.shapes = { scope, ids: new Map(), cols: new Map() }
    return this.shapes
  }
  private readonly selects: Record<SyncedTable, ReturnType<Db['prepare']>>

  constructor(
    private readonly db: Db,
    readonly clock: HybridClock,
    private readonly changes: ChangeTracker,
  ) {
    this.derivations = new Derivations(changes)
    const cellGet = db.prepare(
      'SELECT hlc, prev_hlc FROM cell_stamps WHERE tbl = ? AND row_id = ? AND col = ?',
    )
    const birthGet = db.prepare('SELECT hlc, shape FROM row_stamps WHERE tbl = ? AND row_id = ?')
    this.birthGet = (t, r) => birthGet.get(t, r) as { hlc: string; shape: number } | undefined
    this.stampGet = (t, r, c) => {
      const cell = cellGet.get(t, r, c) as { hlc: string; prev_hlc: string | null } | undefined
      if (cell) return cell
      const birth = this.birthGet(t, r)
      return birth && this.shapeColumns(birth.shape).has(c)
        ? { hlc: birth.hlc, prev_hlc: null, birth: true }
        : undefined
    }
    const newestCell = db.prepare('SELECT max(hlc) FROM cell_stamps WHERE tbl = ? AND row_id = ?').pluck()
    this.rowStampGet = (t, r) => {
      const cell = (newestCell.get(t, r) as string | null) ?? null
      const birth = this.birthGet(t, r)?.hlc ?? null
      return cell === null || (birth !== null && birth > cell) ? birth : cell
    }
    this.seqHead = db.prepare<[]>(STREAM_HEAD).pluck()
    this.keepBorn = db.prepare(
      `UPDATE row_stamps SET born = json_set(coalesce(born, '{}'), '$.' || :col, json(:value))
         WHERE tbl = :tbl AND row_id = :row AND (born IS NULL OR json_type(born, '$.' || :col) IS NULL)`,
    )
    this.shapeGet = db.prepare('SELECT cols FROM stamp_shapes WHERE id = ?').pluck()
    this.shapeFind = db.prepare('SELECT id FROM stamp_shapes WHERE tbl = ? AND cols = ?').pluck()
    this.shapeAdd = db.prepare('INSERT INTO stamp_shapes (tbl, cols) VALUES (?, ?)')
    const select = (t: SyncedTable) =>
      db.prepare(`SELECT ${SYNCED_COLUMNS[t].map((c) => `"${c}"`).join(', ')} FROM "${t}" WHERE id = ?`)
    this.selects = Object.fromEntries(
      (Object.keys(SYNCED_COLUMNS) as SyncedTable[]).map((t) => [t, select(t)]),
    ) as Record<SyncedTable, ReturnType<Db['prepare']>>
    this.saveClock = db.prepare(
      "INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    this.storedClock = db.prepare<[]>("SELECT value FROM meta WHERE key = 'hlc'").pluck()
  }

  private readonly saveClock: ReturnType<Db['prepare']>
  private readonly storedClock: { get: () => unknown }
  private readonly derivers = new Map<SyncedTable, Deriver>()

  private shapeColumns(id: number): ReadonlySet<string> {
    const cache = this.shapeCache()
    let cols = cache.cols.get(id)
    if (!cols) {
      const text = this.shapeGet.get([id]) as string | undefined
      cols = new Set(text ? text.split(',') : [])
      cache.cols.set(id, cols)
    }
    return cols
  }

  /**
   * The id of a column set of `tbl`, added if new. Remembered by the columns in the order given,
   * so rows alike (an import's) are not sorted each.
   */
  private shapeOf(tbl: string, columns: readonly string[]): number {
    const cache = this.shapeCache()
    const key = `${tbl} ${columns.join(',')}`
    let id = cache.ids.get(key)
    if (id === undefined) {
      const cols = [...columns].sort().join(',')
      id =
        (this.shapeFind.get([tbl, cols]) as number | undefined) ??
        Number(this.shapeAdd.run([tbl, cols]).lastInsertRowid)
      cache.ids.set(key, id)
    }
    return id
  }

  /**
   * Declares local, derived columns of a synced table (never stamped or logged), computed from the
   * row's synced values whenever one of `deps` changes, and written in the same statement as the
   * row — one index update instead of a second UPDATE after the write.
   */
  deriveColumns(table: SyncedTable, deps: readonly string[], compute: Deriver['compute']): void {
    if (this.derivers.has(table)) throw new Error(`derived columns declared twice: ${table}`)
    this.derivers.set(table, { deps, compute })
  }

  /**
   * Applies `changes` atomically. Only cells whose value differs from the stored one are stamped
   * and logged; a change that alters nothing writes nothing. Throws (and writes nothing) on an
   * unknown table or column — those are programming errors, not user input.
   */
  write(changes: readonly RowChange[], options: { restamp?: boolean } = {}): WriteResult {
    return this.inWriteScope(() => this.writeInTransaction(changes, options.restamp === true))
  }

  /** `run` in one IMMEDIATE transaction, inside a write scope (writeScope) for derived work. */
  private inWriteScope<T>(run: () => T): T {
    const outer = !scopes.has(this.db)
    if (outer) scopes.set(this.db, {})
    try {
      // IMMEDIATE: the write path reads stamps and old values before it writes. A deferred
      // transaction would read a snapshot the worker's next batch can commit past, and then fail
      // with SQLITE_BUSY_SNAPSHOT instead of waiting for the lock (busy_timeout covers only this).
      return this.db.transaction(run).immediate()
    } catch (err) {
      // A nested write rolled back to its savepoint: what was remembered inside it is void.
      if (!outer) scopes.set(this.db, {})
      throw err
    } finally {
      if (outer) scopes.delete(this.db)
    }
  }

  /**
   * `restamp`: cells given are stamped and logged even when the value is the one stored — a
   * decision to keep a value (a conflict settled for the value shown) travels to teammates.
   */
  private writeInTransaction(changes: readonly RowChange[], restamp: boolean): WriteResult {
    // A worker's connection writes through its own SyncWriter (an import, a sync apply); the
    // stored reading, taken under the write lock, keeps both clocks issuing increasing stamps.
    const stored = this.storedClock.get() as string | undefined
    if (stored && stored > this.clock.current) this.clock.observe(stored)
    let cells = 0
    // Under the write lock: the stream's numbering, shared by log entries and births.
    let seq = Number(this.seqHead.get() ?? 0)
    const touched = new Map<SyncedTable, Set<string>>()
    // Stamps and log entries of many rows go in one multi-row statement each (an import writes
    // thousands of rows per call; two statements per row were a third of its time). Flushed before
    // a row this call already wrote is read again, so its stamps are seen.
    const stamps: CellValue[] = []
    const births: CellValue[] = []
    const log: CellValue[] = []
    // New rows of one table with the same columns, one after another (an import's customers, then
    // their contacts), go in one multi-row INSERT: per row, SQLite does what a single INSERT does
    // (its triggers fire row by row, in order), without a statement call each.
    const pending: { rows: { template: InsertTemplate; values: CellValue[] } | null } = { rows: null }
    const flushRows = () => {
      if (pending.rows) this.insertRows(pending.rows.template, pending.rows.values)
      pending.rows = null
    }
    const flush = () => {
      flushRows()
      this.insertRows(STAMP_SET, stamps)
      this.insertRows(ROW_STAMP_SET, births)
      this.insertRows(LOG_ADD, log)
      stamps.length = 0
      births.length = 0
      log.length = 0
    }
    for (const change of changes) {
      const allowed = ALLOWED[change.table]
      if (!allowed) throw new Error(`not a synced table: ${String(change.table)}`)
      if (touched.get(change.table)?.has(change.id)) flush()
      const current = this.selects[change.table].get(change.id) as Record<string, CellValue> | undefined
      const changed: [string, CellValue][] = []
      for (const [col, value] of Object.entries(change.values) as [string, CellValue | undefined][]) {
        if (value === undefined) continue
        if (!allowed.has(col)) throw new Error(`not a synced column: ${change.table}.${col}`)
        if (current && current[col] === value && !restamp) continue
        // A new row's empty cells equal the column default: nothing to stamp, log or sync.
        if (!current && value === null) continue
        changed.push([col, value])
      }
      if (changed.length === 0) continue
      let lastStamp = ''
      if (!current && !restamp) {
        // A new row: one stamp for all its cells (row_stamps), which is also its place in the
        // stream: the outbox sends it as the row's cells, read from the row (sync/births.ts).
        lastStamp = this.clock.tick()
        births.push(
          change.table,
          change.id,
          lastStamp,
          this.shapeOf(
            change.table,
            changed.map(([c]) => c),
          ),
          ++seq,
        )
      }
      for (const [col, value] of lastStamp ? [] : changed) {
        const stamp = this.clock.tick()
        // Deleting (or restoring) a row is done looking at the whole row: its prev is the row's
        // newest stamp, so a teammate's edit of any cell the author had not seen is told apart as
        // one the delete did not know of (delete vs edit, design/sync.md "Merge").
        const known = current ? this.stampGet(change.table, change.id, col) : undefined
        if (known?.birth) this.keepBirthValue(change.table, change.id, col, current![col] ?? null)
        const prev = !current
          ? null
          : col === 'deleted_at'
            ? this.rowStampGet(change.table, change.id)
            : (known?.hlc ?? null)
        stamps.push(change.table, change.id, col, stamp, prev)
        log.push(++seq, stamp, change.table, change.id, col, JSON.stringify(value), prev)
        lastStamp = stamp
      }
      if (stamps.length >= FLUSH_CELLS * 5 || log.length >= FLUSH_CELLS * 6) flush()
      const updatedAt = hlcToIso(lastStamp)
      const written = [...changed, ...this.derived(change.table, current, changed)]
      if (current) {
        flushRows()
        this.update(change.table, change.id, written, updatedAt)
      } else {
        const template = this.insertTemplate(change.table, written)
        if (pending.rows?.template !== template) {
          flushRows()
          pending.rows = { template, values: [] }
        }
        pending.rows.values.push(change.id, ...written.map(([, v]) => v), updatedAt)
        if (pending.rows.values.length >= FLUSH_CELLS * 16) flushRows()
      }
      cells += changed.length
      const set = touched.get(change.table) ?? new Set<string>()
      set.add(change.id)
      touched.set(change.table, set)
    }
    flush()
    if (cells > 0) {
      this.saveClock.run(this.clock.current)
      for (const [table, ids] of touched) {
        this.changes.touch(table)
        this.derivations.run(table, [...ids])
      }
    }
    return { cells, rows: [...touched.values()].reduce((n, s) => n + s.size, 0) }
  }

  /**
   * The changes parked for a table or column this version did not know, applied now that it does
   * (the app was updated), in stamp order, and taken off the shelf in the same transaction: they
   * merge like any teammate's change, so a newer edit made since still wins. Those still unknown
   * stay parked. Tried once per schema version (`schema`, this build's migrations): what this
   * version parked it cannot read until an update, so a pass a minute does not read them all again.
   * Returns how many were applied.
   */
  replayParked(schema: number): number {
    if (metaRead(this.db, PARKED_TRIED) === String(schema)) return 0
    const known = (
      this.db
        .prepare('SELECT hlc, tbl, row_id, col, value, prev_hlc FROM sync_parked ORDER BY hlc')
        .all() as StoredChange[]
    ).filter((p) => ALLOWED[p.tbl]?.has(p.col))
    if (known.length === 0) {
      metaSet(this.db, PARKED_TRIED, String(schema))
      return 0
    }
    const taken = this.db.prepare(
      'DELETE FROM sync_parked WHERE hlc = ? AND tbl = ? AND row_id = ? AND col = ?',
    )
    this.applyRemote(known.map(changeFromRow), () => {
      for (const p of known) taken.run(p.hlc, p.tbl, p.row_id, p.col)
      metaSet(this.db, PARKED_TRIED, String(schema))
      this.changes.touch('sync_parked')
    })
    return known.length
  }

  /**
   * Applies teammates' changes (design/sync.md "Merge") in one transaction, with `then` (what was
   * read, recorded) inside it: per cell, the value with the highest stamp wins, the same stamp
   * twice is one change, and concurrent edits of a cell with different values are recorded in
   * sync_conflicts on top of the winner. Winning cells are written with the teammate's stamp (not
   * logged again: each device publishes only its own changes), the clock moves past every stamp
   * seen, and the tables' derived work runs as for a local write.
   */
  applyRemote(changes: readonly SyncChange[], then?: () => void): ApplyResult {
    return this.inWriteScope(() => {
      const result = this.applyInTransaction(changes)
      then?.()
      return result
    })
  }

  private applyInTransaction(changes: readonly SyncChange[]): ApplyResult {
    const result: ApplyResult = { applied: 0, older: 0, duplicate: 0, conflicts: 0, parked: 0 }
    const stored = this.storedClock.get() as string | undefined
    if (stored && stored > this.clock.current) this.clock.observe(stored)
    const setStamp = this.rows(STAMP_SET, 1)
    const park = this.statement(
      'INSERT OR IGNORE INTO sync_parked (hlc, tbl, row_id, col, value, prev_hlc) VALUES (?, ?, ?, ?, ?, ?)',
    )
    const conflict = this.statement(
      `INSERT INTO sync_conflicts (tbl, row_id, col, winner_value, winner_hlc, loser_value, loser_hlc, found_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS
         (SELECT 1 FROM sync_conflicts WHERE winner_hlc = ? AND loser_hlc = ? AND tbl = ? AND row_id = ? AND col = ?)`,
    )
    const settle = this.statement(
      `UPDATE sync_conflicts SET resolved_at = ? WHERE tbl = ? AND row_id = ? AND col = ? AND resolved_at IS NULL
         AND winner_hlc <= ? AND loser_hlc <= ?`,
    )
    // Every change met for the first time is kept for the record's history (customers:history),
    // the one that lost to a later value too: it was a value the cell had, for a while, somewhere.
    const received = this.statement(
      'INSERT OR IGNORE INTO received_changes (hlc, tbl, row_id, col, value) VALUES (?, ?, ?, ?, ?)',
    )
    let heard = 0
    const settledAt = hlcToIso(this.clock.current)
    const touched = new Map<SyncedTable, Set<string>>()
    const touch = (table: SyncedTable, id: string) => {
      const set = touched.get(table) ?? new Set<string>()
      set.add(id)
      touched.set(table, set)
    }
    // A teammate's new row arrives as its cells under one stamp with no prev (a birth): written
    // here as one row with one row stamp, as its author keeps it, when the row is new here too.
    const births = new Map<string, SyncChange[]>()
    for (const change of changes) {
      if (change.prevHlc !== null || !ALLOWED[change.tbl]?.has(change.col)) continue
      const key = `${change.tbl}\u0000${change.rowId}\u0000${change.hlc}`
      const cells = births.get(key)
      if (cells) cells.push(change)
      else births.set(key, [change])
    }
    const taken = new Set<string>()
    for (const change of changes) {
      this.clock.observe(change.hlc)
      const key = change.prevHlc === null ? `${change.tbl}\u0000${change.rowId}\u0000${change.hlc}` : ''
      if (taken.has(key)) continue
      const birth = births.get(key)
      if (birth) {
        // Taken whole at its first cell (its other cells then skipped), or not at all: then every
        // cell goes the usual way.
        births.delete(key)
        const table = change.tbl as SyncedTable
        if (this.born(table, birth, result)) {
          taken.add(key)
          touch(table, change.rowId)
          continue
        }
      }
      const allowed = ALLOWED[change.tbl]
      if (!allowed?.has(change.col)) {
        result.parked += park.run([
          change.hlc,
          change.tbl,
          change.rowId,
          change.col,
          JSON.stringify(change.value),
          change.prevHlc,
        ]).changes
        continue
      }
      const table = change.tbl as SyncedTable
      const row = this.selects[table].get(change.rowId) as Record<string, CellValue> | undefined
      const known = this.stampGet(change.tbl, change.rowId, change.col)
      const current: CellState | undefined = known
        ? { value: row?.[change.col] ?? null, hlc: known.hlc, prevHlc: known.prev_hlc }
        : undefined
      const merged = mergeCell(current, change)
      if (merged.conflict) {
        const { winner, loser } = merged.conflict
        const found = conflict.run([
          change.tbl,
          change.rowId,
          change.col,
          JSON.stringify(winner.value),
          winner.hlc,
          JSON.stringify(loser.value),
          loser.hlc,
          hlcToIso(this.clock.current),
          winner.hlc,
          loser.hlc,
          change.tbl,
          change.rowId,
          change.col,
        ]).changes
        result.conflicts += found
        if (found) this.changes.touch('sync_conflicts')
      }
      result[merged.outcome]++
      result.conflicts += this.deleteVersusEdit(change, row, merged.outcome, settledAt)
      if (merged.outcome !== 'duplicate')
        heard += received.run([
          change.hlc,
          change.tbl,
          change.rowId,
          change.col,
          JSON.stringify(change.value),
        ]).changes
      if (merged.outcome !== 'applied') continue
      if (known?.birth) this.keepBirthValue(change.tbl, change.rowId, change.col, row?.[change.col] ?? null)
      setStamp.run([change.tbl, change.rowId, change.col, change.hlc, change.prevHlc])
      // Its author had seen both values of a conflict on this cell (chose one, or edited after):
      // the conflict is settled here too.
      if (
        change.prevHlc &&
        settle.run([settledAt, change.tbl, change.rowId, change.col, change.prevHlc, change.prevHlc])
          .changes > 0
      )
        this.changes.touch('sync_conflicts')
      const cells: [string, CellValue][] = [[change.col, change.value]]
      const written = [...cells, ...this.derived(table, row, cells)]
      if (row) this.update(table, change.rowId, written, hlcToIso(change.hlc))
      else this.insert(table, change.rowId, written, hlcToIso(change.hlc))
      touch(table, change.rowId)
    }
    this.saveClock.run(this.clock.current)
    if (result.parked > 0) this.changes.touch('sync_parked')
    if (heard > 0) this.changes.touch('received_changes')
    for (const [table, ids] of touched) {
      this.changes.touch(table)
      this.derivations.run(table, [...ids])
    }
    return result
  }

  /**
   * Writes a teammate's new row (`cells`: its birth, one stamp, no prev) whole, with one row stamp,
   * if nothing of the row is known here (no row, no stamp): then every cell simply applies. Returns
   * false, writing nothing, otherwise — the cells then merge one by one.
   */
  private born(table: SyncedTable, cells: readonly SyncChange[], result: ApplyResult): boolean {
    const { rowId, hlc } = cells[0]!
    if (this.selects[table].get(rowId) !== undefined || this.rowStampGet(table, rowId) !== null) return false
    const values = new Map<string, CellValue>()
    for (const c of cells) {
      if (values.has(c.col)) result.duplicate++
      else values.set(c.col, c.value)
    }
    // The history reads it from the row stamp, as for a row made here; not this device's to send.
    result.applied += values.size
    this.rows(ROW_STAMP_SET, 1).run([table, rowId, hlc, this.shapeOf(table, [...values.keys()]), null])
    const written: [string, CellValue][] = [...values]
    this.insert(table, rowId, [...written, ...this.derived(table, undefined, written)], hlcToIso(hlc))
    return true
  }

  /**
   * A cell about to change for the first time since its row's birth: its birth value is kept on
   * the row stamp (the history's "before", and what the birth still sends if not sent yet).
   */
  private keepBirthValue(tbl: string, rowId: string, col: string, value: CellValue): void {
    this.keepBorn.run({ tbl, row: rowId, col, value: JSON.stringify(value) })
  }

  /**
   * Delete vs edit (design/sync.md "Merge"): a teammate edited a row another deleted without having
   * seen the delete, or the delete was made without seeing the edit. The delete stands; the edit's
   * value is kept in its cell, and the pair is raised as a conflict on the row's deleted_at — the
   * delete against "kept", restored by choosing the other. One conflict per delete, naming the
   * newest edit it had not seen, so every device records the same one whatever the order of
   * arrival. Returns the conflicts newly recorded (0 or 1).
   */
  private deleteVersusEdit(
    change: SyncChange,
    row: Record<string, CellValue> | undefined,
    outcome: MergeOutcome['outcome'],
    foundAt: string,
  ): number {
    if (!row || outcome === 'duplicate' || !ALLOWED[change.tbl]?.has('deleted_at')) return 0
    let winner: { value: CellValue; hlc: string } | undefined
    let unseen: string | null | undefined
    if (change.col === 'deleted_at') {
      // A delete arriving: the row's edits newer than what its author had seen.
      if (outcome !== 'applied' || change.value === null) return 0
      winner = { value: change.value, hlc: change.hlc }
      // Left out: the cells its own author wrote after it (a merge writes merged_into beside the
      // delete), which were made knowing of it. A stamp ends with its 16-digit device id.
      const prev = change.prevHlc ?? ''
      const node = change.hlc.slice(-16)
      unseen = this.statement(
        `SELECT max(hlc) FROM cell_stamps WHERE tbl = ? AND row_id = ? AND col <> 'deleted_at' AND hlc > ?
           AND NOT (substr(hlc, -16) = ? AND hlc > ?)`,
      )
        .pluck()
        .get([change.tbl, change.rowId, prev, node, change.hlc]) as string | null
      // The row's birth is an edit too (a row created on two computers under one id).
      const birth = this.birthGet(change.tbl, change.rowId)?.hlc ?? null
      if (birth !== null && birth > prev && !(birth.slice(-16) === node && birth > change.hlc))
        if (unseen === null || birth > unseen) unseen = birth
    } else {
      // An edit arriving on a row deleted here, by a delete that had not seen it.
      if (row.deleted_at === null || row.deleted_at === undefined) return 0
      const deleted = this.stampGet(change.tbl, change.rowId, 'deleted_at')
      if (!deleted || change.hlc <= (deleted.prev_hlc ?? '')) return 0
      // The deleter's own later write (a merge's merged_into) was made knowing of the delete.
      if (change.hlc.slice(-16) === deleted.hlc.slice(-16) && change.hlc > deleted.hlc) return 0
      winner = { value: row.deleted_at, hlc: deleted.hlc }
      unseen = change.hlc
    }
    if (!unseen) return 0
    const key = [change.tbl, change.rowId, winner.hlc]
    const known = this.statement(
      "SELECT id, loser_hlc FROM sync_conflicts WHERE tbl = ? AND row_id = ? AND col = 'deleted_at' AND winner_hlc = ?",
    ).get(key) as { id: number; loser_hlc: string } | undefined
    if (known) {
      if (known.loser_hlc < unseen)
        this.statement('UPDATE sync_conflicts SET loser_hlc = ? WHERE id = ?').run([unseen, known.id])
      return 0
    }
    this.statement(
      `INSERT INTO sync_conflicts (tbl, row_id, col, winner_value, winner_hlc, loser_value, loser_hlc, found_at)
       VALUES (?, ?, 'deleted_at', ?, ?, NULL, ?, ?)`,
    ).run([change.tbl, change.rowId, JSON.stringify(winner.value), winner.hlc, unseen, foundAt])
    this.changes.touch('sync_conflicts')
    return 1
  }

  /**
   * Inserts the rows flattened in `values` by multi-row statements of `template`, in chunks of
   * powers of two so a handful of prepared statements serve every count.
   */
  private insertRows(template: InsertTemplate, values: CellValue[]): void {
    const width = template.row.split('?').length - 1
    const n = values.length / width
    // SQLite takes at most 32,766 parameters a statement.
    const most = Math.min(FLUSH_CELLS, Math.floor(32_766 / width))
    let done = 0
    while (done < n) {
      let k = 1
      while (k * 2 <= Math.min(n - done, most)) k *= 2
      this.rows(template, k).run(values.slice(done * width, (done + k) * width))
      done += k
    }
  }

  /** The multi-row INSERT of `n` rows of a template (STAMP_SET, LOG_ADD, a table's new rows…). */
  private rows(template: InsertTemplate, n: number) {
    return this.statement(
      `${template.head} ${Array.from({ length: n }, () => template.row).join(', ')}${template.tail}`,
    )
  }

  private derived(
    table: SyncedTable,
    current: Record<string, CellValue> | undefined,
    changed: readonly [string, CellValue][],
  ): [string, CellValue][] {
    const deriver = this.derivers.get(table)
    if (!deriver || !changed.some(([c]) => deriver.deps.includes(c))) return []
    const merged = { ...current, ...Object.fromEntries(changed) }
    return Object.entries(deriver.compute((col) => merged[col] ?? null))
  }

  private statement(sql: string) {
    let stmt = this.cache.get(sql)
    if (!stmt) {
      stmt = this.db.prepare(sql)
      this.cache.set(sql, stmt)
    }
    return stmt
  }

  private readonly insertTemplates = new Map<string, InsertTemplate>()

  /** The multi-row INSERT template (see insertRows) for new rows of `table` with these cells. */
  private insertTemplate(table: SyncedTable, cells: readonly [string, CellValue][]) {
    const key = `${table} ${cells.map(([c]) => c).join(',')}`
    let template = this.insertTemplates.get(key)
    if (!template) {
      const cols = cells.map(([c]) => `"${c}"`).join(', ')
      // Column names come from SYNCED_COLUMNS (checked by the caller) or a deriver, never from user input.
      template = {
        head: `INSERT INTO "${table}" (id, ${cols}, updated_at) VALUES`,
        row: `(?, ${cells.map(() => '?').join(', ')}, ?)`,
        tail: '',
      }
      this.insertTemplates.set(key, template)
    }
    return template
  }

  private insert(table: SyncedTable, id: string, cells: [string, CellValue][], updatedAt: string) {
    this.rows(this.insertTemplate(table, cells), 1).run([id, ...cells.map(([, v]) => v), updatedAt])
  }

  private update(table: SyncedTable, id: string, cells: [string, CellValue][], updatedAt: string) {
    const sets = cells.map(([c]) => `"${c}" = ?`).join(', ')
    const params: CellValue[] = [...cells.map(([, v]) => v), updatedAt, id]
    this.statement(`UPDATE "${table}" SET ${sets}, updated_at = ? WHERE id = ?`).run(params)
  }
}
