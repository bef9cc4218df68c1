// Orders and exchange rates over IPC (P3). An order write's figures and tier follow inside the
// write (derivations.ts); a rates file is checked and written by a job, all rows or none.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import type { Order, OrderWrite, TierChange } from '../../../../shared/tiering'

export function orderHandlers({ db, customers, orders, figures, tiers, jobs }: AppContext): HandlerModule {
  /**
   * Runs an order write and reads the customer's tier before and after it in the same
   * transaction: the write's derivation re-tiers the customer, so the difference is the move this
   * write caused and nothing else.
   */
  const nameOf = db.prepare('SELECT display_name FROM customers WHERE id = ?').pluck()
  const withTierChange = <T>(customerId: string, write: () => T): [T, TierChange] =>
    db
      .transaction((): [T, TierChange] => {
        const before = tiers.current(customerId)?.tier ?? 'ordinary'
        const result = write()
        const after = tiers.current(customerId)?.tier ?? 'ordinary'
        return [
          result,
          before === after
            ? null
            : { customerName: nameOf.get(customerId) as string, from: before, to: after },
        ]
      })
      .immediate()
  const orderWrite = (customerId: string, write: () => Order): OrderWrite => {
    const [order, tierChange] = withTierChange(customerId, write)
    return { ...order, tierChange }
  }

  return {
    'orders:list': (input) => {
      customers.requireLive(input.customerId)
      return { orders: orders.list(input.customerId), figures: figures.stored(input.customerId) }
    },
    'orders:create': (input) => {
      // An order for a merged-away customer goes to its survivor (P8), whose tier it moves.
      const customerId = customers.requireLive(input.customerId)
      return orderWrite(customerId, () => orders.create(customerId, input.order))
    },
    'orders:update': (input) =>
      orderWrite(orders.get(input.id).customerId, () => orders.update(input.id, input.patch)),
    'orders:delete': (input) => {
      const [, tierChange] = withTierChange(orders.get(input.id).customerId, () => orders.delete(input.id))
      return { id: input.id, tierChange }
    },
    'rates:list': () => ({ rates: orders.rates() }),
    'rates:set': (input) => orders.setRate(input),
    'rates:import': (input) => jobs.run('importRates', { csv: input.csv }),
  }
}
