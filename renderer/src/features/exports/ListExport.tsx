// The customer list's export: exactly what the list shows (its filters, search text and sort)
// with the columns the user chose, or the orders or interactions of those customers.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { notify } from '../../app/notify'
import type { CustomerListColumn, ExportFormat } from '../../../../shared/exports'
import type { TableQuery } from '../customers/CustomerTable'
import { ExportMenu } from './ExportMenu'
import type { ExportKind } from './ExportMenu'
import { exportLanguage, saveExport } from './download'

export function ListExport({
  query,
  columns,
  disabled,
}: {
  query: TableQuery
  /** The user's column choice, in the table's order. */
  columns: readonly CustomerListColumn[]
  disabled?: boolean
}) {
  const { t, i18n } = useTranslation()
  const [busy, setBusy] = useState(false)
  const run = async (kind: ExportKind, format: ExportFormat) => {
    setBusy(true)
    try {
      const language = exportLanguage(i18n.language)
      const res =
        kind === 'customers'
          ? await call('customers:export', { query, columns: [...columns], format, language })
          : await call('exports:activity', { scope: { kind: 'list', query }, what: kind, format, language })
      // A toolbar has no room for an alert: the failure is a notice, the list stays as it is.
      if (!res.ok) return notify(t(`errors.${res.error.code}`), 'red')
      saveExport(res.data)
      const done = { count: res.data.rows, file: res.data.fileName }
      notify(kind === 'customers' ? t('groups.exported', done) : t('exports.done', done))
    } finally {
      setBusy(false)
    }
  }
  return (
    <ExportMenu
      size="sm"
      disabled={disabled}
      busy={busy}
      onExport={(kind, format) => void run(kind, format)}
    />
  )
}
