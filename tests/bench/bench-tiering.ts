// Benchmark of tiering at scale (not a test: prints JSON lines; it asserts one thing, that our
// results and DuckDB's agree, and exits non-zero when they do not).
//
//   npm run bench:tiering -- --customers 100000 --orders 2000000 [--data-dir D] [--fresh] [--runs 5]
//
// On one data set it measures: the full re-tier (value tier + RFM + lifecycle + risk over the whole
// base, as a saved policy runs it), the same computation in DuckDB from the raw orders in the same
// process (ratio = ours ÷ DuckDB), the per-order incremental update through the app's real write
// path, a smart-group query, a built-in grouping and the dashboard query.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { v7 as uuidv7 } from 'uuid'
import { createServices } from '../../electron/main/services'
import { loadDemo } from '../../electron/main/features/demo/load'
import { createRng } from '../../electron/main/core/demo-data'
import { DEMO_RATES, demoRates } from '../../electron/main/core/demo-orders'
import { addMonths, evaluateCustomer, isActive, rfmBounds, rfmInput } from '../../electron/main/core/tiering'
import type { CustomerFigures } from '../../electron/main/core/tiering'
import { dashboard } from '../../electron/main/features/dashboard/dashboard'
import { DEFAULT_POLICY, VALUE_TIERS, orderInputSchema } from '../../shared/tiering'
import type { OrderInput, TieringPolicy, ValueTier } from '../../shared/tiering'
import type { Selection } from '../../shared/groups'
import { localToday } from '../../shared/dates'
import { dailyPass, figuresRebuild, searchDuringRetier, startupMs, stats } from './jobs-bench'
import { checkDuckSemantics, loadFacts, openDuck, readResult, runTiering } from './duckdb-tiering'
import type { OrderFactRow, PrevRow } from './duckdb-tiering'

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
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!
let liveOrders = 0

function emit(metric: string, samples: number[], extra: Record<string, unknown> = {}) {
  console.log(
    JSON.stringify({
      metric,
      ...stats(samples),
      customers: services.customers.count(),
      orders: liveOrders,
      ...extra,
    }),
  )
}

/** A line with a goal: meets_goal when p95 stays under `goalMs`. */
function emitGoal(metric: string, samples: number[], goalMs: number, extra: Record<string, unknown> = {}) {
  emit(metric, samples, { ...extra, goal_ms: goalMs, meets_goal: stats(samples).p95_ms < goalMs })
}

function time(fn: () => unknown): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(1))

// ---- fixture ----

/** Bump when the generated orders change, so an existing data dir gets new orders (customers stay). */
const FIXTURE_VERSION = 4
type FixtureMark = { version: number; customers: number; orders: number }
const markFile = path.join(dataDir, 'bench-fixture.json')

const DAY_MS = 86_400_000
const todayMs = Date.parse(`${today}T00:00:00Z`)
const dateDaysAgo = (ago: number) => new Date(todayMs - Math.round(ago) * DAY_MS).toISOString().slice(0, 10)

/** Yearly USD bands and their shares, aiming at ~2 % Key, ~8 % Mid, ~25 % Small, the rest Ordinary. */
const PROFILES = [
  { share: 0.22, yearly: [0, 0], weight: 0 },
  { share: 0.4, yearly: [3_000, 95_000], weight: 0.6 },
  { share: 0.28, yearly: [100_000, 950_000], weight: 1 },
  { share: 0.08, yearly: [1_000_000, 4_900_000], weight: 1.5 },
  { share: 0.02, yearly: [5_200_000, 14_000_000], weight: 2 },
] as const

type Plan = {
  id: string
  currency: string
  rate: number
  yearlyUsd: number
  /** Yearly log growth of order size: > 0 growing, < 0 fading. */
  growth: number
  /** Days ago of the first and last possible order (end 0: still buying). */
  startAgo: number
  endAgo: number
  /** How irregular the reorder rhythm is: 0 like clockwork, 1.6 very uneven. */
  jitter: number
  weight: number
  count: number
  quotesOnly: boolean
}

type FixtureOrder = OrderFactRow & { id: string; currency: string; deleted_at: string | null }

/**
 * Each customer gets a profile (prospect or a yearly volume band), a start (most have bought for
 * three years or more, some started recently, a few in the last 90 days), sometimes an end (a
 * customer who stopped buying), a trend and a reorder rhythm. The total of orders is exactly
 * `total`, spread by each customer's weight and active time.
 */
