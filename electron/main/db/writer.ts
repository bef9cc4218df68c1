// The one write path for synced tables (design/sync.md principle 2). In a single transaction it
// writes the domain row, stamps each changed cell with the device's HLC, and appends the change to
// the outgoing log; derived data is refreshed by per-table hooks inside the same transaction.
// No other code may INSERT/UPDATE/DELETE a synced table.
import type { Db } from './connection'
import { hlcToIso } from '../core/hlc'
import type { HybridClock } from '../core/hlc'

export const SYNCED_COLUMNS = {
  customers: [
    'display_name',
    'original_name',
    'latin_name',
    'country',
    'city',
    'address',
    'website',
    'business_type',
    'industry',
    'size_band',
    'product_categories',
    'quality',
    'source',
    'source_detail',
    'owner',
    'preferred_language',
    'currency',
    'notes',
    'timezone',
    'created_at',
    'deleted_at',
  ],
  contacts: [
    'customer_id',
    'name',
    'title',
    'emails',
    'phones',
    'messaging',
    'birthday_month',
    'birthday_day',
    'birthday_year',
    'language',
    'is_primary',
    'notes',
    'created_at',
    'deleted_at',
  ],
  customer_tags: ['customer_id', 'tag', 'created_at', 'deleted_at'],
  exchange_rates: ['currency', 'date', 'usd_per_unit', 'created_at', 'deleted_at'],
  tier_locks: ['tier', 'reason', 'locked_by', 'created_at', 'deleted_at'],
  interactions: [
    'customer_id',
    'contact_id',
    'kind',
    'date',
    'summary',
    'outcome',
    'next_step',
    'created_at',
    'deleted_at',
  ],
  feedback: ['customer_id', 'kind', 'severity', 'date', 'summary', 'resolved', 'created_at', 'deleted_at'],
  customer_groups: ['name', 'kind', 'rules', 'created_at', 'deleted_at'],
  group_members: ['group_id', 'customer_id', 'created_at', 'deleted_at'],
  tiering_policies: ['version', 'policy', 'note', 'created_by', 'created_at', 'deleted_at'],
  orders: [
    'customer_id',
    'date',
    'amount',
    'currency',
    'usd_rate',
    'status',
    'returned',
    'product_categories',
    'reference',
    'notes',
    'created_at',
    'deleted_at',
  ],
} as const

export type SyncedTable = keyof typeof SYNCED_COLUMNS
export type CellValue = string | number | null
export type RowChange = {
  table: SyncedTable
  id: string
  values: Partial<Record<(typeof SYNCED_COLUMNS)[SyncedTable][number], CellValue>>
}

/** Refreshes derived data after rows of one table changed; runs inside the write transaction. */
export type DerivedHook = (ids: readonly string[]) => void

export type WriteResult = { cells: number; rows: number }

type Deriver = {
  deps: readonly string[]
  compute: (value: (column: string) => CellValue) => Record<string, CellValue>
}

type Statements = {
  select: (id: string) => Record<string, CellValue> | undefined
  stampGet: (tbl: string, rowId: string, col: string) => string | undefined
  stampSet: (tbl: string, rowId: string, col: string, hlc: string) => void
  log: (hlc: string, tbl: string, rowId: string, col: string, value: string, prev: string | null) => void
}

export class SyncWriter {
  private readonly hooks = new Map<SyncedTable, DerivedHook[]>()
  private readonly cache = new Map<string, ReturnType<Db['prepare']>>()
  private readonly stmts: Omit<Statements, 'select'>
  private readonly selects: Record<SyncedTable, ReturnType<Db['prepare']>>

