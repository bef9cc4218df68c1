// Country names as people write them, in the app's three languages, for the window and for
// exports alike. The ISO tables (i18n-iso-countries) give official forms that no salesperson
// writes ("United States of America", "Taiwan, Province of China", « République Tchèque »);
// CLDR's names through Intl.DisplayNames are the ones operating systems show ("United States",
// « Tchéquie », 美国). The codes themselves still come from the ISO table.
import countries from 'i18n-iso-countries'
import type { UiLanguage } from './vocabulary'

const LOCALE: Record<UiLanguage, string> = { zh: 'zh-CN', fr: 'fr-FR', en: 'en-US' }

// CLDR's standard name of these carries a qualifier nobody writes on an address or an invoice
// ("Hong Kong SAR China", 中国香港特别行政区); zh follows mainland usage (中国香港, 中国台湾) and
// the short form every Chinese trader writes for the Emirates (阿联酋, not 阿拉伯联合酋长国).
const OVERRIDES: Partial<Record<UiLanguage, Record<string, string>>> = {
  en: { HK: 'Hong Kong', MO: 'Macao' },
  fr: { HK: 'Hong Kong', MO: 'Macao' },
  zh: { HK: '中国香港', MO: '中国澳门', TW: '中国台湾', AE: '阿联酋' },
}

const displayNames = new Map<UiLanguage, Intl.DisplayNames>()

/** The country's name in `lang`; the code itself when it is not a country code. */
// Names asked again and again (every holiday's title on the calendar and the Today view): kept per
// language and code, a few hundred at most.
const named = new Map<string, string>()

export function countryName(code: string, lang: UiLanguage): string {
  const key = `${lang}|${code}`
  let name = named.get(key)
  if (name === undefined) named.set(key, (name = readCountryName(code, lang)))
  return name
}

function readCountryName(code: string, lang: UiLanguage): string {
  const upper = code.toUpperCase()
  const override = OVERRIDES[lang]?.[upper]
  if (override) return override
  let names = displayNames.get(lang)
  if (!names) {
    names = new Intl.DisplayNames([LOCALE[lang]], { type: 'region', fallback: 'code' })
    displayNames.set(lang, names)
  }
  try {
    return names.of(upper) ?? upper
  } catch {
    // Not a well-formed region code (a stray value in an old row): show it as stored.
    return code
  }
}

/** Every ISO 3166-1 alpha-2 code. */
export function countryCodes(): string[] {
  return Object.keys(countries.getAlpha2Codes())
}
