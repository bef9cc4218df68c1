// Customer feedback (P5): complaints, suggestions and praise with a severity and a resolved flag,
// written through SyncWriter. Open complaints are counted for the customer page.
import { newId } from '../../core/ids'
import type { Db } from '../../db/connection'
import type { Refine, SqlRow, feedback as feedbackTable } from '../../db/schema'
import { liveCustomerGuard } from '../../db/live'
import type { SyncWriter } from '../../db/writer'
import { AppFailure } from '../../../../shared/errors'
import type { Feedback, FeedbackValues } from '../../../../shared/tiering'

type Row = Refine<
  SqlRow<typeof feedbackTable>,
  {
    customer_id: string
    kind: Feedback['kind']
    severity: Feedback['severity']
    date: string
    summary: string
    created_at: string
  }
>

export class FeedbackRepository {
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
        'SELECT * FROM feedback WHERE customer_id = ? AND deleted_at IS NULL ORDER BY resolved, date DESC, id DESC',
      ),
      one: db.prepare('SELECT * FROM feedback WHERE id = ? AND deleted_at IS NULL'),
      openComplaints: db
        .prepare(
          "SELECT count(*) FROM feedback WHERE customer_id = ? AND deleted_at IS NULL AND kind = 'complaint' AND resolved = 0",
        )
        .pluck(),
    }
  }

  add(customerId: string, v: FeedbackValues): Feedback {
    customerId = this.requireCustomer(customerId)
    const id = newId()
    this.writer.write([
      {
        table: 'feedback',
        id,
        values: {
          customer_id: customerId,
          kind: v.kind,
          severity: v.severity,
          date: v.date,
          summary: v.summary,
          created_at: this.now().toISOString(),
        },
      },
    ])
    return this.get(id)
  }

  setResolved(id: string, resolved: boolean): Feedback {
    this.get(id)
    this.writer.write([{ table: 'feedback', id, values: { resolved: resolved ? 1 : 0 } }])
    return this.get(id)
  }

  delete(id: string): void {
    this.get(id)
    this.writer.write([{ table: 'feedback', id, values: { deleted_at: this.now().toISOString() } }])
  }

  get(id: string): Feedback {
    const row = this.q.one.get(id) as Row | undefined
    if (!row) throw new AppFailure('not_found')
    return toFeedback(row)
  }

  list(customerId: string): Feedback[] {
    return (this.q.list.all(customerId) as Row[]).map(toFeedback)
  }

  openComplaints(customerId: string): number {
    return this.q.openComplaints.get(customerId) as number
  }
}

function toFeedback(r: Row): Feedback {
  return {
    id: r.id,
    customerId: r.customer_id,
    kind: r.kind,
    severity: r.severity,
    date: r.date,
    summary: r.summary,
    resolved: r.resolved === 1,
    createdAt: r.created_at,
  }
}
