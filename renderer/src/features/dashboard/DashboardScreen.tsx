// The dashboard (A1): where the base stands (tiers and their revenue), how it moves (promotions and
// demotions per month), who needs attention (churn-risk flags, an open tier review) and where the
// money comes from (countries, continents). One query; every number in the user's locale.
import type { ReactNode } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  ColorSwatch,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { BarChart, DonutChart } from '@mantine/charts'
import { IconAlertTriangle, IconClipboardCheck, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../app/data'
import { hrefFor } from '../../app/route'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useFormatters } from '../../i18n/format'
import type { ValueTier } from '../../../../shared/tiering'
import { groupingKey, selectionKey } from '../groups/selectionKey'
import { niceTicks } from '../../components/ticks'
import { WorkCards } from './WorkCards'

// Tier, amount and date cells of the at-risk table keep one line; names and countries may wrap.
const NOWRAP = { whiteSpace: 'nowrap' } as const

const TIER_CHART_COLOR: Record<ValueTier, string> = {
  key: 'grape.6',
  mid: 'blue.6',
  small: 'teal.6',
  ordinary: 'gray.5',
}

/** A Mantine colour ('grape.6') as the CSS variable a swatch takes. */
const cssColor = (c: string) => `var(--mantine-color-${c.replace('.', '-')})`

/**
 * A chart as one named image, with its figures as a table for screen readers (the SVG's bars
 * and sectors say nothing to them). Charts take no focus: their tooltips only repeat the table.
 */
