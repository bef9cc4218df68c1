// One click from a logged interaction's next step to a follow-up reminder (R1): due a few days
// later, the next step as its note, linked to the interaction. Once made, the button gives way to
// the reminder's date, so a second click cannot make a second reminder.
import { Button, Text } from '@mantine/core'
import { IconBellPlus, IconBellRinging } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { notify } from '../../app/notify'
import { useSaving } from '../../components/useSaving'
import { useFormatters } from '../../i18n/format'
import { localToday } from '../../../../shared/dates'
import type { Interaction } from '../../../../shared/tiering'
import { failureText } from './failure'
import { addDays } from './form'

/** Days from today to a reminder made from a next step. */
export const NEXT_STEP_DELAY_DAYS = 3

export function MakeReminderButton({
  interaction,
  existing,
}: {
  interaction: Interaction
  /** The reminder already made from this interaction, if any, with the date it is open on. */
  existing: { openOn: string | null } | undefined
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const { saving, run } = useSaving()
  if (!interaction.nextStep) return null
  if (existing)
    return (
      <Text size="xs" c="teal" data-testid="interaction-reminder">
        <IconBellRinging size={12} aria-hidden style={{ verticalAlign: -1, marginInlineEnd: 4 }} />
        {existing.openOn
          ? t('reminders.fromInteraction.exists', { date: fmt.date(existing.openOn) })
          : t('reminders.fromInteraction.closed')}
      </Text>
    )

  const make = async () => {
    const res = await run(() =>
      call('reminders:create', {
        customerId: interaction.customerId,
        reminder: {
          kind: 'follow_up',
          dueDate: addDays(localToday(), NEXT_STEP_DELAY_DAYS),
          note: interaction.nextStep,
          contactId: interaction.contactId,
          interactionId: interaction.id,
        },
      }),
    )
    if (!res) return
    if (res.ok) notify(t('reminders.fromInteraction.made', { date: fmt.date(res.data.dueDate) }))
    else notify(failureText(t, res.error), 'red')
  }

  return (
    <Button
      size="compact-xs"
      variant="light"
      mt={4}
      leftSection={<IconBellPlus size={12} aria-hidden />}
      loading={saving}
      onClick={() => void make()}
      aria-label={t('reminders.fromInteraction.makeOf', { date: fmt.date(interaction.date) })}
      data-testid="make-reminder"
    >
      {t('reminders.fromInteraction.make')}
    </Button>
  )
}
