// Sealed segments: how a device's changes travel through the team's shared folder (design/sync.md,
// "Shared folder layout"). A segment is written once and never edited; a reader either verifies
// all of it or takes none of it — a cloud client may hand over a file that is still arriving
// (short), a disk may flip bits, a sync tool may fill a tail with zeros.
//
//   header  "TTSG" · format u16 · team (u16 length + UTF-8) · device (idem) · firstSeq u64 · lastSeq u64
//   records (u32 length · u32 CRC-32 of the bytes · the bytes) × count
//   footer  "TTSE" · count u32 · SHA-256 of everything before the footer (32 bytes)
//
// The record bytes are opaque here (the encoded change); the CRC finds which record is damaged,
// the SHA-256 (also in the file name, first 8 hex digits) vouches for the whole file.
import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'

export const SEGMENT_FORMAT = 1
const MAGIC = Buffer.from('TTSG', 'ascii')
const FOOTER_MAGIC = Buffer.from('TTSE', 'ascii')
const FOOTER_BYTES = FOOTER_MAGIC.length + 4 + 32
/** A record larger than this is a damaged length, not a change (the largest cell is a note). */
const MAX_RECORD_BYTES = 16 * 1024 * 1024

export type SegmentHeader = {
  format: number
  team: string
  device: string
  firstSeq: number
  lastSeq: number
}

export type Segment = SegmentHeader & { records: Buffer[]; sha256: string }

/**
 * Why a file is not (yet) a segment:
 * - `short`: it ends early, as a file still being copied in does; read it again later.
 * - `corrupt`: its bytes contradict themselves (checksum, lengths, magic); reported if it stays.
 * - `newer_format`: written by a newer app; this one must not read it (sync turns read-only).
 */
export type SegmentProblem = 'short' | 'corrupt' | 'newer_format'

export class SegmentError extends Error {
  constructor(
    readonly problem: SegmentProblem,
    detail: string,
  ) {
    super(`${problem}: ${detail}`)
  }
}

/** The bytes of a sealed segment holding `records`, numbered firstSeq..lastSeq by its device. */
export function encodeSegment(header: Omit<SegmentHeader, 'format'>, records: readonly Buffer[]): Buffer {
  if (records.length === 0) throw new RangeError('a segment holds at least one record')
  if (header.lastSeq < header.firstSeq) throw new RangeError('lastSeq before firstSeq')
  const parts: Buffer[] = [MAGIC, u16(SEGMENT_FORMAT), text(header.team), text(header.device)]
  parts.push(u64(header.firstSeq), u64(header.lastSeq))
  for (const r of records) {
    if (r.length === 0 || r.length > MAX_RECORD_BYTES) throw new RangeError('record size')
    parts.push(u32(r.length), u32(crc32(r)), r)
  }
  const body = Buffer.concat(parts)
  const sha = createHash('sha256').update(body).digest()
  return Buffer.concat([body, FOOTER_MAGIC, u32(records.length), sha])
}

/** Reads a whole segment, or throws a SegmentError saying why none of it may be used. */
export function decodeSegment(bytes: Buffer): Segment {
  const r = new Reader(bytes)
  if (bytes.length < MAGIC.length) throw new SegmentError('short', 'no header')
  if (!r.take(MAGIC.length).equals(MAGIC)) throw new SegmentError('corrupt', 'not a segment')
  const format = r.u16()
  if (format > SEGMENT_FORMAT) throw new SegmentError('newer_format', `format ${format}`)
  if (format < 1) throw new SegmentError('corrupt', `format ${format}`)
  const team = r.text()
  const device = r.text()
  const firstSeq = r.u64()
  const lastSeq = r.u64()
  if (lastSeq < firstSeq) throw new SegmentError('corrupt', 'sequence range')
  const records: Buffer[] = []
  // Records run until the footer's magic at a record boundary; a record's length can never read as
  // that magic and still check out, since the CRC and then the SHA-256 would have to agree too.
  while (r.left() >= 4 && !r.peek(FOOTER_MAGIC.length).equals(FOOTER_MAGIC)) {
    const length = r.u32()
    // Never 0: an encoded change has bytes, and a zero-filled tail (a sync tool's or a crash's)
    // would otherwise read as empty records whose CRC of nothing is 0.
    if (length === 0 || length > MAX_RECORD_BYTES) throw new SegmentError('corrupt', 'record length')
    const crc = r.u32()
    const record = r.take(length)
    if (crc32(record) !== crc) throw new SegmentError('corrupt', `record ${records.length} checksum`)
    records.push(record)
  }
  const bodyEnd = r.at
  if (r.left() < FOOTER_BYTES) throw new SegmentError('short', 'no footer')
  r.take(FOOTER_MAGIC.length)
  const count = r.u32()
  const sha = r.take(32)
  if (r.left() !== 0) throw new SegmentError('corrupt', 'bytes after the footer')
  if (count !== records.length) throw new SegmentError('corrupt', 'record count')
  const actual = createHash('sha256').update(bytes.subarray(0, bodyEnd)).digest()
  if (!actual.equals(sha)) throw new SegmentError('corrupt', 'file checksum')
  return { format, team, device, firstSeq, lastSeq, records, sha256: actual.toString('hex') }
}

