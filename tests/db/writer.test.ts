import { describe, it, expect, afterEach } from 'vitest'
import { tempServices } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'
import { customerInputSchema } from '../../shared/domain'
import { pendingChanges } from '../../electron/main/sync/outbox'

let open: Services[] = []
afterEach(async () => {
  for (const s of open) await s.close()
  open = []
})
function services() {
  const s = tempServices()
  open.push(s)
  return s
}

const count = (s: Services, sql: string, ...params: unknown[]) =>
  s.db
    .prepare(sql)
    .pluck()
    .get(...params) as number

describe('the one write path', () => {
  it('writes a new row with one stamp, its place in the stream, and no log entry (empty cells of a new row are defaults)', () => {
    const s = services()
    s.writer.write([{ table: 'customers', id: 'c0', values: { display_name: 'First', city: 'Lyon' } }])
    s.writer.write([{ table: 'customers', id: 'c0', values: { city: 'Brest' } }])
    s.writer.write([
      { table: 'customers', id: 'c1', values: { display_name: 'Acme', country: 'FR', city: null } },
    ])
    expect(s.db.prepare('SELECT display_name, country, city FROM customers WHERE id = ?').get('c1')).toEqual({
      display_name: 'Acme',
      country: 'FR',
      city: null,
    })
    // A row's birth: one row stamp covering the cells it was written with, no stamp a cell.
    expect(count(s, "SELECT count(*) FROM cell_stamps WHERE tbl = 'customers' AND row_id = 'c1'")).toBe(0)
    const birth = s.db
      .prepare(
        "SELECT r.hlc, r.seq, r.born, s.cols FROM row_stamps r JOIN stamp_shapes s ON s.id = r.shape WHERE r.tbl = 'customers' AND r.row_id = 'c1'",
      )
      .get() as { hlc: string; seq: number; born: string | null; cols: string }
    expect(birth.cols).toBe('country,display_name')
    // No copy of its values in the log: the birth takes the stream's next place after the log's
    // entries and the births before it (c0's birth, then its edit).
    expect(count(s, "SELECT count(*) FROM change_log WHERE row_id = 'c1'")).toBe(0)
    const c0 = s.db.prepare("SELECT seq FROM row_stamps WHERE row_id = 'c0'").pluck().get() as number
    const edit = s.db.prepare("SELECT seq FROM change_log WHERE row_id = 'c0'").pluck().get() as number
    expect([c0, edit, birth.seq]).toEqual([c0, c0 + 1, c0 + 2])
    expect(birth.born).toBeNull()
    // It travels as its cells, read from the row, under its stamp.
    expect(
      pendingChanges(s.db, edit, 10).map((p) => [p.seq, p.change.col, p.change.value, p.change.hlc]),
    ).toEqual([
      [birth.seq, 'country', 'FR', birth.hlc],
      [birth.seq, 'display_name', 'Acme', birth.hlc],
    ])
    // The persisted clock is the newest stamp, so a restart continues above it.
    expect(s.db.prepare("SELECT value FROM meta WHERE key = 'hlc'").pluck().get()).toBe(birth.hlc)
    // Clearing a cell of an existing row is a change like any other: the cell gets its own stamp,
    // which takes over from the birth's, and it names the birth as the value its author saw. The
    // birth keeps the value it had, and still sends it.
    s.writer.write([{ table: 'customers', id: 'c1', values: { country: null } }])
    const cleared = s.db.prepare('SELECT value, prev_hlc FROM change_log ORDER BY seq DESC LIMIT 1').get()
    expect(cleared).toEqual({ value: 'null', prev_hlc: birth.hlc })
    expect(s.db.prepare("SELECT col FROM cell_stamps WHERE row_id = 'c1'").pluck().all()).toEqual(['country'])
    expect(s.db.prepare("SELECT born FROM row_stamps WHERE row_id = 'c1'").pluck().get()).toBe(
      '{"country":"FR"}',
    )
    s.writer.write([{ table: 'customers', id: 'c1', values: { country: 'DE' } }])
    expect(s.db.prepare("SELECT born FROM row_stamps WHERE row_id = 'c1'").pluck().get()).toBe(
      '{"country":"FR"}',
    )
    expect(
      pendingChanges(s.db, edit, 10).map((p) => [p.change.col, p.change.value, p.change.hlc === birth.hlc]),
    ).toEqual([
      ['country', 'FR', true],
      ['display_name', 'Acme', true],
      ['country', null, false],
      ['country', 'DE', false],
    ])
    // The same shape serves every row created with the same columns.
    s.writer.write([{ table: 'customers', id: 'c2', values: { display_name: 'Bolt', country: 'DE' } }])
    expect(count(s, "SELECT count(*) FROM stamp_shapes WHERE cols = 'country,display_name'")).toBe(1)
  })

  it('logs only cells that changed, and records the stamp the author was looking at', () => {
    const s = services()
    s.writer.write([{ table: 'customers', id: 'c1', values: { display_name: 'Acme', country: 'FR' } }])
    s.writer.write([{ table: 'customers', id: 'c1', values: { country: 'DE' } }])
    const before = s.db
      .prepare("SELECT hlc FROM cell_stamps WHERE row_id = 'c1' AND col = 'country'")
      .pluck()
      .get()
    const res = s.writer.write([
      { table: 'customers', id: 'c1', values: { display_name: 'Acme', country: 'IT' } },
    ])
    expect(res.cells).toBe(1)
    const last = s.db.prepare('SELECT col, prev_hlc FROM change_log ORDER BY seq DESC LIMIT 1').get()
    expect(last).toEqual({ col: 'country', prev_hlc: before })
  })

  it('writes nothing at all for a change that changes nothing', () => {
    const s = services()
    s.writer.write([{ table: 'customers', id: 'c1', values: { display_name: 'Acme' } }])
    const logBefore = count(s, 'SELECT count(*) FROM change_log')
    const res = s.writer.write([{ table: 'customers', id: 'c1', values: { display_name: 'Acme' } }])
    expect(res).toEqual({ cells: 0, rows: 0 })
    expect(count(s, 'SELECT count(*) FROM change_log')).toBe(logBefore)
  })

  it('leaves no row, stamp or log entry behind when the transaction fails midway', () => {
    const s = services()
    expect(() =>
      s.writer.write([
        { table: 'customers', id: 'ok', values: { display_name: 'First' } },
        // An unknown column is a programming error: the whole write is refused.
        {
          table: 'customers',
          id: 'bad',
          values: { display_name: 'Second', ['no_such_column' as 'city']: 'x' },
        },
      ]),
    ).toThrow(/not a synced column/)
    expect(count(s, 'SELECT count(*) FROM customers')).toBe(0)
    expect(count(s, 'SELECT count(*) FROM cell_stamps')).toBe(0)
    expect(count(s, 'SELECT count(*) FROM row_stamps')).toBe(0)
    expect(count(s, 'SELECT count(*) FROM stamp_shapes')).toBe(0)
    expect(count(s, 'SELECT count(*) FROM change_log')).toBe(0)
    expect(count(s, 'SELECT count(*) FROM search_docs')).toBe(0)
  })

  it('rolls back the domain row with the log when an outer transaction fails', () => {
    const s = services()
    const run = s.db.transaction(() => {
      s.writer.write([{ table: 'customers', id: 'c1', values: { display_name: 'Acme' } }])
      throw new Error('boom')
    })
    expect(() => run()).toThrow('boom')
    expect(count(s, 'SELECT count(*) FROM customers')).toBe(0)
    expect(count(s, 'SELECT count(*) FROM change_log')).toBe(0)
  })

  it('soft-deletes: the row stays as a tombstone and the deletion is a logged cell', () => {
    const s = services()
    const id = s.customers.create(
      customerInputSchema.parse({ displayName: 'Acme', country: 'US', tags: ['vip'] }),
      [],
    )
    s.customers.delete(id)
    expect(s.db.prepare('SELECT deleted_at FROM customers WHERE id = ?').pluck().get(id)).toBeTruthy()
    expect(count(s, "SELECT count(*) FROM change_log WHERE row_id = ? AND col = 'deleted_at'", id)).toBe(1)
    expect(() => s.customers.get(id)).toThrow('not_found')
    expect(s.customers.searchCustomers('acme', 10)).toEqual([])
  })

  it('gives a tag the same id on every device, so concurrent adds merge into one row', () => {
    const a = services()
    const b = services()
    const rowId = '0190f0aa-0000-7000-8000-000000000001'
    a.writer.write([{ table: 'customers', id: rowId, values: { display_name: 'X' } }])
    b.writer.write([{ table: 'customers', id: rowId, values: { display_name: 'X' } }])
    a.customers.update(rowId, { tags: ['OEM'] })
    b.customers.update(rowId, { tags: ['OEM'] })
    const idA = a.db.prepare('SELECT id FROM customer_tags').pluck().get()
    const idB = b.db.prepare('SELECT id FROM customer_tags').pluck().get()
    expect(idA).toBe(idB)
  })

  it('keeps derived columns current in the same write without logging them', () => {
    const s = services()
    s.writer.write([{ table: 'customers', id: 'c1', values: { display_name: '北京华夏' } }])
    expect(s.db.prepare("SELECT sort_name FROM customers WHERE id = 'c1'").pluck().get()).toBe(
      'beijinghuaxia',
    )
    s.writer.write([{ table: 'customers', id: 'c1', values: { display_name: 'Zeta Corp' } }])
    expect(s.db.prepare("SELECT sort_name FROM customers WHERE id = 'c1'").pluck().get()).toBe('zeta corp')
    expect(count(s, "SELECT count(*) FROM change_log WHERE col = 'sort_name'")).toBe(0)
    expect(count(s, "SELECT count(*) FROM cell_stamps WHERE col = 'sort_name'")).toBe(0)
  })
})
