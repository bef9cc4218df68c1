// Holiday dates checked against sources independent of date-holidays (SPEC R3): the Chinese
// calendar of lunar-javascript for the lunar new year and Mid-Autumn, ICU's Umm al-Qura calendar
// for the two Eids (within a day where the feast follows the moon's sighting), and the fixed
// national days of the main export markets. Quiet periods and the names shown in each language too.
import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import lunar from 'lunar-javascript'
import { holidaysOf, quietAt, quietPeriodsOf } from '../../electron/main/core/holidays'
import { holidayTitle } from '../../shared/holidays'
import type { HolidayKind, Lang } from '../../shared/holidays'
import { translations } from '../../shared/i18n/resources'

const YEARS = [2025, 2026, 2027, 2028, 2029, 2030]
const day = (country: string, year: number, kind: HolidayKind) =>
  holidaysOf(country, year).find((h) => h.kind === kind)?.date

const DAY = 86_400_000
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY)

/** Gregorian day of a Chinese-calendar date, from lunar-javascript. */
const chinese = (year: number, month: number, d: number) =>
  lunar.Lunar.fromYmd(year, month, d).getSolar().toYmd()

/** Gregorian days of `year` that are Umm al-Qura month/day — ICU, written here, not the app's helper. */
function ummAlQura(year: number, month: number, d: number): string[] {
  const f = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
    timeZone: 'UTC',
    month: 'numeric',
    day: 'numeric',
  })
  const out: string[] = []
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY) {
    const parts = f.formatToParts(new Date(t))
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value)
    if (get('month') === month && get('day') === d) out.push(new Date(t).toISOString().slice(0, 10))
  }
  return out
}

describe('lunar calendar holidays', () => {
  it.each(['CN', 'HK', 'TW', 'SG', 'MY', 'ID'])(
    'the lunar new year in %s is the first day of the first month',
    (country) => {
      for (const year of YEARS)
        expect(day(country, year, 'lunar_new_year'), `${year}`).toBe(chinese(year, 1, 1))
    },
  )

  // Korea's calendar is reckoned at UTC+9 and Viet Nam's at UTC+7: a new moon near midnight in
  // China falls on the next (or previous) day there, as in 2027 (Seollal on 7 February) and 2030
  // (Tết on 2 February).
  it.each(['KR', 'VN'])('the lunar new year in %s is within a day of China’s', (country) => {
    for (const year of YEARS) {
      const found = day(country, year, 'lunar_new_year')!
      expect(Math.abs(daysBetween(found, chinese(year, 1, 1))), `${year}`).toBeLessThanOrEqual(1)
    }
    expect(day('KR', 2027, 'lunar_new_year')).toBe('2027-02-07')
    expect(day('VN', 2030, 'lunar_new_year')).toBe('2030-02-02')
  })

  it.each(['CN', 'HK', 'TW', 'KR', 'VN'])(
    'Mid-Autumn in %s is the 15th of the 8th month (Chuseok a day earlier)',
    (country) => {
      for (const year of YEARS) {
        const found = day(country, year, 'mid_autumn')!
        // Korea's three-day Chuseok holiday starts on the eve.
        expect(daysBetween(found, chinese(year, 8, 15)), `${year}`).toBe(country === 'KR' ? 1 : 0)
      }
    },
  )

  it('China lists its Spring Festival from the eve; the holiday is dated on the new year itself', () => {
    const lny = holidaysOf('CN', 2027).filter((h) => h.kind === 'lunar_new_year')
    expect(lny).toHaveLength(1)
    expect(lny[0]!.date).toBe('2027-02-06')
    expect(lny[0]!.days).toBeGreaterThanOrEqual(2)
  })
})

