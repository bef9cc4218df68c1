// Dates as each UI language writes them: 2026/12/06 in zh, 06/12/2026 in fr, Dec 6, 2026 in en,
// always with a four-digit year. Pure functions over dayjs (no DOM), unit-tested per language. The
// browser's own date field follows the operating system's format, not the app's language.
import dayjs from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat'
import 'dayjs/locale/zh-cn'
import 'dayjs/locale/fr'

dayjs.extend(customParseFormat)

type DateStyle = {
  /** dayjs locale for month names and the calendar. */
  dayjs: string
  /** How a date is shown (the first format is also the one the error message gives). */
  display: string
  /** What typing accepts, strictly: the shown form, without leading zeros, and ISO. */
  accept: readonly string[]
  /** First day of the calendar's week (0 Sunday, 1 Monday). */
  firstDayOfWeek: 0 | 1
}

const STYLES: Record<'zh' | 'fr' | 'en', DateStyle> = {
  zh: {
    dayjs: 'zh-cn',
    display: 'YYYY/MM/DD',
    accept: ['YYYY/MM/DD', 'YYYY/M/D', 'YYYY-MM-DD', 'YYYY-M-D', 'YYYY.M.D', 'YYYY年M月D日'],
    firstDayOfWeek: 1,
  },
  fr: {
    dayjs: 'fr',
    display: 'DD/MM/YYYY',
    accept: ['DD/MM/YYYY', 'D/M/YYYY', 'DD.MM.YYYY', 'D.M.YYYY', 'DD-MM-YYYY', 'YYYY-MM-DD'],
    firstDayOfWeek: 1,
  },
  en: {
    dayjs: 'en',
    display: 'MMM D, YYYY',
    accept: ['MMM D, YYYY', 'MMMM D, YYYY', 'MMM D YYYY', 'MM/DD/YYYY', 'M/D/YYYY', 'YYYY-MM-DD'],
    firstDayOfWeek: 0,
  },
}

/** The date conventions of a UI language (English for anything else). */
export function dateStyle(lang: string): DateStyle {
  return STYLES[lang as keyof typeof STYLES] ?? STYLES.en
}

/**
 * An ISO date (YYYY-MM-DD) for what was typed, or null when it is not a real date in one of the
 * language's forms. Strict: "31/02/2026", "6/12/26" (a two-digit year) and "2026-13-01" are null.
 */
export function parseDateText(text: string, lang: string): string | null {
  const style = dateStyle(lang)
  const t = text.trim().replace(/\s+/g, ' ')
  if (t === '') return null
  for (const format of style.accept) {
    const d = dayjs(t, format, style.dayjs, true)
    if (d.isValid()) return d.format('YYYY-MM-DD')
  }
  return null
}

/** An ISO date as the language writes it ("" for none). */
export function formatDateText(iso: string | null | undefined, lang: string): string {
  if (!iso) return ''
  const style = dateStyle(lang)
  return dayjs(iso, 'YYYY-MM-DD', true).locale(style.dayjs).format(style.display)
}
