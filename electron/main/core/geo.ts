// Facts derived from a country (and city): region, continent, time zone and weekend. All from kept
// libraries and CLDR data (world-countries, countries-and-timezones, Intl week info), plus the
// city table for countries that span several zones.
import worldCountries from 'world-countries'
import { getTimezonesForCountry } from 'countries-and-timezones'
import type { Continent } from '../../../shared/domain'
import { CITIES, findCity } from './cities'

export type CountryFacts = { region: string; subregion: string; continent: Continent }

const byCode = new Map<string, CountryFacts>()
for (const c of worldCountries) {
  byCode.set(c.cca2, {
    region: c.region,
    subregion: c.subregion,
    continent: continentOf(c.region, c.subregion),
  })
}

// world-countries follows the UN geoscheme, which has "Americas" where a salesperson says North or
// South America; the Caribbean and Central America count as North America, as on most maps.
function continentOf(region: string, subregion: string): Continent {
  switch (region) {
    case 'Africa':
      return 'AF'
    case 'Asia':
      return 'AS'
    case 'Europe':
      return 'EU'
    case 'Oceania':
      return 'OC'
    case 'Antarctic':
      return 'AN'
    default:
      return subregion === 'South America' ? 'SA' : 'NA'
  }
}

/** Region, subregion and continent of an ISO alpha-2 code; null for unknown codes. */
export function countryFacts(country: string | null | undefined): CountryFacts | null {
  return country ? (byCode.get(country.toUpperCase()) ?? null) : null
}

/** Every known country code with its facts (for the local lookup table). */
export function allCountryFacts(): [string, CountryFacts][] {
  return [...byCode.entries()]
}

/**
 * The IANA zone for a customer: the city's zone when we know the city, the only zone of a
 * single-zone country, or the zone of the country's main commercial city; null when unknown.
 */
export function deriveTimezone(
  country: string | null | undefined,
  city: string | null | undefined,
): string | null {
  if (!country) return null
  const code = country.toUpperCase()
  if (city) {
    const known = findCity(code, city)
    if (known) return known.tz
  }
  const zones = getTimezonesForCountry(code) ?? []
  const canonical = zones.filter((z) => !z.aliasOf)
  if (canonical.length === 1) return canonical[0]!.name
  const main = CITIES[code]?.[0]
  if (main) return main.tz
  return canonical[0]?.name ?? zones[0]?.name ?? null
}

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

type WeekInfo = { firstDay: number; weekend: number[] }

/**
 * The customer's weekend as ISO weekdays (1 = Monday … 7 = Sunday), from CLDR week data: Friday and
 * Saturday in Saudi Arabia, Sunday alone in India, Saturday and Sunday in France.
 */
// Building an Intl.Locale per call cost the Today view milliseconds: one answer per region, kept.
const weekends = new Map<string, number[]>()

export function weekendOf(country: string | null | undefined): number[] {
  const region = country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : '001'
  let weekend = weekends.get(region)
  if (!weekend) weekends.set(region, (weekend = readWeekend(region)))
  return weekend
}

function readWeekend(region: string): number[] {
  const locale = new Intl.Locale(`und-${region}`) as Intl.Locale & {
    weekInfo?: WeekInfo
    getWeekInfo?: () => WeekInfo
  }
  const info = locale.getWeekInfo?.() ?? locale.weekInfo
  return info?.weekend ?? [6, 7]
}
