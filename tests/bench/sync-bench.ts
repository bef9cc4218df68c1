// Benchmark of team sync (issue 13 §8; not a test: prints JSON lines, asserts nothing).
//
//   npm run bench:sync -- [--changes 100000] [--segments 10000] [--runs 5] [--facts-dir D]
//
// Builds once into .tmp/bench-sync (reused afterwards): a device that wrote demo customers (with
// contacts and orders) through the write path until its change log holds --changes changes, its
// log published into a team folder, and a second folder of --segments small segments from ten
// devices. Then measures:
//   sync_apply       a new device applying every one of those changes, derived data included
//                    (receive() as the worker's pass runs it)                  p50 < 5 s
//   sync_scan        a pass over the folder of small segments, all already applied
//                    (listing, names, nothing new to read)                      < 2 s
//   sync_metadata    the change log, the stamps and the teammates' changes kept for the history
//                    against the synced fact tables, in pages, on the 100k-customer demo base of
//                    bench:ui (--facts-dir, brought to this schema first)       < 0.5
// The join from a snapshot is measured by bench:join (tests/bench/join-bench.ts).
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { createServices } from '../../electron/main/services'
import { openDatabase } from '../../electron/main/db/connection'
import { loadDemo } from '../../electron/main/features/demo/load'
import { publishPending } from '../../electron/main/sync/outbox'
import { receive } from '../../electron/main/sync/inbox'
import { publishSegment, scanLog } from '../../electron/main/sync/log-folder'
import { encodeChange } from '../../electron/main/sync/merge'
import { SYNCED_TABLES } from '../../electron/main/db/schema'
import { stats } from './jobs-bench'

const { values } = parseArgs({
  options: {
    changes: { type: 'string', default: '100000' },
    segments: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    'facts-dir': { type: 'string', default: '.tmp/bench-ui-100000' },
  },
})
const wanted = Number(values.changes)
const segmentCount = Number(values.segments)
const runs = Number(values.runs)
const root = path.resolve('.tmp/bench-sync')
const TEAM = 'bench-team'

async function buildSource(): Promise<{ logDir: string; changes: number }> {
  const sourceDir = path.join(root, 'source')
  const logDir = path.join(root, 'folder', 'log')
  const source = createServices(sourceDir)
  try {
    // Changes are cells: a row's birth (a row stamp in the stream) sends each cell of its shape.
    const count = () =>
      source.db
        .prepare(
          `SELECT (SELECT count(*) FROM change_log)
                + (SELECT coalesce(sum(length(s.cols) - length(replace(s.cols, ',', '')) + 1), 0)
                     FROM row_stamps r JOIN stamp_shapes s ON s.id = r.shape WHERE r.seq IS NOT NULL)`,
        )
        .pluck()
        .get() as number
    // A demo customer with its contacts and orders is a few hundred changes: small batches keep
    // the total close to what was asked.
    while (count() < wanted) await loadDemo(source.db, source, 20, undefined, 4242 + count())
    publishPending(source.db, logDir, { team: TEAM, device: source.deviceId })
    return { logDir, changes: count() }
  } finally {
    await source.close()
  }
}

function buildSmallSegments(): string {
  const logDir = path.join(root, 'small', 'log')
  if (scanLog(logDir).segments.length >= segmentCount) return logDir
  fs.rmSync(path.join(root, 'small'), { recursive: true, force: true })
  const devices = Array.from({ length: 10 }, (_, i) =>
    `00000000000000${String(i).padStart(2, '0')}`.slice(-16),
  )
  const perDevice = Math.ceil(segmentCount / devices.length)
  for (const device of devices) {
    for (let seq = 1; seq <= perDevice; seq++) {
      const hlc = `${String(1_700_000_000_000 + seq).padStart(15, '0')}-0000-${device}`
      publishSegment(logDir, { team: TEAM, device, firstSeq: seq, lastSeq: seq }, [
        encodeChange({
          tbl: 'customers',
          rowId: `0190${device.slice(-4)}-0000-7000-8000-${String(seq).padStart(12, '0')}`,
          col: 'notes',
          value: `note ${seq}`,
          hlc,
          prevHlc: null,
        }),
      ])
    }
  }
  return logDir
}

