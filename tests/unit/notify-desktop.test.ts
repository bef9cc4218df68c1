// The Electron adapter of due-reminder notices with a stand-in for Electron's Notification: a batch found on real
// SQLite (in French) becomes desktop notifications with its translated texts, and clicking one
// brings the window forward and opens the customer (the summary: the Today view).
import { describe, it, expect, afterEach } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { caller, data, tempDir } from '../helpers/tmp'
import { dueNotices } from '../../electron/main/features/notify/due'
import { showDesktopNotices } from '../../electron/main/features/notify/desktop'
import type { NoticeWindow } from '../../electron/main/features/notify/desktop'

const fake = (() => {
  const state = { supported: true, shown: [] as { title: string; body: string; click: () => void }[] }
  class Notification {
    static isSupported = () => state.supported
    private listeners = new Map<string, () => void>()
    constructor(private readonly options: { title: string; body: string }) {}
    on(name: string, listener: () => void) {
      this.listeners.set(name, listener)
      return this
    }
    show() {
      state.shown.push({ ...this.options, click: () => this.listeners.get('click')?.() })
    }
  }
  return { state, Notification }
})()

let s: Services
afterEach(() => s?.close())

function fakeWindow(minimized: boolean) {
  const calls: string[] = []
  const sent: [string, unknown][] = []
  const win = {
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
    webContents: { send: (event: string, payload: unknown) => sent.push([event, payload]) },
  }
  return { win: win as NoticeWindow, calls, sent }
}

describe('showDesktopNotices', () => {
  it('shows each notice translated and opens its customer on click', async () => {
    s = createServices(tempDir(), { now: () => new Date('2027-03-10T12:00:00Z') })
    const call = caller(() => s)
    const ids: string[] = []
    for (const name of ['Maison Lefèvre', 'Atlas Imports', 'Nile Foods', 'Gulf Trading', 'Porto Vinhos']) {
      const id = data(
        await call('customers:create', { customer: { displayName: name, country: 'FR' }, contacts: [] }),
      ).id
      ids.push(id)
      data(
        await call('reminders:create', {
          customerId: id,
          reminder: {
            kind: 'quote_chase',
            dueDate: '2027-03-10',
            note: name === 'Atlas Imports' ? 'Prix FOB' : null,
          },
        }),
      )
    }
    const batch = dueNotices(s, 'fr')!
    const { win, calls, sent } = fakeWindow(true)
    fake.state.shown = []
    showDesktopNotices(batch, fake.Notification, () => win)

    expect(fake.state.shown.map(({ title, body }) => ({ title, body }))).toEqual([
      ...batch.notices.map((n) => ({ title: n.title, body: n.body })),
      {
        title: 'TradeTier\u202f: rappels à traiter',
        body: 'et 2 autres rappels à traiter — ouvrir Aujourd’hui',
      },
    ])
    expect(fake.state.shown[0]!.title).toMatch(/^Relance de devis — /)
    expect(fake.state.shown.map((n) => n.body)).toContain('Prévu aujourd’hui\nPrix FOB')

    fake.state.shown[1]!.click()
    expect(calls).toEqual(['restore', 'show', 'focus'])
    expect(sent).toEqual([['notify:open', { customerId: batch.notices[1]!.customerId }]])
    expect(ids).toContain(batch.notices[1]!.customerId)
    fake.state.shown[3]!.click()
    expect(sent[1]).toEqual(['notify:open', { customerId: null }])
  })

  it('shows nothing where the system has no notifications, and a click with no window does nothing', () => {
    const batch = {
      lang: 'en' as const,
      more: 0,
      notices: [
        {
          key: 'k',
          customerId: 'c1',
          reminderId: 'r1',
          occurrence: '2027-03-10',
          kind: 'follow_up' as const,
          customerName: 'Atlas',
          date: '2027-03-10',
          time: null,
          title: 'Follow-up — Atlas',
          body: 'Due today',
        },
      ],
    }
    fake.state.shown = []
    fake.state.supported = false
    showDesktopNotices(batch, fake.Notification, () => null)
    expect(fake.state.shown).toEqual([])
    fake.state.supported = true
    showDesktopNotices(batch, fake.Notification, () => null)
    expect(() => fake.state.shown[0]!.click()).not.toThrow()
  })
})
