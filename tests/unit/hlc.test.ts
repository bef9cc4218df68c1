import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { HybridClock, formatHlc, parseHlc, DRIFT_WARNING_MS } from '../../electron/main/core/hlc'

const NODE_A = 'aaaaaaaaaaaaaaaa'
const NODE_B = 'bbbbbbbbbbbbbbbb'

describe('hybrid logical clock', () => {
  it('issues strictly increasing stamps while the wall clock stands still', () => {
    const clock = new HybridClock(NODE_A, null, () => 1_700_000_000_000)
    const stamps = Array.from({ length: 1000 }, () => clock.tick())
    expect([...stamps].sort()).toEqual(stamps)
    expect(new Set(stamps).size).toBe(1000)
  })

  it('stays monotonic when the wall clock steps backwards', () => {
    let wall = 1_700_000_000_000
    const clock = new HybridClock(NODE_A, null, () => wall)
    const a = clock.tick()
    wall -= 3 * 24 * 3600 * 1000 // back three days
    const b = clock.tick()
    expect(b > a).toBe(true)
    expect(parseHlc(b)!.ms).toBe(parseHlc(a)!.ms)
  })

  it('resumes after a restart from the persisted stamp, even if the clock went back', () => {
    const first = new HybridClock(NODE_A, null, () => 2_000_000_000_000)
    const last = first.tick()
    const restarted = new HybridClock(NODE_A, last, () => 1_000_000_000_000)
    expect(restarted.tick() > last).toBe(true)
  })

  it('carries counter overflow into the milliseconds (70,000 changes in one ms)', () => {
    const clock = new HybridClock(NODE_A, null, () => 1_700_000_000_000)
    let prev = ''
    for (let i = 0; i < 70_000; i++) {
      const s = clock.tick()
      expect(s > prev).toBe(true)
      prev = s
    }
    expect(parseHlc(prev)!.ms).toBe(1_700_000_000_001)
    expect(parseHlc(prev)!.counter).toBe(70_000 - 65_536 - 1)
  })

  it('accepts a stamp from a clock an hour or more ahead, moves past it and names the device', () => {
    const wall = 1_700_000_000_000
    const clock = new HybridClock(NODE_A, null, () => wall)
    const ahead = formatHlc({ ms: wall + 6 * 3600 * 1000, counter: 3, node: NODE_B })
    const ev = clock.observe(ahead)
    expect(ev.drift).toEqual({ node: NODE_B, aheadMs: 6 * 3600 * 1000 })
    expect(ev.stamp > ahead).toBe(true)
    expect(clock.tick() > ahead).toBe(true)
  })

  it('does not flag small skew', () => {
    const wall = 1_700_000_000_000
    const clock = new HybridClock(NODE_A, null, () => wall)
    const ev = clock.observe(formatHlc({ ms: wall + DRIFT_WARNING_MS - 1, counter: 0, node: NODE_B }))
    expect(ev.drift).toBeUndefined()
  })

  it('rejects malformed stamps and node ids', () => {
    const clock = new HybridClock(NODE_A)
    expect(() => clock.observe('2024-01-01')).toThrow()
    expect(() => new HybridClock('not-hex')).toThrow()
    expect(parseHlc('000001700000000-zzzz-aaaaaaaaaaaaaaaa')).toBeNull()
  })

  it('orders stamps as text exactly as by (ms, counter, node)', () => {
    const hlc = fc.record({
      ms: fc.integer({ min: 0, max: 10 ** 14 }),
      counter: fc.integer({ min: 0, max: 0xffff }),
      node: fc.constantFrom(NODE_A, NODE_B),
    })
    fc.assert(
      fc.property(hlc, hlc, (x, y) => {
        const a = formatHlc(x)
        const b = formatHlc(y)
        const byText = a < b ? -1 : a > b ? 1 : 0
        const byValue = Math.sign(
          x.ms - y.ms || x.counter - y.counter || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0),
        )
        return byText === byValue
      }),
    )
  })

  it('observing any sequence keeps every later local stamp above everything seen', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 ** 13 }), { minLength: 1, maxLength: 50 }),
        (remoteMs) => {
          const clock = new HybridClock(NODE_A, null, () => 1_700_000_000_000)
          let max = ''
          for (const ms of remoteMs) {
            const s = formatHlc({ ms, counter: 0, node: NODE_B })
            clock.observe(s)
            if (s > max) max = s
          }
          return clock.tick() > max
        },
      ),
    )
  })
})
