// The customer list as the screen shows it (its filters, search text and sort, its visible
// columns), and the orders or interactions of a list or a group's customers, as files.
import type { Repositories } from '../../repositories'
import { listPlan } from '../customers/list'
import { listQuerySchema } from '../../../../shared/domain'
import type { CustomerListColumn, ExportFile, ExportFormat, ExportScope } from '../../../../shared/exports'
import type { UiLanguage } from '../../../../shared/vocabulary'
import type { z } from 'zod'
import type { listExportQuerySchema } from '../../../../shared/exports'
import { localDate } from '../../../../shared/dates'
import { exportLabels } from '../groups/export-labels'
import type { ExportLabels } from '../groups/export-labels'
import { fileSlug } from './cells'
import { writeTable } from './table'
import type { Cell, TableColumn } from './table'
import { AppFailure } from '../../../../shared/errors'

type ListQueryInput = z.input<typeof listExportQuerySchema>

type ListRow = {
  id: string
  display_name: string
  country: string | null
  city: string | null
  industry: string | null
  business_type: string | null
  owner: string | null
  updated_at: string
  tier: string
  primary_contact: string | null
}

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone

/** Each list column as the table shows it: its header (the table's own label) and its cell. */
const LIST_COLUMNS: Record<
  CustomerListColumn,
  { width: number; numFmt?: 'date'; value: (r: ListRow, l: ExportLabels) => Cell }
> = {
  customerName: { width: 32, value: (r) => r.display_name },
  tier: { width: 14, value: (r, l) => l.code('tier', r.tier) },
  country: { width: 16, value: (r, l) => l.country(r.country) },
  owner: { width: 14, value: (r) => r.owner },
  // The table shows the day of the last change in the user's zone; so does the file.
  updatedAt: {
    width: 14,
    numFmt: 'date',
    value: (r) => (r.updated_at ? { day: localDate(new Date(r.updated_at), ZONE) } : null),
  },
  primaryContact: { width: 20, value: (r) => r.primary_contact },
  industry: { width: 18, value: (r, l) => l.code('industry', r.industry) },
  city: { width: 16, value: (r) => r.city },
  businessType: { width: 16, value: (r, l) => l.code('businessType', r.business_type) },
}

/** The list's customers in the list's order, or only its ticked ones (each of which must be in it). */
function listIds(r: Repositories, query: ListQueryInput, picked: readonly string[] | null): string[] {
  const plan = listPlan(listQuerySchema.parse({ ...query, offset: 0, limit: 1 }))
  // A ticked customer merged away since the list was read (P8) stands for its survivor.
  const wanted = picked ? [...new Set(picked.map((id) => r.customers.resolve(id) ?? id))] : null
  const pickedSql = wanted ? ' AND c.id IN (SELECT value FROM json_each(?))' : ''
  const ids = r.db
    .prepare(`SELECT c.id FROM customers c WHERE ${plan.whereSql}${pickedSql} ORDER BY ${plan.order}`)
    .pluck()
    .all(...plan.params, ...(wanted ? [JSON.stringify(wanted)] : [])) as string[]
  if (wanted && ids.length !== wanted.length)
    throw new AppFailure('not_in_selection', undefined, { missing: wanted.length - ids.length })
  return ids
}

const LIST_ROWS_SQL = `SELECT c.id, c.display_name, c.country, c.city, c.industry, c.business_type, c.owner, c.updated_at,
    coalesce((SELECT t.tier FROM customer_tiers t WHERE t.customer_id = c.id), 'ordinary') AS tier,
    (SELECT p.name FROM contacts p WHERE p.customer_id = c.id AND p.deleted_at IS NULL ORDER BY p.is_primary DESC LIMIT 1) AS primary_contact
  FROM json_each(?) j JOIN customers c ON c.id = j.value ORDER BY j.key`

export type ListExportRequest = {
  query: ListQueryInput
  columns: readonly CustomerListColumn[]
  customerIds: readonly string[] | null
  format: ExportFormat
  language: UiLanguage
}

export async function exportCustomerList(r: Repositories, req: ListExportRequest): Promise<ExportFile> {
  const ids = listIds(r, req.query, req.customerIds)
  const rows = r.db.prepare(LIST_ROWS_SQL).all(JSON.stringify(ids)) as ListRow[]
  const labels = exportLabels(req.language)
  return writeTable({
    columns: req.columns.map((key): TableColumn<ListRow> => {
      const c = LIST_COLUMNS[key]
      return { ...c, header: labels.t(`fields.${key}`), value: (row) => c.value(row, labels) }
    }),
    rows,
    format: req.format,
    language: req.language,
    base: `tradetier-customers-${r.today()}`,
    sheetName: labels.t('nav.customers'),
  })
}

/** The customers an export of orders or interactions covers, and a name for its file. */
function scopeIds(r: Repositories, scope: ExportScope): { ids: string[]; title: string } {
  const picked = scope.customerIds ?? null
  if (scope.kind === 'list') return { ids: listIds(r, scope.query, picked), title: 'customers' }
  const selection = scope.selection
  return {
    ids: r.groups.memberIds(selection, picked),
    title: selection.kind === 'group' ? r.groups.get(selection.id).name : 'customers',
  }
}

