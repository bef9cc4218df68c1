// The order form as data (fields, labels, the input main takes and its checks), apart from the
// dialog: the window runs the same schema main runs, so a negative or empty amount is refused
// before anything is sent, with every problem shown at once.
import { orderInputSchema } from '../../../../shared/tiering'
import type { OrderInput, OrderStatus } from '../../../../shared/tiering'
import { schemaIssues } from '../../components/formErrors'
import type { FormIssue, FormSpec } from '../../components/formErrors'

export type OrderDraft = {
  /** YYYY-MM-DD, or null while the field is empty or holds something that is not a date. */
  date: string | null
  /** null while empty; NaN while the field holds something that is not a number. */
  amount: number | null
  currency: string | null
  status: OrderStatus | null
  returned: number | null
  reference: string
  notes: string
}

/** What main is sent. An empty "returned" means nothing came back. */
export function toOrderInput(d: OrderDraft): OrderInput {
  return {
    date: d.date ?? '',
    amount: d.amount ?? Number.NaN,
    currency: d.currency as OrderInput['currency'],
    status: d.status as OrderInput['status'],
    returned: d.returned ?? 0,
    reference: d.reference.trim() || null,
    notes: d.notes.trim() || null,
  }
}

const LABELS: Record<string, string> = {
  date: 'fields.date',
  reference: 'fields.reference',
  amount: 'fields.amount',
  currency: 'fields.currency',
  status: 'fields.status',
  returned: 'fields.returned',
  notes: 'fields.notes',
}

export const orderFormSpec: FormSpec<OrderDraft> = {
  labels: LABELS,
  fieldOf: (path) => {
    const rest = path[0] === 'order' || path[0] === 'patch' ? path.slice(1) : path
    return typeof rest[0] === 'string' && rest[0] in LABELS ? rest[0] : null
  },
  check: (d) => {
    // An empty field is "required", not the schema's "not a valid value" for a missing number.
    const own: FormIssue[] = []
    if (d.amount === null) own.push({ field: 'amount', code: 'required' })
    if (d.date === null) own.push({ field: 'date', code: 'invalid_date' })
    const schema = schemaIssues(orderInputSchema, toOrderInput(d), (p) => orderFormSpec.fieldOf(p))
    return [...own, ...schema.filter((i) => !own.some((o) => o.field === i.field))]
  },
}
