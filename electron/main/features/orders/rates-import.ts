// Exchange rates from a CSV file (P3): a finance export or a bank's table saved as CSV. Every row
// is checked first; one bad row refuses the whole file with its line and problem, so a half-read
// table never mixes with the team's rates.
import Papa from 'papaparse'
import type { Db } from '../../db/connection'
import type { OrderRepository } from './repository'
import { rateInputSchema } from '../../../../shared/tiering'
import { AppFailure } from '../../../../shared/errors'
import type { FieldIssue } from '../../../../shared/errors'
import { toIssueCode } from '../../../../shared/errors'

/** Header names a salesperson's file may use for each column (case and spaces ignored). */
const COLUMNS = {
  currency: ['currency', 'ccy', 'devise', '币种', '货币'],
  date: ['date', 'effective', 'from', '日期'],
  usdPerUnit: ['usd_per_unit', 'usdperunit', 'rate', 'usd', 'taux', '汇率'],
} as const

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

// A rate is written as plain decimal digits, with a point or a comma ("1.08", "1,08"); Number()
// alone would also take "0x10", "1e3" or "0b11", which no finance export means as a rate.
const PLAIN_DECIMAL = /^\d+(?:[.,]\d+)?$/

/** Line breaks as an editor counts them: CRLF, LF or a lone CR each end one line. */
const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0

/**
 * The file's non-blank records, each with the line it starts on. Papa's cursor marks where each
 * record ends, so blank lines and line breaks inside quoted cells count towards later lines.
 */
function records(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = []
  let start = 0
  let line = 1
  Papa.parse<string[]>(text, {
    step: ({ data, meta }) => {
      if (data.some((c) => c.trim() !== '')) out.push({ line, cells: data })
      line += lineBreaks(text.slice(start, meta.cursor))
      start = meta.cursor
    },
  })
  return out
}

/** Parses and checks the file, then writes every rate in one transaction; returns how many. */
export function importRates(db: Db, orders: OrderRepository, csv: string): number {
  const [header, ...rows] = records(csv.replace(/^\uFEFF/, ''))
  const headers = header?.cells.map(norm) ?? []
  const column = (names: readonly string[]) => {
    const i = headers.findIndex((h) => names.map(norm).includes(h))
    return i === -1 ? undefined : i
  }
  const cols = {
    currency: column(COLUMNS.currency),
    date: column(COLUMNS.date),
    usdPerUnit: column(COLUMNS.usdPerUnit),
  }
  const missing = (Object.keys(cols) as (keyof typeof cols)[]).filter((k) => cols[k] === undefined)
  if (missing.length > 0 || rows.length === 0) {
    throw new AppFailure(
      'validation',
      (missing.length > 0 ? missing : ['csv']).map((k) => ({ path: ['csv', k], code: 'required' })),
    )
  }
  const issues: FieldIssue[] = []
  // Currency and date → the first line that set it: a second row for the same day would silently
  // replace the first, so both lines are reported instead.
  const seen = new Map<string, number>()
  const reported = new Set<number>()
  const duplicate = (line: number) => {
    if (reported.has(line)) return
    reported.add(line)
    issues.push({ path: ['csv', line, 'date'], code: 'duplicate_rate' })
  }
  const rates = rows.map(({ line, cells }) => {
    const raw = cells[cols.usdPerUnit!]?.trim().replace(/\s/g, '') ?? ''
    // "1,08" (a French spreadsheet) and "1.08" both mean 1.08.
    const value = PLAIN_DECIMAL.test(raw) ? Number(raw.replace(',', '.')) : Number.NaN
    const result = rateInputSchema.safeParse({
      currency: cells[cols.currency!]?.trim().toUpperCase(),
      date: cells[cols.date!]?.trim(),
      usdPerUnit: raw === '' ? undefined : value,
    })
    if (!result.success) {
      for (const issue of result.error.issues)
        issues.push({
          path: ['csv', line, String(issue.path[0] ?? '')],
          code: toIssueCode(issue.code, issue.message),
        })
      return null
    }
    const key = `${result.data.currency}\u0000${result.data.date}`
    const first = seen.get(key)
    if (first === undefined) seen.set(key, line)
    else {
      duplicate(first)
      duplicate(line)
    }
    return { currency: result.data.currency, date: result.data.date, usdPerUnit: result.data.usdPerUnit }
  })
  if (issues.length > 0) {
    issues.sort((a, b) => (a.path[1] as number) - (b.path[1] as number))
    throw new AppFailure('validation', issues.slice(0, 50))
  }
  db.transaction(() => {
    for (const rate of rates) orders.setRate(rate!)
  }).immediate()
  return rates.length
}
