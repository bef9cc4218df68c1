// The landing screen (R5): `#/` opens the Today view once there is data (any customer); before
// that, the customer list, where the first customer is added, the demo loaded or a file imported.
import { useEffect, useState } from 'react'
import { Center, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../app/data'
import { hrefFor } from '../../app/route'

/** True when the address names no screen (the app's start, or a bare `#/`). */
export const isLanding = (hash: string) => hash === '' || hash === '#' || hash === '#/'

export function Landing({ fallback }: { fallback: React.ReactNode }) {
  const { t } = useTranslation()
  const info = useQuery('customers:count', {})
  // Decided once, from the first answer: a first customer added (or the demo loaded) on the list
  // keeps the user on the list rather than moving them away mid-task.
  const [toToday, setToToday] = useState<boolean | null>(null)
  const count = info.status === 'ready' ? info.data.count : null
  useEffect(() => {
    if (count !== null) setToToday((v) => v ?? count > 0)
  }, [count])
  useEffect(() => {
    // Replaced, not pushed: Back from Today does not return to a blank address that bounces again.
    // Only while the address is still the landing one: app:info may answer after the user (or a
    // link, or a test) has already gone to another screen, which must not be taken away.
    if (toToday && isLanding(window.location.hash)) window.location.replace(hrefFor({ name: 'today' }))
  }, [toToday])
  // Gone from the start address before app:info answered: show the screen asked for.
  if (toToday && !isLanding(window.location.hash)) return <>{fallback}</>
  if (toToday !== false)
    return (
      <Center h={200}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    )
  return <>{fallback}</>
}
