// Per-customer holiday opt-out (R3): a customer who asked for no greetings is left out of holiday
// and birthday care; its country's quiet periods still show. Saved at once, like the profile's
// other fields; a refused save puts the switch back.
import { useEffect, useState } from 'react'
import { Switch } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { notify } from '../../app/notify'
import type { Customer } from '../../../../shared/domain'
import { failureText } from './failure'

export function HolidayOptOutSwitch({ customer }: { customer: Customer }) {
  const { t } = useTranslation()
  const [saving, setSaving] = useState(false)
  // Shown as the user set it while the save runs; the page's next read confirms it.
  const [pending, setPending] = useState<boolean | null>(null)
  const checked = pending ?? customer.holidayOptOut
  useEffect(() => {
    if (!saving && pending === customer.holidayOptOut) setPending(null)
  }, [saving, pending, customer.holidayOptOut])

  const change = async (optOut: boolean) => {
    setPending(optOut)
    setSaving(true)
    const res = await call('customers:update', { id: customer.id, patch: { holidayOptOut: optOut } })
    setSaving(false)
    if (!res.ok) setPending(null)
    if (res.ok)
      notify(t(optOut ? 'holidayCare.optedOut' : 'holidayCare.optedIn', { name: customer.displayName }))
    else notify(failureText(t, res.error), 'red')
  }

  return (
    <Switch
      label={t('holidayCare.optOut')}
      description={t('holidayCare.optOutHint')}
      checked={checked}
      disabled={saving}
      onChange={(e) => void change(e.currentTarget.checked)}
      data-testid="holiday-opt-out"
    />
  )
}
