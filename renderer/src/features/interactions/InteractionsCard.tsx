// The interaction log on the customer page (P4): what happened, with whom, what came of it, and
// the next step; the latest date is the customer's last contact.
import { useState } from 'react'
import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Text,
  TextInput,
  Textarea,
  Timeline,
} from '@mantine/core'
import { IconMessagePlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { CardHeader } from '../../components/CardHeader'
import { localToday } from '../../../../shared/dates'
import { useQuery } from '../../app/data'
import { useFormatters } from '../../i18n/format'
import { INTERACTION_KINDS } from '../../../../shared/tiering'
import type { Interaction } from '../../../../shared/tiering'
import type { Contact } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { ErrorAlert } from '../../components/ErrorAlert'
import { describeIssues, useFormIssues } from '../../components/formErrors'
import { useSaving } from '../../components/useSaving'
import { nameProps } from '../../components/scriptLang'
import { interactionFormSpec, toInteractionInput } from './form'
import type { InteractionDraft } from './form'
import { FormDialog } from '../../components/FormDialog'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { DateField } from '../../components/DateField'
import { ShowAllToggle } from '../../components/ShowAll'
import { RowAction } from '../../components/RowAction'
import { MakeReminderButton } from '../reminders/MakeReminderButton'

// The latest exchanges first (the list comes newest first); the rest behind "Show all".
const FOLDED_INTERACTIONS = 10

export function InteractionsCard({ customerId, contacts }: { customerId: string; contacts: Contact[] }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const data = useQuery('interactions:list', { customerId })
  // Which interactions already became a reminder (the reminders panel reads the same list).
  const reminders = useQuery('reminders:list', { customerId })
  const reminderOf = (i: Interaction) => {
    const r = reminders.data?.reminders.find((x) => x.interactionId === i.id)
    if (!r) return undefined
    // Where it stands now (snoozed, moved), or none once done or skipped.
    return { openOn: reminders.data?.occurrences.find((o) => o.reminderId === r.id)?.date ?? null }
  }
  const [adding, setAdding] = useState(false)
  const [deleting, setDeleting] = useState<Interaction | null>(null)
  const [allItems, setAllItems] = useState(false)
  const contactName = (id: string | null) => contacts.find((c) => c.id === id)?.name

  const remove = async (i: Interaction) => {
    await call('interactions:delete', { id: i.id })
    setDeleting(null)
  }

  return (
    <Card withBorder data-testid="interactions-card">
      <CardHeader
        title={t('interactions.title')}
        subtitle={
          <span data-testid="last-contact">
            {data.data?.lastContact
              ? t('interactions.lastContact', { date: fmt.date(data.data.lastContact) })
              : t('interactions.never')}
          </span>
        }
        action={
          <Button
            size="xs"
            variant="light"
            leftSection={<IconMessagePlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
            data-testid="log-interaction"
          >
            {t('interactions.log')}
          </Button>
        }
      />
      {data.status === 'error' && !data.data && <ErrorAlert error={data.error} />}
      {data.data && data.data.interactions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('interactions.none')}
        </Text>
      )}
      {data.data && data.data.interactions.length > 0 && (
        <Timeline bulletSize={12} lineWidth={2}>
          {(allItems ? data.data.interactions : data.data.interactions.slice(0, FOLDED_INTERACTIONS)).map(
            (i) => (
              <Timeline.Item key={i.id} data-testid="interaction-item">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Group gap={6}>
                      <Badge size="xs" variant="light">
                        {t(`enum.interaction.${i.kind}`)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {fmt.date(i.date)}
                        {contactName(i.contactId) && (
                          <>
                            {' · '}
                            <span {...nameProps(contactName(i.contactId))}>{contactName(i.contactId)}</span>
                          </>
                        )}
                      </Text>
                    </Group>
                    <Text size="sm" dir="auto">
                      {i.summary}
                    </Text>
                    {i.outcome && (
                      <Text size="xs" c="dimmed">
                        {t('interactions.outcomeValue', { value: i.outcome })}
                      </Text>
                    )}
                    {i.nextStep && (
                      <Text size="xs" fw={500}>
                        {t('interactions.nextStepValue', { value: i.nextStep })}
                      </Text>
                    )}
                    {reminders.data && <MakeReminderButton interaction={i} existing={reminderOf(i)} />}
                  </div>
                  <RowAction
                    icon={IconTrash}
                    danger
                    size={14}
                    label={t('interactions.delete')}
                    rowLabel={t('customerPage.deleteInteractionOf', { date: fmt.date(i.date) })}
                    onClick={() => setDeleting(i)}
                  />
                </Group>
              </Timeline.Item>
            ),
          )}
        </Timeline>
      )}
      {data.data && data.data.interactions.length > FOLDED_INTERACTIONS && (
        <ShowAllToggle
          all={allItems}
          total={data.data.interactions.length}
          onToggle={() => setAllItems((v) => !v)}
          testId="interactions-toggle"
        />
      )}
      {adding && <LogDialog customerId={customerId} contacts={contacts} onClose={() => setAdding(false)} />}
      <ConfirmDelete
        opened={deleting !== null}
        title={t('interactions.delete')}
        body={deleting ? t('interactions.deleteBody', { summary: deleting.summary }) : ''}
        action={t('interactions.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && void remove(deleting)}
      />
    </Card>
  )
}

function LogDialog({
  customerId,
  contacts,
  onClose,
}: {
  customerId: string
  contacts: Contact[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<InteractionDraft>(() => ({
    kind: 'call',
    date: localToday(),
    contactId: contacts.find((c) => c.isPrimary)?.id ?? null,
    summary: '',
    outcome: '',
    nextStep: '',
  }))
  const set = <K extends keyof InteractionDraft>(k: K, v: InteractionDraft[K]) =>
    setDraft((d) => ({ ...d, [k]: v }))
  const [error, setError] = useState<AppError | null>(null)
  const { saving, run } = useSaving()
  const form = useFormIssues(interactionFormSpec, draft)
  const { byField: errors, lines } = describeIssues(t, interactionFormSpec.labels, form.issues)
  const { kind, date, contactId, summary, outcome, nextStep } = draft

  const save = async () => {
    setError(null)
    if (!form.submit()) return
    const res = await run(() =>
      call('interactions:log', { customerId, interaction: toInteractionInput(draft) }),
    )
    if (!res) return
    if (res.ok) onClose()
    else if (!form.fromMain(res.error)) setError(res.error)
  }

  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('interactions.log')}
      size="lg"
      error={error}
      issues={lines}
      onSubmit={save}
      saving={saving}
      submitTestId="save-interaction"
    >
      <SimpleGrid cols={3}>
        <Select
          label={t('fields.kind')}
          data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`enum.interaction.${k}`) }))}
          value={kind}
          onChange={(v) => set('kind', v)}
          error={errors['kind']}
          allowDeselect={false}
          data-testid="interaction-kind"
        />
        <DateField
          label={t('fields.date')}
          value={date || null}
          onChange={(v) => set('date', v ?? '')}
          error={errors['date']}
        />
        <Select
          label={t('fields.contact')}
          data={contacts.map((c) => ({ value: c.id, label: c.name }))}
          value={contactId}
          onChange={(v) => set('contactId', v)}
          error={errors['contactId']}
          clearable
        />
      </SimpleGrid>
      <Textarea
        label={t('fields.summary')}
        required
        autosize
        minRows={2}
        value={summary}
        onChange={(e) => set('summary', e.currentTarget.value)}
        error={errors['summary']}
        data-testid="interaction-summary"
      />
      <TextInput
        label={t('fields.outcome')}
        value={outcome}
        onChange={(e) => set('outcome', e.currentTarget.value)}
        error={errors['outcome']}
      />
      <TextInput
        label={t('fields.nextStep')}
        value={nextStep}
        onChange={(e) => set('nextStep', e.currentTarget.value)}
        error={errors['nextStep']}
        data-testid="interaction-next"
      />
    </FormDialog>
  )
}
