// What the calendar does with a reminder's occurrence (SPEC R1): done, skip, reopen, snooze by a
// day, a week or to a date, each through reminders:act naming the occurrence the rule gave, with a
// notice saying what happened. The calendar reloads by itself (reminder_events changed).
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { notify } from '../../app/notify'
import { useFormatters } from '../../i18n/format'
import { localToday } from '../../../../shared/dates'
import type { AppError } from '../../../../shared/errors'
import type { CalendarEntry } from '../../../../shared/reminders'
import { addDays } from './model'

export type OccurrenceAction = 'done' | 'skip' | 'reopen' | 'snoozeDay' | 'snoozeWeek' | 'snoozeTo'

/** Snoozing moves from the later of today and the occurrence's date: an overdue one lands ahead. */
export function snoozeTarget(entry: Pick<CalendarEntry, 'date'>, days: number, today = localToday()): string {
  return addDays(entry.date < today ? today : entry.date, days)
}

export function useOccurrenceActions() {
  const { t } = useTranslation()
  const fmt = useFormatters()
  return useCallback(
    async (entry: CalendarEntry, action: OccurrenceAction, toDate?: string): Promise<AppError | null> => {
      if (!entry.reminderId || !entry.occurrence) return null
      const target =
        action === 'snoozeDay'
          ? snoozeTarget(entry, 1)
          : action === 'snoozeWeek'
            ? snoozeTarget(entry, 7)
            : (toDate ?? null)
      const res = await call('reminders:act', {
        id: entry.reminderId,
        occurrence: entry.occurrence,
        action: action.startsWith('snooze') ? 'snooze' : (action as 'done' | 'skip' | 'reopen'),
        toDate: target,
      })
      if (!res.ok) {
        notify(t(`errors.${res.error.code}`), 'red')
        return res.error
      }
      const key = action.startsWith('snooze') ? 'snoozed' : action
      notify(t(`calendarui.notice.${key}`, { title: entry.title, date: target ? fmt.date(target) : '' }))
      return null
    },
    [t, fmt],
  )
}
