// What travels in a segment's records, and how a receiver decides each cell (design/sync.md
// "Merge"): last writer wins per cell by HLC stamp, a change seen twice changes nothing, and two
// edits of one cell whose authors had not seen each other's value are a conflict — both values
// kept with who and when — rather than a silent overwrite. Pure: the SQLite apply in the worker
// reads the cell's stamp, asks `mergeCell`, and writes what it answers.
import { parseHlc } from '../core/hlc'

export type CellValue = string | number | null

/** One cell's change, as the author's change log holds it. */
export type SyncChange = {
  tbl: string
  rowId: string
  col: string
  value: CellValue
  /** The author's stamp for this change; its node is the author's device. */
  hlc: string
  /** The stamp of the value the author was looking at when editing (null: the cell was new). */
  prevHlc: string | null
}

/** A change as a table keeps it (change_log, sync_parked): the value JSON-encoded. */
export type StoredChange = {
  hlc: string
  tbl: string
  row_id: string
  col: string
  value: string | null
  prev_hlc: string | null
}

/**
 * The `col` of a log entry holding a row's birth: the cells a new row was created with, under one
 * stamp, as a JSON object. Written by earlier versions (and kept where a cell has changed since,
 * for its birth value); a birth is now its row stamp alone (sync/births.ts). It travels as its
 * cells (changesOfRow).
 */
export const BIRTH = '*'

/** The changes a stored row holds: one, or a birth's cells. */
export function changesOfRow(r: StoredChange): SyncChange[] {
  if (r.col !== BIRTH) return [changeFromRow(r)]
  const cells = JSON.parse(r.value ?? '{}') as Record<string, CellValue>
  return Object.entries(cells).map(([col, value]) => ({
    tbl: r.tbl,
    rowId: r.row_id,
    col,
    value,
    hlc: r.hlc,
    prevHlc: null,
  }))
}

/** The change a stored row holds (a single cell's: see changesOfRow for a log entry). */
export function changeFromRow(r: StoredChange): SyncChange {
  return {
    tbl: r.tbl,
    rowId: r.row_id,
    col: r.col,
    value: r.value === null ? null : (JSON.parse(r.value) as CellValue),
    hlc: r.hlc,
    prevHlc: r.prev_hlc,
  }
}

/** A cell as a receiver keeps it: its value, the stamp that set it and that change's prevHlc. */
export type CellState = { value: CellValue; hlc: string; prevHlc: string | null }

export type MergeOutcome = {
  state: CellState
  /** applied: the incoming change wins; older: the cell keeps its value; duplicate: seen before. */
  outcome: 'applied' | 'older' | 'duplicate'
  /** Set when the two edits were concurrent and their values differ: the losing one, kept. */
  conflict?: { winner: CellState; loser: CellState }
}

/** Decides one incoming change against the cell's current state (undefined: not seen yet). */
export function mergeCell(current: CellState | undefined, incoming: SyncChange): MergeOutcome {
  const next: CellState = { value: incoming.value, hlc: incoming.hlc, prevHlc: incoming.prevHlc }
  if (!current) return { state: next, outcome: 'applied' }
  // The stamp names the device and its clock reading: the same stamp is the same change.
  if (incoming.hlc === current.hlc) return { state: current, outcome: 'duplicate' }
  const wins = incoming.hlc > current.hlc
  const [winner, loser] = wins ? [next, current] : [current, next]
  // Concurrent: neither author had the other's value in front of them. An author who had seen a
  // value edits from it or from something newer, so their prevHlc is at least its stamp.
  const concurrent = (incoming.prevHlc ?? '') < current.hlc && (current.prevHlc ?? '') < incoming.hlc
  const conflict = concurrent && incoming.value !== current.value ? { winner, loser } : undefined
  return { state: winner, outcome: wins ? 'applied' : 'older', ...(conflict ? { conflict } : {}) }
}

// ---- records ----

/** A change as a segment record: a compact JSON array (field names would triple its size). */
export function encodeChange(c: SyncChange): Buffer {
  return Buffer.from(JSON.stringify([c.tbl, c.rowId, c.col, c.value, c.hlc, c.prevHlc]), 'utf8')
}

/** Reads a record back; throws on anything that is not exactly a change (the CRC passed, so this is a bug or a newer app). */
export function decodeChange(record: Buffer): SyncChange {
  const v: unknown = JSON.parse(record.toString('utf8'))
  if (!Array.isArray(v) || v.length !== 6) throw new TypeError('not a change record')
  const [tbl, rowId, col, value, hlc, prevHlc] = v as unknown[]
  const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0
  const isValue = (x: unknown): x is CellValue =>
    x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))
  if (!isText(tbl) || !isText(rowId) || !isText(col) || !isValue(value))
    throw new TypeError('bad change fields')
  if (!isText(hlc) || !parseHlc(hlc)) throw new TypeError('bad change stamp')
  if (prevHlc !== null && (!isText(prevHlc) || !parseHlc(prevHlc))) throw new TypeError('bad previous stamp')
  return { tbl, rowId, col, value, hlc, prevHlc }
}
