import { Suspense, lazy, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import {
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Collapse,
  Group,
  Popover,
  MultiSelect,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
  Text,
  Paper,
  Progress,
  Center,
  ThemeIcon,
  Loader,
} from '@mantine/core'
import { useDebouncedValue, useElementSize, useLocalStorage } from '@mantine/hooks'
import {
  IconPlus,
  IconDatabaseImport,
  IconUsers,
  IconFilter,
  IconFilterOff,
  IconColumns,
  IconSearch,
} from '@tabler/icons-react'
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
import { CUSTOMER_COLUMNS, CustomerTable } from './CustomerTable'
import type { CustomerColumn, TableQuery } from './CustomerTable'
import { ListExport } from '../exports/ListExport'

// The form (with its schemas and phone rules) loads when first opened, not with the list.
const CreateCustomerModal = lazy(() =>
  import('./CreateCustomerModal').then((m) => ({ default: m.CreateCustomerModal })),
)

const DEMO_SIZE = 500
// Eight filters of 130 px and their gaps: below this width they fold behind a "Filters" button
// instead of wrapping onto a second row under the first.
const FILTER_WIDTH = 130
const FILTERS_IN_ROW = 8 * FILTER_WIDTH + 7 * 12
// Typing settles for this long before the list reloads.
const SEARCH_DEBOUNCE_MS = 250

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
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS)
  const [sort, setSort] = useState<{ sort: NonNullable<TableQuery['sort']>; direction: 'asc' | 'desc' }>({
    sort: 'name',
    direction: 'asc',
  })
  const [total, setTotal] = useState<number | null>(null)
  const [creating, setCreating] = useState(false)
  const [filtersOpen, setFiltersOpen] = useState(false)
  const [columns, setColumns] = useLocalStorage<CustomerColumn[]>({
    key: 'tradetier.customerColumns',
    defaultValue: [...CUSTOMER_COLUMNS],
    getInitialValueInEffect: false,
    deserialize: readColumns,
  })
  const [noRoom, setNoRoom] = useState<CustomerColumn[]>([])
  const { ref: barRef, width: barWidth } = useElementSize()
  const facets = useQuery('customers:facets', {})
  const info = useQuery('customers:count', {})
  const activeFilters = Object.values(filters).filter((v) => v.length > 0).length
  const filtered = activeFilters > 0 || q !== ''
  const query = useMemo(() => ({ ...filters, ...sort, ...(q ? { q } : {}) }), [filters, sort, q])
  // Until measured (0) the filters show in their row, as on a wide window.
  const folded = barWidth > 0 && barWidth < FILTERS_IN_ROW
  const clearAll = () => {
    setFilters(NO_FILTERS)
    setSearch('')
  }

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
  const empty = info.data.count === 0

  // The filters, one row each: which list it sets, its label and choices, whether typing narrows
  // them (long lists), and a test id where tests reach for it.
  const byLabel = (options: { value: string; label: string }[]) =>
    options.sort((a, b) => a.label.localeCompare(b.label, fmt.locale))
  const filterSpecs: {
    key: keyof Filters
    label: string
    data: (string | { value: string; label: string })[]
    searchable?: boolean
    testId?: string
  }[] = [
    {
      key: 'tiers',
      label: t('fields.tier'),
      data: VALUE_TIERS.map((v) => ({ value: v, label: t(`enum.tier.${v}`) })),
      testId: 'filter-tier',
    },
    {
      key: 'countries',
      label: t('fields.country'),
      data: byLabel((facets.data?.countries ?? []).map((c) => ({ value: c, label: fmt.country(c) }))),
      searchable: true,
      testId: 'filter-country',
    },
    {
      key: 'continents',
      label: t('fields.continent'),
      data: CONTINENTS.map((c) => ({ value: c, label: t(`enum.continent.${c}`) })),
      testId: 'filter-continent',
    },
    {
      key: 'industries',
      label: t('fields.industry'),
      data: byLabel((facets.data?.industries ?? []).map((v) => ({ value: v, label: industryLabel(t, v) }))),
      searchable: true,
    },
    {
      key: 'businessTypes',
      label: t('fields.businessType'),
      data: BUSINESS_TYPES.map((b) => ({ value: b, label: t(`enum.businessType.${b}`) })),
    },
    { key: 'owners', label: t('fields.owner'), data: facets.data?.owners ?? [] },
    { key: 'tags', label: t('fields.tags'), data: facets.data?.tags ?? [], searchable: true },
    {
      key: 'sources',
      label: t('fields.source'),
      data: SOURCES.map((v) => ({ value: v, label: t(`enum.source.${v}`) })),
    },
  ]
  // A filter with a choice in it takes a double share of the row, so its pills show their text.
  const filterInputs: { set: boolean; input: ReactNode }[] = filterSpecs.map((f) => ({
    set: filters[f.key].length > 0,
    input: (
      <MultiSelect
        key={f.key}
        clearSectionMode="clear"
        label={f.label}
        placeholder={filters[f.key].length ? undefined : t('filters.any')}
        data={f.data}
        value={filters[f.key]}
        onChange={set(f.key)}
        searchable={f.searchable}
        clearable
        data-testid={f.testId}
      />
    ),
  }))

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('customers.title')}</Title>
          {/* A status region: the new total is read out as filters and the search change it. */}
          <Text size="sm" c="dimmed" data-testid="customer-count" role="status">
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
          <Paper withBorder p="sm" ref={barRef}>
            <Group gap="sm" wrap="nowrap" align="center">
              <TextInput
                aria-label={t('layout.listSearch')}
                placeholder={t('layout.listSearchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                rightSection={
                  search ? (
                    <CloseButton
                      size="sm"
                      aria-label={t('layout.clearSearch')}
                      onClick={() => setSearch('')}
                      data-testid="list-search-clear"
                    />
                  ) : null
                }
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape' && search) {
                    e.stopPropagation()
                    setSearch('')
                  }
                }}
                style={{ flex: 1, maxWidth: 420 }}
                data-testid="list-search"
              />
              {folded && (
                <Button
                  variant={filtersOpen ? 'light' : 'default'}
                  leftSection={<IconFilter size={16} aria-hidden />}
                  rightSection={
                    activeFilters > 0 ? (
                      <Badge
                        size="sm"
                        circle
                        aria-label={t('layout.filtersActive', { count: activeFilters })}
                      >
                        {activeFilters}
                      </Badge>
                    ) : null
                  }
                  onClick={() => setFiltersOpen((o) => !o)}
                  aria-expanded={filtersOpen}
                  aria-controls="customer-filters"
                  data-testid="filters-toggle"
                >
                  {t('layout.filters')}
                </Button>
              )}
              <ColumnChooser columns={columns} noRoom={noRoom} onChange={setColumns} />
              <ListExport query={query} columns={columns} disabled={total === 0} />
              {filtered && (
                <Button
                  variant="subtle"
                  leftSection={<IconFilterOff size={16} aria-hidden />}
                  onClick={clearAll}
                  data-testid="clear-filters"
                >
                  {t('filters.clear')}
                </Button>
              )}
            </Group>
            {folded ? (
              <Collapse expanded={filtersOpen}>
                <SimpleGrid
                  cols={{ base: 2, xs: 3, md: 4 }}
                  spacing="sm"
                  mt="sm"
                  id="customer-filters"
                  role="group"
                  aria-label={t('layout.filtersPanel')}
                >
                  {filterInputs.map((f) => f.input)}
                </SimpleGrid>
              </Collapse>
            ) : (
              <Group
                gap="sm"
                mt="sm"
                align="flex-end"
                wrap="nowrap"
                id="customer-filters"
                role="group"
                aria-label={t('layout.filtersPanel')}
              >
                {filterInputs.map((f, i) => (
                  <div key={i} style={{ flex: `${f.set ? 2 : 1} 1 0`, minWidth: 0 }}>
                    {f.input}
                  </div>
                ))}
              </Group>
            )}
          </Paper>
          {total === 0 && filtered ? (
            <Paper withBorder p="xl">
              <Stack align="center" gap="xs">
                <Text fw={600}>{t('customers.noMatchTitle')}</Text>
                <Text size="sm" c="dimmed">
                  {t('customers.noMatchBody')}
                </Text>
                <Button variant="light" onClick={clearAll}>
                  {t('filters.clear')}
                </Button>
              </Stack>
            </Paper>
          ) : null}
          <div style={{ display: total === 0 && filtered ? 'none' : undefined }}>
            <CustomerTable
              query={query}
              version={version}
              columns={columns}
              onTotal={setTotal}
              onHidden={setNoRoom}
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

