import { useMemo, useState } from 'react'
import { Group, Select, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { FormDialog } from '../../components/FormDialog'
import { useSaving } from '../../components/useSaving'
import { DateField } from '../../components/DateField'
import { countryFilter } from '../../components/countries'
import { useFormatters } from '../../i18n/format'
import type { AppError } from '../../../../shared/errors'
import type { Fair } from '../../../../shared/fair'
import { localToday } from '../../../../shared/dates'
import { issuesByField } from './issues'
import { typeaheadProps } from '../../components/combobox'

type Draft = {
  name: string
  city: string
  country: string | null
  startDate: string | null
  endDate: string | null
}

/** A new fair, or the fair's details edited: name, city, country and its dates. */
export function FairDialog({ fair, onClose }: { fair: Fair | null; onClose: (saved: Fair | null) => void }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [draft, setDraft] = useState<Draft>(
    fair
      ? {
          name: fair.name,
          city: fair.city ?? '',
          country: fair.country,
          startDate: fair.startDate,
          endDate: fair.endDate,
        }
      : { name: '', city: '', country: null, startDate: localToday(), endDate: localToday() },
  )
  const [error, setError] = useState<AppError | null>(null)
  const { saving, run } = useSaving()
  const errors = issuesByField(t, error)
  const countries = useMemo(() => fmt.countryOptions(), [fmt])
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }))

  const submit = async () => {
    const input = {
      name: draft.name,
      city: draft.city || null,
      country: draft.country,
      startDate: draft.startDate ?? '',
      endDate: draft.endDate ?? '',
    }
    const res = await run(() =>
      fair ? call('fairs:update', { id: fair.id, fair: input }) : call('fairs:create', { fair: input }),
    )
    if (!res) return
    if (res.ok) onClose(res.data)
    else setError(res.error)
  }

  return (
    <FormDialog
      onClose={() => onClose(null)}
      title={fair ? t('fair.edit') : t('fair.new')}
      testId="fair-dialog"
      error={error && error.code !== 'validation' ? error : null}
      onSubmit={submit}
      saving={saving}
      submitLabel={fair ? t('common.save') : t('common.create')}
      submitTestId="fair-save"
    >
      <TextInput
        label={t('fair.name')}
        required
        data-autofocus
        value={draft.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors['name']}
        data-testid="fair-name"
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('fields.city')}
          value={draft.city}
          onChange={(e) => set('city', e.currentTarget.value)}
          error={errors['city']}
          data-testid="fair-city"
        />
        <Select
          label={t('fields.country')}
          data={countries}
          searchable
          clearable
          filter={countryFilter}
          selectFirstOptionOnChange
          openOnFocus={false}
          value={draft.country}
          onChange={(v) => set('country', v)}
          {...typeaheadProps}
          error={errors['country']}
          data-testid="fair-country"
        />
      </Group>
      <Group grow align="flex-start">
        <DateField
          label={t('fair.startDate')}
          required
          value={draft.startDate}
          onChange={(v) => set('startDate', v)}
          error={errors['startDate']}
          data-testid="fair-start"
        />
        <DateField
          label={t('fair.endDate')}
          required
          value={draft.endDate}
          onChange={(v) => set('endDate', v)}
          error={errors['endDate']}
          data-testid="fair-end"
        />
      </Group>
    </FormDialog>
  )
}
