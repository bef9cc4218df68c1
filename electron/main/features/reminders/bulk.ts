// G4: a reminder for every customer of a group view at once, from its bulk bar. One transaction
// around the reminders' writes, so a refused customer (or any failure) leaves none written.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'

export function reminderBulkHandlers({ db, groups, reminders }: AppContext): HandlerModule {
  return {
    'reminders:createMany': (input) => {
      // The view's customers, or its ticked ones with merged-away ids turned into their survivors
      // (main refuses ids no longer in the view, as every bulk action does).
      const ids = groups.customerIds(input.selection, input.customerIds ?? null)
      const created = db
        .transaction(() => ids.map((id) => reminders.create(id, input.reminder)).length)
        .immediate()
      return { created }
    },
  }
}
