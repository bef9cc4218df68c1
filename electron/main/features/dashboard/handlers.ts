// The dashboard over IPC (A1): read from aggregates the write path and triggers keep current.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { dashboard } from './dashboard'

export function dashboardHandlers({ db, retier, today }: AppContext): HandlerModule {
  return {
    'dashboard:get': () => dashboard(db, retier, today()),
  }
}
