// Notifications with a translated name on their close button (screen readers announce it).
import { notifications } from '@mantine/notifications'
import i18n from 'i18next'

export function notify(message: string, color: 'teal' | 'orange' | 'red' = 'teal'): void {
  notifications.show({ color, message, closeButtonProps: { 'aria-label': i18n.t('common.close') } })
}
