// The interaction log (P4): calls, emails, visits, fair talks… Insert-only events (a mistake is
// deleted, not edited), written through SyncWriter; the newest date is the customer's last contact.
import { newId } from '../../core/ids'
import type { Db } from '../../db/connection'
import type { Refine, SqlRow, interactions as interactionsTable } from '../../db/schema'
import { liveCustomerGuard } from '../../db/live'
import type { SyncWriter } from '../../db/writer'
import { AppFailure } from '../../../../shared/errors'
import type { Interaction, InteractionValues } from '../../../../shared/tiering'

type Row = Refine<
  SqlRow<typeof interactionsTable>,
  { customer_id: string; kind: Interaction['kind']; date: string; summary: string; created_at: string }
>

export class InteractionRepository {
  private readonly q
  private readonly requireCustomer: (customerId: string) => string

  constructor(
    db: Db,
    private readonly writer: SyncWriter,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.requireCustomer = liveCustomerGuard(db)
    this.q = {
      list: db.prepare(
        'SELECT * FROM interactions WHERE customer_id = ? AND deleted_at IS NULL ORDER BY date DESC, id DESC LIMIT ?',
      ),
      one: db.prepare('SELECT * FROM interactions WHERE id = ? AND deleted_at IS NULL'),
      last: db
        .prepare('SELECT max(date) FROM interactions WHERE customer_id = ? AND deleted_at IS NULL')
        .pluck(),
      contactOf: db
        .prepare('SELECT 1 FROM contacts WHERE id = ? AND customer_id = ? AND deleted_at IS NULL')
        .pluck(),
    }
  }

  log(customerId: string, v: InteractionValues): Interaction {
    customerId = this.requireCustomer(customerId)
    // A contact of another customer would put the event on the wrong page.
    if (v.contactId && !this.q.contactOf.get(v.contactId, customerId)) {
      throw new AppFailure('validation', [{ path: ['interaction', 'contactId'], code: 'invalid_choice' }])
    }
    const id = newId()
    this.writer.write([
      {
        table: 'interactions',
        id,
        values: {
          customer_id: customerId,
          contact_id: v.contactId ?? null,
          kind: v.kind,
          date: v.date,
          summary: v.summary,
          outcome: v.outcome ?? null,
          next_step: v.nextStep ?? null,
          created_at: this.now().toISOString(),
        },
      },
    ])
    return this.get(id)
  }

  delete(id: string): void {
    this.get(id)
    this.writer.write([{ table: 'interactions', id, values: { deleted_at: this.now().toISOString() } }])
  }

  get(id: string): Interaction {
    const row = this.q.one.get(id) as Row | undefined
    if (!row) throw new AppFailure('not_found')
    return toInteraction(row)
  }

  list(customerId: string, limit = 100): Interaction[] {
    return (this.q.list.all(customerId, limit) as Row[]).map(toInteraction)
  }

  /** Date of the latest logged interaction, the start of every contact cadence (T5, R2). */
  lastContact(customerId: string): string | null {
    return (this.q.last.get(customerId) as string | null) ?? null
  }
}

function toInteraction(r: Row): Interaction {
  return {
    id: r.id,
    customerId: r.customer_id,
    contactId: r.contact_id,
    kind: r.kind,
    date: r.date,
    summary: r.summary,
    outcome: r.outcome,
    nextStep: r.next_step,
    createdAt: r.created_at,
  }
}
