// The indexes a bulk write may defer (db/bulk.ts) are named by hand: each must exist, so a renamed
// or removed index fails here instead of silently no longer being deferred.
import { afterEach, describe, expect, it } from 'vitest'
import { tempServices } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'
import { DEFERRABLE_INDEXES, deferIndexes, worthDeferring } from '../../electron/main/db/bulk'

let s: (Services & { dir: string }) | undefined
afterEach(async () => {
  await s?.close()
  s = undefined
})

describe('deferred indexes', () => {
  it('names only indexes that exist, each on the table it is listed under', () => {
    s = tempServices()
    const on = s.db.prepare("SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = ?").pluck()
    for (const [table, names] of Object.entries(DEFERRABLE_INDEXES))
      for (const name of names) expect([name, on.get(name)]).toEqual([name, table])
  })

  it('drops and rebuilds them from the same SQL, only inside a transaction', () => {
    s = tempServices()
    const db = s.db
    const sql = () =>
      db
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'customers' AND type = 'index' ORDER BY name",
        )
        .all()
    const before = sql()
    expect(() => deferIndexes(db, ['customers'])).toThrow(/outside a transaction/)
    db.exec('BEGIN')
    const deferred = deferIndexes(db, ['customers'])
    expect(sql().length).toBe(before.length - DEFERRABLE_INDEXES.customers!.length)
    deferred.rebuild()
    db.exec('COMMIT')
    expect(sql()).toEqual(before)
  })

  it('is worth it for a few thousand rows or more, a fifth of the table or more', () => {
    expect(worthDeferring(1_000, 0)).toBe(false)
    expect(worthDeferring(3_000, 0)).toBe(true)
    expect(worthDeferring(20_000, 100_000)).toBe(true)
    expect(worthDeferring(10_000, 100_000)).toBe(false)
  })
})
