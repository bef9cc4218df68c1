// Benchmark of tiering at scale (not a test: prints JSON lines, asserts nothing but exits non-zero
// when our results and DuckDB's differ).
//
//   npm run bench:tiering -- --customers 100000 --orders 2000000 [--data-dir D] [--fresh]
//
// Measures, on one data set: the full re-tier (value tier + RFM + lifecycle + risk for the whole
// base) by the app's engine, the same computation in DuckDB from the raw orders (ratio = ours ÷
// DuckDB), the per-order incremental update through the real write path, a smart-group query
// and the dashboard query.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { v7 as uuidv7 } from 'uuid'
import { createServices, loadDemo } from '../../electron/main/services'
import { createRng } from '../../electron/main/core/demo-data'
import { DEMO_RATES } from '../../electron/main/core/demo-orders'
import { addMonths } from '../../electron/main/core/tiering'
import { dashboard } from '../../electron/main/db/dashboard'
import { DEFAULT_POLICY, orderInputSchema } from '../../shared/tiering'
import type { TieringPolicy } from '../../shared/tiering'
import type { Selection } from '../../shared/groups'
import { localToday } from '../../shared/dates'
import { loadFacts, openDuck, runTiering } from './duckdb-tiering'
import type { OrderRow, PrevRow } from './duckdb-tiering'

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    orders: { type: 'string', default: '2000000' },
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
  },
})
const nCustomers = Number(values.customers)
const nOrders = Number(values.orders)
const runs = Number(values.runs)
const dataDir = path.resolve(values['data-dir'] ?? `.tmp/bench-tiering-${nCustomers}-${nOrders}`)
if (values.fresh) fs.rmSync(dataDir, { recursive: true, force: true })

const services = createServices(dataDir)
const { db, retier, groups } = services
const today = localToday()
const rng = createRng(2026)

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
  return {
    n: samples.length,
    p50_ms: Number(q(0.5).toFixed(3)),
    p95_ms: Number(q(0.95).toFixed(3)),
    max_ms: Number(sorted[sorted.length - 1]!.toFixed(3)),
  }
}

function emit(metric: string, samples: number[], extra: Record<string, unknown> = {}) {
  console.log(
    JSON.stringify({
      metric,
      ...stats(samples),
      customers: services.customers.count(),
      orders: db.prepare('SELECT count(*) FROM orders WHERE deleted_at IS NULL').pluck().get(),
      ...extra,
    }),
  )
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}
function time(fn: () => unknown): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

// ---- fixture ----

const CURRENCIES = ['USD', 'USD', 'USD', 'USD', 'EUR', 'EUR', 'CNY', 'GBP', 'AED', 'JPY'] as const

/**
 * Orders for the whole base: each customer gets a yearly volume from a skewed distribution (a few
 * Key accounts, more Mid and Small, many Ordinary), a reorder rhythm, a start and sometimes an end
 * (a customer who stopped buying), so tiers, segments, stages and risks all appear.
 */
function* generateOrders(
  ids: readonly string[],
  total: number,
): Generator<OrderRow & { id: string; currency: string }> {
  const perCustomer = total / ids.length
  const start = addMonths(today, -36)
  const startMs = Date.parse(`${start}T00:00:00Z`)
  const span = Date.parse(`${today}T00:00:00Z`) - startMs
  let made = 0
  for (let i = 0; i < ids.length && made < total; i++) {
    const id = ids[i]!
    const count = Math.max(1, Math.round(perCustomer * (0.2 + rng() * 1.6)))
    // Yearly volume: log-uniform from 5k to 12M USD.
    const yearly = Math.exp(Math.log(5_000) + rng() * (Math.log(12_000_000) - Math.log(5_000)))
    const perOrder = (yearly * 3) / count
    const from = startMs + rng() * span * 0.5
    const to =
      rng() < 0.15
        ? from + (Date.parse(`${today}T00:00:00Z`) - from) * rng()
        : Date.parse(`${today}T00:00:00Z`)
    const currency = CURRENCIES[Math.floor(rng() * CURRENCIES.length)]!
    const rate = currency === 'USD' ? 1 : DEMO_RATES[currency]!
    for (let k = 0; k < count && made < total; k++, made++) {
      const date = new Date(from + (to - from) * rng()).toISOString().slice(0, 10)
      const roll = rng()
      const status =
        roll < 0.06
          ? 'quoted'
          : roll < 0.1
            ? 'cancelled'
            : roll < 0.4
              ? 'paid'
              : roll < 0.7
                ? 'shipped'
                : 'confirmed'
      const amount = Math.round((perOrder * (0.5 + rng())) / rate)
      const returned = rng() < 0.05 ? Math.round(amount * rng() * 0.3) : 0
      yield { id: uuidv7(), customer_id: id, date, amount, returned, usd_rate: rate, status, currency }
    }
  }
}

