// Row births (one stamp for the cells a row is created with, row_stamps) against the per-cell
// merge rules of design/sync.md: devices creating the same row under one id with different cells,
// editing and deleting it, and receiving each other's changes in any order, batching and with
// repeats, end with the same facts and the same stamp for every cell.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { devicesPerTest } from '../helpers/devices'
import type { Services } from '../../electron/main/services'
import type { SyncChange } from '../../electron/main/sync/merge'
import { pendingChanges } from '../../electron/main/sync/outbox'
import type { RowChange } from '../../electron/main/db/writer'

const { device, release } = devicesPerTest()

/** Everything a device has in its stream so far (log entries and births), as it would travel. */
const logged = (s: Services): SyncChange[] => pendingChanges(s.db, 0, 1e9).map((p) => p.change)

const FIELDS = ['city', 'owner', 'notes', 'website'] as const
const ROWS = ['row-a', 'row-b'] as const

/** A cell's stamp as the writer reads it: its own, else the row birth's if the birth wrote it. */
function stamps(s: Services, id: string): Record<string, string | null> {
  const cell = s.db.prepare("SELECT hlc FROM cell_stamps WHERE tbl = 'customers' AND row_id = ? AND col = ?")
  const birth = s.db
    .prepare(
      "SELECT r.hlc, s.cols FROM row_stamps r JOIN stamp_shapes s ON s.id = r.shape WHERE r.tbl = 'customers' AND r.row_id = ?",
    )
    .get(id) as { hlc: string; cols: string } | undefined
  const out: Record<string, string | null> = {}
  for (const col of ['display_name', ...FIELDS, 'deleted_at']) {
    const own = cell.pluck().get(id, col) as string | undefined
    out[col] = own ?? (birth && birth.cols.split(',').includes(col) ? birth.hlc : null)
  }
  return out
}

const facts = (s: Services) =>
  s.db.prepare(`SELECT id, display_name, ${FIELDS.join(', ')}, deleted_at FROM customers ORDER BY id`).all()

