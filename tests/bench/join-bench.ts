// Benchmark of joining a team from a snapshot (issue 13 §8; not a test: prints JSON lines).
//
//   npm run bench:join -- [--runs 2] [--orders 2000000] [--facts-dir .tmp/bench-ui-100000]
//
// Builds once into .tmp/bench-join (reused afterwards): a copy of the 100k-customer base of
// bench:ui, topped up to --orders orders (copies of its own orders under new ids, each with its row
// stamp, as an import would leave them), in a team whose folder holds nothing else. Then measures:
//   snapshot_write   the worker's snapshot of that base: VACUUM INTO, the device taken out,
//                    integrity_check, gzip, fsync, rename, read back and verified
//   sync_join        a new, empty computer's team:join until it answers: the snapshot unpacked and
//                    checked, prepared, swapped in, and the services reopened over it   < 15 s
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { ServicesHost } from '../../electron/main/features/backups/host'
import { DB_FILE_NAME } from '../../electron/main/db/connection'
import { createTeamFolder } from '../../electron/main/sync/team-folder'
import { setTeam } from '../../electron/main/features/team/sync'
import { metaSet } from '../../electron/main/db/device'
import { PUBLISHED_SEQ } from '../../electron/main/sync/outbox'
import { STREAM_HEAD } from '../../electron/main/db/writer'
import { listSnapshots } from '../../electron/main/sync/snapshot'
import { caller, data } from '../helpers/tmp'
import { stats } from './jobs-bench'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2' },
    orders: { type: 'string', default: '2000000' },
    'facts-dir': { type: 'string', default: '.tmp/bench-ui-100000' },
  },
})
const runs = Number(values.runs)
const root = path.resolve('.tmp/bench-join')
const sourceDir = path.join(root, 'source')
const folder = path.join(root, 'folder')

function emit(metric: string, extra: Record<string, unknown>) {
  console.log(JSON.stringify({ metric, ...extra }))
}

/** The source base: bench:ui's, copied, topped up with orders, in a team with all of it published. */
async function build(): Promise<void> {
  const from = path.resolve(values['facts-dir'], DB_FILE_NAME)
  if (!fs.existsSync(from)) throw new Error(`no demo base at ${from} (npm run bench:ui builds it)`)
  fs.mkdirSync(sourceDir, { recursive: true })
  fs.mkdirSync(folder, { recursive: true })
  const file = path.join(sourceDir, DB_FILE_NAME)
  const src = new Database(from, { readonly: true })
  src.prepare('VACUUM INTO ?').run(file)
  src.close()
  const db = new Database(file)
  try {
    const have = db.prepare('SELECT count(*) FROM orders').pluck().get() as number
    const more = Math.max(0, Number(values.orders) - have)
    // Copies of its own orders under new ids, with their row stamps (a birth each, as imported).
    db.transaction(() => {
      db.exec(
        `CREATE TEMP TABLE pick AS SELECT id, lower(hex(randomblob(16))) AS nid FROM orders LIMIT ${more}`,
      )
      db.exec(`INSERT INTO orders SELECT p.nid, customer_id, date, amount, currency, usd_rate, status, returned,
                 product_categories, reference, notes, created_at, deleted_at, updated_at
               FROM orders o JOIN pick p ON p.id = o.id`)
      db.exec(`INSERT INTO row_stamps (tbl, row_id, hlc, shape) SELECT 'orders', p.nid, r.hlc, r.shape
               FROM pick p JOIN row_stamps r ON r.tbl = 'orders' AND r.row_id = p.id`)
    })()
  } finally {
    db.close()
  }
  const made = createTeamFolder(folder, { name: 'Bench team', minAppVersion: '0.0.0', now: new Date() })
  if (!made.ok) throw new Error(made.problem)
  const s = createServices(sourceDir)
  try {
    setTeam(
      s.db,
      { id: made.team.teamId, name: 'Bench team', folder },
      { deviceName: 'Source', userName: 'Source' },
    )
    // Its stream counts as sealed: the joiner's pass has nothing after the snapshot to read.
    metaSet(s.db, PUBLISHED_SEQ, String(s.db.prepare(STREAM_HEAD).pluck().get()))
  } finally {
    await s.close()
  }
}

async function main() {
  if (!fs.existsSync(path.join(folder, 'TradeTier', 'team.json'))) await build()
  const source = createServices(sourceDir)
  let counts: { customers: number; orders: number }
  const write: number[] = []
  try {
    counts = {
      customers: source.db
        .prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL')
        .pluck()
        .get() as number,
      orders: source.db
        .prepare('SELECT count(*) FROM orders WHERE deleted_at IS NULL')
        .pluck()
        .get() as number,
    }
    if (listSnapshots(path.join(folder, 'TradeTier')).length === 0) {
      const t0 = performance.now()
      const made = await source.jobs.run('snapshot', { dataDir: sourceDir, appVersion: '1.0.0' })
      write.push(performance.now() - t0)
      if (!made.written) throw new Error('no snapshot written')
    }
  } finally {
    await source.close()
  }
  const snap = listSnapshots(path.join(folder, 'TradeTier'))[0]!
  const dbBytes = fs.statSync(path.join(sourceDir, DB_FILE_NAME)).size
  if (write.length > 0)
    emit('snapshot_write', { ...stats(write), ...counts, db_mb: Math.round(dbBytes / 1e6) })

  const join: number[] = []
  for (let i = 0; i < runs; i++) {
    const dir = fs.mkdtempSync(path.join(root, 'joiner-'))
    const host = new ServicesHost<Services>((restart) =>
      createServices(dir, { restart, appVersion: '1.0.0' }),
    )
    host.start()
    try {
      const call = caller(() => host.current!)
      const t0 = performance.now()
      data(await call('team:join', { folder, deviceName: `Joiner ${i}`, userName: 'Joiner' }))
      join.push(performance.now() - t0)
      const got = host.current!.db.prepare('SELECT count(*) FROM orders').pluck().get() as number
      if (got !== counts.orders) throw new Error(`joined with ${got} orders, expected ${counts.orders}`)
    } finally {
      await host.current?.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  emit('sync_join', {
    ...stats(join),
    ...counts,
    snapshot_mb: Math.round(fs.statSync(snap.file).size / 1e6),
    db_mb: Math.round(dbBytes / 1e6),
    goal_ms: 15000,
  })
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
