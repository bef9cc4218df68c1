// From a file and the wizard's choices to a plan: what each row will become once matched against
// the database (a new customer, an update of an existing one, an order for which customer, at
// which rate), what is refused and why, which rows look like duplicates and which rates are
// missing. The preview shows the plan; the import (./apply.ts) builds the same plan inside its
// transaction and writes it, so what the user saw is what is written. Reads only.
import Papa from 'papaparse'
import type { Repositories } from '../../repositories'
import type {
  DuplicateChoice,
  ImportDuplicate,
  ImportIssue,
  ImportKind,
  ImportOptionsParsed,
  ImportPreview,
  Mapping,
} from '../../../../shared/import'
import { IMPORT_FIELDS } from '../../../../shared/import'
import type { ContactValues, CustomerValues } from '../../../../shared/domain'
import type { InteractionValues, OrderValues } from '../../../../shared/tiering'
import { readImportFile } from './files'
import { readTable } from './table'
import type { Cell, Table } from './table'
import { convertRows } from './convert'
import type { ImportRecord } from './convert'
import { detectMapping } from './presets'
import { savedPresets } from './presets-store'
import { matchKey } from '../customers/search'
import { normalizeText } from '../../core/text'
import { neutralise } from '../groups/export'
import { exportLabels } from '../groups/export-labels'
import { metaRead } from '../../db/device'
import { UI_LANGUAGES } from '../../../../shared/vocabulary'
import type { UiLanguage } from '../../../../shared/vocabulary'

/** How many rows the preview shows as stored, and how many issues it lists. */
const STORED_SHOWN = 20
const ISSUES_SHOWN = 2000

type CustomerRecord = Extract<ImportRecord, { kind: 'customers' }>
type OrderRecord = Extract<ImportRecord, { kind: 'orders' }>
type InteractionRecord = Extract<ImportRecord, { kind: 'interactions' }>

/** One customer of the file (its rows grouped: the first row's fields, every row's contact). */
export type CustomerStep = {
  line: number
  /** Later lines of the same customer (same external id, else same name) that add a contact. */
  lines: number[]
  externalId: string | null
  customer: CustomerValues
  contacts: ContactValues[]
  /** What is done: a new customer, or an existing one updated (fill_empty, overwrite). */
  action: 'create' | 'fill_empty' | 'overwrite' | 'skip'
  existingId: string | null
}
export type OrderStep = {
  line: number
  customerId: string
  order: OrderValues
  /** The rate to store (from the file, the typed monthly rates, or the database). */
  usdRate: number
  action: 'create' | 'overwrite' | 'skip'
  existingId: string | null
}
export type InteractionStep = { line: number; customerId: string; interaction: InteractionValues }

export type Plan = {
  kind: ImportKind
  table: Table
  mapping: Mapping
  preset: string | null
  dateOrder: ImportPreview['dateOrder']
  dateOrderAmbiguous: boolean
  /** Refused cells and rows (file problems, conversion, matching, rates). */
  issues: ImportIssue[]
  /** Lines with at least one issue. */
  refusedLines: Set<number>
  duplicates: ImportDuplicate[]
  missingRates: ImportPreview['missingRates']
  customers: CustomerStep[]
  orders: OrderStep[]
  interactions: InteractionStep[]
}

/** The mapping to use: the user's, else a saved preset by name, else recognised from the headers. */
function chooseMapping(
  r: Repositories,
  kind: ImportKind,
  headers: readonly string[],
  options: ImportOptionsParsed,
): { mapping: Mapping; preset: string | null } {
  const detected = detectMapping(kind, headers)
  if (options.mapping)
    return { mapping: keepKnown(kind, options.mapping, headers.length), preset: options.preset ?? null }
  const saved = options.preset
    ? savedPresets(r.db).find((p) => p.name === options.preset && p.kind === kind)
    : undefined
  if (saved) return { mapping: keepKnown(kind, saved.mapping, headers.length), preset: saved.name }
  return { mapping: detected.mapping, preset: detected.preset }
}