function ChartFigure({
  label,
  head,
  rows,
  children,
}: {
  label: string
  head: string[]
  rows: (string | number)[][]
  children: ReactNode
}) {
  return (
    <>
      <div role="img" aria-label={label}>
        {children}
      </div>
      <VisuallyHidden>
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={String(r[0])}>
                {r.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </>
  )
}

export function DashboardScreen() {
  const { t, i18n } = useTranslation()
  const fmt = useFormatters()
  const state = useQuery('dashboard:get', {})
  if (!state.data) return state.status === 'error' ? <ErrorAlert error={state.error} /> : null
  const d = state.data
  const money = (n: number) => fmt.moneyCompact(n, 'USD')

  if (d.customers === 0) {
    return (
      <Card withBorder p="xl" data-testid="dashboard-empty">
        <Stack align="center">
          <IconUsers size={36} aria-hidden />
          <Text>{t('dashboard.empty')}</Text>
          <Button component="a" href={hrefFor({ name: 'customers' })}>
            {t('dashboard.toCustomers')}
          </Button>
        </Stack>
      </Card>
    )
  }

  // Every tick an even step from 0, each in the compact money form of the axis.
  const moneyAxis = (values: number[]) => {
    const ticks = niceTicks(Math.max(0, ...values))
    return { ticks, domain: [0, ticks.at(-1)!], interval: 0, tickFormatter: money }
  }
  const countAxis = (values: number[]) => {
    const ticks = niceTicks(Math.max(0, ...values), 4, true)
    return { ticks, domain: [0, ticks.at(-1)!], interval: 0, allowDecimals: false }
  }
  const initialMoves = d.movements.reduce((n, m) => n + m.initial, 0)

  const monthName = (month: string) =>
    new Intl.DateTimeFormat(fmt.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    )

  return (
    <Stack gap="md" data-testid="dashboard" key={i18n.language}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('dashboard.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('dashboard.subtitle', {
              count: d.customers,
              customers: fmt.number(d.customers),
              revenue: money(d.revenueUsd),
              date: fmt.date(d.asOf),
            })}
          </Text>
        </div>
      </Group>

      {(d.review.openId !== null || d.review.due) && (
        <Alert color="orange" icon={<IconClipboardCheck aria-hidden />} data-testid="dashboard-review">
          <Group justify="space-between">
            <Text size="sm">
              {d.review.openId !== null ? t('dashboard.reviewOpen') : t('dashboard.reviewDue')}
            </Text>
            <Anchor href={hrefFor({ name: 'review' })} size="sm">
              {t('dashboard.toReview')}
            </Anchor>
          </Group>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('dashboard.tierDistribution')}
          </Text>
          {/* The table beside the donut is its key: a colour swatch per tier, and the figures. It
              goes under the donut when the card is too narrow for long tier names on one line. */}
          <Group align="center" justify="center" wrap="wrap">
            <div role="img" aria-label={t('dashboard.tierDistribution')}>
              <DonutChart
                size={150}
                thickness={26}
                withTooltip
                tooltipDataSource="segment"
                accessibilityLayer={false}
                // Recharts makes the ring itself a tab stop, which says nothing to a keyboard user.
                pieProps={{ rootTabIndex: -1 }}
                data={d.tiers.map((x) => ({
                  name: t(`enum.tier.${x.tier}`),
                  value: x.count,
                  color: TIER_CHART_COLOR[x.tier],
                }))}
              />
            </div>
            <Table style={{ flex: 1, minWidth: 340 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tiers.tier')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.customers')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.revenue12m')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.tiers.map((x) => (
                  <Table.Tr key={x.tier}>
                    <Table.Td style={NOWRAP}>
                      <Group gap={8} wrap="nowrap">
                        <ColorSwatch
                          color={cssColor(TIER_CHART_COLOR[x.tier])}
                          size={12}
                          withShadow={false}
                          aria-hidden
                          style={{ flexShrink: 0 }}
                        />
                        <Anchor
                          href={hrefFor({
                            name: 'groups',
                            key: selectionKey({ kind: 'builtin', grouping: 'tier', value: x.tier }),
                          })}
                        >
                          {t(`enum.tier.${x.tier}`)}
                        </Anchor>
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{fmt.number(x.count)}</Table.Td>
                    <Table.Td ta="right" style={NOWRAP}>
                      {money(x.revenueUsd)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Group>
        </Card>

        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('dashboard.revenueByTier')}
          </Text>
          <ChartFigure
            label={t('dashboard.revenueByTier')}
            head={[t('tiers.tier'), t('dashboard.revenue12m')]}
            rows={d.tiers.map((x) => [t(`enum.tier.${x.tier}`), money(x.revenueUsd)])}
          >
            {/* Bars run across so that tier names as long as "Compte intermédiaire" have room. */}
            <BarChart
              h={200}
              orientation="vertical"
              data={d.tiers.map((x) => ({
                tier: t(`enum.tier.${x.tier}`),
                revenue: Math.round(x.revenueUsd),
              }))}
              dataKey="tier"
              xAxisProps={moneyAxis(d.tiers.map((x) => x.revenueUsd))}
              yAxisProps={{ width: 150, interval: 0 }}
              barChartProps={{ margin: { right: 36 } }}
              series={[{ name: 'revenue', color: 'teal.7', label: t('dashboard.revenue12m') }]}
              valueFormatter={money}
              gridAxis="x"
              accessibilityLayer={false}
            />
          </ChartFigure>
        </Card>

        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('dashboard.movements')}
          </Text>
          <ChartFigure
            label={t('dashboard.movements')}
            head={[
              t('dashboard.month'),
              t('dashboard.promotions'),
              t('dashboard.demotions'),
              t('dashboard.initial'),
            ]}
            rows={d.movements.map((m) => [
              monthName(m.month),
              fmt.number(m.promotions),
              fmt.number(m.demotions),
              fmt.number(m.initial),
            ])}
          >
            <BarChart
              h={220}
              data={d.movements.map((m) => ({
                month: monthName(m.month),
                up: m.promotions,
                down: m.demotions,
              }))}
              dataKey="month"
              withLegend
              series={[
                { name: 'up', color: 'teal.6', label: t('dashboard.promotions') },
                { name: 'down', color: 'red.6', label: t('dashboard.demotions') },
              ]}
              yAxisProps={countAxis(d.movements.flatMap((m) => [m.promotions, m.demotions]))}
              valueFormatter={(n) => fmt.number(n)}
              tickLine="y"
              accessibilityLayer={false}
            />
          </ChartFigure>
          {initialMoves > 0 && (
            <Text size="xs" c="dimmed" mt="xs" data-testid="dashboard-initial">
              {t('dashboard.initialNote', { count: initialMoves, n: fmt.number(initialMoves) })}
            </Text>
          )}
        </Card>

        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('dashboard.byCountry')}
          </Text>
          {/* A row of at least 26 px per country, and room for two-word names ("États-Unis
              d’Amérique") on one line: the axis wraps and overlaps neighbours otherwise. */}
          <ChartFigure
            label={t('dashboard.byCountry')}
            head={[t('fields.country'), t('dashboard.revenue12m')]}
            rows={d.byCountry.map((c) => [
              c.country ? fmt.country(c.country) : t('dashboard.noCountry'),
              money(c.revenueUsd),
            ])}
          >
            <BarChart
              h={Math.max(220, d.byCountry.length * 26 + 40)}
              orientation="vertical"
              data={d.byCountry.map((c) => ({
                country: c.country ? fmt.country(c.country) : t('dashboard.noCountry'),
                revenue: Math.round(c.revenueUsd),
              }))}
              dataKey="country"
              series={[{ name: 'revenue', color: 'blue.6', label: t('dashboard.revenue12m') }]}
              valueFormatter={money}
              xAxisProps={moneyAxis(d.byCountry.map((c) => c.revenueUsd))}
              // The last tick's label is centred on the right edge: room for its other half.
              barChartProps={{ margin: { right: 36 } }}
              yAxisProps={{ width: 150, interval: 0 }}
              gridAxis="x"
              accessibilityLayer={false}
            />
          </ChartFigure>
          <Group gap="xs" mt="sm">
            {d.byContinent.map((c) => (
              <Badge key={c.continent ?? 'none'} variant="light" color="gray">
                {`${c.continent ? t(`enum.continent.${c.continent}`) : t('dashboard.noCountry')} · ${money(c.revenueUsd)}`}
              </Badge>
            ))}
          </Group>
        </Card>
      </SimpleGrid>

      {/* The work (A1) under the tiers it comes from: the dashboard is first the tiers' picture. */}
      <WorkCards />

      <Card withBorder data-testid="dashboard-at-risk">
        <Group justify="space-between" mb="xs">
          <Group gap="xs">
            <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" aria-hidden />
            <Text fw={600}>
              {t('dashboard.atRisk', { count: d.atRiskCount, n: fmt.number(d.atRiskCount) })}
            </Text>
          </Group>
          {d.atRiskCount > 0 && (
            <Anchor size="sm" href={hrefFor({ name: 'groups', key: groupingKey('risk') })}>
              {t('dashboard.seeAllRisk')}
            </Anchor>
          )}
        </Group>
        {d.atRiskCount > 0 && (
          // Each number opens the risk group that holds exactly that many customers; a customer
          // with both flags is in both groups and once in the total above.
          <Group gap="md" mb="xs" data-testid="dashboard-risk-counts">
            {(['gap', 'drop'] as const).map((flag) => (
              <Anchor
                key={flag}
                size="sm"
                href={hrefFor({
                  name: 'groups',
                  key: selectionKey({ kind: 'builtin', grouping: 'risk', value: flag }),
                })}
              >
                {t('dashboard.riskCount', {
                  label: t(`enum.risk.${flag}`),
                  count: d.riskCounts[flag],
                  n: fmt.number(d.riskCounts[flag]),
                })}
              </Anchor>
            ))}
          </Group>
        )}
        {d.atRisk.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.noRisk')}
          </Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.customerName')}</Table.Th>
                <Table.Th>{t('fields.country')}</Table.Th>
                <Table.Th>{t('tiers.tier')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.revenue12m')}</Table.Th>
                <Table.Th>{t('dashboard.lastOrder')}</Table.Th>
                <Table.Th>{t('dashboard.why')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.atRisk.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor href={hrefFor({ name: 'customer', id: r.id })}>{r.displayName}</Anchor>
                  </Table.Td>
                  <Table.Td>{fmt.country(r.country)}</Table.Td>
                  <Table.Td style={NOWRAP}>{t(`enum.tier.${r.tier}`)}</Table.Td>
                  <Table.Td ta="right" style={NOWRAP}>
                    {money(r.revenueUsd)}
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{fmt.date(r.lastOrder)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.gap && (
                        <Badge color="orange" variant="light" tt="none">
                          {t('enum.risk.gap')}
                        </Badge>
                      )}
                      {r.drop && (
                        <Badge color="red" variant="light" tt="none">
                          {t('enum.risk.drop')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  )
}
