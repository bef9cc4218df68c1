import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  SEGMENT_FORMAT,
  SegmentError,
  decodeSegment,
  encodeSegment,
  parseSegmentName,
  segmentName,
} from '../../electron/main/sync/segment'
import { publishSegment, readSegment, scanLog } from '../../electron/main/sync/log-folder'
import type { PublishFs } from '../../electron/main/sync/log-folder'

const TEAM = 'team-01'
const DEVICE = '0192f3a45b6c7d8e'
const OTHER = '9f00665544332211'
const records = [
  '{"t":"customers","c":"city","v":"Xiamen"}',
  '{"t":"orders","c":"amount","v":1200}',
  '汉字 ✓',
].map((s) => Buffer.from(s))
const header = { team: TEAM, device: DEVICE, firstSeq: 7, lastSeq: 9 }

/** The problem decodeSegment finds, or null when it reads the bytes. */
function problemOf(bytes: Buffer): string | null {
  try {
    decodeSegment(bytes)
    return null
  } catch (err) {
    if (err instanceof SegmentError) return err.problem
    throw err
  }
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tt-seg-'))
}

describe('sealed segments', () => {
  it('read back exactly what was sealed, and the name carries the range and hash', () => {
    const bytes = encodeSegment(header, records)
    const seg = decodeSegment(bytes)
    expect(seg).toMatchObject({ ...header, format: SEGMENT_FORMAT })
    expect(seg.records.map((r) => r.toString())).toEqual(records.map((r) => r.toString()))
    const name = segmentName(seg)
    expect(name).toBe(`7-9.${seg.sha256.slice(0, 8)}.seg`)
    expect(parseSegmentName(name)).toEqual({ firstSeq: 7, lastSeq: 9, sha8: seg.sha256.slice(0, 8) })
  })

  it('refuses a file cut at any offset: short or corrupt, never part of it', () => {
    const bytes = encodeSegment(header, records)
    for (let cut = 0; cut < bytes.length; cut++) {
      expect(problemOf(bytes.subarray(0, cut)), `cut at ${cut}`).toMatch(/^(short|corrupt)$/)
    }
  })

  it('refuses any flipped bit and any zero-filled tail', () => {
    const bytes = encodeSegment(header, records)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bytes.length - 1 }),
        fc.integer({ min: 0, max: 7 }),
        (at, bit) => {
          const damaged = Buffer.from(bytes)
          damaged[at]! ^= 1 << bit
          expect(problemOf(damaged)).not.toBeNull()
        },
      ),
      { numRuns: 2000 },
    )
    for (let k = 1; k <= bytes.length - 4; k++) {
      const zeroed = Buffer.from(bytes)
      zeroed.fill(0, bytes.length - k)
      // A tail already zero (none here past the hash) would be no damage at all.
      if (zeroed.equals(bytes)) continue
      expect(problemOf(zeroed), `last ${k} bytes zeroed`).not.toBeNull()
    }
  })

  it('leaves a newer format alone instead of misreading it', () => {
    const bytes = encodeSegment(header, records)
    bytes.writeUInt16BE(SEGMENT_FORMAT + 1, 4)
    expect(problemOf(bytes)).toBe('newer_format')
  })

  it('accepts only the strict name: conflicted copies, temp files and look-alikes are not segments', () => {
    expect(parseSegmentName('1-3.0a1b2c3d.seg')).toEqual({ firstSeq: 1, lastSeq: 3, sha8: '0a1b2c3d' })
    for (const name of [
      '1-3.0a1b2c3d (conflicted copy).seg', // Dropbox
      "1-3.0a1b2c3d (Anne's conflicted copy 2026-12-06).seg",
      '1-3.0a1b2c3d.sync-conflict-20261206-101010-ABCDEFG.seg', // Syncthing
      '1-3.0a1b2c3d-DESKTOP-4F2.seg', // OneDrive
      '1-3.0A1B2C3D.seg', // a case-folding file system's rename
      '01-3.0a1b2c3d.seg',
      '3-1.0a1b2c3d.seg',
      '1-3.0a1b2c3d.seg.tmp',
      '.tmp-1-3.0a1b2c3d.seg',
      '1-3.0a1b2c3.seg',
      '99999999999999999-99999999999999999.0a1b2c3d.seg',
    ])
      expect(parseSegmentName(name), name).toBeNull()
  })
})

