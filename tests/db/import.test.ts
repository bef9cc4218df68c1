// The import on real SQLite (D1): files in, matched to the base, written through the sync write
// path in one transaction. Refused, failed, cancelled and dry runs leave the database exactly as it
// was; an accepted one is whole, synced (change_log) and re-tiers the customers it touched.
import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { tempServices, caller, data } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'
import { runImport } from '../../electron/main/features/import/apply'
import { previewImport } from '../../electron/main/features/import/plan'
import { saveImportFile } from '../../electron/main/features/import/files'
import {
  BUSY_TIMEOUT_DURING_IMPORT_MS,
  BUSY_TIMEOUT_MS,
  startIdleCheckpoints,
} from '../../electron/main/db/connection'
import { importOptionsSchema } from '../../shared/import'
import type { ImportOptions, ImportPreview, ImportResult } from '../../shared/import'
import type { AppFailure } from '../../shared/errors'
import { STREAM } from '../helpers/stream'

let s: (Services & { dir: string }) | undefined
afterEach(async () => {
  await s?.close()
  s = undefined
})
const call = caller(() => s!)

function open() {
  s = tempServices({ now: () => new Date('2026-11-25T12:00:00Z') })
  return s
}

/** Stores a file the way import:open does and returns its id. */
function file(text: string, name = 'book.csv'): string {
  return saveImportFile(s!.dir, name, Buffer.from(text, 'utf8'))
}

const opts = (o: ImportOptions) => importOptionsSchema.parse(o)

/** Every synced row count, to prove a run wrote nothing. */
function counts() {
  const one = (t: string) => s!.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number
  return {
    customers: one('customers'),
    contacts: one('contacts'),
    tags: one('customer_tags'),
    orders: one('orders'),
    interactions: one('interactions'),
    rates: one('exchange_rates'),
    log: one(STREAM),
  }
}

async function refusal(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p
  } catch (err) {
    return err as AppFailure
  }
  throw new Error('expected the import to be refused')
}

/** An import the user cancels once its first batch is written: its refusal. */
function cancelledImport(
  svc: Services & { dir: string },
  fileId: string,
  options: ReturnType<typeof opts>,
): Promise<AppFailure> {
  const signal = { cancelled: false }
  const cancel = () => {
    signal.cancelled = true
  }
  return refusal(runImport(svc, svc.dir, fileId, options, cancel, signal))
}

const CUSTOMERS = [
  'Account ID,Account Name,Country,City,Owner,Tags,Contact,Email,Phone',
  'Z-1,Haiyun Trading,China,Ningbo,li wei,VIP;Canton Fair 2025,Wang Fang,wang@haiyun.cn,+86 574 8888 1234',
  'Z-2,Rivage SAS,France,Lyon,Marie Curie,,Jean Dupont,jean@rivage.fr,+33 4 72 00 00 00',
  // A second row of the same account adds its contact.
  'Z-2,Rivage SAS,France,Lyon,Marie Curie,,Claire Martin,claire@rivage.fr,',
  'Z-3,Thames Ltd,United Kingdom,London,,,Tom Smith,tom@thames.co.uk,',
].join('\n')
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

