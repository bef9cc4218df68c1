// The customer's history (issue 13 §3): who changed which field, from what to what, on which
// computer and when — its profile, contacts and tags, made here or by a teammate. Read only when
// opened: a customer page opens without it.
import { useState } from 'react'
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { CardHeader } from '../../components/CardHeader'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useQuery } from '../../app/data'
import { useFormatters } from '../../i18n/format'
import type { Formatters } from '../../i18n/format'
import { industryLabel, productCategoryLabel } from '../../i18n/vocabulary'
import type { HistoryEntry } from '../../../../shared/history'

export function HistoryCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <Card withBorder data-testid="history-card">
      <CardHeader
        title={t('history.title')}
        action={
          <Button
            size="xs"
            variant="light"
            leftSection={<IconHistory size={14} aria-hidden />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            data-testid="history-toggle"
          >
            {open ? t('history.hide') : t('history.show')}
          </Button>
        }
      />
      {open && <HistoryList customerId={customerId} />}
    </Card>
  )
}

function HistoryList({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const history = useQuery('customers:history', { id: customerId })
  if (history.status === 'error') return <ErrorAlert error={history.error} />
  if (!history.data) return <Text size="sm">{t('common.loading')}</Text>
  // A list set from nothing to empty ([] for no products) is no change to a reader.
  const entries = history.data.entries.filter(
    (e) =>
      e.column === 'deleted_at' || shown(t, fmt, e.column, e.before) !== shown(t, fmt, e.column, e.after),
  )
  const { more } = history.data
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('history.empty')}
      </Text>
    )
  return (
    <Stack
      gap="sm"
      component="ol"
      aria-label={t('history.label')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {groups(entries).map((g) => (
        <li key={g.key} data-testid="history-group">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {fmt.dateTime(g.at)}
            </Text>
            <Text size="sm" c="dimmed">
              {g.userName ?? t('history.someone')}
              {g.deviceName ? ` · ${g.deviceName}` : ''}
            </Text>
            {g.here && (
              <Badge size="xs" variant="light" color="gray">
                {t('history.thisComputer')}
              </Badge>
            )}
          </Group>
          <Stack gap={2} mt={2}>
            {g.entries.map((e) => (
              <Text key={`${e.rowId} ${e.column}`} size="sm" data-testid="history-change">
                {describe(t, fmt, e)}
              </Text>
            ))}
          </Stack>
        </li>
      ))}
      {more && (
        <Text size="xs" c="dimmed">
          {t('history.more')}
        </Text>
      )}
    </Stack>
  )
}

type ChangeGroup = {
  key: string
  at: string
  deviceId: string
  userName: string | null
  deviceName: string | null
  here: boolean
  entries: HistoryEntry[]
}

/** One save is many cells, stamped within moments: shown together, by who, to the minute. */
function groups(entries: HistoryEntry[]): ChangeGroup[] {
  const out: ChangeGroup[] = []
  for (const e of entries) {
    const last = out[out.length - 1]
    if (last && last.deviceId === e.deviceId && last.at.slice(0, 16) === e.at.slice(0, 16)) {
      last.entries.push(e)
      continue
    }
    out.push({
      key: `${e.at} ${e.deviceId} ${out.length}`,
      at: e.at,
      userName: e.userName,
      deviceName: e.deviceName,
      here: e.here,
      deviceId: e.deviceId,
      entries: [e],
    })
  }
  return out
}

const camel = (col: string) => col.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/** Enumerated columns and the vocabulary their codes read in. */
const ENUMS: Record<string, string> = {
  business_type: 'businessType',
  size_band: 'sizeBand',
  quality: 'quality',
  source: 'source',
  preferred_language: 'language',
  language: 'language',
}

function describe(t: TFunction, fmt: Formatters, e: HistoryEntry): string {
  // A row going or coming back, and a tag put on or taken off, read as what they are.
  if (e.column === 'deleted_at') {
    const what = subject(t, e)
    if (e.table === 'customer_tags') return `${what} — ${e.after ? t('history.removed') : t('history.added')}`
    return `${what ? `${what} — ` : ''}${e.after ? t('history.deleted') : t('history.restored')}`
  }
  if (e.table === 'customer_tags' && e.column === 'tag')
    return `${t('history.tag', { name: e.after })} — ${t('history.added')}`
  const key = `fields.${camel(e.column)}`
  const label = t(key, { defaultValue: '' }) || t('history.otherField')
  const field =
    e.table === 'contacts' ? `${t('history.contact', { name: e.rowLabel ?? '' })} · ${label}` : label
  // A cell set for the first time (a new customer, a new contact) has no "before" to show.
  if (e.before === null || e.before === '')
    return t('history.set', {
      field,
      after: shown(t, fmt, e.column, e.after),
      interpolation: { escapeValue: false },
    })
  return t('history.change', {
    field,
    before: shown(t, fmt, e.column, e.before),
    after: shown(t, fmt, e.column, e.after),
    interpolation: { escapeValue: false },
  })
}

function subject(t: TFunction, e: HistoryEntry): string {
  if (e.table === 'contacts') return t('history.contact', { name: e.rowLabel ?? '' })
  if (e.table === 'customer_tags') return t('history.tag', { name: e.rowLabel ?? '' })
  return ''
}

function shown(t: TFunction, fmt: Formatters, column: string, value: string | number | null): string {
  if (value === null || value === '') return '—'
  if (column === 'country' && typeof value === 'string') return fmt.country(value)
  if (column === 'industry' && typeof value === 'string') return industryLabel(t, value)
  if (column === 'is_primary' || column === 'holiday_opt_out')
    return value ? t('history.yes') : t('history.no')
  const vocabulary = ENUMS[column]
  if (vocabulary && typeof value === 'string')
    return t(`enum.${vocabulary}.${value}`, { defaultValue: value })
  // Lists are stored as JSON: emails, phones, product interests.
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      const items = JSON.parse(value) as unknown[]
      const text = items.map((i) =>
        column === 'product_categories' && typeof i === 'string'
          ? productCategoryLabel(t, i)
          : typeof i === 'string'
            ? i
            : typeof i === 'object' && i !== null
              ? Object.values(i)
                  .filter((v) => typeof v === 'string')
                  .join(' ')
              : String(i),
      )
      return text.length ? text.join(t('common.listSeparator')) : '—'
    } catch {
      return value
    }
  }
  return String(value)
}
