// The strip under a customer's name: what a salesperson checks before a call, each figure with
// its label. It reads what the page's cards already read (customers:get, tiers:get, orders:list,
// interactions:list share the read cache), so it adds no call of its own.
import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { Badge, Box, Button, Card, Group, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../app/data'
import { useFormatters } from '../../i18n/format'
import type { CustomerDetail } from '../../../../shared/domain'
import { TIER_COLOR } from '../tiers/TierPanel'

/** One labelled figure of the strip (a dt/dd pair, so a screen reader reads label then value). */
function Cell({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box data-testid={testId} miw={0}>
      <Text component="dt" size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Box component="dd" m={0}>
        {children}
      </Box>
    </Box>
  )
}

export function CustomerSummary({
  detail,
  onAssignOwner,
}: {
  detail: CustomerDetail
  /** Opens the owner field for editing (the warning's button). */
  onAssignOwner: () => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const customerId = detail.customer.id
  const tier = useQuery('tiers:get', { customerId })
  const orders = useQuery('orders:list', { customerId })
  const interactions = useQuery('interactions:list', { customerId })
  const s = tier.data
  const figures = orders.data?.figures
  const owner = detail.customer.owner
  const ownerMissing = Boolean(s?.service.ownerRequired) && !owner
  const lastContact = interactions.data?.lastContact

  return (
    <Card
      withBorder
      py="sm"
      data-testid="customer-summary"
      aria-label={t('customerPage.summary')}
      component="section"
    >
      <Group component="dl" gap="lg" align="flex-start" m={0}>
        <Cell label={t('tiers.tier')} testId="summary-tier">
          {s ? (
            <Badge color={TIER_COLOR[s.tier]} variant="light" miw="max-content">
              {t(`enum.tier.${s.tier}`)}
            </Badge>
          ) : (
            <Text size="sm">…</Text>
          )}
        </Cell>
        {s?.segment && (
          <Cell label={t('tiers.label.segment')} testId="summary-segment">
            <Badge color="cyan" variant="light" miw="max-content">
              {t(`enum.segment.${s.segment.segment}`)}
            </Badge>
          </Cell>
        )}
        {s && (
          <Cell label={t('tiers.label.stage')} testId="summary-stage">
            <Badge color="gray" variant="outline" miw="max-content">
              {t(`enum.stage.${s.stage.stage}`)}
            </Badge>
          </Cell>
        )}
        <Cell label={t('orders.revenue12')} testId="summary-revenue">
          <Text size="sm" fw={600}>
            {figures ? fmt.money(figures.revenueUsd, 'USD') : '…'}
          </Text>
        </Cell>
        <Cell label={t('orders.lastOrder')} testId="summary-last-order">
          <Text size="sm">
            {figures ? (figures.lastOrder ? fmt.date(figures.lastOrder) : t('customerPage.noOrder')) : '…'}
          </Text>
        </Cell>
        <Cell label={t('customerPage.lastContact')} testId="summary-last-contact">
          <Text size="sm">
            {interactions.data ? (lastContact ? fmt.date(lastContact) : t('customerPage.never')) : '…'}
          </Text>
        </Cell>
        <Cell label={t('fields.owner')} testId="summary-owner">
          <Text size="sm" c={owner ? undefined : 'dimmed'} fs={owner ? undefined : 'italic'}>
            {owner ?? t('customerPage.noOwner')}
          </Text>
          {ownerMissing && (
            <Group gap={4} wrap="nowrap" data-testid="owner-warning">
              <IconAlertTriangle size={14} color="var(--mantine-color-orange-8)" aria-hidden />
              <Text size="xs" c="orange.9">
                {t('customerPage.ownerNeeded')}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={onAssignOwner} data-testid="assign-owner">
                {t('customerPage.assignOwner')}
              </Button>
            </Group>
          )}
        </Cell>
        <LocalTime detail={detail} />
      </Group>
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
  if (!tz)
    return (
      <Cell label={t('customer.localTime')} testId="local-time">
        <Text size="sm" c="dimmed" maw={260}>
          {t('customer.noTimezone')}
        </Text>
      </Cell>
    )
  const weekend = detail.derived.weekend
  const isWeekend = weekend.includes(fmt.isoWeekdayIn(tz, now))
  return (
    <Cell label={t('customer.localTime')} testId="local-time">
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          {fmt.timeIn(tz, now)}
        </Text>
        {isWeekend && (
          <Badge color="orange" variant="light" size="sm" miw="max-content">
            {t('customer.isWeekend')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {tz}
        {detail.derived.timezoneDerived ? ` · ${t('customer.tzDerived')}` : ` · ${t('customer.tzOverride')}`}
      </Text>
      <Text size="xs" c="dimmed">
        {t('customer.weekend', {
          days: weekend.map((d) => fmt.weekday(d)).join(t('common.listSeparator')),
        })}
      </Text>
    </Cell>
  )
}
