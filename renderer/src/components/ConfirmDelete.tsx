import { Button, Group, Modal, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** A "really delete?" dialog: the body says what goes, the red button says what it does. */
export function ConfirmDelete({
  opened,
  title,
  body,
  action,
  onCancel,
  onConfirm,
}: {
  /** Whether the dialog is shown. */
  opened: boolean
  /** Dialog title, translated. */
  title: string
  /** What will be deleted and what happens to it, translated. */
  body: string
  /** Label of the red button, translated. */
  action: string
  onCancel: () => void
  onConfirm: () => void
}) {
  const { t } = useTranslation()
  // Nothing while closed, as FormDialog: a closed Modal still mounts a portal.
  if (!opened) return null
  return (
    <Modal opened={opened} onClose={onCancel} title={title}>
      <Text size="sm">{body}</Text>
      <Group justify="flex-end" mt="md">
        {/* Focus starts on the harmless choice: Enter right after opening must not delete. */}
        <Button variant="default" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={onConfirm} data-testid="confirm-delete">
          {action}
        </Button>
      </Group>
    </Modal>
  )
}
