// Holidays and quiet periods as main computes them and the window shows them (SPEC R3). Main
// knows the dates; the words are the renderer's, in the reader's language: a holiday the app
// recognises is named by its kind (one name for Eid in every country), any other by the
// library's name in that language when it has one, else by a translated fallback.
export const HOLIDAY_KINDS = [
  'new_year',
  'lunar_new_year',
  'mid_autumn',
  'dragon_boat',
  'eid_al_fitr',
  'eid_al_adha',
  'ramadan_start',
  'islamic_new_year',
  'mawlid',
  'christmas',
  'easter',
  'good_friday',
  'thanksgiving',
  'diwali',
  'labour_day',
  'national_day',
  'other',
] as const
export type HolidayKind = (typeof HOLIDAY_KINDS)[number]

/** Kinds whose name reads the same in every country (national_day names its country instead). */
export const UNIVERSAL_KINDS: ReadonlySet<HolidayKind> = new Set(
  HOLIDAY_KINDS.filter((k) => k !== 'national_day' && k !== 'other'),
)

export type Lang = 'zh' | 'fr' | 'en'

export type Holiday = {
  /** First day, YYYY-MM-DD (the country's own calendar date). */
  date: string
  /** Days the holiday lasts (National Day in China: 3 in the library's listing). */
  days: number
  /** ISO alpha-2. */
  country: string
  kind: HolidayKind
  /** public, bank, optional or observance (date-holidays' types), or supplement. */
  type: string
  /** Names the source has, by language; `en` always, `local` in the country's first language. */
  names: Partial<Record<Lang, string>> & { en: string; local: string }
  /** Where the date comes from: the library, or a supplement with its cited source. */
  source: string
}

export const QUIET_KINDS = [
  'lunar_new_year_closure',
  'ramadan',
  'european_august',
  'golden_week',
  'year_end',
] as const
export type QuietKind = (typeof QUIET_KINDS)[number]

/** A stretch when customers in a country are hard to reach: follow-ups falling in it are flagged. */
export type QuietPeriod = {
  kind: QuietKind
  country: string
  /** First and last day, inclusive. */
  from: string
  to: string
}

type T = (key: string, options?: Record<string, unknown>) => string

/** The holiday's name in `lang`: see the header of this file. `countryName` names a country in `lang`. */
export function holidayTitle(h: Holiday, lang: Lang, t: T, countryName: (code: string) => string): string {
  if (UNIVERSAL_KINDS.has(h.kind)) return t(`calendar.holiday.${h.kind}`)
  if (h.kind === 'national_day' && !h.names[lang])
    return t('calendar.holiday.national_day_of', { country: countryName(h.country) })
  return (
    h.names[lang] ?? t('calendar.holiday.fallback', { name: h.names.en, country: countryName(h.country) })
  )
}