describe('customers with their contacts', () => {
  it('imports customers, groups the rows of one account, matches owners and splits tags', async () => {
    const svc = open()
    // An existing owner spelled differently: the import uses the base's spelling.
    data(
      await call('customers:create', { customer: { displayName: 'Old Co', country: 'CN', owner: 'Li Wei' } }),
    )
    const id = file(CUSTOMERS)
    const preview = await previewImport(
      svc,
      svc.dir,
      id,
      opts({ kind: 'customers', mapping: CUSTOMER_MAPPING }),
    )
    expect(preview.rows).toBe(4)
    expect(preview.valid).toBe(4)
    expect(preview.issues).toEqual([])
    expect(preview.stored[0]!.values).toMatchObject({
      displayName: 'Haiyun Trading',
      country: 'CN',
      owner: 'Li Wei',
    })
    const before = counts()
    const result = await runImport(svc, svc.dir, id, opts({ kind: 'customers', mapping: CUSTOMER_MAPPING }))
    expect(result).toMatchObject({ rows: 4, created: 3, updated: 0, skipped: 0, refused: 0 })
    const after = counts()
    expect(after.customers - before.customers).toBe(3)
    expect(after.contacts - before.contacts).toBe(4)
    const rivage = svc.db
      .prepare("SELECT id, external_id FROM customers WHERE display_name = 'Rivage SAS'")
      .get() as {
      id: string
      external_id: string
    }
    expect(rivage.external_id).toBe('Z-2')
    expect(
      svc.customers
        .get(rivage.id)
        .contacts.map((c) => c.name)
        .sort(),
    ).toEqual(['Claire Martin', 'Jean Dupont'])
    const haiyun = svc.db
      .prepare("SELECT id FROM customers WHERE display_name = 'Haiyun Trading'")
      .pluck()
      .get() as string
    expect(svc.customers.values(haiyun)).toMatchObject({ owner: 'Li Wei', tags: ['Canton Fair 2025', 'VIP'] })
    // Imported rows sync like typed ones: every row is in the stream.
    expect(after.log).toBeGreaterThan(before.log)
    // They are searchable at once (the derived search index followed the write).
    expect(
      data(await call('customers:search', { query: 'haiyun' })).hits.map((h) => h.displayName),
    ).toContain('Haiyun Trading')
  })

  it('refuses the whole file for one bad row, and imports the valid rows only when asked', async () => {
    const svc = open()
    const bad = `${CUSTOMERS}\nZ-4,Bad Country Co,Atlantis,,,,,not-an-email,`
    const id = file(bad)
    const preview = await previewImport(
      svc,
      svc.dir,
      id,
      opts({ kind: 'customers', mapping: CUSTOMER_MAPPING }),
    )
    expect(preview.valid).toBe(4)
    const lines = preview.issues.map((i) => [i.line, i.column, i.code])
    expect(lines).toContainEqual([6, 'Country', 'invalid_country'])
    expect(lines).toContainEqual([6, 'Email', 'invalid_email'])
    const before = counts()
    const err = await refusal(
      runImport(svc, svc.dir, id, opts({ kind: 'customers', mapping: CUSTOMER_MAPPING })),
    )
    expect(err.code).toBe('import_refused')
    expect(counts()).toEqual(before)
    const result = await runImport(
      svc,
      svc.dir,
      id,
      opts({ kind: 'customers', mapping: CUSTOMER_MAPPING, skipInvalid: true }),
    )
    expect(result).toMatchObject({ created: 3, refused: 1 })
    expect(result.errors.some((e) => e.line === 6)).toBe(true)
  })

  it('offers skip, fill empty fields, overwrite or import as new for an existing customer', async () => {
    const svc = open()
    const existing = data(
      await call('customers:create', {
        customer: { displayName: 'Haiyun Trading', country: 'CN', city: 'Shanghai' },
        contacts: [{ name: 'Wang Fang', emails: ['wang@haiyun.cn'] }],
      }),
    ).id
    const id = file(CUSTOMERS)
    const base = { kind: 'customers', mapping: CUSTOMER_MAPPING } as const
    const preview = await previewImport(svc, svc.dir, id, opts(base))
    expect(preview.duplicates).toContainEqual(
      expect.objectContaining({ line: 2, customerId: existing, existingName: 'Haiyun Trading' }),
    )
    // skip (the default): the existing customer stays as it was.
    const dry = await runImport(svc, svc.dir, id, opts(base), undefined, undefined, true)
    expect(dry).toMatchObject({ created: 2, skipped: 1 })
    // fill_empty keeps Shanghai and adds the tags; overwrite on that row takes Ningbo.
    const fill = await runImport(
      svc,
      svc.dir,
      id,
      opts({ ...base, duplicates: 'fill_empty' }),
      undefined,
      undefined,
      true,
    )
    expect(fill).toMatchObject({ created: 2, updated: 1 })
    await runImport(svc, svc.dir, id, opts({ ...base, rowChoices: { '2': 'overwrite' } }))
    expect(svc.customers.values(existing)).toMatchObject({
      city: 'Ningbo',
      tags: ['Canton Fair 2025', 'VIP'],
    })
    // The contact with the same email is not added twice.
    expect(svc.customers.get(existing).contacts).toHaveLength(1)
    // A second import of the same file finds every account by its external id.
    const again = await runImport(svc, svc.dir, file(CUSTOMERS), opts(base))
    expect(again).toMatchObject({ created: 0, skipped: 4 })
  })

  it('a dry run reports what an import would do and writes nothing', async () => {
    const svc = open()
    const before = counts()
    const result = await runImport(
      svc,
      svc.dir,
      file(CUSTOMERS),
      opts({ kind: 'customers', mapping: CUSTOMER_MAPPING }),
      undefined,
      undefined,
      true,
    )
    expect(result.created).toBe(3)
    expect(counts()).toEqual(before)
  })
})

