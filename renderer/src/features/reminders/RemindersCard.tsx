// The customer page's reminders (P6, R1): overdue and upcoming open occurrences, each done,
// skipped, snoozed or edited where it stands. Every action is one event in main; a refused one
// says why and leaves the list as it was.
import { useState } from 'react'
import { ActionIcon, Badge, Button, Card, Group, Menu, Stack, Text } from '@mantine/core'
import { HoverTip } from '../../components/HoverTip'
import {
  IconAlarmSnooze,
  IconBellPlus,
  IconCheck,
  IconChevronDown,
  IconDots,
  IconPencil,
  IconRepeat,
  IconTrash,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { notify } from '../../app/notify'
import { useQuery } from '../../app/data'
import { useFormatters } from '../../i18n/format'
import type { Formatters } from '../../i18n/format'
import { CardHeader } from '../../components/CardHeader'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { ShowAllToggle } from '../../components/ShowAll'
import { nameProps } from '../../components/scriptLang'
import { localToday } from '../../../../shared/dates'
import type { Occurrence, Reminder, ReminderAction } from '../../../../shared/reminders'
import type { Contact } from '../../../../shared/domain'
import { OccurrenceDialog } from './ReminderDialogs'
import { ReminderDialog } from '../calendar/ReminderDialog'
import { addDays } from './form'
import { failureText } from './failure'

// The nearest ones first; the rest behind "Show all".
const FOLDED = 5

/** A wall-clock "14:30" in the UI language's form (2:30 PM, 14:30). */
function timeText(fmt: Formatters, time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number]
  return new Intl.DateTimeFormat(fmt.locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, 0, 1, h, m)),
  )
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'editAll'; reminder: Reminder }
  | { kind: 'editOne' | 'snoozeTo'; occurrence: Occurrence; row: string }
  | { kind: 'delete'; reminder: Reminder; row: string }

