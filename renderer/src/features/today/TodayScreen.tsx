// The Today view (R5): what is overdue or due today, Key customers first and the latest first
// within a tier, each with the customer's local time and whether it is working hours there, so the
// list can also be sorted by "good time to call now"; greetings coming within their lead time;
// counts per owner and the next 30 days' holidays (A1). One query, main does the ranking.
import { useState } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { hrefFor } from '../../app/route'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useFormatters } from '../../i18n/format'
import { TIER_COLOR } from '../tiers/TierPanel'
import { GreetingRowAction } from '../greetings/GreetingAction'
import { isGreeting, type TodayItem } from '../../../../shared/today'
import { HolidayName } from './HolidayName'
import type { UiLanguage } from '../../../../shared/vocabulary'

type Order = 'rank' | 'callNow'

const NOWRAP = { whiteSpace: 'nowrap' } as const

export function TodayScreen() {
  const { t, i18n } = useTranslation()
  const f = useFormatters()
  const lang = (i18n.resolvedLanguage ?? 'en') as UiLanguage
  const q = useQuery('today:get', { lang })
  const [order, setOrder] = useState<Order>('rank')
  const [busy, setBusy] = useState<string | null>(null)
  const view = q.data

  const act = async (item: TodayItem, action: 'done' | 'snooze') => {
    if (!item.reminderId || !item.occurrence) return
    setBusy(`${item.reminderId}:${item.occurrence}`)
    const tomorrow = new Date(Date.parse(`${view!.today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    const res = await call('reminders:act', {
      id: item.reminderId,
      occurrence: item.occurrence,
      action,
      ...(action === 'snooze' ? { toDate: tomorrow } : {}),
    })
    setBusy(null)
    notifications.show(
      res.ok
        ? {
            color: 'teal',
            message: t(action === 'done' ? 'today.doneSaved' : 'today.snoozedSaved', { title: item.title }),
          }
        : { color: 'red', message: t(`errors.${res.error.code}`) },
    )
  }

  const work = (view?.items ?? []).filter((i) => !isGreeting(i))
  // Greetings in date order (main ranks them among the work by tier).
  const greetings = (view?.items ?? []).filter(isGreeting).sort((a, b) => b.lateDays - a.lateDays)
  const sorted =
    order === 'callNow'
      ? // Stable: within "can call now" and "not now", main's rank stays.
        [...work].sort((a, b) => Number(b.workingNow ?? false) - Number(a.workingNow ?? false))
      : work
  const overdue = work.filter((i) => i.lateDays > 0).length

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('today.title')}</Title>
          {view && <Text c="dimmed">{f.date(view.today)}</Text>}
        </div>
        <SegmentedControl
          aria-label={t('today.orderLabel')}
          value={order}
          onChange={(v) => setOrder(v)}
          data={[
            { value: 'rank', label: t('today.orderRank') },
            { value: 'callNow', label: t('today.orderCallNow') },
          ]}
        />
      </Group>
      {q.status === 'error' && <ErrorAlert error={q.error} />}

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('today.overdue')}
          </Text>
          <Text fz={28} fw={700} c={overdue > 0 ? 'red' : undefined} data-testid="today-overdue">
            {f.number(overdue)}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('today.dueToday')}
          </Text>
          <Text fz={28} fw={700} data-testid="today-due">
            {f.number(work.length - overdue)}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('today.greetings')}
          </Text>
          <Text fz={28} fw={700}>
            {f.number(greetings.length)}
          </Text>
        </Card>
      </SimpleGrid>

      <Card withBorder p={0}>
        <Title order={2} size="h4" p="sm">
          {t('today.listTitle')}
        </Title>
        {view && work.length === 0 ? (
          <Text p="sm" c="dimmed">
            {t('today.nothing')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="today-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('today.col.tier')}</Table.Th>
                  <Table.Th>{t('today.col.what')}</Table.Th>
                  <Table.Th>{t('today.col.when')}</Table.Th>
                  <Table.Th>{t('today.col.localTime')}</Table.Th>
                  <Table.Th>{t('today.col.owner')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('today.col.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((item) => {
                  const key = `${item.kind}:${item.reminderId ?? item.dutyKind ?? item.contactId ?? ''}:${item.customerId ?? ''}:${item.occurrence ?? item.date}`
                  return (
                    <Table.Tr key={key} data-testid="today-row">
                      <Table.Td style={NOWRAP}>
                        {item.tier && (
                          <Badge color={TIER_COLOR[item.tier]} variant="light">
                            {t(`enum.tier.${item.tier}`)}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {item.customerId ? (
                          <Anchor href={hrefFor({ name: 'customer', id: item.customerId })}>
                            {item.title}
                          </Anchor>
                        ) : (
                          item.title
                        )}
                        {item.note && (
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {item.note}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={NOWRAP}>
                        {item.lateDays > 0 ? (
                          <Badge color="red" variant="light">
                            {t('today.late', { count: item.lateDays })}
                          </Badge>
                        ) : item.lateDays < 0 ? (
                          t('today.inDays', { count: -item.lateDays })
                        ) : (
                          <>
                            {t('today.todayWord')}
                            {item.time ? ` ${item.time}` : ''}
                          </>
                        )}
                      </Table.Td>
                      <Table.Td style={NOWRAP}>
                        {item.localTime && (
                          <Group gap={6} wrap="nowrap">
                            <span>{item.localTime}</span>
                            <Badge color={item.workingNow ? 'teal' : 'gray'} variant="dot">
                              {t(item.workingNow ? 'today.working' : 'today.offHours')}
                            </Badge>
                          </Group>
                        )}
                      </Table.Td>
                      <Table.Td>{item.owner ?? <Text c="dimmed">{t('today.noOwner')}</Text>}</Table.Td>
                      <Table.Td style={NOWRAP}>
                        {item.kind === 'reminder' && (
                          <Group gap={4} wrap="nowrap">
                            <Button
                              size="compact-sm"
                              variant="light"
                              loading={busy === `${item.reminderId}:${item.occurrence}`}
                              onClick={() => void act(item, 'done')}
                              aria-label={t('today.doneFor', { title: item.title })}
                            >
                              {t('today.done')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              onClick={() => void act(item, 'snooze')}
                              aria-label={t('today.snoozeFor', { title: item.title })}
                            >
                              {t('today.snooze')}
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {view && view.total > view.items.length && (
          <Text p="sm" size="sm" c="dimmed">
            {t('today.more', { shown: f.number(view.items.length), total: f.number(view.total) })}
          </Text>
        )}
      </Card>

      <Card withBorder p={0}>
        <Title order={2} size="h4" p="sm">
          {t('today.greetingsTitle')}
        </Title>
        {view && greetings.length === 0 ? (
          <Text p="sm" c="dimmed">
            {t('today.noGreetings')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table data-testid="today-greetings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('today.col.when')}</Table.Th>
                  <Table.Th>{t('today.col.what')}</Table.Th>
                  <Table.Th ta="right">{t('today.col.who')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('today.col.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {greetings.map((g) => (
                  <Table.Tr key={`${g.kind}:${g.contactId ?? g.country ?? ''}:${g.date}:${g.title}`}>
                    <Table.Td style={NOWRAP}>
                      {f.shortDate(g.date)}
                      <Text size="xs" c="dimmed">
                        {g.lateDays < 0 ? t('today.inDays', { count: -g.lateDays }) : t('today.todayWord')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {g.customerId ? (
                        <Anchor href={hrefFor({ name: 'customer', id: g.customerId })}>{g.title}</Anchor>
                      ) : (
                        g.title
                      )}
                      {g.country && !g.title.includes(f.country(g.country)) && (
                        <Text size="xs" c="dimmed">
                          {f.country(g.country)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" style={NOWRAP}>
                      {g.kind === 'greeting'
                        ? t('today.customers', { count: g.customers ?? 0, n: f.number(g.customers ?? 0) })
                        : (g.owner ?? '')}
                    </Table.Td>
                    <Table.Td ta="right">
                      <GreetingRowAction item={g} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('today.ownersTitle')}
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('today.col.owner')}</Table.Th>
                <Table.Th ta="right">{t('today.overdue')}</Table.Th>
                <Table.Th ta="right">{t('today.dueToday')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(view?.owners ?? []).map((o) => (
                <Table.Tr key={o.owner ?? ''}>
                  <Table.Td>{o.owner ?? t('today.noOwner')}</Table.Td>
                  <Table.Td ta="right">{f.number(o.overdue)}</Table.Td>
                  <Table.Td ta="right">{f.number(o.due)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('today.holidaysTitle')}
          </Title>
          {view && view.holidays.length === 0 ? (
            <Text c="dimmed">{t('today.noHolidays')}</Text>
          ) : (
            <Table>
              <Table.Tbody>
                {(view?.holidays ?? []).map((h) => (
                  <Table.Tr key={`${h.date}:${h.title}`}>
                    <Table.Td style={NOWRAP}>{f.shortDate(h.date)}</Table.Td>
                    <Table.Td>
                      <HolidayName holiday={h} />
                    </Table.Td>
                    <Table.Td ta="right" style={NOWRAP}>
                      {t('today.customers', { count: h.customers, n: f.number(h.customers) })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  )
}
