// One "Export" menu for a list or a group: its customers, their orders or their interactions, each
// as Excel or CSV. A single button keeps a toolbar from crowding at 1280 px.
import { useId } from 'react'
import { Button, Menu } from '@mantine/core'
import { IconChevronDown, IconDownload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ExportFormat } from '../../../../shared/exports'

export type ExportKind = 'customers' | 'orders' | 'interactions'

export function ExportMenu({
  label,
  disabled,
  busy,
  size = 'xs',
  onExport,
}: {
  /** The button's text (a group says what it acts on: "Export all (91)"). */
  label?: string
  disabled?: boolean
  busy: boolean
  /** xs beside a group's other actions; sm in the list's toolbar, beside its search box. */
  size?: 'xs' | 'sm'
  onExport: (kind: ExportKind, format: ExportFormat) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  // Test ids: the customers' items keep the names the group view's tests already use.
  const item = (kind: ExportKind, format: ExportFormat) => (
    <Menu.Item
      onClick={() => onExport(kind, format)}
      data-testid={kind === 'customers' ? `export-${format}` : `export-${kind}-${format}`}
    >
      {format === 'xlsx' ? t('groups.exportXlsx') : t('groups.exportCsv')}
    </Menu.Item>
  )
  // Each pair of items is a group named by its label: a screen reader says "Their orders" before
  // "Excel (.xlsx)", which alone would read the same three times.
  const section = (kind: ExportKind, label: string) => (
    <div role="group" aria-labelledby={`${id}-${kind}`}>
      <Menu.Label id={`${id}-${kind}`}>{label}</Menu.Label>
      {item(kind, 'xlsx')}
      {item(kind, 'csv')}
    </div>
  )
  return (
    // No focus placeholder: Mantine's is a focusable role="presentation" div, which a menu may not
    // hold (axe: aria-required-children); the menu itself takes the focus on opening instead.
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          size={size}
          variant="default"
          disabled={disabled}
          loading={busy}
          leftSection={<IconDownload size={size === 'xs' ? 14 : 16} aria-hidden />}
          rightSection={<IconChevronDown size={12} aria-hidden />}
          data-testid="export-menu"
        >
          {label ?? t('exports.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {section('customers', t('exports.customersSection'))}
        <Menu.Divider />
        {section('orders', t('exports.ordersSection'))}
        <Menu.Divider />
        {section('interactions', t('exports.interactionsSection'))}
      </Menu.Dropdown>
    </Menu>
  )
}