// ---- names ----

/** `<firstSeq>-<lastSeq>.<sha8>.seg`: the strict name a reader accepts, nothing else. */
const NAME = /^(0|[1-9]\d{0,15})-(0|[1-9]\d{0,15})\.([0-9a-f]{8})\.seg$/

export function segmentName(seg: Pick<Segment, 'firstSeq' | 'lastSeq' | 'sha256'>): string {
  return `${seg.firstSeq}-${seg.lastSeq}.${seg.sha256.slice(0, 8)}.seg`
}

/**
 * The sequence range and hash prefix a segment file name promises; null for any other name: a
 * cloud client's conflicted copy ("… (conflicted copy).seg", ".sync-conflict-…", "-DESKTOP-1"),
 * a temp file, a renamed or half-renamed file.
 */
export function parseSegmentName(name: string): { firstSeq: number; lastSeq: number; sha8: string } | null {
  const m = NAME.exec(name)
  if (!m) return null
  const firstSeq = Number(m[1])
  const lastSeq = Number(m[2])
  if (!Number.isSafeInteger(firstSeq) || !Number.isSafeInteger(lastSeq) || lastSeq < firstSeq) return null
  return { firstSeq, lastSeq, sha8: m[3]! }
}

// ---- bytes ----

function u16(n: number): Buffer {
  const b = Buffer.alloc(2)
  b.writeUInt16BE(n)
  return b
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n >>> 0)
  return b
}

function u64(n: number): Buffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('sequence out of range')
  const b = Buffer.alloc(8)
  b.writeBigUInt64BE(BigInt(n))
  return b
}

function text(s: string): Buffer {
  const bytes = Buffer.from(s, 'utf8')
  if (bytes.length > 0xffff) throw new RangeError('text too long')
  return Buffer.concat([u16(bytes.length), bytes])
}

/** A cursor that throws `short` when the bytes end before what it is asked for. */
class Reader {
  at = 0
  constructor(private readonly bytes: Buffer) {}
  left(): number {
    return this.bytes.length - this.at
  }
  peek(n: number): Buffer {
    return this.bytes.subarray(this.at, this.at + n)
  }
  take(n: number): Buffer {
    if (this.left() < n) throw new SegmentError('short', `wanted ${n} bytes at ${this.at}`)
    const out = this.bytes.subarray(this.at, this.at + n)
    this.at += n
    return out
  }
  u16(): number {
    return this.take(2).readUInt16BE()
  }
  u32(): number {
    return this.take(4).readUInt32BE()
  }
  u64(): number {
    const n = this.take(8).readBigUInt64BE()
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new SegmentError('corrupt', 'sequence out of range')
    return Number(n)
  }
  text(): string {
    const bytes = this.take(this.u16())
    const s = bytes.toString('utf8')
    // Damaged bytes decode to U+FFFD: a team or device id is plain ASCII.
    if (!/^[\w-]*$/.test(s)) throw new SegmentError('corrupt', 'id text')
    return s
  }
}
