// The team's shared folder itself (design/sync.md "Shared folder layout"): `TradeTier/team.json`
// names the team and is checked before anything else is read or written, and each device keeps
// `devices/<deviceId>.json` up to date for the others. Joplin's worst data loss came from an
// unmounted share read as "everything was deleted": here a folder that is missing, empty (an
// unmounted mount point looks empty), unreadable or another team's pauses sync with the reason,
// and nothing is written to it or taken from it.
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'

/** The shared folder's own format; a newer one makes this app read-only for sync. */
export const TEAM_FORMAT = 1
export const TEAM_DIR = 'TradeTier'
/**
 * The oldest TradeTier that reads a folder of TEAM_FORMAT, written into each new team.json: the
 * format, not the creating app's version, decides who can join (no release predates format 1).
 */
export const TEAM_FORMAT_MIN_APP = '0.0.0'

const teamFile = z.object({
  teamId: z.string().regex(/^[0-9a-f-]{36}$/),
  name: z.string().min(1).max(200),
  format: z.number().int().positive(),
  minAppVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  createdAt: z.string(),
})
export type TeamFile = z.infer<typeof teamFile>

const deviceFile = z.object({
  deviceId: z.string().regex(/^[0-9a-f]{16}$/),
  deviceName: z.string().min(1).max(100),
  userName: z.string().min(1).max(100),
  appVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  /** The last sequence this device published. */
  publishedSeq: z.number().int().nonnegative(),
  /** Per other device, the highest contiguous sequence applied here. */
  applied: z.record(z.string(), z.number().int().nonnegative()),
  /** This device's wall clock when it wrote the file, to name a device whose clock is off. */
  wallClock: z.string(),
  /** Earlier ids of this install (a restored backup took a new one): left out of the device list. */
  replaces: z
    .array(z.string().regex(/^[0-9a-f]{16}$/))
    .max(1000)
    .optional(),
})
export type DeviceFile = z.infer<typeof deviceFile>

/** Why sync is paused on this folder (Settings → Team will say each in words). */
export type FolderProblem =
  | 'missing' // the folder is not there (a share not mounted, a USB stick not plugged in)
  | 'not_a_folder'
  | 'empty' // nothing at all in it: an unmounted mount point, or a share not synced down yet
  | 'no_team' // files, but no TradeTier/team.json: not a team folder
  | 'foreign_team' // another team's folder
  | 'newer_format' // made by a newer TradeTier: update to sync
  | 'unreadable' // permissions, or a team.json that is not valid

export type FolderCheck = { ok: true; team: TeamFile; root: string } | { ok: false; problem: FolderProblem }

/**
 * Whether `folder` is the team's folder (of `teamId` when the device is already in a team), read
 * before anything else is: returns the team, or why sync must pause. Reads only; never creates.
 */
export function checkTeamFolder(folder: string, teamId?: string): FolderCheck {
  let entries: string[]
  try {
    if (!fs.statSync(folder).isDirectory()) return { ok: false, problem: 'not_a_folder' }
    entries = fs.readdirSync(folder)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return { ok: false, problem: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable' }
  }
  if (entries.length === 0) return { ok: false, problem: 'empty' }
  const root = path.join(folder, TEAM_DIR)
  let raw: string
  try {
    raw = fs.readFileSync(path.join(root, 'team.json'), 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return { ok: false, problem: code === 'ENOENT' || code === 'ENOTDIR' ? 'no_team' : 'unreadable' }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return { ok: false, problem: 'unreadable' }
  }
  // The format first: a newer file may have other fields, and must say "update", not "damaged".
  const format = (parsed as { format?: unknown } | null)?.format
  if (typeof format === 'number' && format > TEAM_FORMAT) return { ok: false, problem: 'newer_format' }
  const team = teamFile.safeParse(parsed)
  if (!team.success) return { ok: false, problem: 'unreadable' }
  if (teamId && team.data.teamId !== teamId) return { ok: false, problem: 'foreign_team' }
  return { ok: true, team: team.data, root }
}

/**
 * Makes `folder` a new team's folder: `TradeTier/team.json` (written once, whole) and the `log`,
 * `devices` and `snapshots` folders. Refuses a folder that already holds a team (join it instead)
 * or that cannot be written; `folder` itself must exist (a missing share is not created locally).
 */
export function createTeamFolder(
  folder: string,
  team: { name: string; minAppVersion: string; now: Date },
):
  | { ok: true; team: TeamFile; root: string }
  | { ok: false; problem: 'missing' | 'already_team' | 'unwritable' } {
  try {
    if (!fs.statSync(folder).isDirectory()) return { ok: false, problem: 'missing' }
  } catch {
    return { ok: false, problem: 'missing' }
  }
  const root = path.join(folder, TEAM_DIR)
  if (fs.existsSync(path.join(root, 'team.json'))) return { ok: false, problem: 'already_team' }
  const file: TeamFile = {
    teamId: randomUUID(),
    name: team.name,
    format: TEAM_FORMAT,
    minAppVersion: team.minAppVersion,
    createdAt: team.now.toISOString(),
  }
  const temp = path.join(root, `.tmp-${randomUUID()}`)
  try {
    for (const dir of ['log', 'devices', 'snapshots']) fs.mkdirSync(path.join(root, dir), { recursive: true })
    // Whole or absent: a crash mid-write must not leave a team.json that reads as damaged.
    writeWhole(temp, JSON.stringify(file, null, 2))
    fs.renameSync(temp, path.join(root, 'team.json'))
  } catch {
    return { ok: false, problem: 'unwritable' }
  } finally {
    fs.rmSync(temp, { force: true })
  }
  return { ok: true, team: file, root }
}

/** Writes this device's file: to a temp file, fsynced, then renamed over the old one. */
export function writeDeviceFile(root: string, device: DeviceFile): void {
  const parsed = deviceFile.parse(device)
  const dir = path.join(root, 'devices')
  fs.mkdirSync(dir, { recursive: true })
  const temp = path.join(dir, `.tmp-${randomUUID()}`)
  try {
    writeWhole(temp, JSON.stringify(parsed, null, 2))
    fs.renameSync(temp, path.join(dir, `${parsed.deviceId}.json`))
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

/**
 * Every device's file that reads as one, by the strict name `<deviceId>.json` whose content names
 * the same device; the rest (conflicted copies, temp files, damaged files) listed to report.
 */
export function readDeviceFiles(root: string): { devices: DeviceFile[]; ignored: string[] } {
  const dir = path.join(root, 'devices')
  const devices: DeviceFile[] = []
  const ignored: string[] = []
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return { devices, ignored }
  }
  for (const name of names.sort()) {
    const m = /^([0-9a-f]{16})\.json$/.exec(name)
    const parsed = m ? readJson(path.join(dir, name)) : undefined
    const device = parsed === undefined ? null : deviceFile.safeParse(parsed)
    if (m && device?.success && device.data.deviceId === m[1]) devices.push(device.data)
    else ignored.push(name)
  }
  return { devices, ignored }
}

/** The team's computers: ids an install left behind when a restore renewed it are not among them. */
export function currentDevices(devices: readonly DeviceFile[]): DeviceFile[] {
  const replaced = new Set(devices.flatMap((d) => d.replaces ?? []))
  return devices.filter((d) => !replaced.has(d.deviceId))
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
  } catch {
    return undefined
  }
}

function writeWhole(file: string, text: string): void {
  const fd = fs.openSync(file, 'wx')
  try {
    fs.writeFileSync(fd, text)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}