/** Drops fields this kind does not have and columns the file does not have. */
function keepKnown(kind: ImportKind, mapping: Mapping, columns: number): Mapping {
  const fields = new Set<string>(IMPORT_FIELDS[kind])
  return Object.fromEntries(Object.entries(mapping).filter(([f, c]) => fields.has(f) && c < columns))
}

/** A file read and converted, before anything is matched against the database. */
export type ParsedFile = {
  table: Table
  mapping: Mapping
  preset: string | null
  converted: ReturnType<typeof convertRows>
}

/** Reads and converts a file with the wizard's choices; touches the database only for saved presets. */
export async function parseFile(
  r: Repositories,
  dataDir: string,
  fileId: string,
  options: ImportOptionsParsed,
): Promise<ParsedFile> {
  const file = readImportFile(dataDir, fileId)
  const table = await readTable(file.bytes, file.name, {
    encoding: options.encoding,
    separator: options.separator,
    sheet: options.sheet,
  })
  const { mapping, preset } = chooseMapping(r, options.kind, table.headers, options)
  const converted = convertRows(options.kind, table, mapping, { dateOrder: options.dateOrder ?? null })
  return { table, mapping, preset, converted }
}

/**
 * Matches converted rows against the database: customers found, duplicates, rates. Reads only;
 * the import calls it inside its transaction, so the plan is the state it writes over.
 */
export function matchPlan(r: Repositories, parsed: ParsedFile, options: ImportOptionsParsed): Plan {
  const { table, mapping, preset, converted } = parsed
  const plan: Plan = {
    kind: options.kind,
    table,
    mapping,
    preset,
    dateOrder: converted.dateOrder,
    dateOrderAmbiguous: converted.dateOrderAmbiguous,
    issues: [...table.problems, ...converted.issues],
    refusedLines: new Set(),
    duplicates: [],
    missingRates: [],
    customers: [],
    orders: [],
    interactions: [],
  }
  const header = (field: string) => {
    const col = mapping[field]
    return col === undefined ? null : (table.headers[col] ?? null)
  }
  const choiceFor = (line: number): DuplicateChoice =>
    options.rowChoices?.[String(line)] ?? options.duplicates
  const records = converted.records
  if (options.kind === 'customers') planCustomers(r, plan, records as CustomerRecord[], choiceFor)
  else if (options.kind === 'orders')
    planOrders(r, plan, records as OrderRecord[], options, choiceFor, header)
  else planInteractions(r, plan, records as InteractionRecord[], header)
  for (const issue of plan.issues) plan.refusedLines.add(issue.line)
  return plan
}

/** Reads, converts and matches a file against the database. Reads only. */
export async function buildPlan(
  r: Repositories,
  dataDir: string,
  fileId: string,
  options: ImportOptionsParsed,
): Promise<Plan> {
  return matchPlan(r, await parseFile(r, dataDir, fileId, options), options)
}

// ---- customers ----

