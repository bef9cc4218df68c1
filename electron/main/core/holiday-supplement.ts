// Holidays date-holidays lacks for the export markets TradeTier serves, with where each date comes
// from. Checked against the library for the main markets (tests/unit/holidays.test.ts): India has
// only its six national gazetted days there, without Diwali or the two Eids, although all
// are gazetted holidays and the greetings Indian customers expect most.
import type { HolidayKind } from '../../../shared/holidays'

export type SupplementHoliday = {
  country: string
  kind: HolidayKind
  /** English name (the UI shows the kind's translated name). */
  name: string
  /** The dates, or the date in a given year for a holiday kept by a fixed rule. */
  dates: readonly string[] | ((year: number) => string)
  source: string
}

const pad = (n: number) => String(n).padStart(2, '0')
/** The `n`th `weekday` (0 = Sunday) of `month` (1–12). */
const nthWeekday = (year: number, month: number, weekday: number, n: number) => {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
  return `${year}-${pad(month)}-${pad(1 + ((weekday - first + 7) % 7) + (n - 1) * 7)}`
}

export const HOLIDAY_SUPPLEMENT: readonly SupplementHoliday[] = [
  {
    country: 'IN',
    kind: 'diwali',
    name: 'Diwali (Deepavali)',
    // 2024–2026: the Government of India's gazetted holiday lists (Department of Personnel and
    // Training, Office Memoranda on holidays to be observed in central government offices):
    // Deepavali on 31 Oct 2024, 20 Oct 2025, 8 Nov 2026.
    // 2027–2030: Lakshmi Puja, the evening (pradosh) on which the amavasya tithi of Kartika
    // (amanta Ashvin) prevails — computed from the new moon (Meeus, Astronomical Algorithms,
    // ch. 49) in IST, taking the later day when both evenings fall in the tithi (Dharmasindhu).
    // The same rule gives the three gazetted years above. Malaysia's and Singapore's Deepavali
    // (the day of Naraka Chaturdashi) is sometimes a day earlier and is not used for India.
    dates: ['2024-10-31', '2025-10-20', '2026-11-08', '2027-10-29', '2028-10-17', '2029-11-05', '2030-10-26'],
    source: 'Government of India DoPT holiday lists (2024–2026); Kartika amavasya at pradosh (2027–2030)',
  },
  // date-holidays has no days at all for Qatar and Kuwait, and keeps Canada's Thanksgiving only
  // per province, although it is a statutory holiday in most of them and the federal one.
  {
    country: 'QA',
    kind: 'national_day',
    name: 'Qatar National Day',
    dates: (year) => `${year}-12-18`,
    source: 'Qatar National Day, 18 December (Emiri Decision No. 33 of 2009 on official holidays)',
  },
  {
    country: 'KW',
    kind: 'national_day',
    name: 'Kuwait National Day',
    dates: (year) => `${year}-02-25`,
    source: 'Kuwait National Day, 25 February (Civil Service Commission holiday calendar)',
  },
  {
    country: 'KW',
    kind: 'national_day',
    name: 'Liberation Day',
    dates: (year) => `${year}-02-26`,
    source: 'Kuwait Liberation Day, 26 February (Civil Service Commission holiday calendar)',
  },
  {
    country: 'CA',
    kind: 'thanksgiving',
    name: 'Thanksgiving',
    dates: (year) => nthWeekday(year, 10, 1, 2),
    source: 'Holidays Act (R.S.C. 1985, c. H-5): second Monday in October',
  },
]

/**
 * Countries whose Eid al-Fitr and Eid al-Adha are public holidays although date-holidays has no
 * Islamic days for them: their dates come from the Umm al-Qura calendar (Intl), as in the
 * library's own rules for the Gulf. Sighting-based countries (India among them) may keep the
 * feast a day later; a greeting a few days ahead is unaffected.
 */
export const EID_SUPPLEMENT: readonly string[] = ['IN', 'QA', 'KW']
