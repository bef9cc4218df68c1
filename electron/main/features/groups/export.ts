// A group's members as a file (G4): CSV for any tool, XLSX for Excel users. Built in main and
// handed to the window as bytes, so the same code serves Electron and the harness.
import Papa from 'papaparse'
import type { ExportRow, GroupRepository } from './repository'
import type { Selection } from '../../../../shared/groups'
import type { UiLanguage } from '../../../../shared/vocabulary'
import { localToday } from '../../../../shared/dates'
import { exportLabels } from './export-labels'
import type { ExportLabels } from './export-labels'

/** A cell as written: text, a number (amounts, counts) or a calendar date (a YYYY-MM-DD day). */
type Cell = string | number | { day: string } | null

/**
 * The columns, in order, each with the locale key of its header (the screen's own label) and how
 * its value reads in the user's language: codes as names, countries by name.
 */
const COLUMNS: {
  header: string
  key: string
  width: number
  /** Excel number format for numbers and dates in this column. */
  numFmt?: 'amount' | 'count' | 'date'
  value: (r: ExportRow, l: ExportLabels) => Cell
}[] = [
  { header: 'fields.customerName', key: 'name', width: 32, value: (r) => r.displayName },
  { header: 'fields.originalName', key: 'original', width: 24, value: (r) => r.originalName },
  { header: 'fields.country', key: 'country', width: 16, value: (r, l) => l.country(r.country) },
  { header: 'fields.city', key: 'city', width: 16, value: (r) => r.city },
  {
    header: 'fields.industry',
    key: 'industry',
    width: 18,
    // A listed industry is stored as a code; free text has no entry and stays as typed.
    value: (r, l) => l.code('industry', r.industry),
  },
  {
    header: 'fields.businessType',
    key: 'businessType',
    width: 16,
    value: (r, l) => l.code('businessType', r.businessType),
  },
  { header: 'fields.source', key: 'source', width: 16, value: (r, l) => l.code('source', r.source) },
  { header: 'fields.owner', key: 'owner', width: 14, value: (r) => r.owner },
  { header: 'fields.tier', key: 'tier', width: 16, value: (r, l) => l.code('tier', r.tier) },
  {
    header: 'groups.fields.segment',
    key: 'segment',
    width: 16,
    value: (r, l) => l.code('segment', r.segment),
  },
  { header: 'groups.fields.stage', key: 'stage', width: 14, value: (r, l) => l.code('stage', r.stage) },
  {
    header: 'groups.fields.revenue_usd',
    key: 'revenue',
    width: 20,
    numFmt: 'amount',
    value: (r) => Math.round(r.revenueUsd * 100) / 100,
  },
  {
    header: 'groups.fields.order_count',
    key: 'orders',
    width: 12,
    numFmt: 'count',
    value: (r) => r.orderCount,
  },
  {
    header: 'groups.lastOrder',
    key: 'lastOrder',
    width: 14,
    numFmt: 'date',
    value: (r) => (r.lastOrder ? { day: r.lastOrder.slice(0, 10) } : null),
  },
  { header: 'fields.primaryContact', key: 'contact', width: 20, value: (r) => r.primaryContact },
  { header: 'fields.email', key: 'email', width: 28, value: (r) => r.primaryEmail },
  { header: 'fields.phone', key: 'phone', width: 18, value: (r) => r.primaryPhone },
]

/** Excel formats: amounts with grouping and cents, and dates the way each language writes them. */
const NUM_FMT = {
  amount: () => '#,##0.00',
  count: () => '0',
  date: (language: UiLanguage) =>
    language === 'zh' ? 'yyyy/mm/dd' : language === 'fr' ? 'dd/mm/yyyy' : 'mm/dd/yyyy',
} as const

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

/** What to export: a selection, or exactly its ticked customers, in a UI language. */
export type ExportRequest = {
  selection: Selection
  /** The ticked customers; null exports the whole selection. */
  customerIds: readonly string[] | null
  format: 'csv' | 'xlsx'
  language: UiLanguage
}

export async function exportSelection(
  groups: GroupRepository,
  { selection, customerIds, format, language }: ExportRequest,
  name = 'customers',
  today: string = localToday(),
): Promise<{ fileName: string; mimeType: string; base64: string; rows: number }> {
  const rows = groups.exportRows(selection, customerIds)
  const labels = exportLabels(language)
  const headers = COLUMNS.map((c) => labels.t(c.header))
  const title = selection.kind === 'group' ? groups.get(selection.id).name : name
  const base = `tradetier-${fileSlug(title)}-${today}`
  if (format === 'csv') {
    // A spreadsheet set to French reads "1234,5" as a number and splits a CSV at semicolons (its
    // list separator, the comma being the decimal mark): a comma-separated file with decimal
    // points opens as one column of text there.
    const decimalComma = language === 'fr'
    const csv = Papa.unparse(
      {
        fields: headers,
        // A CSV has no cell types: a date is its ISO day, which every spreadsheet reads as a date.
        data: rows.map((r) =>
          COLUMNS.map((c) => {
            const v = c.value(r, labels)
            if (typeof v === 'number' && decimalComma) return String(v).replace('.', ',')
            return neutralise(typeof v === 'object' && v !== null ? v.day : v)
          }),
        ),
      },
      { delimiter: decimalComma ? ';' : ',' },
    )
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
  // A sheet name may not hold []:*?/\ and is at most 31 characters.
  const sheetName = labels
    .t('nav.customers')
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = COLUMNS.map((c, i) => ({ header: headers[i], key: c.key, width: c.width }))
  for (const r of rows)
    sheet.addRow(
      Object.fromEntries(
        COLUMNS.map((c) => {
          const v = c.value(r, labels)
          // A day as a real date (midnight UTC, which Excel shows as that day, whatever the zone).
          return [c.key, typeof v === 'object' && v !== null ? new Date(`${v.day}T00:00:00Z`) : v]
        }),
      ),
    )
  sheet.getRow(1).font = { bold: true }
  for (const c of COLUMNS) if (c.numFmt) sheet.getColumn(c.key).numFmt = NUM_FMT[c.numFmt](language)
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } }
  const buffer = await book.xlsx.writeBuffer()
  return {
    fileName: `${base}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buffer).toString('base64'),
    rows: rows.length,
  }
}
