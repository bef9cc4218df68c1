import type { KeyboardEvent } from 'react'

/**
 * Enter takes the highlighted option of a searchable Select, always.
 *
 * Mantine's Select, on opening, resets its highlighted-option index from a 0 ms timer. When the
 * text arrives in one input event (a Chinese IME committing "法国", a paste, a fast typist) the
 * first match is highlighted before that timer fires and is forgotten after it: the option still
 * looks highlighted, but Enter then fell through to the form and saved without a country. This
 * clicks the highlighted option itself. Mantine may click it again right after; with
 * `allowDeselect` off that second click sets the same value instead of clearing it.
 */
export function enterTakesHighlighted(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.nativeEvent.keyCode === 229) return
  const list = event.currentTarget.getAttribute('aria-controls')
  const option = list ? document.getElementById(list)?.querySelector('[data-combobox-selected]') : null
  if (!(option instanceof HTMLElement)) return
  event.preventDefault()
  option.click()
}

/** Props for a searchable Select whose Enter must take what was typed (see above). */
export const typeaheadProps = { allowDeselect: false, onKeyDown: enterTakesHighlighted } as const
