import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  TEAM_DIR,
  TEAM_FORMAT,
  checkTeamFolder,
  createTeamFolder,
  readDeviceFiles,
  writeDeviceFile,
} from '../../electron/main/sync/team-folder'
import type { DeviceFile } from '../../electron/main/sync/team-folder'

const now = new Date('2026-12-06T10:00:00Z')
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tt-team-'))

/** Every file under `dir` with its bytes: to show a check changed nothing. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(e.parentPath, e.name)
    if (e.isFile()) out[path.relative(dir, file)] = fs.readFileSync(file, 'utf8')
  }
  return out
}

const device = (id: string, seq: number): DeviceFile => ({
  deviceId: id,
  deviceName: 'Anne’s laptop',
  userName: 'Anne Martin',
  appVersion: '0.1.0',
  schemaVersion: 20,
  publishedSeq: seq,
  applied: {},
  wallClock: now.toISOString(),
})

describe('the team folder', () => {
  it('is created once, with team.json and its folders, and then checks as that team', () => {
    const folder = tempDir()
    const made = createTeamFolder(folder, { name: 'Export team', minAppVersion: '0.1.0', now })
    expect(made.ok).toBe(true)
    if (!made.ok) return
    expect(fs.readdirSync(path.join(folder, TEAM_DIR)).sort()).toEqual([
      'devices',
      'log',
      'snapshots',
      'team.json',
    ])
    expect(checkTeamFolder(folder)).toEqual({ ok: true, team: made.team, root: made.root })
    expect(checkTeamFolder(folder, made.team.teamId).ok).toBe(true)
    // A second team in the same folder is refused: join it instead.
    expect(createTeamFolder(folder, { name: 'Other', minAppVersion: '0.1.0', now })).toEqual({
      ok: false,
      problem: 'already_team',
    })
  })

  it('pauses on a missing, empty, foreign, newer or damaged folder, saying which, and changes nothing', () => {
    const base = tempDir()
    expect(checkTeamFolder(path.join(base, 'not-mounted'))).toEqual({ ok: false, problem: 'missing' })
    fs.writeFileSync(path.join(base, 'a-file'), 'x')
    expect(checkTeamFolder(path.join(base, 'a-file'))).toEqual({ ok: false, problem: 'not_a_folder' })

    // An unmounted mount point: an empty directory.
    const empty = path.join(base, 'empty')
    fs.mkdirSync(empty)
    expect(checkTeamFolder(empty)).toEqual({ ok: false, problem: 'empty' })

    const plain = path.join(base, 'plain')
    fs.mkdirSync(plain)
    fs.writeFileSync(path.join(plain, 'invoice.pdf'), 'x')
    expect(checkTeamFolder(plain)).toEqual({ ok: false, problem: 'no_team' })

    const ours = path.join(base, 'ours')
    const theirs = path.join(base, 'theirs')
    fs.mkdirSync(ours)
    fs.mkdirSync(theirs)
    const a = createTeamFolder(ours, { name: 'A', minAppVersion: '0.1.0', now })
    const b = createTeamFolder(theirs, { name: 'B', minAppVersion: '0.1.0', now })
    if (!a.ok || !b.ok) throw new Error('setup')
    const before = contents(theirs)
    expect(checkTeamFolder(theirs, a.team.teamId)).toEqual({ ok: false, problem: 'foreign_team' })

    const newer = path.join(base, 'newer')
    fs.mkdirSync(path.join(newer, TEAM_DIR), { recursive: true })
    fs.writeFileSync(
      path.join(newer, TEAM_DIR, 'team.json'),
      JSON.stringify({ format: TEAM_FORMAT + 1, somethingNew: true }),
    )
    expect(checkTeamFolder(newer)).toEqual({ ok: false, problem: 'newer_format' })

    const damaged = path.join(base, 'damaged')
    fs.mkdirSync(path.join(damaged, TEAM_DIR), { recursive: true })
    fs.writeFileSync(path.join(damaged, TEAM_DIR, 'team.json'), '{"teamId": "trunc')
    expect(checkTeamFolder(damaged)).toEqual({ ok: false, problem: 'unreadable' })

    // Checking wrote nothing anywhere.
    expect(contents(theirs)).toEqual(before)
    expect(fs.readdirSync(empty)).toEqual([])
  })

  it('keeps one file per device, whole, and reads only those that say who they are', () => {
    const folder = tempDir()
    const made = createTeamFolder(folder, { name: 'T', minAppVersion: '0.1.0', now })
    if (!made.ok) throw new Error('setup')
    writeDeviceFile(made.root, device('0192f3a45b6c7d8e', 3))
    writeDeviceFile(made.root, device('0192f3a45b6c7d8e', 9))
    writeDeviceFile(made.root, device('9f00665544332211', 1))
    const dir = path.join(made.root, 'devices')
    fs.copyFileSync(path.join(dir, '9f00665544332211.json'), path.join(dir, '9f00665544332211 (1).json'))
    // A file whose name and content disagree, and a half-written one.
    fs.copyFileSync(path.join(dir, '9f00665544332211.json'), path.join(dir, 'aaaaaaaaaaaaaaaa.json'))
    fs.writeFileSync(path.join(dir, 'bbbbbbbbbbbbbbbb.json'), '{"deviceId":')

    const { devices, ignored } = readDeviceFiles(made.root)
    expect(devices.map((d) => [d.deviceId, d.publishedSeq])).toEqual([
      ['0192f3a45b6c7d8e', 9],
      ['9f00665544332211', 1],
    ])
    expect(ignored.sort()).toEqual(
      ['9f00665544332211 (1).json', 'aaaaaaaaaaaaaaaa.json', 'bbbbbbbbbbbbbbbb.json'].sort(),
    )
    expect(fs.readdirSync(dir).some((n) => n.startsWith('.tmp-'))).toBe(false)
    // A device file that is not one is refused before anything is written.
    expect(() => writeDeviceFile(made.root, { ...device('0192f3a45b6c7d8e', 1), deviceId: 'nope' })).toThrow()
  })
})
