// The feedback form as data (fields, labels, the input main takes and its checks), apart from the
// dialog so a unit test can run every field's errors in every language.
import { feedbackInputSchema } from '../../../../shared/tiering'
import type { FeedbackInput } from '../../../../shared/tiering'
import { schemaIssues } from '../../components/formErrors'
import type { FormSpec } from '../../components/formErrors'

export type FeedbackDraft = { kind: string | null; severity: string | null; date: string; summary: string }

export function toFeedbackInput(d: FeedbackDraft): FeedbackInput {
  return {
    kind: d.kind as FeedbackInput['kind'],
    severity: d.severity as FeedbackInput['severity'],
    date: d.date,
    summary: d.summary,
  }
}

const LABELS: Record<string, string> = {
  kind: 'fields.kind',
  severity: 'fields.severity',
  date: 'fields.date',
  summary: 'fields.summary',
}

export const feedbackFormSpec: FormSpec<FeedbackDraft> = {
  labels: LABELS,
  fieldOf: (path) => {
    const rest = path[0] === 'feedback' ? path.slice(1) : path
    return typeof rest[0] === 'string' && rest[0] in LABELS ? rest[0] : null
  },
  check: (d) => schemaIssues(feedbackInputSchema, toFeedbackInput(d), (p) => feedbackFormSpec.fieldOf(p)),
}
