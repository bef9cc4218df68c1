// The interaction log over IPC (P4).
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'

export function interactionHandlers({ customers, interactions }: AppContext): HandlerModule {
  return {
    'interactions:list': (input) => {
      customers.requireLive(input.customerId)
      return {
        interactions: interactions.list(input.customerId),
        lastContact: interactions.lastContact(input.customerId),
      }
    },
    'interactions:log': (input) => interactions.log(input.customerId, input.interaction),
    'interactions:delete': (input) => {
      interactions.delete(input.id)
      return { id: input.id }
    },
  }
}
