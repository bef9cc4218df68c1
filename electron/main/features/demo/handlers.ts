// Demo data on request (an empty app offers it): a job in the worker, refused once the database
// holds customers, so a click can never mix generated companies into a team's real base.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { AppFailure } from '../../../../shared/errors'

export function demoHandlers({ customers, jobs }: AppContext): HandlerModule {
  return {
    'demo:load': (input) => {
      if (customers.count() > 0) throw new AppFailure('not_empty')
      return jobs.run('demo', { customers: input.customers })
    },
  }
}
