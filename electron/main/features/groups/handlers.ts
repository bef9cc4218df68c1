// Groups over IPC (G1–G4): built-in groupings, smart and static groups, member pages, figures,
// bulk actions and exports.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { savedLanguage } from '../exports/handlers'

export function groupHandlers({ groups, db, jobs }: AppContext): HandlerModule {
  return {
    'groups:list': () => ({ groups: groups.list() }),
    'groups:save': (input) => groups.save(input.id ?? null, input.group),
    'groups:delete': (input) => {
      groups.delete(input.id)
      return { id: input.id }
    },
    'groups:buckets': (input) => ({ buckets: groups.buckets(input.grouping) }),
    'groups:members': (input) => groups.members(input),
    'groups:figures': (input) => groups.figures(input.selection),
    'groups:addMembers': (input) => ({ added: groups.addMembers(input.groupId, input.customerIds) }),
    'groups:removeMembers': (input) => ({ removed: groups.removeMembers(input.groupId, input.customerIds) }),
    'groups:bulk': (input) => groups.bulk(input.selection, input.customerIds ?? null, input.action),
    // Built in the job worker (features/exports/handlers.ts says why).
    'groups:export': (input) =>
      jobs.run('exportGroup', {
        selection: input.selection,
        customerIds: input.customerIds ?? null,
        format: input.format,
        language: input.language ?? savedLanguage(db),
      }),
    'groups:emails': (input) => groups.emails(input.selection, input.customerIds ?? null),
  }
}
