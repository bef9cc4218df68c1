// Benchmark of reminders, duties and the calendar at scale (issue 12 §8; not a test: prints JSON
// lines, asserts nothing).
//
//   npm run bench:calendar -- --customers 100000 [--data-dir D] [--fresh] [--runs 30]
//
// Builds once into .tmp/bench-calendar-<n> (reused afterwards): n customers spread over 120
// countries, about three contacts each with a birthday, 2n reminders of which 10% recur, and
// every customer's duties (nine in ten past single reminders done). Then measures, against the
// goals of the issue:
//   calendar_month   calendar:range over a month's grid, every kind      p95 < 50 ms
//   today            today:get                                          p95 < 20 ms
//   duties_rebuild   every customer's duties after a policy save        < 2 s (the worker's step)
//   interaction_log  interactions:log, its duties moved by the triggers p95 < 3 ms
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { v7 as uuidv7 } from 'uuid'
import { createServices } from '../../electron/main/services'
import { loadDemo } from '../../electron/main/features/demo/load'
import { createRng } from '../../electron/main/core/demo-data'
import { allCountryFacts } from '../../electron/main/core/geo'
import { addDays } from '../../electron/main/core/holidays'
import { localToday } from '../../shared/dates'
import type { TieringPolicy } from '../../shared/tiering'
import { stats } from './jobs-bench'
import { MONTH_PER_DAY } from '../../shared/reminders'

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean', default: false },
    runs: { type: 'string', default: '30' },
  },
})
const n = Number(values.customers)
const runs = Number(values.runs)
const dataDir = path.resolve(values['data-dir'] ?? `.tmp/bench-calendar-${n}`)
if (values.fresh) fs.rmSync(dataDir, { recursive: true, force: true })

const services = createServices(dataDir)
const { db, customers } = services
const rng = createRng(1212)
const today = localToday()
const count = (sql: string) => db.prepare(sql).pluck().get() as number

function emit(metric: string, samples: number[], extra: Record<string, unknown> = {}) {
  console.log(
    JSON.stringify({
      metric,
      ...stats(samples),
      customers: customers.count(),
      contacts: count('SELECT count(*) FROM contacts WHERE deleted_at IS NULL'),
      reminders: count('SELECT count(*) FROM reminders WHERE deleted_at IS NULL'),
      duties: count('SELECT count(*) FROM customer_duties'),
      ...extra,
    }),
  )
}

async function timed(fn: () => unknown): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

async function ok(channel: string, input: unknown): Promise<unknown> {
  const res = await services.call(channel, input)
  if (!res.ok) throw new Error(`${channel}: ${JSON.stringify(res.error)}`)
  return res.data
}

const KINDS = ['follow_up', 'revisit', 'quote_chase', 'sample_follow_up', 'executive_dialogue', 'custom']
const RULES = [
  'FREQ=WEEKLY;BYDAY=MO',
  'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
  'FREQ=MONTHLY;BYDAY=3MO',
  'FREQ=YEARLY',
]

