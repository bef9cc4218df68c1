// Where keyboard focus goes when the screen changes under it: to the new page's heading after a
// navigation, and back to the opener when a dialog goes away. Without these, focus falls to
// <body> and a keyboard or screen-reader user starts again from the top of the window.
import { useEffect, useRef } from 'react'

const DIALOG = '[role="dialog"], [role="alertdialog"]'

/** The main area's page heading: its first h1 or h2 (a screen's title), else its first heading. */
export function pageHeading(main: HTMLElement): HTMLElement | null {
  return main.querySelector<HTMLElement>('h1, h2') ?? main.querySelector<HTMLElement>('h3, h4')
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
    let focused = !moveFocus
    const apply = () => {
      const heading = pageHeading(main)
      const name = title(heading?.textContent?.trim() || null)
      if (document.title !== name) document.title = name
      if (!heading || focused) return
      // Headings are not tab stops; -1 lets script focus them without adding one.
      heading.tabIndex = -1
      // A dialog opened meanwhile keeps the focus it took.
      if (!document.activeElement?.closest(DIALOG)) heading.focus()
      focused = true
    }
    apply()
    // Keeps following the heading: it appears after loading, and its text changes with the
    // record (a rename) or the language.
    const observer = new MutationObserver(apply)
    observer.observe(main, { childList: true, subtree: true, characterData: true })
    return () => observer.disconnect()
  }, [mainId, routeKey, title])
}

/**
 * Returns focus to the control that opened a dialog when the dialog is unmounted while it holds
 * focus (dialogs rendered only while open skip Mantine's own return, which runs on close).
 */
export function useDialogFocusReturn(): void {
  useEffect(() => {
    let lastOutside: HTMLElement | null = null
    let opener: HTMLElement | null = null
    const onFocusIn = (e: FocusEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null
      if (!target) return
      if (target.closest(DIALOG)) {
        opener ??= lastOutside
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