describe('the log folder', () => {
  it('publishes whole segments that a scan finds and a read verifies; everything else is reported, not read', () => {
    const log = tempDir()
    const file = publishSegment(log, header, records)
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)])
    // What a team folder collects besides segments.
    const mine = path.dirname(file)
    fs.copyFileSync(file, path.join(mine, path.basename(file).replace('.seg', ' (conflicted copy).seg')))
    fs.writeFileSync(path.join(mine, 'desktop.ini'), '')
    fs.mkdirSync(path.join(log, 'Old stuff'))
    // Another device's segment still arriving (half of it), and one whose name lies about its range.
    const theirs = encodeSegment({ team: TEAM, device: OTHER, firstSeq: 1, lastSeq: 2 }, records.slice(0, 2))
    const theirName = segmentName(decodeSegment(theirs))
    fs.mkdirSync(path.join(log, OTHER))
    fs.writeFileSync(path.join(log, OTHER, theirName), theirs.subarray(0, theirs.length >> 1))
    fs.writeFileSync(path.join(log, OTHER, theirName.replace(/^1-2/, '3-4')), theirs)

    const { segments, ignored } = scanLog(log)
    expect(segments.map((s) => [s.device, s.firstSeq, s.lastSeq])).toEqual([
      [DEVICE, 7, 9],
      [OTHER, 1, 2],
      [OTHER, 3, 4],
    ])
    expect(ignored.map((i) => [path.basename(i.file), i.reason]).sort()).toEqual(
      [
        [path.basename(file).replace('.seg', ' (conflicted copy).seg'), 'name'],
        ['Old stuff', 'foreign_dir'],
        ['desktop.ini', 'name'],
      ].sort(),
    )
    const [own, arriving, misnamed] = segments.map(readSegment)
    expect(own).toMatchObject({ segment: { device: DEVICE, firstSeq: 7, lastSeq: 9 } })
    expect(arriving).toEqual({ problem: 'short' })
    expect(misnamed).toEqual({ problem: 'corrupt' })
  })

  it('a publish cut at any step leaves no segment and a readable folder; the next publish cleans up', () => {
    const steps = ['openSync', 'writeSync', 'fsyncSync', 'closeSync', 'renameSync', 'readFileSync'] as const
    for (const step of steps) {
      for (const cleanup of [true, false]) {
        const log = tempDir()
        // The process dies at `step`: with cleanup, the throw unwinds as an error does; without,
        // nothing after the step runs (as when the machine loses power).
        const io: PublishFs = {
          ...fs,
          [step]: () => {
            throw Object.assign(new Error(`cut at ${step}`), { code: 'EIO' })
          },
          rmSync: cleanup ? fs.rmSync : () => undefined,
        }
        expect(() => publishSegment(log, header, records, io), step).toThrow()
        const scan = scanLog(log)
        if (step === 'readFileSync') {
          // Renamed before the cut: whole, and the scan verifies it.
          expect(scan.segments.map(readSegment)).toMatchObject([{ segment: { firstSeq: 7 } }])
        } else {
          expect(scan.segments, `${step} ${cleanup}`).toEqual([])
          expect(scan.ignored.every((i) => i.reason === 'temp')).toBe(true)
        }
        // The next publish (a later sync) works and leaves no temp file behind.
        publishSegment(log, { ...header, firstSeq: 10, lastSeq: 12 }, records)
        const after = scanLog(log)
        expect(after.ignored).toEqual([])
        expect(after.segments.map(readSegment).every((r) => 'segment' in r)).toBe(true)
      }
    }
  })

  it('retries a rename the OS reports busy, and gives up cleanly on a real failure', () => {
    const log = tempDir()
    let refusals = 0
    const busy: PublishFs = {
      ...fs,
      renameSync: (from, to) => {
        if (refusals++ < 2) throw Object.assign(new Error('busy'), { code: 'EBUSY' })
        fs.renameSync(from, to)
      },
    }
    const waits: number[] = []
    const file = publishSegment(log, header, records, busy, (ms) => waits.push(ms))
    expect(waits).toHaveLength(2)
    expect(readSegment({ ...scanLog(log).segments[0]!, file })).toHaveProperty('segment')

    const full: PublishFs = {
      ...fs,
      renameSync: () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
      },
    }
    const other = tempDir()
    expect(() => publishSegment(other, header, records, full, () => undefined)).toThrow(/no space/)
    expect(scanLog(other)).toEqual({ segments: [], ignored: [] })
  })

  it('does not count a segment as published when the folder gives other bytes back', () => {
    const log = tempDir()
    const liar: PublishFs = {
      ...fs,
      readFileSync: (() => Buffer.from('not it')) as unknown as PublishFs['readFileSync'],
    }
    expect(() => publishSegment(log, header, records, liar)).toThrow(/read back/)
  })
})