/** The remembered column choice; anything unreadable or unknown (an older version's) gives way to the default. */
function readColumns(stored: string | undefined): CustomerColumn[] {
  try {
    const parsed: unknown = stored === undefined ? null : JSON.parse(stored)
    if (Array.isArray(parsed)) return CUSTOMER_COLUMNS.filter((c) => parsed.includes(c))
  } catch {
    // Not JSON: fall through to the default.
  }
  return [...CUSTOMER_COLUMNS]
}

/** Which columns the table shows, remembered on this computer; the name always shows. */
function ColumnChooser({
  columns,
  noRoom,
  onChange,
}: {
  columns: CustomerColumn[]
  /** Chosen columns the table left out for lack of room (said next to them). */
  noRoom: CustomerColumn[]
  onChange: (columns: CustomerColumn[]) => void
}) {
  const { t } = useTranslation()
  const toggle = (key: CustomerColumn) =>
    onChange(
      columns.includes(key)
        ? columns.filter((c) => c !== key)
        : CUSTOMER_COLUMNS.filter((c) => c === key || columns.includes(c)),
    )
  return (
    <Popover position="bottom-end" trapFocus withinPortal shadow="md">
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconColumns size={16} aria-hidden />}
          data-testid="column-chooser"
        >
          {t('layout.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        {/* Plain checkboxes in a named group: each says its column and whether it shows. */}
        <Stack gap="xs" role="group" aria-labelledby="column-chooser-title">
          <Text size="xs" fw={700} c="dimmed" id="column-chooser-title">
            {t('layout.columnsTitle')}
          </Text>
          {CUSTOMER_COLUMNS.filter((c) => c !== 'customerName').map((key) => (
            <Checkbox
              key={key}
              checked={columns.includes(key)}
              onChange={() => toggle(key)}
              label={t(`fields.${key}`)}
              description={noRoom.includes(key) ? t('layout.columnNoRoom') : undefined}
              data-testid={`column-toggle-${key}`}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
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
