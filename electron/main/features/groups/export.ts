// A group's members as a file (G4): CSV for any tool, XLSX for Excel users. Built in main and
// handed to the window as bytes, so the same code serves Electron and the harness.
import Papa from 'papaparse'
import type { ExportRow, GroupRepository } from './repository'
import type { Selection } from '../../../../shared/groups'
import { localToday } from '../../../../shared/dates'

/** The columns, in order; English headers keep the file readable by any importer. */
const COLUMNS: {
  header: string
  key: string
  width: number
  value: (r: ExportRow) => string | number | null
}[] = [
  { header: 'Name', key: 'name', width: 32, value: (r) => r.displayName },
  { header: 'Original name', key: 'original', width: 24, value: (r) => r.originalName },
  { header: 'Country', key: 'country', width: 9, value: (r) => r.country },
  { header: 'City', key: 'city', width: 16, value: (r) => r.city },
  { header: 'Industry', key: 'industry', width: 18, value: (r) => r.industry },
  { header: 'Business type', key: 'businessType', width: 14, value: (r) => r.businessType },
  { header: 'Owner', key: 'owner', width: 14, value: (r) => r.owner },
  { header: 'Tier', key: 'tier', width: 10, value: (r) => r.tier },
  { header: 'Segment', key: 'segment', width: 10, value: (r) => r.segment },
  { header: 'Stage', key: 'stage', width: 10, value: (r) => r.stage },
  {
    header: 'Revenue 12 months (USD)',
    key: 'revenue',
    width: 18,
    value: (r) => Math.round(r.revenueUsd * 100) / 100,
  },
  { header: 'Orders 12 months', key: 'orders', width: 10, value: (r) => r.orderCount },
  { header: 'Last order', key: 'lastOrder', width: 12, value: (r) => r.lastOrder },
  { header: 'Primary contact', key: 'contact', width: 20, value: (r) => r.primaryContact },
  { header: 'Email', key: 'email', width: 28, value: (r) => r.primaryEmail },
  { header: 'Phone', key: 'phone', width: 18, value: (r) => r.primaryPhone },
]

// A sign followed by a plain number ("-500", "-12,5") or by a phone number ("+8613800574321",
// "+33 1 23 45 67 89") is data a spreadsheet reads as a number at worst: no function, reference or
// DDE call can hide in digits and phone punctuation, so such cells keep their exact text.
const SIGNED_NUMBER = /^[+-]\d+(?:[.,]\d+)?$/
const PHONE = /^\+\d[\d ().-]*$/

/**
 * Whether a spreadsheet opening a CSV would run this text as a formula (CSV injection): it starts
 * with = @ tab or carriage return, or with + or - not followed by a plain number or a phone number.
 */
export function runsAsFormula(value: string): boolean {
  if (/^[=@\t\r]/.test(value)) return true
  if (!/^[+-]/.test(value)) return false
  return !SIGNED_NUMBER.test(value) && !PHONE.test(value)
}

/**
 * A CSV cell that would run as a formula gets a leading apostrophe, so a customer name like
 * "=HYPERLINK(…)" stays text. Only for CSV: XLSX cells are typed strings, which Excel never runs,
 * so there the text is written exactly.
 */
export function neutralise(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value
  return runsAsFormula(value) ? `'${value}` : value
}

/** A safe ASCII file-name part: "Key Asia 重点" → "key-asia"; nothing left → "customers". */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return slug || 'customers'
}

export async function exportSelection(
  groups: GroupRepository,
  selection: Selection,
  format: 'csv' | 'xlsx',
  name = 'customers',
  today: string = localToday(),
): Promise<{ fileName: string; mimeType: string; base64: string; rows: number }> {
  const rows = groups.exportRows(selection)
  const title = selection.kind === 'group' ? groups.get(selection.id).name : name
  const base = `tradetier-${fileSlug(title)}-${today}`
  if (format === 'csv') {
    const csv = Papa.unparse({
      fields: COLUMNS.map((c) => c.header),
      data: rows.map((r) => COLUMNS.map((c) => neutralise(c.value(r)))),
    })
    // The BOM makes Excel read the file as UTF-8, so Chinese and Arabic names survive.
    return {
      fileName: `${base}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      base64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64'),
      rows: rows.length,
    }
  }
  // Loaded on the first XLSX export: the library is large and start-up should not wait for it.
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  book.creator = 'TradeTier'
  const sheet = book.addWorksheet('Customers', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }))
  for (const r of rows) sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(r)])))
  sheet.getRow(1).font = { bold: true }
  sheet.getColumn('revenue').numFmt = '#,##0.00'
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } }
  const buffer = await book.xlsx.writeBuffer()
  return {
    fileName: `${base}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buffer).toString('base64'),
    rows: rows.length,
  }
}
