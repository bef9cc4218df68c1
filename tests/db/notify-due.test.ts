// Due-reminder notices (R5) on real SQLite: which occurrences are newly due at a check, each
// announced once per device (a snoozed one again on its new date), a timed one at its time in its
// own zone, at most three notices a batch with the rest summed up, texts in the user's language.
import { describe, it, expect, afterEach } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { caller, data, tempDir } from '../helpers/tmp'
import { dueNotices, NOTIFY_STATE } from '../../electron/main/features/notify/due'
import { DueNotifier } from '../../electron/main/features/notify/scheduler'
import type { NoticeBatch } from '../../shared/notify'
import type { ReminderInput } from '../../shared/reminders'

let s: Services
afterEach(() => s?.close())
const call = caller(() => s)
// The machine's zone decides "today"; noon UTC is the same date from UTC-11 to UTC+11.
let clock = new Date('2027-03-10T12:00:00Z')
const at = (iso: string) => (clock = new Date(iso))

async function setUp() {
  clock = new Date('2027-03-10T12:00:00Z')
  s = createServices(tempDir(), { now: () => clock })
  const make = async (name: string) =>
    data(await call('customers:create', { customer: { displayName: name, country: 'FR' }, contacts: [] })).id
  return { lefevre: await make('Maison Lefèvre'), atlas: await make('Atlas Imports') }
}
const remind = async (customerId: string, reminder: Partial<ReminderInput>) =>
  data(
    await call('reminders:create', {
      customerId,
      reminder: { kind: 'follow_up', dueDate: '2027-03-10', ...reminder },
    }),
  )
const titles = (b: NoticeBatch | null) => b?.notices.map((n) => n.title) ?? []

