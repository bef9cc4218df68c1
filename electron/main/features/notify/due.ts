// Which reminders to announce now (R5 notifications), apart from how they are shown: Electron's
// desktop notification (./desktop.ts) or the harness's in-app notice. A reminder occurrence is
// announced once per device when it falls due — its date has come, or, for a timed one, its time
// in its own zone — and is still open. What was announced is kept in this device's meta (local,
// never synced: a colleague's device announces to its own user).
import type { Repositories } from '../../repositories'
import type { UiLanguage } from '../../../../shared/vocabulary'
import type { DueNotice, NoticeBatch } from '../../../../shared/notify'
import { metaRead, metaSet } from '../../db/device'
import { addDays } from '../../core/holidays'
import { instantOf, occurrences } from '../../core/recurrence'
import { exportLabels } from '../groups/export-labels'
import { reminderTitle, remindersInRange } from '../reminders/calendar'

/** meta key: `{ floor, sent }` — the oldest date still announced and the occurrences announced. */
export const NOTIFY_STATE = 'notify.sent'
/** Notices shown one by one in a batch; the rest are summed up in one "and N more". */
export const NOTICES_PER_BATCH = 3
/**
 * How far back a check looks. The first check on a device starts at its own day (years of old
 * reminders are not news); after that, a device closed for a while catches up on at most a month.
 */
const LOOK_BACK_DAYS = 31

type State = { floor: string; sent: Record<string, string> }

const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''))

function readState(r: Pick<Repositories, 'db'>): State | null {
  const raw = metaRead(r.db, NOTIFY_STATE)
  if (!raw) return null
  try {
    const v = JSON.parse(raw) as Partial<State>
    return typeof v.floor === 'string' && v.sent && typeof v.sent === 'object'
      ? { floor: v.floor, sent: v.sent }
      : null
  } catch {
    // A damaged value costs at most one repeated notice: start again from today.
    return null
  }
}

/**
 * The occurrences newly due since the last check, not announced before on this device, as a batch
 * of at most `perBatch` notices plus the count of the others, with texts in `lang`; null when
 * there is nothing new. Records them (the counted ones too) as announced.
 */
export function dueNotices(
  r: Pick<Repositories, 'db' | 'now' | 'today'>,
  lang: UiLanguage,
  perBatch = NOTICES_PER_BATCH,
): NoticeBatch | null {
  const now = r.now()
  const today = r.today()
  const state = readState(r)
  const oldest = addDays(today, -LOOK_BACK_DAYS)
  const floor = state && state.floor > oldest ? state.floor : state ? oldest : today
  const sent = state?.sent ?? {}
  const { t } = exportLabels(lang)

  const fresh: (DueNotice & { at: number })[] = []
  // Tomorrow too: a time in a zone ahead of the machine's may already have come.
  for (const { reminder, events, customerName } of remindersInRange(r.db, {
    from: floor,
    to: addDays(today, 1),
    lang,
  })) {
    for (const o of occurrences(reminder, events, floor, addDays(today, 1), today)) {
      if (o.state !== 'open') continue
      const at = o.time
        ? instantOf(o.date, o.time, reminder.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone)
        : null
      if (at ? at.getTime() > now.getTime() : o.date > today) continue
      // The date and time are part of the key: a snoozed occurrence is announced again when it
      // falls due on its new date.
      const key = `${reminder.id}|${o.occurrence}|${o.date}|${o.time ?? ''}`
      if (key in sent) continue
      fresh.push({
        key,
        customerId: reminder.customerId,
        reminderId: reminder.id,
        occurrence: o.occurrence,
        kind: reminder.kind,
        customerName,
        date: o.date,
        time: o.time,
        title: reminderTitle(t, reminder.kind, customerName),
        body: bodyOf(t, o.date, o.time, o.note, today),
        at: at?.getTime() ?? Date.parse(`${o.date}T00:00:00Z`),
      })
    }
  }

  // What stays in the record: announcements still within the window.
  const kept: Record<string, string> = {}
  for (const [key, date] of Object.entries(sent)) if (date >= floor) kept[key] = date
  for (const n of fresh) kept[n.key] = n.date
  // Written only when it changed: the check runs every half minute, and a commit each time (WAL
  // pages, a checkpoint later) for a record that says the same would be work for nothing.
  const next = JSON.stringify({ floor, sent: kept } satisfies State)
  if (next !== metaRead(r.db, NOTIFY_STATE)) metaSet(r.db, NOTIFY_STATE, next)
  if (fresh.length === 0) return null

  // The latest first: what just fell due is what the user is being told about; older ones
  // (after a few days closed) are summed up.
  fresh.sort((a, b) => b.at - a.at || a.title.localeCompare(b.title))
  const notices = fresh.slice(0, perBatch).map(({ at: _at, ...n }) => n)
  const more = fresh.length - notices.length
  return {
    lang,
    notices,
    more,
    ...(more > 0
      ? {
          summary: {
            title: t('notify.desktop.moreTitle'),
            body: fill(plural(t, 'notify.desktop.more', more), { count: more }),
          },
        }
      : {}),
  }
}

/** i18next's plural keys, read outside i18next (zh has only `_other`). */
function plural(t: (k: string) => string, key: string, count: number): string {
  const one = `${key}_one`
  return count === 1 && t(one) !== one ? t(one) : t(`${key}_other`)
}

function bodyOf(
  t: (k: string) => string,
  date: string,
  time: string | null,
  note: string | null,
  today: string,
): string {
  const when =
    date < today
      ? fill(t('notify.desktop.overdueSince'), { date })
      : time
        ? fill(t('notify.desktop.dueAt'), { time })
        : date === today
          ? t('notify.desktop.dueToday')
          : fill(t('notify.desktop.dueOn'), { date })
  return note ? `${when}\n${note}` : when
}
