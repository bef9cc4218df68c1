// The customers table: virtualised (only the visible rows are in the DOM) and paged (rows are
// fetched 100 at a time as they scroll into view), so 100,000 customers scroll like 100.
import { Badge, Box, Text, UnstyledButton, Group, Skeleton } from '@mantine/core'
import { ROW_HEIGHT, usePagedRows } from '../../components/usePagedRows'
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { request } from '../../api/client'
import type { CustomerRow, ListQuery } from '../../../../shared/domain'
import { useFormatters } from '../../i18n/format'
import { industryLabel } from '../../i18n/vocabulary'
import { hrefFor } from '../../app/route'
import classes from './CustomerTable.module.css'

// Same colours as the customer page's tier badge.
const TIER_COLOR: Record<CustomerRow['tier'], string> = {
  key: 'grape',
  mid: 'blue',
  small: 'teal',
  ordinary: 'gray',
}

type SortField = NonNullable<ListQuery['sort']>
type Column = { key: string; sort?: SortField; width: string; render: (r: CustomerRow) => React.ReactNode }

export type TableQuery = Omit<ListQuery, 'offset' | 'limit'>

/** Virtualised, paged customer list; `version` changes whenever the data may have changed. */
export function CustomerTable({
  query,
  version,
  onSort,
  onTotal,
}: {
  query: TableQuery
  version: number
  onSort: (field: SortField) => void
  onTotal: (total: number | null) => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const { parentRef, total, totalSize, items, rowAt } = usePagedRows(
    JSON.stringify(query),
    version,
    (offset, limit) => request('customers:list', { ...query, offset, limit }),
    onTotal,
  )

  const columns: Column[] = [
    {
      key: 'customerName',
      sort: 'name',
      width: 'minmax(220px, 2.2fr)',
      render: (r) => (
        <Box miw={0}>
          <Text
            size="sm"
            fw={600}
            truncate
            component="a"
            href={hrefFor({ name: 'customer', id: r.id })}
            className={classes.link}
          >
            {r.displayName}
          </Text>
          {r.originalName && r.originalName !== r.displayName && (
            <Text size="xs" c="dimmed" truncate>
              {r.originalName}
            </Text>
          )}
        </Box>
      ),
    },
    {
      key: 'tier',
      width: 'minmax(90px, 0.8fr)',
      render: (r) =>
        r.tier === 'ordinary' ? (
          <Text span size="sm" c="dimmed">
            {t('enum.tier.ordinary')}
          </Text>
        ) : (
          <Badge size="sm" variant="light" color={TIER_COLOR[r.tier]} miw="max-content">
            {t(`enum.tier.${r.tier}`)}
          </Badge>
        ),
    },
    { key: 'country', sort: 'country', width: 'minmax(120px, 1fr)', render: (r) => fmt.country(r.country) },
    { key: 'city', sort: 'city', width: 'minmax(100px, 1fr)', render: (r) => r.city },
    {
      key: 'industry',
      sort: 'industry',
      width: 'minmax(110px, 1fr)',
      render: (r) => industryLabel(t, r.industry),
    },
    {
      key: 'businessType',
      width: 'minmax(110px, 1fr)',
      render: (r) => (r.businessType ? t(`enum.businessType.${r.businessType}`) : ''),
    },
    { key: 'primaryContact', width: 'minmax(140px, 1.3fr)', render: (r) => r.primaryContact },
    { key: 'owner', sort: 'owner', width: 'minmax(100px, 0.9fr)', render: (r) => r.owner },
    {
      key: 'updatedAt',
      sort: 'updatedAt',
      width: 'minmax(110px, 0.9fr)',
      render: (r) => fmt.shortDate(r.updatedAt),
    },
  ]
  const grid = columns.map((c) => c.width).join(' ')

  return (
    <Box
      className={classes.table}
      role="table"
      aria-label={t('customers.tableLabel')}
      aria-rowcount={(total ?? 0) + 1}
    >
      <div role="rowgroup">
        <div role="row" className={classes.header} style={{ gridTemplateColumns: grid }} aria-rowindex={1}>
          {columns.map((c) => {
            const active = c.sort && query.sort === c.sort
            const dir = query.direction ?? 'asc'
            return (
              <div
                role="columnheader"
                key={c.key}
                className={classes.th}
                aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.sort ? (
                  <UnstyledButton
                    onClick={() => onSort(c.sort!)}
                    className={classes.sortButton}
                    data-testid={`sort-${c.key}`}
                  >
                    <Group gap={4} wrap="nowrap">
                      <span>{t(`fields.${c.key}`)}</span>
                      {active ? (
                        dir === 'asc' ? (
                          <IconChevronUp size={14} aria-hidden />
                        ) : (
                          <IconChevronDown size={14} aria-hidden />
                        )
                      ) : (
                        <IconSelector size={14} aria-hidden />
                      )}
                    </Group>
                  </UnstyledButton>
                ) : (
                  t(`fields.${c.key}`)
                )}
              </div>
            )
          })}
        </div>
      </div>
      <div
        ref={parentRef}
        role="rowgroup"
        className={classes.scroller}
        data-testid="customer-table-scroller"
        tabIndex={0}
        aria-label={t('customers.tableScroll')}
      >
        <div role="presentation" style={{ height: totalSize, position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index)
            return (
              <div
                role="row"
                key={item.key}
                aria-rowindex={item.index + 2}
                className={classes.row}
                data-testid={row ? 'customer-row' : 'customer-row-loading'}
                style={{
                  gridTemplateColumns: grid,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                }}
              >
                {columns.map((c) => (
                  <div role="cell" key={c.key} className={classes.td}>
                    {row ? c.render(row) : <Skeleton height={12} width="70%" />}
                  </div>
                ))}
              </div>
            )
          })}
        </div>
      </div>
    </Box>
  )
}
