// The user's own column mappings, saved by name per kind (a French order book, the Canton Fair
// sheet…). A device setting in meta: a mapping describes one person's files, not team data.
import type { Db } from '../../db/connection'
import { metaRead, metaSet } from '../../db/device'
import type { ImportKind, Mapping } from '../../../../shared/import'
import { IMPORT_KINDS, mappingSchema } from '../../../../shared/import'
import { z } from 'zod'

const KEY = 'import_presets'
const storedSchema = z.array(
  z.object({ name: z.string(), kind: z.enum(IMPORT_KINDS), mapping: mappingSchema }),
)
export type SavedPreset = z.infer<typeof storedSchema>[number]

export function savedPresets(db: Db): SavedPreset[] {
  const raw = metaRead(db, KEY)
  if (!raw) return []
  const parsed = storedSchema.safeParse(JSON.parse(raw))
  // A value written by a newer version we cannot read is left alone, not overwritten on read.
  return parsed.success ? parsed.data : []
}

/** Saves (or replaces, same name and kind) a mapping. */
export function savePreset(db: Db, name: string, kind: ImportKind, mapping: Mapping): void {
  const rest = savedPresets(db).filter((p) => !(p.name === name && p.kind === kind))
  metaSet(db, KEY, JSON.stringify([...rest, { name, kind, mapping }]))
}
