// Benchmark of the import, exports and backup (issue 11 §6). Not a test: prints JSON lines.
//
//   npm run bench:import -- [--customers 100000] [--contacts-per 3] [--orders 1000000] [--xlsx-rows 100000]
//                           [--only customers,orders,xlsx,export,backup] [--dir .tmp/bench-import]
//
// Each import runs the app's own code (parse, convert, match, the sync write path with its
// derived work) in one transaction, in process. Beside the customers import, the same rows go
// into bare tables with a plain better-sqlite3 prepared INSERT in one transaction: the physical
// floor, so `ratio` says how much the write path (stamps, change log, search index, tiers) costs
// over storing the bytes. Generated files are kept in --dir and reused by later runs.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { runImport } from '../../electron/main/features/import/apply'
import { saveImportFile } from '../../electron/main/features/import/files'
import { importOptionsSchema } from '../../shared/import'
import type { ImportOptions } from '../../shared/import'
import { createRng } from '../../electron/main/core/demo-data'

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    'contacts-per': { type: 'string', default: '3' },
    orders: { type: 'string', default: '1000000' },
    'xlsx-rows': { type: 'string', default: '100000' },
    only: { type: 'string', default: 'customers,orders,xlsx,export,backup' },
    dir: { type: 'string', default: '.tmp/bench-import' },
  },
})
const nCustomers = Number(values.customers)
const contactsPer = Number(values['contacts-per'])
const nOrders = Number(values.orders)
const xlsxRows = Number(values['xlsx-rows'])
const only = new Set(values.only.split(','))
const dir = path.resolve(values.dir)
fs.mkdirSync(dir, { recursive: true })

const rng = createRng(11)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!
const COUNTRIES = [
  'China',
  'France',
  'Germany',
  'United States',
  'United Arab Emirates',
  'Brazil',
  'India',
  'Japan',
]
const CITIES = ['Ningbo', 'Lyon', 'Hamburg', 'Chicago', 'Dubai', 'São Paulo', 'Mumbai', 'Osaka']
const OWNERS = ['Li Wei', 'Marie Curie', 'Tom Smith', 'Wang Fang', '']

function emit(metric: string, ms: number, extra: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ metric, ms: Math.round(ms), ...extra }))
}

/** Customers with `contactsPer` rows each (one contact per row), as a UTF-8 CSV. */
function customersCsv(file: string): string[][] {
  const rows: string[][] = []
  for (let i = 0; i < nCustomers; i++) {
    const c = i % COUNTRIES.length
    for (let k = 0; k < contactsPer; k++) {
      rows.push([
        `A-${i}`,
        `Company ${i} Trading`,
        COUNTRIES[c]!,
        CITIES[c]!,
        OWNERS[i % OWNERS.length]!,
        i % 7 === 0 ? 'VIP;Canton Fair 2025' : '',
        `Contact ${i}-${k}`,
        `c${i}-${k}@company${i}.com`,
        `+33 1 ${String(10_000_000 + i * 3 + k).slice(-8)}`,
      ])
    }
  }
  if (!fs.existsSync(file)) {
    const header = [
      'Account ID',
      'Account Name',
      'Country',
      'City',
      'Owner',
      'Tags',
      'Contact',
      'Email',
      'Phone',
    ]
    fs.writeFileSync(file, Papa.unparse({ fields: header, data: rows }))
  }
  return rows
}

const CUSTOMER_MAPPING = {
  externalId: 0,
  displayName: 1,
  country: 2,
  city: 3,
  owner: 4,
  tags: 5,
  contactName: 6,
  contactEmail: 7,
  contactPhone: 8,
}

function ordersCsv(file: string) {
  if (fs.existsSync(file)) return
  const out = fs.openSync(file, 'w')
  fs.writeSync(out, 'Account ID,Order date,Amount,Currency,Status,Reference\n')
  const statuses = ['paid', 'shipped', 'confirmed', 'quoted', 'cancelled']
  const start = Date.parse('2025-01-01')
  let chunk = ''
  for (let i = 0; i < nOrders; i++) {
    const day = new Date(start + Math.floor(rng() * 700) * 86_400_000).toISOString().slice(0, 10)
    chunk += `A-${Math.floor(rng() * nCustomers)},${day},${(1000 + rng() * 90_000).toFixed(2)},USD,${pick(statuses)},PO-${i}\n`
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk)
      chunk = ''
    }
  }
  fs.writeSync(out, chunk)
  fs.closeSync(out)
}

async function customersXlsx(file: string) {
  if (fs.existsSync(file)) return
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file })
  const ws = wb.addWorksheet('Customers')
  ws.addRow(['Account ID', 'Account Name', 'Country', 'City', 'Owner', 'Created']).commit()
  for (let i = 0; i < xlsxRows; i++) {
    const c = i % COUNTRIES.length
    ws.addRow([
      `X-${i}`,
      `Sheet Company ${i}`,
      COUNTRIES[c],
      CITIES[c],
      OWNERS[i % OWNERS.length],
      new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
    ]).commit()
  }
  await wb.commit()
}