function plan(customers: readonly { id: string; currency: string | null }[], total: number): Plan[] {
  const plans: Plan[] = customers.map((c) => {
    let r = rng()
    const profile = PROFILES.find((p) => (r -= p.share) < 0) ?? PROFILES[0]
    const currency = c.currency && c.currency in DEMO_RATES ? c.currency : 'USD'
    const [lo, hi] = profile.yearly
    const yearlyUsd = lo === 0 ? 0 : Math.exp(Math.log(lo) + rng() * (Math.log(hi) - Math.log(lo)))
    const s = rng()
    const startAgo = s < 0.05 ? 3 + rng() * 85 : s < 0.3 ? 90 + rng() * 910 : 1096
    const endAgo = rng() < 0.12 ? 20 + rng() * (startAgo - 20) : 0
    const years = Math.max(0.05, (startAgo - endAgo) / 365)
    return {
      id: c.id,
      currency,
      rate: currency === 'USD' ? 1 : DEMO_RATES[currency]!,
      yearlyUsd,
      growth: rng() < 0.6 ? (rng() - 0.5) * 1.4 : 0,
      startAgo,
      endAgo: Math.min(endAgo, startAgo),
      jitter: rng() * 1.6,
      weight: profile.weight * (0.3 + 1.4 * rng()) * years,
      count: 0,
      quotesOnly: profile.weight === 0,
    }
  })
  // Prospects: four in ten have a quote or two from the last half year; the rest nothing.
  let left = total
  for (const p of plans) {
    if (!p.quotesOnly || rng() >= 0.4) continue
    p.count = Math.min(left, 1 + Math.floor(rng() * 2))
    left -= p.count
  }
  const buyers = plans.filter((p) => !p.quotesOnly)
  const weights = buyers.reduce((s, p) => s + p.weight, 0)
  let given = 0
  for (const p of buyers) {
    p.count = Math.floor((left * p.weight) / weights)
    given += p.count
  }
  for (let i = 0; given < left; i = (i + 1) % buyers.length, given++) buyers[i]!.count++
  return plans
}

function* ordersOf(p: Plan, at: string): Generator<FixtureOrder> {
  const order = (ago: number, status: string, amount: number, returned: number, usdRate: number) => ({
    id: uuidv7(),
    customer_id: p.id,
    date: dateDaysAgo(ago),
    amount,
    returned,
    usd_rate: usdRate,
    status,
    currency: p.currency,
    deleted_at: null,
  })
  if (p.quotesOnly) {
    for (let k = 0; k < p.count; k++)
      yield order(rng() * 180, 'quoted', Math.round((20_000 + rng() * 80_000) / p.rate), 0, p.rate)
    return
  }
  const span = p.startAgo - p.endAgo
  const gap = span / Math.max(1, p.count)
  const perYear = p.count / Math.max(0.25, span / 365)
  for (let k = 0; k < p.count; k++) {
    let ago = p.startAgo - (k + 0.5 + (rng() - 0.5) * p.jitter) * gap
    ago = Math.min(p.startAgo, Math.max(p.endAgo, ago))
    // A few orders of current customers are already booked for the coming weeks (not revenue yet).
    if (p.endAgo === 0 && rng() < 0.002) ago = -1 - rng() * 20
    const usd = (p.yearlyUsd / perYear) * (0.4 + 1.2 * rng()) * Math.exp((-p.growth * ago) / 365)
    // The rate snapshot moves a little with the order date, as real rates do.
    const usdRate =
      p.currency === 'USD' ? 1 : Number((p.rate * (1 + 0.05 * Math.sin(ago / 97 + p.rate))).toPrecision(6))
    const amount = Math.max(1, Math.round(usd / usdRate))
    const roll = rng()
    const status =
      roll < 0.05
        ? 'quoted'
        : roll < 0.08
          ? 'cancelled'
          : ago < 30
            ? 'confirmed'
            : ago < 75
              ? 'shipped'
              : rng() < 0.03
                ? 'shipped'
                : 'paid'
    const r = rng()
    const returned =
      status !== 'paid' ? 0 : r < 0.003 ? amount : r < 0.05 ? Math.round(amount * (0.02 + 0.25 * rng())) : 0
    yield order(ago, status, amount, returned, usdRate)
    // A deleted order now and then (a tombstone: both sides must ignore it), beyond the live total.
    if (rng() < 0.002) yield { ...order(ago, 'paid', amount * 3, 0, usdRate), deleted_at: at }
  }
}

