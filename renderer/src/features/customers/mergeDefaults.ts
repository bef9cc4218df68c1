// The merge dialog's starting choices (P8): per differing field, the value that is there, and when
// both customers have one, the value of the customer edited last.
import type { MergeField, MergePreview } from '../../../../shared/merge'

export type Side = 'a' | 'b'

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}

export function defaultPicks(p: MergePreview): Partial<Record<MergeField, Side>> {
  const newer: Side = p.b.customer.updatedAt > p.a.customer.updatedAt ? 'b' : 'a'
  return Object.fromEntries(
    p.differing.map((f) => {
      if (isEmptyValue(p.a.customer[f])) return [f, 'b']
      if (isEmptyValue(p.b.customer[f])) return [f, 'a']
      return [f, newer]
    }),
  )
}

/** Fields worth saying are the same in both: identity fields with a value and no difference. */
export function sameFields(p: MergePreview): MergeField[] {
  const worthSaying: MergeField[] = ['displayName', 'country', 'city', 'website', 'owner', 'industry']
  return worthSaying.filter((f) => !p.differing.includes(f) && !isEmptyValue(p.a.customer[f]))
}
