// The group forms' errors in words: each issue names the field as the form labels it ("Group
// name", "Condition 2 (Country)") rather than through the customer form's field names, which read
// "Name" for a group's name and had no entry at all for a condition's values (the raw key
// "fields.values" was shown).
import type { TFunction } from 'i18next'
import type { AppError, FieldIssue } from '../../../../shared/errors'
import type { RuleField } from '../../../../shared/groups'

/** The field a condition of the form tests, by its index; undefined when there is none. */
export type ConditionField = (index: number) => RuleField | undefined

/** The label of the form field an issue's path points at, or null when it names no field. */
export function groupFieldLabel(
  t: TFunction,
  path: readonly (string | number)[],
  fieldOf: ConditionField = () => undefined,
): string | null {
  const at = path.lastIndexOf('conditions')
  if (at >= 0) {
    const index = path[at + 1]
    if (typeof index !== 'number') return t('groups.rules.conditions')
    const field = fieldOf(index)
    return field
      ? t('groups.rules.conditionField', { n: index + 1, field: t(`groups.fields.${field}`) })
      : t('groups.rules.condition', { n: index + 1 })
  }
  const last = path[path.length - 1]
  if (last === 'name') return t('groups.name')
  if (last === 'match') return t('groups.matchLabel')
  if (last === 'tag') return t('groups.tagPlaceholder')
  if (last === 'owner') return t('groups.ownerPlaceholder')
  return null
}

/** One issue as a sentence: "Group name: required", "Condition 2 (Country): required". */
export function groupIssueText(t: TFunction, issue: FieldIssue, fieldOf?: ConditionField): string {
  const problem = t(`validation.${issue.code}`)
  const field = groupFieldLabel(t, issue.path, fieldOf)
  return field ? t('validation.fieldIssue', { field, problem }) : problem
}

/** The issues of an error as sentences, each once. */
export function groupIssueTexts(t: TFunction, error: AppError | null, fieldOf?: ConditionField): string[] {
  return [...new Set((error?.issues ?? []).map((i) => groupIssueText(t, i, fieldOf)))]
}

/**
 * The error without the issues whose path starts with `prefix` (the field just edited), so an
 * error disappears as soon as its field changes; null when nothing is left to show.
 */
export function withoutIssues(error: AppError | null, prefix: readonly (string | number)[]): AppError | null {
  if (!error?.issues) return error
  const issues = error.issues.filter((i) => !prefix.every((p, k) => i.path[k] === p))
  if (issues.length === error.issues.length) return error
  return issues.length > 0 ? { ...error, issues } : null
}