/** Removes the orders and everything derived from them, so a data dir can take a new fixture. */
function resetOrders() {
  db.transaction(() => {
    db.exec(`DELETE FROM orders; DELETE FROM customer_figures; DELETE FROM tier_events;
      DELETE FROM tier_review_items; DELETE FROM tier_reviews; DELETE FROM tier_locks;
      DELETE FROM cell_stamps WHERE tbl IN ('orders', 'tier_locks');
      DELETE FROM change_log WHERE tbl IN ('orders', 'tier_locks');
      UPDATE customer_tiers SET tier = 'ordinary', rule = 'threshold', revenue_usd = 0, evaluated_on = '',
        segment = NULL, rfm_r = NULL, rfm_f = NULL, rfm_m = NULL, stage = 'prospect', risk_gap = 0, risk_drop = 0;
      DELETE FROM meta WHERE key IN ('figures_as_of', 'figures_signature', 'rfm_bounds', 'daily_pass_on')`)
  })()
}

async function build() {
  const have = services.customers.count()
  if (have < nCustomers) {
    const t0 = performance.now()
    // Profiles and contacts only, through the app's create path as the customer benchmark does.
    await loadDemo(
      db,
      { customers: services.customers },
      nCustomers - have,
      (done: number, total: number) => {
        if (done % 10_000 === 0 || done === total) process.stderr.write(`customers ${done}/${total}\n`)
      },
      11,
    )
    console.log(
      JSON.stringify({
        metric: 'seed_customers',
        customers: services.customers.count(),
        seconds: seconds(performance.now() - t0),
      }),
    )
  }
  const mark = fs.existsSync(markFile) ? (JSON.parse(fs.readFileSync(markFile, 'utf8')) as FixtureMark) : null
  if (mark?.version === FIXTURE_VERSION && mark.customers === nCustomers && mark.orders === nOrders) return

  const t0 = performance.now()
  resetOrders()
  // Rates for the orders the benchmark enters through the app (fixture orders carry their own).
  db.transaction(() => {
    for (const rate of demoRates('2020-01-01'))
      if (services.orders.rateOn(rate.currency, rate.date) === null) services.orders.setRate(rate)
  })()
  const customers = db
    .prepare('SELECT id, currency FROM customers WHERE deleted_at IS NULL ORDER BY id')
    .all() as { id: string; currency: string | null }[]
  // A benchmark fixture: the orders go straight into the table, on purpose bypassing SyncWriter
  // (no cell stamps, no change log). The app itself always writes orders through SyncWriter; 2M
  // orders that way would only measure the fixture. Figures and tiers are then built by the app.
  const insert = db.prepare(
    `INSERT INTO orders (id, customer_id, date, amount, currency, usd_rate, status, returned, product_categories,
       created_at, updated_at, deleted_at)
     VALUES (@id, @customer_id, @date, @amount, @currency, @usd_rate, @status, @returned, '[]', @at, @at, @deleted_at)`,
  )
  const at = new Date().toISOString()
  const tx = db.transaction((rows: FixtureOrder[]) => {
    for (const r of rows) insert.run({ ...r, at })
  })
  let rows: FixtureOrder[] = []
  let done = 0
  for (const p of plan(customers, nOrders)) {
    for (const o of ordersOf(p, at)) {
      rows.push(o)
      if (rows.length === 100_000) {
        tx(rows)
        done += rows.length
        rows = []
        process.stderr.write(`orders ${done}\n`)
      }
    }
  }
  tx(rows)
  db.exec('ANALYZE')
  console.log(
    JSON.stringify({
      metric: 'seed_orders',
      orders: db.prepare('SELECT count(*) FROM orders WHERE deleted_at IS NULL').pluck().get(),
      deleted_orders: db.prepare('SELECT count(*) FROM orders WHERE deleted_at IS NOT NULL').pluck().get(),
      seconds: seconds(performance.now() - t0),
    }),
  )

  // Every customer's figures from its orders: the one-off rebuild a new window or an upgrade needs.
  const rebuild = await timeAsync(() => retier.rollFigures(DEFAULT_POLICY))
  liveOrders = db.prepare('SELECT count(*) FROM orders WHERE deleted_at IS NULL').pluck().get() as number
  emit('figures_rebuild_from_orders', [rebuild])
  const first = await timeAsync(() => retier.applyAll(DEFAULT_POLICY))
  emit('first_full_retier', [first], { note: 'every customer written: tiers, segments, stages, risks' })
  // A few managers' locks, through the app, so the comparison covers them.
  const ids = customers.map((c) => c.id)
  db.transaction(() => {
    for (let i = 0; i < Math.max(5, Math.round(nCustomers / 1000)); i++)
      services.tiers.setLock(pick(ids), pick(VALUE_TIERS), 'bench fixture', 'bench')
  })()
  fs.writeFileSync(
    markFile,
    JSON.stringify({
      version: FIXTURE_VERSION,
      customers: nCustomers,
      orders: nOrders,
    } satisfies FixtureMark),
  )
}

