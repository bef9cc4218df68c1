// Country picking that understands what a salesperson types in any of the app's languages:
// "中国", "Chine", "China" and "CN" all find China whatever the screen language is, so a French
// user who types the Chinese name (or the reverse) still gets it, and Enter takes the best match.
import countries from 'i18n-iso-countries'
import enCountries from 'i18n-iso-countries/langs/en.json'
import frCountries from 'i18n-iso-countries/langs/fr.json'
import zhCountries from 'i18n-iso-countries/langs/zh.json'
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core'
import { countryName } from '../../../shared/countries'

// Registering again is harmless, and keeps this module usable without format.ts having loaded.
countries.registerLocale(enCountries)
countries.registerLocale(frCountries)
countries.registerLocale(zhCountries)

/** Lower case, accents off ("Égypte" → "egypte"), spaces squeezed: how names are compared. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

let index: Map<string, string[]> | null = null

/** Every country's names (official and alternative) in zh, fr and en, folded, by code. */
function names(): Map<string, string[]> {
  if (index) return index
  index = new Map()
  for (const lang of ['zh', 'fr', 'en'] as const) {
    for (const [code, list] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      const folded = index.get(code) ?? [foldName(code)]
      // The name the window shows first, then the ISO table's official and other names.
      folded.push(foldName(countryName(code, lang)), ...list.map(foldName))
      index.set(code, folded)
    }
  }
  return index
}

/** How well `search` matches a country: 0 exact name, 1 a name starts with it, 2 contains it; null none. */
export function countryMatch(code: string, search: string): number | null {
  const q = foldName(search)
  if (!q) return 2
  let best: number | null = null
  for (const n of names().get(code) ?? [foldName(code)]) {
    const score = n === q ? 0 : n.startsWith(q) ? 1 : n.includes(q) ? 2 : null
    if (score !== null && (best === null || score < best)) best = score
  }
  return best
}

/**
 * Mantine options filter over country options (value = ISO code): matches any language's name,
 * best matches first, so with `selectFirstOptionOnChange` Enter picks the country typed.
 */
export const countryFilter: OptionsFilter = ({ options, search, limit }) => {
  const scored: { item: ComboboxParsedItem; score: number; at: number }[] = []
  options.forEach((item, at) => {
    const score = countryMatch((item as ComboboxItem).value, search)
    if (score !== null) scored.push({ item, score, at })
  })
  scored.sort((a, b) => a.score - b.score || a.at - b.at)
  return scored.slice(0, limit).map((s) => s.item)
}
