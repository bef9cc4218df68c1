// Reminders and the calendar over IPC (R1, R5).
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { calendarRange } from './calendar'
import { calendarDays } from './calendar-days'
import { calendarIcs } from './ics'
import { todayView } from './today'
import { occurrences } from '../../core/recurrence'
import { addDays } from '../../core/holidays'

export function reminderHandlers(ctx: AppContext): HandlerModule {
  const { customers, reminders } = ctx
  return {
    'reminders:list': (input) => {
      const customerId = customers.requireLive(input.customerId)
      const list = reminders.ofCustomer(customerId)
      const today = ctx.today()
      // Overdue ones from the last half year, and what is open in the next four months.
      const from = addDays(today, -183)
      const to = addDays(today, 120)
      const open = list
        .flatMap((r) => occurrences(r, reminders.events(r.id), from, to, today))
        .filter((o) => o.state === 'open')
        .sort((a, b) => a.date.localeCompare(b.date))
      return { reminders: list, occurrences: open }
    },
    'reminders:create': (input) => reminders.create(input.customerId, input.reminder),
    'reminders:update': (input) => reminders.update(input.id, input.reminder),
    'reminders:act': (input) =>
      reminders.act(input.id, input.occurrence, input.action, {
        toDate: input.toDate,
        toTime: input.toTime,
        note: input.note,
      }),
    'reminders:delete': (input) => {
      reminders.delete(input.id)
      return { id: input.id }
    },
    'calendar:range': ({ perDay, ...query }) =>
      perDay ? calendarDays(ctx, query, perDay) : { entries: calendarRange(ctx, query) },
    'calendar:ics': (input) => calendarIcs(ctx, input),
    'today:get': (input) => todayView(ctx, input.lang),
  }
}
