import { describe, it, expect } from 'vitest'
import { countryFacts, deriveTimezone, weekendOf } from '../../electron/main/core/geo'

describe('country facts', () => {
  it('derives continent and region', () => {
    expect(countryFacts('BR')).toMatchObject({ continent: 'SA', subregion: 'South America' })
    expect(countryFacts('MX')?.continent).toBe('NA')
    expect(countryFacts('ng')?.continent).toBe('AF')
    expect(countryFacts('ZZ')).toBeNull()
  })

  it('finds the time zone of a city in a multi-zone country, else the main business zone', () => {
    expect(deriveTimezone('US', 'Los Angeles')).toBe('America/Los_Angeles')
    expect(deriveTimezone('US', 'Chicago')).toBe('America/Chicago')
    expect(deriveTimezone('BR', 'Manaus')).toBe('America/Manaus')
    expect(deriveTimezone('FR', null)).toBe('Europe/Paris')
    expect(deriveTimezone('CN', 'Urumqi')).toBe('Asia/Shanghai')
    expect(deriveTimezone(null, 'Paris')).toBeNull()
  })

  it('knows the weekend: Friday–Saturday in Saudi Arabia, Sunday in India, Saturday–Sunday in France', () => {
    expect(weekendOf('SA')).toEqual([5, 6])
    expect(weekendOf('IN')).toEqual([7])
    expect(weekendOf('FR')).toEqual([6, 7])
    expect(weekendOf(null)).toEqual([6, 7])
  })
})
