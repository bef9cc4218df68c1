// Children (orders, interactions, feedback, locks) may only be added to a customer that exists and
// is not deleted; every repository asks the same question the same way. A customer merged into
// another (P8) is a tombstone naming its survivor: a write aimed at it (a stale window, an edit
// synced from a device that had not seen the merge) goes to the survivor instead of failing.
import type { Db } from './connection'
import { AppFailure } from '../../../shared/errors'

/** Longest merged_into chain followed; a longer one (or a cycle from conflicting merges) is refused. */
const MAX_HOPS = 16

/** The live customer `customerId` stands for (itself, or where its merges lead), or null. */
export function customerResolver(db: Db): (customerId: string) => string | null {
  const stmt = db.prepare('SELECT deleted_at, merged_into FROM customers WHERE id = ?')
  return (customerId) => {
    let id = customerId
    for (let hop = 0; hop <= MAX_HOPS; hop++) {
      const row = stmt.get(id) as { deleted_at: string | null; merged_into: string | null } | undefined
      if (!row) return null
      if (row.deleted_at === null) return id
      if (!row.merged_into) return null
      id = row.merged_into
    }
    return null
  }
}

/**
 * A check that throws `not_found` unless the customer is live or was merged into a live one;
 * returns the id to write to (the survivor for a merged-away customer).
 */
export function liveCustomerGuard(db: Db): (customerId: string) => string {
  const live = db.prepare('SELECT 1 FROM customers WHERE id = ? AND deleted_at IS NULL').pluck()
  const resolve = customerResolver(db)
  return (customerId) => {
    // The common case reads one index entry; only a tombstone follows the chain.
    if (live.get(customerId)) return customerId
    const survivor = resolve(customerId)
    if (!survivor) throw new AppFailure('not_found')
    return survivor
  }
}
