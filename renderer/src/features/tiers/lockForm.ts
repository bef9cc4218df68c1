// The tier-lock form as data (fields, labels, checks), apart from the dialog so the form-errors
// unit test runs its errors in every language like the other customer-page forms.
import { tierLockInputSchema } from '../../../../shared/tiering'
import type { ValueTier } from '../../../../shared/tiering'
import { schemaIssues } from '../../components/formErrors'
import type { FormSpec } from '../../components/formErrors'

export type LockDraft = { tier: string | null; reason: string }

/** What tiers:lock takes to lock `customerId` at the drafted tier. */
export function toLockInput(customerId: string, d: LockDraft) {
  return { customerId, locked: true as const, tier: d.tier as ValueTier, reason: d.reason }
}

const LABELS: Record<string, string> = { tier: 'tiers.tier', reason: 'tiers.reason' }

export const lockFormSpec: FormSpec<LockDraft> = {
  labels: LABELS,
  fieldOf: (path) => {
    const field = path.find((p): p is string => typeof p === 'string' && p in LABELS)
    return field ?? null
  },
  // The customer id is the page's, not typed: any placeholder shows only the typed fields' issues.
  check: (d) => schemaIssues(tierLockInputSchema, toLockInput('-', d), (p) => lockFormSpec.fieldOf(p)),
}
