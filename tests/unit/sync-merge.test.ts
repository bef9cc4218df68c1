import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { HybridClock } from '../../electron/main/core/hlc'
import { decodeChange, encodeChange, mergeCell } from '../../electron/main/sync/merge'
import type { CellState, SyncChange } from '../../electron/main/sync/merge'

const NODES = [
  '000000000000000a',
  '000000000000000b',
  '000000000000000c',
  '000000000000000d',
  '000000000000000e',
]
const stamp = (ms: number, node: string, counter = 0) =>
  `${String(ms).padStart(15, '0')}-${counter.toString(16).padStart(4, '0')}-${node}`
const change = (value: string, hlc: string, prevHlc: string | null): SyncChange => ({
  tbl: 'customers',
  rowId: 'r1',
  col: 'city',
  value,
  hlc,
  prevHlc,
})

describe('merging one cell', () => {
  const a1 = change('Xiamen', stamp(1000, NODES[0]!), null)

  it('takes the newer stamp, keeps the cell on an older one, and ignores a change seen twice', () => {
    const applied = mergeCell(undefined, a1)
    expect(applied.outcome).toBe('applied')
    const b2 = change('Fuzhou', stamp(2000, NODES[1]!), a1.hlc)
    expect(mergeCell(applied.state, b2)).toMatchObject({ outcome: 'applied', state: { value: 'Fuzhou' } })
    const after = mergeCell(applied.state, b2).state
    expect(mergeCell(after, a1)).toMatchObject({ outcome: 'older', state: { value: 'Fuzhou' } })
    expect(mergeCell(after, b2)).toMatchObject({ outcome: 'duplicate', state: after })
  })

  it('is a conflict only when neither author had seen the other value', () => {
    const start = mergeCell(undefined, a1).state
    // B edited after seeing A's value: a plain edit, whatever order they arrive in.
    const seen = change('Fuzhou', stamp(2000, NODES[1]!), a1.hlc)
    expect(mergeCell(start, seen).conflict).toBeUndefined()
    expect(mergeCell(mergeCell(undefined, seen).state, a1).conflict).toBeUndefined()
    // B and C both edited from A's value, offline: concurrent, both kept, in either order.
    const c = change('Quanzhou', stamp(2500, NODES[2]!), a1.hlc)
    const bThenC = mergeCell(mergeCell(start, seen).state, c)
    const cThenB = mergeCell(mergeCell(start, c).state, seen)
    for (const m of [bThenC, cThenB]) {
      expect(m.state.value).toBe('Quanzhou')
      expect(m.conflict).toMatchObject({ winner: { value: 'Quanzhou' }, loser: { value: 'Fuzhou' } })
    }
    // The same value typed on both sides is no conflict.
    const same = change('Fuzhou', stamp(2600, NODES[3]!), a1.hlc)
    expect(mergeCell(mergeCell(start, seen).state, same).conflict).toBeUndefined()
  })

  it('records round-trip, and anything else is refused', () => {
    const c: SyncChange = { ...a1, value: 'Zürich – 苏黎世', prevHlc: stamp(5, NODES[4]!) }
    expect(decodeChange(encodeChange(c))).toEqual(c)
    expect(decodeChange(encodeChange({ ...c, value: 12.5 }))).toMatchObject({ value: 12.5 })
    for (const bad of ['{}', '[1,2,3]', '["customers","r1","city","x","yesterday",null]', 'null'])
      expect(() => decodeChange(Buffer.from(bad)), bad).toThrow()
  })
})

describe('convergence (design/sync.md "Failure cases")', () => {
  /**
   * 3–5 devices with skewed clocks edit a few cells while offline, each from what it has seen;
   * then every device receives everyone's changes in its own random order, some twice, some in a
   * first partial delivery. Every device must end with, per cell, the value of the change with
   * the highest stamp: what applying everything sorted by HLC gives.
   */
  it('every device ends equal to applying all changes in stamp order', () => {
    const edit = fc.record({
      device: fc.nat({ max: 4 }),
      cell: fc.constantFrom('customers/r1/city', 'customers/r1/owner', 'contacts/k1/name'),
      value: fc.constantFrom('A', 'B', 'C', 'D', null),
      // Some edits happen after a partial sync round: the author then edits from what it has seen.
      syncFirst: fc.boolean(),
    })
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        // Clock skew per device: +6 h, −3 days, +1 year among them.
        fc.array(fc.constantFrom(0, 6 * 3600e3, -3 * 86400e3, 365 * 86400e3, 7), {
          minLength: 5,
          maxLength: 5,
        }),
        fc.array(edit, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
        (n, skews, edits, noise) => {
          let wall = 1_780_000_000_000
          let r = 0
          const rand = (k: number) => noise[r++ % noise.length]! % k
          const devices = NODES.slice(0, n).map((node, i) => ({
            clock: new HybridClock(node, null, () => wall + skews[i]!),
            cells: new Map<string, CellState>(),
            inbox: [] as SyncChange[],
          }))
          const all: SyncChange[] = []
          const receive = (d: (typeof devices)[number], c: SyncChange) => {
            const key = `${c.tbl}/${c.rowId}/${c.col}`
            d.clock.observe(c.hlc)
            d.cells.set(key, mergeCell(d.cells.get(key), c).state)
          }
          for (const e of edits) {
            wall += 1 + rand(5)
            const d = devices[e.device % n]!
            if (e.syncFirst) {
              // A partial round: some of what has been published arrives here first.
              for (const c of all) if (rand(3) === 0) receive(d, c)
            }
            const [tbl, rowId, col] = e.cell.split('/') as [string, string, string]
            const c: SyncChange = {
              tbl,
              rowId,
              col,
              value: e.value,
              hlc: d.clock.tick(),
              prevHlc: d.cells.get(e.cell)?.hlc ?? null,
            }
            receive(d, c)
            all.push(c)
          }
          // Full delivery: everyone gets everything, shuffled, with duplicates.
          for (const d of devices) {
            const delivery = [...all, ...all.filter(() => rand(4) === 0)]
            for (let i = delivery.length - 1; i > 0; i--) {
              const j = rand(i + 1)
              ;[delivery[i], delivery[j]] = [delivery[j]!, delivery[i]!]
            }
            for (const c of delivery) receive(d, c)
          }
          const expected = new Map<string, CellState>()
          for (const c of [...all].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)))
            expected.set(`${c.tbl}/${c.rowId}/${c.col}`, { value: c.value, hlc: c.hlc, prevHlc: c.prevHlc })
          for (const d of devices) expect(new Map([...d.cells].sort())).toEqual(new Map([...expected].sort()))
          // Stamps are unique: two changes never share one (the duplicate rule relies on it).
          expect(new Set(all.map((c) => c.hlc)).size).toBe(all.length)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
