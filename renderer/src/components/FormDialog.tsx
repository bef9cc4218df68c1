import { useRef } from 'react'
import type { ReactNode } from 'react'
import { Alert, List, Modal, Stack } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '../../../shared/errors'
import { ErrorAlert } from './ErrorAlert'
import { FormActions } from './FormActions'
import type { IssueLine } from './formErrors'

/**
 * A form in a dialog: the error from main on top, the fields, then Cancel and Save. Submitting (the
 * button or Enter) calls `onSubmit`; the browser's own validation is off, the form checks itself
 * (see formErrors.ts) and main validates again.
 */
export function FormDialog({
  opened = true,
  onClose,
  title,
  size,
  error,
  issues,
  saving = false,
  submitLabel,
  submitTestId,
  testId,
  onSubmit,
  children,
}: {
  /** Whether the dialog is shown. Default true (for dialogs mounted only while open). */
  opened?: boolean
  onClose: () => void
  /** Dialog title, translated. */
  title: string
  /** Mantine modal size. Default Mantine's "md". */
  size?: string
  /** Error to show above the fields; null or undefined shows none. */
  error?: AppError | null
  /**
   * Field problems, listed above the fields with each field named as the form labels it (the
   * same messages show under the fields). Default none.
   */
  issues?: IssueLine[]
  /** Shows the submit button as busy. Default false. */
  saving?: boolean
  /** Submit button label. Default the translated "Save". */
  submitLabel?: string
  submitTestId?: string
  testId?: string
  onSubmit: () => void | Promise<void>
  children: ReactNode
}) {
  const { t } = useTranslation()
  const form = useRef<HTMLFormElement>(null)
  // A closed dialog renders nothing (no close animation): a closed Mantine Modal still mounts its
  // portal and transition, and a customer page holds a dozen dialogs, each re-rendering the page
  // once more as it opens.
  if (!opened) return null
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} data-testid={testId}>
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void Promise.resolve(onSubmit()).then(() => {
            // After a refused save, keyboard users land on the first field to fix.
            requestAnimationFrame(() => {
              const bad = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
              if (bad && !bad.contains(document.activeElement)) bad.focus()
            })
          })
        }}
      >
        <Stack gap="sm">
          {error && <ErrorAlert error={error} />}
          {issues && issues.length > 0 && (
            <Alert
              color="red"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('errors.validation')}
              role="alert"
              data-testid="error-alert"
            >
              <List size="sm">
                {issues.map((i) => (
                  <List.Item key={i.field} data-testid={`issue-${i.field || 'form'}`}>
                    {i.label ? t('validation.fieldIssue', { field: i.label, problem: i.message }) : i.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {children}
          <FormActions
            onCancel={onClose}
            saving={saving}
            submitLabel={submitLabel}
            submitTestId={submitTestId}
          />
        </Stack>
      </form>
    </Modal>
  )
}
