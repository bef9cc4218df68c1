// A row's birth as the row stamp keeps it (design/sync.md "Metadata budget"): one stamp for the
// cells the row was created with, and no copy of their values — the row holds them, except those
// changed since, whose birth values the stamp keeps (`born`, written at each one's first change).
// The outbox sends a birth as its cells and the history shows it, both read from here.
import type { Db } from '../db/connection'
import { SYNCED_COLUMNS } from '../db/writer'
import type { SyncedTable } from '../db/writer'
import type { CellValue, SyncChange } from './merge'

export type BirthRow = {
  seq: number | null
  hlc: string
  tbl: string
  row_id: string
  shape: number
  born: string | null
}

export class Births {
  private readonly shapes = new Map<number, string[]>()
  private readonly shapeGet: ReturnType<Db['prepare']>
  private readonly rows = new Map<string, ReturnType<Db['prepare']>>()
  private readonly changedCells: ReturnType<Db['prepare']>

  constructor(private readonly db: Db) {
    this.shapeGet = db.prepare('SELECT cols FROM stamp_shapes WHERE id = ?').pluck()
    this.changedCells = db.prepare('SELECT col FROM cell_stamps WHERE tbl = ? AND row_id = ?').pluck()
  }

  private columns(shape: number): string[] {
    let cols = this.shapes.get(shape)
    if (!cols) {
      const text = this.shapeGet.get(shape) as string | undefined
      cols = text ? text.split(',') : []
      this.shapes.set(shape, cols)
    }
    return cols
  }

  private row(tbl: string, id: string): Record<string, CellValue> | undefined {
    let stmt = this.rows.get(tbl)
    if (!stmt) {
      const cols = SYNCED_COLUMNS[tbl as SyncedTable]
      if (!cols) return undefined
      stmt = this.db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${tbl}" WHERE id = ?`)
      this.rows.set(tbl, stmt)
    }
    return stmt.get(id) as Record<string, CellValue> | undefined
  }

  /**
   * The birth's cells with their birth values. `checked`: a cell changed since whose birth value
   * was never kept (a row born before `born` existed, whose log entry held it) is left out rather
   * than shown with its later value; a birth this device still has to send is never such a one.
   */
  cells(b: BirthRow, checked: boolean): SyncChange[] {
    const kept = b.born ? (JSON.parse(b.born) as Record<string, CellValue>) : {}
    const row = this.row(b.tbl, b.row_id)
    const changed = checked
      ? new Set(this.changedCells.all([b.tbl, b.row_id]) as string[])
      : new Set<string>()
    const out: SyncChange[] = []
    for (const col of this.columns(b.shape)) {
      let value: CellValue
      if (col in kept) value = kept[col] ?? null
      else if (!row || changed.has(col)) continue
      else value = row[col] ?? null
      out.push({ tbl: b.tbl, rowId: b.row_id, col, value, hlc: b.hlc, prevHlc: null })
    }
    return out
  }
}