function planCustomers(
  r: Repositories,
  plan: Plan,
  records: CustomerRecord[],
  choiceFor: (line: number) => DuplicateChoice,
) {
  const owners = ownerSpellings(r)
  const byExternal = r.db.prepare(
    'SELECT id, display_name FROM customers WHERE external_id = ? AND deleted_at IS NULL LIMIT 1',
  )
  // Rows of one customer: the same external id, else the same normalised name and country.
  const groups = new Map<string, CustomerStep>()
  // Within-file duplicates by email, phone and website domain across different customers.
  const seenKeys = new Map<string, CustomerStep>()
  for (const rec of records) {
    const customer = { ...rec.customer }
    if (customer.owner) customer.owner = owners.get(normalizeText(customer.owner)) ?? customer.owner
    const groupKey = rec.externalId
      ? `x:${rec.externalId}`
      : `n:${matchKey('name', customer.displayName) ?? customer.displayName}:${customer.country}`
    const same = groups.get(groupKey)
    if (same) {
      // A further row of a customer already in the file: its contact joins, empty fields fill.
      same.lines.push(rec.line)
      if (rec.contact && !same.contacts.some((c) => sameContact(c, rec.contact!)))
        same.contacts.push(rec.contact)
      fillEmpty(same.customer, customer)
      continue
    }
    const step: CustomerStep = {
      line: rec.line,
      lines: [],
      externalId: rec.externalId,
      customer,
      contacts: rec.contact ? [rec.contact] : [],
      action: 'create',
      existingId: null,
    }
    groups.set(groupKey, step)

    // An earlier customer of the file with the same email, phone or domain.
    const keys = fileKeys(customer, step.contacts)
    const earlier = keys.map((k) => seenKeys.get(k)).find((s) => s !== undefined)
    for (const k of keys) if (!seenKeys.has(k)) seenKeys.set(k, step)

    // An existing customer: by external id (certain), else the P8 rules (likely).
    let existing: { id: string; name: string; reason: string } | null = null
    if (rec.externalId) {
      const row = byExternal.get(rec.externalId) as { id: string; display_name: string } | undefined
      if (row) existing = { id: row.id, name: row.display_name, reason: 'external_id' }
    }
    if (!existing) {
      const candidates = r.customers.findDuplicates(customer, step.contacts)
      const first = candidates[0]
      if (first) existing = { id: first.id, name: first.displayName, reason: first.reasons[0] ?? 'name' }
    }
    if (existing) {
      plan.duplicates.push({
        line: rec.line,
        name: customer.displayName,
        customerId: existing.id,
        existingName: existing.name,
        sameAsLine: null,
        reason: existing.reason,
      })
      const choice = choiceFor(rec.line)
      step.action = choice === 'create' ? 'create' : choice
      step.existingId = choice === 'create' ? null : existing.id
    } else if (earlier) {
      plan.duplicates.push({
        line: rec.line,
        name: customer.displayName,
        customerId: null,
        existingName: earlier.customer.displayName,
        sameAsLine: earlier.line,
        reason: 'contact',
      })
      // Within the file, only "skip" or "import as new" make sense: the earlier row is not stored yet.
      if (choiceFor(rec.line) === 'skip') step.action = 'skip'
    }
  }
  plan.customers = [...groups.values()]
}

/** Matching keys of a customer for within-file duplicates (emails, phones, website domain). */
function fileKeys(c: CustomerValues, contacts: readonly ContactValues[]): string[] {
  const out: string[] = []
  const add = (k: string | null) => {
    if (k) out.push(k)
  }
  for (const contact of contacts) {
    for (const e of contact.emails) add(matchKey('email', e))
    for (const p of contact.phones) add(matchKey('phone', p))
  }
  if (c.website) add(matchKey('domain', c.website))
  return out
}

function sameContact(a: ContactValues, b: ContactValues): boolean {
  if (a.emails.some((e) => b.emails.includes(e))) return true
  return normalizeText(a.name) === normalizeText(b.name)
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)

/** Copies into `target` the fields it lacks (a later row of the same customer, or fill_empty). */
function fillEmpty<T extends object>(target: T, source: Partial<T>): void {
  for (const [k, v] of Object.entries(source) as [keyof T, T[keyof T]][]) {
    if (isEmpty(target[k]) && !isEmpty(v)) target[k] = v
  }
}

/** The owners already in the base by normalised name, so "li wei" joins "Li Wei". */
function ownerSpellings(r: Repositories): Map<string, string> {
  const rows = r.db
    .prepare(
      'SELECT owner, count(*) AS n FROM customers WHERE deleted_at IS NULL AND owner IS NOT NULL GROUP BY owner',
    )
    .all() as { owner: string; n: number }[]
  const out = new Map<string, { owner: string; n: number }>()
  for (const row of rows) {
    const key = normalizeText(row.owner)
    const cur = out.get(key)
    // The spelling most customers use wins.
    if (!cur || row.n > cur.n) out.set(key, row)
  }
  return new Map([...out].map(([k, v]) => [k, v.owner]))
}

