// Whatever bytes arrive, reading and converting a file never throws: it gives rows or problems,
// and each problem or issue points at a line of the file.
import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { readTable } from '../../electron/main/features/import/table'
import { convertRows } from '../../electron/main/features/import/convert'
import { detectMapping } from '../../electron/main/features/import/presets'
import { IMPORT_KINDS } from '../../shared/import'
import type { ImportKind } from '../../shared/import'

async function check(bytes: Uint8Array, name: string, kind: ImportKind) {
  const table = await readTable(bytes, name)
  expect(table.rows.length === table.lines.length).toBe(true)
  // Something to show: rows, or a reason there are none.
  expect(table.rows.length > 0 || table.problems.length > 0 || table.headers.length > 0).toBe(true)
  const { mapping } = detectMapping(kind, table.headers)
  const out = convertRows(kind, table, mapping, {})
  const lines = new Set(table.lines)
  // Every record is a row of the file, and a row with an issue gives no record.
  const refused = new Set(out.issues.map((i) => i.line))
  for (const r of out.records) {
    expect(lines.has(r.line)).toBe(true)
    expect(refused.has(r.line)).toBe(false)
  }
  // Every issue points at a row of the file; every problem at a line of it.
  for (const i of out.issues) expect(lines.has(i.line)).toBe(true)
  for (const p of table.problems) expect(p.line).toBeGreaterThanOrEqual(1)
  return out
}

const kinds = fc.constantFrom(...IMPORT_KINDS)
const cellText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    '"',
    '""',
    '";"',
    'a\r\nb',
    '1 200,00',
    '29/02/2024',
    '已付款',
    'Payée',
    'FR',
    '中国',
    '=1+1',
  ),
)

describe('import fuzz', () => {
  it('never throws on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), kinds, async (bytes, kind) => {
        await check(bytes, 'f.csv', kind)
      }),
      { numRuns: 150 },
    )
  })

  it('never throws on CSV-ish text with the headers of each kind', async () => {
    const headers = fc.constantFrom(
      'Customer,Date,Amount,Currency,Status,Kind,Summary',
      'Client;Date de commande;Montant;Devise;Statut',
      '客户名称,国家,订单日期,金额,币种,状态,类型,内容',
      'Company name,Country,Email,Website,First Name,Last Name,Date of Birth',
    )
    const seps = fc.constantFrom(',', ';', '\t')
    const rows = fc.array(fc.array(cellText, { maxLength: 8 }), { maxLength: 12 })
    await fc.assert(
      fc.asyncProperty(headers, seps, rows, kinds, async (header, sep, body, kind) => {
        const text = [header, ...body.map((r) => r.join(sep))].join(sep === '\t' ? '\n' : '\r\n')
        const out = await check(Buffer.from(text, 'utf8'), 'f.csv', kind)
        for (const i of out.issues) expect(typeof i.code).toBe('string')
      }),
      { numRuns: 200 },
    )
  })

  it('never throws on bytes named .xlsx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes])
        const t = await readTable(zip, 'f.xlsx')
        expect(t.problems.length + t.rows.length + t.headers.length).toBeGreaterThan(0)
      }),
      { numRuns: 40 },
    )
  })
})
