// Orders and exchange rates over IPC (P3). An order write's figures and tier follow inside the
// write (derivations.ts); a rates file is checked and written by a job, all rows or none.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'

export function orderHandlers({ customers, orders, figures, jobs }: AppContext): HandlerModule {
  return {
    'orders:list': (input) => {
      customers.requireLive(input.customerId)
      return { orders: orders.list(input.customerId), figures: figures.stored(input.customerId) }
    },
    'orders:create': (input) => orders.create(input.customerId, input.order),
    'orders:update': (input) => orders.update(input.id, input.patch),
    'orders:delete': (input) => {
      orders.delete(input.id)
      return { id: input.id }
    },
    'rates:list': () => ({ rates: orders.rates() }),
    'rates:set': (input) => orders.setRate(input),
    'rates:import': (input) => jobs.run('importRates', { csv: input.csv }),
  }
}