async function build() {
  const have = services.customers.count()
  if (have < nCustomers) {
    const t0 = performance.now()
    await loadDemo(
      db,
      { customers: services.customers },
      nCustomers - have,
      (done, total) => {
        if (done % 10_000 === 0 || done === total) process.stderr.write(`customers ${done}/${total}\n`)
      },
      11,
    )
    console.log(
      JSON.stringify({
        metric: 'seed_customers',
        seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
      }),
    )
  }
  const haveOrders = db.prepare('SELECT count(*) FROM orders').pluck().get() as number
  if (haveOrders < nOrders) {
    const t0 = performance.now()
    const ids = db
      .prepare('SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id')
      .pluck()
      .all() as string[]
    // A benchmark fixture: facts go straight into the table. The app itself always writes orders
    // through SyncWriter (row, cell stamps and change log); 2M orders that way would only measure
    // the fixture.
    const insert = db.prepare(
      `INSERT INTO orders (id, customer_id, date, amount, currency, usd_rate, status, returned, product_categories, created_at, updated_at)
       VALUES (@id, @customer_id, @date, @amount, @currency, @usd_rate, @status, @returned, '[]', @date, @date)`,
    )
    const tx = db.transaction((rows: (OrderRow & { id: string; currency: string })[]) => {
      for (const r of rows) insert.run(r)
    })
    let rows: (OrderRow & { id: string; currency: string })[] = []
    let done = 0
    for (const o of generateOrders(ids, nOrders - haveOrders)) {
      rows.push(o)
      if (rows.length === 50_000) {
        tx(rows)
        done += rows.length
        rows = []
        process.stderr.write(`orders ${done}\n`)
      }
    }
    tx(rows)
    db.exec('ANALYZE')
    console.log(
      JSON.stringify({
        metric: 'seed_orders',
        seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
      }),
    )
    // First figures from all orders: the one-off rebuild a new window or an upgrade needs.
    const rebuild = await timeAsync(() => retier.applyAll(DEFAULT_POLICY))
    emit('figures_rebuild_from_orders', [rebuild], {
      note: 'all figures recomputed from orders, then a full re-tier',
    })
  }
  db.pragma('wal_checkpoint(TRUNCATE)')
}

// ---- measurements ----

const OTHER_POLICY: TieringPolicy = {
  ...DEFAULT_POLICY,
  thresholdsUsd: { key: 4_500_000, mid: 900_000, small: 90_000 },
}

function snapshotPrev(): PrevRow[] {
  return db
    .prepare(
      `SELECT c.id AS customer_id, t.tier AS tier, l.tier AS lock FROM customers c
       LEFT JOIN customer_tiers t ON t.customer_id = c.id
       LEFT JOIN tier_locks l ON l.id = c.id AND l.deleted_at IS NULL
       WHERE c.deleted_at IS NULL`,
    )
    .all() as PrevRow[]
}

