// Demo data (README "Demo data"): generated multilingual customers with contacts and orders,
// written through the same repositories as typed data, in batches with progress. Runs as a job in
// the worker (jobs/definitions.ts) and from the seed-demo command.
import type { Db } from '../../db/connection'
import type { CustomerRepository } from '../customers/repository'
import type { OrderRepository } from '../orders/repository'
import { orderInputSchema } from '../../../../shared/tiering'
import type { ContactValues, CustomerValues } from '../../../../shared/domain'
import { contactInputSchema, customerInputSchema } from '../../../../shared/domain'
import { checkContact, checkCustomer } from '../../core/validate'
import { createRng, generateDemoCustomers } from '../../core/demo-data'
import { demoRates, generateDemoOrders } from '../../core/demo-orders'
import { localToday } from '../../../../shared/dates'

// Small enough that a batch holds the write lock for ~0.2 s at most, so the window's own saves wait little.
const DEMO_BATCH = 50

/**
 * Loads `count` generated customers in batches, one transaction each, yielding to the event loop
 * between batches so the app stays responsive and progress reaches the window.
 */
export async function loadDemo(
  db: Db,
  repos: { customers: CustomerRepository; orders?: OrderRepository },
  count: number,
  progress: (done: number, total: number) => void = () => undefined,
  seed = Date.now() % 2_147_483_647,
): Promise<number> {
  const { customers, orders } = repos
  const today = localToday()
  const orderRng = createRng(seed + 1)
  // Demo orders need USD rates; existing rates of the same day are left as the team set them.
  if (orders) {
    db.transaction(() => {
      for (const rate of demoRates('2020-01-01'))
        if (orders.rateOn(rate.currency, rate.date) === null) orders.setRate(rate)
    }).immediate()
  }
  let batch: { customer: CustomerValues; contacts: ContactValues[] }[] = []
  let done = 0
  const flush = () => {
    const items = batch
    db.transaction(() => {
      for (const item of items) {
        const id = customers.create(item.customer, item.contacts)
        if (!orders) continue
        for (const o of generateDemoOrders(orderRng, item.customer.currency ?? 'USD', today)) {
          orders.create(id, orderInputSchema.parse(o))
        }
      }
    }).immediate()
    done += items.length
    batch = []
    progress(done, count)
  }
  for (const demo of generateDemoCustomers(count, seed)) {
    const checked = checkCustomer(customerInputSchema.parse(demo.customer))
    const contacts = demo.contacts.map(
      (c) => checkContact(contactInputSchema.parse(c), checked.value.country).value,
    )
    batch.push({ customer: checked.value, contacts })
    if (batch.length === DEMO_BATCH) {
      flush()
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  if (batch.length > 0) flush()
  return done
}