// ---- finding an order's or interaction's customer ----

type CustomerFinder = (ref: {
  externalId: string | null
  name: string | null
}) => { id: string } | { problem: 'customer_not_found' | 'customer_ambiguous' }

function customerFinder(r: Repositories): CustomerFinder {
  const byExternal = r.db
    .prepare('SELECT id FROM customers WHERE external_id = ? AND deleted_at IS NULL LIMIT 2')
    .pluck()
  const byName = r.db
    .prepare(
      `SELECT id FROM customers WHERE deleted_at IS NULL
         AND (display_name = @name OR original_name = @name OR latin_name = @name) LIMIT 2`,
    )
    .pluck()
  const byKey = r.db
    .prepare(
      `SELECT DISTINCT k.customer_id FROM match_keys k JOIN customers c ON c.id = k.customer_id
       WHERE k.key = ? AND c.deleted_at IS NULL LIMIT 2`,
    )
    .pluck()
  // An order book names the same customer on thousands of lines.
  const cache = new Map<string, ReturnType<CustomerFinder>>()
  const one = (ids: string[]) =>
    ids.length === 1 ? { id: ids[0]! } : ids.length > 1 ? ({ problem: 'customer_ambiguous' } as const) : null
  return (ref) => {
    const cacheKey = `${ref.externalId ?? ''}\u0000${ref.name ?? ''}`
    const hit = cache.get(cacheKey)
    if (hit) return hit
    let found: ReturnType<CustomerFinder> | null = null
    if (ref.externalId) found = one(byExternal.all(ref.externalId) as string[])
    if (!found && ref.name) found = one(byName.all({ name: ref.name.trim() }) as string[])
    if (!found && ref.name) {
      // Case, spaces, legal forms, accents and traditional/simplified set aside (the P8 name key).
      const key = matchKey('name', ref.name)
      if (key) found = one(byKey.all(key) as string[])
    }
    const out = found ?? ({ problem: 'customer_not_found' } as const)
    cache.set(cacheKey, out)
    return out
  }
}

function refColumn(
  ref: { externalId: string | null },
  header: (field: string) => string | null,
): string | null {
  return ref.externalId
    ? header('customerExternalId')
    : (header('customerName') ?? header('customerExternalId'))
}

/** The customer a row names, or null after recording why it was refused (line, column, value). */
function findOrRefuse(
  find: CustomerFinder,
  plan: Plan,
  rec: { line: number; customerRef: { externalId: string | null; name: string | null } },
  header: (field: string) => string | null,
): { id: string } | null {
  const found = find(rec.customerRef)
  if (!('problem' in found)) return found
  plan.issues.push({
    line: rec.line,
    column: refColumn(rec.customerRef, header),
    code: found.problem,
    value: rec.customerRef.externalId ?? rec.customerRef.name,
  })
  return null
}

// ---- orders ----

