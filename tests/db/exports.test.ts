// Exports on real SQLite, through the channels: the customer list as shown (filters, search text,
// sort, chosen columns), the orders and interactions of a list or a group, in CSV and XLSX,
// read back with papaparse and exceljs.
import { describe, it, expect, afterEach } from 'vitest'
import Papa from 'papaparse'
import ExcelJS from 'exceljs'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { caller, data, tempDir } from '../helpers/tmp'
import { translations } from '../../shared/i18n/resources'
import type { ExportFile } from '../../shared/exports'

function label(lang: 'en' | 'fr' | 'zh', key: string): string {
  let node: unknown = translations[lang]
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part]
  if (typeof node !== 'string') throw new Error(`no ${lang} string ${key}`)
  return node
}

let s: Services
afterEach(() => s?.close())
const call = caller(() => s)
const EVIL = '=HYPERLINK("http://evil","x")'

async function seed() {
  s = createServices(tempDir(), { now: () => new Date('2026-11-25T12:00:00Z') })
  data(await call('rates:set', { currency: 'EUR', date: '2024-01-01', usdPerUnit: 1.1 }))
  const mk = async (displayName: string, country: string, owner: string, city: string) =>
    data(await call('customers:create', { customer: { displayName, country, owner, city } })).id
  const ids = {
    huaqiang: await mk('深圳华强电子有限公司', 'CN', 'Li', 'Shenzhen'),
    lumiere: await mk('Lumière SARL', 'FR', 'Anne', 'Lyon'),
    evil: await mk(EVIL, 'FR', 'Anne', '+cmd|/C calc!A0'),
    atlas: await mk('Atlas Imports', 'US', 'Li', 'Boston'),
  }
  data(
    await call('orders:create', {
      customerId: ids.lumiere,
      order: {
        date: '2026-09-15',
        amount: 1234.5,
        currency: 'EUR',
        status: 'shipped',
        reference: '@SUM(A1)',
      },
    }),
  )
  data(
    await call('orders:create', {
      customerId: ids.huaqiang,
      order: { date: '2026-10-01', amount: 250_000, currency: 'USD', status: 'paid' },
    }),
  )
  data(
    await call('orders:create', {
      customerId: ids.atlas,
      order: { date: '2026-10-02', amount: 99, currency: 'USD', status: 'quoted' },
    }),
  )
  data(
    await call('interactions:log', {
      customerId: ids.lumiere,
      interaction: {
        kind: 'call',
        date: '2026-11-20',
        summary: EVIL,
        outcome: 'Interested',
        nextStep: 'Send samples',
      },
    }),
  )
  return ids
}

const csvOf = (file: ExportFile) => Buffer.from(file.base64, 'base64').toString('utf8')

async function sheetOf(file: ExportFile): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
  return book.worksheets[0]!
}

describe('customer list export', () => {
  it('exports exactly the filtered, searched and sorted rows with the chosen columns, in CSV and XLSX', async () => {
    await seed()
    // France only, sorted by city descending, with two columns chosen.
    const query = { countries: ['FR'], sort: 'city' as const, direction: 'desc' as const }
    const columns = ['customerName', 'city', 'updatedAt'] as const
    const shown = data(await call('customers:list', { ...query, limit: 100 }))
    const csv = data(
      await call('customers:export', { query, columns: [...columns], format: 'csv', language: 'en' }),
    )
    expect(csv.fileName).toMatch(/^tradetier-customers-2026-11-25\.csv$/)
    const text = csvOf(csv)
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const rows = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ',' }).data
    expect(rows[0]).toEqual([
      label('en', 'fields.customerName'),
      label('en', 'fields.city'),
      label('en', 'fields.updatedAt'),
    ])
    // The list's own order; formula-looking text neutralised.
    const guard = (v: string) => (/^[=+@]/.test(v) ? `'${v}` : v)
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual(
      shown.rows.map((r) => [guard(r.displayName), guard(r.city ?? '')]),
    )
    expect(rows.slice(1).map((r) => r[0])).toContain(`'${EVIL}`)
    expect(rows.slice(1).every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[2]!))).toBe(true)

    const xlsx = data(
      await call('customers:export', { query, columns: [...columns], format: 'xlsx', language: 'en' }),
    )
    const sheet = await sheetOf(xlsx)
    expect(sheet.rowCount).toBe(shown.rows.length + 1)
    expect(sheet.getRow(1).font?.bold).toBe(true)
    expect(sheet.getRow(2).getCell(1).value).toBe(shown.rows[0]!.displayName)
    // Formula-looking text is a plain string cell, never a formula.
    const names = [2, 3].map((i) => sheet.getRow(i).getCell(1))
    const evilCell = names.find((c) => c.value === EVIL)!
    expect(evilCell.type).toBe(ExcelJS.ValueType.String)
    expect(sheet.getRow(2).getCell(3).value).toBeInstanceOf(Date)
    expect(sheet.getRow(2).getCell(3).numFmt).toBe('mm/dd/yyyy')
  })

  it('exports the search box hits and only the ticked rows when given; refuses a ticked row outside the list', async () => {
    const ids = await seed()
    const hits = data(
      await call('customers:export', { query: { q: 'Lumière' }, columns: ['customerName'], format: 'csv' }),
    )
    expect(Papa.parse<string[]>(csvOf(hits).slice(1).trim()).data.slice(1)).toEqual([['Lumière SARL']])
    const ticked = data(
      await call('customers:export', {
        query: {},
        columns: ['customerName', 'country'],
        customerIds: [ids.atlas],
        format: 'csv',
      }),
    )
    expect(ticked.rows).toBe(1)
    const outside = await call('customers:export', {
      query: { countries: ['FR'] },
      columns: ['customerName'],
      customerIds: [ids.atlas],
      format: 'csv',
    })
    expect(outside.ok).toBe(false)
    if (!outside.ok) expect(outside.error.code).toBe('not_in_selection')
    const noColumns = await call('customers:export', { query: {}, columns: [], format: 'csv' })
    expect(noColumns.ok).toBe(false)
  })

  it('writes French CSV with ; and the headers and names in French', async () => {
    await seed()
    const csv = data(
      await call('customers:export', {
        query: { sort: 'name' },
        columns: ['customerName', 'country', 'tier'],
        format: 'csv',
        language: 'fr',
      }),
    )
    const text = csvOf(csv)
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const rows = Papa.parse<string[]>(text.slice(1).trim(), { delimiter: ';' }).data
    expect(rows[0]).toEqual([
      label('fr', 'fields.customerName'),
      label('fr', 'fields.country'),
      label('fr', 'fields.tier'),
    ])
    expect(rows.find((r) => r[0] === 'Lumière SARL')![1]).toBe('France')
  })
})

