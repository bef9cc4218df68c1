// Groups over IPC (G1–G4): built-in groupings, smart and static groups, member pages, figures,
// bulk actions and exports.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { exportSelection } from './export'
import { metaRead } from '../../db/device'
import { UI_LANGUAGES } from '../../../../shared/vocabulary'
import type { UiLanguage } from '../../../../shared/vocabulary'

export function groupHandlers({ groups, db }: AppContext): HandlerModule {
  /** The language the user works in (settings:get's value), English before one was chosen. */
  const savedLanguage = (): UiLanguage => {
    const v = metaRead(db, 'ui_language')
    return v && (UI_LANGUAGES as readonly string[]).includes(v) ? (v as UiLanguage) : 'en'
  }
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
    'groups:export': (input) =>
      exportSelection(groups, {
        selection: input.selection,
        customerIds: input.customerIds ?? null,
        format: input.format,
        language: input.language ?? savedLanguage(),
      }),
    'groups:emails': (input) => groups.emails(input.selection, input.customerIds ?? null),
  }
}