function planOrders(
  r: Repositories,
  plan: Plan,
  records: OrderRecord[],
  options: ImportOptionsParsed,
  choiceFor: (line: number) => DuplicateChoice,
  header: (field: string) => string | null,
) {
  const find = customerFinder(r)
  const typed = new Map(options.monthlyRates.map((m) => [`${m.currency}:${m.month}`, m.usdPerUnit]))
  const dbRate = new Map<string, number | null>()
  const missing = new Map<string, number>()
  const byReference = r.db.prepare(
    'SELECT id FROM orders WHERE customer_id = ? AND reference = ? AND deleted_at IS NULL LIMIT 1',
  )
  // A first import of an order book finds no orders at all: asked once per customer, not per line.
  const hasOrders = r.db.prepare('SELECT 1 FROM orders WHERE customer_id = ? AND deleted_at IS NULL LIMIT 1')
  const withOrders = new Map<string, boolean>()
  const existingOrder = (customerId: string, reference: string) => {
    let any = withOrders.get(customerId)
    if (any === undefined) withOrders.set(customerId, (any = hasOrders.get(customerId) !== undefined))
    return any ? (byReference.get(customerId, reference) as { id: string } | undefined) : undefined
  }
  const seenReferences = new Map<string, number>()
  for (const rec of records) {
    const found = findOrRefuse(find, plan, rec, header)
    if (!found) continue
    const { order } = rec
    let rate = rec.usdRate
    if (rate === null && order.currency === 'USD') rate = 1
    const month = order.date.slice(0, 7)
    if (rate === null) rate = typed.get(`${order.currency}:${month}`) ?? null
    if (rate === null) {
      const key = `${order.currency}:${order.date}`
      if (!dbRate.has(key)) dbRate.set(key, r.orders.rateOn(order.currency, order.date))
      rate = dbRate.get(key) ?? null
    }
    if (rate === null) {
      // Never a silent 1.0: the row waits for a rate (a rates file, a typed monthly rate, or a USD column).
      const key = `${order.currency}:${month}`
      missing.set(key, (missing.get(key) ?? 0) + 1)
      plan.issues.push({
        line: rec.line,
        column: header('currency'),
        code: 'missing_rate',
        value: order.currency,
      })
      continue
    }
    const step: OrderStep = {
      line: rec.line,
      customerId: found.id,
      order,
      usdRate: rate,
      action: 'create',
      existingId: null,
    }
    // The same order imported twice (a re-import of the same book) is found by its reference.
    if (order.reference) {
      const sameInFile = seenReferences.get(`${found.id}\u0000${order.reference}`)
      const existing = existingOrder(found.id, order.reference)
      if (existing || sameInFile !== undefined) {
        plan.duplicates.push({
          line: rec.line,
          name: order.reference,
          customerId: found.id,
          existingName: order.reference,
          sameAsLine: existing ? null : (sameInFile ?? null),
          reason: 'reference',
        })
        const choice = choiceFor(rec.line)
        if (choice === 'skip') step.action = 'skip'
        else if (existing && choice !== 'create') {
          step.action = 'overwrite'
          step.existingId = existing.id
        }
      }
      seenReferences.set(`${found.id}\u0000${order.reference}`, rec.line)
    }
    plan.orders.push(step)
  }
  plan.missingRates = [...missing].map(([key, orders]) => {
    const [currency, month] = key.split(':') as [string, string]
    return { currency, month, orders }
  })
  plan.missingRates.sort((a, b) => a.currency.localeCompare(b.currency) || a.month.localeCompare(b.month))
}

// ---- interactions ----

function planInteractions(
  r: Repositories,
  plan: Plan,
  records: InteractionRecord[],
  header: (field: string) => string | null,
) {
  const find = customerFinder(r)
  for (const rec of records) {
    const found = findOrRefuse(find, plan, rec, header)
    if (!found) continue
    plan.interactions.push({ line: rec.line, customerId: found.id, interaction: rec.interaction })
  }
}

// ---- what the preview shows ----

/** A cell as text, as the file showed it. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'object') return cell.date
  return String(cell)
}

/** A stored value as the preview shows it: lists joined, a flag as a tick, objects as JSON. */
function show(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (Array.isArray(v)) return v.join('; ')
  if (typeof v === 'boolean') return v ? '✓' : ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  return JSON.stringify(v)
}

/** The first rows as they will be stored, field → text; a matched customer shown by its name. */
function storedValues(plan: Plan, nameOf: (id: string) => string): ImportPreview['stored'] {
  const out: ImportPreview['stored'] = []
  const put = (line: number, values: Record<string, string>, fields: object) => {
    for (const [k, v] of Object.entries(fields)) if (!isEmpty(v)) values[k] = show(v)
    out.push({ line, values })
  }
  if (plan.kind === 'customers') {
    for (const s of plan.customers.slice(0, STORED_SHOWN)) {
      const values: Record<string, string> = {}
      if (s.externalId) values.externalId = s.externalId
      const c = s.contacts[0]
      if (c) {
        values.contactName = c.name
        if (c.title) values.contactTitle = c.title
        if (c.emails.length) values.contactEmail = c.emails.join('; ')
        if (c.phones.length) values.contactPhone = c.phones.join('; ')
      }
      put(s.line, values, s.customer)
    }
  } else if (plan.kind === 'orders') {
    for (const s of plan.orders.slice(0, STORED_SHOWN))
      put(s.line, { customer: nameOf(s.customerId), usdRate: String(s.usdRate) }, s.order)
  } else {
    for (const s of plan.interactions.slice(0, STORED_SHOWN))
      put(s.line, { customer: nameOf(s.customerId) }, s.interaction)
  }
  return out
}

