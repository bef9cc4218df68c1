import { Alert, List } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '../../../shared/errors'
import type { TFunction } from 'i18next'

/** Shows an error from main in the user's language, with the field issues listed. */
export function ErrorAlert({ error, title }: { error: AppError; title?: string }) {
  const { t } = useTranslation()
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={title ?? t(`errors.${error.code}`)}
      role="alert"
      data-testid="error-alert"
    >
      {error.issues && error.issues.length > 0 ? (
        <List size="sm">
          {error.issues.map((issue, i) => (
            <List.Item key={i}>{issueText(t, issue.path, issue.code)}</List.Item>
          ))}
        </List>
      ) : (
        title && t(`errors.${error.code}`)
      )}
    </Alert>
  )
}

/** "Email: not a valid email address" — the field name and the problem, both translated. */
export function issueText(t: TFunction, path: (string | number)[], code: string): string {
  const field = [...path]
    .reverse()
    .find(
      (p): p is string => typeof p === 'string' && !['customer', 'patch', 'contact', 'contacts'].includes(p),
    )
  const label = field ? t(`fields.${field}`) : ''
  return label
    ? t('validation.fieldIssue', { field: label, problem: t(`validation.${code}`) })
    : t(`validation.${code}`)
}

/** Field → translated message, for showing issues under the inputs they belong to. */
export function fieldErrors(t: TFunction, error: AppError | null | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error?.issues ?? []) {
    const key = issue.path.filter((p) => !['customer', 'patch', 'contact'].includes(String(p))).join('.')
    out[key] ??= t(`validation.${issue.code}`)
  }
  return out
}
