import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The footer of every form dialog: Cancel, then the submit button (translated "Save" unless told). */
export function FormActions({
  onCancel,
  saving = false,
  submitLabel,
  submitTestId,
}: {
  onCancel: () => void
  /** Shows the submit button as busy. Default false. */
  saving?: boolean
  /** Label of the submit button. Default: the translated "Save". */
  submitLabel?: string
  /** data-testid of the submit button. */
  submitTestId?: string
}) {
  const { t } = useTranslation()
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={saving} data-testid={submitTestId}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  )
}
