// The new-reminder (and edit-reminder) dialog (SPEC R1): customer, type, due date and optional
// time, contact, assignee, note, and a repeat chosen from presets, each an RFC 5545 rule read back
// as a sentence in the UI language. Opened from the calendar and from the customer page.
import { useEffect, useMemo, useState } from 'react'
import {
  Autocomplete,
  Chip,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconRepeat } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call, request } from '../../api/client'
import { useQuery } from '../../app/data'
import { notify } from '../../app/notify'
import { DateField } from '../../components/DateField'
import { FormDialog } from '../../components/FormDialog'
import { useSaving } from '../../components/useSaving'
import { describeIssues, useFormIssues } from '../../components/formErrors'
import { useFormatters } from '../../i18n/format'
import { localToday } from '../../../../shared/dates'
import { REMINDER_KINDS } from '../../../../shared/reminders'
import type { ReminderInput } from '../../../../shared/reminders'
import type { AppError } from '../../../../shared/errors'
import { PRESET_KINDS, WEEKDAYS, describeRule, presetFor } from '../../../../shared/rrule-text'
import type { Nth, PresetKind, RuleLang, RulePreset, Weekday } from '../../../../shared/rrule-text'
import { draftOf, reminderFormSpec, ruleOfDraft, toReminderInput } from './reminderForm'
import type { ReminderDraft } from './reminderForm'

export type ReminderDialogProps = {
  /** The reminder's customer; null or absent: the dialog asks for one. */
  customerId?: string | null
  contactId?: string | null
  /** Values to start from (a next step turned into a reminder, a date clicked on the calendar). */
  initial?: Partial<ReminderInput>
  /** Edits this reminder (all its occurrences) instead of creating one. */
  reminderId?: string
  onClose: () => void
  /** Called with the saved reminder's id before the dialog closes. */
  onSaved?: (id: string) => void
}

// 2024-01-01 was a Monday: the weekday names in the UI language, Monday first.
const WEEKDAY_DATES: Record<Weekday, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 }

