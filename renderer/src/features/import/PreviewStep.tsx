// Step 3: the first rows as they will be stored, every refused cell with its line, column and
// reason, the duplicates with a choice each, and the exchange rates the orders still need.
import { useState } from 'react'
import {
  Alert,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Loader,
  NumberInput,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import {
  IconAlertTriangle,
  IconColumns,
  IconDownload,
  IconFileImport,
  IconPlayerPlay,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { call } from '../../api/client'
import { notify } from '../../app/notify'
import { useFormatters } from '../../i18n/format'
import { DUPLICATE_CHOICES, IMPORT_FIELDS } from '../../../../shared/import'
import type { ImportKind, ImportOptions, ImportPreview, MonthlyRate } from '../../../../shared/import'
import type { AppError } from '../../../../shared/errors'
import { downloadBase64 } from './files'
import type { Draft } from './draft'

/** The reason for a refused cell in the user's language; a code this build does not know yet still reads. */
export function issueReason(t: TFunction, code: string): string {
  return t(`import.issue.${code}`, { defaultValue: t('import.preview.unknownIssue', { code }) })
}

export function PreviewStep({
  kind,
  fileId,
  options,
  preview,
  error,
  busy,
  draft,
  onDraft,
  onRatesChanged,
  onMapping,
  onImport,
}: {
  kind: ImportKind
  fileId: string
  options: ImportOptions
  preview: ImportPreview | null
  error: AppError | null
  busy: boolean
  draft: Draft
  onDraft: (update: (d: Draft) => Draft) => void
  onRatesChanged: () => void
  onMapping: () => void
  onImport: () => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [downloading, setDownloading] = useState(false)
  if (!preview)
    return error ? (
      <Alert
        color="red"
        role="alert"
        icon={<IconAlertTriangle aria-hidden />}
        title={t(`errors.${error.code}`)}
      />
    ) : (
      <Loader size="sm" aria-label={t('common.loading')} />
    )

  const refused = preview.rows - preview.valid
  // In the order of the field list (the name first), not the order the file has them in.
  const order: readonly string[] = IMPORT_FIELDS[kind]
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length)
  const columns = [...new Set(preview.stored.flatMap((r) => Object.keys(r.values)))].sort(
    (a, b) => rank(a) - rank(b),
  )
  const ratesNeeded = rateRows(preview, draft.monthlyRates)
  const unrated = preview.missingRates.length
  const blocked: string | null = error
    ? t(`errors.${error.code}`)
    : preview.valid === 0
      ? t('import.preview.nothingValid')
      : refused > 0 && !draft.skipInvalid
        ? t('import.preview.blockedRefused', { count: refused })
        : unrated > 0
          ? t('import.preview.blockedRates', { count: unrated })
          : null

  const downloadRefused = async () => {
    setDownloading(true)
    const res = await call('import:refused', { fileId, options })
    setDownloading(false)
    if (!res.ok) return notify(t(`errors.${res.error.code}`), 'red')
    downloadBase64(res.data.fileName, res.data.mimeType, res.data.base64)
    notify(t('import.preview.refusedDownloaded', { count: res.data.rows, file: res.data.fileName }))
  }

  const importRates = async (file: File | null) => {
    if (!file) return
    const res = await call('rates:import', { csv: await file.text() })
    if (!res.ok)
      return notify(t('import.preview.ratesFailed', { reason: t(`errors.${res.error.code}`) }), 'red')
    notify(t('rates.imported', { count: res.data.imported }))
    onRatesChanged()
  }

  const setRate = (currency: string, month: string, value: number | string) => {
    onDraft((d) => {
      const rest = d.monthlyRates.filter((r) => r.currency !== currency || r.month !== month)
      const n = typeof value === 'number' ? value : Number.NaN
      return {
        ...d,
        monthlyRates:
          Number.isFinite(n) && n > 0
            ? [...rest, { currency: currency as MonthlyRate['currency'], month, usdPerUnit: n }]
            : rest,
      }
    })
  }

  const choiceData = DUPLICATE_CHOICES.map((c) => ({ value: c, label: t(`import.duplicates.${c}`) }))
  return (
    <Stack gap="md" data-testid="import-preview">
      <SimpleGrid cols={{ base: 3 }} maw={640}>
        <Figure
          label={t('import.preview.rows')}
          value={fmt.number(preview.rows)}
          testId="import-count-rows"
        />
        <Figure
          label={t('import.preview.valid')}
          value={fmt.number(preview.valid)}
          color="teal"
          testId="import-count-valid"
        />
        <Figure
          label={t('import.preview.refused')}
          value={fmt.number(refused)}
          color={refused > 0 ? 'red' : undefined}
          testId="import-count-refused"
        />
      </SimpleGrid>
      {busy && <Loader size="xs" aria-label={t('common.loading')} />}

      <Card withBorder>
        <Title order={4} mb={4}>
          {t('import.preview.storedTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('import.preview.storedHelp')}
        </Text>
        <ScrollArea
          type="auto"
          viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('import.preview.storedTitle') }}
        >
          <Table striped fz="sm" data-testid="import-stored">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.preview.line')}</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={c} style={{ whiteSpace: 'nowrap' }}>
                    {t(`import.fields.${c}`, { defaultValue: c })}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.stored.map((r) => (
                <Table.Tr key={r.line}>
                  <Table.Td>{r.line}</Table.Td>
                  {columns.map((c) => (
                    <Table.Td key={c} style={{ maxWidth: 240, overflowWrap: 'anywhere' }}>
                      {r.values[c] ?? ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Card>

      {preview.issueCount > 0 && (
        <Card withBorder data-testid="import-issues">
          <Group justify="space-between" mb="xs">
            <div>
              <Title order={4}>{t('import.preview.issuesTitle', { count: preview.issueCount })}</Title>
              <Text size="sm" c="dimmed">
                {preview.issueCount > preview.issues.length
                  ? t('import.preview.issuesCut', { shown: fmt.number(preview.issues.length) })
                  : t('import.preview.issuesHelp')}
              </Text>
            </div>
            <Button
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden />}
              loading={downloading}
              onClick={() => void downloadRefused()}
              data-testid="import-download-refused"
            >
              {t('import.preview.downloadRefused')}
            </Button>
          </Group>
          <ScrollArea.Autosize
            mah={260}
            type="auto"
            viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('import.preview.issuesRegion') }}
          >
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('import.preview.line')}</Table.Th>
                  <Table.Th>{t('import.preview.column')}</Table.Th>
                  <Table.Th>{t('import.preview.reason')}</Table.Th>
                  <Table.Th>{t('import.preview.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.issues.map((issue, i) => (
                  <Table.Tr key={i} data-testid="import-issue">
                    <Table.Td>{issue.line}</Table.Td>
                    <Table.Td>{issue.column ?? t('import.preview.wholeRow')}</Table.Td>
                    <Table.Td>{issueReason(t, issue.code)}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {issue.value ? (
                        <Text span ff="monospace" size="sm">
                          {issue.value}
                        </Text>
                      ) : (
                        ''
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Card>
      )}

      {preview.duplicates.length > 0 && (
        <Card withBorder data-testid="import-duplicates">
          <Group justify="space-between" align="flex-end" mb="xs">
            <div>
              <Title order={4}>{t('import.duplicates.title', { count: preview.duplicates.length })}</Title>
              <Text size="sm" c="dimmed">
                {t('import.duplicates.help')}
              </Text>
            </div>
            <Select
              label={t('import.duplicates.default')}
              w={240}
              allowDeselect={false}
              value={draft.duplicates}
              data={choiceData}
              onChange={(v) => onDraft((d) => ({ ...d, duplicates: v ?? 'skip', rowChoices: {} }))}
              data-testid="import-duplicates-default"
            />
          </Group>
          <ScrollArea.Autosize
            mah={240}
            type="auto"
            viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('import.duplicates.region') }}
          >
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('import.preview.line')}</Table.Th>
                  <Table.Th>{t('import.duplicates.inFile')}</Table.Th>
                  <Table.Th>{t('import.duplicates.matches')}</Table.Th>
                  <Table.Th w={220}>{t('import.duplicates.choice')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.duplicates.map((dup) => (
                  <Table.Tr key={dup.line} data-testid="import-duplicate">
                    <Table.Td>{dup.line}</Table.Td>
                    <Table.Td>{dup.name}</Table.Td>
                    <Table.Td>
                      {dup.sameAsLine !== null
                        ? t('import.duplicates.sameAsLine', { line: dup.sameAsLine, name: dup.existingName })
                        : dup.existingName}
                      <Text size="xs" c="dimmed">
                        {t(`import.duplicates.reasons.${dup.reason}`, { defaultValue: dup.reason })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={t('import.duplicates.choiceFor', { line: dup.line })}
                        allowDeselect={false}
                        value={draft.rowChoices[String(dup.line)] ?? draft.duplicates}
                        data={choiceData}
                        onChange={(v) =>
                          onDraft((d) => ({
                            ...d,
                            rowChoices: {
                              ...d.rowChoices,
                              [String(dup.line)]: v ?? 'skip',
                            },
                          }))
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Card>
      )}

      {kind === 'orders' && ratesNeeded.length > 0 && (
        <Card withBorder data-testid="import-rates">
          <Title order={4}>{t('import.rates.title')}</Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('import.rates.help')}
          </Text>
          <Group gap="xs" mb="sm">
            <FileButton onChange={(f) => void importRates(f)} accept=".csv,text/csv">
              {(props) => (
                <Button
                  {...props}
                  variant="light"
                  leftSection={<IconFileImport size={16} aria-hidden />}
                  data-testid="import-rates-file"
                >
                  {t('import.rates.importFile')}
                </Button>
              )}
            </FileButton>
            <Button variant="subtle" leftSection={<IconColumns size={16} aria-hidden />} onClick={onMapping}>
              {t('import.rates.mapColumn')}
            </Button>
          </Group>
          <Table fz="sm" maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.rates.currency')}</Table.Th>
                <Table.Th>{t('import.rates.month')}</Table.Th>
                <Table.Th>{t('import.rates.orders')}</Table.Th>
                <Table.Th w={200}>{t('import.rates.usdPerUnit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ratesNeeded.map((r) => (
                <Table.Tr key={`${r.currency} ${r.month}`} data-testid="import-rate-row">
                  <Table.Td>{r.currency}</Table.Td>
                  <Table.Td>{r.month}</Table.Td>
                  <Table.Td>{r.orders === null ? '' : fmt.number(r.orders)}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      aria-label={t('import.rates.rateFor', { currency: r.currency, month: r.month })}
                      min={0}
                      decimalScale={10}
                      hideControls
                      defaultValue={r.value ?? ''}
                      onChange={(v) => setRate(r.currency, r.month, v)}
                      data-testid="import-rate-input"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}

      <Card withBorder bg="gray.0">
        <Stack gap="sm">
          {refused > 0 && (
            <Checkbox
              label={t('import.preview.skipInvalid', { count: refused, n: fmt.number(refused) })}
              checked={draft.skipInvalid}
              onChange={(e) => {
                const checked = e.currentTarget.checked
                onDraft((d) => ({ ...d, skipInvalid: checked }))
              }}
              data-testid="import-skip-invalid"
            />
          )}
          <Group gap="sm">
            <Button
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
              disabled={blocked !== null || busy}
              aria-describedby={blocked ? 'import-blocked-reason' : undefined}
              onClick={onImport}
              data-testid="import-run"
            >
              {/* The rows that can go in: while refused rows block the import, "Import 4 rows"
                  would promise the refused one too. */}
              {t('import.preview.import', { count: preview.valid, n: fmt.number(preview.valid) })}
            </Button>
            {blocked && (
              <Text size="sm" c="red.8" id="import-blocked-reason" data-testid="import-blocked-reason">
                {blocked}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('import.preview.allOrNothing')}
          </Text>
        </Stack>
      </Card>
    </Stack>
  )
}

function Figure({
  label,
  value,
  color,
  testId,
}: {
  label: string
  value: string
  color?: string
  testId: string
}) {
  return (
    <Card withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
    </Card>
  )
}

/**
 * The currency-months still missing, plus those the user already typed a rate for (which the
 * preview no longer lists): a row stays under the user's hand while they type.
 */
type RateRow = { currency: string; month: string; orders: number | null; value: number | null }

function rateRows(preview: ImportPreview, typed: MonthlyRate[]): RateRow[] {
  const rows: RateRow[] = preview.missingRates.map((m) => ({
    currency: m.currency,
    month: m.month,
    orders: m.orders,
    value: typed.find((r) => r.currency === m.currency && r.month === m.month)?.usdPerUnit ?? null,
  }))
  for (const r of typed)
    if (!rows.some((x) => x.currency === r.currency && x.month === r.month))
      rows.push({ currency: r.currency, month: r.month, orders: null, value: r.usdPerUnit })
  return rows.sort((a, b) => a.currency.localeCompare(b.currency) || a.month.localeCompare(b.month))
}
