// Customer feedback over IPC (P5), with the open complaints and the return rate the profile shows.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'

export function feedbackHandlers({ customers, feedback, orders }: AppContext): HandlerModule {
  return {
    'feedback:list': (input) => {
      customers.requireLive(input.customerId)
      return {
        feedback: feedback.list(input.customerId),
        openComplaints: feedback.openComplaints(input.customerId),
        returnRate: orders.returnRate(input.customerId),
      }
    },
    'feedback:add': (input) => feedback.add(input.customerId, input.feedback),
    'feedback:resolve': (input) => feedback.setResolved(input.id, input.resolved),
    'feedback:delete': (input) => {
      feedback.delete(input.id)
      return { id: input.id }
    },
  }
}