async function seed() {
  const t0 = performance.now()
  // Customers and contacts through the demo loader (the write path, batched).
  await loadDemo(
    db,
    { customers },
    n - customers.count(),
    (done, total) => {
      if (done % 10_000 === 0 || done === total) process.stderr.write(`customers ${done}/${total}\n`)
    },
    12,
  )
  // The rest straight into the tables with bulk SQL: 200k reminders through the write path (one
  // stamped, logged write each) would take longer than the measurements themselves, and what is
  // measured only reads them. Countries: 120 of them, round robin (the demo uses a few dozen).
  const countries = allCountryFacts()
    .map(([code]) => code)
    .sort()
    .slice(0, 120)
  db.transaction(() => {
    db.prepare(
      `UPDATE customers SET country = json_extract(?, '$[' || ((rowid - 1) % ${countries.length}) || ']'), timezone = NULL`,
    ).run(JSON.stringify(countries))
    // About three contacts a customer, each with a birthday (a year for one in three).
    const have = count('SELECT count(*) FROM contacts WHERE deleted_at IS NULL')
    const add = db.prepare(
      `INSERT INTO contacts (id, customer_id, name, emails, phones, is_primary, created_at)
       VALUES (?, ?, ?, '[]', '[]', 0, ?)`,
    )
    const ids = db.prepare('SELECT id FROM customers WHERE deleted_at IS NULL').pluck().all() as string[]
    const now = new Date().toISOString()
    for (let i = have; i < 3 * n; i++) add.run(uuidv7(), ids[i % ids.length], `Contact ${i}`, now)
    db.prepare(
      `UPDATE contacts SET birthday_month = 1 + (abs(random()) % 12), birthday_day = 1 + (abs(random()) % 28),
         birthday_year = CASE WHEN abs(random()) % 3 = 0 THEN 1960 + abs(random()) % 40 END`,
    ).run()
    const reminder = db.prepare(
      `INSERT INTO reminders (id, customer_id, kind, due_date, rrule, note, assignee, created_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
    )
    for (let i = count('SELECT count(*) FROM reminders'); i < 2 * n; i++) {
      const recurring = i % 10 === 0
      // Single ones from 200 days ago to 200 days ahead; recurring ones started in the last year.
      const due = addDays(today, recurring ? -Math.floor(rng() * 365) : Math.floor(rng() * 400) - 200)
      reminder.run(
        uuidv7(),
        ids[Math.floor(rng() * ids.length)],
        KINDS[i % KINDS.length],
        due,
        recurring ? RULES[(i / 10) % RULES.length] : null,
        i % 4 === 0 ? 'Send the new catalogue' : null,
        now,
      )
    }
    // A team works its reminders: nine in ten single ones already past are done (an event each),
    // so Today holds a backlog, not every reminder of the last three months.
    db.prepare(
      `INSERT INTO reminder_events (id, reminder_id, occurrence, action, at)
       SELECT lower(hex(randomblob(16))), id, due_date, 'done', ? FROM reminders
       WHERE rrule IS NULL AND due_date < ? AND abs(random()) % 10 <> 0
         AND id NOT IN (SELECT reminder_id FROM reminder_events)`,
    ).run(now, today)
  }).immediate()
  // Every customer's duties, as a new base gets them.
  services.duties.setService(services.policies.current())
  services.duties.rebuildAll()
  db.pragma('optimize')
  // The derived occurrences are filled below, as the daily pass does on a base this size.
  console.log(
    JSON.stringify({
      metric: 'seed',
      customers: customers.count(),
      seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    }),
  )
}

async function main() {
  if (customers.count() < n || count('SELECT count(*) FROM reminders') < 2 * n) await seed()
  // The reminders' occurrences, as the daily pass fills them in the worker (timed: it runs once,
  // then whenever the horizon moves forward, about monthly).
  const work = services.occurrences.dailyWork(today)
  if (work) {
    const t0 = performance.now()
    if (work === 'fill') await services.occurrences.rebuildAll(today)
    else services.occurrences.rebuildDue(today)
    console.log(
      JSON.stringify({
        metric: work === 'fill' ? 'occurrences_fill' : 'occurrences_due',
        ms: Number((performance.now() - t0).toFixed(0)),
        rows: count('SELECT count(*) FROM reminder_occurrences'),
      }),
    )
  }

  // The month view: calendar:range for the six weeks around a month, every kind, as the grid asks
  // for it (a day's first few entries and how many more), in turn by language.
  const monthStart = `${today.slice(0, 7)}-01`
  const langs = ['zh', 'fr', 'en'] as const
  // Warm: the holidays of every country and year in view are computed once per process.
  for (const lang of langs) {
    await ok('calendar:range', {
      from: addDays(monthStart, -6),
      to: addDays(monthStart, 100),
      lang,
      perDay: MONTH_PER_DAY,
    })
    await ok('today:get', { lang })
  }
  const month: number[] = []
  for (let i = 0; i < runs; i++) {
    // The grid shows six weeks: the month and the days around it.
    const from = addDays(monthStart, -6 + (i % 3) * 31)
    month.push(
      await timed(() =>
        ok('calendar:range', { from, to: addDays(from, 41), lang: langs[i % 3], perDay: MONTH_PER_DAY }),
      ),
    )
  }
  emit('calendar_month', month, { goal_p95_ms: 50 })

  const todaySamples: number[] = []
  for (let i = 0; i < runs; i++) todaySamples.push(await timed(() => ok('today:get', { lang: langs[i % 3] })))
  emit('today', todaySamples, { goal_p95_ms: 20 })

  // Duties after a policy save. The save's job (in the worker) re-tiers, then writes the new
  // service per tier and rebuilds every customer's duties; the rebuild is measured here on the same
  // file with the same statements, alternating two cadences so each run has work to do, and the
  // whole policy:save (re-tier included, through the worker) is reported once next to it.
  const policy = services.policies.current()
  const other: TieringPolicy = {
    ...policy,
    service: {
      ...policy.service,
      key: { ...policy.service.key, cadenceDays: policy.service.key.cadenceDays + 7 },
    },
  }
  const rebuild: number[] = []
  for (let i = 0; i < Math.min(runs, 5); i++) {
    rebuild.push(
      await timed(() =>
        db
          .transaction(() => {
            services.duties.setService(i % 2 === 0 ? other : policy)
            services.duties.rebuildAll()
          })
          .immediate(),
      ),
    )
  }
  services.duties.setService(policy)
  services.duties.rebuildAll()
  const save = await timed(() => ok('policy:save', { policy: other, note: 'bench' }))
  emit('duties_rebuild', rebuild, { goal_ms: 2000, policy_save_total_ms: Number(save.toFixed(1)) })

  // Logging an interaction, its duties moved by the triggers in the same transaction.
  const ids = db
    .prepare('SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY random() LIMIT ?')
    .pluck()
    .all(runs * 3) as string[]
  await ok('interactions:log', {
    customerId: ids[0],
    interaction: { kind: 'call', date: today, summary: 'Warm-up' },
  })
  const log: number[] = []
  for (const id of ids.slice(1)) {
    log.push(
      await timed(() =>
        ok('interactions:log', {
          customerId: id,
          interaction: { kind: 'call', date: today, summary: 'Call' },
        }),
      ),
    )
  }
  emit('interaction_log', log, { goal_p95_ms: 3 })
}

main()
  .catch((err: unknown) => {
    console.error(err)
    process.exitCode = 1
  })
  .finally(() => void services.close())