const ORDER_MAPPING = {
  customerExternalId: 0,
  customerName: 1,
  date: 2,
  amount: 3,
  currency: 4,
  status: 5,
  reference: 6,
}

async function seedCustomers(svc: Services) {
  await runImport(
    svc,
    (svc as Services & { dir: string }).dir,
    file(CUSTOMERS),
    opts({ kind: 'customers', mapping: CUSTOMER_MAPPING }),
  )
  const idOf = (name: string) =>
    svc.db.prepare('SELECT id FROM customers WHERE display_name = ?').pluck().get(name) as string
  return { haiyun: idOf('Haiyun Trading'), rivage: idOf('Rivage SAS'), thames: idOf('Thames Ltd') }
}

describe('orders', () => {
  it('finds each customer by external id or name, re-tiers them and counts the moves', async () => {
    const svc = open()
    const ids = await seedCustomers(svc)
    const orders = [
      'Account ID,Customer,Date,Amount,Currency,Status,Reference',
      'Z-1,,2026-10-01,6000000,USD,paid,PO-1',
      ',rivage sas,2026-09-15,1200000,USD,shipped,PO-2',
      ',Thames Ltd,2026-08-01,150000,USD,quoted,PO-3',
    ].join('\n')
    const result = await runImport(
      svc,
      svc.dir,
      file(orders),
      opts({ kind: 'orders', mapping: ORDER_MAPPING }),
    )
    expect(result).toMatchObject({ rows: 3, created: 3, refused: 0 })
    // Haiyun became Key, Rivage Mid; Thames's quote is not revenue.
    expect(svc.tiers.state(ids.haiyun).tier).toBe('key')
    expect(svc.tiers.state(ids.rivage).tier).toBe('mid')
    expect(svc.tiers.state(ids.thames).tier).toBe('ordinary')
    expect(result.tierMoves).toBe(2)
    // The same book again: every order is found by its reference and skipped.
    const again = await runImport(
      svc,
      svc.dir,
      file(orders),
      opts({ kind: 'orders', mapping: ORDER_MAPPING }),
    )
    expect(again).toMatchObject({ created: 0, skipped: 3 })
  })

  it('never uses a silent 1.0: a currency without a rate is listed by month until a rate is given', async () => {
    const svc = open()
    await seedCustomers(svc)
    const orders = [
      'Account ID,Customer,Date,Amount,Currency,Status,Reference',
      'Z-1,,2026-10-01,100000,EUR,paid,A',
      'Z-1,,2026-10-20,50000,EUR,paid,B',
      'Z-2,,2026-09-02,70000,GBP,paid,C',
    ].join('\n')
    const id = file(orders)
    const preview: ImportPreview = await previewImport(
      svc,
      svc.dir,
      id,
      opts({ kind: 'orders', mapping: ORDER_MAPPING }),
    )
    expect(preview.missingRates).toEqual([
      { currency: 'EUR', month: '2026-10', orders: 2 },
      { currency: 'GBP', month: '2026-09', orders: 1 },
    ])
    const before = counts()
    expect(
      (await refusal(runImport(svc, svc.dir, id, opts({ kind: 'orders', mapping: ORDER_MAPPING })))).code,
    ).toBe('import_refused')
    expect(counts()).toEqual(before)
    const result: ImportResult = await runImport(
      svc,
      svc.dir,
      id,
      opts({
        kind: 'orders',
        mapping: ORDER_MAPPING,
        monthlyRates: [
          { currency: 'EUR', month: '2026-10', usdPerUnit: 1.08 },
          { currency: 'GBP', month: '2026-09', usdPerUnit: 1.27 },
        ],
      }),
    )
    expect(result.created).toBe(3)
    const rates = svc.db.prepare('SELECT reference, usd_rate FROM orders ORDER BY reference').all()
    expect(rates).toEqual([
      { reference: 'A', usd_rate: 1.08 },
      { reference: 'B', usd_rate: 1.08 },
      { reference: 'C', usd_rate: 1.27 },
    ])
  })

  it('refuses an order whose customer is not found, naming the line and column', async () => {
    const svc = open()
    await seedCustomers(svc)
    const id = file(
      [
        'Account ID,Customer,Date,Amount,Currency,Status,Reference',
        ',Nobody Inc,2026-10-01,10,USD,paid,X',
      ].join('\n'),
    )
    const preview = await previewImport(svc, svc.dir, id, opts({ kind: 'orders', mapping: ORDER_MAPPING }))
    expect(preview.issues).toContainEqual(
      expect.objectContaining({ line: 2, column: 'Customer', code: 'customer_not_found' }),
    )
  })

  it('a cancelled import changes nothing', async () => {
    const svc = open()
    await seedCustomers(svc)
    const lines = ['Account ID,Customer,Date,Amount,Currency,Status,Reference']
    for (let i = 0; i < 1200; i++) lines.push(`Z-${1 + (i % 3)},,2026-10-01,${1000 + i},USD,paid,R${i}`)
    const before = counts()
    // The user presses Cancel once the first batch is written.
    const err = await cancelledImport(
      svc,
      file(lines.join('\n')),
      opts({ kind: 'orders', mapping: ORDER_MAPPING }),
    )
    expect(err.code).toBe('import_cancelled')
    expect(counts()).toEqual(before)
  })
})

