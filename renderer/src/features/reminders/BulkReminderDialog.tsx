// G4: one reminder for every customer a group view's bulk bar acts on (its ticked rows, else all
// its members): the calendar dialog's type, due date, assignee and note, created all at once by
// reminders:createMany; none is created if one cannot be.
import { useState } from 'react'
import { Autocomplete, Select, SimpleGrid, Text, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { notify } from '../../app/notify'
import { DateField } from '../../components/DateField'
import { FormDialog } from '../../components/FormDialog'
import { useSaving } from '../../components/useSaving'
import { describeIssues, schemaIssues, useFormIssues } from '../../components/formErrors'
import type { FormSpec } from '../../components/formErrors'
import { useFormatters } from '../../i18n/format'
import { localToday } from '../../../../shared/dates'
import { REMINDER_KINDS, reminderInputSchema } from '../../../../shared/reminders'
import type { ReminderInput } from '../../../../shared/reminders'
import type { AppError } from '../../../../shared/errors'
import type { Selection } from '../../../../shared/groups'

type Draft = { kind: string | null; dueDate: string; note: string; assignee: string }

const toInput = (d: Draft) => ({
  kind: d.kind as ReminderInput['kind'],
  dueDate: d.dueDate,
  note: d.note.trim() || null,
  assignee: d.assignee.trim() || null,
})

const LABELS: Record<string, string> = {
  kind: 'calendarui.field.kind',
  dueDate: 'calendarui.field.dueDate',
  assignee: 'calendarui.field.assignee',
  note: 'calendarui.field.note',
}
const fieldOf = (path: readonly PropertyKey[]) => {
  const rest = path[0] === 'reminder' ? path.slice(1) : path
  return typeof rest[0] === 'string' && rest[0] in LABELS ? rest[0] : null
}
const spec: FormSpec<Draft> = {
  labels: LABELS,
  fieldOf,
  check: (d) => schemaIssues(reminderInputSchema, toInput(d), fieldOf),
}

export function BulkReminderDialog({
  selection,
  customerIds,
  count,
  onClose,
  onError,
}: {
  selection: Selection
  /** The ticked customers; absent: every member of the view. */
  customerIds?: string[]
  /** How many customers that is, for the title. */
  count: number
  onClose: () => void
  /** A refusal that is not about the fields (e.g. ticked customers no longer in the view). */
  onError: (error: AppError) => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const facets = useQuery('customers:facets', {})
  const [draft, setDraft] = useState<Draft>({
    kind: 'follow_up',
    dueDate: localToday(),
    note: '',
    assignee: '',
  })
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }))
  const [error, setError] = useState<AppError | null>(null)
  const { saving, run } = useSaving()
  const form = useFormIssues(spec, draft)
  const { byField: errors, lines } = describeIssues(t, LABELS, form.issues)

  const save = async () => {
    setError(null)
    if (!form.submit()) return
    const res = await run(() =>
      call('reminders:createMany', { selection, customerIds, reminder: toInput(draft) }),
    )
    if (!res) return
    if (res.ok) {
      const n = res.data.created
      notify(t('notify.bulk.created', { count: n, n: fmt.number(n) }))
      onClose()
    } else if (res.error.code === 'not_in_selection') {
      onError(res.error)
      onClose()
    } else if (!form.fromMain(res.error)) setError(res.error)
  }

  return (
    <FormDialog
      onClose={onClose}
      title={t('notify.bulk.title', { count, n: fmt.number(count) })}
      size="lg"
      error={error}
      issues={lines}
      onSubmit={save}
      saving={saving}
      submitLabel={t('notify.bulk.save')}
      testId="bulk-reminder-dialog"
      submitTestId="save-bulk-reminder"
    >
      <Text size="sm" c="dimmed">
        {t('notify.bulk.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('calendarui.field.kind')}
          data={REMINDER_KINDS.map((k) => ({ value: k, label: t(`calendar.reminderKind.${k}`) }))}
          value={draft.kind}
          onChange={(v) => set('kind', v)}
          error={errors['kind']}
          allowDeselect={false}
          data-testid="bulk-reminder-kind"
        />
        <DateField
          label={t('calendarui.field.dueDate')}
          required
          value={draft.dueDate || null}
          onChange={(v) => set('dueDate', v ?? '')}
          error={errors['dueDate']}
          data-testid="bulk-reminder-due"
        />
      </SimpleGrid>
      <Autocomplete
        label={t('calendarui.field.assignee')}
        data={facets.data?.owners ?? []}
        value={draft.assignee}
        onChange={(v) => set('assignee', v)}
        error={errors['assignee']}
        data-testid="bulk-reminder-assignee"
      />
      <Textarea
        label={t('calendarui.field.note')}
        autosize
        minRows={2}
        value={draft.note}
        onChange={(e) => set('note', e.currentTarget.value)}
        error={errors['note']}
        data-testid="bulk-reminder-note"
      />
    </FormDialog>
  )
}