async function main() {
  await build()
  const policies = [OTHER_POLICY, DEFAULT_POLICY]
  // Warm the caches once, so the first measured run is not also the first read of the file.
  await retier.applyAll(DEFAULT_POLICY)

  // Ours: alternate two policies, so every run really moves customers and writes.
  const ours: number[] = []
  let moves = 0
  let prevBeforeLast: PrevRow[] = []
  for (let i = 0; i < runs; i++) {
    const policy = policies[i % 2]!
    if (i === runs - 1) prevBeforeLast = snapshotPrev()
    let result = { customers: 0, moves: 0 }
    ours.push(await timeAsync(async () => (result = await retier.applyAll(policy))))
    moves = result.moves
  }
  const lastPolicy = policies[(runs - 1) % 2]!
  emit('full_retier_ours', ours, { moves_last_run: moves })

  // DuckDB: the same computation from the orders, with the tiers as they stood before our last run.
  const conn = await openDuck()
  const loadStart = performance.now()
  const orderRows = db
    .prepare(
      'SELECT customer_id, date, amount, returned, usd_rate, status FROM orders WHERE deleted_at IS NULL AND status IS NOT NULL',
    )
    .iterate() as IterableIterator<OrderRow>
  await loadFacts(conn, orderRows, prevBeforeLast)
  console.log(
    JSON.stringify({
      metric: 'duckdb_load',
      seconds: Number(((performance.now() - loadStart) / 1000).toFixed(1)),
    }),
  )
  const duck: number[] = []
  let duckResult = await runTiering(conn, lastPolicy, today)
  for (let i = 0; i < runs; i++)
    duck.push(await timeAsync(async () => (duckResult = await runTiering(conn, lastPolicy, today))))
  emit('full_retier_duckdb', duck)
  const p50 = (xs: number[]) => stats(xs).p50_ms
  const ratio = p50(ours) / p50(duck)
  console.log(
    JSON.stringify({
      metric: 'full_retier_ratio',
      ratio: Number(ratio.toFixed(3)),
      ours_p50_ms: p50(ours),
      duckdb_p50_ms: p50(duck),
      goal_ratio: 1,
      meets_goal: ratio <= 1,
    }),
  )

  // Same results: tier, segment, stage and risk flags of every customer.
  const mine = new Map(
    (
      db
        .prepare(
          `SELECT c.id, t.tier, t.segment, t.stage, t.risk_gap, t.risk_drop FROM customers c
           JOIN customer_tiers t ON t.customer_id = c.id WHERE c.deleted_at IS NULL`,
        )
        .all() as {
        id: string
        tier: string
        segment: string | null
        stage: string
        risk_gap: number
        risk_drop: number
      }[]
    ).map((r) => [r.id, r]),
  )
  const mismatch = { tier: 0, segment: 0, stage: 0, risk: 0 }
  const examples: unknown[] = []
  for (const d of duckResult) {
    const m = mine.get(d.customer_id)
    if (!m) continue
    const diff = {
      tier: m.tier !== d.tier,
      segment: m.segment !== d.segment,
      stage: m.stage !== d.stage,
      risk: (m.risk_gap === 1) !== d.risk_gap || (m.risk_drop === 1) !== d.risk_drop,
    }
    for (const k of Object.keys(diff) as (keyof typeof diff)[]) if (diff[k]) mismatch[k]++
    if ((diff.tier || diff.segment || diff.stage || diff.risk) && examples.length < 5)
      examples.push({ id: d.customer_id, ours: m, duckdb: d })
  }
  const same = mismatch.tier + mismatch.segment + mismatch.stage + mismatch.risk === 0
  console.log(
    JSON.stringify({
      metric: 'same_results',
      customers: duckResult.length,
      tierMismatches: mismatch.tier,
      segmentMismatches: mismatch.segment,
      stageMismatches: mismatch.stage,
      riskMismatches: mismatch.risk,
      same,
      examples,
    }),
  )

  // The incremental path: one order through the app's write path (row, change log, figures, tier).
  const ids = db.prepare('SELECT id FROM customers WHERE deleted_at IS NULL').pluck().all() as string[]
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!
  const incremental: number[] = []
  for (let i = 0; i < 1000; i++) {
    const order = orderInputSchema.parse({
      date: addMonths(today, -Math.floor(rng() * 11)),
      amount: Math.round(1_000 + rng() * 200_000),
      currency: 'USD',
      status: pick(['paid', 'shipped', 'confirmed', 'quoted'] as const),
    })
    const id = pick(ids)
    incremental.push(time(() => services.orders.create(id, order)))
  }
  emit('order_incremental_update', incremental, { goal_p95_ms: 2, meets_goal: stats(incremental).p95_ms < 2 })

  // A smart group and the dashboard at this size.
  const smart: Selection = {
    kind: 'rules',
    rules: {
      match: 'all',
      conditions: [
        { field: 'tier', op: 'in', values: ['key', 'mid'] },
        { field: 'continent', op: 'in', values: ['AS'] },
        { field: 'days_since_order', op: 'lte', number: 180 },
      ],
    },
  }
  const memberRuns = Array.from({ length: 20 }, () =>
    time(() =>
      groups.members({ selection: smart, sort: 'revenue', direction: 'desc', offset: 0, limit: 100 }),
    ),
  )
  emit('smart_group_members', memberRuns, { goal_ms: 50, meets_goal: stats(memberRuns).p95_ms < 50 })
  const figureRuns = Array.from({ length: 20 }, () => time(() => groups.figures(smart)))
  emit('smart_group_figures', figureRuns, { goal_ms: 50, meets_goal: stats(figureRuns).p95_ms < 50 })
  const bucketRuns = Array.from({ length: 10 }, () => time(() => groups.buckets('country')))
  emit('builtin_buckets_country', bucketRuns, { goal_ms: 50, meets_goal: stats(bucketRuns).p95_ms < 50 })
  const dashRuns = Array.from({ length: 20 }, () => time(() => dashboard(db, retier, today)))
  emit('dashboard_query', dashRuns, { goal_ms: 50, meets_goal: stats(dashRuns).p95_ms < 50 })

  services.close()
  if (!same) process.exitCode = 1
}

await main()
