// One calendar entry opened: what it is, when, where, what it means (a quiet period), and for a
// reminder's occurrence the actions on it (done, skip, snooze, reopen), editing the reminder and
// the way to its customer.
import { useState } from 'react'
import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core'
import {
  IconAlarmSnooze,
  IconArrowRight,
  IconCheck,
  IconPencil,
  IconPlayerSkipForward,
  IconRotate,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { hrefFor } from '../../app/route'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useFormatters } from '../../i18n/format'
import type { AppError } from '../../../../shared/errors'
import { useOccurrenceActions, snoozeTarget } from './actions'
import type { OccurrenceAction } from './actions'
import type { ShownEntry } from './model'
import { KIND_COLOR, entryKindLabel } from './EntryChip'
import { GreetingEntryButton } from '../greetings/GreetingAction'

export function EntryDialog({
  entry,
  onClose,
  onEdit,
}: {
  entry: ShownEntry
  onClose: () => void
  onEdit: (entry: ShownEntry) => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const act = useOccurrenceActions()
  const [busy, setBusy] = useState<OccurrenceAction | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [snoozeDate, setSnoozeDate] = useState<string | null>(null)
  const [choosingDate, setChoosingDate] = useState(false)
  const isReminder = entry.kind === 'reminder' && entry.reminderId && entry.occurrence
  const open = entry.state === undefined || entry.state === 'open'

  const run = async (action: OccurrenceAction, toDate?: string) => {
    setBusy(action)
    const err = await act(entry, action, toDate)
    setBusy(null)
    if (err) setError(err)
    else onClose()
  }

  const when = entry.end
    ? t('calendarui.range', { from: fmt.date(entry.date), to: fmt.date(entry.end) })
    : entry.time
      ? `${fmt.date(entry.date)} ${entry.time}`
      : fmt.date(entry.date)

  return (
    <Modal opened onClose={onClose} title={entry.title} size="md" data-testid="entry-dialog">
      <Stack gap="sm">
        {error && <ErrorAlert error={error} />}
        <Group gap="xs">
          <Badge color={KIND_COLOR[entry.kind]} variant="light">
            {entryKindLabel(t, entry)}
          </Badge>
          {entry.overdue && open && (
            <Badge color="red" variant="filled">
              {t('calendarui.overdue')}
            </Badge>
          )}
          {entry.state && entry.state !== 'open' && (
            <Badge color="gray" variant="outline" data-testid="entry-state">
              {t(`calendarui.state.${entry.state}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm" data-testid="entry-when">
          {when}
        </Text>
        {entry.countries.length > 0 && (
          <Text size="sm" c="dimmed">
            {entry.countries.map((c) => fmt.country(c)).join(t('common.listSeparator'))}
          </Text>
        )}
        {entry.kind === 'quiet' && entry.quietKind && (
          <Text size="sm" data-testid="quiet-meaning">
            {t(`calendar.quiet.${entry.quietKind}.meaning`, { defaultValue: '' })}
          </Text>
        )}
        {entry.kind === 'holiday' && entry.customers !== undefined && (
          <Text size="sm">{t('calendarui.holidayCustomers', { count: entry.customers })}</Text>
        )}
        {isReminder && open && (
          <Stack gap="xs">
            <Group gap="xs">
              <Button
                leftSection={<IconCheck size={16} aria-hidden />}
                loading={busy === 'done'}
                onClick={() => void run('done')}
                data-testid="occurrence-done"
              >
                {t('calendarui.action.done')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconPlayerSkipForward size={16} aria-hidden />}
                loading={busy === 'skip'}
                onClick={() => void run('skip')}
                data-testid="occurrence-skip"
              >
                {t('calendarui.action.skip')}
              </Button>
            </Group>
            <Group gap="xs">
              <Button
                variant="light"
                leftSection={<IconAlarmSnooze size={16} aria-hidden />}
                loading={busy === 'snoozeDay'}
                onClick={() => void run('snoozeDay')}
                data-testid="occurrence-snooze-day"
              >
                {t('calendarui.action.snoozeDay')}
              </Button>
              <Button
                variant="light"
                leftSection={<IconAlarmSnooze size={16} aria-hidden />}
                loading={busy === 'snoozeWeek'}
                onClick={() => void run('snoozeWeek')}
                data-testid="occurrence-snooze-week"
              >
                {t('calendarui.action.snoozeWeek')}
              </Button>
              <Button
                variant="light"
                leftSection={<IconAlarmSnooze size={16} aria-hidden />}
                onClick={() => {
                  setSnoozeDate((d) => d ?? snoozeTarget(entry, 1))
                  setChoosingDate(true)
                }}
                aria-expanded={choosingDate}
                data-testid="occurrence-snooze-to"
              >
                {t('calendarui.action.snoozeTo')}
              </Button>
            </Group>
            {choosingDate && (
              <Group gap="xs" align="flex-end">
                <DateField
                  label={t('calendarui.action.snoozeDate')}
                  value={snoozeDate}
                  onChange={setSnoozeDate}
                  data-testid="snooze-date"
                />
                <Button
                  disabled={!snoozeDate}
                  loading={busy === 'snoozeTo'}
                  onClick={() => snoozeDate && void run('snoozeTo', snoozeDate)}
                  data-testid="snooze-confirm"
                >
                  {t('calendarui.action.snoozeConfirm')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
        <Group gap="xs" justify="flex-end">
          {isReminder && !open && (
            <Button
              variant="default"
              leftSection={<IconRotate size={16} aria-hidden />}
              loading={busy === 'reopen'}
              onClick={() => void run('reopen')}
              data-testid="occurrence-reopen"
            >
              {t('calendarui.action.reopen')}
            </Button>
          )}
          {isReminder && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => onEdit(entry)}
              data-testid="reminder-edit"
            >
              {t('calendarui.action.edit')}
            </Button>
          )}
          {(entry.kind === 'holiday' || entry.kind === 'birthday') && <GreetingEntryButton entry={entry} />}
          {entry.customerId && (
            <Button
              component="a"
              variant="subtle"
              href={hrefFor({ name: 'customer', id: entry.customerId })}
              rightSection={<IconArrowRight size={16} aria-hidden />}
              onClick={onClose}
              data-testid="entry-customer"
            >
              {t('calendarui.action.openCustomer')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}