  constructor(
    private readonly db: Db,
    readonly clock: HybridClock,
  ) {
    const stampGet = db
      .prepare('SELECT hlc FROM cell_stamps WHERE tbl = ? AND row_id = ? AND col = ?')
      .pluck()
    const stampSet = db.prepare(
      'INSERT INTO cell_stamps (tbl, row_id, col, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc',
    )
    const log = db.prepare(
      'INSERT INTO change_log (hlc, tbl, row_id, col, value, prev_hlc) VALUES (?, ?, ?, ?, ?, ?)',
    )
    this.stmts = {
      stampGet: (t, r, c) => stampGet.get(t, r, c) as string | undefined,
      stampSet: (t, r, c, h) => void stampSet.run(t, r, c, h),
      log: (h, t, r, c, v, p) => void log.run(h, t, r, c, v, p),
    }
    const select = (t: SyncedTable) =>
      db.prepare(`SELECT ${SYNCED_COLUMNS[t].map((c) => `"${c}"`).join(', ')} FROM "${t}" WHERE id = ?`)
    this.selects = Object.fromEntries(
      (Object.keys(SYNCED_COLUMNS) as SyncedTable[]).map((t) => [t, select(t)]),
    ) as Record<SyncedTable, ReturnType<Db['prepare']>>
    this.saveClock = db.prepare(
      "INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
  }

  private readonly saveClock: ReturnType<Db['prepare']>
  private readonly derivers = new Map<SyncedTable, Deriver>()

  /**
   * Declares local, derived columns of a synced table (never stamped or logged), computed from the
   * row's synced values whenever one of `deps` changes, and written in the same statement as the
   * row — one index update instead of a second UPDATE after the write.
   */
  deriveColumns(table: SyncedTable, deps: readonly string[], compute: Deriver['compute']): void {
    this.derivers.set(table, { deps, compute })
  }

  /** Registers a hook that refreshes derived data when rows of `table` change. */
  onChange(table: SyncedTable, hook: DerivedHook): void {
    const list = this.hooks.get(table) ?? []
    list.push(hook)
    this.hooks.set(table, list)
  }

  /**
   * Applies `changes` atomically. Only cells whose value differs from the stored one are stamped
   * and logged; a change that alters nothing writes nothing. Throws (and writes nothing) on an
   * unknown table or column — those are programming errors, not user input.
   */
  write(changes: readonly RowChange[]): WriteResult {
    return this.db.transaction(() => this.writeInTransaction(changes))()
  }

  private writeInTransaction(changes: readonly RowChange[]): WriteResult {
    let cells = 0
    const touched = new Map<SyncedTable, Set<string>>()
    for (const change of changes) {
      const allowed: readonly string[] = SYNCED_COLUMNS[change.table]
      if (!allowed) throw new Error(`not a synced table: ${String(change.table)}`)
      const current = this.selects[change.table].get(change.id) as Record<string, CellValue> | undefined
      const changed: [string, CellValue][] = []
      for (const [col, value] of Object.entries(change.values) as [string, CellValue | undefined][]) {
        if (value === undefined) continue
        if (!allowed.includes(col)) throw new Error(`not a synced column: ${change.table}.${col}`)
        if (current && current[col] === value) continue
        // A new row's empty cells equal the column default: nothing to stamp, log or sync.
        if (!current && value === null) continue
        changed.push([col, value])
      }
      if (changed.length === 0) continue
      let lastStamp = ''
      for (const [col, value] of changed) {
        const stamp = this.clock.tick()
        const prev = current ? (this.stmts.stampGet(change.table, change.id, col) ?? null) : null
        this.stmts.stampSet(change.table, change.id, col, stamp)
        this.stmts.log(stamp, change.table, change.id, col, JSON.stringify(value), prev)
        lastStamp = stamp
      }
      const updatedAt = hlcToIso(lastStamp)
      const written = [...changed, ...this.derived(change.table, current, changed)]
      if (current) this.update(change.table, change.id, written, updatedAt)
      else this.insert(change.table, change.id, written, updatedAt)
      cells += changed.length
      const set = touched.get(change.table) ?? new Set<string>()
      set.add(change.id)
      touched.set(change.table, set)
    }
    if (cells > 0) {
      this.saveClock.run(this.clock.current)
      for (const [table, ids] of touched) for (const hook of this.hooks.get(table) ?? []) hook([...ids])
    }
    return { cells, rows: [...touched.values()].reduce((n, s) => n + s.size, 0) }
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

  // Column names come from SYNCED_COLUMNS (checked above) or a deriver, never from user input.
  private insert(table: SyncedTable, id: string, cells: [string, CellValue][], updatedAt: string) {
    const cols = cells.map(([c]) => `"${c}"`).join(', ')
    const marks = cells.map(() => '?').join(', ')
    const params: CellValue[] = [id, ...cells.map(([, v]) => v), updatedAt]
    this.statement(`INSERT INTO "${table}" (id, ${cols}, updated_at) VALUES (?, ${marks}, ?)`).run(params)
  }

  private update(table: SyncedTable, id: string, cells: [string, CellValue][], updatedAt: string) {
    const sets = cells.map(([c]) => `"${c}" = ?`).join(', ')
    const params: CellValue[] = [...cells.map(([, v]) => v), updatedAt, id]
    this.statement(`UPDATE "${table}" SET ${sets}, updated_at = ? WHERE id = ?`).run(params)
  }
}
