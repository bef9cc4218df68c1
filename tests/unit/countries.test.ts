// Country names as a salesperson writes them, the same for the window and for exports.
import { describe, it, expect } from 'vitest'
import { countryCodes, countryName } from '../../shared/countries'
import { countryMatch } from '../../renderer/src/components/countries'
import { exportLabels } from '../../electron/main/features/groups/export-labels'

describe('country names', () => {
  it('uses the common name, not the ISO official form', () => {
    expect(countryName('US', 'en')).toBe('United States')
    expect(countryName('US', 'fr')).toBe('États-Unis')
    expect(countryName('US', 'zh')).toBe('美国')
    expect(countryName('CZ', 'fr')).toBe('Tchéquie')
    expect(countryName('RU', 'en')).toBe('Russia')
    expect(countryName('HK', 'en')).toBe('Hong Kong')
    expect(countryName('HK', 'zh')).toBe('中国香港')
    expect(countryName('TW', 'zh')).toBe('中国台湾')
    expect(countryName('AE', 'zh')).toBe('阿联酋')
  })

  it('names every ISO code in every language, and shows a stray value as stored', () => {
    for (const lang of ['zh', 'fr', 'en'] as const) {
      const unnamed = countryCodes().filter((code) => countryName(code, lang) === code)
      expect(unnamed, lang).toEqual([])
    }
    expect(countryName('not a code', 'en')).toBe('not a code')
  })

  it('an export names a country as the window does', () => {
    expect(exportLabels('fr').country('CZ')).toBe(countryName('CZ', 'fr'))
  })

  it('the picker finds a country by the name it shows and by the ISO names', () => {
    expect(countryMatch('CZ', 'Tchéquie')).toBe(0)
    expect(countryMatch('CZ', 'République tchèque')).toBe(0)
    expect(countryMatch('US', 'États-Unis')).toBe(0)
  })
})