// ---- measurements ----

/** A second policy whose thresholds sit 10 % lower, so alternating the two really moves customers. */
const OTHER_POLICY: TieringPolicy = {
  ...DEFAULT_POLICY,
  version: 2,
  thresholdsUsd: { key: 4_500_000, mid: 900_000, small: 90_000 },
}

const prevQuery = db.prepare(
  `SELECT c.id AS customer_id, t.tier AS tier, l.tier AS lock FROM customers c
   LEFT JOIN customer_tiers t ON t.customer_id = c.id
   LEFT JOIN tier_locks l ON l.id = c.id AND l.deleted_at IS NULL
   WHERE c.deleted_at IS NULL`,
)

type OursRow = {
  id: string
  tier: ValueTier
  segment: string | null
  stage: string
  rfm_r: number | null
  rfm_f: number | null
  rfm_m: number | null
  risk_gap: number
  risk_drop: number
  revenue: number | null
  order_count: number | null
}

/**
 * Where the time of one full re-tier goes: the base SELECT (the same query Retier runs) and the
 * evaluation of every customer, each timed alone; the rest of a run is the writes and their batches.
 */
function parts(policy: TieringPolicy) {
  const base = db.prepare(
    `SELECT c.id, t.tier, t.rule, t.revenue_usd, t.evaluated_on, t.segment, t.rfm_r, t.rfm_f, t.rfm_m,
            t.stage, t.risk_gap, t.risk_drop, t.customer_id IS NOT NULL AS has_tier, l.tier AS lock,
            f.as_of AS f_as_of, f.revenue_usd AS revenue, f.order_count, f.first_order, f.last_order,
            f.last6_usd, f.prev6_usd, f.median_gap_days
     FROM customers c
     LEFT JOIN customer_tiers t ON t.customer_id = c.id
     LEFT JOIN customer_figures f ON f.customer_id = c.id
     LEFT JOIN tier_locks l ON l.id = c.id AND l.deleted_at IS NULL
     WHERE c.deleted_at IS NULL`,
  )
  type Row = {
    id: string
    tier: ValueTier | null
    has_tier: number
    lock: ValueTier | null
    f_as_of: string | null
    revenue: number | null
    order_count: number | null
    first_order: string | null
    last_order: string | null
    last6_usd: number | null
    prev6_usd: number | null
    median_gap_days: number | null
  }
  let rows: Row[] = []
  const select = time(() => (rows = base.all() as Row[]))
  const evaluate = time(() => {
    const figures = rows.map((r): CustomerFigures => ({
      revenueUsd: r.revenue ?? 0,
      orderCount: r.order_count ?? 0,
      firstOrder: r.first_order,
      lastOrder: r.last_order,
      last6Usd: r.last6_usd ?? 0,
      prev6Usd: r.prev6_usd ?? 0,
      medianGapDays: r.median_gap_days,
    }))
    const active = []
    for (let i = 0; i < rows.length; i++)
      if (isActive(figures[i]!)) active.push(rfmInput(rows[i]!.id, figures[i]!, today))
    const bounds = rfmBounds(active)
    rows.forEach((r, i) =>
      evaluateCustomer(r.id, figures[i]!, today, policy, r.has_tier ? r.tier : null, r.lock, bounds),
    )
  })
  return { select, evaluate }
}

/** True when `revenue` sits within floating-point noise of a threshold or band floor of `policy`. */
function nearEdge(revenue: number, policy: TieringPolicy): boolean {
  const keep = 1 - policy.hysteresisPct / 100
  const t = policy.thresholdsUsd
  return [t.key, t.mid, t.small, t.key * keep, t.mid * keep, t.small * keep].some(
    (x) => Math.abs(revenue - x) <= 1e-9 * x,
  )
}

