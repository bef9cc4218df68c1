// Merging two customers (P8): both side by side, one radio pair per field whose values differ, what
// will move, then one Merge. The customer page opens it after a search picker; the create form's
// duplicate warning opens it with the new customer and the existing one.
import { useEffect, useMemo, useState } from 'react'
import { Center, Group, Loader, Radio, Stack, Table, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { notify } from '../../app/notify'
import { navigate } from '../../app/route'
import { FormDialog } from '../../components/FormDialog'
import { useSaving } from '../../components/useSaving'
import { nameProps } from '../../components/scriptLang'
import { useFormatters } from '../../i18n/format'
import { industryLabel, productCategoryLabel } from '../../i18n/vocabulary'
import type { AppError } from '../../../../shared/errors'
import { MERGE_CHILDREN } from '../../../../shared/merge'
import type { MergeCounts, MergeField, MergeSide } from '../../../../shared/merge'
import { defaultPicks, isEmptyValue, sameFields } from './mergeDefaults'
import type { Side } from './mergeDefaults'

type Formatters = ReturnType<typeof useFormatters>

/** A field's value as the profile shows it (codes in words, lists joined). */
function shown(t: TFunction, fmt: Formatters, field: MergeField, value: unknown): string {
  if (isEmptyValue(value)) return t('merge.empty')
  const v = value as string
  switch (field) {
    case 'country':
      return fmt.country(v)
    case 'businessType':
    case 'sizeBand':
    case 'quality':
    case 'source':
      return t(`enum.${field}.${v}`, { defaultValue: v })
    case 'preferredLanguage':
      return t(`enum.language.${v}`, { defaultValue: v })
    case 'industry':
      return industryLabel(t, v)
    case 'productCategories':
      return (value as string[]).map((c) => productCategoryLabel(t, c)).join(t('common.listSeparator'))
    default:
      return v
  }
}

/** "2 orders, 1 contact, a tier lock": the non-zero counts in words. */
export function countsText(t: TFunction, counts: MergeCounts): string {
  return MERGE_CHILDREN.filter((k) => counts[k] > 0)
    .map((k) => t(`merge.count.${k}`, { count: counts[k] }))
    .join(t('common.listSeparator'))
}

export function MergeDialog({
  aId,
  bId,
  onClose,
}: {
  /** The customer the dialog opened from; kept by default. */
  aId: string
  bId: string
  /** `merged` is true after a merge (the dialog has then gone to the survivor's page). */
  onClose: (merged?: boolean) => void
}) {
  const { t } = useTranslation()
  const preview = useQuery('customers:mergePreview', { aId, bId })
  const fmt = useFormatters()
  const [keep, setKeep] = useState<Side>('a')
  const [picks, setPicks] = useState<Partial<Record<MergeField, Side>>>({})
  const { saving, run } = useSaving()
  const [error, setError] = useState<AppError | null>(null)
  const data = preview.data
  // Defaults once the two customers are known: the non-empty value, else the newer one.
  const defaults = useMemo(() => (data ? defaultPicks(data) : {}), [data])
  useEffect(() => setPicks(defaults), [defaults])

  const sides: Record<Side, MergeSide> | null = data ? { a: data.a, b: data.b } : null
  const survivor = sides?.[keep]
  const other = sides?.[keep === 'a' ? 'b' : 'a']

  const submit = async () => {
    if (!data || !survivor || !other) return
    const fields = Object.fromEntries(
      data.differing.map((f) => [f, (picks[f] ?? keep) === keep ? 'survivor' : 'other']),
    )
    const res = await run(() =>
      call('customers:merge', {
        survivorId: survivor.customer.id,
        otherId: other.customer.id,
        fields,
      }),
    )
    if (!res) return
    if (!res.ok) {
      setError(res.error)
      return
    }
    // The survivor is named as it now is: with the display name picked for it.
    const names = {
      other: other.customer.displayName,
      name: sides[picks.displayName ?? keep].customer.displayName,
    }
    const move = res.data.tierChange
    notify(
      move
        ? t('merge.doneTier', { ...names, from: t(`enum.tier.${move.from}`), to: t(`enum.tier.${move.to}`) })
        : t('merge.done', names),
    )
    onClose(true)
    navigate({ name: 'customer', id: res.data.survivorId })
  }

  const same = data ? sameFields(data) : []
  return (
    <FormDialog
      title={t('merge.title')}
      size="56rem"
      onClose={() => onClose(false)}
      onSubmit={submit}
      saving={saving}
      error={error ?? (preview.status === 'error' ? preview.error : null)}
      submitLabel={t('merge.submit')}
      submitTestId="merge-submit"
      testId="merge-dialog"
    >
      {!sides || !survivor || !other ? (
        preview.status !== 'error' && (
          <Center h={120}>
            <Loader aria-label={t('common.loading')} />
          </Center>
        )
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('merge.intro')}</Text>
          <Radio.Group
            label={t('merge.keep')}
            value={keep}
            onChange={(v) => setKeep(v)}
            data-testid="merge-keep"
          >
            <Group mt={4} gap="xl" align="flex-start" wrap="nowrap">
              {(['a', 'b'] as const).map((s) => (
                <Radio
                  key={s}
                  value={s}
                  style={{ flex: 1, minWidth: 0 }}
                  label={
                    <span {...nameProps(sides[s].customer.displayName)}>{sides[s].customer.displayName}</span>
                  }
                  description={[
                    sides[s].customer.country ? fmt.country(sides[s].customer.country) : null,
                    t('merge.tier', { tier: t(`enum.tier.${sides[s].tier}`) }),
                    countsText(t, sides[s].counts),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  data-testid={`merge-keep-${s}`}
                />
              ))}
            </Group>
          </Radio.Group>
          {data!.differing.length === 0 ? (
            <Text size="sm">{t('merge.sameAll')}</Text>
          ) : (
            <>
              <Text size="sm" fw={500}>
                {t('merge.differing', { count: data!.differing.length })}
              </Text>
              <Table withTableBorder layout="fixed" verticalSpacing={6} data-testid="merge-fields">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="22%">{t('merge.field')}</Table.Th>
                    {(['a', 'b'] as const).map((s) => (
                      <Table.Th key={s}>
                        <Text size="sm" fw={700} truncate="end" {...nameProps(sides[s].customer.displayName)}>
                          {sides[s].customer.displayName}
                        </Text>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data!.differing.map((f) => (
                    <Table.Tr key={f} data-testid={`merge-field-${f}`}>
                      <Table.Td>
                        <Text size="sm" id={`merge-label-${f}`}>
                          {t(`fields.${f}`)}
                        </Text>
                      </Table.Td>
                      {(['a', 'b'] as const).map((s) => {
                        const value = shown(t, fmt, f, sides[s].customer[f])
                        return (
                          <Table.Td key={s}>
                            <Radio
                              name={`merge-${f}`}
                              value={s}
                              checked={(picks[f] ?? keep) === s}
                              onChange={() => setPicks((p) => ({ ...p, [f]: s }))}
                              aria-describedby={`merge-label-${f}`}
                              label={
                                <Text
                                  span
                                  size="sm"
                                  c={isEmptyValue(sides[s].customer[f]) ? 'dimmed' : undefined}
                                  style={{ overflowWrap: 'anywhere' }}
                                  lineClamp={3}
                                  {...nameProps(value)}
                                >
                                  {value}
                                </Text>
                              }
                              data-testid={`merge-pick-${f}-${s}`}
                            />
                          </Table.Td>
                        )
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          {same.length > 0 && data!.differing.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('merge.same', { fields: same.map((f) => t(`fields.${f}`)).join(t('common.listSeparator')) })}
            </Text>
          )}
          <Text size="sm" data-testid="merge-moves">
            {countsText(t, other.counts)
              ? t('merge.moves', { name: survivor.customer.displayName, what: countsText(t, other.counts) })
              : t('merge.movesNothing', { name: other.customer.displayName })}
          </Text>
        </Stack>
      )}
    </FormDialog>
  )
}
