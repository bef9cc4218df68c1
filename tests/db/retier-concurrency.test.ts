// A whole-base pass runs in the job worker over its own connection while the window keeps saving
// orders on main's. Each batch of the pass must decide from what is committed when it writes, not
// from what it read before main's last write: otherwise a pass started at launch puts back a
// customer's old figures and tier over an order just saved (seen as a dashboard short of that
// order). Two real connections to one file, batches of one customer, main writing between them.
import { afterEach, describe, expect, it } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { openDatabase } from '../../electron/main/db/connection'
import { clockOf, openRepositories } from '../../electron/main/repositories'
import type { Repositories } from '../../electron/main/repositories'
import { computeFigures } from '../../electron/main/core/tiering'
import type { OrderFact } from '../../electron/main/core/tiering'
import { tempDir } from '../helpers/tmp'

let s: Services | undefined
let worker: Repositories | undefined
afterEach(async () => {
  worker?.db.close()
  await s?.close()
  worker = s = undefined
})

let clock: Date
const now = () => clock

/** Main's services and a second, worker-like set of repositories over the same file. */
function open(): { main: Services; job: Repositories } {
  clock = new Date('2026-06-01T12:00:00Z')
  const dir = tempDir()
  s = createServices(dir, { now })
  const { db } = openDatabase(dir, { attach: true })
  worker = openRepositories(db, clockOf(now))
  // One customer per batch: main gets its turn between every two.
  worker.retier.batchSize = 1
  return { main: s, job: worker }
}

function addOrder(main: Services, customerId: string, date: string, amount: number) {
  main.orders.create(customerId, {
    date,
    amount,
    currency: 'USD',
    status: 'paid',
    returned: 0,
    productCategories: [],
  })
}

/** Every live customer's stored figures, tier row and dashboard cells, against its orders. */
function expectInStep(main: Services, asOf: string) {
  const policy = main.policies.current()
  const ids = main.db.prepare('SELECT id FROM customers WHERE deleted_at IS NULL').pluck().all() as string[]
  for (const id of ids) {
    const facts = main.db
      .prepare(
        'SELECT date, amount, returned, usd_rate AS usdRate, status FROM orders WHERE customer_id = ? AND deleted_at IS NULL',
      )
      .all(id) as OrderFact[]
    const stored = main.figures.stored(id)
    expect(stored, id).toEqual({ asOf, ...computeFigures(facts, asOf, policy) })
    const tierRow = main.db
      .prepare('SELECT revenue_now FROM customer_tiers WHERE customer_id = ?')
      .get(id) as { revenue_now: number }
    expect(tierRow.revenue_now, id).toBe(stored.revenueUsd)
  }
  const cells = main.db.prepare('SELECT total(revenue) FROM dashboard_cells').pluck().get() as number
  const figures = main.db
    .prepare(
      `SELECT total(f.revenue_usd) FROM customer_figures f JOIN customers c ON c.id = f.customer_id
       WHERE c.deleted_at IS NULL`,
    )
    .pluck()
    .get() as number
  expect(cells).toBeCloseTo(figures, 4)
}

describe('a whole-base pass in the worker while main saves orders', () => {
  // The daily pass has two phases, each in batches: figures rebuilt from orders, then tiers,
  // segments and stages stored from those figures. Main saves between two batches of one of them.
  it.each([
    ['the figures rebuild', 1],
    ['storing tiers, segments and stages', 2],
  ])('keeps every order main saved during %s, in figures, tiers and the dashboard', async (_phase, phase) => {
    const { main, job } = open()
    const ids = ['Rivage SAS', 'Haiyun Trading', 'Thames Ltd'].map((name) =>
      main.customers.create({ displayName: name, country: 'FR', tags: [], productCategories: [] }, []),
    )
    for (const id of ids) addOrder(main, id, '2026-05-01', 20_000)
    // Months later: the first daily pass rebuilds every figure, then stores segments and stages.
    clock = new Date('2026-11-25T12:00:00Z')
    let starts = 0
    await job.retier.daily((done) => {
      // After the first batch of the chosen phase, the salesperson saves a big order for everyone.
      if (done === 1 && ++starts === phase) for (const id of ids) addOrder(main, id, '2026-11-20', 5_000_000)
    })
    // The chosen phase ran in batches and main wrote between two of them.
    expect(starts).toBeGreaterThanOrEqual(phase)
    expectInStep(main, '2026-11-25')
    // An order that crosses the Key threshold moves the tier at once; the pass must not put it back.
    for (const id of ids) expect(main.tiers.state(id).tier, id).toBe('key')
  })

  it('keeps a tier lock main set while a full re-tier was between batches', async () => {
    const { main, job } = open()
    const ids = ['Alpha', 'Beta', 'Gamma'].map((name) =>
      main.customers.create({ displayName: name, country: 'CN', tags: [], productCategories: [] }, []),
    )
    for (const id of ids) addOrder(main, id, '2026-05-01', 2_000_000)
    const policy = main.policies.current()
    let locked = false
    await job.retier.applyAll(
      { ...policy, thresholdsUsd: { ...policy.thresholdsUsd, key: 1_000_000 } },
      (done) => {
        if (done !== 1 || locked) return
        locked = true
        for (const id of ids) main.tiers.setLock(id, 'small', 'Test', null)
      },
    )
    for (const id of ids) expect(main.tiers.state(id).tier, id).toBe('small')
  })
})
