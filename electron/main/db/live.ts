// Children (orders, interactions, feedback, locks) may only be added to a customer that exists and
// is not deleted; every repository asks the same question the same way.
import type { Db } from './connection'
import { AppFailure } from '../../../shared/errors'

/** A check that throws `not_found` unless the customer exists and is not deleted. */
export function liveCustomerGuard(db: Db): (customerId: string) => void {
  const stmt = db.prepare('SELECT 1 FROM customers WHERE id = ? AND deleted_at IS NULL').pluck()
  return (customerId) => {
    if (!stmt.get(customerId)) throw new AppFailure('not_found')
  }
}
