// Snapshots (design/sync.md "snapshots/", issue 13 §5): the team's data as one compressed SQLite
// file in `snapshots/`, so a new laptop starts from it instead of replaying every segment since the
// team began, and so old segments can go. A snapshot is what one device had applied, and says how
// far into each device's stream that reaches (`covers`): a joiner applies the segments after it.
//
// File: MAGIC, the header's length (u32 BE), the header (JSON), the database in gzipped chunks,
// the chunk table (JSON: each chunk's sizes and SHA-256), the table's length (u32 BE), and the
// SHA-256 of the header and the table; its name `<hlc>-<deviceId>.<sha8>.snap` carries that hash's
// first 8 hex digits. Written like a segment (temp file, fsync, rename with retries, read back and
// verified), never edited; a short or damaged file is skipped, never half-used.
//
// What goes in is the team's data and what is derived from it (figures, tiers, the search index:
// a joiner need not rebuild them), not the device that made it: its id, clock, settings, team link
// and outgoing log stay out. Its log's entries become received changes there, so the customer
// history a joiner shows starts where the maker's did.
import fs from 'node:fs'
import path from 'node:path'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import os from 'node:os'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import { z } from 'zod'
import { checkIntegrity } from '../db/connection'
import type { Db } from '../db/connection'
import { parseHlc } from '../core/hlc'
import { metaRead } from '../db/device'
import { APPLIED_PREFIX, appliedByDevice } from './inbox'
import { publishedStreamSeq } from './outbox'
import { renameRetrying } from './log-folder'
import { PREVIOUS_IDS, REPLACED_IDS } from './identity'
import { parseSegmentName } from './segment'

export const SNAPSHOT_FORMAT = 1
/** The scratch copy a snapshot is made from, in the data directory (removed at start if left). */
export const SCRATCH_PREFIX = 'snapshot-'
export const SNAPSHOTS_DIR = 'snapshots'
const MAGIC = Buffer.from('TTSNAP\r\n', 'latin1')
const NAME = /^(\d{15}-[0-9a-f]{4}-[0-9a-f]{16})-([0-9a-f]{16})\.([0-9a-f]{8})\.snap$/
/** gzip level 1: a snapshot of 100k customers is written in the background, read on a join; speed over size. */
const GZIP_LEVEL = 1

const header = z.object({
  format: z.number().int().positive(),
  team: z.string(),
  device: z.string().regex(/^[0-9a-f]{16}$/),
  /** The maker's clock when the copy was taken: at or past every stamp in it. */
  hlc: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  /** Per device, the last sequence of its stream the snapshot holds (applied through). */
  covers: z.record(z.string().regex(/^[0-9a-f]{16}$/), z.number().int().nonnegative()),
  customers: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
})
export type SnapshotHeader = z.infer<typeof header>

/** Who makes a snapshot and when: `at` is a fresh stamp of its clock, taken before the copy. */
export type SnapshotInfo = {
  team: string
  device: string
  appVersion: string
  schemaVersion: number
  now: Date
  at: string
}

export type FoundSnapshot = { file: string; hlc: string; device: string; sha8: string }

/**
 * meta keys that belong to the device, not to the data: who it is and its clock (`device_id`,
 * `hlc`, `device.*`), its team link and streams (`sync.*`), a restore's marks, and its own
 * settings and notices. A snapshot leaves them out; a joiner keeps its own.
 */
export function deviceLocalKey(key: string): boolean {
  return (
    key === 'device_id' ||
    key === 'hlc' ||
    key === 'ui_language' ||
    key === 'backup_rotation' ||
    /^(device|sync|notify)\./.test(key) ||
    key.startsWith('restored_') ||
    key.startsWith('greeting_')
  )
}

/** The snapshots in the team folder by the strict name pattern, newest first. */
export function listSnapshots(root: string): FoundSnapshot[] {
  let names: string[]
  try {
    names = fs.readdirSync(path.join(root, SNAPSHOTS_DIR))
  } catch {
    return []
  }
  const found: FoundSnapshot[] = []
  for (const name of names) {
    const m = NAME.exec(name)
    if (m && parseHlc(m[1]!))
      found.push({ file: path.join(root, SNAPSHOTS_DIR, name), hlc: m[1]!, device: m[2]!, sha8: m[3]! })
  }
  return found.sort((a, b) => b.hlc.localeCompare(a.hlc) || b.device.localeCompare(a.device))
}

