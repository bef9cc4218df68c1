// One occurrence of a reminder edited alone, or snoozed to a chosen date (a whole reminder is
// created and edited in the calendar's ReminderDialog). A refused save keeps what was typed.
import { useState } from 'react'
import { SimpleGrid, Text, Textarea } from '@mantine/core'
import { TimeInput } from '@mantine/dates'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { notify } from '../../app/notify'
import { useFormatters } from '../../i18n/format'
import { localToday } from '../../../../shared/dates'
import type { Occurrence } from '../../../../shared/reminders'
import type { AppError } from '../../../../shared/errors'
import { FormDialog } from '../../components/FormDialog'
import { useSaving } from '../../components/useSaving'
import { DateField } from '../../components/DateField'
import { describeIssues, useFormIssues } from '../../components/formErrors'
import { occurrenceFormSpec } from './form'
import type { OccurrenceDraft } from './form'

/**
 * One occurrence alone: `edit` moves it and changes its time and note (reminders:act edit);
 * `snooze` only moves it to a chosen date.
 */
export function OccurrenceDialog({
  mode,
  occurrence,
  rowLabel,
  onClose,
}: {
  mode: 'edit' | 'snooze'
  occurrence: Occurrence
  rowLabel: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [draft, setDraft] = useState<OccurrenceDraft>(() => ({
    toDate: mode === 'edit' ? occurrence.date : null,
    toTime: occurrence.time ?? '',
    note: occurrence.note ?? '',
  }))
  const set = <K extends keyof OccurrenceDraft>(k: K, v: OccurrenceDraft[K]) =>
    setDraft((d) => ({ ...d, [k]: v }))
  const [error, setError] = useState<AppError | null>(null)
  const { saving, run } = useSaving()
  const form = useFormIssues(occurrenceFormSpec, draft)
  const { byField: errors, lines } = describeIssues(t, occurrenceFormSpec.labels, form.issues)

  const save = async () => {
    setError(null)
    if (!form.submit()) return
    const res = await run(() =>
      call('reminders:act', {
        id: occurrence.reminderId,
        occurrence: occurrence.occurrence,
        action: mode,
        toDate: draft.toDate,
        ...(mode === 'edit' ? { toTime: draft.toTime.trim() || null, note: draft.note.trim() || null } : {}),
      }),
    )
    if (!res) return
    if (res.ok) {
      const date = fmt.date(res.data.date)
      notify(
        mode === 'edit' ? t('reminders.notice.edited', { date }) : t('reminders.notice.snoozed', { date }),
      )
      onClose()
    } else if (!form.fromMain(res.error)) setError(res.error)
  }

  return (
    <FormDialog
      opened
      onClose={onClose}
      title={mode === 'edit' ? t('reminders.editOneTitle') : t('reminders.snoozeTitle')}
      error={error}
      issues={lines}
      onSubmit={save}
      saving={saving}
      submitTestId="save-occurrence"
      testId="occurrence-form"
    >
      <Text size="sm" fw={500}>
        {rowLabel}
      </Text>
      {mode === 'edit' && (
        <Text size="xs" c="dimmed">
          {t('reminders.editOneHint')}
        </Text>
      )}
      <SimpleGrid cols={mode === 'edit' ? { base: 1, xs: 2 } : 1}>
        <DateField
          label={t('reminders.fields.toDate')}
          required
          value={draft.toDate}
          onChange={(v) => set('toDate', v)}
          error={errors['toDate']}
          minDate={mode === 'snooze' ? localToday() : undefined}
          data-testid="occurrence-date"
          data-autofocus
        />
        {mode === 'edit' && (
          <TimeInput
            label={t('reminders.fields.toTime')}
            value={draft.toTime}
            onChange={(e) => set('toTime', e.currentTarget.value)}
            error={errors['toTime']}
          />
        )}
      </SimpleGrid>
      {mode === 'edit' && (
        <Textarea
          label={t('reminders.fields.note')}
          autosize
          minRows={2}
          value={draft.note}
          onChange={(e) => set('note', e.currentTarget.value)}
          error={errors['note']}
          data-testid="occurrence-note"
        />
      )}
    </FormDialog>
  )
}
