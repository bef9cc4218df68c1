// The customers table: virtualised (only the visible rows are in the DOM) and paged (rows are
// fetched 100 at a time as they scroll into view), so 100,000 customers scroll like 100. It fits
// its area: the columns the user chose are shown by priority while their minimum widths fit, so a
// 1280 px window or a narrow one drops the city before the name, and nothing is cut off.
import { memo, useEffect, useMemo, useRef } from 'react'
import { Badge, Box, Text, UnstyledButton, Skeleton } from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import { ROW_HEIGHT, usePagedRows } from '../../components/usePagedRows'
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { request } from '../../api/client'
import type { CustomerRow, ListQuery } from '../../../../shared/domain'
import { VALUE_TIERS } from '../../../../shared/vocabulary'
import { useFormatters } from '../../i18n/format'
import type { Formatters } from '../../i18n/format'
import { industryLabel } from '../../i18n/vocabulary'
import { hrefFor } from '../../app/route'
import { nameProps } from '../../components/scriptLang'
import { textWidth } from './textWidth'
import classes from './CustomerTable.module.css'
import { CUSTOMER_LIST_COLUMNS } from '../../../../shared/exports'

// Same colours as the customer page's tier badge.
const TIER_COLOR: Record<CustomerRow['tier'], string> = {
  key: 'grape',
  mid: 'blue',
  small: 'teal',
  ordinary: 'gray',
}

type SortField = NonNullable<ListQuery['sort']>

/** The table's columns, most important first: when room runs out the last ones go first. */
export const CUSTOMER_COLUMNS = CUSTOMER_LIST_COLUMNS
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number]

type Column = {
  key: CustomerColumn
  sort?: SortField
  /** Narrowest useful width in px, before the header's and the content's own needs. */
  min: number
  /** Share of the width left over once every column has its minimum. */
  grow: number
  render: (r: CustomerRow) => React.ReactNode
}

export type TableQuery = Omit<ListQuery, 'offset' | 'limit'>

const GAP = 12
const PADDING = 12 * 2
// Header text: Mantine's sm size, semibold; the sort icon and its gap beside it.
const HEADER_FONT = '600 14px'
const SORT_ICON = 14 + 4
// Tier badges: Mantine's sm badge (10 px bold, 0.25 px letter spacing, 8 px padding each side,
// 1 px border), with a few px to spare for rounding and font fallback.
const BADGE_FONT = '700 10px'
const BADGE_LETTER_SPACING = 0.25
const BADGE_PADDING = 2 * 8 + 2 + 6
const CELL_FONT = '400 14px'

function columnsFor(t: TFunction, fmt: Formatters): Column[] {
  return [
    {
      key: 'customerName',
      sort: 'name',
      min: 200,
      grow: 2.2,
      render: (r) => (
        <Box miw={0}>
          <Text
            size="sm"
            fw={600}
            truncate
            component="a"
            href={hrefFor({ name: 'customer', id: r.id })}
            className={classes.link}
            title={r.displayName}
          >
            {r.displayName}
          </Text>
          {r.originalName && r.originalName !== r.displayName && (
            <Text size="xs" c="dimmed" truncate title={r.originalName} {...nameProps(r.originalName)}>
              {r.originalName}
            </Text>
          )}
        </Box>
      ),
    },
    {
      key: 'tier',
      min: 80,
      grow: 0,
      render: (r) =>
        r.tier === 'ordinary' ? (
          <Text span size="sm" c="dimmed">
            {t('enum.tier.ordinary')}
          </Text>
        ) : (
          <Badge size="sm" variant="light" color={TIER_COLOR[r.tier]}>
            {t(`enum.tier.${r.tier}`)}
          </Badge>
        ),
    },
    { key: 'country', sort: 'country', min: 110, grow: 1, render: (r) => fmt.country(r.country) },
    { key: 'owner', sort: 'owner', min: 90, grow: 0.9, render: (r) => r.owner },
    {
      key: 'updatedAt',
      sort: 'updatedAt',
      min: 90,
      grow: 0.7,
      render: (r) => fmt.shortDate(r.updatedAt),
    },
    { key: 'primaryContact', min: 130, grow: 1.3, render: (r) => r.primaryContact },
    {
      key: 'industry',
      sort: 'industry',
      min: 110,
      grow: 1,
      render: (r) => industryLabel(t, r.industry),
    },
    { key: 'city', sort: 'city', min: 90, grow: 1, render: (r) => r.city },
    {
      key: 'businessType',
      min: 100,
      grow: 1,
      render: (r) => (r.businessType ? t(`enum.businessType.${r.businessType}`) : ''),
    },
  ]
}

/** The widest word of a header: headers wrap between words, never inside one. */
function headerMin(label: string, sortable: boolean): number {
  const widest = Math.max(...label.split(/[\s/]+/).map((w) => textWidth(w, HEADER_FONT)))
  return Math.ceil(widest + (sortable ? SORT_ICON : 0))
}

/**
 * Which of the chosen columns fit in `width` px (the most important first), each with its minimum
 * width. The name always shows.
 */
export function fitColumns<C extends { key: string; min: number }>(
  columns: C[],
  chosen: readonly string[],
  width: number,
): C[] {
  let used = PADDING
  const shown = new Set<string>()
  for (const c of columns) {
    if (c.key !== 'customerName' && !chosen.includes(c.key)) continue
    const need = c.min + (shown.size > 0 ? GAP : 0)
    if (c.key !== 'customerName' && used + need > width) continue
    used += need
    shown.add(c.key)
  }
  return columns.filter((c) => shown.has(c.key))
}

