import { Suspense, lazy, useMemo, useState } from 'react'
import {
  Button,
  Group,
  MultiSelect,
  Stack,
  Title,
  Text,
  Paper,
  Progress,
  Center,
  ThemeIcon,
  Loader,
} from '@mantine/core'
import { IconPlus, IconDatabaseImport, IconUsers, IconFilterOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { request } from '../../api/client'
import { useQuery, useTablesVersion } from '../../app/data'
import { READS } from '../../../../shared/reads'
import { useFormatters } from '../../i18n/format'
import { industryLabel } from '../../i18n/vocabulary'
import { BUSINESS_TYPES, CONTINENTS, SOURCES, VALUE_TIERS } from '../../../../shared/vocabulary'
import { useJobProgress } from '../../app/jobs'
import type { AppError } from '../../../../shared/errors'
import { ApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { CustomerTable } from './CustomerTable'
import type { TableQuery } from './CustomerTable'

// The form (with its schemas and phone rules) loads when first opened, not with the list.
const CreateCustomerModal = lazy(() =>
  import('./CreateCustomerModal').then((m) => ({ default: m.CreateCustomerModal })),
)

const DEMO_SIZE = 500

type Filters = Required<
  Pick<
    TableQuery,
    'tiers' | 'countries' | 'continents' | 'industries' | 'businessTypes' | 'owners' | 'tags' | 'sources'
  >
>
const NO_FILTERS: Filters = {
  tiers: [],
  countries: [],
  continents: [],
  industries: [],
  businessTypes: [],
  owners: [],
  tags: [],
  sources: [],
}

export function CustomersScreen() {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const version = useTablesVersion(READS['customers:list'])
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [sort, setSort] = useState<{ sort: NonNullable<TableQuery['sort']>; direction: 'asc' | 'desc' }>({
    sort: 'name',
    direction: 'asc',
  })
  const [total, setTotal] = useState<number | null>(null)
  const [creating, setCreating] = useState(false)
  const facets = useQuery('customers:facets', {})
  const info = useQuery('app:info', {})
  const filtered = Object.values(filters).some((v) => v.length > 0)
  const query = useMemo(() => ({ ...filters, ...sort }), [filters, sort])

  const set =
    <K extends keyof Filters>(k: K) =>
    (v: string[]) =>
      setFilters((f) => ({ ...f, [k]: v as Filters[K] }))

  if (info.status === 'error' && !info.data) return <ErrorAlert error={info.error} />
  if (!info.data) {
    return (
      <Center h={300}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    )
  }
  const empty = info.data.customerCount === 0

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('customers.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="customer-count">
            {total === null ? '\u00a0' : t('customers.count', { count: total, formatted: fmt.number(total) })}
          </Text>
        </div>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setCreating(true)}
          data-testid="new-customer"
        >
          {t('customers.new')}
        </Button>
      </Group>

      {empty ? (
        <EmptyState onCreate={() => setCreating(true)} />
      ) : (
        <>
          <Paper withBorder p="sm">
            <Group gap="sm" align="flex-end">
              <MultiSelect
                label={t('fields.tier')}
                placeholder={filters.tiers.length ? undefined : t('filters.any')}
                data={VALUE_TIERS.map((v) => ({ value: v, label: t(`enum.tier.${v}`) }))}
                value={filters.tiers}
                onChange={set('tiers')}
                clearable
                w={130}
                data-testid="filter-tier"
              />
              <MultiSelect
                label={t('fields.country')}
                placeholder={filters.countries.length ? undefined : t('filters.any')}
                data={(facets.data?.countries ?? [])
                  .map((c) => ({ value: c, label: fmt.country(c) }))
                  .sort((a, b) => a.label.localeCompare(b.label, fmt.locale))}
                value={filters.countries}
                onChange={set('countries')}
                searchable
                clearable
                w={130}
                data-testid="filter-country"
              />
              <MultiSelect
                label={t('fields.continent')}
                placeholder={filters.continents.length ? undefined : t('filters.any')}
                data={CONTINENTS.map((c) => ({ value: c, label: t(`enum.continent.${c}`) }))}
                value={filters.continents}
                onChange={set('continents')}
                clearable
                w={130}
                data-testid="filter-continent"
              />
              <MultiSelect
                label={t('fields.industry')}
                placeholder={filters.industries.length ? undefined : t('filters.any')}
                data={(facets.data?.industries ?? [])
                  .map((v) => ({ value: v, label: industryLabel(t, v) }))
                  .sort((a, b) => a.label.localeCompare(b.label, fmt.locale))}
                value={filters.industries}
                onChange={set('industries')}
                searchable
                clearable
                w={130}
              />
              <MultiSelect
                label={t('fields.businessType')}
                placeholder={filters.businessTypes.length ? undefined : t('filters.any')}
                data={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`enum.businessType.${b}`) }))}
                value={filters.businessTypes}
                onChange={set('businessTypes')}
                clearable
                w={130}
              />
              <MultiSelect
                label={t('fields.owner')}
                placeholder={filters.owners.length ? undefined : t('filters.any')}
                data={facets.data?.owners ?? []}
                value={filters.owners}
                onChange={set('owners')}
                clearable
                w={130}
              />
              <MultiSelect
                label={t('fields.tags')}
                placeholder={filters.tags.length ? undefined : t('filters.any')}
                data={facets.data?.tags ?? []}
                value={filters.tags}
                onChange={set('tags')}
                searchable
                clearable
                w={130}
              />
              <MultiSelect
                label={t('fields.source')}
                placeholder={filters.sources.length ? undefined : t('filters.any')}
                data={SOURCES.map((s) => ({ value: s, label: t(`enum.source.${s}`) }))}
                value={filters.sources}
                onChange={set('sources')}
                clearable
                w={130}
              />
              {filtered && (
                <Button
                  variant="subtle"
                  leftSection={<IconFilterOff size={16} aria-hidden />}
                  onClick={() => setFilters(NO_FILTERS)}
                >
                  {t('filters.clear')}
                </Button>
              )}
            </Group>
          </Paper>
          {total === 0 && filtered ? (
            <Paper withBorder p="xl">
              <Stack align="center" gap="xs">
                <Text fw={600}>{t('customers.noMatchTitle')}</Text>
                <Text size="sm" c="dimmed">
                  {t('customers.noMatchBody')}
                </Text>
                <Button variant="light" onClick={() => setFilters(NO_FILTERS)}>
                  {t('filters.clear')}
                </Button>
              </Stack>
            </Paper>
          ) : null}
          <div style={{ display: total === 0 && filtered ? 'none' : undefined }}>
            <CustomerTable
              query={query}
              version={version}
              onTotal={setTotal}
              onSort={(field) =>
                setSort((s) => ({
                  sort: field,
                  direction: s.sort === field && s.direction === 'asc' ? 'desc' : 'asc',
                }))
              }
            />
          </div>
        </>
      )}
      {creating ? (
        <Suspense fallback={null}>
          <CreateCustomerModal opened onClose={() => setCreating(false)} />
        </Suspense>
      ) : null}
    </Stack>
  )
}

