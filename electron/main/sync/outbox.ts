// Publishing: this device's change log, from where the last publish stopped, sealed into segments
// in the team folder (design/sync.md). A segment's sequence range is the change log's own
// numbering (less the base of this device id's stream, SEQ_BASE), so a publish cut short after its segment was written but before it was recorded
// publishes from the same place again: with no change since, the same bytes under the same name
// (the file replaces itself); with changes since, a segment overlapping the first, whose repeated
// changes a receiver recognises by their stamps. Nothing is lost either way.
import type { Db } from '../db/connection'
import { metaRead, metaSet } from '../db/device'
import { publishSegment } from './log-folder'
import { BIRTH, changesOfRow, encodeChange } from './merge'
import type { StoredChange, SyncChange } from './merge'
import { Births } from './births'
import type { BirthRow } from './births'

/** meta key: the last change-log sequence sealed into a verified segment in the team folder. */
export const PUBLISHED_SEQ = 'sync.published_seq'
/**
 * meta key: the change-log sequence this device's stream counts from (0, or where its id was last
 * renewed: sync/identity.ts). A segment's sequences are the log's less this base, so every id's
 * stream starts at 1.
 */
export const SEQ_BASE = 'sync.seq_base'
/** Changes per segment: a large import makes many segments, each small enough to verify quickly. */
export const CHANGES_PER_SEGMENT = 5000

type LogRow = StoredChange & { seq: number }

/**
 * The changes of the stream after `afterSeq`, in order, at most `limit` entries, with their
 * sequence numbers: the log's entries and this device's births (row stamps, sent as the row's
 * cells: sync/births.ts), which share one numbering.
 */
export function pendingChanges(
  db: Db,
  afterSeq: number,
  limit: number,
): { seq: number; change: SyncChange }[] {
  const logged = db
    .prepare(
      'SELECT seq, hlc, tbl, row_id, col, value, prev_hlc FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?',
    )
    .all(afterSeq, limit) as LogRow[]
  const born = db
    .prepare('SELECT seq, hlc, tbl, row_id, shape, born FROM row_stamps WHERE seq > ? ORDER BY seq LIMIT ?')
    .all(afterSeq, limit) as (BirthRow & { seq: number })[]
  // The two in one order, the first `limit` of them.
  const entries: ({ seq: number; log: LogRow } | { seq: number; birth: BirthRow })[] = [
    ...logged.map((log) => ({ seq: log.seq, log })),
    ...born.map((birth) => ({ seq: birth.seq, birth })),
  ]
    .sort((a, b) => a.seq - b.seq)
    .slice(0, limit)
  const births = new Births(db)
  return entries.flatMap((e) =>
    ('log' in e ? changesOfRow(e.log) : births.cells(e.birth, false)).map((change) => ({
      seq: e.seq,
      change,
    })),
  )
}