describe('Eid al-Fitr and Eid al-Adha', () => {
  it.each(['SA', 'AE', 'QA', 'KW', 'TR', 'EG', 'MY', 'ID', 'PK', 'NG', 'MA', 'IN'])(
    'in %s fall on 1 Shawwal and 10 Dhu al-Hijjah of the Umm al-Qura calendar, within a day',
    (country) => {
      for (const year of YEARS) {
        const fitr = day(country, year, 'eid_al_fitr')
        const adha = day(country, year, 'eid_al_adha')
        expect(fitr, `${country} ${year} Eid al-Fitr`).toBeDefined()
        expect(adha, `${country} ${year} Eid al-Adha`).toBeDefined()
        const nearest = (date: string, refs: string[]) =>
          Math.min(...refs.map((r) => Math.abs(daysBetween(date, r))))
        expect(nearest(fitr!, ummAlQura(year, 10, 1)), `${country} ${year}`).toBeLessThanOrEqual(1)
        expect(nearest(adha!, ummAlQura(year, 12, 10)), `${country} ${year}`).toBeLessThanOrEqual(1)
      }
    },
  )

  it('Saudi Arabia, which keeps Umm al-Qura, greets on the feast day itself, not the eve its holiday starts on', () => {
    for (const year of YEARS) {
      expect(ummAlQura(year, 10, 1)).toContain(day('SA', year, 'eid_al_fitr'))
      expect(ummAlQura(year, 12, 10)).toContain(day('SA', year, 'eid_al_adha'))
    }
  })
})

describe('fixed days of the main export markets', () => {
  const NATIONAL: [string, string][] = [
    ['CN', '10-01'],
    ['US', '07-04'],
    ['FR', '07-14'],
    ['DE', '10-03'],
    ['IT', '06-02'],
    ['ES', '10-12'],
    ['SA', '09-23'],
    ['AE', '12-02'],
    ['IN', '01-26'],
    ['IN', '08-15'],
    ['BR', '09-07'],
    ['MX', '09-16'],
    ['VN', '09-02'],
    ['KR', '10-03'],
    ['TR', '10-29'],
    ['ID', '08-17'],
    ['MY', '08-31'],
    ['NG', '10-01'],
    ['RU', '06-12'],
    ['PL', '11-11'],
  ]
  it.each(NATIONAL)('%s has a national day on %s every year', (country, mmdd) => {
    for (const year of YEARS) {
      const found = holidaysOf(country, year)
        .filter((h) => h.kind === 'national_day')
        .map((h) => h.date)
      expect(found, `${country} ${year}`).toContain(`${year}-${mmdd}`)
    }
  })

  it.each(['FR', 'DE', 'GB', 'US', 'BR', 'MX', 'IT', 'ES', 'PL', 'IN', 'KR', 'NG'])(
    'Christmas in %s is on 25 December',
    (c) => {
      for (const year of YEARS) expect(day(c, year, 'christmas')).toBe(`${year}-12-25`)
    },
  )

  it('Thanksgiving: the fourth Thursday of November in the US, the second Monday of October in Canada', () => {
    for (const year of YEARS) {
      const nov1 = new Date(Date.UTC(year, 10, 1)).getUTCDay()
      const thursday = 1 + ((4 - nov1 + 7) % 7) + 21
      expect(day('US', year, 'thanksgiving')).toBe(`${year}-11-${String(thursday).padStart(2, '0')}`)
      const oct1 = new Date(Date.UTC(year, 9, 1)).getUTCDay()
      const monday = 1 + ((1 - oct1 + 7) % 7) + 7
      expect(day('CA', year, 'thanksgiving')).toBe(`${year}-10-${String(monday).padStart(2, '0')}`)
    }
  })

  it('India has Diwali, from the supplement with its source, which date-holidays lacks', () => {
    const diwali = holidaysOf('IN', 2026).find((h) => h.kind === 'diwali')!
    expect(diwali.date).toBe('2026-11-08')
    expect(diwali.source).toMatch(/Government of India/)
    for (const year of YEARS) expect(day('IN', year, 'diwali'), `${year}`).toBeDefined()
  })

  it('observances nobody greets for are left out; an unknown country has no holidays', () => {
    const us = holidaysOf('US', 2027).map((h) => h.names.en)
    expect(us).not.toContain("Valentine's Day")
    expect(us).not.toContain('Tax Day')
    expect(holidaysOf('XX', 2027)).toEqual([])
    // Substitute days are the same holiday moved, not another one to greet for.
    expect(holidaysOf('KR', 2027).some((h) => /substitute/i.test(h.names.en))).toBe(false)
  })
})

