import type { TFunction } from 'i18next'
import type { AppError } from '../../../../shared/errors'

/** "Not saved: the reminder does not fall on this date": main's first reason, translated. */
export function failureText(t: TFunction, error: AppError): string {
  const issue = error.issues?.[0]
  return t('reminders.notice.failed', {
    error: issue ? t(`validation.${issue.code}`) : t(`errors.${error.code}`),
  })
}