/**
 * Runs `use` over the file with a reader of exact byte ranges (null when the file is shorter) and
 * its size; null when the file cannot be opened or `use` throws (a file being replaced, damage).
 */
function readingFile<T>(
  file: string,
  use: (read: (at: number, length: number) => Buffer | null, size: number) => T | null,
): T | null {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch {
    return null
  }
  try {
    const read = (at: number, length: number) => {
      const b = Buffer.alloc(length)
      return at >= 0 && fs.readSync(fd, b, 0, length, at) === length ? b : null
    }
    return use(read, fs.fstatSync(fd).size)
  } catch {
    return null
  } finally {
    fs.closeSync(fd)
  }
}

/** A snapshot's header, read from its first bytes; null when the file does not start like one. */
export function readSnapshotHeader(file: string): SnapshotHeader | null {
  return readingFile(file, (read) => {
    const head = read(0, MAGIC.length + 4)
    if (!head?.subarray(0, MAGIC.length).equals(MAGIC)) return null
    const length = head.readUInt32BE(MAGIC.length)
    const json = length <= 1_000_000 ? read(head.length, length) : null
    if (!json) return null
    // A newer format may hold anything: this app does not start from it (it joins from segments).
    const parsed = header.safeParse(JSON.parse(json.toString('utf8')))
    return parsed.success && parsed.data.format <= SNAPSHOT_FORMAT ? parsed.data : null
  })
}

/** A snapshot of the team, with its header. */
export type TeamSnapshot = { found: FoundSnapshot; header: SnapshotHeader }

/** The team's snapshots whose header reads, newest first (a few files: headers only). */
export function teamSnapshots(root: string, team: string): TeamSnapshot[] {
  return listSnapshots(root).flatMap((found) => {
    const h = readSnapshotHeader(found.file)
    return h?.team === team && h.device === found.device ? [{ found, header: h }] : []
  })
}

/**
 * The snapshots of `team` this app can start from (their schema not newer), newest first; with
 * `reaching`, only those covering each stream at least that far (a rejoin must get past what was
 * pruned, or it would find the same gap again).
 */
export function usableSnapshots(
  root: string,
  team: string,
  schemaVersion: number,
  reaching: Record<string, number> = {},
): TeamSnapshot[] {
  return teamSnapshots(root, team).filter(
    (s) =>
      s.header.schemaVersion <= schemaVersion &&
      Object.entries(reaching).every(([d, seq]) => (s.header.covers[d] ?? 0) >= seq),
  )
}

/**
 * Writes a snapshot of `db` into `<root>/snapshots/`, made in `scratchDir` (the data directory: the
 * same disk, never the shared folder). Returns its file and header. The copy is taken by `VACUUM
 * INTO` (one read transaction: consistent while the app writes), stripped of the device, checked
 * (integrity_check) and compressed; the file is read back and its hashes checked before it counts.
 */
