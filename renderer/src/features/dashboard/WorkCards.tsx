// The dashboard's work cards (A1): what is due and overdue per owner, and the holidays of the next
// 30 days in customers' countries with how many customers each touches. Both read today:get, the
// query behind the Today view, so the two screens never count differently.
import { Anchor, Card, Group, SimpleGrid, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../app/data'
import { hrefFor } from '../../app/route'
import { HolidayName } from '../today/HolidayName'
import { useFormatters } from '../../i18n/format'

const NOWRAP = { whiteSpace: 'nowrap' } as const
/** Rows shown in the holiday card; the calendar has them all. */
const HOLIDAY_ROWS = 8

export function WorkCards() {
  const { t, i18n } = useTranslation()
  const fmt = useFormatters()
  const lang = (['zh', 'fr', 'en'].includes(i18n.language) ? i18n.language : 'en') as 'zh' | 'fr' | 'en'
  const view = useQuery('today:get', { lang }).data
  const owners = view?.owners ?? []
  const holidays = view?.holidays ?? []
  const footer = (href: string, label: string, testId: string) => (
    <Group justify="flex-end" mt="xs">
      <Anchor href={href} size="sm" data-testid={testId}>
        {label}
      </Anchor>
    </Group>
  )
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder data-testid="dashboard-due">
        <Text fw={600} mb="xs" id="dashboard-due-title">
          {t('notify.dashboard.dueTitle')}
        </Text>
        {view && owners.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('notify.dashboard.nothingDue')}
          </Text>
        ) : (
          <Table aria-labelledby="dashboard-due-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notify.dashboard.owner')}</Table.Th>
                <Table.Th ta="right">{t('notify.dashboard.overdue')}</Table.Th>
                <Table.Th ta="right">{t('notify.dashboard.due')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {owners.map((o) => (
                <Table.Tr key={o.owner ?? ''} data-testid="dashboard-due-row">
                  <Table.Td>{o.owner ?? t('notify.dashboard.noOwner')}</Table.Td>
                  <Table.Td
                    ta="right"
                    c={o.overdue > 0 ? 'red.8' : undefined}
                    fw={o.overdue > 0 ? 600 : undefined}
                  >
                    {fmt.number(o.overdue)}
                  </Table.Td>
                  <Table.Td ta="right">{fmt.number(o.due)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {footer(hrefFor({ name: 'today' }), t('notify.dashboard.toToday'), 'dashboard-to-today')}
      </Card>
      <Card withBorder data-testid="dashboard-holidays">
        <Text fw={600} mb="xs" id="dashboard-holidays-title">
          {t('notify.dashboard.holidaysTitle')}
        </Text>
        {view && holidays.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('notify.dashboard.noHolidays')}
          </Text>
        ) : (
          <Table aria-labelledby="dashboard-holidays-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notify.dashboard.date')}</Table.Th>
                <Table.Th>{t('notify.dashboard.holiday')}</Table.Th>
                <Table.Th ta="right">{t('notify.dashboard.customers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {holidays.slice(0, HOLIDAY_ROWS).map((h) => (
                <Table.Tr key={`${h.date}:${h.title}`} data-testid="dashboard-holiday-row">
                  <Table.Td style={NOWRAP}>{fmt.shortDate(h.date)}</Table.Td>
                  <Table.Td>
                    <HolidayName holiday={h} />
                  </Table.Td>
                  <Table.Td ta="right" style={NOWRAP}>
                    {fmt.number(h.customers)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {footer(hrefFor({ name: 'calendar' }), t('notify.dashboard.toCalendar'), 'dashboard-to-calendar')}
      </Card>
    </SimpleGrid>
  )
}