describe('in the app process (the command line)', () => {
  it('the idle checkpoint timer waits while an import holds its transaction between batches', async () => {
    const svc = open()
    await seedCustomers(svc)
    const stop = startIdleCheckpoints(svc.db, () => false, 1)
    const errors: unknown[] = []
    const onError = (err: unknown) => errors.push(err)
    process.on('uncaughtException', onError)
    try {
      const lines = ['Account ID,Customer,Date,Amount,Currency,Status,Reference']
      for (let i = 0; i < 3000; i++) lines.push(`Z-${1 + (i % 3)},,2026-10-01,${1000 + i},USD,paid,R${i}`)
      let batches = 0
      const result = await runImport(
        svc,
        svc.dir,
        file(lines.join('\n')),
        opts({ kind: 'orders', mapping: ORDER_MAPPING }),
        // Long enough between batches for the 1 ms timer to fire inside the transaction.
        () => {
          batches++
          const until = Date.now() + 3
          while (Date.now() < until);
        },
      )
      expect(batches).toBeGreaterThan(2)
      expect(result.created).toBe(3000)
    } finally {
      stop()
      process.off('uncaughtException', onError)
    }
    expect(errors).toEqual([])
  })
})

describe('through the IPC channels and the worker', () => {
  it('opens a file, previews, imports with progress, and refuses a file that is gone', async () => {
    open()
    const opened = data(
      await call('import:open', {
        name: 'book.csv',
        base64: Buffer.from(CUSTOMERS, 'utf8').toString('base64'),
      }),
    )
    const preview = data(
      await call('import:preview', { fileId: opened.fileId, options: { kind: 'customers' } }),
    )
    expect(preview.headers[1]).toBe('Account Name')
    const result = data(
      await call('import:run', {
        fileId: opened.fileId,
        options: { kind: 'customers', mapping: CUSTOMER_MAPPING },
      }),
    )
    expect(result.created).toBe(3)
    const gone = await call('import:preview', { fileId: 'a'.repeat(24), options: { kind: 'customers' } })
    expect(gone.ok).toBe(false)
    if (!gone.ok) expect(gone.error.code).toBe('import_file_gone')
    data(
      await call('import:savePreset', { name: 'Zoho export', kind: 'customers', mapping: CUSTOMER_MAPPING }),
    )
    expect(data(await call('import:presets', {})).presets).toEqual([
      { name: 'Zoho export', kind: 'customers', mapping: CUSTOMER_MAPPING },
    ])
  })
})

describe('a save in the window while an import is written', () => {
  it('fails at once with busy_import (the import holds the lock), and goes through after it', async () => {
    let firstBatch: () => void = () => undefined
    const inTransaction = new Promise<void>((resolve) => (firstBatch = resolve))
    s = tempServices({
      now: () => new Date('2026-11-25T12:00:00Z'),
      emit: (channel, payload) => {
        // Progress is posted between batches, inside the import's single transaction.
        if (channel === 'job:progress' && (payload as { job: string }).job === 'import') firstBatch()
      },
    })
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `X-${i},Busy Trading ${i},China,Ningbo,,,Contact ${i},c${i}@busy${i}.cn,`,
    )
    const fileId = file([CUSTOMERS.split('\n')[0], ...rows].join('\n'))
    let settled = false
    const running = call('import:run', {
      fileId,
      options: { kind: 'customers', mapping: CUSTOMER_MAPPING },
    }).finally(() => (settled = true))
    await inTransaction
    const save = () =>
      call('customers:create', {
        customer: { displayName: 'Saved meanwhile', country: 'FR' },
        contacts: [],
        allowDuplicates: true,
      })
    // The window's connection waits for the lock only briefly while the import holds it, so the
    // IPC loop never stands still for the whole busy timeout.
    expect(s.db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_DURING_IMPORT_MS)
    const during = await save()
    // Answered while the import was still running, not after it: the loop did not wait it out.
    expect(settled).toBe(false)
    expect(during.ok).toBe(false)
    if (!during.ok) expect(during.error.code).toBe('busy_import')
    expect(data(await running).created).toBe(3000)
    expect(s.db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS)
    expect(data(await save()).id).toBeTruthy()
    expect(counts().customers).toBe(3001)
  })
})