/** Virtualised, paged customer list; `version` changes whenever the data may have changed. */
export function CustomerTable({
  query,
  version,
  columns: chosen,
  onSort,
  onTotal,
  onHidden,
}: {
  query: TableQuery
  version: number
  /** The columns the user wants (the name always shows). */
  columns: readonly CustomerColumn[]
  onSort: (field: SortField) => void
  onTotal: (total: number | null) => void
  /** The chosen columns left out for lack of room, whenever that changes. */
  onHidden?: (hidden: CustomerColumn[]) => void
}) {
  const { t, i18n } = useTranslation()
  const fmt = useFormatters()
  const { ref: sizeRef, width } = useElementSize()
  const { parentRef, total, totalSize, items, rowAt } = usePagedRows(
    JSON.stringify(query),
    version,
    (offset, limit) => request('customers:list', { ...query, offset, limit }),
    onTotal,
  )

  // Minimum widths follow the language: "Compte intermédiaire" needs half as much again as 中型客户.
  const all = useMemo(() => {
    const tierMin = Math.max(
      ...VALUE_TIERS.map((v) =>
        v === 'ordinary'
          ? textWidth(t('enum.tier.ordinary'), CELL_FONT)
          : textWidth(t(`enum.tier.${v}`), BADGE_FONT) +
            BADGE_LETTER_SPACING * t(`enum.tier.${v}`).length +
            BADGE_PADDING,
      ),
    )
    return columnsFor(t, fmt).map((c) => ({
      ...c,
      min: Math.max(
        c.min,
        headerMin(t(`fields.${c.key}`), c.sort !== undefined),
        c.key === 'tier' ? Math.ceil(tierMin) : 0,
      ),
    }))
    // `t` changes with the language; fmt follows it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, i18n.language])

  // Before the first measure (width 0) every chosen column shows, as it did before fitting.
  // Memoised with the grid, so the rows (memo) render again only when what they show changes: a
  // filter change re-rendered every row on screen before its request had even left.
  const columns = useMemo(
    () => (width > 0 ? fitColumns(all, chosen, width) : all.filter((c) => chosen.includes(c.key))),
    [all, chosen, width],
  )
  const hiddenKey = all
    .filter((c) => chosen.includes(c.key) && !columns.includes(c))
    .map((c) => c.key)
    .join(',')
  useReportHidden(hiddenKey, onHidden)

  const grid = columns.map((c) => (c.grow > 0 ? `minmax(${c.min}px, ${c.grow}fr)` : `${c.min}px`)).join(' ')

  return (
    <Box
      ref={sizeRef}
      className={classes.table}
      role="table"
      aria-label={t('customers.tableLabel')}
      aria-rowcount={(total ?? 0) + 1}
      aria-colcount={columns.length}
      data-testid="customer-table"
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
                data-testid={`column-${c.key}`}
              >
                {c.sort ? (
                  <UnstyledButton
                    onClick={() => onSort(c.sort!)}
                    className={classes.sortButton}
                    data-testid={`sort-${c.key}`}
                  >
                    <span className={classes.thLabel}>{t(`fields.${c.key}`)}</span>
                    {active ? (
                      dir === 'asc' ? (
                        <IconChevronUp size={14} aria-hidden className={classes.sortIcon} />
                      ) : (
                        <IconChevronDown size={14} aria-hidden className={classes.sortIcon} />
                      )
                    ) : (
                      <IconSelector size={14} aria-hidden className={classes.sortIcon} />
                    )}
                  </UnstyledButton>
                ) : (
                  <span className={classes.thLabel}>{t(`fields.${c.key}`)}</span>
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
          {items.map((item) => (
            <Row
              key={item.key}
              index={item.index}
              start={item.start}
              row={rowAt(item.index)}
              columns={columns}
              grid={grid}
            />
          ))}
        </div>
      </div>
    </Box>
  )
}

/** One row at `start` px; a placeholder until its page has come. */
const Row = memo(function Row({
  index,
  start,
  row,
  columns,
  grid,
}: {
  index: number
  start: number
  row: CustomerRow | undefined
  columns: readonly Column[]
  grid: string
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={classes.row}
      data-testid={row ? 'customer-row' : 'customer-row-loading'}
      style={{ gridTemplateColumns: grid, transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
    >
      {columns.map((c) => (
        <Cell key={c.key} badge={c.key === 'tier'} loading={!row} content={row ? c.render(row) : null} />
      ))}
    </div>
  )
})

/** Calls `onHidden` when the set of columns left out changes (not on every render). */
function useReportHidden(hiddenKey: string, onHidden?: (hidden: CustomerColumn[]) => void) {
  const report = useRef(onHidden)
  useEffect(() => {
    report.current = onHidden
  })
  useEffect(() => {
    report.current?.(hiddenKey ? (hiddenKey.split(',') as CustomerColumn[]) : [])
  }, [hiddenKey])
}

/** A cell; plain text cut short by the column's width keeps its whole text in a tooltip. */
function Cell({ badge, loading, content }: { badge: boolean; loading: boolean; content: React.ReactNode }) {
  return (
    <div
      role="cell"
      className={badge ? classes.tdBadge : classes.td}
      title={typeof content === 'string' && content ? content : undefined}
    >
      {loading ? <Skeleton height={12} width="70%" /> : content}
    </div>
  )
}
