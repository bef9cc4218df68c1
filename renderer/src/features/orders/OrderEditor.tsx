// New or edited order. When the currency has no USD rate for the date, main refuses the order
// (never a silent 1.0) and this form offers to record the rate right there, then saves again.
import { useState } from 'react'
import { Alert, Button, Group, NumberInput, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { localToday } from '../../../../shared/dates'
import { CURRENCIES } from '../../../../shared/domain'
import { ORDER_STATUSES } from '../../../../shared/tiering'
import type { Order, OrderInput } from '../../../../shared/tiering'
import type { AppError } from '../../../../shared/errors'
import { FormDialog } from '../../components/FormDialog'
import { fieldErrors } from '../../components/ErrorAlert'

type Draft = {
  date: string
  amount: number | string
  currency: string | null
  status: string | null
  returned: number | string
  reference: string
  notes: string
}

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
  const [draft, setDraft] = useState<Draft>(() => ({
    date: order?.date ?? localToday(),
    amount: order?.amount ?? '',
    currency: order?.currency ?? defaultCurrency ?? 'USD',
    status: order?.status ?? 'confirmed',
    returned: order?.returned ?? 0,
    reference: order?.reference ?? '',
    notes: order?.notes ?? '',
  }))
  const [error, setError] = useState<AppError | null>(null)
  const [rate, setRate] = useState<number | string>('')
  const [saving, setSaving] = useState(false)
  const errors = fieldErrors(t, error)
  const missingRate = error?.issues?.some((i) => i.code === 'missing_rate') ?? false
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }))

  const values = (): OrderInput => ({
    date: draft.date,
    amount: typeof draft.amount === 'number' ? draft.amount : Number.NaN,
    currency: draft.currency as OrderInput['currency'],
    status: draft.status as OrderInput['status'],
    returned: typeof draft.returned === 'number' ? draft.returned : 0,
    reference: draft.reference.trim() || null,
    notes: draft.notes.trim() || null,
  })

  const save = async () => {
    setSaving(true)
    const res = order
      ? await call('orders:update', { id: order.id, patch: values() })
      : await call('orders:create', { customerId, order: values() })
    setSaving(false)
    if (res.ok) {
      onClose()
    } else setError(res.error)
  }

  const saveRateThenOrder = async () => {
    const res = await call('rates:set', {
      currency: draft.currency as OrderInput['currency'],
      date: draft.date,
      usdPerUnit: typeof rate === 'number' ? rate : Number.NaN,
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
      onSubmit={save}
      saving={saving}
      submitTestId="save-order"
    >
      <SimpleGrid cols={2}>
        <TextInput
          type="date"
          label={t('fields.date')}
          required
          value={draft.date}
          onChange={(e) => set('date', e.currentTarget.value)}
          error={errors['order.date'] ?? errors['date']}
          data-testid="order-date"
        />
        <TextInput
          label={t('fields.reference')}
          value={draft.reference}
          onChange={(e) => set('reference', e.currentTarget.value)}
        />
        <NumberInput
          label={t('fields.amount')}
          required
          min={0}
          decimalScale={2}
          thousandSeparator=" "
          value={draft.amount}
          onChange={(v) => set('amount', v)}
          error={errors['order.amount'] ?? errors['amount']}
          data-testid="order-amount"
        />
        <Select
          label={t('fields.currency')}
          data={CURRENCIES.map((c) => ({ value: c, label: c }))}
          searchable
          allowDeselect={false}
          value={draft.currency}
          onChange={(v) => set('currency', v)}
          data-testid="order-currency"
        />
        <Select
          label={t('fields.status')}
          data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`enum.orderStatus.${s}`) }))}
          allowDeselect={false}
          value={draft.status}
          onChange={(v) => set('status', v)}
          data-testid="order-status"
        />
        <NumberInput
          label={t('fields.returned')}
          min={0}
          decimalScale={2}
          thousandSeparator=" "
          value={draft.returned}
          onChange={(v) => set('returned', v)}
          error={errors['order.returned'] ?? errors['returned']}
        />
      </SimpleGrid>
      <Textarea
        label={t('fields.notes')}
        autosize
        minRows={2}
        value={draft.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
      />
      {missingRate && (
        <Alert
          color="yellow"
          title={t('orders.missingRateTitle', { currency: draft.currency, date: draft.date })}
          data-testid="missing-rate"
        >
          <Group align="flex-end">
            <NumberInput
              label={t('orders.rateLabel', { currency: draft.currency })}
              min={0}
              decimalScale={6}
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
