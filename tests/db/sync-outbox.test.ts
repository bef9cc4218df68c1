import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir, tempServices } from '../helpers/tmp'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { metaRead, metaSet } from '../../electron/main/db/device'
import { PUBLISHED_SEQ, publishPending } from '../../electron/main/sync/outbox'
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

/** The change log read straight from SQL, each row as the change it should travel as. */
const logRows = () =>
  (
    s.db
      .prepare(
        'SELECT tbl, row_id AS rowId, col, value, hlc, prev_hlc AS prevHlc FROM change_log ORDER BY seq',
      )
      .all() as (Omit<SyncChange, 'value'> & { value: string | null })[]
  ).map((r) => ({ ...r, value: r.value === null ? null : (JSON.parse(r.value) as unknown) }))

describe('publishing the change log', () => {
  it('seals every change once, in order, in segments that continue where the last one stopped', async () => {
    const logDir = path.join(tempDir(), 'log')
    await create('Maison Dupont')
    const first = publishPending(s.db, logDir, who, 2)
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
    expect(published(logDir)).toEqual(logRows().filter((r) => r.hlc > logRows()[Number(mark) - 1]!.hlc))
  })
})
