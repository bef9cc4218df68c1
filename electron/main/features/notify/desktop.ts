// The Electron side of due-reminder notices (R5): each notice of a batch as a desktop
// notification, the rest as one summary; a click brings the window forward and opens the
// customer (the summary: the Today view). What to announce is decided in ./due.ts. Electron's
// `Notification` and the window come from the shell (only electron/main/index.ts imports
// Electron), described here by the little this uses of them.
import type { NoticeBatch, NoticeOpen } from '../../../../shared/notify'

export type DesktopNotification = {
  on(event: 'click' | 'close', listener: () => void): unknown
  show(): void
}
export type NotificationClass = {
  new (options: { title: string; body: string }): DesktopNotification
  isSupported(): boolean
}
export type NoticeWindow = {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
  webContents: { send(event: 'notify:open', payload: NoticeOpen): void }
}

// A notification nothing refers to can be garbage-collected before it is clicked, and its click
// is then lost: they are held until closed.
const shown = new Set<DesktopNotification>()

export function showDesktopNotices(
  batch: NoticeBatch,
  Notification: NotificationClass,
  window: () => NoticeWindow | null,
): void {
  if (!Notification.isSupported()) return
  const raise = (title: string, body: string, open: NoticeOpen) => {
    const n = new Notification({ title, body })
    shown.add(n)
    n.on('click', () => openFromNotice(window(), open))
    n.on('close', () => shown.delete(n))
    n.show()
  }
  for (const notice of batch.notices) raise(notice.title, notice.body, { customerId: notice.customerId })
  if (batch.summary) raise(batch.summary.title, batch.summary.body, { customerId: null })
}

/** Brings the window forward and tells the page what to open. */
export function openFromNotice(win: NoticeWindow | null, open: NoticeOpen): void {
  if (!win || win.isDestroyed()) return
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
  win.webContents.send('notify:open', open)
}
