import { describe, expect, it } from 'vitest'
import { validate, version } from 'uuid'
import { newId } from '../../electron/main/core/ids'

describe('newId', () => {
  it('makes valid, distinct UUID v7s that sort in the order they were made, across pool refills', () => {
    // 3,000 ids use 48 KB of random bytes: the 16 KB pool is refilled twice on the way.
    const ids = Array.from({ length: 3000 }, () => newId())
    for (const id of ids) {
      expect(validate(id)).toBe(true)
      expect(version(id)).toBe(7)
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
  })

  it('stamps the current time in the first 48 bits', () => {
    const before = Date.now()
    const ms = parseInt(newId().replace(/-/g, '').slice(0, 12), 16)
    // Within a burst the counter may carry into the next millisecond.
    expect(ms).toBeGreaterThanOrEqual(before)
    expect(ms).toBeLessThanOrEqual(Date.now() + 1)
  })
})