function emit(metric: string, extra: Record<string, unknown>) {
  console.log(JSON.stringify({ metric, ...extra }))
}

async function main() {
  fs.mkdirSync(root, { recursive: true })
  const built = path.join(root, 'built.json')
  let source: { logDir: string; changes: number }
  if (fs.existsSync(built)) source = JSON.parse(fs.readFileSync(built, 'utf8')) as typeof source
  else {
    source = await buildSource()
    fs.writeFileSync(built, JSON.stringify(source))
  }

  // Applying: each run a new, empty device reads the whole folder.
  const apply: number[] = []
  let last: ReturnType<typeof receive> | null = null
  for (let i = 0; i < runs; i++) {
    const dir = fs.mkdtempSync(path.join(root, 'target-'))
    const target = createServices(dir)
    try {
      const t0 = performance.now()
      last = receive(target.db, target.writer, source.logDir, target.deviceId)
      apply.push(performance.now() - t0)
    } finally {
      await target.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  const per100k = (ms: number) => Number(((ms * 100_000) / source.changes).toFixed(1))
  emit('sync_apply', {
    ...stats(apply),
    changes: source.changes,
    p50_ms_per_100k_changes: per100k(stats(apply).p50_ms),
    applied: last?.applied,
    segments: last?.segments,
    goal_p50_ms: 5000,
  })

  // Scanning: a device that has applied everything passes over 10k small segments.
  const small = buildSmallSegments()
  const dir = fs.mkdtempSync(path.join(root, 'scan-'))
  const scanner = createServices(dir)
  try {
    receive(scanner.db, scanner.writer, small, scanner.deviceId)
    const scan: number[] = []
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now()
      const report = receive(scanner.db, scanner.writer, small, scanner.deviceId)
      scan.push(performance.now() - t0)
      if (report.segments !== 0) throw new Error('the scan pass applied something')
    }
    emit('sync_scan', { ...stats(scan), segment_files: scanLog(small).segments.length, goal_ms: 2000 })
  } finally {
    await scanner.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }

  // Metadata against facts, in bytes of pages (dbstat), on the 100k-customer demo base.
  const file = path.resolve(values['facts-dir'], 'tradetier.db')
  if (fs.existsSync(file)) {
    // Migrated first (a no-op once done), so the layout measured is this version's.
    openDatabase(path.dirname(file)).db.close()
    const db = new Database(file, { readonly: true })
    try {
      // A table's pages and its indexes' pages.
      const pages = db
        .prepare(
          `SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (SELECT value FROM json_each(:names))
             OR name IN (SELECT name FROM sqlite_master WHERE type = 'index'
                         AND tbl_name IN (SELECT value FROM json_each(:names)))`,
        )
        .pluck()
      const size = (names: string[]) => pages.get({ names: JSON.stringify(names) }) as number
      // Everything kept for sync and its history: the outgoing log, the stamps, the teammates'
      // changes kept for the history.
      const metaBytes = size(['change_log', 'cell_stamps', 'row_stamps', 'stamp_shapes', 'received_changes'])
      const factBytes = size(Object.keys(SYNCED_TABLES))
      emit('sync_metadata', {
        metadata_mb: Number((metaBytes / 1e6).toFixed(1)),
        facts_mb: Number((factBytes / 1e6).toFixed(1)),
        ratio: Number((metaBytes / factBytes).toFixed(2)),
        customers: db.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get(),
        goal_ratio: 0.5,
      })
    } finally {
      db.close()
    }
  } else emit('sync_metadata', { skipped: `no demo base at ${file} (npm run bench:ui builds it)` })
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