function EmptyState({ onCreate }: { onCreate: () => void }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const reported = useJobProgress(['demo'], loading)
  const progress = loading ? (reported ?? { done: 0, total: DEMO_SIZE }) : null

  const loadDemo = async () => {
    setError(null)
    setLoading(true)
    try {
      await request('demo:load', { customers: DEMO_SIZE })
    } catch (err) {
      setError(err instanceof ApiError ? err.error : { code: 'internal' })
    } finally {
      setLoading(false)
    }
  }

  return (
    <Paper withBorder p="xl" data-testid="empty-state">
      <Stack align="center" gap="md" maw={520} mx="auto">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconUsers size={30} aria-hidden />
        </ThemeIcon>
        <Title order={3}>{t('customers.emptyTitle')}</Title>
        <Text c="dimmed" ta="center">
          {t('customers.emptyBody')}
        </Text>
        <Group>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
            {t('customers.new')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconDatabaseImport size={16} aria-hidden />}
            onClick={() => void loadDemo()}
            loading={progress !== null}
            data-testid="load-demo"
          >
            {t('customers.loadDemo', { count: DEMO_SIZE })}
          </Button>
        </Group>
        {progress && (
          <Stack w="100%" gap={4}>
            <Progress
              value={(progress.done / Math.max(1, progress.total)) * 100}
              aria-label={t('customers.demoProgress')}
            />
            <Text size="xs" c="dimmed" ta="center">
              {t('customers.demoProgressText', {
                done: fmt.number(progress.done),
                total: fmt.number(progress.total),
              })}
            </Text>
          </Stack>
        )}
        {error && <ErrorAlert error={error} />}
      </Stack>
    </Paper>
  )
}
