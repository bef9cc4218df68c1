// Due-reminder notices (R5) as main sends them: to Electron's desktop notifications, or over the
// harness's event stream to an in-app notice. Texts come translated in the user's language.
import type { ReminderKind } from './reminders'

export type DueNotice = {
  /** What was announced (reminder, occurrence, its date and time now): never twice per device. */
  key: string
  customerId: string
  reminderId: string
  occurrence: string
  kind: ReminderKind
  customerName: string
  date: string
  time: string | null
  title: string
  body: string
}

export type NoticeBatch = {
  lang: 'zh' | 'fr' | 'en'
  notices: DueNotice[]
  /** Newly due occurrences beyond the notices, summed up in `summary`. */
  more: number
  summary?: { title: string; body: string }
}

/** notify:open — a notice was clicked: the customer's page, or the Today view for a summary. */
export type NoticeOpen = { customerId: string | null }
