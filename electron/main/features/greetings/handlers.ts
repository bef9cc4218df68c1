// Greetings over IPC (R4): templates and their settings, drafts, who a holiday's greetings go to,
// and marking one sent.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { GreetingTemplates } from './templates'
import { GreetingDrafts } from './drafts'
import { readSettings, saveSettings } from './settings'

export function greetingHandlers(ctx: AppContext): HandlerModule {
  const templates = new GreetingTemplates(ctx.db, ctx.writer, ctx.now)
  const drafts = new GreetingDrafts(ctx, templates)
  return {
    'greetings:templates': () => ({ templates: templates.list(), settings: readSettings(ctx.db) }),
    'greetings:saveTemplate': (input) =>
      templates.save(input.occasion, input.lang, input.subject, input.body),
    'greetings:resetTemplate': (input) => templates.reset(input.occasion, input.lang),
    'greetings:saveSettings': (input) => {
      const saved = saveSettings(ctx.db, input)
      // Settings are device-local meta, not synced rows (as settings:set does).
      ctx.changes.touch('meta')
      return saved
    },
    'greetings:draft': (input) => drafts.draft(input),
    'greetings:recipients': (input) => drafts.recipients(input.target, input.limit),
    'greetings:status': (input) => ({
      statuses: input.items.map((item) => {
        if (item.target.occasion === 'birthday' || item.customerId) {
          if (!item.customerId) return { sent: 0, total: 0 }
          return { sent: Number(drafts.sent(item.customerId, item.target, item.contactId ?? null)), total: 1 }
        }
        const r = drafts.recipients(item.target, 1)
        return { sent: r.sent, total: r.total }
      }),
    }),
    'greetings:markSent': (input) => drafts.markSent(input),
  }
}