async function timedImport(s: Services, dataDir: string, file: string, options: ImportOptions) {
  const fileId = saveImportFile(dataDir, path.basename(file), fs.readFileSync(file))
  const t0 = performance.now()
  const result = await runImport(s, dataDir, fileId, importOptionsSchema.parse(options))
  return { ms: performance.now() - t0, result }
}

/** The floor: the same customer and contact rows into bare tables, one transaction, prepared INSERTs. */
function floor(rows: string[][]): number {
  const file = path.join(dir, 'floor.db')
  fs.rmSync(file, { force: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(
    'CREATE TABLE customers (id TEXT PRIMARY KEY, external_id TEXT, name TEXT, country TEXT, city TEXT, owner TEXT, tags TEXT);' +
      'CREATE TABLE contacts (id TEXT PRIMARY KEY, customer_id TEXT, name TEXT, email TEXT, phone TEXT)',
  )
  const t0 = performance.now()
  const insC = db.prepare('INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?)')
  const insK = db.prepare('INSERT INTO contacts VALUES (?, ?, ?, ?, ?)')
  db.transaction(() => {
    let last = ''
    rows.forEach((r, i) => {
      if (r[0] !== last) {
        insC.run(r[0], r[0], r[1], r[2], r[3], r[4], r[5])
        last = r[0]!
      }
      insK.run(`k${i}`, r[0], r[6], r[7], r[8])
    })
  })()
  const ms = performance.now() - t0
  db.close()
  return ms
}

const dataDir = path.join(dir, 'data')
fs.rmSync(dataDir, { recursive: true, force: true })
const s = createServices(dataDir)
try {
  const customersFile = path.join(dir, `customers-${nCustomers}x${contactsPer}.csv`)
  const rows = customersCsv(customersFile)
  if (only.has('customers')) {
    const floorMs = floor(rows)
    const { ms, result } = await timedImport(s, dataDir, customersFile, {
      kind: 'customers',
      mapping: CUSTOMER_MAPPING,
    })
    emit('import_customers_csv', ms, {
      customers: result.created,
      contacts: s.db.prepare('SELECT count(*) FROM contacts').pluck().get(),
      rows: result.rows,
      floor_ms: Math.round(floorMs),
      ratio: Number((ms / floorMs).toFixed(2)),
      goal_ms: 10_000,
    })
  }
  if (only.has('orders')) {
    const ordersFile = path.join(dir, `orders-${nOrders}.csv`)
    ordersCsv(ordersFile)
    const { ms, result } = await timedImport(s, dataDir, ordersFile, {
      kind: 'orders',
      mapping: { customerExternalId: 0, date: 1, amount: 2, currency: 3, status: 4, reference: 5 },
      skipInvalid: true,
    })
    emit('import_orders_csv', ms, {
      orders: result.created,
      refused: result.refused,
      tier_moves: result.tierMoves,
      goal_ms: 30_000,
    })
  }
  // Exports and the backup first, on the 100k-customer database the goals name; the XLSX import
  // then adds its own 100k.
  if (only.has('export')) {
    for (const format of ['xlsx', 'csv'] as const) {
      const t0 = performance.now()
      const res = await s.call('groups:export', { selection: { kind: 'all' }, format, language: 'en' })
      const ms = performance.now() - t0
      if (!res.ok) throw new Error(JSON.stringify(res.error))
      emit(`export_customers_${format}`, ms, {
        rows: (res.data as { rows: number }).rows,
        goal_ms: format === 'xlsx' ? 10_000 : 3_000,
      })
    }
  }
  if (only.has('backup')) {
    const channel = 'backups:create'
    const t0 = performance.now()
    const res = await s.call(channel, {})
    if (res.ok) emit('backup', performance.now() - t0, { customers: s.customers.count(), goal_ms: 10_000 })
    else
      console.log(
        JSON.stringify({ metric: 'backup', skipped: `the ${channel} channel answered ${res.error.code}` }),
      )
  }
  if (only.has('xlsx')) {
    const xlsxFile = path.join(dir, `customers-${xlsxRows}.xlsx`)
    await customersXlsx(xlsxFile)
    const { ms, result } = await timedImport(s, dataDir, xlsxFile, {
      kind: 'customers',
      mapping: { externalId: 0, displayName: 1, country: 2, city: 3, owner: 4 },
    })
    emit('import_customers_xlsx', ms, { rows: result.rows, created: result.created, goal_ms: 20_000 })
  }
} finally {
  await s.close()
}
