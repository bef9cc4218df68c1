import type { ReactNode } from 'react'
import { Modal, Stack } from '@mantine/core'
import type { AppError } from '../../../shared/errors'
import { ErrorAlert } from './ErrorAlert'
import { FormActions } from './FormActions'

/**
 * A form in a dialog: the error from main on top, the fields, then Cancel and Save. Submitting (the
 * button or Enter) calls `onSubmit`; the browser's own validation is off, main validates.
 */
export function FormDialog({
  opened = true,
  onClose,
  title,
  size,
  error,
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
  /** Shows the submit button as busy. Default false. */
  saving?: boolean
  /** Submit button label. Default the translated "Save". */
  submitLabel?: string
  submitTestId?: string
  testId?: string
  onSubmit: () => void | Promise<void>
  children: ReactNode
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} data-testid={testId}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void onSubmit()
        }}
      >
        <Stack gap="sm">
          {error && <ErrorAlert error={error} />}
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
