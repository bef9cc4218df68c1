// One entry as the month, week and agenda views show it: styled by its kind, marked when overdue,
import { HoverTip } from '../../components/HoverTip'
// crossed out when done or skipped; a quiet period says what it means on hover.
import type { TFunction } from 'i18next'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CalendarEntryKind } from '../../../../shared/reminders'
import type { ShownEntry } from './model'
import classes from './Calendar.module.css'

export const KIND_COLOR: Record<CalendarEntryKind, string> = {
  reminder: 'blue',
  duty: 'orange',
  holiday: 'grape',
  quiet: 'yellow',
  birthday: 'pink',
}

/** "Reminder · Follow-up", "Service duty", "Quiet period"… */
export function entryKindLabel(t: TFunction, e: ShownEntry): string {
  return e.kind === 'reminder' && e.reminderKind
    ? t('calendarui.kindOf', { type: t(`calendar.reminderKind.${e.reminderKind}`) })
    : t(`calendarui.kind.${e.kind}`)
}

export function EntryChip({
  entry,
  onOpen,
  tabIndex,
  band = false,
  label = true,
}: {
  entry: ShownEntry
  onOpen: (e: ShownEntry) => void
  /** -1 keeps it out of the Tab order (days not focused in the month grid). */
  tabIndex?: number
  /** A stretch of a range across a day; `label` false for its days after the first one shown. */
  band?: boolean
  label?: boolean
}) {
  const { t } = useTranslation()
  const open = entry.state === undefined || entry.state === 'open'
  const overdue = Boolean(entry.overdue && open)
  const countries = entry.countries.length > 1 ? ` (${entry.countries.join(', ')})` : ''
  const text = `${entry.time ? `${entry.time} ` : ''}${entry.title}${countries}`
  // What a screen reader says: the kind, the title and the marks the colours carry.
  const spoken = [
    text,
    entryKindLabel(t, entry),
    overdue ? t('calendarui.overdue') : null,
    !open && entry.state ? t(`calendarui.state.${entry.state}`) : null,
  ]
    .filter(Boolean)
    .join(t('common.listSeparator'))
  if (band && !label) return <div className={classes.band} data-kind={entry.kind} aria-hidden />
  const button = (
    <button
      type="button"
      className={band ? classes.band : classes.chip}
      data-kind={entry.kind}
      data-overdue={overdue || undefined}
      data-state={entry.state}
      data-testid="calendar-entry"
      data-entry-kind={entry.kind}
      tabIndex={tabIndex}
      aria-label={spoken}
      onClick={(e) => {
        e.stopPropagation()
        onOpen(entry)
      }}
      onKeyDown={(e) => {
        // The day's own arrow keys are for moving between days, not for this button.
        if (e.key === 'Enter') e.stopPropagation()
      }}
    >
      {overdue && <IconAlertTriangle size={12} aria-hidden className={classes.icon} />}
      <span className={classes.text}>{text}</span>
    </button>
  )
  const meaning =
    entry.kind === 'quiet' && entry.quietKind
      ? t(`calendar.quiet.${entry.quietKind}.meaning`, { defaultValue: '' })
      : ''
  return (
    <HoverTip label={meaning || text} multiline w={280} openDelay={300} withinPortal>
      {button}
    </HoverTip>
  )
}
