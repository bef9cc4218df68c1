// The interaction form as data (fields, labels, the input main takes and its checks), apart from
// the dialog so a unit test can run every field's errors in every language.
import { interactionInputSchema } from '../../../../shared/tiering'
import type { InteractionInput } from '../../../../shared/tiering'
import { schemaIssues } from '../../components/formErrors'
import type { FormSpec } from '../../components/formErrors'

export type InteractionDraft = {
  kind: string | null
  date: string
  contactId: string | null
  summary: string
  outcome: string
  nextStep: string
}

export function toInteractionInput(d: InteractionDraft): InteractionInput {
  return {
    kind: d.kind as InteractionInput['kind'],
    date: d.date,
    contactId: d.contactId,
    summary: d.summary,
    outcome: d.outcome.trim() || null,
    nextStep: d.nextStep.trim() || null,
  }
}

const LABELS: Record<string, string> = {
  kind: 'fields.kind',
  date: 'fields.date',
  contactId: 'fields.contact',
  summary: 'fields.summary',
  outcome: 'fields.outcome',
  nextStep: 'fields.nextStep',
}

export const interactionFormSpec: FormSpec<InteractionDraft> = {
  labels: LABELS,
  fieldOf: (path) => {
    const rest = path[0] === 'interaction' ? path.slice(1) : path
    return typeof rest[0] === 'string' && rest[0] in LABELS ? rest[0] : null
  },
  check: (d) =>
    schemaIssues(interactionInputSchema, toInteractionInput(d), (p) => interactionFormSpec.fieldOf(p)),
}
