// A customer's orders (P3) with the figures they produce: 12-month revenue in USD, the value tier
// it earns, the last order. Amounts show in the order's currency and in USD at the stored rate.
import { memo, useState } from 'react'
import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { notify } from '../../app/notify'
import { CardHeader } from '../../components/CardHeader'
import { ShowAllToggle } from '../../components/ShowAll'
import { useQuery } from '../../app/data'
import { useFormatters } from '../../i18n/format'
import { DEFAULT_POLICY } from '../../../../shared/tiering'
import type { Order, OrderStatus } from '../../../../shared/tiering'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { ErrorAlert } from '../../components/ErrorAlert'
import { OrderEditor } from './OrderEditor'
import { TierPanel } from '../tiers/TierPanel'
import { RowAction } from '../../components/RowAction'

// The latest orders first; the rest behind "Show all".
const FOLDED_ORDERS = 10

const REVENUE: ReadonlySet<OrderStatus> = new Set(DEFAULT_POLICY.revenueStatuses)

const STATUS_COLOR: Record<OrderStatus, string> = {
  quoted: 'gray',
  confirmed: 'blue',
  shipped: 'indigo',
  paid: 'teal',
  cancelled: 'red',
}

export function OrdersCard({
  customerId,
  defaultCurrency,
}: {
  customerId: string
  defaultCurrency: string | null
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const data = useQuery('orders:list', { customerId })
  const [editing, setEditing] = useState<Order | 'new' | null>(null)
  const [deleting, setDeleting] = useState<Order | null>(null)
  const [allOrders, setAllOrders] = useState(false)

  const remove = async (order: Order) => {
    const res = await call('orders:delete', { id: order.id })
    setDeleting(null)
    // A deleted order can take the customer down a tier: say so, as a saved one does.
    const change = res.ok ? res.data.tierChange : null
    if (change)
      notify(
        t('orderSave.deletedTierChange', {
          name: change.customerName,
          to: t(`enum.tier.${change.to}`),
          from: t(`enum.tier.${change.from}`),
        }),
      )
  }

  return (
    <Card withBorder data-testid="orders-card">
      <CardHeader
        title={t('orders.title')}
        action={
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setEditing('new')}
            data-testid="add-order"
          >
            {t('orders.add')}
          </Button>
        }
      />
      {data.status === 'error' && !data.data && <ErrorAlert error={data.error} />}
      {data.data && (
        <Stack gap="md">
          <TierPanel customerId={customerId} />
          <SimpleGrid cols={{ base: 2, md: 3 }}>
            <Figure
              label={t('orders.revenue12')}
              value={fmt.money(data.data.figures.revenueUsd, 'USD')}
              testId="revenue-12m"
            />
            <Figure label={t('orders.count12')} value={fmt.number(data.data.figures.orderCount)} />
            <Figure
              label={t('orders.lastOrder')}
              value={data.data.figures.lastOrder ? fmt.date(data.data.figures.lastOrder) : '—'}
            />
          </SimpleGrid>
          {data.data.orders.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('orders.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={680}>
              <Table
                striped
                highlightOnHover
                verticalSpacing={6}
                data-testid="orders-table"
                style={{ whiteSpace: 'nowrap' }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.date')}</Table.Th>
                    <Table.Th>{t('fields.reference')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
                    <Table.Th ta="right">{t('fields.amount')}</Table.Th>
                    <Table.Th ta="right">{t('orders.usdValue')}</Table.Th>
                    <Table.Th ta="right">{t('fields.returned')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('orders.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(allOrders ? data.data.orders : data.data.orders.slice(0, FOLDED_ORDERS)).map((o) => (
                    <OrderRow key={o.id} order={o} onEdit={setEditing} onDelete={setDeleting} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {data.data.orders.length > FOLDED_ORDERS && (
            <ShowAllToggle
              all={allOrders}
              total={data.data.orders.length}
              onToggle={() => setAllOrders((v) => !v)}
              testId="orders-toggle"
            />
          )}
          <Text size="xs" c="dimmed">
            {t('orders.revenueRule')}
          </Text>
        </Stack>
      )}
      {editing && (
        <OrderEditor
          customerId={customerId}
          order={editing === 'new' ? null : editing}
          defaultCurrency={defaultCurrency}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDelete
        opened={deleting !== null}
        title={t('orders.delete')}
        body={
          deleting
            ? t('orders.deleteBody', {
                date: fmt.date(deleting.date),
                amount: fmt.money(deleting.amount, deleting.currency),
              })
            : ''
        }
        action={t('orders.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && void remove(deleting)}
      />
    </Card>
  )
}

function Figure({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="lg" fw={700} component="div" data-testid={testId}>
        {value}
      </Text>
    </div>
  )
}

/**
 * One order's row. Memoised on the order's values: after a save the list comes back as new
 * objects, and re-rendering every row (two tooltips each) of a long history made each save wait.
 */
const OrderRow = memo(
  function OrderRow({
    order: o,
    onEdit,
    onDelete,
  }: {
    order: Order
    onEdit: (o: Order) => void
    onDelete: (o: Order) => void
  }) {
    const { t } = useTranslation()
    const fmt = useFormatters()
    // Row actions name their row for a screen reader: the reference, else the date.
    const which = o.reference ?? fmt.shortDate(o.date)
    const revenue = REVENUE.has(o.status)
    return (
      <Table.Tr data-testid="order-row">
        <Table.Td>{fmt.shortDate(o.date)}</Table.Td>
        <Table.Td>{o.reference}</Table.Td>
        <Table.Td>
          <Badge color={STATUS_COLOR[o.status]} variant="light" miw="max-content">
            {t(`enum.orderStatus.${o.status}`)}
          </Badge>
        </Table.Td>
        <Table.Td ta="right">{fmt.money(o.amount, o.currency)}</Table.Td>
        <Table.Td ta="right">
          {/* Quotes and cancelled orders are not revenue: their USD value is shown struck through,
              and said in words for those who cannot see the line. */}
          <Text span size="sm" c={revenue ? undefined : 'dimmed'} td={revenue ? undefined : 'line-through'}>
            {fmt.money((o.amount - o.returned) * o.usdRate, 'USD')}
          </Text>
          {!revenue && <VisuallyHidden>{t('orders.notRevenue')}</VisuallyHidden>}
        </Table.Td>
        <Table.Td ta="right">{o.returned > 0 ? fmt.money(o.returned, o.currency) : ''}</Table.Td>
        <Table.Td>
          <Group gap={2} wrap="nowrap" justify="flex-end">
            <RowAction
              icon={IconPencil}
              label={t('orders.edit')}
              rowLabel={t('orders.editRow', { which })}
              onClick={() => onEdit(o)}
            />
            <RowAction
              icon={IconTrash}
              danger
              label={t('orders.delete')}
              rowLabel={t('orders.deleteRow', { which })}
              onClick={() => onDelete(o)}
            />
          </Group>
        </Table.Td>
      </Table.Tr>
    )
  },
  (a, b) =>
    a.onEdit === b.onEdit &&
    a.onDelete === b.onDelete &&
    (Object.keys(a.order) as (keyof Order)[]).every((k) => a.order[k] === b.order[k]),
)
