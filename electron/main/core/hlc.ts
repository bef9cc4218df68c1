// Hybrid logical clock (design/sync.md "Clock"): wall milliseconds + counter + node id, encoded so
// that plain string comparison orders stamps. Pure: no database, no Electron; the caller persists
// the last reading so the clock never runs backwards across restarts.

export type Hlc = { ms: number; counter: number; node: string }

/** Counter width: 4 hex digits. A 65,536th event in one millisecond carries into the milliseconds. */
const MAX_COUNTER = 0xffff
/** Stamps further ahead of our wall clock than this are accepted but reported (a skewed device). */
export const DRIFT_WARNING_MS = 60 * 60 * 1000

const NODE_RE = /^[0-9a-f]{16}$/
const STAMP_RE = /^(\d{15})-([0-9a-f]{4})-([0-9a-f]{16})$/

export function formatHlc(h: Hlc): string {
  return `${String(h.ms).padStart(15, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.node}`
}

/** Parses a stamp; returns null for anything that is not exactly our format. */
export function parseHlc(stamp: string): Hlc | null {
  const m = STAMP_RE.exec(stamp)
  if (!m) return null
  return { ms: Number(m[1]), counter: parseInt(m[2]!, 16), node: m[3]! }
}

export type ClockEvent = { stamp: string; drift?: { node: string; aheadMs: number } }

/**
 * A device's clock. `now` is injectable so tests can step the wall clock back and forth.
 */
export class HybridClock {
  private last: Hlc

  constructor(
    readonly node: string,
    last: string | null = null,
    private readonly now: () => number = Date.now,
  ) {
    if (!NODE_RE.test(node)) throw new Error(`invalid HLC node id: ${node}`)
    const parsed = last ? parseHlc(last) : null
    this.last = parsed ? { ...parsed, node } : { ms: 0, counter: 0, node }
  }

  /** The last stamp issued or observed; persist it to survive a clock stepping back at restart. */
  get current(): string {
    return formatHlc(this.last)
  }

  /** A stamp for a local change: strictly greater than every stamp this clock has seen. */
  tick(): string {
    const wall = this.now()
    let ms = Math.max(wall, this.last.ms)
    let counter = ms === this.last.ms ? this.last.counter + 1 : 0
    if (counter > MAX_COUNTER) {
      ms += 1
      counter = 0
    }
    this.last = { ms, counter, node: this.node }
    return formatHlc(this.last)
  }

  /**
   * Observes a stamp from another device. Never rejects for drift: the change is kept and the
   * clock moves past it, and a stamp more than an hour ahead of our wall clock is reported.
   */
  observe(stamp: string): ClockEvent {
    const remote = parseHlc(stamp)
    if (!remote) throw new Error(`invalid HLC stamp: ${stamp}`)
    const wall = this.now()
    let ms = Math.max(wall, this.last.ms, remote.ms)
    let counter: number
    if (ms === this.last.ms && ms === remote.ms) counter = Math.max(this.last.counter, remote.counter) + 1
    else if (ms === this.last.ms) counter = this.last.counter + 1
    else if (ms === remote.ms) counter = remote.counter + 1
    else counter = 0
    if (counter > MAX_COUNTER) {
      ms += 1
      counter = 0
    }
    this.last = { ms, counter, node: this.node }
    const aheadMs = remote.ms - wall
    return aheadMs > DRIFT_WARNING_MS
      ? { stamp: formatHlc(this.last), drift: { node: remote.node, aheadMs } }
      : { stamp: formatHlc(this.last) }
  }
}

/** Wall-clock ISO time of a stamp, for "edited at" displays (users never see the HLC itself). */
export function hlcToIso(stamp: string): string {
  const h = parseHlc(stamp)
  return h ? new Date(h.ms).toISOString() : ''
}
