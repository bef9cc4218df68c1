import { useState } from 'react'
import { prefetchCustomer } from './prefetch'
import {
  TextInput,
  Select,
  Button,
  TagsInput,
  Autocomplete,
  Divider,
  Text,
  Alert,
  Anchor,
  List,
  SimpleGrid,
} from '@mantine/core'
import { notify } from '../../app/notify'
import { IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { navigate, hrefFor } from '../../app/route'
import { useFormatters } from '../../i18n/format'
import { BUSINESS_TYPES, SOURCES, duplicateCandidateSchema } from '../../../../shared/domain'
import type { DuplicateCandidate } from '../../../../shared/domain'
import { MergeDialog } from './MergeDialog'
import type { AppError } from '../../../../shared/errors'
import { FormDialog } from '../../components/FormDialog'
import { useSaving } from '../../components/useSaving'
import { describeIssues, useFormIssues } from '../../components/formErrors'
import { countryFilter } from '../../components/countries'
import { typeaheadProps } from '../../components/combobox'
import { EMPTY_CUSTOMER, customerFormSpec, toCreateInput } from './forms'
import type { CustomerDraft } from './forms'

/**
 * New customer with an optional first contact; warns about likely duplicates before creating.
 * Every problem shows at once, under its field and in a list that names the fields as labelled
 * here; an error clears as soon as its field is fixed.
 */
export function CreateCustomerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [draft, setDraft] = useState<CustomerDraft>(EMPTY_CUSTOMER)
  const [error, setError] = useState<AppError | null>(null)
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null)
  const { saving, run } = useSaving()
  // Set once the new customer is created to be merged into an existing one (P8).
  const [merging, setMerging] = useState<{ existing: string; created: string } | null>(null)
  const facets = useQuery('customers:facets', {})
  const form = useFormIssues(customerFormSpec, draft)
  const { byField: errors, lines } = describeIssues(t, customerFormSpec.labels, form.issues, {
    countryName: draft.country ? fmt.country(draft.country) : null,
  })

  const set = <K extends keyof CustomerDraft>(k: K, v: CustomerDraft[K]) =>
    setDraft((d) => ({ ...d, [k]: v }))
  const field = <K extends keyof CustomerDraft>(k: K) => ({
    value: draft[k] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      // Read the value now: React clears currentTarget before a deferred state updater runs.
      const value = e.currentTarget.value
      setDraft((d) => ({ ...d, [k]: value }))
    },
    error: errors[k],
  })

  const close = () => {
    setDraft(EMPTY_CUSTOMER)
    setError(null)
    setDuplicates(null)
    form.reset()
    onClose()
  }

  const submit = async (allowDuplicates: boolean) => {
    setError(null)
    if (!form.submit()) return
    const res = await run(() => call('customers:create', { ...toCreateInput(draft), allowDuplicates }))
    if (!res) return
    if (res.ok) {
      // The new page's reads first, so main answers them while this window closes the dialog and
      // renders the page.
      void prefetchCustomer(res.data.id)
      notify(t('customers.created', { name: draft.displayName }))
      close()
      navigate({ name: 'customer', id: res.data.id })
      return
    }
    if (res.error.code === 'duplicate_suspected') {
      const parsed = duplicateCandidateSchema
        .array()
        .safeParse((res.error.details as { candidates?: unknown })?.candidates)
      setDuplicates(parsed.success ? parsed.data : [])
      return
    }
    if (!form.fromMain(res.error)) setError(res.error)
  }

  /** Creates the customer despite the warning, then opens the merge with the existing one. */
  const createAndMerge = async (existing: string) => {
    setError(null)
    if (!form.submit()) return
    const res = await run(() => call('customers:create', { ...toCreateInput(draft), allowDuplicates: true }))
    if (!res) return
    if (res.ok) setMerging({ existing, created: res.data.id })
    else if (!form.fromMain(res.error)) setError(res.error)
  }

  if (merging) {
    return (
      <MergeDialog
        aId={merging.existing}
        bId={merging.created}
        onClose={(merged) => {
          close()
          // Not merged after all: the new customer exists, so show it as a plain create would.
          if (!merged) navigate({ name: 'customer', id: merging.created })
        }}
      />
    )
  }

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t('customers.new')}
      size="lg"
      testId="create-customer"
      error={error}
      issues={lines}
      onSubmit={() => submit(false)}
      saving={saving}
      submitLabel={t('common.create')}
      submitTestId="save-customer"
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          label={t('fields.displayName')}
          required
          {...field('displayName')}
          data-autofocus
          data-testid="field-displayName"
        />
        <TextInput
          label={t('fields.originalName')}
          description={t('hints.originalName')}
          {...field('originalName')}
          dir="auto"
          data-testid="field-originalName"
        />
        <Select
          label={t('fields.country')}
          description={t('customerForm.countryHint')}
          required
          data={fmt.countryOptions()}
          searchable
          clearable
          filter={countryFilter}
          selectFirstOptionOnChange
          // Focus comes here after a refused save; the list opens when typing, not on its own.
          openOnFocus={false}
          nothingFoundMessage={t('customerForm.countryNothing')}
          value={draft.country}
          onChange={(v) => set('country', v)}
          {...typeaheadProps}
          error={errors['country']}
          data-testid="field-country"
        />
        <TextInput label={t('fields.city')} {...field('city')} data-testid="field-city" />
        <TextInput
          label={t('fields.website')}
          placeholder="example.com"
          {...field('website')}
          data-testid="field-website"
        />
        <Select
          label={t('fields.businessType')}
          data={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`enum.businessType.${b}`) }))}
          clearable
          value={draft.businessType}
          onChange={(v) => set('businessType', v)}
          error={errors['businessType']}
        />
        <Autocomplete
          label={t('fields.industry')}
          data={facets.data?.industries ?? []}
          value={draft.industry}
          onChange={(v) => set('industry', v)}
          error={errors['industry']}
        />
        <Select
          label={t('fields.source')}
          data={SOURCES.map((s) => ({ value: s, label: t(`enum.source.${s}`) }))}
          clearable
          value={draft.source}
          onChange={(v) => set('source', v)}
          error={errors['source']}
        />
        <Autocomplete
          label={t('fields.owner')}
          data={[...new Set([...(facets.data?.people ?? []), ...(facets.data?.owners ?? [])])]}
          value={draft.owner}
          onChange={(v) => set('owner', v)}
          error={errors['owner']}
        />
        <TagsInput
          label={t('fields.tags')}
          data={facets.data?.tags ?? []}
          value={draft.tags}
          onChange={(v) => set('tags', v)}
          error={errors['tags']}
        />
      </SimpleGrid>
      <Divider label={t('contacts.first')} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          label={t('customerForm.contactName')}
          {...field('contactName')}
          dir="auto"
          data-testid="field-contactName"
        />
        <TextInput label={t('fields.title')} {...field('contactTitle')} data-testid="field-contactTitle" />
        <TextInput
          label={t('customerForm.contactEmail')}
          type="email"
          {...field('contactEmail')}
          data-testid="field-contactEmail"
        />
        <TextInput
          label={t('customerForm.contactPhone')}
          description={t('hints.phone')}
          {...field('contactPhone')}
          data-testid="field-contactPhone"
        />
      </SimpleGrid>
      {duplicates && (
        <Alert
          color="yellow"
          icon={<IconCopy aria-hidden />}
          title={t('duplicates.title')}
          data-testid="duplicate-warning"
        >
          <Text size="sm">{t('duplicates.body')}</Text>
          <List size="sm" mt="xs">
            {duplicates.map((d) => (
              <List.Item key={d.id}>
                <Anchor href={hrefFor({ name: 'customer', id: d.id })} onClick={close}>
                  {d.displayName}
                </Anchor>
                {d.country ? ` · ${fmt.country(d.country)}` : ''} —{' '}
                {d.reasons.map((r) => t(`duplicates.reason.${r}`)).join(t('common.listSeparator'))}{' '}
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="yellow.9"
                  title={t('merge.fromDuplicateHint')}
                  onClick={() => void createAndMerge(d.id)}
                  data-testid="create-and-merge"
                >
                  {t('merge.fromDuplicate')}
                </Button>
              </List.Item>
            ))}
          </List>
          <Button
            mt="sm"
            size="xs"
            variant="outline"
            color="yellow"
            onClick={() => void submit(true)}
            data-testid="create-anyway"
          >
            {t('duplicates.createAnyway')}
          </Button>
        </Alert>
      )}
    </FormDialog>
  )
}