export function RemindersCard({ customerId, contacts }: { customerId: string; contacts: Contact[] }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const data = useQuery('reminders:list', { customerId })
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const [all, setAll] = useState(false)
  // The occurrence an action is being sent for: its buttons wait, so a double click acts once.
  const [busy, setBusy] = useState<string | null>(null)
  const byId = new Map((data.data?.reminders ?? []).map((r) => [r.id, r]))
  const occurrences = data.data?.occurrences ?? []
  const overdue = occurrences.filter((o) => o.overdue).length
  const shown = all ? occurrences : occurrences.slice(0, FOLDED)

  const rowOf = (o: Occurrence) => {
    const r = byId.get(o.reminderId)
    return t('reminders.row', {
      kind: r ? t(`calendar.reminderKind.${r.kind}`) : '',
      date: fmt.date(o.date),
    })
  }

  const act = async (o: Occurrence, action: ReminderAction, toDate?: string) => {
    const key = `${o.reminderId} ${o.occurrence}`
    setBusy(key)
    const res = await call('reminders:act', { id: o.reminderId, occurrence: o.occurrence, action, toDate })
    setBusy(null)
    if (!res.ok) {
      notify(failureText(t, res.error), 'red')
      return
    }
    const row = rowOf(o)
    if (action === 'done') notify(t('reminders.notice.done', { row }))
    else if (action === 'skip') notify(t('reminders.notice.skipped', { row }))
    else if (action === 'snooze') notify(t('reminders.notice.snoozed', { date: fmt.date(res.data.date) }))
  }

  // Snoozing something already late counts from today, not from the day it was missed.
  const snooze = (o: Occurrence, days: number) => {
    const today = localToday()
    void act(o, 'snooze', addDays(o.date < today ? today : o.date, days))
  }

  const remove = async (r: Reminder) => {
    const res = await call('reminders:delete', { id: r.id })
    setDialog(null)
    notify(res.ok ? t('reminders.notice.deleted') : failureText(t, res.error), res.ok ? 'teal' : 'red')
  }

  return (
    <Card withBorder data-testid="reminders-card" component="section" aria-label={t('reminders.title')}>
      <CardHeader
        title={t('reminders.title')}
        subtitle={
          overdue > 0 ? (
            <Text span size="xs" c="red" fw={600} data-testid="reminders-overdue">
              {t('reminders.overdueCount', { count: overdue, formatted: fmt.number(overdue) })}
            </Text>
          ) : undefined
        }
        action={
          <Button
            size="xs"
            variant="light"
            leftSection={<IconBellPlus size={14} aria-hidden />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="add-reminder"
          >
            {t('reminders.add')}
          </Button>
        }
      />
      {data.status === 'error' && !data.data && <ErrorAlert error={data.error} />}
      {data.data && occurrences.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('reminders.none')}
        </Text>
      )}
      {shown.length > 0 && (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {shown.map((o, index) => {
            const r = byId.get(o.reminderId)
            if (!r) return null
            const row = rowOf(o)
            const waiting = busy === `${o.reminderId} ${o.occurrence}`
            const contact = contacts.find((c) => c.id === r.contactId)?.name
            return (
              <li
                key={`${o.reminderId} ${o.occurrence}`}
                data-testid="reminder-item"
                data-overdue={o.overdue || undefined}
                aria-label={row}
                // A rule between rows, so each one's buttons read as belonging to it.
                style={{
                  paddingBlock: 'var(--mantine-spacing-xs)',
                  borderTop: index > 0 ? '1px solid var(--mantine-color-default-border)' : undefined,
                }}
              >
                <Group gap={6} wrap="wrap">
                  <Badge size="sm" variant="light">
                    {t(`calendar.reminderKind.${r.kind}`)}
                  </Badge>
                  {o.overdue && (
                    <Badge size="sm" color="red" variant="filled" data-testid="reminder-overdue">
                      {t('reminders.overdue')}
                    </Badge>
                  )}
                  <Text size="sm" fw={500} c={o.overdue ? 'red' : undefined} data-testid="reminder-date">
                    {fmt.date(o.date)}
                    {o.time && ` · ${timeText(fmt, o.time)}`}
                  </Text>
                  {r.rrule && (
                    <HoverTip label={t('reminders.repeats')}>
                      <IconRepeat size={14} aria-label={t('reminders.repeats')} role="img" />
                    </HoverTip>
                  )}
                </Group>
                {o.date !== o.occurrence && (
                  <Text size="xs" c="dimmed">
                    {t('reminders.moved', { date: fmt.date(o.occurrence) })}
                  </Text>
                )}
                {(o.note || contact) && (
                  <Text size="sm" dir="auto" data-testid="reminder-note" style={{ overflowWrap: 'anywhere' }}>
                    {contact && (
                      <>
                        <span {...nameProps(contact)}>{contact}</span>
                        {o.note && ' · '}
                      </>
                    )}
                    {o.note}
                  </Text>
                )}
                <Group gap={4} mt={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="teal"
                    leftSection={<IconCheck size={12} aria-hidden />}
                    aria-label={t('reminders.doneOf', { row })}
                    disabled={waiting}
                    onClick={() => void act(o, 'done')}
                    data-testid="reminder-done"
                  >
                    {t('reminders.done')}
                  </Button>
                  {/* Without Mantine's focus placeholder (a focusable role="presentation" div a menu
                      may not hold); the menu takes the focus itself on opening. */}
                  <Menu position="bottom-start" withinPortal withInitialFocusPlaceholder={false}>
                    <Menu.Target>
                      <Button
                        size="compact-xs"
                        variant="light"
                        leftSection={<IconAlarmSnooze size={12} aria-hidden />}
                        rightSection={<IconChevronDown size={12} aria-hidden />}
                        aria-label={t('reminders.snoozeOf', { row })}
                        disabled={waiting}
                        data-testid="reminder-snooze"
                      >
                        {t('reminders.snooze')}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => snooze(o, 1)} data-testid="snooze-day">
                        {t('reminders.snoozeDay')}
                      </Menu.Item>
                      <Menu.Item onClick={() => snooze(o, 7)} data-testid="snooze-week">
                        {t('reminders.snoozeWeek')}
                      </Menu.Item>
                      <Menu.Item
                        onClick={() => setDialog({ kind: 'snoozeTo', occurrence: o, row })}
                        data-testid="snooze-to"
                      >
                        {t('reminders.snoozeTo')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    aria-label={t('reminders.skipOf', { row })}
                    disabled={waiting}
                    onClick={() => void act(o, 'skip')}
                    data-testid="reminder-skip"
                  >
                    {t('reminders.skip')}
                  </Button>
                  <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
                    <Menu.Target>
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="gray"
                        aria-label={t('reminders.moreOf', { row })}
                        disabled={waiting}
                        data-testid="reminder-more"
                      >
                        <IconDots size={14} aria-hidden />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item
                        leftSection={<IconPencil size={14} aria-hidden />}
                        onClick={() => setDialog({ kind: 'editOne', occurrence: o, row })}
                        data-testid="reminder-edit-one"
                      >
                        {t('reminders.editOne')}
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconRepeat size={14} aria-hidden />}
                        onClick={() => setDialog({ kind: 'editAll', reminder: r })}
                        data-testid="reminder-edit-all"
                      >
                        {t('reminders.editAll')}
                      </Menu.Item>
                      <Menu.Divider />
                      <Menu.Item
                        color="red"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        onClick={() => setDialog({ kind: 'delete', reminder: r, row })}
                        data-testid="reminder-delete"
                      >
                        {t('reminders.delete')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </li>
            )
          })}
        </Stack>
      )}
      {occurrences.length > FOLDED && (
        <ShowAllToggle
          all={all}
          total={occurrences.length}
          onToggle={() => setAll((v) => !v)}
          testId="reminders-toggle"
        />
      )}
      {/* The calendar's dialog, with its repeat presets: the same form wherever a reminder is made. */}
      {dialog?.kind === 'create' && (
        <ReminderDialog customerId={customerId} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'editAll' && (
        <ReminderDialog
          customerId={customerId}
          reminderId={dialog.reminder.id}
          initial={dialog.reminder}
          onClose={() => setDialog(null)}
        />
      )}
      {(dialog?.kind === 'editOne' || dialog?.kind === 'snoozeTo') && (
        <OccurrenceDialog
          mode={dialog.kind === 'editOne' ? 'edit' : 'snooze'}
          occurrence={dialog.occurrence}
          rowLabel={dialog.row}
          onClose={() => setDialog(null)}
        />
      )}
      <ConfirmDelete
        opened={dialog?.kind === 'delete'}
        title={t('reminders.deleteTitle')}
        body={
          dialog?.kind === 'delete'
            ? t(dialog.reminder.rrule ? 'reminders.deleteBodyRepeating' : 'reminders.deleteBody', {
                row: dialog.row,
              })
            : ''
        }
        action={t('reminders.delete')}
        onCancel={() => setDialog(null)}
        onConfirm={() => dialog?.kind === 'delete' && void remove(dialog.reminder)}
      />
    </Card>
  )
}