export function ReminderDialog({
  customerId = null,
  contactId = null,
  initial,
  reminderId,
  onClose,
  onSaved,
}: ReminderDialogProps) {
  const { t, i18n } = useTranslation()
  const lang = (['zh', 'fr', 'en'].includes(i18n.language) ? i18n.language : 'en') as RuleLang
  const [draft, setDraft] = useState<ReminderDraft>(() =>
    draftOf(customerId, contactId, initial, localToday()),
  )
  const set = <K extends keyof ReminderDraft>(k: K, v: ReminderDraft[K]) =>
    setDraft((d) => ({ ...d, [k]: v }))
  const [error, setError] = useState<AppError | null>(null)
  const { saving, run } = useSaving()
  const form = useFormIssues(reminderFormSpec, draft)
  const { byField: errors, lines } = describeIssues(t, reminderFormSpec.labels, form.issues)

  // Editing without the values at hand: read them from the customer's reminders once.
  const [loaded, setLoaded] = useState(!reminderId || Boolean(initial?.kind))
  useEffect(() => {
    if (loaded || !reminderId || !customerId) return
    let live = true
    void call('reminders:list', { customerId }).then((res) => {
      if (!live) return
      const found = res.ok ? res.data.reminders.find((r) => r.id === reminderId) : undefined
      if (found) setDraft(draftOf(customerId, found.contactId, found, localToday()))
      else if (!res.ok) setError(res.error)
      setLoaded(true)
    })
    return () => {
      live = false
    }
  }, [loaded, reminderId, customerId])

  const save = async () => {
    setError(null)
    if (!form.submit()) return
    const reminder = toReminderInput(draft)
    const res = await run(() =>
      reminderId
        ? call('reminders:update', { id: reminderId, reminder })
        : call('reminders:create', { customerId: draft.customerId!, reminder }),
    )
    if (!res) return
    if (res.ok) {
      notify(reminderId ? t('calendarui.dialog.updated') : t('calendarui.dialog.created'))
      onSaved?.(res.data.id)
      onClose()
    } else if (!form.fromMain(res.error)) setError(res.error)
  }

  const rule = ruleOfDraft(draft)
  const sentence = rule ? describeRule(rule, lang, (k, v) => t(k, v)) : t('calendarui.repeat.once')

  return (
    <FormDialog
      opened
      onClose={onClose}
      title={reminderId ? t('calendarui.dialog.editTitle') : t('calendarui.dialog.newTitle')}
      size="lg"
      error={error}
      issues={lines}
      onSubmit={save}
      saving={saving || !loaded}
      testId="reminder-dialog"
      submitTestId="save-reminder"
    >
      {!customerId && (
        <CustomerPicker
          value={draft.customerId}
          onChange={(id) => setDraft((d) => ({ ...d, customerId: id, contactId: null }))}
          error={errors['customerId']}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('calendarui.field.kind')}
          data={REMINDER_KINDS.map((k) => ({ value: k, label: t(`calendar.reminderKind.${k}`) }))}
          value={draft.kind}
          onChange={(v) => set('kind', v)}
          error={errors['kind']}
          allowDeselect={false}
          data-testid="reminder-kind"
        />
        <DateField
          label={t('calendarui.field.dueDate')}
          required
          value={draft.dueDate || null}
          onChange={(v) => set('dueDate', v ?? '')}
          error={errors['dueDate']}
          data-testid="reminder-due"
        />
        <TextInput
          label={t('calendarui.field.dueTime')}
          placeholder={t('calendarui.field.timePlaceholder')}
          value={draft.dueTime}
          onChange={(e) => set('dueTime', e.currentTarget.value)}
          error={errors['dueTime']}
          inputMode="numeric"
          maxLength={5}
          data-testid="reminder-time"
        />
      </SimpleGrid>
      <RepeatFields
        draft={draft}
        onChange={(preset) => setDraft((d) => ({ ...d, preset, keptRule: preset ? null : d.keptRule }))}
        error={errors['rrule']}
      />
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconRepeat size={16} aria-hidden style={{ marginTop: 3, flex: 'none' }} />
        <Text size="sm" fw={500} data-testid="rule-text" aria-live="polite">
          {sentence}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {draft.customerId ? (
          <ContactSelect
            customerId={draft.customerId}
            value={draft.contactId}
            onChange={(v) => set('contactId', v)}
            error={errors['contactId']}
          />
        ) : (
          <Select
            label={t('fields.contact')}
            data={[]}
            disabled
            placeholder={t('calendarui.field.pickCustomerFirst')}
          />
        )}
        <AssigneeInput
          value={draft.assignee}
          onChange={(v) => set('assignee', v)}
          error={errors['assignee']}
        />
      </SimpleGrid>
      <Textarea
        label={t('calendarui.field.note')}
        autosize
        minRows={2}
        value={draft.note}
        onChange={(e) => set('note', e.currentTarget.value)}
        error={errors['note']}
        data-testid="reminder-note"
      />
    </FormDialog>
  )
}

function RepeatFields({
  draft,
  onChange,
  error,
}: {
  draft: ReminderDraft
  onChange: (preset: RulePreset | null) => void
  error?: string
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const p = draft.preset
  const kind: PresetKind | 'kept' = p ? p.kind : 'kept'
  const options = [
    ...PRESET_KINDS.map((k) => ({ value: k, label: t(`calendarui.repeat.${k}`) })),
    ...(p ? [] : [{ value: 'kept', label: t('calendarui.repeat.kept') }]),
  ]
  const weekdayName = (d: Weekday) => fmt.weekday(WEEKDAY_DATES[d])
  const interval =
    p && 'interval' in p ? (
      <NumberInput
        label={t(`calendarui.repeat.every.${p.kind}`)}
        min={1}
        max={99}
        allowDecimal={false}
        value={p.interval}
        onChange={(v) => onChange({ ...p, interval: typeof v === 'number' ? v : NaN })}
        error={error ? true : undefined}
        data-testid="repeat-interval"
      />
    ) : null
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('calendarui.field.repeat')}
          data={options}
          value={kind}
          onChange={(v) => v && v !== 'kept' && onChange(presetFor(v as PresetKind, draft.dueDate))}
          allowDeselect={false}
          error={error}
          data-testid="repeat-preset"
        />
        {interval}
        {p?.kind === 'monthlyDay' && (
          <NumberInput
            label={t('calendarui.repeat.dayOfMonth')}
            min={1}
            max={31}
            allowDecimal={false}
            value={p.day}
            onChange={(v) => onChange({ ...p, day: typeof v === 'number' ? v : NaN })}
            data-testid="repeat-day"
          />
        )}
        {p?.kind === 'monthlyNth' && (
          <>
            <Select
              label={t('calendarui.repeat.nth')}
              data={(['1', '2', '3', '4', '-1'] as const).map((n) => ({
                value: n,
                label: t(`calendarui.repeat.nthValue.${n === '-1' ? 'last' : n}`),
              }))}
              value={String(p.nth)}
              onChange={(v) => v && onChange({ ...p, nth: Number(v) as Nth })}
              allowDeselect={false}
              data-testid="repeat-nth"
            />
            <Select
              label={t('calendarui.repeat.weekday')}
              data={WEEKDAYS.map((d) => ({ value: d, label: weekdayName(d) }))}
              value={p.weekday}
              onChange={(v) => v && onChange({ ...p, weekday: v })}
              allowDeselect={false}
              data-testid="repeat-weekday"
            />
          </>
        )}
      </SimpleGrid>
      {p?.kind === 'weekly' && (
        <Chip.Group multiple value={p.days} onChange={(v) => onChange({ ...p, days: v })}>
          <Group gap={6} role="group" aria-label={t('calendarui.repeat.onDays')} data-testid="repeat-days">
            {WEEKDAYS.map((d) => (
              <Chip key={d} value={d} size="xs" data-day={d}>
                {weekdayName(d)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
    </Stack>
  )
}

/** Customers found by name, email, phone or contact as the user types (customers:search). */
function CustomerPicker({
  value,
  onChange,
  error,
}: {
  value: string | null
  onChange: (id: string | null) => void
  error?: string
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search.trim(), 200)
  const [hits, setHits] = useState<{ value: string; label: string }[]>([])
  useEffect(() => {
    let live = true
    void request('customers:search', { query, limit: 20 }).then(
      (res) =>
        live &&
        setHits(
          res.hits.map((h) => ({
            value: h.id,
            label: h.country ? `${h.displayName} · ${fmt.country(h.country)}` : h.displayName,
          })),
        ),
      () => live && setHits([]),
    )
    return () => {
      live = false
    }
  }, [query, fmt])
  // The chosen customer stays in the list whatever is typed next, so its label still shows.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null)
  const data = useMemo(
    () => (chosen && !hits.some((h) => h.value === chosen.value) ? [chosen, ...hits] : hits),
    [chosen, hits],
  )
  return (
    <Select
      label={t('calendarui.field.customer')}
      placeholder={t('calendarui.field.customerSearch')}
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // Main already searched: every hit stays listed, even one that matched by its email.
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={(id, option) => {
        setChosen(id ? option : null)
        onChange(id)
      }}
      nothingFoundMessage={t('calendarui.field.noCustomer')}
      error={error}
      data-testid="reminder-customer"
    />
  )
}

function ContactSelect({
  customerId,
  value,
  onChange,
  error,
}: {
  customerId: string
  value: string | null
  onChange: (id: string | null) => void
  error?: string
}) {
  const { t } = useTranslation()
  const detail = useQuery('customers:get', { id: customerId })
  const contacts = detail.data?.contacts ?? []
  return (
    <Select
      label={t('fields.contact')}
      data={contacts.map((c) => ({ value: c.id, label: c.name }))}
      value={value}
      onChange={onChange}
      clearable
      placeholder={contacts.length ? undefined : t('calendarui.field.noContacts')}
      error={error}
      data-testid="reminder-contact"
    />
  )
}

/** The owners already named on customers, offered while typing; any name may be typed. */
function AssigneeInput({
  value,
  onChange,
  error,
}: {
  value: string
  onChange: (v: string) => void
  error?: string
}) {
  const { t } = useTranslation()
  const facets = useQuery('customers:facets', {})
  return (
    <Autocomplete
      label={t('calendarui.field.assignee')}
      data={[...new Set([...(facets.data?.people ?? []), ...(facets.data?.owners ?? [])])]}
      value={value}
      onChange={onChange}
      error={error}
      data-testid="reminder-assignee"
    />
  )
}
