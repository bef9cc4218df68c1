// The rows of a table as the values the app stores, per kind, each refused cell reported with its
// file line and the file's own header text. A row with any refused cell gives no record, so the
// import is all or nothing per row. Text that looks like a formula or SQL is only ever text here:
// nothing is evaluated, and exports neutralise it later. Built for order books of a million
// lines: per column work (decimal mark, date order) is done once, rows are plain loops.
import type { DateOrder, ImportIssue, ImportKind, Mapping } from '../../../../shared/import'
import type { ContactValues, CustomerValues, SIZE_BANDS } from '../../../../shared/domain'
import { contactInputSchema, customerInputSchema, CURRENCIES } from '../../../../shared/domain'
import type { InteractionValues, OrderStatus, OrderValues } from '../../../../shared/tiering'
import { toIssueCode } from '../../../../shared/errors'
import type { Cell, Table } from './table'
import { shorten } from './table'
import type { DecimalMark } from './values'
import {
  cellString,
  decideDateOrder,
  decideDecimal,
  parseChoice,
  parseCountry,
  parseDate,
  parseIndustry,
  parseInteractionKind,
  parseNumber,
  parseStatus,
  splitList,
} from './values'

export type CustomerRef = { externalId: string | null; name: string | null }
export type CustomerImportRecord = {
  kind: 'customers'
  line: number
  externalId: string | null
  customer: CustomerValues
  contact: ContactValues | null
}
export type OrderImportRecord = {
  kind: 'orders'
  line: number
  customerRef: CustomerRef
  order: OrderValues
  /** USD per unit from the file (its rate column, or its USD amount ÷ amount); null when it has none. */
  usdRate: number | null
}
export type InteractionImportRecord = {
  kind: 'interactions'
  line: number
  customerRef: CustomerRef
  interaction: InteractionValues
  /** The contact the file names, for the importer to find among the customer's contacts. */
  contactName: string | null
}
export type ImportRecord = CustomerImportRecord | OrderImportRecord | InteractionImportRecord

export type Converted = {
  records: ImportRecord[]
  issues: ImportIssue[]
  dateOrder: DateOrder | null
  dateOrderAmbiguous: boolean
}

export type ConvertOptions = { dateOrder?: DateOrder | null }

/** What a row conversion reads: the row's cells by field, and where to report. */
class RowContext {
  row: Cell[] = []
  line = 0
  failed = false
  /** Fields of this row already reported, so a schema check does not report them twice. */
  reported = new Set<string>()
  constructor(
    readonly mapping: Mapping,
    readonly headers: readonly string[],
    readonly issues: ImportIssue[],
  ) {}
  cell(field: string): Cell | undefined {
    const col = this.mapping[field]
    return col === undefined ? undefined : this.row[col]
  }
  text(field: string): string | null {
    return cellString(this.cell(field))
  }
  header(field: string): string | null {
    const col = this.mapping[field]
    return col === undefined ? null : (this.headers[col] ?? null)
  }
  bad(field: string | null, code: string, cell?: Cell): void {
    this.failed = true
    if (field !== null) {
      if (this.reported.has(field)) return
      this.reported.add(field)
    }
    const shown = cell === undefined || cell === null ? null : shorten(cellString(cell) ?? '')
    this.issues.push({ line: this.line, column: field ? this.header(field) : null, code, value: shown })
  }
  /** A required field's cell is empty (or its column is not mapped). */
  missing(field: string): void {
    this.failed = true
    if (this.reported.has(field)) return
    this.reported.add(field)
    const column = this.header(field)
    this.issues.push({ line: this.line, column, code: 'required', value: column ? null : field })
  }
}

const columnCells = (table: Table, mapping: Mapping, field: string): Cell[] => {
  const col = mapping[field]
  if (col === undefined) return []
  const out = new Array<Cell>(table.rows.length)
  for (let i = 0; i < table.rows.length; i++) out[i] = table.rows[i]![col] ?? null
  return out
}

export function convertRows(
  kind: ImportKind,
  table: Table,
  mapping: Mapping,
  opts: ConvertOptions = {},
): Converted {
  const issues: ImportIssue[] = []
  const records: ImportRecord[] = []
  const ctx = new RowContext(mapping, table.headers, issues)
  // Rows the table already refused (too wide, a cell too long, swallowed by an open quote).
  const problemLines = new Set(table.problems.map((p) => p.line))
  const detected = decideDateOrder(
    columnCells(table, mapping, kind === 'customers' ? 'contactBirthday' : 'date'),
  )
  const dateOrder = opts.dateOrder ?? detected.order
  const dateOrderAmbiguous = opts.dateOrder ? false : detected.ambiguous
  const convert =
    kind === 'customers'
      ? customerConverter(ctx, dateOrder)
      : kind === 'orders'
        ? orderConverter(ctx, table, mapping, dateOrder)
        : interactionConverter(ctx, dateOrder)
  for (let i = 0; i < table.rows.length; i++) {
    const line = table.lines[i]!
    if (problemLines.has(line)) continue
    ctx.row = table.rows[i]!
    ctx.line = line
    ctx.failed = false
    if (ctx.reported.size > 0) ctx.reported.clear()
    const rec = convert()
    if (rec && !ctx.failed) records.push(rec)
  }
  return { records, issues, dateOrder, dateOrderAmbiguous }
}

