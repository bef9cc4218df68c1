// Trade-fair mode over IPC (F1): fairs, the capture form, its duplicate suggestions, the triage
// list, and the business-card photos shown on the customer page.
import fs from 'node:fs'
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { AppFailure } from '../../../../shared/errors'
import { FairRepository } from './repository'
import { attachmentPath } from './files'

export function fairHandlers(ctx: AppContext): HandlerModule {
  const fairs = new FairRepository(ctx)
  return {
    'fairs:list': () => ({ fairs: fairs.list() }),
    'fairs:create': (input) => fairs.save(null, input.fair),
    'fairs:update': (input) => fairs.save(input.id, input.fair),
    'fair:duplicates': (input) => ({ candidates: fairs.duplicates(input) }),
    'fair:capture': (input) => fairs.capture(input),
    'fair:leads': (input) => fairs.leads(input.fairId),
    'fair:triage': (input) => fairs.triage(input.ids, input.temperature, input.owner),
    'attachments:list': (input) => ({ attachments: fairs.attachments(input.customerId) }),
    'attachments:get': (input) => {
      const a = fairs.attachment(input.id)
      // A row synced from another laptop may name a file not copied here yet.
      let bytes: Buffer
      try {
        bytes = fs.readFileSync(attachmentPath(ctx.dataDir, a.sha256, a.mime))
      } catch {
        throw new AppFailure('attachment_missing')
      }
      return { attachment: a, base64: bytes.toString('base64') }
    },
  }
}