describe('any bytes at all', () => {
  it('never crash the import and never half-import: it is whole, or refused with nothing written', async () => {
    const svc = open()
    await seedCustomers(svc)
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc
            .array(
              fc.array(
                fc.oneof(fc.string(), fc.constantFrom('"', ';', ',', '\n', 'China', '2026-10-01', '12,5')),
                { maxLength: 6 },
              ),
              {
                maxLength: 8,
              },
            )
            .map((rows) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'))),
        ),
        fc.constantFrom('customers' as const, 'orders' as const),
        async (bytes, kind) => {
          const id = saveImportFile(svc.dir, 'fuzz.csv', bytes)
          const before = counts()
          try {
            const result = await runImport(svc, svc.dir, id, opts({ kind, duplicates: 'create' }))
            // Whole: each created row is there.
            const after = counts()
            expect(
              kind === 'customers' ? after.customers - before.customers : after.orders - before.orders,
            ).toBe(result.created)
          } catch (err) {
            const code = (err as AppFailure).code
            expect(['import_refused', 'import_empty_file']).toContain(code)
            expect(counts()).toEqual(before)
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('a large import (bulk: indexes built once at the end, db/bulk.ts)', () => {
  const schema = () =>
    s!.db
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")
      .all()
  /** 1,200 accounts with two contacts each: 3,600 new rows, enough to defer the indexes. */
  const bigFile = () => {
    const lines = [CUSTOMERS.split('\n')[0]]
    for (let i = 0; i < 1200; i++)
      for (const k of [0, 1])
        lines.push(
          `B-${i},Bulk ${i} Trading,${i % 2 ? 'France' : 'China'},Lyon,Marie Curie,${i % 5 ? '' : 'VIP'},Contact ${i}-${k},c${i}-${k}@bulk${i}.com,`,
        )
    return file(lines.join('\n'))
  }

  it('writes every row and its derived work, and leaves every index and trigger as it was', async () => {
    const svc = open()
    const before = schema()
    const beforeCounts = counts()
    const result = await runImport(
      svc,
      svc.dir,
      bigFile(),
      opts({ kind: 'customers', mapping: CUSTOMER_MAPPING }),
    )
    expect(result).toMatchObject({ rows: 2400, created: 1200, refused: 0 })
    expect(schema()).toEqual(before)
    expect(svc.db.pragma('integrity_check', { simple: true })).toBe('ok')
    const after = counts()
    expect(after.customers - beforeCounts.customers).toBe(1200)
    expect(after.contacts - beforeCounts.contacts).toBe(2400)
    expect(after.tags - beforeCounts.tags).toBe(240)
    // Every new row is in the stream: 1,200 customers, 2,400 contacts, 240 tags.
    expect(after.log - beforeCounts.log).toBe(3840)
    const one = (sql: string) => svc.db.prepare(sql).pluck().get() as number
    expect(one('SELECT count(*) FROM customer_tiers')).toBe(after.customers)
    expect(one('SELECT count(*) FROM search_docs')).toBe(after.customers)
    // The list's country filter reads the rebuilt index, and finds them all.
    expect(
      one(
        "SELECT count(*) FROM customers INDEXED BY customers_live_country WHERE deleted_at IS NULL AND country = 'FR'",
      ),
    ).toBe(600)
    // A contact's email and a name are found by the search.
    const find = async (query: string) =>
      data(await call('customers:search', { query })).hits.map((h) => h.displayName)
    expect(await find('c777-1@bulk777.com')).toContain('Bulk 777 Trading')
    expect(await find('Bulk 1199')).toContain('Bulk 1199 Trading')
  })

  it('a cancelled one changes nothing, its dropped indexes included', async () => {
    const svc = open()
    const before = schema()
    const beforeCounts = counts()
    const err = await cancelledImport(svc, bigFile(), opts({ kind: 'customers', mapping: CUSTOMER_MAPPING }))
    expect(err.code).toBe('import_cancelled')
    expect(counts()).toEqual(beforeCounts)
    expect(schema()).toEqual(before)
  })
})
