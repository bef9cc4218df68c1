import { useEffect, useState } from 'react'
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Divider,
  Grid,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Breadcrumbs,
} from '@mantine/core'
import { notify } from '../../app/notify'
import { IconTrash, IconUserPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { CardHeader } from '../../components/CardHeader'
import { AddToGroupButton } from '../groups/AddToGroupButton'
import { useQuery } from '../../app/data'
import { prefetchCustomer } from './prefetch'
import { hrefFor, navigate } from '../../app/route'
import { useFormatters } from '../../i18n/format'
import {
  industryFromInput,
  industryLabel,
  industrySuggestions,
  productCategoriesFromInput,
  productCategoryLabel,
  productCategoryOptions,
} from '../../i18n/vocabulary'
import {
  BUSINESS_TYPES,
  CURRENCIES,
  LANGUAGE_CODES,
  QUALITY_LEVELS,
  SIZE_BANDS,
  SOURCES,
} from '../../../../shared/domain'
import { customerPatchSchema } from '../../../../shared/domain'
import type { CustomerDetail, CustomerPatch } from '../../../../shared/domain'
import { fieldIssues } from '../../../../shared/errors'
import type { IssueCode } from '../../../../shared/vocabulary'
import { ErrorAlert } from '../../components/ErrorAlert'
import { issueMessage } from '../../components/formErrors'
import { countryFilter } from '../../components/countries'
import { nameProps } from '../../components/scriptLang'
import { CustomerSummary } from './CustomerSummary'
import { EditableField, ReadOnlyField } from '../../components/EditableField'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { ContactCard, ContactEditor } from './ContactCard'
import { OrdersCard } from '../orders/OrdersCard'
import { InteractionsCard } from '../interactions/InteractionsCard'
import { FeedbackCard } from '../feedback/FeedbackCard'
import { MergeButton } from './MergePicker'
import { RemindersCard } from '../reminders/RemindersCard'
import { HolidayOptOutSwitch } from '../reminders/HolidayOptOutSwitch'
import { BusinessCards } from '../fair/BusinessCards'
import { HistoryCard } from './HistoryCard'

export function CustomerPage({ id }: { id: string }) {
  const { t } = useTranslation()
  // Once per page: start every read of the page's cards together (they share the cache), and show
  // the page when all are in, so it renders once rather than once per card's answer.
  const [reads] = useState(() => prefetchCustomer(id))
  const [allRead, setAllRead] = useState(reads === null)
  useEffect(() => {
    let live = true
    void reads?.then(() => live && setAllRead(true))
    return () => {
      live = false
    }
  }, [reads])
  const detail = useQuery('customers:get', { id })
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [addingContact, setAddingContact] = useState(false)
  // Bumped by the header strip's "Assign" to open the owner field for editing.
  const [assignOwner, setAssignOwner] = useState(0)
  const fmt = useFormatters()
  // A customer merged into another (P8) answers with its survivor: show that one instead, in place
  // of this entry in the history, so Back does not come here again.
  const survivorId =
    detail.status === 'error' && detail.error.code === 'merged'
      ? (detail.error.details as { survivorId?: string } | undefined)?.survivorId
      : undefined
  useEffect(() => {
    if (survivorId) window.location.replace(hrefFor({ name: 'customer', id: survivorId }))
  }, [survivorId])

  if (detail.status === 'error' && !detail.data && !survivorId) {
    return (
      <Stack>
        <Crumbs name={null} />
        <ErrorAlert
          error={detail.error}
          title={detail.error.code === 'not_found' ? t('customer.notFound') : undefined}
        />
        <Anchor href={hrefFor({ name: 'customers' })}>{t('customer.backToList')}</Anchor>
      </Stack>
    )
  }
  if (!detail.data || (!allRead && detail.status !== 'error')) {
    return (
      <Center h={300}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    )
  }
  const { customer, contacts, mergedFrom } = detail.data

  const remove = async () => {
    const res = await call('customers:delete', { id })
    setConfirmDelete(false)
    if (res.ok) {
      notify(t('customer.deleted', { name: customer.displayName }))
      navigate({ name: 'customers' })
    } else {
      notify(t(`errors.${res.error.code}`), 'red')
    }
  }

  return (
    <Stack gap="md">
      <Crumbs name={customer.displayName} />
      <Group justify="space-between" align="flex-start">
        <div>
          {/* Names in their own script read in their own direction (inline, so the line stays aligned). */}
          <Title order={2} data-testid="customer-title">
            <span {...nameProps(customer.displayName)}>{customer.displayName}</span>
          </Title>
          {customer.originalName && customer.originalName !== customer.displayName && (
            <Text c="dimmed" data-testid="customer-original-name">
              <span {...nameProps(customer.originalName)}>{customer.originalName}</span>
            </Text>
          )}
          {/* The merge history (P8) until the page has a history tab: who was merged in, when. */}
          {mergedFrom.map((m) => (
            <Text key={m.id} size="sm" c="dimmed" data-testid="merged-from">
              {t('merge.history', { name: m.displayName, date: fmt.date(m.at.slice(0, 10)) })}
            </Text>
          ))}
          <Group gap="xs" mt={4}>
            {customer.tags.map((tag) => (
              <Badge key={tag} variant="light">
                {tag}
              </Badge>
            ))}
          </Group>
        </div>
        <Group gap="xs">
          <AddToGroupButton customerId={customer.id} />
          <MergeButton customerId={customer.id} name={customer.displayName} />
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setConfirmDelete(true)}
            data-testid="delete-customer"
          >
            {t('customer.delete')}
          </Button>
        </Group>
      </Group>
      <CustomerSummary detail={detail.data} onAssignOwner={() => setAssignOwner((n) => n + 1)} />
      {/* Profile and the interaction log beside contacts and feedback (the columns grow alike); orders
          below take the whole width. */}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Profile detail={detail.data} assignOwner={assignOwner} />
            <InteractionsCard customerId={id} contacts={contacts} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <RemindersCard customerId={id} contacts={contacts} />
            <Card withBorder>
              <CardHeader
                title={t('contacts.title')}
                action={
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconUserPlus size={14} aria-hidden />}
                    onClick={() => setAddingContact(true)}
                    data-testid="add-contact"
                  >
                    {t('contacts.add')}
                  </Button>
                }
              />
              <Stack gap="sm">
                {contacts.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('contacts.none')}
                  </Text>
                )}
                {contacts.map((c) => (
                  <ContactCard key={c.id} contact={c} country={customer.country} />
                ))}
              </Stack>
            </Card>
            <FeedbackCard customerId={id} />
            <BusinessCards customerId={id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <OrdersCard customerId={id} defaultCurrency={customer.currency} />
      <HistoryCard customerId={id} />
      <ContactEditor
        customerId={id}
        country={customer.country}
        opened={addingContact}
        onClose={() => setAddingContact(false)}
      />
      <ConfirmDelete
        opened={confirmDelete}
        title={t('customer.deleteTitle')}
        body={t('customer.deleteBody', { name: customer.displayName })}
        action={t('customer.delete')}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => void remove()}
      />
    </Stack>
  )
}