describe('row births', () => {
  it('a teammate’s new row is kept with one row stamp, and a later edit of one of its cells wins by its own stamp', () => {
    const a = device()
    const b = device()
    a.writer.write([
      { table: 'customers', id: 'c1', values: { display_name: 'Acme', city: 'Lyon', notes: 'x' } },
    ])
    const result = b.writer.applyRemote(logged(a))
    expect(result).toMatchObject({ applied: 3, duplicate: 0, conflicts: 0 })
    expect(b.db.prepare("SELECT count(*) FROM cell_stamps WHERE row_id = 'c1'").pluck().get()).toBe(0)
    expect(stamps(b, 'c1')).toEqual(stamps(a, 'c1'))
    // Nothing kept beside the row and its stamp: the history reads the birth from them, and it is
    // not B's to send.
    expect(b.db.prepare("SELECT count(*) FROM received_changes WHERE row_id = 'c1'").pluck().get()).toBe(0)
    expect(logged(b)).toEqual([])
    // Received twice: nothing changes.
    expect(b.writer.applyRemote(logged(a))).toMatchObject({ applied: 0, duplicate: 3 })
    // B edits the city, A hears of it: the cell's own stamp wins over the birth.
    b.writer.write([{ table: 'customers', id: 'c1', values: { city: 'Paris' } }])
    const edit = logged(b)
    expect(edit).toHaveLength(1)
    expect(a.writer.applyRemote(edit)).toMatchObject({ applied: 1, conflicts: 0 })
    expect(facts(a)).toEqual(facts(b))
    expect(stamps(a, 'c1')).toEqual(stamps(b, 'c1'))
    // A's search index and the other derived work follow a birth received whole.
    expect(b.db.prepare("SELECT count(*) FROM search_docs WHERE customer_id = 'c1'").pluck().get()).toBe(1)
  })

  it('a shape added by a write that rolls back is not remembered for the next one', () => {
    const s = device()
    s.db.exec('BEGIN IMMEDIATE')
    s.writer.write([{ table: 'customers', id: 'c1', values: { display_name: 'Acme', notes: 'n' } }])
    s.db.exec('ROLLBACK')
    s.writer.write([{ table: 'customers', id: 'c2', values: { display_name: 'Bolt', city: 'Lyon' } }])
    s.writer.write([{ table: 'customers', id: 'c3', values: { display_name: 'Cinq', notes: 'n' } }])
    const shapes = s.db.prepare('SELECT id, cols FROM stamp_shapes ORDER BY id').all()
    expect(shapes).toHaveLength(2)
    const cols = (id: string) =>
      s.db
        .prepare('SELECT s.cols FROM row_stamps r JOIN stamp_shapes s ON s.id = r.shape WHERE r.row_id = ?')
        .pluck()
        .get(id)
    expect(cols('c2')).toBe('city,display_name')
    expect(cols('c3')).toBe('display_name,notes')
  })

  it('converges with rows created on several devices under one id, edited and deleted, whatever the delivery', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('create' as const),
        device: fc.integer({ min: 0, max: 2 }),
        row: fc.constantFrom(...ROWS),
        fields: fc.subarray([...FIELDS], { minLength: 0 }),
        value: fc.constantFrom('A', 'B', 'C'),
      }),
      fc.record({
        kind: fc.constant('edit' as const),
        device: fc.integer({ min: 0, max: 2 }),
        row: fc.constantFrom(...ROWS),
        field: fc.constantFrom(...FIELDS),
        value: fc.constantFrom('A', 'B', 'C', null),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        device: fc.integer({ min: 0, max: 2 }),
        row: fc.constantFrom(...ROWS),
      }),
      fc.record({
        kind: fc.constant('receive' as const),
        device: fc.integer({ min: 0, max: 2 }),
        from: fc.integer({ min: 0, max: 2 }),
        // Which of the sender's changes come (a share of its log, in an order of its own).
        seed: fc.integer(),
        whole: fc.boolean(),
      }),
    )
    fc.assert(
      fc.property(fc.array(op, { minLength: 3, maxLength: 16 }), (ops) => {
        const devices = [device(), device(), device()]
        try {
          const exists = (s: Services, id: string) =>
            s.db.prepare('SELECT 1 FROM customers WHERE id = ?').get(id) !== undefined
          for (const o of ops) {
            const d = devices[o.device]!
            let change: RowChange | undefined
            if (o.kind === 'create') {
              // A row made here under an id a teammate may be using too (like a tag's or a group
              // member's id, derived from what it holds).
              if (exists(d, o.row)) continue
              const values: Record<string, string> = { display_name: `${o.row} ${o.device}` }
              for (const f of o.fields) values[f] = `${o.value}${o.device}`
              change = { table: 'customers', id: o.row, values }
            } else if (o.kind === 'edit') {
              if (!exists(d, o.row)) continue
              change = { table: 'customers', id: o.row, values: { [o.field]: o.value } }
            } else if (o.kind === 'delete') {
              if (!exists(d, o.row)) continue
              change = { table: 'customers', id: o.row, values: { deleted_at: `2026-01-0${o.device + 1}` } }
            } else {
              if (o.device === o.from) continue
              let changes = logged(devices[o.from]!)
              if (!o.whole) {
                // A pseudo-random part, shuffled, some twice.
                let x = o.seed
                const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x)
                changes = changes.filter(() => next() % 3 !== 0)
                changes = [...changes, ...changes.filter(() => next() % 4 === 0)]
                changes.sort(() => (next() % 2 === 0 ? -1 : 1))
              }
              d.writer.applyRemote(changes)
              continue
            }
            d.writer.write([change])
          }
          // Everyone hears everything, in log order.
          for (const d of devices)
            for (const from of devices) if (d !== from) d.writer.applyRemote(logged(from))
          const first = facts(devices[0]!)
          for (const d of devices.slice(1)) expect(facts(d)).toEqual(first)
          for (const id of ROWS) {
            const s0 = stamps(devices[0]!, id)
            for (const d of devices.slice(1)) expect(stamps(d, id)).toEqual(s0)
          }
        } finally {
          void release(devices)
        }
      }),
      { numRuns: 60 },
    )
  }, 180_000)
})
