// The team's USD exchange rates (P3): each order snapshots the rate in force on its date, so the
// table is kept here — one rate at a time, or a whole CSV file (currency, date, usd_per_unit).
import { useState } from 'react'
import {
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  List,
  ScrollArea,
  Select,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { IconFileImport, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { notify } from '../../app/notify'
import { fieldErrors } from '../../components/ErrorAlert'
import { useFormatters } from '../../i18n/format'
import { CURRENCIES } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { localToday } from '../../../../shared/dates'
import { AmountField } from '../../components/AmountField'
import { DateField } from '../../components/DateField'
import { formatRate } from '../../components/amountText'

/** Rates are kept with up to this many decimals (one VND is about 0.000039 USD). */
const RATE_DECIMALS = 10

export function RatesCard() {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const list = useQuery('rates:list', {})
  const [currency, setCurrency] = useState<string | null>('EUR')
  const [date, setDate] = useState<string | null>(localToday())
  const [value, setValue] = useState<number | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [importError, setImportError] = useState<AppError | null>(null)
  const errors = fieldErrors(t, error)

  const add = async () => {
    setError(null)
    const res = await call('rates:set', {
      currency: (currency ?? '') as (typeof CURRENCIES)[number],
      date: date ?? '',
      usdPerUnit: value ?? Number.NaN,
    })
    if (!res.ok) return setError(res.error)
    setValue(null)
  }

  const importFile = async (file: File | null) => {
    if (!file) return
    setImportError(null)
    const res = await call('rates:import', { csv: await file.text() })
    if (!res.ok) return setImportError(res.error)
    notify(t('rates.imported', { count: res.data.imported }))
  }

  const rates = list.data?.rates ?? []
  return (
    <Card withBorder data-testid="rates-card">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={3} size="h4">
            {t('rates.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('rates.help')}
          </Text>
        </div>
        <FileButton onChange={(f) => void importFile(f)} accept=".csv,text/csv">
          {(props) => (
            <Button
              {...props}
              variant="light"
              leftSection={<IconFileImport size={16} aria-hidden />}
              data-testid="rates-import"
            >
              {t('rates.import')}
            </Button>
          )}
        </FileButton>
      </Group>
      {importError && (
        <Alert
          color="red"
          title={t('rates.importFailed')}
          role="alert"
          mb="sm"
          data-testid="rates-import-error"
        >
          {importError.issues ? (
            <List size="sm">
              {importError.issues.map((issue, i) => (
                <List.Item key={i}>
                  {typeof issue.path[1] === 'number'
                    ? t('rates.lineIssue', {
                        line: issue.path[1],
                        field: t(`fields.${String(issue.path[2])}`),
                        problem: t(`validation.${issue.code}`),
                      })
                    : t('rates.missingColumn', { field: t(`fields.${String(issue.path[1])}`) })}
                </List.Item>
              ))}
            </List>
          ) : (
            t(`errors.${importError.code}`)
          )}
        </Alert>
      )}
      <Group align="flex-end" gap="xs" mb="sm">
        <Select
          label={t('fields.currency')}
          w={120}
          searchable
          value={currency}
          onChange={setCurrency}
          data={CURRENCIES.filter((c) => c !== 'USD')}
          error={errors['currency']}
        />
        <DateField
          label={t('rates.from')}
          w={190}
          value={date}
          onChange={setDate}
          error={errors['date']}
          data-testid="rate-date"
        />
        <AmountField
          label={t('fields.usdPerUnit')}
          w={170}
          maxDecimals={RATE_DECIMALS}
          value={value}
          onChange={setValue}
          error={errors['usdPerUnit']}
          data-testid="rate-value"
        />
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => void add()}
          data-testid="rate-add"
        >
          {t('rates.add')}
        </Button>
      </Group>
      {rates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rates.none')}
        </Text>
      ) : (
        // The rates scroll on their own: the region takes focus (keyboard users scroll it with
        // the arrow keys) and is named for screen readers.
        <ScrollArea.Autosize
          mah={260}
          viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('layout.ratesRegion') }}
        >
          <Table striped data-testid="rates-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.currency')}</Table.Th>
                <Table.Th>{t('rates.from')}</Table.Th>
                <Table.Th ta="right">{t('fields.usdPerUnit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rates.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.currency}</Table.Td>
                  <Table.Td>{fmt.date(r.date)}</Table.Td>
                  <Table.Td ta="right">{formatRate(r.usdPerUnit, fmt.locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Card>
  )
}
