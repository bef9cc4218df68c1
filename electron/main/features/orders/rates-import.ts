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

/** Parses and checks the file, then writes every rate in one transaction; returns how many. */
export function importRates(db: Db, orders: OrderRepository, csv: string): number {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: norm,
  })
  const headers = parsed.meta.fields ?? []
  const column = (names: readonly string[]) => headers.find((h) => names.map(norm).includes(h))
  const cols = {
    currency: column(COLUMNS.currency),
    date: column(COLUMNS.date),
    usdPerUnit: column(COLUMNS.usdPerUnit),
  }
  const missing = (Object.keys(cols) as (keyof typeof cols)[]).filter((k) => !cols[k])
  if (missing.length > 0 || parsed.data.length === 0) {
    throw new AppFailure(
      'validation',
      (missing.length > 0 ? missing : ['csv']).map((k) => ({ path: ['csv', k], code: 'required' })),
    )
  }
  const issues: FieldIssue[] = []
  const rates = parsed.data.map((row, i) => {
    const line = i + 2 // the header is line 1
    const raw = row[cols.usdPerUnit!]?.trim().replace(/\s/g, '') ?? ''
    // "1,08" (a French spreadsheet) and "1.08" both mean 1.08.
    const value = Number(/^\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw)
    const result = rateInputSchema.safeParse({
      currency: row[cols.currency!]?.trim().toUpperCase(),
      date: row[cols.date!]?.trim(),
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
    return { currency: result.data.currency, date: result.data.date, usdPerUnit: result.data.usdPerUnit }
  })
  if (issues.length > 0) throw new AppFailure('validation', issues.slice(0, 50))
  db.transaction(() => {
    for (const rate of rates) orders.setRate(rate!)
  })()
  return rates.length
}
