// New or edited order. The window checks the order with main's own schema first (a negative
// amount, or zero on anything but a quote, never leaves the dialog), and main checks again. When
// the currency has no USD rate for the date, main refuses the order (never a silent 1.0) and this
// form offers to record the rate right there, then saves again. A saved order that moved the
// customer to another tier says so in the notification.
import { useState } from 'react'
import { Alert, Button, Group, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { notify } from '../../app/notify'
import { localToday } from '../../../../shared/dates'
import { CURRENCIES } from '../../../../shared/domain'
import { ORDER_STATUSES } from '../../../../shared/tiering'
import type { Order, OrderInput, OrderWrite } from '../../../../shared/tiering'
import type { AppError } from '../../../../shared/errors'
import { FormDialog } from '../../components/FormDialog'
import { useSaving } from '../../components/useSaving'
import { AmountField } from '../../components/AmountField'
import { DateField } from '../../components/DateField'
import { describeIssues, useFormIssues } from '../../components/formErrors'
import { useFormatters } from '../../i18n/format'
import { orderFormSpec, toOrderInput } from './form'
import type { OrderDraft } from './form'

/** Rates are stored with up to this many decimals (VND is about 0.000039 USD). */
const RATE_DECIMALS = 10

export function OrderEditor({
  customerId,
  order,
  defaultCurrency,
  onClose,
}: {
  customerId: string
  /** The order to edit; null for a new one. */
  order: Order | null
  /** Currency a new order starts in (the customer's default); USD when unset. */
  defaultCurrency: string | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [draft, setDraft] = useState<OrderDraft>(() => ({
    date: order?.date ?? localToday(),
    amount: order?.amount ?? null,
    currency: order?.currency ?? defaultCurrency ?? 'USD',
    status: order?.status ?? 'confirmed',
    returned: order?.returned ?? 0,
    reference: order?.reference ?? '',
    notes: order?.notes ?? '',
  }))
  const [error, setError] = useState<AppError | null>(null)
  const [rate, setRate] = useState<number | null>(null)
  const { saving, run } = useSaving()
  const form = useFormIssues(orderFormSpec, draft)
  const { byField: errors, lines } = describeIssues(t, orderFormSpec.labels, form.issues)
  const missingRate = error?.issues?.some((i) => i.code === 'missing_rate') ?? false
  const set = <K extends keyof OrderDraft>(k: K, v: OrderDraft[K]) => setDraft((d) => ({ ...d, [k]: v }))
  // Allowed (an order can be booked ahead), but worth a second look: it may be a typo.
  const future = draft.date !== null && draft.date > localToday()

  const announce = (saved: OrderWrite) => {
    const change = saved.tierChange
    notify(
      change
        ? t('orderSave.tierChange', {
            name: change.customerName,
            to: t(`enum.tier.${change.to}`),
            from: t(`enum.tier.${change.from}`),
          })
        : t('orderSave.saved'),
    )
  }

  const save = async () => {
    setError(null)
    if (!form.submit()) return
    const values = toOrderInput(draft)
    const res = await run(() =>
      order
        ? call('orders:update', { id: order.id, patch: values })
        : call('orders:create', { customerId, order: values }),
    )
    if (!res) return
    if (res.ok) {
      announce(res.data)
      onClose()
    } else if (res.error.issues?.some((i) => i.code === 'missing_rate')) setError(res.error)
    else if (!form.fromMain(res.error)) setError(res.error)
  }

  const saveRateThenOrder = async () => {
    const res = await call('rates:set', {
      currency: draft.currency as OrderInput['currency'],
      date: draft.date ?? '',
      usdPerUnit: rate ?? Number.NaN,
    })
    if (!res.ok) return setError(res.error)
    await save()
  }

  return (
    <FormDialog
      opened
      onClose={onClose}
      title={order ? t('orders.edit') : t('orders.add')}
      size="lg"
      error={missingRate ? null : error}
      issues={lines}
      onSubmit={save}
      saving={saving}
      submitTestId="save-order"
    >
      <SimpleGrid cols={2}>
        <DateField
          label={t('fields.date')}
          required
          value={draft.date}
          onChange={(v) => set('date', v)}
          error={errors['date']}
          data-testid="order-date"
        />
        <TextInput
          label={t('fields.reference')}
          value={draft.reference}
          onChange={(e) => set('reference', e.currentTarget.value)}
          error={errors['reference']}
        />
        <AmountField
          label={t('fields.amount')}
          required
          value={draft.amount}
          onChange={(v) => set('amount', v)}
          error={errors['amount']}
          data-testid="order-amount"
          // The dialog opens on the amount (the date is usually today's): focusing the date first
          // would open its calendar over the other fields.
          data-autofocus
        />
        <Select
          label={t('fields.currency')}
          data={CURRENCIES.map((c) => ({ value: c, label: c }))}
          searchable
          allowDeselect={false}
          value={draft.currency}
          onChange={(v) => set('currency', v)}
          error={errors['currency']}
          data-testid="order-currency"
        />
        <Select
          label={t('fields.status')}
          data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`enum.orderStatus.${s}`) }))}
          allowDeselect={false}
          value={draft.status}
          onChange={(v) => set('status', v)}
          error={errors['status']}
          data-testid="order-status"
        />
        <AmountField
          label={t('fields.returned')}
          value={draft.returned}
          onChange={(v) => set('returned', v)}
          error={errors['returned']}
          data-testid="order-returned"
        />
      </SimpleGrid>
      {future && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          data-testid="order-future-date"
        >
          {t('orderSave.futureDate')}
        </Alert>
      )}
      <Textarea
        label={t('fields.notes')}
        autosize
        minRows={2}
        value={draft.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={errors['notes']}
      />
      {missingRate && (
        <Alert
          color="yellow"
          title={t('orders.missingRateTitle', {
            currency: draft.currency,
            date: draft.date ? fmt.date(draft.date) : '',
          })}
          data-testid="missing-rate"
        >
          <Group align="flex-end">
            <AmountField
              label={t('orders.rateLabel', { currency: draft.currency })}
              maxDecimals={RATE_DECIMALS}
              value={rate}
              onChange={setRate}
              data-testid="rate-input"
            />
            <Button onClick={() => void saveRateThenOrder()} data-testid="save-rate">
              {t('orders.saveRate')}
            </Button>
          </Group>
        </Alert>
      )}
    </FormDialog>
  )
}
