// Due-reminder notices in the window (R5). In the app, main shows them as desktop notifications
// and a click there sends `notify:open`; the harness has no desktop, so its event stream carries
// the batch itself and it shows here as one in-app notice listing the reminders, each linked to
// its customer, and "and N more" linked to the Today view.
import { useEffect } from 'react'
import { Anchor, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { subscribe } from '../../api/client'
import { hrefFor, navigate } from '../../app/route'
import { useFormatters } from '../../i18n/format'
import { localToday } from '../../../../shared/dates'
import type { DueNotice, NoticeBatch, NoticeOpen } from '../../../../shared/notify'

/** Listens for due-reminder batches and notice clicks while the window is open. */
export function DueNotices() {
  const { t } = useTranslation()
  useEffect(() => {
    const offDue = subscribe('notify:due', (payload) => {
      const batch = payload as NoticeBatch
      const id = `due-${batch.notices[0]?.key ?? Date.now()}`
      notifications.show({
        id,
        color: 'orange',
        title: t('notify.notice.label'),
        message: <BatchNotice batch={batch} onOpen={() => notifications.hide(id)} />,
        // It waits for the user: a reminder is work to do, not a passing confirmation.
        autoClose: false,
        closeButtonProps: { 'aria-label': t('common.close') },
        'data-testid': 'due-notice',
      })
    })
    const offOpen = subscribe('notify:open', (payload) => {
      const { customerId } = payload as NoticeOpen
      navigate(customerId ? { name: 'customer', id: customerId } : { name: 'today' })
    })
    return () => {
      offDue()
      offOpen()
    }
  }, [t])
  return null
}

function BatchNotice({ batch, onOpen }: { batch: NoticeBatch; onOpen: () => void }) {
  const { t } = useTranslation()
  return (
    <Stack gap={6}>
      {batch.notices.map((n) => (
        <NoticeLine key={n.key} notice={n} onOpen={onOpen} />
      ))}
      {batch.more > 0 && (
        <Anchor size="sm" href={hrefFor({ name: 'today' })} onClick={onOpen} data-testid="due-notice-more">
          {t('notify.desktop.more', { count: batch.more })}
        </Anchor>
      )}
    </Stack>
  )
}

function NoticeLine({ notice: n, onOpen }: { notice: DueNotice; onOpen: () => void }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  // Written again in the window's language, which may differ from the one main used.
  const title = t('calendar.entry.reminder', {
    kind: t(`calendar.reminderKind.${n.kind}`),
    customer: n.customerName,
  })
  const today = localToday()
  const when =
    n.date < today
      ? t('notify.desktop.overdueSince', { date: fmt.date(n.date) })
      : n.time
        ? t('notify.desktop.dueAt', { time: n.time })
        : n.date === today
          ? t('notify.desktop.dueToday')
          : t('notify.desktop.dueOn', { date: fmt.date(n.date) })
  return (
    <div data-testid="due-notice-item">
      <Anchor
        size="sm"
        fw={600}
        href={hrefFor({ name: 'customer', id: n.customerId })}
        onClick={onOpen}
        aria-label={`${title}. ${t('notify.notice.openCustomer')}`}
      >
        {title}
      </Anchor>
      <Text size="xs" c="dimmed">
        {when}
      </Text>
    </div>
  )
}
