// The `log/` part of a team's shared folder: publishing this device's sealed segments and finding
// everyone's (design/sync.md). The folder is someone else's territory — Dropbox, OneDrive,
// Syncthing, an SMB share, a USB stick — so nothing here trusts it: a segment appears under its
// final name only once whole (temp file, fsync, rename), is read back before it counts as
// published, and only names matching the strict pattern are ever read. Deletion is never inferred
// from a missing file, and no lock files are used.
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { decodeSegment, encodeSegment, parseSegmentName, segmentName, SegmentError } from './segment'
import type { Segment, SegmentHeader, SegmentProblem } from './segment'

/** The file system calls publishing makes, so a test can fail or cut any one of them. */
export type PublishFs = Pick<
  typeof fs,
  | 'mkdirSync'
  | 'readdirSync'
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'renameSync'
  | 'readFileSync'
  | 'rmSync'
>

/** Errors a cloud client's or antivirus's momentary hold on a file gives on rename (Windows). */
const RETRIED = new Set(['EBUSY', 'EPERM', 'EACCES'])
const RENAME_TRIES = 6

/**
 * Renames `from` to `to`, retrying while the OS reports the file busy (a cloud client or an
 * antivirus holding it, Windows): a few tries with growing pauses, then the error.
 */
export function renameRetrying(
  from: string,
  to: string,
  io: Pick<typeof fs, 'renameSync'> = fs,
  sleep: (ms: number) => void = sleepSync,
): void {
  for (let attempt = 1; ; attempt++) {
    try {
      io.renameSync(from, to)
      return
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? ''
      if (!RETRIED.has(code) || attempt === RENAME_TRIES) throw err
      sleep(50 * 2 ** attempt)
    }
  }
}

/** A device id as the folder names it: the device's HLC node id (16 lowercase hex digits). */
const DEVICE_DIR = /^[0-9a-f]{16}$/

export function deviceLogDir(logDir: string, device: string): string {
  if (!DEVICE_DIR.test(device)) throw new RangeError('device id')
  return path.join(logDir, device)
}

/**
 * Seals `records` into a segment and publishes it under `log/<device>/`: written to a temp file,
 * fsynced, renamed to its final name (retried while the OS reports the file busy), then read back
 * and verified. Returns the segment's file path. A crash at any step leaves either no segment or a
 * whole one; a leftover temp file is never read (see scanLog) and is removed by the next publish.
 */
export function publishSegment(
  logDir: string,
  header: Omit<SegmentHeader, 'format'>,
  records: readonly Buffer[],
  io: PublishFs = fs,
  sleep: (ms: number) => void = sleepSync,
): string {
  const dir = deviceLogDir(logDir, header.device)
  io.mkdirSync(dir, { recursive: true })
  // Only this device writes its directory, one publish at a time: a temp file there is what a
  // publish cut short (a crash, a pulled USB stick) left behind.
  for (const name of io.readdirSync(dir)) {
    if (name.startsWith('.tmp-')) io.rmSync(path.join(dir, name), { force: true })
  }
  const bytes = encodeSegment(header, records)
  // The name's hash is the footer's last 32 bytes: no need to decode what was just encoded.
  const sha256 = bytes.subarray(bytes.length - 32).toString('hex')
  const final = path.join(dir, segmentName({ ...header, sha256 }))
  const temp = path.join(dir, `.tmp-${randomUUID()}`)
  try {
    const fd = io.openSync(temp, 'wx')
    try {
      for (let at = 0; at < bytes.length;) at += io.writeSync(fd, bytes, at, bytes.length - at)
      io.fsyncSync(fd)
    } finally {
      io.closeSync(fd)
    }
    renameRetrying(temp, final, io, sleep)
  } catch (err) {
    io.rmSync(temp, { force: true })
    throw err
  }
  // Read back: a folder that accepted the rename but holds other bytes (a full disk, a sync client
  // replacing it) has not got the segment.
  const back = io.readFileSync(final)
  if (!back.equals(bytes)) throw new SegmentError('corrupt', `read back ${final}`)
  return final
}

export type FoundSegment = { device: string; firstSeq: number; lastSeq: number; sha8: string; file: string }
export type IgnoredFile = { file: string; reason: 'name' | 'temp' | 'foreign_dir' }

/**
 * Every segment file under `log/`, by the strict pattern only, and every other file with why it
 * was left alone (to report: a conflicted copy, a stray file, a temp file of a publish in progress
 * or cut short). Reads names, not contents: cheap for thousands of files.
 */
export function scanLog(logDir: string): { segments: FoundSegment[]; ignored: IgnoredFile[] } {
  const segments: FoundSegment[] = []
  const ignored: IgnoredFile[] = []
  let devices: fs.Dirent[]
  try {
    devices = fs.readdirSync(logDir, { withFileTypes: true })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { segments, ignored }
    throw err
  }
  for (const d of devices) {
    const where = path.join(logDir, d.name)
    if (!d.isDirectory() || !DEVICE_DIR.test(d.name)) {
      ignored.push({ file: where, reason: 'foreign_dir' })
      continue
    }
    for (const f of fs.readdirSync(where, { withFileTypes: true })) {
      const file = path.join(where, f.name)
      const named = f.isFile() ? parseSegmentName(f.name) : null
      if (named) segments.push({ device: d.name, ...named, file })
      else ignored.push({ file, reason: f.name.startsWith('.tmp-') ? 'temp' : 'name' })
    }
  }
  segments.sort((a, b) => a.device.localeCompare(b.device) || a.firstSeq - b.firstSeq)
  return { segments, ignored }
}

/**
 * Reads and verifies one found segment: the whole of it, or a problem saying why none of it may be
 * used yet. Its name must agree with its content (device, range, hash): a file copied under another
 * segment's name is not that segment.
 */
export function readSegment(found: FoundSegment): { segment: Segment } | { problem: SegmentProblem } {
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(found.file)
  } catch {
    // Gone or locked between the scan and the read: not arrived, as far as this pass knows.
    return { problem: 'short' }
  }
  try {
    const segment = decodeSegment(bytes)
    const agrees =
      segment.device === found.device &&
      segment.firstSeq === found.firstSeq &&
      segment.lastSeq === found.lastSeq &&
      segment.sha256.startsWith(found.sha8)
    return agrees ? { segment } : { problem: 'corrupt' }
  } catch (err) {
    if (err instanceof SegmentError) return { problem: err.problem }
    throw err
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
