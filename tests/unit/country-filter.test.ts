// The country picker takes a country's name in any of the app's languages, whatever the screen's
// language, and puts the country typed first so Enter picks it.
import { describe, it, expect } from 'vitest'
import countries from 'i18n-iso-countries'
import { countryFilter } from '../../renderer/src/components/countries'

for (const lang of ['zh', 'fr', 'en'] as const) {
  describe(`country picker with ${lang} labels`, () => {
    const options = Object.entries(countries.getNames(lang, { select: 'official' }))
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, lang))
    const first = (search: string) =>
      (countryFilter({ options, search, limit: 50 })[0] as { value: string } | undefined)?.value

    it('finds China as 中国, Chine, China or CN, first', () => {
      for (const typed of ['中国', 'Chine', 'China', 'china ', 'CN']) expect(first(typed), typed).toBe('CN')
    })

    it('ignores accents and case, and ranks an exact name above names that contain it', () => {
      expect(first('egypte')).toBe('EG')
      expect(first('Égypte')).toBe('EG')
      // "Niger" is inside "Nigeria" and "Niger" itself: the exact one comes first.
      expect(first('niger')).toBe('NE')
      expect(first('Nigeria')).toBe('NG')
    })

    it('offers nothing for a name that is no country', () => {
      expect(countryFilter({ options, search: 'Atlantis', limit: 50 })).toEqual([])
    })
  })
}