// ---- shared pieces ----

function customerRef(ctx: RowContext): CustomerRef | null {
  const externalId = ctx.text('customerExternalId')
  const name = ctx.text('customerName')
  if (!externalId && !name) {
    ctx.failed = true
    ctx.issues.push({
      line: ctx.line,
      column: ctx.header('customerName') ?? ctx.header('customerExternalId'),
      code: 'missing_customer_ref',
      value: null,
    })
    return null
  }
  return { externalId, name }
}

function dateField(
  ctx: RowContext,
  field: string,
  order: DateOrder | null,
  required: boolean,
): string | null {
  const cell = ctx.cell(field)
  const d = parseDate(cell, order)
  if (d === 'invalid') {
    ctx.bad(field, 'invalid_date', cell)
    return null
  }
  if (d === null && required) ctx.missing(field)
  return d
}

// ---- customers ----

const CUSTOMER_TEXT = ['displayName', 'originalName', 'latinName', 'city', 'address', 'website'] as const
const CHOICE_FIELDS = ['businessType', 'sizeBand', 'source', 'preferredLanguage', 'currency'] as const

/** Where a schema path of a customer or contact lands in the file's fields. */
function contactField(path: readonly PropertyKey[], ctx: RowContext): string {
  const key = String(path[0])
  switch (key) {
    case 'name':
      return ctx.header('contactName') !== null ? 'contactName' : 'contactLastName'
    case 'title':
      return 'contactTitle'
    case 'emails':
      return 'contactEmail'
    case 'phones':
      return ctx.header('contactPhone') !== null ? 'contactPhone' : 'contactMobile'
    case 'language':
      return 'contactLanguage'
    case 'birthdayMonth':
    case 'birthdayDay':
    case 'birthdayYear':
      return 'contactBirthday'
    default:
      return key
  }
}

const BIRTHDAY_SHORT = /^(\d{1,2})[/.-](\d{1,2})$/
const BIRTHDAY_CJK = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/

/** A birthday: a full date, or day and month alone ("15/03", "3月15日"). */
function birthday(
  ctx: RowContext,
  order: DateOrder | null,
): { month: number; day: number; year: number | null } | null {
  const cell = ctx.cell('contactBirthday')
  const s = cellString(cell)
  if (s === null) return null
  const short = BIRTHDAY_SHORT.exec(s) ?? BIRTHDAY_CJK.exec(s)
  if (short) {
    const cjk = BIRTHDAY_CJK.test(s)
    const a = Number(short[1])
    const b = Number(short[2])
    const [month, day] = cjk || order === 'mdy' ? [a, b] : [b, a]
    // A leap year, so 29/02 is a birthday.
    if (month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2024, month, 0)).getUTCDate())
      return { month, day, year: null }
    ctx.bad('contactBirthday', 'invalid_date', cell)
    return null
  }
  const d = parseDate(cell, order)
  if (d === null || d === 'invalid') {
    ctx.bad('contactBirthday', 'invalid_date', cell)
    return null
  }
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) }
}

