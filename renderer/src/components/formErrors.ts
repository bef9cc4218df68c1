// Field errors for the customer, contact, interaction and feedback forms. The window checks the
// whole form with the same zod schema main uses (and phones against the same numbering plans), so
// every problem shows at once instead of main's shape check hiding its phone check; after the
// first Save the check reruns on every keystroke, so an error clears the moment its field is
// valid. Main still checks everything: what it refuses is mapped onto the same fields and stays
// until that field changes. Every message names the field as the form labels it.
import { useState } from 'react'
import type { TFunction } from 'i18next'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import type { CountryCode } from 'libphonenumber-js'
import { fieldIssues } from '../../../shared/errors'
import type { AppError } from '../../../shared/errors'
import type { IssueCode } from '../../../shared/vocabulary'

type Path = (string | number)[]

/** One problem of one form field, by the field's key in the form's draft. */
export type FormIssue = { field: string; code: IssueCode }

/** What a message may need besides the code: the country a phone is read in. */
export type IssueContext = { countryName?: string | null }

/**
 * A form's fields and checks. `labels` maps each field key to the i18n key of the label the
 * form shows; `fieldOf` maps an issue path from main (or zod) to a field key.
 */
export type FormSpec<D> = {
  labels: Record<string, string>
  fieldOf: (path: Path) => string | null
  check: (draft: D) => FormIssue[]
}

type SafeParser = {
  safeParse: (
    value: unknown,
  ) =>
    | { success: true }
    | { success: false; error: { issues: readonly { code: string; message: string; path: PropertyKey[] }[] } }
}

/** The schema's issues on `value`, each mapped to a field of the form (unmapped ones dropped). */
export function schemaIssues(schema: SafeParser, value: unknown, fieldOf: (path: Path) => string | null) {
  const parsed = schema.safeParse(value)
  if (parsed.success) return []
  return toFormIssues(fieldIssues(parsed.error.issues), fieldOf)
}

/** Main's (or zod's) issues as form issues; an issue no field claims keeps the key "" (shown unlabelled). */
export function toFormIssues(
  issues: { path: Path; code: IssueCode }[],
  fieldOf: (path: Path) => string | null,
) {
  return issues.map((i) => ({ field: fieldOf(i.path) ?? '', code: i.code }))
}

/**
 * Whether main will take this phone: the same rule as its normalizePhone (libphonenumber-js,
 * read in the customer's country when the number has no +prefix).
 */
export function phoneIsValid(input: string, country: string | null | undefined): boolean {
  const parsed = parsePhoneNumberFromString(input, (country || undefined) as CountryCode | undefined)
  return Boolean(parsed && parsed.isValid())
}

/** The problem in words; a phone message says which country it was read in, or that none is chosen. */
export function issueMessage(t: TFunction, code: IssueCode, ctx: IssueContext = {}): string {
  if (code === 'invalid_phone')
    return ctx.countryName
      ? t('customerForm.phoneInvalidIn', { country: ctx.countryName })
      : t('customerForm.phoneNeedsCountry')
  return t(`validation.${code}`)
}

/** One line of the summary above a form. */
export type IssueLine = { field: string; label: string | null; message: string }

/**
 * The issues as messages per field (the first problem of each) and as summary lines that name
 * the field as the form labels it ("Contact phone: …"), in the form's field order.
 */
export function describeIssues(
  t: TFunction,
  labels: Record<string, string>,
  issues: FormIssue[],
  ctx: IssueContext = {},
): { byField: Record<string, string>; lines: IssueLine[] } {
  const byField: Record<string, string> = {}
  const lines: IssueLine[] = []
  const order = Object.keys(labels)
  const sorted = [...issues].sort((a, b) => rank(order, a.field) - rank(order, b.field))
  for (const issue of sorted) {
    if (issue.field in byField) continue
    const message = issueMessage(t, issue.code, ctx)
    byField[issue.field] = message
    const labelKey = labels[issue.field]
    lines.push({ field: issue.field, label: labelKey ? t(labelKey) : null, message })
  }
  return { byField, lines }
}

function rank(order: string[], field: string): number {
  const i = order.indexOf(field)
  return i === -1 ? order.length : i
}

/**
 * Live errors of a form: nothing until the first Save, then the form's own check on every
 * render plus main's refusals for fields not changed since. `submit()` says whether to send.
 */
export function useFormIssues<D extends Record<string, unknown>>(spec: FormSpec<D>, draft: D) {
  const [attempted, setAttempted] = useState(false)
  const [fromMain, setFromMain] = useState<{ issues: FormIssue[]; at: D } | null>(null)
  const own = attempted ? spec.check(draft) : []
  const kept = (fromMain?.issues ?? []).filter(
    (i) =>
      !own.some((o) => o.field === i.field) &&
      (i.field === '' || JSON.stringify(fromMain!.at[i.field]) === JSON.stringify(draft[i.field])),
  )
  const issues = [...own, ...kept]
  return {
    issues,
    /**
     * True when the form's own check finds nothing; else marks the form as tried, so every problem
     * shows and each clears as it is fixed. A form that passes renders nothing for the submit (its
     * answer is handled sooner); main's refusal marks it tried (`fromMain`).
     */
    submit: () => {
      setFromMain(null)
      const ok = spec.check(draft).length === 0
      if (!ok) setAttempted(true)
      return ok
    },
    /** Takes main's validation refusal onto the fields; returns false for other errors. */
    fromMain: (error: AppError) => {
      if (error.code !== 'validation' || !error.issues?.length) return false
      setAttempted(true)
      setFromMain({ issues: toFormIssues(error.issues, spec.fieldOf), at: draft })
      return true
    },
    reset: () => {
      setAttempted(false)
      setFromMain(null)
    },
  }
}