describe('orders and interactions export', () => {
  it('writes one row per order with typed amounts, dates and the status in words', async () => {
    const ids = await seed()
    const xlsx = data(
      await call('exports:activity', {
        scope: { kind: 'selection', selection: { kind: 'all' } },
        what: 'orders',
        format: 'xlsx',
        language: 'en',
      }),
    )
    expect(xlsx.rows).toBe(3)
    const sheet = await sheetOf(xlsx)
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual([
      label('en', 'fields.customerName'),
      label('en', 'fields.country'),
      label('en', 'fields.date'),
      label('en', 'fields.amount'),
      label('en', 'fields.currency'),
      label('en', 'exports.usdRate'),
      label('en', 'exports.usdAmount'),
      label('en', 'fields.status'),
      label('en', 'fields.returned'),
      label('en', 'fields.reference'),
      label('en', 'fields.productCategories'),
    ])
    const byName = new Map<string, unknown[]>()
    sheet.eachRow((row, n) => {
      if (n > 1) byName.set(row.getCell(1).text, (row.values as unknown[]).slice(1))
    })
    const lumiere = byName.get('Lumière SARL')!
    expect(lumiere[2]).toEqual(new Date('2026-09-15T00:00:00Z'))
    expect(lumiere[3]).toBe(1234.5)
    expect(lumiere[5]).toBe(1.1)
    expect(lumiere[6]).toBe(1357.95)
    expect(lumiere[7]).toBe(label('en', 'enum.orderStatus.shipped'))
    expect(lumiere[9]).toBe('@SUM(A1)')

    // The ticked customers of the list only; French CSV with decimal commas and a guarded reference.
    const csv = data(
      await call('exports:activity', {
        scope: { kind: 'list', query: { countries: ['FR'] }, customerIds: [ids.lumiere] },
        what: 'orders',
        format: 'csv',
        language: 'fr',
      }),
    )
    const rows = Papa.parse<string[]>(csvOf(csv).slice(1).trim(), { delimiter: ';' }).data
    expect(rows).toHaveLength(2)
    expect(rows[1]![3]).toBe('1234,5')
    expect(rows[1]![7]).toBe(label('fr', 'enum.orderStatus.shipped'))
    expect(rows[1]![9]).toBe("'@SUM(A1)")
  })

  it('writes one row per interaction of a group, its kind in words', async () => {
    const ids = await seed()
    const group = data(await call('groups:save', { group: { kind: 'static', name: 'Clients FR' } }))
    data(await call('groups:addMembers', { groupId: group.id, customerIds: [ids.lumiere, ids.evil] }))
    const csv = data(
      await call('exports:activity', {
        scope: { kind: 'selection', selection: { kind: 'group', id: group.id } },
        what: 'interactions',
        format: 'csv',
        language: 'zh',
      }),
    )
    expect(csv.fileName).toMatch(/^tradetier-clients-fr-interactions-2026-11-25\.csv$/)
    const rows = Papa.parse<string[]>(csvOf(csv).slice(1).trim()).data
    expect(rows[0]![2]).toBe(label('zh', 'fields.kind'))
    expect(rows.slice(1)).toEqual([
      [
        'Lumière SARL',
        '2026-11-20',
        label('zh', 'enum.interaction.call'),
        `'${EVIL}`,
        'Interested',
        'Send samples',
      ],
    ])
    const xlsx = data(
      await call('exports:activity', {
        scope: { kind: 'selection', selection: { kind: 'group', id: group.id } },
        what: 'interactions',
        format: 'xlsx',
        language: 'zh',
      }),
    )
    const cell = (await sheetOf(xlsx)).getRow(2).getCell(4)
    expect(cell.value).toBe(EVIL)
    expect(cell.type).toBe(ExcelJS.ValueType.String)
  })
})