export async function previewImport(
  r: Repositories,
  dataDir: string,
  fileId: string,
  options: ImportOptionsParsed,
): Promise<ImportPreview> {
  const plan = await buildPlan(r, dataDir, fileId, options)
  const nameStmt = r.db.prepare('SELECT display_name FROM customers WHERE id = ?').pluck()
  const stored = storedValues(plan, (id) => (nameStmt.get(id) as string | undefined) ?? id)
  const rows = plan.table.rows.length
  return {
    kind: plan.kind,
    encoding: plan.table.encoding,
    separator: plan.table.separator,
    sheets: plan.table.sheets,
    headers: plan.table.headers,
    sample: plan.table.rows.slice(0, 8).map((row) => plan.table.headers.map((_, i) => cellText(row[i]))),
    mapping: plan.mapping,
    preset: plan.preset,
    dateOrder: plan.dateOrder,
    dateOrderAmbiguous: plan.dateOrderAmbiguous,
    rows,
    valid: plan.table.lines.filter((l) => !plan.refusedLines.has(l)).length,
    stored,
    issues: plan.issues.slice(0, ISSUES_SHOWN),
    issueCount: plan.issues.length,
    duplicates: plan.duplicates.slice(0, ISSUES_SHOWN),
    missingRates: plan.missingRates,
  }
}

/**
 * The refused rows in the file's own columns, with a reason column, as CSV (UTF-8 with BOM, so
 * Excel reads Chinese): the user fixes them and imports that file again.
 */
export async function refusedRowsFile(
  r: Repositories,
  dataDir: string,
  fileId: string,
  options: ImportOptionsParsed,
): Promise<{ fileName: string; mimeType: string; base64: string; rows: number }> {
  const plan = await buildPlan(r, dataDir, fileId, options)
  // The reasons in the user's language, as the wizard's report words them.
  const saved = metaRead(r.db, 'ui_language')
  const labels = exportLabels(
    saved && (UI_LANGUAGES as readonly string[]).includes(saved) ? (saved as UiLanguage) : 'en',
  )
  const reasons = new Map<number, string[]>()
  for (const i of plan.issues) {
    const list = reasons.get(i.line) ?? []
    const why = labels.t(`import.issue.${i.code}`)
    list.push(i.column ? `${i.column}: ${why}` : why)
    reasons.set(i.line, list)
  }
  const data: (string | number | null)[][] = []
  plan.table.rows.forEach((row, idx) => {
    const line = plan.table.lines[idx]!
    const why = reasons.get(line)
    if (why)
      data.push([
        ...plan.table.headers.map((_, i) => neutralise(cellText(row[i]))),
        neutralise(why.join(' | ')),
      ])
  })
  const csv = Papa.unparse(
    { fields: [...plan.table.headers, labels.t('import.refusedReason')], data },
    { delimiter: plan.table.separator ?? ',' },
  )
  const base = (readImportFileName(dataDir, fileId) ?? 'import').replace(/\.[^.]+$/, '')
  return {
    fileName: `${base}-refused.csv`,
    mimeType: 'text/csv',
    base64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64'),
    rows: data.length,
  }
}

function readImportFileName(dataDir: string, fileId: string): string | null {
  try {
    return readImportFile(dataDir, fileId).name
  } catch {
    return null
  }
}
