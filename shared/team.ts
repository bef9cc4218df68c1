// Team sync through a shared folder (SPEC S1–S3, design/sync.md), as the contract carries it: the
// folder this device syncs with, what the last pass did, and what waits.
import { z } from 'zod'

/** Why sync is paused on a folder, or why creating or joining one was refused. */
export const FOLDER_PROBLEMS = [
  'missing',
  'not_a_folder',
  'empty',
  'no_team',
  'foreign_team',
  'newer_format',
  'unreadable',
  'already_team',
  'unwritable',
  // This computer's data is older than what it already sent the team (restored or copied by hand).
  'restored_copy',
] as const
export type TeamFolderProblem = (typeof FOLDER_PROBLEMS)[number]
/** What team:create, team:join and sync:now may refuse with (error team_folder, details.problem). */
export const TEAM_PROBLEMS = [...FOLDER_PROBLEMS, 'in_team', 'no_link'] as const
export type TeamProblem = (typeof TEAM_PROBLEMS)[number]

const folderInput = z.string().trim().min(1, { error: 'required' }).max(1000, { error: 'too_long' })
const nameInput = z.string().trim().min(1, { error: 'required' }).max(100, { error: 'too_long' })

/** `userName`: the person using this computer, recorded on every change it makes and offered as an owner. */
export const teamCreateSchema = z.object({
  folder: folderInput,
  name: nameInput,
  deviceName: nameInput,
  userName: nameInput,
})
export const teamJoinSchema = z.object({ folder: folderInput, deviceName: nameInput, userName: nameInput })

export const syncReportSchema = z.object({
  at: z.string(),
  published: z.number(),
  received: z.number(),
  conflicts: z.number(),
  /** A teammate's stream stopped at a segment not arrived in full, damaged, or from a newer app. */
  waiting: z.array(z.object({ device: z.string(), problem: z.string() })),
  /** Set when the folder could not be used: nothing was read or written. */
  problem: z.enum(FOLDER_PROBLEMS).nullable(),
})
export type SyncReport = z.infer<typeof syncReportSchema>

/** One side of a conflict: the value, when it was set and on which computer. */
const conflictSideSchema = z.object({
  value: z.union([z.string(), z.number(), z.null()]),
  at: z.string(),
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  /** The person on that computer, as its team settings name them. */
  userName: z.string().nullable(),
})

/** A field two teammates changed without seeing each other's value (open ones, newest first). */
export const conflictSchema = z.object({
  id: z.number(),
  table: z.string(),
  rowId: z.string(),
  column: z.string(),
  /** What the row is to a person: a customer's or contact's name; null for other rows. */
  label: z.string().nullable(),
  /** The customer the row belongs to, for a link (customers and contacts). */
  customerId: z.string().nullable(),
  /** The value every computer now shows (the later stamp). */
  kept: conflictSideSchema,
  /** The other value, kept here to choose instead. */
  other: conflictSideSchema,
})
export type SyncConflict = z.infer<typeof conflictSchema>

/** What the header shows of sync: read from this device's own state only, no folder access. */
export const syncStateSchema = z.object({
  inTeam: z.boolean(),
  last: syncReportSchema.nullable(),
  /** Open conflicts to review. */
  conflicts: z.number(),
  /** Teammates' changes from a newer TradeTier, kept until this one is updated. */
  parked: z.number(),
})
export type SyncState = z.infer<typeof syncStateSchema>

export const teamStatusSchema = z.object({
  /** Null: this device is in no team. */
  team: z.object({ id: z.string(), name: z.string(), folder: z.string() }).nullable(),
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  userName: z.string().nullable(),
  /** Changes made here and not yet sealed in the folder. */
  pending: z.number(),
  /** Cells two teammates edited without seeing each other's value, not yet looked at. */
  conflicts: z.number(),
  /** Teammates' changes from a newer TradeTier, kept until this one is updated. */
  parked: z.number(),
  last: syncReportSchema.nullable(),
  devices: z.array(
    z.object({
      deviceId: z.string(),
      deviceName: z.string(),
      userName: z.string(),
      appVersion: z.string(),
      /** When it last passed with the folder, by its own clock (to ten minutes: DEVICE_FILE_REFRESH_MS). */
      seenAt: z.string(),
      /** How far its clock was ahead of this one's when its file was read, when over an hour; else null. */
      clockAheadMs: z.number().nullable(),
    }),
  ),
})
export type TeamStatus = z.infer<typeof teamStatusSchema>
