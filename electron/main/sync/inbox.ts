// Receiving: teammates' sealed segments in the team folder, applied in order per device from where
// the last pass stopped (design/sync.md). The highest sequence applied from each device is recorded
// in the same transaction as the changes it covers, so a pass cut short applies the rest next time
// and never skips; a segment overlapping one already applied (its author's publish was cut short)
// repeats changes the merge recognises by their stamps. A segment that is short, damaged or from a
// newer format stops that device's stream where it is — later segments wait behind it — and is
// reported; a gap in a device's sequence (a segment not arrived yet) waits the same way.
import type { Db } from '../db/connection'
import { metaRead, metaSet } from '../db/device'
import type { ApplyResult, SyncWriter } from '../db/writer'
import { readSegment, scanLog } from './log-folder'
import type { FoundSegment } from './log-folder'
import { decodeChange } from './merge'
import type { SegmentProblem } from './segment'

/** meta key prefix: the last sequence applied from a device (`sync.applied.<device>`). */
export const APPLIED_PREFIX = 'sync.applied.'

export type ReceiveReport = ApplyResult & {
  /** Segments applied in this pass. */
  segments: number
  /** Per device: the segment that stopped its stream, and why. */
  waiting: { device: string; file: string; problem: SegmentProblem | 'gap' | 'pruned' }[]
}

/** The last sequence applied from `device` (0: nothing yet). */
export function appliedFrom(db: Db, device: string): number {
  return Number(metaRead(db, APPLIED_PREFIX + device) ?? 0)
}

/** Per device, the last sequence applied here from its stream (sync.applied.*). */
export function appliedByDevice(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT key, value FROM meta WHERE key LIKE ?').all(`${APPLIED_PREFIX}%`) as {
    key: string
    value: string
  }[]
  return Object.fromEntries(rows.map((m) => [m.key.slice(APPLIED_PREFIX.length), Number(m.value)]))
}

/**
 * Applies every teammate's segments not yet applied, device by device, in sequence order.
 * `pruned`: per device, how far its stream may have been removed from the folder (what a snapshot
 * past its grace period covers): a gap there will never fill, and is reported as 'pruned' (this
 * device rejoins from the snapshot) rather than waited for.
 */
export function receive(
  db: Db,
  writer: SyncWriter,
  logDir: string,
  self: string,
  pruned: Record<string, number> = {},
): ReceiveReport {
  const report: ReceiveReport = {
    applied: 0,
    older: 0,
    duplicate: 0,
    conflicts: 0,
    parked: 0,
    segments: 0,
    waiting: [],
  }
  const byDevice = new Map<string, FoundSegment[]>()
  for (const found of scanLog(logDir).segments) {
    // This device's own segments carry nothing it does not have.
    if (found.device === self) continue
    byDevice.set(found.device, [...(byDevice.get(found.device) ?? []), found])
  }
  // Every stream with segments, and every one a snapshot says went further (all of its segments
  // may have gone: its device pruned them, then left the team).
  for (const device of new Set([...byDevice.keys(), ...Object.keys(pruned)])) {
    if (device === self) continue
    let applied = appliedFrom(db, device)
    let stopped = false
    for (const found of byDevice.get(device) ?? []) {
      if (found.lastSeq <= applied) continue
      if (found.firstSeq > applied + 1) {
        const gone = found.firstSeq - 1 <= (pruned[device] ?? 0)
        report.waiting.push({ device, file: found.file, problem: gone ? 'pruned' : 'gap' })
        stopped = true
        break
      }
      const read = readSegment(found)
      if ('problem' in read) {
        report.waiting.push({ device, file: found.file, problem: read.problem })
        stopped = true
        break
      }
      const changes = read.segment.records.map(decodeChange)
      const lastSeq = found.lastSeq
      const result = writer.applyRemote(changes, () => metaSet(db, APPLIED_PREFIX + device, String(lastSeq)))
      for (const k of ['applied', 'older', 'duplicate', 'conflicts', 'parked'] as const)
        report[k] += result[k]
      report.segments++
      applied = lastSeq
    }
    if (!stopped && applied < (pruned[device] ?? 0))
      report.waiting.push({ device, file: '', problem: 'pruned' })
  }
  return report
}
