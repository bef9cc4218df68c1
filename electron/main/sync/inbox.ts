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
  waiting: { device: string; file: string; problem: SegmentProblem | 'gap' }[]
}

/** The last sequence applied from `device` (0: nothing yet). */
export function appliedFrom(db: Db, device: string): number {
  return Number(metaRead(db, APPLIED_PREFIX + device) ?? 0)
}

/** Applies every teammate's segments not yet applied, device by device, in sequence order. */
export function receive(db: Db, writer: SyncWriter, logDir: string, self: string): ReceiveReport {
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
  for (const [device, segments] of byDevice) {
    let applied = appliedFrom(db, device)
    for (const found of segments) {
      if (found.lastSeq <= applied) continue
      if (found.firstSeq > applied + 1) {
        report.waiting.push({ device, file: found.file, problem: 'gap' })
        break
      }
      const read = readSegment(found)
      if ('problem' in read) {
        report.waiting.push({ device, file: found.file, problem: read.problem })
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
  }
  return report
}
