import { describe, it, expect } from 'vitest'
import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js'
import { parsePhoneNumberFromString as parseStrict } from 'libphonenumber-js/max'
import { CITIES, findCity } from '../../electron/main/core/cities'
import { createRng, generateDemoCustomers } from '../../electron/main/core/demo-data'
import type { DemoCustomer } from '../../electron/main/core/demo-data'
import { contactInputSchema, customerInputSchema } from '../../shared/domain'
import { INDUSTRY_PRODUCTS, isIndustryCode, isProductCategoryCode } from '../../shared/vocabulary'

const take = (count: number, seed?: number): DemoCustomer[] => [...generateDemoCustomers(count, seed)]

// Generated once: several checks below read the same sample.
const SAMPLE = take(2000, 42)

describe('createRng', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = createRng(7)
    const b = createRng(7)
    const xs = Array.from({ length: 1000 }, () => a())
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(createRng(8)()).not.toBe(createRng(7)())
  })
})

describe('generateDemoCustomers', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(take(300, 5)).toEqual(take(300, 5))
    expect(take(300)).toEqual(take(300, 1))
    const other = take(300, 6)
    expect(other.map((d) => d.customer.displayName)).not.toEqual(
      take(300, 5).map((d) => d.customer.displayName),
    )
  })

  it('yields exactly the requested number of customers', () => {
    expect(take(0)).toHaveLength(0)
    expect(take(17, 3)).toHaveLength(17)
  })

  it('produces records that pass the zod schemas', () => {
    for (const { customer, contacts } of SAMPLE) {
      expect(() => customerInputSchema.parse(customer)).not.toThrow()
      for (const c of contacts) expect(() => contactInputSchema.parse(c)).not.toThrow()
      // The zone is derived from country and city; demo data never overrides it.
      expect(customer.timezone).toBeNull()
    }
  })

  it('gives every contact phone numbers that are valid for the customer country', () => {
    const problems: string[] = []
    let checked = 0
    for (const { customer, contacts } of SAMPLE) {
      for (const c of contacts) {
        for (const phone of c.phones ?? []) {
          checked++
          const parsed = parsePhoneNumberFromString(phone)
          const strict = parseStrict(phone)
          const ok =
            /^\+[1-9]\d{6,14}$/.test(phone) &&
            isValidPhoneNumber(phone) &&
            parsed?.country === customer.country &&
            strict?.isValid() === true &&
            strict.country === customer.country
          if (!ok) problems.push(`${customer.country} ${customer.city} ${phone}`)
        }
      }
    }
    expect(checked).toBeGreaterThan(4000)
    expect(problems).toEqual([])
  })

  it('places customers in known cities of their country', () => {
    for (const { customer } of SAMPLE) {
      const cities = CITIES[customer.country] ?? []
      expect(cities.map((c) => c.name)).toContain(customer.city)
      expect(findCity(customer.country, customer.city!)?.name).toBe(customer.city)
    }
  })

  it('has one primary contact per customer and about three contacts on average', () => {
    let total = 0
    for (const { contacts } of SAMPLE) {
      expect(contacts.length).toBeGreaterThanOrEqual(1)
      expect(contacts.length).toBeLessThanOrEqual(6)
      expect(contacts.filter((c) => c.isPrimary)).toHaveLength(1)
      total += contacts.length
    }
    const average = total / SAMPLE.length
    expect(average).toBeGreaterThanOrEqual(2.5)
    expect(average).toBeLessThanOrEqual(3.5)
  })

  it('covers many countries, scripts and fields', () => {
    const countries = new Set(SAMPLE.map((d) => d.customer.country))
    expect(countries.size).toBeGreaterThanOrEqual(10)
    const originals = SAMPLE.map((d) => d.customer.originalName ?? '')
    expect(originals.some((n) => /\p{Script=Han}/u.test(n))).toBe(true)
    expect(originals.some((n) => /\p{Script=Arabic}/u.test(n))).toBe(true)
    expect(originals.some((n) => /\p{Script=Cyrillic}/u.test(n))).toBe(true)
    // Chinese customers are called by their Chinese name.
    const chinese = SAMPLE.filter((d) => d.customer.country === 'CN')
    expect(chinese.length).toBeGreaterThan(0)
    for (const d of chinese) expect(d.customer.displayName).toMatch(/\p{Script=Han}/u)

    const withWebsite = SAMPLE.filter((d) => d.customer.website).length / SAMPLE.length
    expect(withWebsite).toBeGreaterThan(0.6)
    expect(withWebsite).toBeLessThan(0.8)
    for (const { customer } of SAMPLE) {
      if (customer.website) expect(customer.website).toMatch(/^https:\/\/(www\.)?[a-z0-9-]+(\.[a-z]{2,})+$/)
      expect(customer.productCategories?.length).toBeGreaterThanOrEqual(1)
      expect(customer.productCategories?.length).toBeLessThanOrEqual(3)
      expect(customer.tags?.length).toBeLessThanOrEqual(3)
    }
    const contacts = SAMPLE.flatMap((d) => d.contacts)
    const withBirthday = contacts.filter((c) => c.birthdayMonth != null).length / contacts.length
    expect(withBirthday).toBeGreaterThan(0.5)
    expect(withBirthday).toBeLessThan(0.7)
    expect(contacts.some((c) => c.messaging?.some((m) => m.kind === 'wechat'))).toBe(true)
    expect(contacts.some((c) => c.messaging?.some((m) => m.kind === 'whatsapp'))).toBe(true)
  })

  it('takes industries and product interests from the standard list, matching each other', () => {
    // Codes, not English words, so a zh or fr screen shows its own names for them.
    const industries = new Set<string>()
    for (const { customer } of SAMPLE) {
      const industry = customer.industry ?? ''
      expect(isIndustryCode(industry), industry).toBe(true)
      industries.add(industry)
      const own: readonly string[] = isIndustryCode(industry) ? INDUSTRY_PRODUCTS[industry] : []
      for (const p of customer.productCategories ?? []) {
        expect(isProductCategoryCode(p), p).toBe(true)
        expect(own, `${p} under ${industry}`).toContain(p)
      }
    }
    expect(industries.size).toBeGreaterThanOrEqual(12)
  })

  it('derives e-mail domains from the company website when there is one', () => {
    let own = 0
    let total = 0
    for (const { customer, contacts } of SAMPLE) {
      if (!customer.website) continue
      const domain = new URL(customer.website).hostname.replace(/^www\./, '')
      for (const c of contacts) {
        const first = c.emails?.[0]
        if (!first) continue
        total++
        if (first.endsWith(`@${domain}`)) own++
      }
    }
    // Most contacts use the company address; some write from personal mailboxes.
    expect(own / total).toBeGreaterThan(0.75)
    expect(own / total).toBeLessThan(0.95)
  })

  it('rarely repeats a display name', () => {
    const names = take(20_000, 11).map((d) => d.customer.displayName)
    const collisions = names.length - new Set(names).size
    expect(collisions / names.length).toBeLessThan(0.01)
  })
})

