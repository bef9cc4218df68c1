// The way into the greeting dialog from other screens: a Today greeting row (with whether it was
// sent: the contact for a birthday, how many of the country's customers for a holiday) and a
// holiday or birthday opened on the calendar.
import { useState } from 'react'
import { Badge, Button, Group } from '@mantine/core'
import { IconMailHeart } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../app/data'
import { useFormatters } from '../../i18n/format'
import type { TodayItem } from '../../../../shared/today'
import type { CalendarEntry } from '../../../../shared/reminders'
import type { GreetingTarget } from '../../../../shared/greetings'
import { GreetingDialog, type GreetingOpen } from './GreetingDialog'

/** What to open for a Today greeting or birthday, or null when it names too little. */
function openOfItem(item: TodayItem): GreetingOpen | null {
  if (item.kind === 'birthday' && item.customerId)
    return {
      kind: 'birthday',
      date: item.date,
      title: item.title,
      customerId: item.customerId,
      ...(item.contactId ? { contactId: item.contactId } : {}),
    }
  if (item.kind === 'greeting' && item.country)
    return {
      kind: 'holiday',
      date: item.date,
      title: item.title,
      countries: [item.country],
      ...(item.holidayKind ? { holidayKind: item.holidayKind } : {}),
    }
  return null
}

function targetOf(open: GreetingOpen): GreetingTarget {
  return open.kind === 'birthday'
    ? { occasion: 'birthday', date: open.date }
    : {
        occasion: 'holiday',
        date: open.date,
        country: open.countries[0],
        ...(open.holidayKind ? { holidayKind: open.holidayKind } : {}),
      }
}

/** A Today greeting row's status and its "Write greeting" button. */
export function GreetingRowAction({ item }: { item: TodayItem }) {
  const open = openOfItem(item)
  if (!open) return null
  return <RowAction open={open} contactId={item.contactId} customerId={item.customerId} />
}

function RowAction({
  open,
  customerId,
  contactId,
}: {
  open: GreetingOpen
  customerId?: string
  contactId?: string
}) {
  const { t } = useTranslation()
  const f = useFormatters()
  const [shown, setShown] = useState(false)
  const status = useQuery('greetings:status', {
    items: [
      {
        target: targetOf(open),
        ...(open.kind === 'birthday' && customerId ? { customerId } : {}),
        ...(open.kind === 'birthday' && contactId ? { contactId } : {}),
      },
    ],
  }).data?.statuses[0]
  const done = status && status.total > 0 && status.sent === status.total
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      {status && status.sent > 0 && (
        <Badge color="teal" variant="light" data-testid="greeting-row-status">
          {done
            ? t('greetings.status.sent')
            : t('greetings.status.some', { sent: f.number(status.sent), total: f.number(status.total) })}
        </Badge>
      )}
      <Button
        size="compact-sm"
        variant={done ? 'subtle' : 'light'}
        leftSection={<IconMailHeart size={14} aria-hidden />}
        onClick={() => setShown(true)}
        aria-label={t('greetings.dialog.writeFor', { title: open.title })}
        data-testid="greeting-write"
      >
        {t('greetings.dialog.write')}
      </Button>
      {shown && <GreetingDialog open={open} onClose={() => setShown(false)} />}
    </Group>
  )
}

/** "Write greeting" on a calendar holiday (in its countries) or birthday. */
export function GreetingEntryButton({ entry }: { entry: CalendarEntry & { countries: string[] } }) {
  const { t } = useTranslation()
  const [shown, setShown] = useState(false)
  const open: GreetingOpen | null =
    entry.kind === 'birthday' && entry.customerId
      ? {
          kind: 'birthday',
          date: entry.date,
          title: entry.title,
          customerId: entry.customerId,
          ...(entry.contactId ? { contactId: entry.contactId } : {}),
        }
      : entry.kind === 'holiday' && entry.countries.length > 0
        ? {
            kind: 'holiday',
            date: entry.date,
            title: entry.title,
            countries: entry.countries,
            ...(entry.holidayKind ? { holidayKind: entry.holidayKind } : {}),
          }
        : null
  if (!open) return null
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconMailHeart size={16} aria-hidden />}
        onClick={() => setShown(true)}
        data-testid="entry-greeting"
      >
        {t('greetings.dialog.write')}
      </Button>
      {shown && <GreetingDialog open={open} onClose={() => setShown(false)} />}
    </>
  )
}
