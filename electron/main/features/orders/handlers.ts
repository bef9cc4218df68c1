// Orders and exchange rates over IPC (P3). An order write's figures and tier follow inside the
// write (derivations.ts); a rates file is checked and written by a job, all rows or none.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import type { Order, OrderWrite } from '../../../../shared/tiering'

export function orderHandlers({ db, customers, orders, figures, tiers, jobs }: AppContext): HandlerModule {
  /**
   * Runs an order write and reads the customer's tier before and after it in the same
   * transaction: the write's derivation re-tiers the customer, so the difference is the move this
   * order caused and nothing else.
   */
  const nameOf = db.prepare('SELECT display_name FROM customers WHERE id = ?').pluck()
  const withTierChange = (customerId: string, write: () => Order): OrderWrite =>
    db.transaction(() => {
      const before = tiers.current(customerId)?.tier ?? 'ordinary'
      const order = write()
      const after = tiers.current(customerId)?.tier ?? 'ordinary'
      const tierChange =
        before === after ? null : { customerName: nameOf.get(customerId) as string, from: before, to: after }
      return { ...order, tierChange }
    })()

  return {
    'orders:list': (input) => {
      customers.requireLive(input.customerId)
      return { orders: orders.list(input.customerId), figures: figures.stored(input.customerId) }
    },
    'orders:create': (input) =>
      withTierChange(input.customerId, () => orders.create(input.customerId, input.order)),
    'orders:update': (input) =>
      withTierChange(orders.get(input.id).customerId, () => orders.update(input.id, input.patch)),
    'orders:delete': (input) => {
      orders.delete(input.id)
      return { id: input.id }
    },
    'rates:list': () => ({ rates: orders.rates() }),
    'rates:set': (input) => orders.setRate(input),
    'rates:import': (input) => jobs.run('importRates', { csv: input.csv }),
  }
}
