// A CSV or XLSX file as a table of cells: its header, its rows and the file line of each row, so
// every later message can say "line 12, column Pays". Nothing here knows what a column means;
// file-level troubles (an unbalanced quote, a row too wide, a cell too long, an unreadable
// workbook) become problems on their line instead of exceptions.
import Papa from 'papaparse'
import ExcelJS from 'exceljs'
import type { Encoding, ImportIssue, Separator } from '../../../../shared/import'
import { SEPARATORS } from '../../../../shared/import'
import { decodeText, detectEncoding } from './decode'

export type Cell = string | number | { date: string } | null
export type Table = {
  format: 'csv' | 'xlsx'
  encoding: Encoding | null
  separator: Separator | null
  sheets: string[]
  headers: string[]
  rows: Cell[][]
  /** The file line (1-based; the header is line 1) of each row. */
  lines: number[]
  problems: ImportIssue[]
}

export const MAX_COLUMNS = 200
export const MAX_CELL_CHARS = 100_000
/** How much of a refused value an issue repeats. */
const SHOWN_CHARS = 80

export const shorten = (s: string): string => (s.length > SHOWN_CHARS ? `${s.slice(0, SHOWN_CHARS)}…` : s)

export type ReadOptions = { encoding?: Encoding; separator?: Separator; sheet?: number }

export async function readTable(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): Promise<Table> {
  if (isZip(bytes) || /\.xlsx$/i.test(fileName)) return readXlsx(bytes, opts.sheet ?? 0)
  // The old binary .xls (an OLE compound file) is not read: Excel saves it again as .xlsx or CSV.
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    const table = emptyTable('xlsx')
    table.problems.push({ line: 1, column: null, code: 'unreadable_xlsx', value: null })
    return table
  }
  return readCsv(bytes, opts)
}

const isZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04

function emptyTable(format: Table['format']): Table {
  return {
    format,
    encoding: null,
    separator: null,
    sheets: [],
    headers: [],
    rows: [],
    lines: [],
    problems: [],
  }
}

// ---- CSV ----

/** The separator of the first line (outside quotes): the most frequent of `,` `;` tab. */
export function detectSeparator(text: string): Separator {
  const counts = new Map<Separator, number>(SEPARATORS.map((s) => [s, 0]))
  let quoted = false
  const end = Math.min(text.length, 64 * 1024)
  for (let i = 0; i < end; i++) {
    const ch = text[i]!
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      // The first line that has any separator decides; a title line with none is passed.
      if ([...counts.values()].some((n) => n > 0)) break
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts.set(ch, counts.get(ch)! + 1)
  }
  let best: Separator = ','
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s
  return best
}

function readCsv(bytes: Uint8Array, opts: ReadOptions): Table {
  const table = emptyTable('csv')
  const encoding = opts.encoding ?? detectEncoding(bytes)
  table.encoding = encoding
  let text: string
  try {
    text = decodeText(bytes, encoding)
  } catch {
    table.problems.push({ line: 1, column: null, code: 'unreadable_file', value: null })
    return table
  }
  const separator = opts.separator ?? detectSeparator(text)
  table.separator = separator
  if (text.trim() === '') {
    table.problems.push({ line: 1, column: null, code: 'empty_file', value: null })
    return table
  }
  // Lines are counted on '\n', or on '\r' for the old Mac files that have no '\n' at all.
  const nl = text.includes('\n') ? '\n' : '\r'
  let counted = 0
  let line = 1
  let rowStart = 0
  let headerSeen = false
  const newlineCode = nl === '\n' ? 10 : 13
  Papa.parse<string[]>(text, {
    delimiter: separator,
    newline: text.includes('\r\n') ? '\r\n' : nl === '\n' ? '\n' : '\r',
    skipEmptyLines: false,
    step: (result) => {
      // This row began where the previous one ended; its line is the newlines before that.
      for (let i = counted; i < rowStart; i++) if (text.charCodeAt(i) === newlineCode) line++
      counted = rowStart
      const rowLine = line
      rowStart = result.meta.cursor
      for (const e of result.errors)
        if (e.type === 'Quotes')
          table.problems.push({ line: rowLine, column: null, code: 'unbalanced_quote', value: null })
      const cells = result.data
      if (!Array.isArray(cells) || isBlank(cells)) return
      if (!headerSeen) {
        headerSeen = true
        table.headers = headerNames(cells, table.problems, rowLine)
        return
      }
      const row: Cell[] = new Array<Cell>(Math.min(cells.length, MAX_COLUMNS))
      for (let i = 0; i < row.length; i++) {
        const c = cells[i]!
        row[i] = c === '' ? null : c
      }
      pushRow(table, row, rowLine, cells.length)
    },
  })
  if (!headerSeen) table.problems.push({ line: 1, column: null, code: 'no_header', value: null })
  dedupeProblems(table)
  return table
}