function customerConverter(ctx: RowContext, dateOrder: DateOrder | null): () => CustomerImportRecord | null {
  // CRM exports give a row per contact, repeating the account's cells: the same values are checked
  // once (zod took 10 µs a row, a third of converting 300k rows).
  let last: { key: string; parsed: ReturnType<typeof customerInputSchema.safeParse> } | null = null
  return () => {
    const input: Record<string, unknown> = {}
    let detail: string | null = null
    for (const f of CUSTOMER_TEXT) input[f] = ctx.text(f)
    if (!input.displayName) ctx.missing('displayName')
    const countryCell = ctx.cell('country')
    const countryText = cellString(countryCell)
    if (countryText === null) ctx.missing('country')
    else {
      const code = parseCountry(countryText)
      if (code === 'invalid') ctx.bad('country', 'invalid_country', countryCell)
      else input.country = code
    }
    for (const f of CHOICE_FIELDS) {
      const cell = ctx.cell(f)
      const t = cellString(cell)
      if (t === null) continue
      const v = f === 'sizeBand' && typeof cell === 'number' ? sizeBandOf(cell) : parseChoice(f, t)
      if (v !== 'invalid') input[f] = v
      else if (f === 'source') {
        // CRMs let each team name its lead sources ("Trade Show", "Webinar"): kept as the detail.
        input.source = 'other'
        if (!ctx.text('sourceDetail')) detail = t
      } else ctx.bad(f, 'invalid_choice', cell)
    }
    const industry = ctx.text('industry')
    input.industry = industry === null ? null : parseIndustry(industry)
    for (const f of ['sourceDetail', 'owner', 'notes'] as const) input[f] = ctx.text(f)
    if (detail) input.sourceDetail = detail
    const tags = ctx.text('tags')
    input.tags = tags ? splitList(tags) : []
    const cats = ctx.text('productCategories')
    input.productCategories = cats ? splitList(cats) : []
    // Every refused cell of the row is reported, not only the first.
    const key = JSON.stringify(input)
    if (last?.key !== key) last = { key, parsed: customerInputSchema.safeParse(input) }
    const { parsed } = last
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? '')
        ctx.bad(field, toIssueCode(i.code, i.message), ctx.cell(field))
      }
    }
    const contact = contactOf(ctx, (input.displayName as string | null) ?? '', dateOrder)
    if (ctx.failed || !parsed.success) return null
    return {
      kind: 'customers',
      line: ctx.line,
      externalId: ctx.text('externalId'),
      customer: parsed.data,
      contact,
    }
  }
}

/** A head count (Zoho's and Salesforce's "Employees") as the size band it falls in. */
function sizeBandOf(n: number): (typeof SIZE_BANDS)[number] | 'invalid' {
  if (!Number.isFinite(n) || n < 1) return 'invalid'
  return n < 10 ? 'micro' : n < 50 ? 'small' : n < 250 ? 'medium' : n < 1000 ? 'large' : 'enterprise'
}

function contactOf(ctx: RowContext, companyName: string, order: DateOrder | null): ContactValues | null {
  const first = ctx.text('contactFirstName')
  const last = ctx.text('contactLastName')
  const name = ctx.text('contactName') ?? ([first, last].filter(Boolean).join(' ') || null)
  const title = ctx.text('contactTitle')
  const emails = splitList(ctx.text('contactEmail') ?? '')
  const phones = [...splitList(ctx.text('contactPhone') ?? ''), ...splitList(ctx.text('contactMobile') ?? '')]
  const languageText = ctx.text('contactLanguage')
  const bday = birthday(ctx, order)
  if (!name && !title && emails.length === 0 && phones.length === 0 && !bday) return null
  let language: string | null = null
  if (languageText) {
    const l = parseChoice('preferredLanguage', languageText)
    if (l === 'invalid') ctx.bad('contactLanguage', 'invalid_choice', ctx.cell('contactLanguage'))
    else language = l
  }
  const parsed = contactInputSchema.safeParse({
    // A company's switchboard or shared inbox has no person's name: it is the company's own line.
    name: name ?? (companyName || '-'),
    title,
    emails,
    phones: [...new Set(phones)],
    language,
    birthdayMonth: bday?.month ?? null,
    birthdayDay: bday?.day ?? null,
    birthdayYear: bday?.year ?? null,
    isPrimary: true,
  })
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const field = contactField(i.path, ctx)
      ctx.bad(field, toIssueCode(i.code, i.message), ctx.cell(field))
    }
    return null
  }
  return parsed.data
}

// ---- orders ----

