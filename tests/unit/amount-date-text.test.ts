// Typed amounts and dates per UI language: what each locale writes is read back exactly, and
// anything ambiguous or malformed is an error, never a silent 0, a rounding or a guessed date.
import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import {
  amountExample,
  formatAmount,
  formatRate,
  parseAmount,
} from '../../renderer/src/components/amountText'
import { formatDateText, parseDateText } from '../../renderer/src/components/dateText'

const LOCALES = ['fr-FR', 'zh-CN', 'en-US'] as const
const value = (text: string, locale: string, decimals = 2) => {
  const r = parseAmount(text, locale, decimals)
  return r.ok ? r.value : r.reason
}

describe('amounts as typed', () => {
  it('reads each locale’s decimal mark and grouping', () => {
    expect(value('12 500,50', 'fr-FR')).toBe(12500.5)
    expect(value('12\u202f500,50', 'fr-FR')).toBe(12500.5)
    expect(value('12\u00a0500', 'fr-FR')).toBe(12500)
    expect(value('0,5', 'fr-FR')).toBe(0.5)
    expect(value(',5', 'fr-FR')).toBe(0.5)
    expect(value('500,000.00', 'zh-CN')).toBe(500000)
    expect(value('500,000.00', 'en-US')).toBe(500000)
    expect(value('1,234,567.8', 'en-US')).toBe(1234567.8)
    expect(value('500 000.25', 'en-US')).toBe(500000.25)
    expect(value('  42  ', 'zh-CN')).toBe(42)
  })

  it('keeps a minus sign, so a negative amount is refused by the form rather than turned into 0', () => {
    expect(value('-500', 'en-US')).toBe(-500)
    expect(value('−12 500,5', 'fr-FR')).toBe(-12500.5)
    expect(value('+7', 'zh-CN')).toBe(7)
  })

  it('reads empty as no amount', () => {
    expect(value('', 'fr-FR')).toBeNull()
    expect(value('   ', 'en-US')).toBeNull()
  })

  it('refuses what it cannot read without guessing', () => {
    for (const locale of LOCALES) {
      for (const bad of ['abc', '12a', '1e3', '0x10', '--5', '1,2,3.4.5', '12 5', '5,', '1..2', '$5']) {
        expect(value(bad, locale), `${locale} ${bad}`).toBe('invalid')
      }
    }
    // A comma decimal in English, a German thousands point in French: ambiguous, so refused.
    expect(value('12,5', 'en-US')).toBe('invalid')
    expect(value('1.000', 'fr-FR')).toBe('invalid')
    expect(value('1.000,50', 'fr-FR')).toBe('invalid')
    // A plain point decimal in French is not ambiguous.
    expect(value('12.5', 'fr-FR')).toBe(12.5)
  })

  it('refuses more decimals than the field takes instead of rounding', () => {
    expect(value('10,005', 'fr-FR')).toBe('decimals')
    expect(value('0.000039', 'en-US', 10)).toBe(0.000039)
    expect(value('0,000039', 'fr-FR', 10)).toBe(0.000039)
  })

  it('reads back exactly what it writes, in every locale', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.integer({ min: 0, max: 99 }),
        (locale, whole, cents) => {
          // In cents first: the double nearest the decimal, as the text means it.
          const n = (whole * 100 + Math.sign(whole || 1) * cents) / 100
          const text = formatAmount(n, locale)
          expect(parseAmount(text, locale)).toEqual({ ok: true, value: n })
        },
      ),
    )
  })

  it('shows the example the error message gives in the locale’s own form', () => {
    expect(amountExample('fr-FR')).toBe('12\u202f500,50')
    expect(amountExample('zh-CN')).toBe('12,500.50')
    expect(amountExample('en-US')).toBe('12,500.50')
  })
})

describe('exchange rates as shown', () => {
  it('keeps the significant digits of small rates instead of rounding them to 0', () => {
    expect(formatRate(0.000039, 'en-US')).toBe('0.000039')
    expect(formatRate(0.000039, 'fr-FR')).toBe('0,000039')
    expect(formatRate(0.0000391234567, 'zh-CN')).toBe('0.0000391235')
    expect(formatRate(1.0825, 'fr-FR')).toBe('1,0825')
    expect(formatRate(0.14, 'zh-CN')).toBe('0.14')
    // What is shown reads back as the same rate (the rate field takes up to 10 decimals).
    const shown = formatRate(0.000039, 'fr-FR')
    expect(parseAmount(shown, 'fr-FR', 10)).toEqual({ ok: true, value: 0.000039 })
  })
})

describe('dates as typed', () => {
  it('shows each language’s form with a four-digit year', () => {
    expect(formatDateText('2026-12-06', 'zh')).toBe('2026/12/06')
    expect(formatDateText('2026-12-06', 'fr')).toBe('06/12/2026')
    expect(formatDateText('2026-12-06', 'en')).toBe('Dec 6, 2026')
    expect(formatDateText(null, 'en')).toBe('')
  })

  it('reads the shown form and the usual variants back to the same day', () => {
    expect(parseDateText('2026/12/06', 'zh')).toBe('2026-12-06')
    expect(parseDateText('2026/12/6', 'zh')).toBe('2026-12-06')
    expect(parseDateText('2026年12月6日', 'zh')).toBe('2026-12-06')
    expect(parseDateText('06/12/2026', 'fr')).toBe('2026-12-06')
    expect(parseDateText('6/12/2026', 'fr')).toBe('2026-12-06')
    expect(parseDateText('06.12.2026', 'fr')).toBe('2026-12-06')
    expect(parseDateText('Dec 6, 2026', 'en')).toBe('2026-12-06')
    expect(parseDateText('December 6, 2026', 'en')).toBe('2026-12-06')
    expect(parseDateText('12/06/2026', 'en')).toBe('2026-12-06')
    expect(parseDateText('2026-12-06', 'en')).toBe('2026-12-06')
  })

  it('refuses two-digit years, impossible days and other languages’ orders', () => {
    for (const lang of ['zh', 'fr', 'en']) {
      for (const bad of ['6/12/26', '26/12/06', '2026-02-30', '2026-13-01', 'tomorrow', '12062026', '']) {
        expect(parseDateText(bad, lang), `${lang} ${bad}`).toBeNull()
      }
    }
    // 31/12/2026 is a French date; in English month 31 does not exist.
    expect(parseDateText('31/12/2026', 'fr')).toBe('2026-12-31')
    expect(parseDateText('31/12/2026', 'en')).toBeNull()
    expect(parseDateText('31/02/2026', 'fr')).toBeNull()
  })

  it('reads back every day it shows, in every language', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('zh', 'fr', 'en'),
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (lang, d) => {
          const iso = d.toISOString().slice(0, 10)
          expect(parseDateText(formatDateText(iso, lang), lang)).toBe(iso)
        },
      ),
    )
  })
})
