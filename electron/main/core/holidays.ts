// Holidays and quiet periods by customer country (SPEC R3), free of the database and the DOM.
// Dates come from date-holidays, read in zh, fr, en and the country's own language, with what it
// lacks added from ./holiday-supplement (sources cited there). The calendar, greetings and the
// follow-up checks all ask here, so a country's holidays are the same everywhere in the app.
import Holidays from 'date-holidays'
import type { Holiday, HolidayKind, Lang, QuietKind, QuietPeriod } from '../../../shared/holidays'
import { EID_SUPPLEMENT, HOLIDAY_SUPPLEMENT } from './holiday-supplement'
import { weekendOf } from './geo'

const LANGS: readonly Lang[] = ['zh', 'fr', 'en']
/** Observances (Mother's Day, Halloween…) are kept only when they are a kind the app greets for. */
const ALWAYS_KEPT = new Set(['public', 'bank'])

type Raw = {
  date: string
  start: Date
  end: Date
  name: string
  type: string
  rule: string
  substitute?: boolean
}

const KNOWN: ReadonlySet<string> = new Set(Object.keys(new Holidays().getCountries()))
type Calendar = { hd: Holidays; own: readonly string[] }
const calendars = new Map<string, Calendar | null>()
function calendarOf(country: string): Calendar | null {
  let cal = calendars.get(country)
  if (cal === undefined) {
    const hd = KNOWN.has(country) ? new Holidays(country) : null
    // The country's own languages, read before any getHolidays(year, lang): asking for a language
    // adds it to the list the library reports.
    cal = hd ? { hd, own: [...hd.getLanguages()] } : null
    calendars.set(country, cal)
  }
  return cal
}

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`)
export const addDays = (date: string, n: number): string => iso(ms(date) + n * DAY)

/** What the app knows a library holiday as, from its rule and English name. */
export function kindOf(rule: string, en: string): HolidayKind {
  const name = en.toLowerCase()
  if (/^(chinese|korean|vietnamese) 0?1-0-0?[0-9]\b/.test(rule) || /vietnamese 1-0-1\b/.test(rule))
    return 'lunar_new_year'
  if (/lunar new year|chinese new year|spring festival|korean new year|vietnamese new year/.test(name))
    return 'lunar_new_year'
  if (/^(chinese|korean|vietnamese) 0?8-0-1[456]\b/.test(rule) || /mid-autumn|chuseok/.test(name))
    return 'mid_autumn'
  if (/^(chinese|vietnamese) 0?5-0-0?5\b/.test(rule) || /dragon boat/.test(name)) return 'dragon_boat'
  if (/Shawwal|^30 Ramadan/.test(rule) || /eid al-fitr/.test(name)) return 'eid_al_fitr'
  if (/Dhu al-Hijjah/.test(rule) && (/^10 Dhu/.test(rule) || /adha|sacrifice|kurban|bakr|kabir/.test(name)))
    return 'eid_al_adha'
  if (/^1 Ramadan\b/.test(rule)) return 'ramadan_start'
  if (/^1 Muharram\b/.test(rule)) return 'islamic_new_year'
  if (/12 Rabi al-awwal/.test(rule) || /mawlid/.test(name)) return 'mawlid'
  if (/christmas/.test(name) && !/eve|second|2nd/.test(name)) return 'christmas'
  if (/^easter$/.test(rule)) return 'easter'
  if (/^easter -2$/.test(rule)) return 'good_friday'
  if (/thanksgiving/.test(name)) return 'thanksgiving'
  if (/diwali|deepavali/.test(name)) return 'diwali'
  if (/^05-01\b/.test(rule) && /labou?r|worker|may day/.test(name)) return 'labour_day'
  if (/^01-01\b/.test(rule) && /new year/.test(name)) return 'new_year'
  if (
    /national day|independence day|republic day|russia day|german unity|national holiday|founding day|foundation day|bastille|unity day|liberation day|australia day|canada day|portugal day|king's day|king's birthday|fiesta nacional/.test(
      name,
    )
  )
    return 'national_day'
  return 'other'
}

/** The day a library entry's greeting belongs to: some of its rules start on the eve. */
function mainShift(rule: string): number {
  return /^1 day before/.test(rule) ? 1 : 0
}

/**
 * The feast day inside a library's Eid holiday: Saudi Arabia's runs from "30 Ramadan", which in a
 * 29-day Ramadan is already the feast; the Umm al-Qura date says which day is 1 Shawwal (or 10 Dhu
 * al-Hijjah).
 */
function eidDay(h: Holiday): Holiday {
  const [month, day] = h.kind === 'eid_al_fitr' ? [10, 1] : [12, 10]
  for (let i = 0; i < h.days; i++) {
    const date = addDays(h.date, i)
    const hijri = hijriOf(date)
    if (hijri.month === month && hijri.day === day) return { ...h, date, days: h.days - i }
  }
  return h
}

const cache = new Map<string, Holiday[]>()

/** A country's holidays that begin in `year`, by date. Unknown countries have none. */
export function holidaysOf(country: string, year: number): Holiday[] {
  const key = `${country}:${year}`
  let found = cache.get(key)
  if (!found) {
    found = [...fromLibrary(country, year), ...fromSupplement(country, year)].sort(
      (a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind),
    )
    cache.set(key, found)
  }
  return found
}

function fromLibrary(country: string, year: number): Holiday[] {
  const cal = calendarOf(country)
  if (!cal) return []
  const { hd, own } = cal
  const local = own[0] ?? 'en'
  const read = (lang: string) =>
    (hd.getHolidays(year, lang) as unknown as Raw[]).filter(
      (h) => !h.substitute && !/substitute/i.test(h.name),
    )
  const en = read('en')
  const byLang = new Map<string, Raw[]>([[local, read(local)]])
  for (const l of LANGS) if (!byLang.has(l)) byLang.set(l, l === 'en' ? en : read(l))
  const out: Holiday[] = []
  en.forEach((h, i) => {
    const kind = kindOf(h.rule, h.name)
    if (!ALWAYS_KEPT.has(h.type) && kind === 'other') return
    const names: Holiday['names'] = { en: h.name, local: byLang.get(local)![i]!.name }
    for (const l of LANGS) {
      const name = byLang.get(l)![i]!.name
      // The library falls back to another language when it lacks one (Saudi holidays asked in
      // Chinese come back in French): a name equal to another language's is not a translation.
      const others = [...byLang.entries()].filter(([x]) => x !== l).map(([, hs]) => hs[i]!.name)
      if (own.includes(l) || !others.includes(name)) names[l] = name
    }
    const shift = mainShift(h.rule)
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY)) - shift
    out.push({
      date: addDays(h.date.slice(0, 10), shift),
      days: Math.max(1, days),
      country,
      kind,
      type: h.type,
      names,
      source: 'date-holidays',
    })
  })
  return merge(out)
}

/**
 * One entry per holiday: the library lists China's National Day as three days and its Spring
 * Festival from the eve; consecutive or overlapping entries of one kind and name become one,
 * dated by its main day for the lunar new year (the day a greeting is for).
 */
function merge(list: Holiday[]): Holiday[] {
  const out: Holiday[] = []
  for (const h of list.sort((a, b) => a.date.localeCompare(b.date))) {
    const prev = out.findLast(
      (p) =>
        p.kind === h.kind &&
        (h.kind !== 'other' || p.names.en === h.names.en) &&
        ms(h.date) <= ms(p.date) + p.days * DAY,
    )
    if (!prev) {
      out.push({ ...h })
      continue
    }
    const end = Math.max(ms(prev.date) + prev.days * DAY, ms(h.date) + h.days * DAY)
    prev.days = Math.round((end - ms(prev.date)) / DAY)
  }
  return out.map((h) =>
    h.kind === 'lunar_new_year' || (h.kind === 'mid_autumn' && h.country !== 'KR')
      ? lunarMain(h)
      : h.kind === 'eid_al_fitr' || h.kind === 'eid_al_adha'
        ? eidDay(h)
        : h,
  )
}

// The library dates the lunar feasts by each country's rules: China's and Viet Nam's new year runs
// start on the eve, Hong Kong drops a day that falls on a Sunday and keeps the day after Mid-Autumn.
// The greeting is for the feast itself: the first day of the first month (the 15th of the 8th),
// in China's calendar for every country that keeps it, in their own for Korea and Viet Nam (whose
// meridians put the new moon on another day in some years).
function lunarMain(h: Holiday): Holiday {
  const year = Number(h.date.slice(0, 4))
  const own = h.country === 'KR' || h.country === 'VN'
  const hd = calendarOf(own ? h.country : 'CN')?.hd
  if (!hd) return h
  const pattern =
    h.kind === 'lunar_new_year'
      ? /^(chinese|korean|vietnamese) 0?1-0-0?1\b/
      : /^(chinese|korean|vietnamese) 0?8-0-15\b/
  const main = (hd.getHolidays(year, 'en') as unknown as Raw[]).find((r) => pattern.test(r.rule))
  if (!main) return h
  const date = main.date.slice(0, 10)
  const end = ms(h.date) + h.days * DAY
  // Only a run this feast belongs to (a few days either side), never another year's.
  if (Math.abs(ms(date) - ms(h.date)) > 3 * DAY) return h
  return { ...h, date, days: Math.max(1, Math.round((Math.max(end, ms(date) + DAY) - ms(date)) / DAY)) }
}

function fromSupplement(country: string, year: number): Holiday[] {
  const out: Holiday[] = []
  for (const s of HOLIDAY_SUPPLEMENT) {
    if (s.country !== country) continue
    const dates = typeof s.dates === 'function' ? [s.dates(year)] : s.dates
    for (const date of dates) {
      if (Number(date.slice(0, 4)) !== year) continue
      out.push({
        date,
        days: 1,
        country,
        kind: s.kind,
        type: 'supplement',
        names: { en: s.name, local: s.name },
        source: s.source,
      })
    }
  }
  if (EID_SUPPLEMENT.includes(country)) {
    const source = 'Umm al-Qura calendar (Intl islamic-umalqura)'
    for (const date of hijriDays(year, 10, 1))
      out.push({
        date,
        days: 1,
        country,
        kind: 'eid_al_fitr',
        type: 'supplement',
        names: { en: 'Eid al-Fitr', local: 'Eid al-Fitr' },
        source,
      })
    for (const date of hijriDays(year, 12, 10))
      out.push({
        date,
        days: 1,
        country,
        kind: 'eid_al_adha',
        type: 'supplement',
        names: { en: 'Eid al-Adha', local: 'Eid al-Adha' },
        source,
      })
  }
  return out
}

// ---- the Umm al-Qura calendar, from ICU ----

const hijriFormat = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
})

/** The Umm al-Qura date of a Gregorian day (month 9 is Ramadan, 10 Shawwal, 12 Dhu al-Hijjah). */
export function hijriOf(date: string): { year: number; month: number; day: number } {
  const parts = hijriFormat.formatToParts(new Date(ms(date)))
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return { year: part('year'), month: part('month'), day: part('day') }
}

const hijriYears = new Map<number, { month: number; day: number }[]>()
/** The Gregorian days of `year` that are day `day` of Hijri month `month` (one, sometimes two). */
export function hijriDays(year: number, month: number, day: number): string[] {
  let days = hijriYears.get(year)
  if (!days) {
    days = []
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY) days.push(hijriOf(iso(t)))
    hijriYears.set(year, days)
  }
  const out: string[] = []
  days.forEach((h, i) => {
    if (h.month === month && h.day === day) out.push(iso(Date.UTC(year, 0, 1) + i * DAY))
  })
  return out
}

// ---- quiet periods ----

/** Where the lunar new year shuts factories and offices for weeks, not days. */
const LUNAR_CLOSURE = new Set(['CN', 'HK', 'TW', 'MO', 'VN'])
/** Countries where most business slows for Ramadan (Muslim-majority). */
const RAMADAN = new Set(
  'SA AE QA KW BH OM YE IQ JO SY EG LY TN DZ MA MR SD SO DJ KM TR IR AF PK BD MV MY ID BN SN ML NE GN GM AZ KZ UZ TM TJ KG XK'.split(
    ' ',
  ),
)
/** Where August is the holiday month. */
const AUGUST = new Set('FR IT ES PT BE GR AT CH DE NL LU'.split(' '))
/** Where offices close from Christmas Eve to New Year's Day. */
const YEAR_END = new Set(
  'FR DE IT ES PT BE NL LU AT CH GB IE DK SE NO FI IS PL CZ SK HU SI HR RO BG GR EE LV LT MT CY US CA MX BR AR CL CO PE UY PY BO EC VE AU NZ ZA PH'.split(
    ' ',
  ),
)

/** The quiet periods of a country that overlap `year` (one may start the December before). */
export function quietPeriodsOf(country: string, year: number): QuietPeriod[] {
  const out: QuietPeriod[] = []
  const add = (kind: QuietKind, from: string, to: string) => out.push({ kind, country, from, to })
  if (LUNAR_CLOSURE.has(country)) {
    for (const y of [year, year + 1]) {
      const lny = holidaysOf(country, y).find((h) => h.kind === 'lunar_new_year')
      if (lny) add('lunar_new_year_closure', addDays(lny.date, -14), addDays(lny.date, 21))
    }
  }
  if (RAMADAN.has(country)) {
    for (const y of [year - 1, year]) {
      for (const start of hijriDays(y, 9, 1)) {
        const end = hijriDays(y, 10, 1).find((d) => d > start) ?? hijriDays(y + 1, 10, 1)[0]
        if (end) add('ramadan', start, addDays(end, -1))
      }
    }
  }
  if (AUGUST.has(country)) add('european_august', `${year}-08-01`, `${year}-08-31`)
  if (country === 'CN') add('golden_week', `${year}-10-01`, `${year}-10-07`)
  if (YEAR_END.has(country)) {
    add('year_end', `${year - 1}-12-24`, `${year}-01-01`)
    add('year_end', `${year}-12-24`, `${year + 1}-01-01`)
  }
  const first = `${year}-01-01`
  const last = `${year}-12-31`
  const seen = new Set<string>()
  return out
    .filter((p) => p.to >= first && p.from <= last)
    .filter((p) => {
      const k = `${p.kind}:${p.from}`
      if (seen.has(k)) return false
      seen.add(k)
      return true
    })
    .sort((a, b) => a.from.localeCompare(b.from))
}

/**
 * The quiet period a follow-up on `date` falls in, if any, with the first working day after it
 * (the country's weekend skipped) as the suggested date.
 */
export function quietAt(country: string, date: string): (QuietPeriod & { suggested: string }) | null {
  const year = Number(date.slice(0, 4))
  const period = quietPeriodsOf(country, year).find((p) => p.from <= date && date <= p.to)
  if (!period) return null
  const weekend = weekendOf(country)
  let suggested = addDays(period.to, 1)
  const isoDay = (d: string) => new Date(ms(d)).getUTCDay() || 7
  while (weekend.includes(isoDay(suggested))) suggested = addDays(suggested, 1)
  // A suggestion inside a following period (Christmas then January's lunar closure) moves on.
  const next = quietAt(country, suggested)
  return { ...period, suggested: next ? next.suggested : suggested }
}
