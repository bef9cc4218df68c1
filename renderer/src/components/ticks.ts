// Axis ticks a reader can add up: 0 and even steps of 1, 2, 2.5 or 5 × 10ⁿ ("US$0 / 500万 /
// 1000万 / 1500万"), instead of the ticks Recharts picks, which skip steps (500万, 1000万, 2000万).

const STEPS = [1, 2, 2.5, 5, 10]

/**
 * Ticks from 0 to at least `max`, about `count` steps (default 4), each an even step; whole
 * numbers only when `integers` (counts of customers). [0, 1] for an empty chart.
 */
export function niceTicks(max: number, count = 4, integers = false): number[] {
  if (!(max > 0)) return [0, 1]
  const raw = max / count
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  let step = STEPS.map((s) => s * magnitude).find((s) => s >= raw)!
  // A count cannot step by 2.5 (or by less than 1): the whole number above it.
  if (integers) step = Math.max(1, Math.ceil(step))
  const n = Math.ceil(max / step - 1e-9)
  return Array.from({ length: n + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6)
}
