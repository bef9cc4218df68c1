import type { TFunction } from 'i18next'
import type { AppError } from '../../../../shared/errors'

/** Field name (the issue path's last name) → its translated problem, for the message under it. */
export function issuesByField(t: TFunction, error: AppError | null): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error?.issues ?? []) {
    const field = [...issue.path].reverse().find((p): p is string => typeof p === 'string')
    if (field) out[field] ??= t(`validation.${issue.code}`)
  }
  return out
}

/** The error's message, for errors that are not about one field (a refused photo, a lost fair). */
export function errorText(t: TFunction, error: AppError): string {
  if (error.code === 'attachment_too_large') return t('errors.attachment_too_large', { max: 10 })
  return t(`errors.${error.code}`)
}