describe('CITIES', () => {
  it('covers the main export markets with 3–8 cities each', () => {
    const countries = Object.keys(CITIES)
    expect(countries.length).toBeGreaterThanOrEqual(45)
    for (const code of [
      'CN',
      'US',
      'DE',
      'FR',
      'AE',
      'SA',
      'IN',
      'BR',
      'GB',
      'RU',
      'AU',
      'MX',
      'NG',
      'JP',
      'KR',
    ]) {
      expect(countries).toContain(code)
    }
    for (const [code, cities] of Object.entries(CITIES)) {
      expect(code).toMatch(/^[A-Z]{2}$/)
      expect(cities.length).toBeGreaterThanOrEqual(3)
      expect(cities.length).toBeLessThanOrEqual(8)
      expect(new Set(cities.map((c) => c.name)).size).toBe(cities.length)
    }
  })

  it('uses only valid IANA time zones', () => {
    for (const cities of Object.values(CITIES)) {
      for (const c of cities) {
        // Intl.supportedValuesOf reports legacy aliases (Asia/Calcutta), so construct a formatter instead.
        expect(() => new Intl.DateTimeFormat('en', { timeZone: c.tz }), `${c.name}: ${c.tz}`).not.toThrow()
        expect(c.tz).not.toMatch(/^(Asia\/Calcutta|Asia\/Saigon|Europe\/Kiev|Asia\/Rangoon)$/)
      }
    }
  })

  it('pins down countries that span several zones', () => {
    const tz = (country: string, city: string) => findCity(country, city)?.tz
    expect(tz('US', 'Los Angeles')).toBe('America/Los_Angeles')
    expect(tz('US', 'Chicago')).toBe('America/Chicago')
    expect(tz('US', 'New York')).toBe('America/New_York')
    expect(tz('BR', 'Manaus')).toBe('America/Manaus')
    expect(tz('AU', 'Perth')).toBe('Australia/Perth')
    expect(tz('RU', 'Vladivostok')).toBe('Asia/Vladivostok')
    expect(tz('CA', 'Vancouver')).toBe('America/Vancouver')
    expect(tz('MX', 'Tijuana')).toBe('America/Tijuana')
    expect(tz('ID', 'Denpasar')).toBe('Asia/Makassar')
  })
})

describe('findCity', () => {
  it('matches ignoring case and accents', () => {
    const sp = findCity('BR', 'sao paulo')
    expect(sp?.name).toBe('São Paulo')
    expect(sp?.tz).toBe('America/Sao_Paulo')
    expect(findCity('br', 'SÃO PAULO')?.name).toBe('São Paulo')
    expect(findCity('PL', 'lodz')?.name).toBe('Łódź')
    expect(findCity('MX', 'Cancun')?.tz).toBe('America/Cancun')
  })

  it('matches the local-script name', () => {
    expect(findCity('CN', '上海')?.tz).toBe('Asia/Shanghai')
    expect(findCity('AE', 'دبي')?.name).toBe('Dubai')
    expect(findCity('RU', 'москва')?.name).toBe('Moscow')
  })

  it('returns undefined for unknown cities and countries', () => {
    expect(findCity('FR', 'Atlantis')).toBeUndefined()
    expect(findCity('XX', 'Paris')).toBeUndefined()
    expect(findCity('US', 'Paris')).toBeUndefined()
  })
})