/** The header texts, trimmed; a header wider than the cap is cut and reported. */
function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false
  return true
}

function headerNames(cells: readonly unknown[], problems: ImportIssue[], line: number): string[] {
  if (cells.length > MAX_COLUMNS)
    problems.push({ line, column: null, code: 'too_many_columns', value: String(cells.length) })
  return cells.slice(0, MAX_COLUMNS).map((c) => {
    const s = typeof c === 'string' ? c : typeof c === 'number' ? String(c) : ''
    return (s.length > 200 ? s.slice(0, 200) : s).replace(/^\uFEFF/, '').trim()
  })
}

/** Adds a row, refusing (as problems on its line) too many columns and too long cells. */
function pushRow(table: Table, row: Cell[], line: number, width: number) {
  if (width > MAX_COLUMNS)
    table.problems.push({ line, column: null, code: 'too_many_columns', value: String(width) })
  for (let i = 0; i < row.length; i++) {
    const c = row[i]
    if (typeof c === 'string' && c.length > MAX_CELL_CHARS) {
      table.problems.push({
        line,
        column: table.headers[i] ?? null,
        code: 'cell_too_long',
        value: shorten(c),
      })
      row[i] = null
    }
  }
  table.rows.push(row)
  table.lines.push(line)
}

function dedupeProblems(table: Table) {
  const seen = new Set<string>()
  table.problems = table.problems.filter((p) => {
    const key = `${p.line}\u0000${p.column}\u0000${p.code}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  table.problems.sort((a, b) => a.line - b.line)
}

// ---- XLSX ----

async function readXlsx(bytes: Uint8Array, sheetIndex: number): Promise<Table> {
  const table = emptyTable('xlsx')
  const wb = new ExcelJS.Workbook()
  try {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)
    await wb.xlsx.load(buf as unknown as ArrayBuffer)
  } catch {
    table.problems.push({ line: 1, column: null, code: 'unreadable_xlsx', value: null })
    return table
  }
  table.sheets = wb.worksheets.map((w) => w.name)
  const ws = wb.worksheets[sheetIndex] ?? wb.worksheets[0]
  if (!ws) {
    table.problems.push({ line: 1, column: null, code: 'empty_file', value: null })
    return table
  }
  let headerSeen = false
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[]
    // exceljs rows are 1-based: values[0] is always empty.
    const width = Math.max(0, values.length - 1)
    const cells: Cell[] = new Array<Cell>(Math.min(width, MAX_COLUMNS))
    let any = false
    for (let i = 0; i < cells.length; i++) {
      const c = xlsxCell(values[i + 1])
      cells[i] = c
      if (c !== null && !(typeof c === 'string' && c.trim() === '')) any = true
    }
    if (!any) return
    if (!headerSeen) {
      headerSeen = true
      table.headers = headerNames(
        values.slice(1).map((v) => {
          const c = xlsxCell(v)
          return c === null ? '' : typeof c === 'object' ? c.date : String(c)
        }),
        table.problems,
        rowNumber,
      )
      return
    }
    pushRow(table, cells, rowNumber, width)
  })
  if (!headerSeen) table.problems.push({ line: 1, column: null, code: 'empty_file', value: null })
  dedupeProblems(table)
  return table
}

const isoDay = (d: Date): string | null => (Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10))

/** A cell's value as the table keeps it: plain text of rich text and links, a formula's result. */
function xlsxCell(v: unknown): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v === '' ? null : v
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (v instanceof Date) {
    const d = isoDay(v)
    return d ? { date: d } : null
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if (Array.isArray(o.richText))
      return (
        (o.richText as { text?: unknown }[])
          .map((r) => (typeof r.text === 'string' ? r.text : ''))
          .join('') || null
      )
    // A formula is never evaluated here: its cached result is what Excel showed.
    if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? xlsxCell(o.result) : null
    if ('error' in o) return null
    if (typeof o.text === 'string') return o.text === '' ? null : o.text
    if (o.text && typeof o.text === 'object') return xlsxCell(o.text)
  }
  return null
}
