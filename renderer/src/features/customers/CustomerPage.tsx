import { useEffect, useState } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
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
import { IconClock, IconTrash, IconUserPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { CardHeader } from '../../components/CardHeader'
import { useQuery } from '../../app/data'
import { prefetchCustomer } from './prefetch'
import { hrefFor, navigate } from '../../app/route'
import { useFormatters } from '../../i18n/format'
import type { Formatters } from '../../i18n/format'
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
import type { CustomerDetail, CustomerPatch } from '../../../../shared/domain'
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert'
import { EditableField, ReadOnlyField } from '../../components/EditableField'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { ContactCard, ContactEditor } from './ContactCard'
import { OrdersCard } from '../orders/OrdersCard'
import { InteractionsCard } from '../interactions/InteractionsCard'
import { FeedbackCard } from '../feedback/FeedbackCard'

export function CustomerPage({ id }: { id: string }) {
  const { t } = useTranslation()
  // Once per page: start every read of the page's cards together (they share the cache).
  useState(() => prefetchCustomer(id))
  const detail = useQuery('customers:get', { id })
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [addingContact, setAddingContact] = useState(false)

  if (detail.status === 'error' && !detail.data) {
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
  if (!detail.data) {
    return (
      <Center h={300}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    )
  }
  const { customer, contacts } = detail.data

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
          <Title order={2} data-testid="customer-title">
            {customer.displayName}
          </Title>
          {customer.originalName && customer.originalName !== customer.displayName && (
            <Text c="dimmed">{customer.originalName}</Text>
          )}
          <Group gap="xs" mt={4}>
            {customer.tags.map((tag) => (
              <Badge key={tag} variant="light">
                {tag}
              </Badge>
            ))}
          </Group>
        </div>
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
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Profile detail={detail.data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <LocalTime detail={detail.data} />
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
                  <ContactCard key={c.id} contact={c} />
                ))}
              </Stack>
            </Card>
            <InteractionsCard customerId={id} contacts={contacts} />
            <FeedbackCard customerId={id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <OrdersCard customerId={id} defaultCurrency={customer.currency} />
      <ContactEditor customerId={id} opened={addingContact} onClose={() => setAddingContact(false)} />
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

function Profile({ detail }: { detail: CustomerDetail }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const c = detail.customer
  const facets = useQuery('customers:facets', {})

  const save = (field: keyof CustomerPatch) => async (value: string | string[] | null) => {
    const patch = {
      [field]: value ?? (field === 'tags' || field === 'productCategories' ? [] : null),
    } as CustomerPatch
    if (field === 'displayName' && !value) patch.displayName = ''
    const res = await call('customers:update', { id: c.id, patch })
    if (res.ok) {
      return null
    }
    return fieldErrors(t, res.error)[field] ?? t(`errors.${res.error.code}`)
  }
  const enumOptions = (name: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t(`enum.${name}.${v}`) }))

  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('customer.profile')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" verticalSpacing="md">
        <EditableField name="displayName" value={c.displayName} onSave={save('displayName')} />
        <EditableField name="originalName" value={c.originalName} onSave={save('originalName')} />
        <EditableField name="latinName" value={c.latinName} onSave={save('latinName')} />
        <EditableField
          name="country"
          kind="select"
          value={c.country}
          options={fmt.countryOptions()}
          onSave={save('country')}
        />
        <EditableField name="city" value={c.city} onSave={save('city')} />
        <ReadOnlyField
          name="continent"
          value={detail.derived.continent ? t(`enum.continent.${detail.derived.continent}`) : null}
        />
        <EditableField name="address" kind="textarea" value={c.address} onSave={save('address')} />
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
        />
        <EditableField
          name="businessType"
          kind="select"
          value={c.businessType}
          options={enumOptions('businessType', BUSINESS_TYPES)}
          onSave={save('businessType')}
        />
        {/* Industry and product interests edit as names in the UI language; a listed name is
            stored as its code (industryFromInput), anything else as typed. */}
        <EditableField
          name="industry"
          value={industryLabel(t, c.industry) || null}
          options={industrySuggestions(t, fmt.locale, facets.data?.industries).map((n) => ({
            value: n,
            label: n,
          }))}
          onSave={(v) => save('industry')(industryFromInput(typeof v === 'string' ? v : null))}
        />
        <EditableField
          name="sizeBand"
          kind="select"
          value={c.sizeBand}
          options={enumOptions('sizeBand', SIZE_BANDS)}
          onSave={save('sizeBand')}
        />
        <EditableField
          name="quality"
          kind="select"
          value={c.quality}
          options={enumOptions('quality', QUALITY_LEVELS)}
          onSave={save('quality')}
        />
        <EditableField
          name="productCategories"
          kind="tags"
          value={c.productCategories.map((v) => productCategoryLabel(t, v))}
          options={productCategoryOptions(t, fmt.locale, c.industry).map((o) => ({
            value: o.label,
            label: o.label,
          }))}
          onSave={(v) => save('productCategories')(productCategoriesFromInput(Array.isArray(v) ? v : []))}
        />
        <EditableField
          name="source"
          kind="select"
          value={c.source}
          options={enumOptions('source', SOURCES)}
          onSave={save('source')}
        />
        <EditableField name="sourceDetail" value={c.sourceDetail} onSave={save('sourceDetail')} />
        <EditableField
          name="owner"
          kind="select"
          value={c.owner}
          options={(facets.data?.owners ?? []).map((o) => ({ value: o, label: o }))}
          onSave={save('owner')}
        />
        <EditableField
          name="preferredLanguage"
          kind="select"
          value={c.preferredLanguage}
          options={enumOptions('language', LANGUAGE_CODES)}
          onSave={save('preferredLanguage')}
        />
        <EditableField
          name="currency"
          kind="select"
          value={c.currency}
          options={CURRENCIES.map((v) => ({ value: v, label: v }))}
          onSave={save('currency')}
        />
        <EditableField
          name="tags"
          kind="tags"
          value={c.tags}
          options={(facets.data?.tags ?? []).map((v) => ({ value: v, label: v }))}
          onSave={save('tags')}
        />
        <EditableField
          name="timezone"
          value={c.timezone}
          emptyText={
            detail.derived.timezone ? `${detail.derived.timezone} · ${t('customer.tzDerived')}` : undefined
          }
          onSave={save('timezone')}
        />
        <ReadOnlyField name="createdAt" value={fmt.dateTime(c.createdAt)} />
      </SimpleGrid>
      <Stack mt="md">
        <EditableField name="notes" kind="textarea" value={c.notes} onSave={save('notes')} />
      </Stack>
    </Card>
  )
}

