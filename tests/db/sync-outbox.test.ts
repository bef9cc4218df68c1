import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir, tempServices } from '../helpers/tmp'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { metaRead, metaSet } from '../../electron/main/db/device'
import { PUBLISHED_SEQ, publishPending, pruneLog } from '../../electron/main/sync/outbox'
import { readSegment, scanLog } from '../../electron/main/sync/log-folder'
import { decodeChange } from '../../electron/main/sync/merge'
import type { SyncChange } from '../../electron/main/sync/merge'

const s = tempServices()
afterAll(() => s.close())
const who = { team: 'team-1', device: s.deviceId }

async function create(name: string) {
  const res = await dispatch(
    s.ipc,
    'customers:create',
    { customer: { displayName: name, country: 'FR', city: 'Lyon' }, contacts: [], allowDuplicates: true },
    true,
  )
  if (!res.ok) throw new Error(JSON.stringify(res.error))
}

/** Every change in the folder's segments, in order, as the log rows they came from. */
function published(logDir: string) {
  return scanLog(logDir).segments.flatMap((f) => {
    const read = readSegment(f)
    if (!('segment' in read)) throw new Error(`unreadable ${f.file}`)
    return read.segment.records.map(decodeChange)
  })
}

/**
 * The stream read straight from SQL, in order, each entry as the changes it should travel as: a log
 * entry as itself (or, for a birth logged by an older version, col '*', each of its cells), a row
 * stamp holding a birth of this device's stream as the cells of its shape with the row's values.
 */
const logRows = (afterSeq = 0): SyncChange[] => {
  type Entry = { seq: number; changes: SyncChange[] }
  const logged = (
    s.db
      .prepare(
        'SELECT seq, tbl, row_id AS rowId, col, value, hlc, prev_hlc AS prevHlc FROM change_log WHERE seq > ? ORDER BY seq',
      )
      .all(afterSeq) as (Omit<SyncChange, 'value'> & { seq: number; value: string | null })[]
  ).map(({ seq, ...r }): Entry => ({
    seq,
    changes:
      r.col === '*'
        ? Object.entries(JSON.parse(r.value!) as Record<string, string | number | null>).map(
            ([col, value]) => ({
              ...r,
              col,
              value,
            }),
          )
        : [{ ...r, value: r.value === null ? null : (JSON.parse(r.value) as string | number | null) }],
  }))
  const births = (
    s.db
      .prepare(
        'SELECT r.seq, r.tbl, r.row_id, r.hlc, s.cols FROM row_stamps r JOIN stamp_shapes s ON s.id = r.shape WHERE r.seq > ?',
      )
      .all(afterSeq) as { seq: number; tbl: string; row_id: string; hlc: string; cols: string }[]
  ).map((b): Entry => {
    const row = s.db.prepare(`SELECT * FROM "${b.tbl}" WHERE id = ?`).get(b.row_id) as Record<
      string,
      string | number | null
    >
    return {
      seq: b.seq,
      changes: b.cols.split(',').map((col) => ({
        tbl: b.tbl,
        rowId: b.row_id,
        col,
        value: row[col] ?? null,
        hlc: b.hlc,
        prevHlc: null,
      })),
    }
  })
  return [...logged, ...births].sort((a, b) => a.seq - b.seq).flatMap((e) => e.changes)
}

describe('publishing the change log', () => {
  it('seals every change once, in order, in segments that continue where the last one stopped', async () => {
    const logDir = path.join(tempDir(), 'log')
    await create('Maison Dupont')
    await create('Maison Martin')
    const first = publishPending(s.db, logDir, who, 1)
    expect(first.length).toBeGreaterThan(1)
    expect(published(logDir)).toEqual(logRows())
    // Nothing new: nothing written.
    expect(publishPending(s.db, logDir, who, 2)).toEqual([])

    await create('Atelier Lumière')
    publishPending(s.db, logDir, who, 2)
    expect(published(logDir)).toEqual(logRows())
    const ranges = scanLog(logDir).segments.map((f) => [f.firstSeq, f.lastSeq])
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1]! + 1)
  })

  it('a publish recorded too late (a crash before the record) writes the same segment again, not a second one', async () => {
    const logDir = path.join(tempDir(), 'log')
    await create('Comptoir Lyonnais')
    const mark = metaRead(s.db, PUBLISHED_SEQ)!
    const written = publishPending(s.db, logDir, who)
    expect(written).toHaveLength(1)
    const before = fs.readdirSync(path.join(logDir, s.deviceId)).sort()
    // As if the process died between the verified segment and the record of it.
    metaSet(s.db, PUBLISHED_SEQ, mark)
    expect(publishPending(s.db, logDir, who)).toEqual(written)
    expect(fs.readdirSync(path.join(logDir, s.deviceId)).sort()).toEqual(before)
    expect(published(logDir)).toEqual(logRows(Number(mark)))
  })
})