/** How many entries of the stream are after `afterSeq` (not yet sealed in the folder). */
export function pendingEntries(db: Db, afterSeq: number): number {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM change_log WHERE seq > :after) + (SELECT count(*) FROM row_stamps WHERE seq > :after)`,
    )
    .pluck()
    .get({ after: afterSeq }) as number
}

/**
 * Seals every change not yet published into segments under `logDir`, recording each one as
 * published only once it is verified in the folder. Returns the segment files written.
 */
export function publishPending(
  db: Db,
  logDir: string,
  who: { team: string; device: string },
  perSegment = CHANGES_PER_SEGMENT,
): string[] {
  const files: string[] = []
  const base = Number(metaRead(db, SEQ_BASE) ?? 0)
  for (;;) {
    const after = Number(metaRead(db, PUBLISHED_SEQ) ?? 0)
    const batch = pendingChanges(db, after, perSegment)
    if (batch.length === 0) return files
    const lastSeq = batch[batch.length - 1]!.seq
    files.push(
      publishSegment(
        logDir,
        { ...who, firstSeq: batch[0]!.seq - base, lastSeq: lastSeq - base },
        batch.map((b) => encodeChange(b.change)),
      ),
    )
    metaSet(db, PUBLISHED_SEQ, String(lastSeq))
  }
}

/** The last sequence of this device's stream sealed in the folder (what its device file says). */
export function publishedStreamSeq(db: Db): number {
  return Number(metaRead(db, PUBLISHED_SEQ) ?? 0) - Number(metaRead(db, SEQ_BASE) ?? 0)
}

/** meta key: where the next pruning of the local log starts (0: at its first entry). */
const PRUNED_TO = 'sync.pruned_to'
/** Log entries looked at per pass: a year of a busy team's log is pruned over hours, a pass at a time, never holding the write lock for long. */
export const PRUNE_BATCH = 20_000

/**
 * Drops this device's change-log entries the team folder already holds (sealed and verified) once
 * they are older than the customer history shows (`keepMs`). Of a cell changed again inside that
 * window (here or by a teammate), the newest older entry stays: the history's first change in the
 * window still says what the value was before. Looks at PRUNE_BATCH entries a call, from where the
 * last one stopped. Returns the number dropped.
 */
export function pruneLog(db: Db, nowMs: number, keepMs: number, batch = PRUNE_BATCH): number {
  const published = Number(metaRead(db, PUBLISHED_SEQ) ?? 0)
  const cutoff = `${String(Math.max(0, nowMs - keepMs)).padStart(15, '0')}-`
  const head = db.prepare('SELECT seq, hlc FROM change_log ORDER BY seq LIMIT 1').get() as
    { seq: number; hlc: string } | undefined
  // The log's first entry is recent or unsent: nothing is old (the usual pass), nothing to write.
  if (!head || head.hlc >= cutoff || head.seq > published) return 0
  const from = Math.max(head.seq, Number(metaRead(db, PRUNED_TO) ?? 0))
  const to = from + batch
  const row = 'n.row_id = change_log.row_id AND n.tbl = change_log.tbl'
  const cell = `${row} AND n.col = change_log.col`
  // Old: sealed and before the window (a local stamp rises with the sequence).
  const old = (n: string) => `${n}.hlc < :cutoff AND ${n}.seq <= :published`
  const params = { from, to, cutoff, published, birth: BIRTH }
  // One transaction: a pass's pruning is all done or not at all.
  return db.transaction(() => {
    let dropped = db
      .prepare(
        `DELETE FROM change_log WHERE seq >= :from AND seq < :to AND col <> :birth AND ${old('change_log')} AND (
           EXISTS (SELECT 1 FROM change_log n WHERE ${cell} AND n.seq > change_log.seq AND ${old('n')})
           OR NOT (
             EXISTS (SELECT 1 FROM change_log n WHERE ${cell} AND NOT (${old('n')}))
             OR EXISTS (SELECT 1 FROM received_changes n WHERE ${cell} AND n.hlc >= :cutoff)))`,
      )
      .run(params).changes
    // A row's birth holds the "before" of each of its cells: a cell stays in it while the cell changes
    // in the window with no older entry of its own to say what it was; the birth goes when none does.
    const births = db
      .prepare(
        `SELECT seq, row_id, tbl, value FROM change_log WHERE seq >= :from AND seq < :to AND col = :birth
           AND ${old('change_log')}`,
      )
      .all(params) as { seq: number; row_id: string; tbl: string; value: string }[]
    const changing = db
      .prepare(
        `SELECT col FROM change_log n WHERE ${row.replaceAll('change_log.', ':')} AND NOT (${old('n')})
         UNION SELECT col FROM received_changes n WHERE ${row.replaceAll('change_log.', ':')} AND n.hlc >= :cutoff
         EXCEPT SELECT col FROM change_log n WHERE ${row.replaceAll('change_log.', ':')} AND n.col <> :birth AND ${old('n')}`,
      )
      .pluck()
    const thin = db.prepare('UPDATE change_log SET value = ? WHERE seq = ?')
    const drop = db.prepare('DELETE FROM change_log WHERE seq = ?')
    for (const b of births) {
      const needed = new Set(changing.all({ ...params, row_id: b.row_id, tbl: b.tbl }) as string[])
      const cells = Object.entries(JSON.parse(b.value) as Record<string, unknown>)
      const kept = cells.filter(([col]) => needed.has(col))
      if (kept.length === 0) dropped += drop.run(b.seq).changes
      else if (kept.length < cells.length) thin.run(JSON.stringify(Object.fromEntries(kept)), b.seq)
    }
    // At the window (or the unsent, or the log's end): the next call starts again from the first entry.
    const atWindow =
      to > published ||
      db
        .prepare('SELECT 1 FROM change_log WHERE seq >= ? AND seq < ? AND hlc >= ? LIMIT 1')
        .pluck()
        .get(from, to, cutoff) !== undefined
    metaSet(db, PRUNED_TO, String(atWindow ? 0 : to))
    return dropped
  })()
}