type OrderRow = {
  display_name: string
  country: string | null
  date: string | null
  amount: number
  currency: string | null
  usd_rate: number | null
  status: string | null
  returned: number
  reference: string | null
  product_categories: string
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places

const ORDER_COLUMNS: {
  header: string
  width: number
  numFmt?: TableColumn<OrderRow>['numFmt']
  value: (o: OrderRow, l: ExportLabels) => Cell
}[] = [
  { header: 'fields.customerName', width: 32, value: (o) => o.display_name },
  { header: 'fields.country', width: 16, value: (o, l) => l.country(o.country) },
  {
    header: 'fields.date',
    width: 12,
    numFmt: 'date',
    value: (o) => (o.date ? { day: o.date.slice(0, 10) } : null),
  },
  { header: 'fields.amount', width: 14, numFmt: 'amount', value: (o) => round(o.amount, 2) },
  { header: 'fields.currency', width: 10, value: (o) => o.currency },
  { header: 'exports.usdRate', width: 12, numFmt: 'rate', value: (o) => o.usd_rate },
  {
    header: 'exports.usdAmount',
    width: 16,
    numFmt: 'amount',
    value: (o) => (o.usd_rate === null ? null : round(o.amount * o.usd_rate, 2)),
  },
  { header: 'fields.status', width: 14, value: (o, l) => l.code('orderStatus', o.status) },
  { header: 'fields.returned', width: 14, numFmt: 'amount', value: (o) => round(o.returned, 2) },
  { header: 'fields.reference', width: 18, value: (o) => o.reference },
  {
    header: 'fields.productCategories',
    width: 24,
    value: (o) => {
      const list = JSON.parse(o.product_categories || '[]') as unknown
      return Array.isArray(list) ? list.join(', ') : null
    },
  },
]

type InteractionRow = {
  display_name: string
  date: string | null
  kind: string | null
  summary: string | null
  outcome: string | null
  next_step: string | null
}

const INTERACTION_COLUMNS: {
  header: string
  width: number
  numFmt?: 'date'
  value: (i: InteractionRow, l: ExportLabels) => Cell
}[] = [
  { header: 'fields.customerName', width: 32, value: (i) => i.display_name },
  {
    header: 'fields.date',
    width: 12,
    numFmt: 'date',
    value: (i) => (i.date ? { day: i.date.slice(0, 10) } : null),
  },
  { header: 'fields.kind', width: 18, value: (i, l) => l.code('interaction', i.kind) },
  { header: 'fields.summary', width: 40, value: (i) => i.summary },
  { header: 'fields.outcome', width: 28, value: (i) => i.outcome },
  { header: 'fields.nextStep', width: 28, value: (i) => i.next_step },
]

export type ActivityExportRequest = {
  scope: ExportScope
  what: 'orders' | 'interactions'
  format: ExportFormat
  language: UiLanguage
}

/** One row per order (or interaction) of the scope's customers, by customer as listed, then by date. */
export async function exportActivity(r: Repositories, req: ActivityExportRequest): Promise<ExportFile> {
  const { ids, title } = scopeIds(r, req.scope)
  const labels = exportLabels(req.language)
  const base = `tradetier-${fileSlug(title)}-${req.what}-${r.today()}`
  const from = `FROM json_each(?) j JOIN customers c ON c.id = j.value`
  if (req.what === 'orders') {
    const rows = r.db
      .prepare(
        `SELECT c.display_name, c.country, o.date, o.amount, o.currency, o.usd_rate, o.status, o.returned, o.reference, o.product_categories
         ${from} JOIN orders o ON o.customer_id = c.id AND o.deleted_at IS NULL ORDER BY j.key, o.date, o.id`,
      )
      .all(JSON.stringify(ids)) as OrderRow[]
    return writeTable({
      columns: ORDER_COLUMNS.map((c): TableColumn<OrderRow> => ({
        ...c,
        header: labels.t(c.header),
        value: (o) => c.value(o, labels),
      })),
      rows,
      format: req.format,
      language: req.language,
      base,
      sheetName: labels.t('exports.sheetOrders'),
    })
  }
  const rows = r.db
    .prepare(
      `SELECT c.display_name, i.date, i.kind, i.summary, i.outcome, i.next_step
       ${from} JOIN interactions i ON i.customer_id = c.id AND i.deleted_at IS NULL ORDER BY j.key, i.date, i.id`,
    )
    .all(JSON.stringify(ids)) as InteractionRow[]
  return writeTable({
    columns: INTERACTION_COLUMNS.map((c): TableColumn<InteractionRow> => ({
      ...c,
      header: labels.t(c.header),
      value: (i) => c.value(i, labels),
    })),
    rows,
    format: req.format,
    language: req.language,
    base,
    sheetName: labels.t('exports.sheetInteractions'),
  })
}
