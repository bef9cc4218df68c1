// An error from main above a group form, its issues named as the form labels its fields.
import { Alert, List } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '../../../../shared/errors'
import { groupIssueTexts } from './formErrors'
import type { ConditionField } from './formErrors'

export function GroupErrorAlert({ error, fieldOf }: { error: AppError; fieldOf?: ConditionField }) {
  const { t } = useTranslation()
  const lines = groupIssueTexts(t, error, fieldOf)
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={t(`errors.${error.code}`)}
      role="alert"
      data-testid="error-alert"
    >
      {lines.length > 0 && (
        <List size="sm">
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  )
}
