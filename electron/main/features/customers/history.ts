// A customer's history (issue 13 §3): its profile's, contacts' and tags' changes, from this
// device's change log, the teammates' changes received here and the rows' births (row stamps),
// read in stamp order so each change knows the value it replaced. A read: it writes nothing.
import type { Db } from '../../db/connection'
import { hlcToIso, parseHlc } from '../../core/hlc'
import { HISTORY_DAYS, HISTORY_LIMIT, HISTORY_TABLES } from '../../../../shared/history'
import type { HistoryEntry } from '../../../../shared/history'
import type { Person } from '../team/sync'
import { BIRTH, changesOfRow } from '../../sync/merge'
import { Births } from '../../sync/births'
import type { BirthRow } from '../../sync/births'
import type { StoredChange, SyncChange } from '../../sync/merge'
import { SYNCED_COLUMNS } from '../../db/writer'
import type { SyncedTable } from '../../db/writer'

type Value = string | number | null

/** Columns that say nothing to a reader on their own (kept for sync, not shown). */
const UNSHOWN = new Set(['customer_id', 'created_at', 'merged_into', 'sort_name'])

export function customerHistory(
  db: Db,
  customerId: string,
  deviceId: string,
  people: Map<string, Person>,
  now: Date,
): { entries: HistoryEntry[]; more: boolean } {
  const contacts = db.prepare('SELECT id, name FROM contacts WHERE customer_id = ?').all(customerId) as {
    id: string
    name: string
  }[]
  const tags = db.prepare('SELECT id, tag FROM customer_tags WHERE customer_id = ?').all(customerId) as {
    id: string
    tag: string | null
  }[]
  const labels = new Map<string, { table: HistoryEntry['table']; label: string | null }>([
    [customerId, { table: 'customers', label: null }],
    ...contacts.map((c) => [c.id, { table: 'contacts' as const, label: c.name }] as const),
    ...tags.map((t) => [t.id, { table: 'customer_tags' as const, label: t.tag }] as const),
  ])
  const ids = [...labels.keys()]
  const marks = ids.map(() => '?').join(', ')
  // Both logs by row (each has an index on row_id), merged in stamp order: the old value of a
  // change is the one before it, whoever made that one.
  // (No prev stamp: the history does not need one.)
  const logged = db
    .prepare(
      `SELECT hlc, tbl, row_id, col, value, NULL AS prev_hlc FROM change_log WHERE row_id IN (${marks})
       UNION SELECT hlc, tbl, row_id, col, value, NULL FROM received_changes WHERE row_id IN (${marks})
       ORDER BY hlc`,
    )
    .all(...ids, ...ids) as StoredChange[]
  // A row's birth is one entry holding the cells it was created with: one change each here. The
  // cells of one stamp in one order on every computer (the log's and the received changes' orders
  // differ): by column, last first, so that newest-first they read in the form's order.
  const position = (c: SyncChange) =>
    ((SYNCED_COLUMNS[c.tbl as SyncedTable] as readonly string[] | undefined) ?? []).indexOf(c.col)
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  // Births as the row stamps keep them (sync/births.ts), unless the log still holds the entry.
  const logBirths = new Set(logged.filter((l) => l.col === BIRTH).map((l) => `${l.tbl} ${l.row_id} ${l.hlc}`))
  const births = new Births(db)
  const born = HISTORY_TABLES.flatMap((tbl) => {
    const of = [...labels].filter(([, l]) => l.table === tbl).map(([id]) => id)
    if (of.length === 0) return []
    return db
      .prepare(
        `SELECT seq, hlc, tbl, row_id, shape, born FROM row_stamps WHERE tbl = ? AND row_id IN (${of.map(() => '?').join(', ')})`,
      )
      .all(tbl, ...of) as BirthRow[]
  })
    .filter((b) => !logBirths.has(`${b.tbl} ${b.row_id} ${b.hlc}`))
    .flatMap((b) => births.cells(b, true))
  const changes = [...logged.flatMap(changesOfRow), ...born].sort(
    (x, y) => order(x.hlc, y.hlc) || order(x.rowId, y.rowId) || position(y) - position(x),
  )
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000).toISOString()
  const last = new Map<string, Value>()
  const entries: HistoryEntry[] = []
  for (const c of changes) {
    const row = labels.get(c.rowId)
    if (!row || row.table !== c.tbl) continue
    const key = `${c.tbl} ${c.rowId} ${c.col}`
    const after = c.value
    const before = last.get(key) ?? null
    last.set(key, after)
    const at = hlcToIso(c.hlc)
    if (UNSHOWN.has(c.col) || at < since || before === after) continue
    const node = parseHlc(c.hlc)?.node ?? ''
    const who = people.get(node)
    entries.push({
      at,
      table: row.table,
      rowId: c.rowId,
      rowLabel: row.label,
      column: c.col,
      before,
      after,
      deviceId: node,
      deviceName: who?.deviceName ?? null,
      userName: who?.userName ?? null,
      here: node === deviceId,
    })
  }
  entries.reverse()
  return { entries: entries.slice(0, HISTORY_LIMIT), more: entries.length > HISTORY_LIMIT }
}
