// Benchmark of the customer foundation at scale (not a test: prints JSON lines, asserts nothing).
//
//   npm run bench -- --customers 100000 [--data-dir .tmp/bench-100000] [--fresh]
//
// Builds (or reuses) a data directory with N demo customers (~3 contacts each), then measures
// the operations a user feels: a list page, search as you type, opening a customer, creating one.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { createServices } from '../../electron/main/services'
import { loadDemo } from '../../electron/main/features/demo/load'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { generateDemoCustomers, createRng } from '../../electron/main/core/demo-data'
import type { DemoCustomer } from '../../electron/main/core/demo-data'
import type { ListQuery } from '../../shared/domain'
import { dailyPass, startupMs, stats } from './jobs-bench'

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
})
const n = Number(values.customers)
const dataDir = path.resolve(values['data-dir'] ?? `.tmp/bench-${n}`)
if (values.fresh) fs.rmSync(dataDir, { recursive: true, force: true })

const services = createServices(dataDir)
const { customers, ipc, db } = services
const rng = createRng(42)
const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!

function emit(metric: string, samples: number[], extra: Record<string, unknown> = {}) {
  console.log(
    JSON.stringify({
      metric,
      ...stats(samples),
      customers: customers.count(),
      contacts: db.prepare('SELECT count(*) FROM contacts WHERE deleted_at IS NULL').pluck().get(),
      ...extra,
    }),
  )
}

/** p50 and p95 of some of a metric's samples, as extra fields named after them. */
function quantiles(name: string, samples: number[]): Record<string, number> {
  const { n, p50_ms, p95_ms } = stats(samples)
  return { [`${name}_n`]: n, [`${name}_p50_ms`]: p50_ms, [`${name}_p95_ms`]: p95_ms }
}

function time(fn: () => unknown): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

async function main() {
  const have = customers.count()
  if (have < n) {
    const t0 = performance.now()
    // Profiles and contacts only: this benchmark measures the customer foundation.
    await loadDemo(
      db,
      { customers },
      n - have,
      (done: number, total: number) => {
        if (done % 10_000 === 0 || done === total) process.stderr.write(`seeded ${done}/${total}\n`)
      },
      7,
    )
    db.pragma('optimize')
    console.log(
      JSON.stringify({
        metric: 'seed',
        customers: customers.count(),
        seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
      }),
    )
  }
  db.exec('ANALYZE')
  // The app checkpoints the WAL while idle; measure from that state, not from a WAL full of seed data.
  db.pragma('wal_checkpoint(TRUNCATE)')

  const facets = customers.facets()
  const ids = db.prepare('SELECT id FROM customers WHERE deleted_at IS NULL').pluck().all() as string[]

  // List: one filter + one sort + a page of 100 rows (total count included, as the screen asks).
  const listQueries: (() => ListQuery)[] = [
    () => ({ countries: [pick(facets.countries)], sort: 'name' }),
    () => ({
      continents: [pick(['EU', 'AS', 'NA', 'SA', 'AF'] as const)],
      sort: 'updatedAt',
      direction: 'desc',
    }),
    () => ({ industries: [pick(facets.industries)], sort: 'country' }),
    () => ({ owners: [pick(facets.owners)], sort: 'name', direction: 'desc' }),
    () => ({ tags: [pick(facets.tags)], sort: 'name' }),
    () => ({ businessTypes: ['importer'], sort: 'city' }),
  ]
  // The repository keeps each query's total while the data is unchanged, so a filter asked again
  // costs less than one asked for the first time: those are reported apart as well.
  const asked = new Set<string>()
  for (let i = 0; i < 30; i++) {
    const query = pick(listQueries)()
    asked.add(JSON.stringify(query))
    customers.list(query)
  }
  const listSamples: number[] = []
  const firstAsked: number[] = []
  for (let i = 0; i < 300; i++) {
    const query = pick(listQueries)()
    const first = !asked.has(JSON.stringify(query))
    asked.add(JSON.stringify(query))
    const ms = time(() => customers.list({ ...query, limit: 100 }))
    listSamples.push(ms)
    if (first) firstAsked.push(ms)
  }
  emit('list_page', listSamples, quantiles('first_asked', firstAsked))
  // The first jump finds the anchors on the way (see CustomerRepository.list): reported apart.
  const deep = Array.from({ length: 100 }, () =>
    time(() => customers.list({ sort: 'name', offset: Math.floor(rng() * (ids.length - 100)), limit: 100 })),
  )
  emit('list_page_deep_scroll', deep, { first_ms: Number(deep[0]!.toFixed(3)) })

  // Search as you type: every prefix of each query, as keystrokes arrive.
  const typed = {
    chinese: ['张', '李伟', '华晟电子', '深圳', '贸易有限', '貿易'],
    pinyin: ['zhang', 'huasheng', 'shenzhen', 'maoyi', 'liwei'],
    latin: ['muller', 'trading', 'sharma', 'dubois', 'silva', 'gmbh', '+49 40', 'gmail.com'],
  }
  for (const [kind, queries] of Object.entries(typed)) {
    const samples: number[] = []
    for (let round = 0; round < 5; round++) {
      for (const q of queries) {
        const chars = [...q]
        for (let k = 1; k <= chars.length; k++)
          samples.push(time(() => customers.searchCustomers(chars.slice(0, k).join(''), 20)))
      }
    }
    emit(`search_${kind}`, samples)
  }

  // Open a customer page (profile, derived facts, contacts), through the IPC handler.
  emit(
    'open_customer',
    Array.from({ length: 500 }, () => time(() => ipc.handlers['customers:get']({ id: pick(ids) }))),
  )

  // Create: the whole IPC call a user's Save makes (validation, duplicate check, write, change
  // log, derived index), with realistic data made unique so that the check passes and it writes.
  const runTag = Date.now().toString(36)
  const unique = (item: DemoCustomer, i: number): DemoCustomer => {
    const domain = `bench-${runTag}-${i}.example.com`
    return {
      customer: {
        ...item.customer,
        displayName: `${item.customer.displayName} ${runTag}${i}`,
        originalName: null,
        latinName: null,
        website: `https://www.${domain}`,
      },
      contacts: item.contacts.map((c, k) => ({
        ...c,
        emails: (c.emails ?? []).map((e) => `${e.split('@')[0]}.${k}@${domain}`),
        phones: [],
      })),
    }
  }
  const create: number[] = []
  let refused = 0
  for (const [i, item] of [...generateDemoCustomers(300, 99)].entries()) {
    const input = unique(item, i)
    const t0 = performance.now()
    const res = await dispatch(
      ipc,
      'customers:create',
      { customer: input.customer, contacts: input.contacts },
      true,
    )
    create.push(performance.now() - t0)
    if (!res.ok) refused++
  }
  emit('create_customer', create, { refused_as_duplicate: refused })

  // Start-up and the daily pass (issue 9): the pass runs in the worker, main only waits for it.
  const count = customers.count()
  console.log(JSON.stringify({ ...(await dailyPass(services)), customers: count }))
  await services.close()
  console.log(JSON.stringify({ ...(await startupMs(dataDir)), customers: count }))
}

await main()
