// A group's members as a file (G4): CSV for any tool, XLSX for Excel users. Built in the job
// worker (jobs/definitions.ts) and handed to the window as bytes, so the same code serves Electron
// and the harness, and 100k rows never hold the window's process.
import type { ExportRow, GroupRepository } from './repository'
import type { Selection } from '../../../../shared/groups'
import type { UiLanguage } from '../../../../shared/vocabulary'
import type { ExportFile } from '../../../../shared/exports'
import { localToday } from '../../../../shared/dates'
import { exportLabels } from './export-labels'
import type { ExportLabels } from './export-labels'
import { fileSlug } from '../exports/cells'
import { writeTable } from '../exports/table'
import type { Cell, TableColumn } from '../exports/table'

export { fileSlug, neutralise, runsAsFormula } from '../exports/cells'

/**
 * The columns, in order, each with the locale key of its header (the screen's own label) and how
 * its value reads in the user's language: codes as names, countries by name.
 */
const COLUMNS: {
  header: string
  width: number
  numFmt?: TableColumn<ExportRow>['numFmt']
  value: (r: ExportRow, l: ExportLabels) => Cell
}[] = [
  { header: 'fields.customerName', width: 32, value: (r) => r.displayName },
  { header: 'fields.originalName', width: 24, value: (r) => r.originalName },
  { header: 'fields.country', width: 16, value: (r, l) => l.country(r.country) },
  { header: 'fields.city', width: 16, value: (r) => r.city },
  // A listed industry is stored as a code; free text has no entry and stays as typed.
  { header: 'fields.industry', width: 18, value: (r, l) => l.code('industry', r.industry) },
  { header: 'fields.businessType', width: 16, value: (r, l) => l.code('businessType', r.businessType) },
  { header: 'fields.source', width: 16, value: (r, l) => l.code('source', r.source) },
  { header: 'fields.owner', width: 14, value: (r) => r.owner },
  { header: 'fields.tier', width: 16, value: (r, l) => l.code('tier', r.tier) },
  { header: 'groups.fields.segment', width: 16, value: (r, l) => l.code('segment', r.segment) },
  { header: 'groups.fields.stage', width: 14, value: (r, l) => l.code('stage', r.stage) },
  {
    header: 'groups.fields.revenue_usd',
    width: 20,
    numFmt: 'amount',
    value: (r) => Math.round(r.revenueUsd * 100) / 100,
  },
  { header: 'groups.fields.order_count', width: 12, numFmt: 'count', value: (r) => r.orderCount },
  {
    header: 'groups.lastOrder',
    width: 14,
    numFmt: 'date',
    value: (r) => (r.lastOrder ? { day: r.lastOrder.slice(0, 10) } : null),
  },
  { header: 'fields.primaryContact', width: 20, value: (r) => r.primaryContact },
  { header: 'fields.email', width: 28, value: (r) => r.primaryEmail },
  { header: 'fields.phone', width: 18, value: (r) => r.primaryPhone },
]

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
): Promise<ExportFile> {
  const rows = groups.exportRows(selection, customerIds)
  const labels = exportLabels(language)
  const title = selection.kind === 'group' ? groups.get(selection.id).name : name
  return writeTable({
    columns: COLUMNS.map((c): TableColumn<ExportRow> => ({
      ...c,
      header: labels.t(c.header),
      value: (r) => c.value(r, labels),
    })),
    rows,
    format,
    language,
    base: `tradetier-${fileSlug(title)}-${today}`,
    sheetName: labels.t('nav.customers'),
  })
}
