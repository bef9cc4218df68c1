import type { KeyboardEvent } from 'react'
import { countryFilter } from '../../components/countries'

type Option = { value: string; label: string }

/**
 * Enter in a country picker: the list takes its highlighted option itself (and says so by
 * preventing the default); when none is highlighted yet, the list still catching up with fast
 * typing, the best match of the text typed is taken here. Returns the code taken, if any.
 */
export function countryOnEnter(
  e: KeyboardEvent<HTMLElement>,
  options: Option[],
  current: string | null,
): string | null {
  if (e.defaultPrevented) return null
  const text = (e.target as HTMLInputElement).value.trim()
  if (!text || text === options.find((c) => c.value === current)?.label) return null
  const best = countryFilter({ options, search: text, limit: 1 })[0] as Option | undefined
  return best?.value ?? null
}