const CURRENCY_SET: ReadonlySet<string> = new Set(CURRENCIES)
const SYMBOL = /[^\d\s.,'’()+\-\u00a0\u202f]+/

/**
 * Orders are checked by hand rather than through zod, for speed on big books, with the codes
 * and limits of orderInputSchema (shared/tiering.ts).
 */
function orderConverter(
  ctx: RowContext,
  table: Table,
  mapping: Mapping,
  dateOrder: DateOrder | null,
): () => OrderImportRecord | null {
  const marks: Record<string, DecimalMark> = {}
  for (const f of ['amount', 'returned', 'amountUsd', 'usdRate'])
    if (mapping[f] !== undefined) marks[f] = decideDecimal(columnCells(table, mapping, f))
  const number = (field: string): number | null => {
    const cell = ctx.cell(field)
    const n = parseNumber(cell, marks[field])
    if (n === 'invalid') {
      ctx.bad(field, 'invalid_number', cell)
      return null
    }
    return n
  }
  const money = (field: string, n: number | null): number | null => {
    if (n === null) return null
    if (n < 0) ctx.bad(field, 'negative_amount', ctx.cell(field))
    else if (n > 1e12) ctx.bad(field, 'invalid_value', ctx.cell(field))
    return n
  }
  const longText = (field: string, max: number): string | null => {
    const t = ctx.text(field)
    if (t !== null && t.length > max) ctx.bad(field, 'too_long', ctx.cell(field))
    return t
  }
  return () => {
    const ref = customerRef(ctx)
    const date = dateField(ctx, 'date', dateOrder, true)
    let amount = money('amount', number('amount'))
    const amountUsd = money('amountUsd', number('amountUsd'))
    const returned = money('returned', number('returned')) ?? 0
    let rate = number('usdRate')
    if (rate !== null && !(rate > 0 && rate <= 1e6)) ctx.bad('usdRate', 'invalid_value', ctx.cell('usdRate'))

    let currency: string | null = null
    const currencyCell = ctx.cell('currency')
    const currencyText = cellString(currencyCell)
    if (currencyText !== null) {
      const c = parseChoice('currency', currencyText)
      if (c === 'invalid') ctx.bad('currency', 'invalid_choice', currencyCell)
      else currency = c
    } else {
      // "€ 1 200,00": the amount names its currency.
      const amountText = ctx.text('amount')
      const sym = amountText ? SYMBOL.exec(amountText) : null
      const c = sym ? parseChoice('currency', sym[0]) : 'invalid'
      if (c !== 'invalid') currency = c
      else if (amountUsd !== null) currency = 'USD'
    }
    if (amount === null && amountUsd !== null && currency === 'USD' && ctx.text('amount') === null)
      amount = amountUsd
    if (amount === null && !ctx.failed) ctx.missing('amount')
    if (currency === null && !ctx.failed) ctx.missing('currency')

    let status: OrderStatus | null = null
    const statusCell = ctx.cell('status')
    const statusText = cellString(statusCell)
    if (statusText === null) ctx.missing('status')
    else {
      const s = parseStatus(statusText)
      if (s === 'invalid') ctx.bad('status', 'invalid_status', statusCell)
      else status = s
    }
    const categoriesText = ctx.text('productCategories')
    const productCategories = categoriesText ? splitList(categoriesText) : []
    if (productCategories.length > 50 || productCategories.some((c) => c.length > 80))
      ctx.bad('productCategories', 'too_long', ctx.cell('productCategories'))
    const reference = longText('reference', 120)
    const notes = longText('notes', 5000)
    if (ctx.failed || !ref || date === null || amount === null || currency === null || status === null)
      return null
    if (!CURRENCY_SET.has(currency)) {
      ctx.bad('currency', 'invalid_choice', currencyCell)
      return null
    }
    if (returned > amount) {
      ctx.bad('returned', 'returned_exceeds_amount', ctx.cell('returned'))
      return null
    }
    if (status !== 'quoted' && amount === 0) {
      ctx.bad('amount', 'zero_amount', ctx.cell('amount'))
      return null
    }
    if (rate === null && amountUsd !== null && amount > 0) rate = amountUsd / amount
    return {
      kind: 'orders',
      line: ctx.line,
      customerRef: ref,
      order: {
        date,
        amount,
        currency: currency as OrderValues['currency'],
        status,
        returned,
        productCategories,
        reference,
        notes,
      },
      usdRate: rate,
    }
  }
}

// ---- interactions ----

function interactionConverter(
  ctx: RowContext,
  dateOrder: DateOrder | null,
): () => InteractionImportRecord | null {
  return () => {
    const ref = customerRef(ctx)
    const date = dateField(ctx, 'date', dateOrder, true)
    let kind: InteractionValues['kind'] | null = null
    const kindCell = ctx.cell('kind')
    const kindText = cellString(kindCell)
    if (kindText === null) ctx.missing('kind')
    else {
      const k = parseInteractionKind(kindText)
      if (k === 'invalid') ctx.bad('kind', 'invalid_choice', kindCell)
      else kind = k
    }
    const summary = ctx.text('summary')
    if (summary === null) ctx.missing('summary')
    else if (summary.length > 2000) ctx.bad('summary', 'too_long', ctx.cell('summary'))
    const nextStep = ctx.text('nextStep')
    if (nextStep !== null && nextStep.length > 500) ctx.bad('nextStep', 'too_long', ctx.cell('nextStep'))
    if (ctx.failed || !ref || date === null || kind === null || summary === null) return null
    return {
      kind: 'interactions',
      line: ctx.line,
      customerRef: ref,
      interaction: { kind, date, contactId: null, summary, outcome: null, nextStep },
      contactName: ctx.text('contactName'),
    }
  }
}
