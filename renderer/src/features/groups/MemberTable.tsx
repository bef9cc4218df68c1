// A group's members: virtualised and paged like the customer list (100 rows fetched as they scroll
// into view), sortable, with a checkbox per row for bulk actions.
import { Badge, Box, Checkbox, Group, Skeleton, Text, UnstyledButton } from '@mantine/core'
import { ROW_HEIGHT, usePagedRows } from '../../components/usePagedRows'
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { request } from '../../api/client'
import { hrefFor } from '../../app/route'
import { useFormatters } from '../../i18n/format'
import type { MEMBER_SORT_FIELDS, MemberRow, Selection } from '../../../../shared/groups'
import { TIER_COLOR } from '../tiers/TierPanel'
import classes from '../customers/CustomerTable.module.css'

export type MemberSort = (typeof MEMBER_SORT_FIELDS)[number]

type Column = {
  key: string
  label: string
  sort?: MemberSort
  width: string
  render: (r: MemberRow) => React.ReactNode
}

export function MemberTable({
  selection,
  version,
  sort,
  direction,
  onSort,
  selected,
  allSelected,
  onToggle,
  onToggleAll,
}: {
  selection: Selection
  version: number
  sort: MemberSort
  direction: 'asc' | 'desc'
  onSort: (field: MemberSort) => void
  selected: ReadonlySet<string>
  allSelected: boolean
  onToggle: (id: string) => void
  onToggleAll: (on: boolean) => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const { parentRef, total, totalSize, items, rowAt } = usePagedRows(
    JSON.stringify({ selection, sort, direction }),
    version,
    (offset, limit) => request('groups:members', { selection, sort, direction, offset, limit }),
  )

  const columns: Column[] = [
    {
      key: 'name',
      label: t('fields.customerName'),
      sort: 'name',
      width: 'minmax(100px, 2fr)',
      render: (r) => (
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
      ),
    },
    {
      key: 'tier',
      label: t('tiers.tier'),
      sort: 'tier',
      width: 'minmax(100px, 1fr)',
      render: (r) => (
        <Badge size="sm" variant="light" color={TIER_COLOR[r.tier]} tt="none">
          {t(`enum.tier.${r.tier}`)}
        </Badge>
      ),
    },
    {
      key: 'segment',
      label: t('groups.segment'),
      width: 'minmax(72px, 0.8fr)',
      render: (r) => (r.segment ? t(`enum.segment.${r.segment}`) : ''),
    },
    {
      key: 'country',
      label: t('fields.country'),
      sort: 'country',
      width: 'minmax(72px, 1fr)',
      render: (r) => fmt.country(r.country),
    },
    {
      key: 'revenue',
      label: t('groups.revenue12m'),
      sort: 'revenue',
      width: 'minmax(80px, 0.9fr)',
      render: (r) => fmt.moneyCompact(r.revenueUsd, 'USD'),
    },
    {
      key: 'lastOrder',
      label: t('groups.lastOrder'),
      sort: 'last_order',
      width: 'minmax(90px, 0.9fr)',
      // The short date with its four-digit year (2026/11/06, 06/11/2026): the medium one
      // ("2026年11月6日") was cut in a narrow column.
      render: (r) => fmt.shortDate(r.lastOrder),
    },
    {
      key: 'owner',
      label: t('fields.owner'),
      sort: 'owner',
      width: 'minmax(96px, 0.9fr)',
      render: (r) => r.owner,
    },
  ]
  // The minimum widths, with the 12 px gaps and padding, add up to less than the group view's
  // width at 1280×720 (about 760 px), so every column, the owner included, stays on screen; long
  // values truncate and tier badges wrap.
  const grid = `36px ${columns.map((c) => c.width).join(' ')}`

  return (
    <Box
      className={classes.table}
      role="table"
      aria-label={t('groups.membersLabel')}
      aria-rowcount={(total ?? 0) + 1}
    >
      <div role="rowgroup">
        <div role="row" className={classes.header} style={{ gridTemplateColumns: grid }} aria-rowindex={1}>
          <div role="columnheader" className={classes.th}>
            <Checkbox
              size="xs"
              aria-label={t('groups.selectAll')}
              checked={allSelected}
              indeterminate={!allSelected && selected.size > 0}
              onChange={(e) => onToggleAll(e.currentTarget.checked)}
              data-testid="select-all-members"
            />
          </div>
          {columns.map((c) => {
            const active = c.sort && sort === c.sort
            return (
              <div
                role="columnheader"
                key={c.key}
                className={classes.th}
                aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.sort ? (
                  <UnstyledButton
                    onClick={() => onSort(c.sort!)}
                    className={classes.sortButton}
                    data-testid={`member-sort-${c.key}`}
                  >
                    {/* A header may wrap between its words ("Dernière / commande") rather than run
                        into the next one; the owner column is as wide as "Responsable". */}
                    <Group gap={4} wrap="nowrap">
                      <span style={{ whiteSpace: 'normal' }}>{c.label}</span>
                      {active ? (
                        direction === 'asc' ? (
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
                  c.label
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
        style={{ height: 'calc(100vh - 520px)', minHeight: 260 }}
        tabIndex={0}
        aria-label={t('groups.membersScroll')}
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
                data-testid={row ? 'member-row' : 'member-row-loading'}
                style={{
                  gridTemplateColumns: grid,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                }}
              >
                <div role="cell" className={classes.td}>
                  {row && (
                    <Checkbox
                      size="xs"
                      aria-label={t('groups.selectOne', { name: row.displayName })}
                      checked={allSelected || selected.has(row.id)}
                      onChange={() => onToggle(row.id)}
                      data-testid="member-checkbox"
                    />
                  )}
                </div>
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