export async function writeSnapshot(
  db: Db,
  root: string,
  scratchDir: string,
  info: SnapshotInfo,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<{ file: string; header: SnapshotHeader }> {
  const scratch = path.join(scratchDir, `${SCRATCH_PREFIX}${randomUUID()}.db`)
  const dir = path.join(root, SNAPSHOTS_DIR)
  // Named for its device: what a write of this device cut short is removed by its next one; another
  // device's temp file may be a write in progress.
  const mine = `.tmp-${info.device}-`
  const temp = path.join(dir, `${mine}${randomUUID()}`)
  try {
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : [])
      if (name.startsWith(mine)) fs.rmSync(path.join(dir, name), { force: true })
    progress(0, 4)
    db.prepare('VACUUM INTO ?').run(scratch)
    progress(1, 4)
    const made = stripDevice(scratch, info)
    progress(2, 4)
    fs.mkdirSync(dir, { recursive: true })
    const json = Buffer.from(JSON.stringify(made), 'utf8')
    const head = Buffer.concat([MAGIC, u32(json.length), json])
    const out = await fs.promises.open(temp, 'wx')
    let digest: Buffer
    try {
      await out.write(head, 0, head.length, 0)
      const { chunks, end } = await pack(scratch, out, head.length)
      const table = Buffer.from(JSON.stringify({ chunks }), 'utf8')
      digest = createHash('sha256').update(head).update(table).update(u32(table.length)).digest()
      const tail = Buffer.concat([table, u32(table.length), digest])
      await out.write(tail, 0, tail.length, end)
      await out.sync()
    } finally {
      await out.close()
    }
    progress(3, 4)
    const final = path.join(dir, `${made.hlc}-${info.device}.${digest.toString('hex').slice(0, 8)}.snap`)
    renameRetrying(temp, final)
    // Read back: what the folder holds under the name is what was written, whole.
    if (!(await verifySnapshot(final))) throw new Error(`snapshot read back differs: ${final}`)
    progress(4, 4)
    return { file: final, header: made }
  } finally {
    fs.rmSync(scratch, { force: true })
    fs.rmSync(temp, { force: true })
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

/** The database is packed in chunks gzipped on their own: packed and unpacked on every core at once. */
const CHUNK = 32 * 1024 * 1024
const PARALLEL = Math.max(2, os.availableParallelism())
type Chunk = { raw: number; packed: number; sha256: string }
/** zlib's output buffer: at its 16 KB default, unpacking a chunk costs three times as long. */
const ZLIB_BUFFER = 1024 * 1024
const gzip = promisify(zlib.gzip)
const gunzip = promisify(zlib.gunzip)

/**
 * Runs `work(i)` for i < count, `PARALLEL` at a time (zlib runs on the thread pool), handing each
 * result to `take` in order.
 */
async function inOrder<R>(
  count: number,
  work: (i: number) => Promise<R>,
  take: (r: R, i: number) => Promise<void>,
) {
  const started = new Map<number, Promise<R>>()
  const start = (i: number) => {
    if (i < count) started.set(i, work(i))
  }
  for (let i = 0; i < PARALLEL; i++) start(i)
  try {
    for (let i = 0; i < count; i++) {
      const r = await started.get(i)!
      started.delete(i)
      start(i + PARALLEL)
      await take(r, i)
    }
  } finally {
    // A failure leaves no work running behind it (its results are dropped).
    await Promise.allSettled(started.values())
  }
}

/** Gzips the file `from` chunk by chunk into `out` from `at`; returns the chunks and where they end. */
async function pack(
  from: string,
  out: fs.promises.FileHandle,
  at: number,
): Promise<{ chunks: Chunk[]; end: number }> {
  const src = await fs.promises.open(from, 'r')
  try {
    const size = (await src.stat()).size
    const chunks: Chunk[] = []
    let end = at
    await inOrder(
      Math.ceil(size / CHUNK),
      async (i) => {
        const raw = Buffer.allocUnsafe(Math.min(CHUNK, size - i * CHUNK))
        await src.read(raw, 0, raw.length, i * CHUNK)
        return { raw: raw.length, packed: await gzip(raw, { level: GZIP_LEVEL, chunkSize: ZLIB_BUFFER }) }
      },
      async (r) => {
        await out.write(r.packed, 0, r.packed.length, end)
        end += r.packed.length
        chunks.push({
          raw: r.raw,
          packed: r.packed.length,
          sha256: createHash('sha256').update(r.packed).digest('hex'),
        })
      },
    )
    return { chunks, end }
  } finally {
    await src.close()
  }
}

/** Takes the device out of a fresh copy, checks it, and says what it covers. */
function stripDevice(scratch: string, info: SnapshotInfo): SnapshotHeader {
  const copy = new Database(scratch)
  try {
    // A scratch file: no journal. Freed pages are zeroed, so the dropped log compresses to nothing
    // (no second VACUUM to shrink the file).
    copy.pragma('journal_mode = OFF')
    copy.pragma('secure_delete = ON')
    // Its own stream: what it had sealed in the folder. A change made here but not yet published is
    // in the copy too; the joiner meets it again in the segment and recognises it by its stamp.
    const covers = { ...appliedByDevice(copy), [info.device]: publishedStreamSeq(copy) }
    // Past every stamp in the copy, and the moment it was taken (a snapshot of unchanged data
    // taken later is still the newer one, by its name).
    const stored = metaRead(copy, 'hlc') ?? ''
    const hlc = stored > info.at ? stored : info.at
    if (!parseHlc(hlc)) throw new Error('snapshot: the copy has no clock reading')
    copy.transaction(() => {
      copy
        .prepare(
          'INSERT OR IGNORE INTO received_changes (hlc, tbl, row_id, col, value) SELECT hlc, tbl, row_id, col, value FROM change_log',
        )
        .run()
      copy.prepare('DELETE FROM change_log').run()
      // The maker's births are in its stream, not the joiner's to send.
      copy.prepare('UPDATE row_stamps SET seq = NULL WHERE seq IS NOT NULL').run()
      copy.prepare("DELETE FROM sqlite_sequence WHERE name = 'change_log'").run()
      copy.prepare('DELETE FROM sync_state').run()
      const drop = copy.prepare('DELETE FROM meta WHERE key = ?')
      for (const key of copy.prepare('SELECT key FROM meta').pluck().all() as string[])
        if (deviceLocalKey(key)) drop.run(key)
    })()
    const problems = checkIntegrity(copy, 'full')
    if (problems.length > 0) throw new Error(`snapshot copy damaged: ${problems.join('; ')}`)
    const count = (sql: string) => Number(copy.prepare(sql).pluck().get() ?? 0)
    return {
      format: SNAPSHOT_FORMAT,
      team: info.team,
      device: info.device,
      hlc: hlc.replace(/[0-9a-f]{16}$/, info.device),
      createdAt: info.now.toISOString(),
      appVersion: info.appVersion,
      schemaVersion: info.schemaVersion,
      covers,
      customers: count('SELECT count(*) FROM customers WHERE deleted_at IS NULL'),
      orders: count('SELECT count(*) FROM orders WHERE deleted_at IS NULL'),
    }
  } finally {
    copy.close()
  }
}

const table = z.object({
  chunks: z.array(
    z.object({
      raw: z.number().int().positive(),
      packed: z.number().int().positive(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
})

/**
 * Where a snapshot's parts lie, read from its first and last bytes and checked against its hash
 * (header and chunk table) and its name; null when it is not a whole snapshot.
 */
function layout(file: string): { bodyStart: number; chunks: Chunk[] } | null {
  return readingFile(file, (read, size) => {
    const start = read(0, MAGIC.length + 4)
    if (!start?.subarray(0, MAGIC.length).equals(MAGIC)) return null
    const bodyStart = start.length + start.readUInt32BE(MAGIC.length)
    const end = read(size - 36, 36)
    if (!end || bodyStart > size - 36) return null
    const tableLength = end.readUInt32BE(0)
    const head = read(0, bodyStart)
    const tableBytes = read(size - 36 - tableLength, tableLength)
    if (!head || !tableBytes) return null
    const digest = createHash('sha256').update(head).update(tableBytes).update(end.subarray(0, 4)).digest()
    const sha8 = NAME.exec(path.basename(file))?.[3]
    if (!digest.equals(end.subarray(4)) || digest.toString('hex').slice(0, 8) !== sha8) return null
    const parsed = table.safeParse(JSON.parse(tableBytes.toString('utf8')))
    if (!parsed.success) return null
    const packed = parsed.data.chunks.reduce((n, c) => n + c.packed, 0)
    return bodyStart + packed === size - 36 - tableLength ? { bodyStart, chunks: parsed.data.chunks } : null
  })
}

/** Reads each chunk of a laid-out snapshot, checked against its hash, and hands it on in order. */
async function eachChunk<R>(
  file: string,
  at: { bodyStart: number; chunks: Chunk[] },
  work: (packed: Buffer, chunk: Chunk, rawAt: number) => Promise<R>,
): Promise<void> {
  const src = await fs.promises.open(file, 'r')
  try {
    const offsets: { packedAt: number; rawAt: number }[] = []
    let packedAt = at.bodyStart
    let rawAt = 0
    for (const c of at.chunks) {
      offsets.push({ packedAt, rawAt })
      packedAt += c.packed
      rawAt += c.raw
    }
    await inOrder(
      at.chunks.length,
      async (i) => {
        const c = at.chunks[i]!
        const packed = Buffer.allocUnsafe(c.packed)
        const { bytesRead } = await src.read(packed, 0, c.packed, offsets[i]!.packedAt)
        if (bytesRead !== c.packed || createHash('sha256').update(packed).digest('hex') !== c.sha256)
          throw new Error(`snapshot damaged: ${file}`)
        return work(packed, c, offsets[i]!.rawAt)
      },
      () => Promise.resolve(),
    )
  } finally {
    await src.close()
  }
}

/** Whether the file is whole: its header, table and every chunk match their hashes and its name. */
export async function verifySnapshot(file: string): Promise<boolean> {
  const at = layout(file)
  if (!at) return false
  try {
    await eachChunk(file, at, () => Promise.resolve())
    return true
  } catch {
    return false
  }
}

/**
 * Unpacks a snapshot into the database file `target` (fsynced), checking every chunk's hash on the
 * way. Throws, leaving no `target`, when the file is short, damaged or not a snapshot.
 */
export async function extractSnapshot(file: string, target: string): Promise<SnapshotHeader> {
  const h = readSnapshotHeader(file)
  const at = layout(file)
  if (!h || !at) throw new Error(`not a usable snapshot: ${file}`)
  try {
    const out = await fs.promises.open(target, 'wx')
    try {
      await eachChunk(file, at, async (packed, c, rawAt) => {
        const raw = await gunzip(packed, { chunkSize: ZLIB_BUFFER })
        if (raw.length !== c.raw) throw new Error(`snapshot damaged: ${file}`)
        await out.write(raw, 0, raw.length, rawAt)
      })
      await out.sync()
    } finally {
      await out.close()
    }
  } catch (err) {
    fs.rmSync(target, { force: true })
    throw err
  }
  return h
}

/**
 * Makes `target` the database this device continues from: the snapshot unpacked and checked, this
 * device's own meta from `live` (its id, install, settings; not its streams), its clock moved past
 * every stamp the snapshot holds, each device's stream marked applied as far as the snapshot covers
 * it, and `link` (the team) recorded. With `renew` (a device rejoining after its old segments were
 * pruned) it continues under a new id, as a restored copy does: its earlier stream is all in the
 * folder, read from where the snapshot stops like anyone's. Throws, leaving no target.
 */
export async function prepareJoin(
  file: string,
  target: string,
  live: Db,
  link: (db: Db) => void,
  renew = false,
): Promise<SnapshotHeader> {
  // Every chunk's hash checked on the way: the bytes are those the maker checked (integrity_check)
  // before packing them, so a second check here (seconds at 100k customers) would find nothing new.
  const h = await extractSnapshot(file, target)
  try {
    const db = new Database(target)
    try {
      const own = (
        live.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]
      ).filter((m) => deviceLocalKey(m.key) && !m.key.startsWith('sync.'))
      db.transaction(() => {
        const put = db.prepare(
          'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        for (const m of own) put.run(m.key, m.value)
        const clock = own.find((m) => m.key === 'hlc')?.value ?? ''
        // Text order is stamp order (fixed-width time and counter); the node part is the clock's own.
        put.run('hlc', clock > h.hlc ? clock : h.hlc)
        for (const [device, seq] of Object.entries(h.covers)) put.run(APPLIED_PREFIX + device, String(seq))
        if (renew) {
          const old = own.find((m) => m.key === 'device_id')?.value
          const list = (key: string) => JSON.parse(own.find((m) => m.key === key)?.value ?? '[]') as string[]
          if (old) {
            put.run(PREVIOUS_IDS, JSON.stringify([...list(PREVIOUS_IDS), old]))
            put.run(REPLACED_IDS, JSON.stringify([...list(REPLACED_IDS), old]))
          }
          put.run('device_id', randomBytes(8).toString('hex'))
        }
        link(db)
      })()
    } finally {
      db.close()
    }
  } catch (err) {
    fs.rmSync(target, { force: true })
    throw err
  }
  return h
}

const DAY_MS = 86_400_000
/** A new snapshot once the newest is a week old: a joiner replays at most about a week of segments. */
export const SNAPSHOT_EVERY_MS = 7 * DAY_MS
/** A snapshot is relied on for pruning once it is this old: a damaged one is found and replaced first. */
export const SEGMENT_GRACE_MS = 3 * DAY_MS
/** A device whose file is older than this is not waited for: back, it rejoins from the newest snapshot. */
export const ACTIVE_MS = 60 * DAY_MS
/** Snapshots kept in the folder: the newest and the one before, in case the newest will not open. */
export const KEEP_SNAPSHOTS = 2

export function hlcMs(hlc: string): number {
  return parseHlc(hlc)?.ms ?? 0
}

/**
 * Whether this device should write a snapshot now: there is none, or the newest is a week old
 * (plus up to a day, set by the device id, so a team's laptops do not all write at once), and this
 * device holds something the newest does not and all that the newest does; at once when the newest
 * is damaged and this device holds all it claims.
 */
export function snapshotDue(
  newest: TeamSnapshot | undefined,
  device: string,
  nowMs: number,
  holds: Record<string, number>,
  newestDamaged = false,
): boolean {
  const ahead = Object.entries(holds).some(([d, seq]) => seq > (newest?.header.covers[d] ?? 0))
  // Never one that holds less of any stream than the newest: segments pruned by the newest would be
  // missing to whoever joins from this one.
  const behind = Object.entries(newest?.header.covers ?? {}).some(([d, seq]) => (holds[d] ?? 0) < seq)
  if (behind) return false
  // The newest will not open: a whole one in its place, now (what it holds is still to be had).
  if (newestDamaged) return true
  if (!ahead) return false
  if (!newest) return true
  const delay = parseInt(device.slice(0, 6), 16) % DAY_MS
  return nowMs - hlcMs(newest.found.hlc) >= SNAPSHOT_EVERY_MS + delay
}

/**
 * How far into each stream the folder may have lost its segments: what the newest snapshot
 * covers, once it is past the grace period (before that, no device prunes by it). {} otherwise.
 */
export function reliedCovers(newest: TeamSnapshot | undefined, nowMs: number): Record<string, number> {
  return newest && nowMs - hlcMs(newest.found.hlc) >= SEGMENT_GRACE_MS ? newest.header.covers : {}
}

/**
 * The last sequence of `self`'s stream its own segments may be removed through: what the newest
 * snapshot covers, once that snapshot is past the grace period, and what every active teammate
 * has applied. 0 when nothing may go. A joiner starts from the newest snapshot and reads on from
 * where it stops, so nothing it needs is ever removed.
 */
export function prunableThrough(
  newest: TeamSnapshot | undefined,
  self: string,
  teammates: readonly { deviceId: string; wallClock: string; applied: Record<string, number> }[],
  nowMs: number,
): number {
  let through = reliedCovers(newest, nowMs)[self] ?? 0
  for (const d of teammates) {
    if (d.deviceId === self || nowMs - Date.parse(d.wallClock) > ACTIVE_MS) continue
    through = Math.min(through, d.applied[self] ?? 0)
  }
  return through
}

/**
 * This device's own files the folder no longer needs: its segments through `through`, and its
 * snapshots older than the KEEP_SNAPSHOTS newest of the team. Only its own: no device removes
 * another's files. Returns the files removed.
 */
export function pruneOwnFiles(root: string, logDir: string, self: string, through: number): string[] {
  const removed: string[] = []
  const own = path.join(logDir, self)
  let names: string[]
  try {
    names = fs.readdirSync(own)
  } catch {
    names = []
  }
  for (const name of names) {
    const named = parseSegmentName(name)
    if (named && named.lastSeq <= through) {
      fs.rmSync(path.join(own, name), { force: true })
      removed.push(name)
    }
  }
  for (const s of listSnapshots(root).slice(KEEP_SNAPSHOTS)) {
    if (s.device !== self) continue
    fs.rmSync(s.file, { force: true })
    removed.push(path.basename(s.file))
  }
  return removed
}
