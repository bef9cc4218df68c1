// What the Backups screen and the backups:* channels exchange (SPEC D2/D3).
import { z } from 'zod'

/** Automatic (daily, weekly, monthly), by hand, before a migration, and before a restore replaced the data. */
export const BACKUP_KINDS = [
  'daily',
  'weekly',
  'monthly',
  'manual',
  'pre-migration',
  'before-restore',
] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

export const rotationSchema = z.object({
  daily: z.number().int().min(1).max(60),
  weekly: z.number().int().min(0).max(52),
  monthly: z.number().int().min(0).max(120),
})
export type Rotation = z.infer<typeof rotationSchema>
export const DEFAULT_ROTATION: Rotation = { daily: 7, weekly: 4, monthly: 12 }

/** A backup file name as main writes them (kind-stamp.db): the only names the channels accept. */
export const backupNameSchema = z
  .string()
  .max(120)
  .regex(/^[a-z-]+-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.db$/)

export const backupEntrySchema = z.object({
  name: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  size: z.number(),
  customers: z.number(),
  orders: z.number(),
  schemaVersion: z.number(),
  /** Null for copies written before backups recorded it. */
  appVersion: z.string().nullable(),
  deviceId: z.string().nullable(),
  lastChange: z.string().nullable(),
})
export type BackupEntry = z.infer<typeof backupEntrySchema>

export const backupPreviewSchema = z.object({
  name: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  customers: z.number(),
  orders: z.number(),
  lastChange: z.string().nullable(),
  appVersion: z.string().nullable(),
  schemaVersion: z.number(),
})
export type BackupPreview = z.infer<typeof backupPreviewSchema>

export const backupListSchema = z.object({ backups: z.array(backupEntrySchema), rotation: rotationSchema })
