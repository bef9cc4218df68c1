// Step 2: how the file is read (encoding, separator or sheet, date order) and which field each of
// its columns fills, with a few of its values to recognise it by.
import { useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { call } from '../../api/client'
import { notify } from '../../app/notify'
import { useSaving } from '../../components/useSaving'
import { DATE_ORDERS, ENCODINGS, IMPORT_FIELDS, REQUIRED_FIELDS, SEPARATORS } from '../../../../shared/import'
import type {
  DateOrder,
  Encoding,
  ImportKind,
  ImportPreview,
  Mapping,
  Separator,
} from '../../../../shared/import'
import type { AppError } from '../../../../shared/errors'
import { missingRequired } from './draft'
import type { Draft } from './draft'

const NONE = '__none'
const AUTO = '__auto'
const ENCODING_LABELS: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK / GB18030',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16',
}
const SEPARATOR_KEYS: Record<Separator, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' }

export function fieldLabel(t: TFunction, kind: ImportKind, field: string): string {
  const label = t(`import.fields.${field}`, { defaultValue: field })
  return REQUIRED_FIELDS[kind].includes(field) ? t('import.map.requiredField', { field: label }) : label
}

export function MappingStep({
  kind,
  preview,
  error,
  busy,
  draft,
  onDraft,
}: {
  kind: ImportKind
  preview: ImportPreview | null
  error: AppError | null
  busy: boolean
  draft: Draft
  onDraft: (update: (d: Draft) => Draft) => void
}) {
  const { t } = useTranslation()
  const [presetName, setPresetName] = useState('')
  const { saving, run } = useSaving()
  if (!preview)
    return error ? (
      <Alert
        color="red"
        role="alert"
        icon={<IconAlertTriangle aria-hidden />}
        title={t(`errors.${error.code}`)}
      />
    ) : (
      <Group>
        <Loader size="sm" aria-label={t('common.loading')} />
      </Group>
    )

  const mapping: Mapping = draft.mapping ?? preview.mapping
  const fieldOf = new Map<number, string>()
  for (const [f, col] of Object.entries(mapping)) fieldOf.set(col, f)
  const setColumn = (col: number, field: string | null) =>
    onDraft((d) => {
      const next: Mapping = {}
      for (const [f, c] of Object.entries(d.mapping ?? preview.mapping))
        if (c !== col && f !== field) next[f] = c
      if (field && field !== NONE) next[field] = col
      return { ...d, mapping: next }
    })
  const fieldOptions = [
    { value: NONE, label: t('import.map.notImported') },
    ...IMPORT_FIELDS[kind].map((f) => ({ value: f, label: fieldLabel(t, kind, f) })),
  ]
  const xlsx = preview.sheets.length > 0
  const missing = missingRequired(kind, mapping)
  const dateName = (o: DateOrder) => t(`import.dateOrders.${o}`)

  const savePreset = async () => {
    const res = await run(() => call('import:savePreset', { name: presetName, kind, mapping }))
    if (!res) return
    if (!res.ok) return notify(t(`errors.${res.error.code}`), 'red')
    notify(t('import.map.presetSaved', { name: res.data.name }))
    setPresetName('')
  }

  return (
    <Stack gap="md" data-testid="import-mapping">
      <Group align="flex-end" gap="md" wrap="wrap">
        {xlsx ? (
          <Select
            label={t('import.map.sheet')}
            w={220}
            allowDeselect={false}
            value={String(draft.sheet ?? 0)}
            data={preview.sheets.map((s, i) => ({ value: String(i), label: s }))}
            onChange={(v) => onDraft((d) => ({ ...d, sheet: Number(v ?? 0), mapping: undefined }))}
            data-testid="import-sheet"
          />
        ) : (
          <>
            <Select
              label={t('import.map.encoding')}
              w={250}
              allowDeselect={false}
              value={draft.encoding ?? AUTO}
              data={[
                {
                  value: AUTO,
                  label: t('import.map.detected', {
                    value: preview.encoding ? ENCODING_LABELS[preview.encoding] : '—',
                  }),
                },
                ...ENCODINGS.map((e) => ({ value: e, label: ENCODING_LABELS[e] })),
              ]}
              onChange={(v) => onDraft((d) => ({ ...d, encoding: v && v !== AUTO ? v : undefined }))}
              data-testid="import-encoding"
            />
            <Select
              label={t('import.map.separator')}
              w={230}
              allowDeselect={false}
              value={draft.separator ?? AUTO}
              data={[
                {
                  value: AUTO,
                  label: t('import.map.detected', {
                    value: preview.separator
                      ? t(`import.separators.${SEPARATOR_KEYS[preview.separator]}`)
                      : '—',
                  }),
                },
                ...SEPARATORS.map((s) => ({ value: s, label: t(`import.separators.${SEPARATOR_KEYS[s]}`) })),
              ]}
              onChange={(v) => onDraft((d) => ({ ...d, separator: v && v !== AUTO ? v : undefined }))}
              data-testid="import-separator"
            />
          </>
        )}
        {preview.dateOrder !== null && (
          <Select
            label={t('import.map.dateOrder')}
            w={260}
            allowDeselect={false}
            value={draft.dateOrder ?? AUTO}
            data={[
              { value: AUTO, label: t('import.map.detected', { value: dateName(preview.dateOrder) }) },
              ...DATE_ORDERS.map((o) => ({ value: o, label: dateName(o) })),
            ]}
            onChange={(v) =>
              onDraft((d) => ({
                ...d,
                dateOrder: v && v !== AUTO ? v : undefined,
                dateOrderConfirmed: d.dateOrderConfirmed || (!!v && v !== AUTO),
              }))
            }
            data-testid="import-date-order"
          />
        )}
        {busy && <Loader size="sm" aria-label={t('common.loading')} />}
      </Group>

      {preview.dateOrderAmbiguous && preview.dateOrder !== null && (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={t('import.map.ambiguousTitle')}>
          <Stack gap="xs">
            <Text size="sm">
              {t('import.map.ambiguousBody', { order: dateName(draft.dateOrder ?? preview.dateOrder) })}
            </Text>
            <Checkbox
              label={t('import.map.ambiguousConfirm', {
                order: dateName(draft.dateOrder ?? preview.dateOrder),
              })}
              checked={draft.dateOrderConfirmed}
              onChange={(e) => {
                const checked = e.currentTarget.checked
                onDraft((d) => ({ ...d, dateOrderConfirmed: checked }))
              }}
              data-testid="import-date-confirm"
            />
          </Stack>
        </Alert>
      )}

      {error && (
        <Alert
          color="red"
          role="alert"
          icon={<IconAlertTriangle aria-hidden />}
          title={t(`errors.${error.code}`)}
        />
      )}

      <Group gap="xs" data-testid="import-required">
        <Text size="sm">{t('import.map.requiredTitle')}</Text>
        {[...new Set([...(kind === 'customers' ? [] : ['customerName']), ...REQUIRED_FIELDS[kind]])].map(
          (f) => (
            <Badge key={f} variant="light" color={missing.includes(f) ? 'red' : 'teal'}>
              {t(`import.fields.${f}`)}
              {missing.includes(f) ? ` — ${t('import.map.unmapped')}` : ''}
            </Badge>
          ),
        )}
      </Group>

      <ScrollArea.Autosize
        mah="calc(100vh - 420px)"
        mih={220}
        type="auto"
        viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('import.map.columnsRegion') }}
      >
        <Table striped verticalSpacing={4} data-testid="import-columns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="25%">{t('import.map.column')}</Table.Th>
              <Table.Th>{t('import.map.examples')}</Table.Th>
              <Table.Th w={300}>{t('import.map.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.headers.map((header, col) => {
              const examples = preview.sample
                .map((row) => row[col] ?? '')
                .filter((v) => v.trim() !== '')
                .slice(0, 3)
              return (
                <Table.Tr key={col} data-testid="import-column">
                  <Table.Td fw={600}>{header || t('import.map.unnamed', { n: col + 1 })}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={2} style={{ wordBreak: 'break-word' }}>
                      {examples.length > 0 ? examples.join(' · ') : t('import.map.noValues')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t('import.map.fieldFor', { column: header || col + 1 })}
                      searchable
                      allowDeselect={false}
                      value={fieldOf.get(col) ?? NONE}
                      data={fieldOptions}
                      onChange={(v) => setColumn(col, v)}
                      comboboxProps={{ withinPortal: true }}
                      data-testid="import-field"
                    />
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>

      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('import.map.presetName')}
          w={340}
          value={presetName}
          onChange={(e) => setPresetName(e.currentTarget.value)}
          data-testid="import-preset-name"
        />
        <Button
          variant="light"
          leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          disabled={presetName.trim() === '' || saving}
          onClick={() => void savePreset()}
          data-testid="import-save-preset"
        >
          {t('import.map.savePreset')}
        </Button>
      </Group>
    </Stack>
  )
}