describe('quiet periods', () => {
  it('the lunar new year closure runs from two weeks before to three weeks after', () => {
    const closure = quietPeriodsOf('CN', 2027).find((p) => p.kind === 'lunar_new_year_closure')!
    expect(closure).toMatchObject({ from: '2027-01-23', to: '2027-02-27' })
    const hit = quietAt('CN', '2027-02-10')!
    expect(hit.kind).toBe('lunar_new_year_closure')
    // 28 February 2027 is a Sunday: the first working day after is Monday 1 March.
    expect(hit.suggested).toBe('2027-03-01')
  })

  it('Ramadan follows the Umm al-Qura month; the suggestion skips the Gulf weekend (Friday, Saturday)', () => {
    const ramadan = quietPeriodsOf('SA', 2027).find((p) => p.kind === 'ramadan')!
    expect(ramadan.from).toBe(ummAlQura(2027, 9, 1)[0])
    expect(daysBetween(ramadan.to, ummAlQura(2027, 10, 1)[0]!)).toBe(1)
    const hit = quietAt('SA', ramadan.from)!
    expect(hit.kind).toBe('ramadan')
    const weekday = new Date(`${hit.suggested}T00:00:00Z`).getUTCDay()
    expect([5, 6]).not.toContain(weekday)
    expect(hit.suggested > ramadan.to).toBe(true)
  })

  it('Christmas to New Year crosses the year; August in France; Golden Week in China; none in Japan in August', () => {
    expect(quietAt('FR', '2027-01-01')).toMatchObject({ kind: 'year_end', suggested: '2027-01-04' })
    expect(quietAt('FR', '2026-12-28')).toMatchObject({
      kind: 'year_end',
      from: '2026-12-24',
      to: '2027-01-01',
    })
    expect(quietAt('FR', '2027-08-15')).toMatchObject({ kind: 'european_august', suggested: '2027-09-01' })
    expect(quietAt('CN', '2027-10-03')).toMatchObject({ kind: 'golden_week', suggested: '2027-10-08' })
    expect(quietAt('JP', '2027-08-15')).toBeNull()
    expect(quietAt('FR', '2027-03-15')).toBeNull()
  })
})

describe('names in the reader language', () => {
  const COUNTRY_NAMES: Record<Lang, Record<string, string>> = {
    zh: { SA: '沙特阿拉伯', US: '美国', JP: '日本' },
    fr: { SA: 'Arabie saoudite', US: 'États-Unis', JP: 'Japon' },
    en: { SA: 'Saudi Arabia', US: 'United States', JP: 'Japan' },
  }
  const title = async (country: string, kind: HolidayKind | ((en: string) => boolean), lang: Lang) => {
    const t = i18next.createInstance()
    await t.init({ lng: lang, resources: { [lang]: { translation: translations[lang] } } })
    const h = holidaysOf(country, 2027).find((x) =>
      typeof kind === 'string' ? x.kind === kind : kind(x.names.en),
    )!
    return holidayTitle(
      h,
      lang,
      (k, o) => t.t(k, o ?? {}),
      (c) => COUNTRY_NAMES[lang][c] ?? c,
    )
  }

  it('one name for a feast in every country, a national day named by its country, else a labelled fallback', async () => {
    expect(await title('SA', 'eid_al_fitr', 'zh')).toBe('开斋节')
    expect(await title('SA', 'eid_al_fitr', 'fr')).toBe('Aïd el-Fitr')
    expect(await title('SA', (n) => n === 'National Day', 'zh')).toBe('沙特阿拉伯国庆日')
    expect(await title('SA', (n) => n === 'National Day', 'fr')).toBe('Fête nationale (Arabie saoudite)')
    expect(await title('SA', (n) => n === 'National Day', 'en')).toBe('National Day')
    expect(await title('JP', (n) => n === 'Marine Day', 'zh')).toBe('Marine Day（日本）')
    expect(await title('US', (n) => n === 'Memorial Day', 'en')).toBe('Memorial Day')
    expect(await title('US', 'thanksgiving', 'zh')).toBe('感恩节')
  })
})
