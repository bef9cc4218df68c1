// The Today view (R5) and the dashboard's due counts and coming holidays (A1), as the contract
// carries them.
import { z } from 'zod'
import { REMINDER_KINDS, DUTY_KINDS } from './reminders'
import { HOLIDAY_KINDS } from './holidays'

export const TODAY_ITEM_KINDS = ['reminder', 'duty', 'birthday', 'greeting'] as const

export const todayItemSchema = z.object({
  kind: z.enum(TODAY_ITEM_KINDS),
  date: z.string(),
  /** Days late (positive), 0 today, negative for a greeting or birthday still ahead. */
  lateDays: z.number(),
  title: z.string(),
  customerId: z.string().optional(),
  contactId: z.string().optional(),
  tier: z.enum(['key', 'mid', 'small', 'ordinary']).optional(),
  owner: z.string().nullable().optional(),
  country: z.string().optional(),
  /** The customer's wall-clock time now (HH:MM) and whether it is working hours there. */
  localTime: z.string().optional(),
  workingNow: z.boolean().optional(),
  reminderId: z.string().optional(),
  occurrence: z.string().optional(),
  reminderKind: z.enum(REMINDER_KINDS).optional(),
  time: z.string().optional(),
  note: z.string().optional(),
  dutyKind: z.enum(DUTY_KINDS).optional(),
  /** greeting: customers (not opted out) in the holiday's country. */
  customers: z.number().optional(),
  /** greeting: the holiday's kind, for its greeting's template. */
  holidayKind: z.enum(HOLIDAY_KINDS).optional(),
})
export type TodayItem = z.infer<typeof todayItemSchema>

/** Birthdays and holidays ahead are greetings to send, not work that is due or late. */
export const isGreeting = (i: Pick<TodayItem, 'kind'>) => i.kind === 'greeting' || i.kind === 'birthday'

export const todayViewSchema = z.object({
  today: z.string(),
  /** Items overdue or due (all of them); `items` lists the first few hundred by rank. */
  total: z.number(),
  items: z.array(todayItemSchema),
  /** Per owner (null: none), what is due today and what is overdue. */
  owners: z.array(z.object({ owner: z.string().nullable(), due: z.number(), overdue: z.number() })),
  /** Holidays of the next 30 days in customers' countries, with the customers each touches. */
  holidays: z.array(
    z.object({
      date: z.string(),
      title: z.string(),
      /** The country with the most customers; `countries` lists all where it falls that day. */
      country: z.string(),
      countries: z.array(z.string()),
      customers: z.number(),
    }),
  ),
})
export type TodayView = z.infer<typeof todayViewSchema>
