import { useState } from 'react'
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
import { industryFromInput, industrySuggestions } from '../../i18n/vocabulary'
import { BUSINESS_TYPES, SOURCES, duplicateCandidateSchema } from '../../../../shared/domain'
import type { CustomerInput, DuplicateCandidate } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { FormDialog } from '../../components/FormDialog'
import { fieldErrors } from '../../components/ErrorAlert'

type Draft = {
  displayName: string
  originalName: string
  country: string | null
  city: string
  website: string
  businessType: string | null
  industry: string
  source: string | null
  owner: string
  tags: string[]
  contactName: string
  contactTitle: string
  contactEmail: string
  contactPhone: string
}

const EMPTY: Draft = {
  displayName: '',
  originalName: '',
  country: null,
  city: '',
  website: '',
  businessType: null,
  industry: '',
  source: null,
  owner: '',
  tags: [],
  contactName: '',
  contactTitle: '',
  contactEmail: '',
  contactPhone: '',
}

const nullIfEmpty = (s: string) => (s.trim() === '' ? null : s.trim())

/** New customer with an optional first contact; warns about likely duplicates before creating. */
export function CreateCustomerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [error, setError] = useState<AppError | null>(null)
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null)
  const [saving, setSaving] = useState(false)
  const facets = useQuery('customers:facets', {})
  const errors = fieldErrors(t, error)

  const field = <K extends keyof Draft>(k: K) => ({
    value: draft[k] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      // Read the value now: React clears currentTarget before a deferred state updater runs.
      const value = e.currentTarget.value
      setDraft((d) => ({ ...d, [k]: value }))
    },
  })

  const close = () => {
    setDraft(EMPTY)
    setError(null)
    setDuplicates(null)
    onClose()
  }

  const submit = async (allowDuplicates: boolean) => {
    setSaving(true)
    setError(null)
    const customer: CustomerInput = {
      displayName: draft.displayName,
      originalName: nullIfEmpty(draft.originalName),
      country: draft.country,
      city: nullIfEmpty(draft.city),
      website: nullIfEmpty(draft.website),
      businessType: draft.businessType as CustomerInput['businessType'],
      // A name from the standard list is stored as its code, so every UI language shows its own name.
      industry: industryFromInput(draft.industry),
      source: draft.source as CustomerInput['source'],
      owner: nullIfEmpty(draft.owner),
      tags: draft.tags,
    }
    const hasContact = [draft.contactName, draft.contactEmail, draft.contactPhone].some((s) => s.trim())
    const contacts = hasContact
      ? [
          {
            name: draft.contactName,
            title: nullIfEmpty(draft.contactTitle),
            emails: draft.contactEmail.trim() ? [draft.contactEmail.trim()] : [],
            phones: draft.contactPhone.trim() ? [draft.contactPhone.trim()] : [],
            isPrimary: true,
          },
        ]
      : []
    const res = await call('customers:create', { customer, contacts, allowDuplicates })
    setSaving(false)
    if (res.ok) {
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
    setError(res.error)
  }

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={t('customers.new')}
      size="lg"
      testId="create-customer"
      error={error}
      onSubmit={() => submit(false)}
      saving={saving}
      submitLabel={t('common.create')}
      submitTestId="save-customer"
    >
      <SimpleGrid cols={2}>
        <TextInput
          label={t('fields.displayName')}
          required
          {...field('displayName')}
          error={errors['displayName']}
          data-autofocus
          data-testid="field-displayName"
        />
        <TextInput
          label={t('fields.originalName')}
          description={t('hints.originalName')}
          {...field('originalName')}
          error={errors['originalName']}
          data-testid="field-originalName"
        />
        <Select
          label={t('fields.country')}
          data={fmt.countryOptions()}
          searchable
          clearable
          value={draft.country}
          onChange={(v) => setDraft((d) => ({ ...d, country: v }))}
          error={errors['country']}
          data-testid="field-country"
        />
        <TextInput
          label={t('fields.city')}
          {...field('city')}
          error={errors['city']}
          data-testid="field-city"
        />
        <TextInput
          label={t('fields.website')}
          placeholder="example.com"
          {...field('website')}
          error={errors['website']}
          data-testid="field-website"
        />
        <Select
          label={t('fields.businessType')}
          data={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`enum.businessType.${b}`) }))}
          clearable
          value={draft.businessType}
          onChange={(v) => setDraft((d) => ({ ...d, businessType: v }))}
        />
        <Autocomplete
          label={t('fields.industry')}
          data={industrySuggestions(t, fmt.locale, facets.data?.industries)}
          value={draft.industry}
          onChange={(v) => setDraft((d) => ({ ...d, industry: v }))}
        />
        <Select
          label={t('fields.source')}
          data={SOURCES.map((s) => ({ value: s, label: t(`enum.source.${s}`) }))}
          clearable
          value={draft.source}
          onChange={(v) => setDraft((d) => ({ ...d, source: v }))}
        />
        <Autocomplete
          label={t('fields.owner')}
          data={facets.data?.owners ?? []}
          value={draft.owner}
          onChange={(v) => setDraft((d) => ({ ...d, owner: v }))}
        />
        <TagsInput
          label={t('fields.tags')}
          data={facets.data?.tags ?? []}
          value={draft.tags}
          onChange={(v) => setDraft((d) => ({ ...d, tags: v }))}
        />
      </SimpleGrid>
      <Divider label={t('contacts.first')} labelPosition="left" />
      <SimpleGrid cols={2}>
        <TextInput
          label={t('fields.name')}
          {...field('contactName')}
          error={errors['contacts.0.name']}
          data-testid="field-contactName"
        />
        <TextInput label={t('fields.title')} {...field('contactTitle')} />
        <TextInput
          label={t('fields.email')}
          type="email"
          {...field('contactEmail')}
          error={errors['contacts.0.emails.0']}
          data-testid="field-contactEmail"
        />
        <TextInput
          label={t('fields.phone')}
          description={t('hints.phone')}
          {...field('contactPhone')}
          error={errors['contacts.0.phones.0']}
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
                {d.reasons.map((r) => t(`duplicates.reason.${r}`)).join(t('common.listSeparator'))}
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