describe('the local change log once published', () => {
  it('keeps only what the customer history needs: recent entries, the value before each recent change, and anything unsent', async () => {
    const DAY = 86_400_000
    let now = Date.parse('2025-01-10T09:00:00Z')
    const d = tempServices({ now: () => new Date(now) })
    try {
      const call = async (channel: string, input: unknown) => {
        const res = await dispatch(d.ipc, channel, input, true)
        if (!res.ok) throw new Error(JSON.stringify(res.error))
        return res.data as { id: string }
      }
      const logDir = path.join(tempDir(), 'log')
      const me = { team: 'team-1', device: d.deviceId }
      const quiet = await call('customers:create', {
        customer: { displayName: 'Quiet Old SARL', country: 'FR', city: 'Lyon' },
        contacts: [],
        allowDuplicates: true,
      })
      const edited = await call('customers:create', {
        customer: { displayName: 'Edited Again GmbH', country: 'DE', city: 'Köln' },
        contacts: [],
        allowDuplicates: true,
      })
      const moved = await call('customers:create', {
        customer: { displayName: 'Moved Late SAS', country: 'FR', city: 'Nantes' },
        contacts: [],
        allowDuplicates: true,
      })
      now += 10 * DAY
      await call('customers:update', { id: edited.id, patch: { city: 'Bonn' } })
      await call('customers:update', { id: quiet.id, patch: { city: 'Vienne' } })
      publishPending(d.db, logDir, me)
      const cities = (id: string) =>
        d.db
          .prepare("SELECT value FROM change_log WHERE row_id = ? AND col = 'city' ORDER BY seq")
          .pluck()
          .all(id)
      // Five hundred days on, the city changes once more, and a change not yet sealed waits.
      now += 500 * DAY
      await call('customers:update', { id: edited.id, patch: { city: 'Berlin' } })
      await call('customers:update', { id: moved.id, patch: { city: 'Rennes' } })
      publishPending(d.db, logDir, me)
      await call('customers:update', { id: quiet.id, patch: { website: 'quiet.example' } })
      const before = d.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number

      // A few entries a call, as a year of a busy log is pruned a pass at a time.
      let dropped = 0
      for (let pass = 0; pass < 20; pass++) dropped += pruneLog(d.db, now, 400 * DAY, 3)
      expect(dropped).toBeGreaterThan(0)
      expect(d.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(before - dropped)
      // The old customer's old entries are gone; its unsent change stays.
      expect(cities(quiet.id)).toEqual([])
      expect(
        d.db
          .prepare("SELECT value FROM change_log WHERE row_id = ? AND col = 'website'")
          .pluck()
          .all(quiet.id),
      ).toEqual([JSON.stringify('https://quiet.example')])
      // The edited city keeps the value before its recent change, and the change.
      expect(cities(edited.id)).toEqual([JSON.stringify('Bonn'), JSON.stringify('Berlin')])
      // A row's birth is the "before" of its cells: never in the log, its row stamp keeps the value
      // of each cell changed since (the others are still the row's).
      const born = (id: string) =>
        d.db.prepare('SELECT born FROM row_stamps WHERE row_id = ?').pluck().get(id)
      expect(d.db.prepare("SELECT count(*) FROM change_log WHERE col = '*'").pluck().get()).toBe(0)
      expect(born(moved.id)).toBe(JSON.stringify({ city: 'Nantes' }))
      expect(born(edited.id)).toBe(JSON.stringify({ city: 'Köln' }))
      expect(born(quiet.id)).toBe(JSON.stringify({ city: 'Lyon' }))
      const movedHistory = await call('customers:history', { id: moved.id })
      expect(
        (movedHistory as unknown as { entries: { column: string; before: unknown; after: unknown }[] })
          .entries,
      ).toEqual([expect.objectContaining({ column: 'city', before: 'Nantes', after: 'Rennes' })])
      const history = await call('customers:history', { id: edited.id })
      expect(
        (history as unknown as { entries: { column: string; before: unknown; after: unknown }[] }).entries,
      ).toContainEqual(expect.objectContaining({ column: 'city', before: 'Bonn', after: 'Berlin' }))
      // Nothing unsent is ever dropped, and a second pass finds nothing more.
      expect(pruneLog(d.db, now, 400 * DAY)).toBe(0)
      const unsent = d.db
        .prepare('SELECT count(*) FROM change_log WHERE seq > ?')
        .pluck()
        .get(Number(metaRead(d.db, PUBLISHED_SEQ)))
      expect(unsent).toBeGreaterThan(0)
    } finally {
      await d.close()
    }
  })
})