async function main() {
  await build()
  liveOrders = db.prepare('SELECT count(*) FROM orders WHERE deleted_at IS NULL').pluck().get() as number
  // The app checkpoints the WAL while idle; measure from that state.
  db.pragma('wal_checkpoint(TRUNCATE)')

  // Warm-up (also rolls figures forward when the data dir was built on an earlier day).
  await retier.applyAll(DEFAULT_POLICY)

  // ---- full re-tier, ours: alternate two policies so that every run moves customers and writes ----
  const policies = [OTHER_POLICY, DEFAULT_POLICY]
  const ours: number[] = []
  const moves: number[] = []
  let prevBeforeLast: PrevRow[] = []
  for (let i = 0; i < runs; i++) {
    if (i === runs - 1) prevBeforeLast = prevQuery.all() as PrevRow[]
    let result = { customers: 0, moves: 0 }
    ours.push(await timeAsync(async () => (result = await retier.applyAll(policies[i % 2]!))))
    moves.push(result.moves)
  }
  const policy = policies[(runs - 1) % 2]!
  const breakdown = parts(policy)
  emit('full_retier_ours', ours, {
    moves_per_run: moves,
    base_select_ms: Number(breakdown.select.toFixed(1)),
    evaluate_ms: Number(breakdown.evaluate.toFixed(1)),
  })
  const mine = new Map(
    (
      db
        .prepare(
          `SELECT c.id, t.tier, t.segment, t.stage, t.rfm_r, t.rfm_f, t.rfm_m, t.risk_gap, t.risk_drop,
             f.revenue_usd AS revenue, f.order_count
           FROM customers c JOIN customer_tiers t ON t.customer_id = c.id
           LEFT JOIN customer_figures f ON f.customer_id = c.id WHERE c.deleted_at IS NULL`,
        )
        .all() as OursRow[]
    ).map((r) => [r.id, r]),
  )

  // ---- the same computation in DuckDB, from the orders, with the tiers as they stood before ----
  const duck = await openDuck()
  const semantics = await checkDuckSemantics(duck.conn)
  const loadStart = performance.now()
  const loaded = await loadFacts(
    duck.conn,
    db
      .prepare(
        'SELECT customer_id, date, amount, returned, usd_rate, status FROM orders WHERE deleted_at IS NULL',
      )
      .iterate() as IterableIterator<OrderFactRow>,
    prevBeforeLast,
  )
  console.log(
    JSON.stringify({
      metric: 'duckdb_load',
      ...loaded,
      seconds: seconds(performance.now() - loadStart),
      threads: duck.threads,
      semantics_checked: semantics,
    }),
  )
  await runTiering(duck.conn, policy, today)
  const theirs: number[] = []
  for (let i = 0; i < runs; i++) theirs.push(await timeAsync(() => runTiering(duck.conn, policy, today)))
  emit('full_retier_duckdb', theirs, { threads: duck.threads })
  const ratio = stats(ours).p50_ms / stats(theirs).p50_ms
  console.log(
    JSON.stringify({
      metric: 'full_retier_ratio',
      ratio: Number(ratio.toFixed(3)),
      ours_p50_ms: stats(ours).p50_ms,
      duckdb_p50_ms: stats(theirs).p50_ms,
      goal_ratio: 1,
      meets_goal: ratio <= 1,
    }),
  )

  // ---- same results: every customer's tier, segment, stage, scores and risk flags ----
  const results = await readResult(duck.conn)
  duck.close()
  const count = { tier: 0, segment: 0, stage: 0, scores: 0, risk: 0, revenue: 0, floatEdge: 0, missing: 0 }
  const examples: unknown[] = []
  for (const d of results) {
    const m = mine.get(d.customer_id)
    if (!m) {
      count.missing++
      continue
    }
    const revenue = m.revenue ?? 0
    const diff = {
      tier: m.tier !== d.tier,
      segment: m.segment !== d.segment,
      stage: m.stage !== d.stage,
      scores: m.rfm_r !== d.r || m.rfm_f !== d.f || m.rfm_m !== d.m,
      risk: (m.risk_gap === 1) !== d.risk_gap || (m.risk_drop === 1) !== d.risk_drop,
      revenue: Math.abs(revenue - d.revenue) > 1e-9 * Math.max(1, Math.abs(d.revenue)),
    }
    // Sums in another order can differ in the last bit; that only matters right at a threshold.
    if (diff.tier && nearEdge(d.revenue, policy)) {
      count.floatEdge++
      diff.tier = false
    }
    for (const k of Object.keys(diff) as (keyof typeof diff)[]) if (diff[k]) count[k]++
    if (Object.values(diff).some(Boolean) && examples.length < 5)
      examples.push({
        id: d.customer_id,
        diff: Object.keys(diff).filter((k) => diff[k as keyof typeof diff]),
        ours: m,
        duckdb: d,
      })
  }
  count.missing += Math.max(0, mine.size - results.length)
  const same =
    count.tier + count.segment + count.stage + count.scores + count.risk + count.revenue + count.missing === 0
  const distribution = (key: 'tier' | 'segment' | 'stage') => {
    const out: Record<string, number> = {}
    for (const r of results) out[String(r[key])] = (out[String(r[key])] ?? 0) + 1
    return out
  }
  console.log(
    JSON.stringify({
      metric: 'same_results',
      customers: results.length,
      policy: policy.thresholdsUsd,
      tierMismatches: count.tier,
      segmentMismatches: count.segment,
      stageMismatches: count.stage,
      scoreMismatches: count.scores,
      riskMismatches: count.risk,
      revenueMismatches: count.revenue,
      missing: count.missing,
      tiesAtThresholdWithinFloatNoise: count.floatEdge,
      same,
      tiers: distribution('tier'),
      segments: distribution('segment'),
      stages: distribution('stage'),
      examples,
    }),
  )

  // ---- incremental: one order through the app's write path (row, change log, figures, tier) ----
  const ids = db.prepare('SELECT id FROM customers WHERE deleted_at IS NULL').pluck().all() as string[]
  const newOrder = () =>
    orderInputSchema.parse({
      date: addMonths(today, -Math.floor(rng() * 12)),
      amount: Math.round(1_000 + rng() * 200_000),
      currency: pick(['USD', 'USD', 'EUR', 'CNY', 'GBP'] as const),
      status: pick(['paid', 'paid', 'shipped', 'confirmed', 'quoted'] as const),
    } satisfies OrderInput)
  for (let i = 0; i < 20; i++) services.orders.create(pick(ids), newOrder())
  const incremental: number[] = []
  for (let i = 0; i < 1000; i++) {
    const order = newOrder()
    const id = pick(ids)
    incremental.push(time(() => services.orders.create(id, order)))
  }
  liveOrders += 1020
  emitGoal('order_incremental_update', incremental, 2, { note: 'p95 against the goal; 20 unmeasured first' })

  // ---- a smart group, a built-in grouping and the dashboard at this size ----
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
  const members = () =>
    groups.members({ selection: smart, sort: 'revenue', direction: 'desc', offset: 0, limit: 100 })
  const { total } = members()
  emitGoal(
    'smart_group_members',
    Array.from({ length: 20 }, () => time(members)),
    50,
    { members: total },
  )
  groups.figures(smart)
  emitGoal(
    'smart_group_figures',
    Array.from({ length: 20 }, () => time(() => groups.figures(smart))),
    50,
  )
  groups.buckets('country')
  emitGoal(
    'builtin_buckets',
    Array.from({ length: 20 }, () => time(() => groups.buckets('country'))),
    50,
    { grouping: 'country' },
  )
  dashboard(db, retier, today)
  emitGoal(
    'dashboard_query',
    Array.from({ length: 20 }, () => time(() => dashboard(db, retier, today))),
    50,
  )

  // ---- long jobs in the worker (issue 9) ----
  const sizes = { customers: services.customers.count(), orders: liveOrders }
  console.log(JSON.stringify({ ...(await figuresRebuild(services)), ...sizes }))
  const typed = ['trading', 'shenzhen', 'muller', '贸易', 'gmbh']
  console.log(JSON.stringify({ ...(await searchDuringRetier(services, typed)), ...sizes }))
  console.log(JSON.stringify({ ...(await dailyPass(services)), ...sizes }))
  await services.close()
  console.log(JSON.stringify({ ...(await startupMs(dataDir)), ...sizes }))
  if (!same) process.exitCode = 1
}

await main()