/** The customer's local time now and their weekend, refreshed every 30 seconds. */
function LocalTime({ detail }: { detail: CustomerDetail }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000)
    return () => clearInterval(timer)
  }, [])
  const tz = detail.derived.timezone
  return (
    <Card withBorder data-testid="local-time">
      <Group gap="xs" mb="xs">
        <IconClock size={18} aria-hidden />
        <Title order={3} size="h4">
          {t('customer.localTime')}
        </Title>
      </Group>
      {tz ? (
        <LocalTimeBody tz={tz} now={now} fmt={fmt} detail={detail} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('customer.noTimezone')}
        </Text>
      )}
    </Card>
  )
}

function LocalTimeBody({
  tz,
  now,
  fmt,
  detail,
}: {
  tz: string
  now: Date
  fmt: Formatters
  detail: CustomerDetail
}) {
  const { t } = useTranslation()
  const weekend = detail.derived.weekend
  const today = fmt.isoWeekdayIn(tz, now)
  const isWeekend = weekend.includes(today)
  return (
    <Stack gap={4}>
      <Text size="xl" fw={700}>
        {fmt.timeIn(tz, now)}
      </Text>
      <Text size="sm" c="dimmed">
        {tz}
        {detail.derived.timezoneDerived ? ` · ${t('customer.tzDerived')}` : ` · ${t('customer.tzOverride')}`}
      </Text>
      <Text size="sm">
        {t('customer.weekend', { days: weekend.map((d) => fmt.weekday(d)).join(t('common.listSeparator')) })}
      </Text>
      {isWeekend && (
        <Badge color="orange" variant="light" w="fit-content">
          {t('customer.isWeekend')}
        </Badge>
      )}
    </Stack>
  )
}