/** The first problem main's schema finds in a one-field patch, or null. */
function patchIssue(patch: CustomerPatch): IssueCode | null {
  const parsed = customerPatchSchema.safeParse(patch)
  return parsed.success ? null : (fieldIssues(parsed.error.issues)[0]?.code ?? 'invalid_value')
}

function Crumbs({ name }: { name: string | null }) {
  const { t } = useTranslation()
  return (
    <Breadcrumbs aria-label={t('nav.breadcrumbs')}>
      <Anchor href={hrefFor({ name: 'customers' })} size="sm">
        {t('nav.customers')}
      </Anchor>
      {name && <Text size="sm">{name}</Text>}
    </Breadcrumbs>
  )
}

function Profile({ detail, assignOwner }: { detail: CustomerDetail; assignOwner: number }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const c = detail.customer
  const facets = useQuery('customers:facets', {})

  const save = (field: keyof CustomerPatch) => async (value: string | string[] | null) => {
    const patch = {
      [field]: value ?? (field === 'tags' || field === 'productCategories' ? [] : null),
    } as CustomerPatch
    if (field === 'displayName' && !value) patch.displayName = ''
    // The same check as main first, so nothing is sent that main would refuse.
    const own = patchIssue(patch)
    if (own) return issueMessage(t, own, { countryName: fmt.country(c.country) })
    const res = await call('customers:update', { id: c.id, patch })
    if (res.ok) return null
    const issue = res.error.issues?.[0]
    return issue
      ? issueMessage(t, issue.code, { countryName: fmt.country(c.country) })
      : t(`errors.${res.error.code}`)
  }
  /** Live check while an inline field shows an error, so the error clears as soon as the value is valid. */
  const check = (field: keyof CustomerPatch) => (value: string | string[] | null) => {
    const own = patchIssue({
      [field]:
        value ??
        (field === 'tags' || field === 'productCategories' ? [] : field === 'displayName' ? '' : null),
    })
    return own ? issueMessage(t, own) : null
  }
  // Option lists are built when a field opens; at rest a select shows its one label.
  const enumChoice = (name: string, values: readonly string[]) => ({
    options: () => values.map((v) => ({ value: v, label: t(`enum.${name}.${v}`) })),
    display: (v: string | string[] | null) => (typeof v === 'string' ? t(`enum.${name}.${v}`) : null),
  })

  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t('customer.profile')}
      </Title>
      <ProfileSection title={t('customerPage.sections.identity')}>
        <EditableField
          name="displayName"
          value={c.displayName}
          onSave={save('displayName')}
          check={check('displayName')}
        />
        <EditableField
          name="originalName"
          value={c.originalName}
          onSave={save('originalName')}
          check={check('originalName')}
        />
        <EditableField
          name="latinName"
          value={c.latinName}
          onSave={save('latinName')}
          check={check('latinName')}
        />
        <EditableField
          name="country"
          kind="select"
          value={c.country}
          options={fmt.countryOptions}
          display={(v) => (typeof v === 'string' ? fmt.country(v) : null)}
          filter={countryFilter}
          onSave={save('country')}
          check={check('country')}
        />
        <EditableField name="city" value={c.city} onSave={save('city')} check={check('city')} />
        <ReadOnlyField
          name="continent"
          value={detail.derived.continent ? t(`enum.continent.${detail.derived.continent}`) : null}
        />
        <EditableField
          name="address"
          kind="textarea"
          value={c.address}
          onSave={save('address')}
          check={check('address')}
        />
      </ProfileSection>
      <ProfileSection title={t('customerPage.sections.channels')}>
        <EditableField
          name="website"
          value={c.website}
          display={(v) =>
            typeof v === 'string' ? (
              <Anchor href={v} target="_blank" rel="noreferrer" size="sm">
                {detail.derived.websiteDomain ?? v}
              </Anchor>
            ) : null
          }
          onSave={save('website')}
          check={check('website')}
        />
        <EditableField
          name="preferredLanguage"
          kind="select"
          value={c.preferredLanguage}
          {...enumChoice('language', LANGUAGE_CODES)}
          onSave={save('preferredLanguage')}
          check={check('preferredLanguage')}
        />
        <EditableField
          name="timezone"
          value={c.timezone}
          emptyText={
            detail.derived.timezone ? `${detail.derived.timezone} · ${t('customer.tzDerived')}` : undefined
          }
          onSave={save('timezone')}
          check={check('timezone')}
        />
        <HolidayOptOutSwitch customer={c} />
      </ProfileSection>
      <ProfileSection title={t('customerPage.sections.classification')}>
        <EditableField
          name="businessType"
          kind="select"
          value={c.businessType}
          {...enumChoice('businessType', BUSINESS_TYPES)}
          onSave={save('businessType')}
          check={check('businessType')}
        />
        {/* Industry and product interests edit as names in the UI language; a listed name is
            stored as its code (industryFromInput), anything else as typed. */}
        <EditableField
          name="industry"
          value={industryLabel(t, c.industry) || null}
          options={() =>
            industrySuggestions(t, fmt.locale, facets.data?.industries).map((n) => ({ value: n, label: n }))
          }
          onSave={(v) => save('industry')(industryFromInput(typeof v === 'string' ? v : null))}
        />
        <EditableField
          name="sizeBand"
          kind="select"
          value={c.sizeBand}
          {...enumChoice('sizeBand', SIZE_BANDS)}
          onSave={save('sizeBand')}
          check={check('sizeBand')}
        />
        <EditableField
          name="quality"
          kind="select"
          value={c.quality}
          {...enumChoice('quality', QUALITY_LEVELS)}
          onSave={save('quality')}
          check={check('quality')}
        />
        <EditableField
          name="productCategories"
          kind="tags"
          value={c.productCategories.map((v) => productCategoryLabel(t, v))}
          options={() =>
            productCategoryOptions(t, fmt.locale, c.industry).map((o) => ({ value: o.label, label: o.label }))
          }
          onSave={(v) => save('productCategories')(productCategoriesFromInput(Array.isArray(v) ? v : []))}
        />
        <EditableField
          name="source"
          kind="select"
          value={c.source}
          {...enumChoice('source', SOURCES)}
          onSave={save('source')}
          check={check('source')}
        />
        <EditableField
          name="sourceDetail"
          value={c.sourceDetail}
          onSave={save('sourceDetail')}
          check={check('sourceDetail')}
        />
        {/* Free text with the team's names offered: a first owner must be typeable. */}
        <EditableField
          name="owner"
          openSignal={assignOwner}
          value={c.owner}
          options={() =>
            [...new Set([...(facets.data?.people ?? []), ...(facets.data?.owners ?? [])])].map((o) => ({
              value: o,
              label: o,
            }))
          }
          onSave={save('owner')}
          check={check('owner')}
        />
        <EditableField
          name="currency"
          kind="select"
          value={c.currency}
          options={() => CURRENCIES.map((v) => ({ value: v, label: v }))}
          display={(v) => (typeof v === 'string' ? v : null)}
          onSave={save('currency')}
          check={check('currency')}
        />
        <EditableField
          name="tags"
          kind="tags"
          value={c.tags}
          options={() => (facets.data?.tags ?? []).map((v) => ({ value: v, label: v }))}
          onSave={save('tags')}
          check={check('tags')}
        />
      </ProfileSection>
      <ProfileSection title={t('customerPage.sections.notes')} cols={1}>
        <EditableField
          name="notes"
          kind="textarea"
          value={c.notes}
          onSave={save('notes')}
          check={check('notes')}
        />
        <ReadOnlyField name="createdAt" value={fmt.dateTime(c.createdAt)} />
      </ProfileSection>
    </Card>
  )
}

/** A titled group of profile fields; the grid keeps three columns on a wide window. */
function ProfileSection({
  title,
  cols = { base: 1, sm: 2, md: 3 },
  children,
}: {
  title: string
  /** Columns, fixed or per breakpoint. Default 1 / 2 (sm) / 3 (md). */
  cols?: number | Record<string, number>
  children: React.ReactNode
}) {
  return (
    <Box component="section" mt="md">
      <Divider
        mb="sm"
        labelPosition="left"
        label={
          <Title order={4} size="sm" c="dimmed" fw={600}>
            {title}
          </Title>
        }
      />
      <SimpleGrid cols={cols} spacing="md" verticalSpacing="sm">
        {children}
      </SimpleGrid>
    </Box>
  )
}
