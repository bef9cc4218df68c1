import { describe, it, expect } from 'vitest'
import { niceTicks } from '../../renderer/src/components/ticks'

describe('niceTicks', () => {
  it('steps evenly from 0 past the largest value', () => {
    expect(niceTicks(19_000_000)).toEqual([0, 5_000_000, 10_000_000, 15_000_000, 20_000_000])
    expect(niceTicks(15_000_000)).toEqual([0, 5_000_000, 10_000_000, 15_000_000])
    expect(niceTicks(89_184_000)).toEqual([0, 25_000_000, 50_000_000, 75_000_000, 100_000_000])
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8])
  })

  it('keeps counts whole and gives an empty chart an axis', () => {
    expect(niceTicks(3, 4, true)).toEqual([0, 1, 2, 3])
    expect(niceTicks(9, 4, true)).toEqual([0, 3, 6, 9])
    expect(niceTicks(0)).toEqual([0, 1])
    expect(niceTicks(0, 4, true)).toEqual([0, 1])
  })

  it('gives every step the same size', () => {
    for (const max of [1, 3, 17, 240, 999, 12_345, 5e6, 1.7e8]) {
      const ticks = niceTicks(max)
      const step = ticks[1]! - ticks[0]!
      expect(ticks[0]).toBe(0)
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max)
      expect(ticks.at(-2)!).toBeLessThan(max)
      for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeCloseTo(step, 6)
    }
  })
})
