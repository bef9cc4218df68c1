// When to look for reminders falling due: shortly after start, then every half minute (a timed
// reminder is announced within that of its time), and soon after reminders change (one synced in
// or created already due). What a check finds goes to `deliver`: Electron's desktop notifications
// in the app, the event stream in the harness. No Electron here.
import type { Repositories } from '../../repositories'
import { metaRead } from '../../db/device'
import { UI_LANGUAGES } from '../../../../shared/vocabulary'
import type { UiLanguage } from '../../../../shared/vocabulary'
import type { NoticeBatch } from '../../../../shared/notify'
import { dueNotices } from './due'

const FIRST_CHECK_MS = 3_000
const CHECK_EVERY_MS = 30_000
const AFTER_CHANGE_MS = 500

/** The saved UI language, else the system's when it is one of ours, else English. */
export function noticeLanguage(r: Pick<Repositories, 'db'>): UiLanguage {
  const saved = metaRead(r.db, 'ui_language')
  if (saved && (UI_LANGUAGES as readonly string[]).includes(saved)) return saved as UiLanguage
  const system = Intl.DateTimeFormat().resolvedOptions().locale.slice(0, 2)
  return (UI_LANGUAGES as readonly string[]).includes(system) ? (system as UiLanguage) : 'en'
}

export class DueNotifier {
  private timers: NodeJS.Timeout[] = []
  private soon: NodeJS.Timeout | null = null
  private stopped = false

  constructor(
    private readonly r: Pick<Repositories, 'db' | 'now' | 'today'>,
    private readonly deliver: (batch: NoticeBatch) => void,
    /** False while writes are refused (a damaged file): the record of what was announced is a write. */
    private readonly writable: () => boolean = () => true,
  ) {}

  /** One check now; the batch it delivered, if any. */
  check(): NoticeBatch | null {
    if (this.stopped || !this.writable()) return null
    const batch = dueNotices(this.r, noticeLanguage(this.r))
    if (batch) this.deliver(batch)
    return batch
  }

  start(): void {
    const first = setTimeout(() => this.guard(), FIRST_CHECK_MS)
    const every = setInterval(() => this.guard(), CHECK_EVERY_MS)
    first.unref()
    every.unref()
    this.timers.push(first, every)
  }

  /** Reminders changed: check again shortly (several changes in a row make one check). */
  poke(): void {
    if (this.stopped || this.timers.length === 0) return
    if (this.soon) clearTimeout(this.soon)
    this.soon = setTimeout(() => {
      this.soon = null
      this.guard()
    }, AFTER_CHANGE_MS)
    this.soon.unref()
  }

  stop(): void {
    this.stopped = true
    for (const t of this.timers) clearTimeout(t)
    if (this.soon) clearTimeout(this.soon)
  }

  private guard(): void {
    try {
      this.check()
    } catch (err) {
      // A busy database (a long import) or a bad row: the next check tries again.
      console.error('due-reminder check failed', err)
    }
  }
}
