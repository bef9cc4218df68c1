// Where keyboard focus goes when the screen changes under it: to the new page's heading after a
// navigation, and back to the opener when a dialog goes away. Without these, focus falls to
// <body> and a keyboard or screen-reader user starts again from the top of the window.
import { useEffect, useRef } from 'react'

const DIALOG = '[role="dialog"], [role="alertdialog"]'
const CLOSE_BUTTON = '.mantine-Modal-close'
const FIRST_FIELD =
  '.mantine-Modal-body :is(input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]))'

/**
 * The main area's page heading: its first shown h1 or h2 (a screen's title), else its first shown
 * heading. While a lazy screen loads, React keeps the previous screen in the page, hidden.
 */
export function pageHeading(main: HTMLElement): HTMLElement | null {
  // checkVisibility needs styles only, not layout: cheap enough to ask right after each commit.
  const shown = (selector: string) =>
    [...main.querySelectorAll<HTMLElement>(selector)].find((h) => h.checkVisibility()) ?? null
  return shown('h1, h2') ?? shown('h3, h4')
}

/**
 * Names the window after the screen ("Clients — TradeTier") and, when `routeKey` changes (not on
 * the first screen, where focus belongs to the window's start), focuses the screen's heading once
 * it has rendered: lazy screens and pages that load their record first show it a moment later.
 * `title` formats the window title from the heading's text (null before there is one); it changes
 * with the UI language.
 */
export function usePageHeadingFocus(
  mainId: string,
  routeKey: string,
  title: (heading: string | null) => string,
): void {
  const first = useRef(true)
  const lastRoute = useRef(routeKey)
  useEffect(() => {
    const main = document.getElementById(mainId)
    if (!main) return
    const moveFocus = !first.current && lastRoute.current !== routeKey
    first.current = false
    lastRoute.current = routeKey
    const name = () => {
      const heading = pageHeading(main)
      const text = title(heading?.textContent?.trim() || null)
      if (document.title !== text) document.title = text
      return heading
    }
    // Keeps following the heading: it appears after loading, and its text changes with the
    // record (a rename) or the language. Right after each commit (one observer call per commit):
    // waiting for the next frame put the title change, and the page's settling, a frame later.
    name()
    const titles = new MutationObserver(() => void name())
    titles.observe(main, { childList: true, subtree: true, characterData: true })
    if (!moveFocus) return () => titles.disconnect()

    // Focus waits for the heading, and for a dialog still holding focus (a form that saved and
    // navigated) to go away: portals sit outside the main area, hence the whole body is watched.
    const focus = () => {
      const heading = pageHeading(main)
      if (!heading || document.activeElement?.closest(DIALOG)) return
      // Headings are not tab stops; -1 lets script focus them without adding one.
      heading.tabIndex = -1
      heading.dataset.pageHeading = ''
      heading.focus()
      if (document.activeElement === heading) waiting.disconnect()
    }
    const waiting = new MutationObserver(focus)
    waiting.observe(document.body, { childList: true, subtree: true })
    // A click before the heading shows (the language menu, a field) says where the user wants to
    // be: focus is theirs, and moving it would close what they opened.
    const userMoved = () => waiting.disconnect()
    document.addEventListener('pointerdown', userMoved, { capture: true, once: true })
    focus()
    return () => {
      titles.disconnect()
      waiting.disconnect()
      document.removeEventListener('pointerdown', userMoved, { capture: true })
    }
  }, [mainId, routeKey, title])
}

/**
 * Returns focus to the control that opened a dialog when the dialog is unmounted while it holds
 * focus (dialogs rendered only while open skip Mantine's own return, which runs on close), and
 * starts a newly opened dialog on its first field.
 */
export function useDialogFocusReturn(): void {
  useEffect(() => {
    const started = new WeakSet<Element>()
    let lastOutside: HTMLElement | null = null
    let opener: HTMLElement | null = null
    const onFocusIn = (e: FocusEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null
      if (!target) return
      const dialog = target.closest(DIALOG)
      if (dialog) {
        opener ??= lastOutside
        // A dialog that just opened starts on its first field, not on the close button that
        // comes first in its header (a form marked with data-autofocus is already there). Only
        // the first control focused in each dialog counts: the trap may focus the dialog's own
        // box on the way, and a user may tab back to the close button later.
        if (target !== dialog && !started.has(dialog)) {
          started.add(dialog)
          // After the focus trap's own first move, which runs in a timeout of its own.
          setTimeout(() => {
            if (document.activeElement?.matches(CLOSE_BUTTON) && dialog.contains(document.activeElement))
              dialog.querySelector<HTMLElement>(FIRST_FIELD)?.focus()
          }, 0)
        }
      } else {
        lastOutside = target
        opener = null
      }
    }
    const restore = () => {
      if (!opener) return
      const active = document.activeElement
      const lost = !active || active === document.body
      if (lost && !document.querySelector(DIALOG) && opener.isConnected) opener.focus()
      if (!document.querySelector(DIALOG)) opener = null
    }
    // Dialogs live in portals at the end of <body>, and their content leaves before the portal;
    // `restore` returns at once unless a dialog took focus, so watching the subtree costs little.
    const observer = new MutationObserver(restore)
    observer.observe(document.body, { childList: true, subtree: true })
    document.addEventListener('focusin', onFocusIn)
    return () => {
      observer.disconnect()
      document.removeEventListener('focusin', onFocusIn)
    }
  }, [])
}