describe('dueNotices', () => {
  it('announces what is due today once, not what was overdue before the first check', async () => {
    const { lefevre, atlas } = await setUp()
    await remind(lefevre, { dueDate: '2027-03-09', note: 'old' })
    await remind(atlas, { note: 'Send the catalogue' })
    await remind(lefevre, { dueDate: '2027-03-11' })
    const first = dueNotices(s, 'en')
    expect(first).toMatchObject({ lang: 'en', more: 0 })
    expect(first!.notices).toEqual([
      expect.objectContaining({
        customerId: atlas,
        title: 'Follow-up — Atlas Imports',
        body: 'Due today\nSend the catalogue',
        date: '2027-03-10',
      }),
    ])
    // A check that finds nothing new writes nothing (it runs every half minute).
    const changes = () => s.db.prepare('SELECT total_changes()').pluck().get() as number
    const before = changes()
    expect(dueNotices(s, 'en')).toBeNull()
    expect(changes()).toBe(before)
    // The next day: tomorrow's reminder falls due; today's is not announced again.
    at('2027-03-11T12:00:00Z')
    expect(titles(dueNotices(s, 'en'))).toEqual(['Follow-up — Maison Lefèvre'])
    expect(dueNotices(s, 'en')).toBeNull()
  })

  it('announces a timed reminder at its time in its own zone, in the language asked', async () => {
    const { lefevre } = await setUp()
    // 15:00 in Paris is 14:00 UTC in March (before the change to summer time).
    await remind(lefevre, { dueTime: '15:00', timeZone: 'Europe/Paris', kind: 'quote_chase' })
    expect(dueNotices(s, 'fr')).toBeNull()
    at('2027-03-10T13:59:00Z')
    expect(dueNotices(s, 'fr')).toBeNull()
    at('2027-03-10T14:00:30Z')
    const batch = dueNotices(s, 'fr')
    expect(batch!.notices.map((n) => [n.title, n.body])).toEqual([
      ['Relance de devis — Maison Lefèvre', 'Prévu à 15:00'],
    ])
    // A time of tomorrow's date in a zone ahead of the machine's may already have come.
    await remind(lefevre, { dueDate: '2027-03-11', dueTime: '00:30', timeZone: 'Asia/Shanghai' })
    at('2027-03-10T16:31:00Z')
    expect(dueNotices(s, 'zh')!.notices.map((n) => n.body)).toEqual(['00:30 到期'])
  })

  it('does not announce a done occurrence, and announces a snoozed one again on its new date', async () => {
    const { lefevre, atlas } = await setUp()
    const done = await remind(lefevre, {})
    data(await call('reminders:act', { id: done.id, occurrence: '2027-03-10', action: 'done' }))
    const snoozed = await remind(atlas, {})
    expect(titles(dueNotices(s, 'en'))).toEqual(['Follow-up — Atlas Imports'])
    data(
      await call('reminders:act', {
        id: snoozed.id,
        occurrence: '2027-03-10',
        action: 'snooze',
        toDate: '2027-03-12',
      }),
    )
    at('2027-03-11T12:00:00Z')
    expect(dueNotices(s, 'en')).toBeNull()
    at('2027-03-12T12:00:00Z')
    expect(titles(dueNotices(s, 'en'))).toEqual(['Follow-up — Atlas Imports'])
  })

  it('announces each occurrence of a recurring reminder on its day', async () => {
    const { lefevre } = await setUp()
    await remind(lefevre, { rrule: 'FREQ=DAILY', kind: 'revisit' })
    expect(dueNotices(s, 'en')!.notices.map((n) => n.occurrence)).toEqual(['2027-03-10'])
    at('2027-03-11T12:00:00Z')
    expect(dueNotices(s, 'en')!.notices.map((n) => n.occurrence)).toEqual(['2027-03-11'])
    expect(dueNotices(s, 'en')).toBeNull()
  })

  it('shows at most three a batch and sums up the rest, the rest not announced again', async () => {
    const { lefevre, atlas } = await setUp()
    for (const kind of ['follow_up', 'revisit', 'quote_chase', 'sample_follow_up', 'custom'] as const)
      await remind(kind === 'custom' ? atlas : lefevre, { kind })
    const batch = dueNotices(s, 'fr')!
    expect(batch.notices).toHaveLength(3)
    expect(batch.more).toBe(2)
    expect(batch.summary).toEqual({
      title: 'TradeTier\u202f: rappels à traiter',
      body: 'et 2 autres rappels à traiter — ouvrir Aujourd’hui',
    })
    expect(dueNotices(s, 'fr')).toBeNull()
    await remind(atlas, { kind: 'tier_review' })
    const zh = dueNotices(s, 'zh')!
    expect([zh.notices.length, zh.more, zh.summary]).toEqual([1, 0, undefined])
  })

  it('catches up after the app was closed for days, within a month, and keeps its record small', async () => {
    const { lefevre } = await setUp()
    expect(dueNotices(s, 'en')).toBeNull()
    await remind(lefevre, { dueDate: '2027-03-15' })
    await remind(lefevre, { dueDate: '2027-03-20', kind: 'revisit' })
    at('2027-03-25T12:00:00Z')
    expect(titles(dueNotices(s, 'en'))).toEqual(['Revisit — Maison Lefèvre', 'Follow-up — Maison Lefèvre'])
    expect(dueNotices(s, 'en')!).toBeNull()
    // Two months on, the announcements older than the window are forgotten.
    at('2027-05-25T12:00:00Z')
    expect(dueNotices(s, 'en')).toBeNull()
    const state = JSON.parse(
      s.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(NOTIFY_STATE) as string,
    )
    expect(state).toEqual({ floor: '2027-04-24', sent: {} })
  })
})

describe('DueNotifier', () => {
  it('delivers what a check finds in the saved UI language, and nothing when writes are refused', async () => {
    const { atlas } = await setUp()
    await remind(atlas, {})
    data(await call('settings:set', { language: 'zh' }))
    const delivered: NoticeBatch[] = []
    let writable = false
    const notifier = new DueNotifier(
      s,
      (b) => delivered.push(b),
      () => writable,
    )
    expect(notifier.check()).toBeNull()
    writable = true
    notifier.check()
    notifier.stop()
    expect(delivered.map((b) => [b.lang, titles(b)])).toEqual([['zh', ['跟进 — Atlas Imports']]])
  })
})
