// Locale-aware formatting: dates, numbers and localised country names.
import { useTranslation } from 'react-i18next'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { intlLocale, pickLanguage } from './index'
import { countryCodes, countryName } from '../../../shared/countries'

export type Formatters = ReturnType<typeof makeFormatters>

export function makeFormatters(lang: string) {
  const locale = intlLocale(lang)
  const uiLanguage = pickLanguage(lang)
  const dateOptions = { dateStyle: 'medium' } as const
  // Not dateStyle 'short': en-US writes that with a two-digit year (12/6/26). Four digits, and the
  // same day-month order as the date fields: 2026/12/06, 06/12/2026, 12/06/2026.
  const shortDateOptions = { year: 'numeric', month: '2-digit', day: '2-digit' } as const
  // A calendar day (an order's YYYY-MM-DD) is read as UTC midnight; shown in the local zone it
  // would be the day before west of Greenwich. Days are shown in UTC, timestamps locally.
  const dayFormat = (options: Intl.DateTimeFormatOptions) => {
    const local = new Intl.DateTimeFormat(locale, options)
    const utc = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
    return (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? utc : local).format(new Date(iso))
  }
  const dateFmt = dayFormat(dateOptions)
  const shortDateFmt = dayFormat(shortDateOptions)
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const numberFmt = new Intl.NumberFormat(locale)
  const weekdayFmt = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' })
  // One formatter per currency: building an Intl.NumberFormat costs far more than using one, and
  // a customer page formats every order's amounts on each render.
  const moneyFormats = new Map<string, Intl.NumberFormat>()
  const moneyFormat = (currency: string) =>
    once(moneyFormats, currency, () => new Intl.NumberFormat(locale, { style: 'currency', currency }))
  const compactFormats = new Map<string, Intl.NumberFormat>()
  const zoneFormats = new Map<string, [Intl.DateTimeFormat, Intl.DateTimeFormat]>()
  const weekdayZones = new Map<string, Intl.DateTimeFormat>()
  const percentFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const listFmt = new Intl.ListFormat(locale, { type: 'conjunction' })
  return {
    locale,
    date: (iso: string | null | undefined) => (iso ? dateFmt(iso) : ''),
    shortDate: (iso: string | null | undefined) => (iso ? shortDateFmt(iso) : ''),
    dateTime: (iso: string | null | undefined) => (iso ? dateTimeFmt.format(new Date(iso)) : ''),
    number: (n: number) => numberFmt.format(n),
    /** A ratio as a percentage with one decimal: 0.034 → "3.4%" / "3,4 %". */
    percent: (ratio: number) => percentFmt.format(ratio),
    /** An amount in a currency, in the UI locale: "USD 1,234.50" in en, "1 234,50 $US" in fr. */
    money: (n: number, currency: string) => moneyFormat(currency).format(n),
    /** Short money for sentences: "$5.4M", "5,4 M $US", "US$540万". */
    moneyCompact: (n: number, currency: string) =>
      once(compactFormats, currency, () => {
        return new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          notation: 'compact',
          maximumFractionDigits: 1,
        })
      }).format(n),
    country: (code: string | null | undefined) => (code ? countryName(code, uiLanguage) : ''),
    /** Up to `max` countries as the language lists them ("Italie, Espagne et Autriche"), then "+N". */
    countries: (codes: readonly string[], max = 3) => {
      const names = listFmt.format(codes.slice(0, max).map((c) => countryName(c, uiLanguage)))
      return codes.length > max ? `${names} +${numberFmt.format(codes.length - max)}` : names
    },
    /** A stored E.164 number in international layout: +966501234567 → +966 50 123 4567. */
    phone: (e164: string) => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164,
    /** All countries as select options, sorted by their localised name. */
    countryOptions: () =>
      countryCodes()
        .map((value) => ({ value, label: countryName(value, uiLanguage) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    /** Localised weekday name of an ISO weekday (1 = Monday). 2024-01-01 was a Monday. */
    weekday: (iso: number) => weekdayFmt.format(new Date(Date.UTC(2024, 0, iso))),
    /** Wall-clock time now in a time zone, with the weekday. */
    // Weekday and time formatted apart and joined by a space: zh-CN runs them together
    // ("星期日07:21"); en and fr already read "Sunday 07:21" / "dimanche 07:21".
    timeIn: (tz: string, at: Date = new Date()) => {
      const [weekday, time] = once(zoneFormats, tz, () => [
        new Intl.DateTimeFormat(locale, { timeZone: tz, weekday: 'long' }),
        new Intl.DateTimeFormat(locale, { timeZone: tz, hour: '2-digit', minute: '2-digit' }),
      ])
      return `${weekday.format(at)} ${time.format(at)}`
    },
    /** ISO weekday (1–7) it is now in a time zone. */
    isoWeekdayIn: (tz: string, at: Date = new Date()) => {
      const name = once(weekdayZones, tz, () => {
        return new Intl.DateTimeFormat('en-US', { timeZone: tz, weekday: 'short' })
      }).format(at)
      return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(name) + 1
    },
  }
}

/** The cached value of `key`, made on first use. */
function once<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let v = cache.get(key)
  if (v === undefined) cache.set(key, (v = make()))
  return v
}

// One set per language for the whole window: every card of a customer page asks for formatters,
// and building a page's worth of Intl formatters on each mount cost a tenth of opening it.
const byLanguage = new Map<string, Formatters>()

/** The formatters of a language, made once. */
export const formattersFor = (lang: string): Formatters => once(byLanguage, lang, () => makeFormatters(lang))

export function useFormatters(): Formatters {
  const { i18n } = useTranslation()
  return formattersFor(i18n.language)
}
