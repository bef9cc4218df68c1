// Everything the customer page's parts read, asked for at once when the page opens (or when the
// pointer rests on a link to it), so the calls run side by side instead of each card waiting for
// the card above it to mount. Keep in step with the page: a read missing here still works, it
// just starts later.
import { prefetch, prefetchAll } from '../../app/data'

/** Null when the page's reads are all in already; else settled once they all are. */
export function prefetchCustomer(id: string): Promise<void> | null {
  return prefetchAll([
    prefetch('customers:get', { id }),
    prefetch('orders:list', { customerId: id }),
    prefetch('tiers:get', { customerId: id }),
    prefetch('interactions:list', { customerId: id }),
    prefetch('reminders:list', { customerId: id }),
    prefetch('feedback:list', { customerId: id }),
    prefetch('policy:get', {}),
    prefetch('customers:facets', {}),
    prefetch('groups:list', {}),
    prefetch('attachments:list', { customerId: id }),
  ])
}
