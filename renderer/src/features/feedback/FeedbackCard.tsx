// Customer feedback (P5): complaints stay on top until resolved; the open complaints and the
// 12-month return rate are the two numbers a salesperson checks before a call.
import { useState } from 'react'
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core'
import { IconMessageReport, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { CardHeader } from '../../components/CardHeader'
import { localToday } from '../../../../shared/dates'
import { useQuery } from '../../app/data'
import { useFormatters } from '../../i18n/format'
import { FEEDBACK_KINDS, SEVERITIES } from '../../../../shared/tiering'
import type { Feedback } from '../../../../shared/tiering'
import type { AppError } from '../../../../shared/errors'
import { ErrorAlert } from '../../components/ErrorAlert'
import { describeIssues, useFormIssues } from '../../components/formErrors'
import { feedbackFormSpec, toFeedbackInput } from './form'
import type { FeedbackDraft } from './form'
import { FormDialog } from '../../components/FormDialog'
import { useSaving } from '../../components/useSaving'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { DateField } from '../../components/DateField'
import { RowAction } from '../../components/RowAction'

const KIND_COLOR: Record<Feedback['kind'], string> = { complaint: 'red', suggestion: 'blue', praise: 'teal' }

export function FeedbackCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const data = useQuery('feedback:list', { customerId })
  const [adding, setAdding] = useState(false)
  const [deleting, setDeleting] = useState<Feedback | null>(null)

  const resolve = async (f: Feedback, resolved: boolean) => {
    await call('feedback:resolve', { id: f.id, resolved })
  }
  const remove = async (f: Feedback) => {
    await call('feedback:delete', { id: f.id })
    setDeleting(null)
  }

  return (
    <Card withBorder data-testid="feedback-card">
      <CardHeader
        title={t('feedback.title')}
        action={
          <Button
            size="xs"
            variant="light"
            leftSection={<IconMessageReport size={14} aria-hidden />}
            onClick={() => setAdding(true)}
            data-testid="add-feedback"
          >
            {t('feedback.add')}
          </Button>
        }
      />
      {data.status === 'error' && !data.data && <ErrorAlert error={data.error} />}
      {data.data && (
        <Stack gap="sm">
          <Group gap="lg">
            <Text size="sm" data-testid="open-complaints">
              {t('feedback.openComplaints', {
                count: data.data.openComplaints,
                formatted: fmt.number(data.data.openComplaints),
              })}
            </Text>
            <Text size="sm" data-testid="return-rate">
              {data.data.returnRate === null
                ? t('feedback.noReturnRate')
                : t('feedback.returnRate', { rate: fmt.percent(data.data.returnRate) })}
            </Text>
          </Group>
          {data.data.feedback.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('feedback.none')}
            </Text>
          )}
          {data.data.feedback.map((f) => (
            <Group
              key={f.id}
              justify="space-between"
              wrap="nowrap"
              align="flex-start"
              data-testid="feedback-item"
            >
              <div style={{ minWidth: 0 }}>
                <Group gap={6}>
                  <Badge size="xs" color={KIND_COLOR[f.kind]} variant="light">
                    {t(`enum.feedbackKind.${f.kind}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {fmt.date(f.date)} ·{' '}
                    {t('customerPage.severityValue', { value: t(`enum.severity.${f.severity}`) })}
                  </Text>
                </Group>
                <Text
                  size="sm"
                  td={f.resolved ? 'line-through' : undefined}
                  c={f.resolved ? 'dimmed' : undefined}
                  dir="auto"
                >
                  {f.summary}
                </Text>
              </div>
              <Group gap={4} wrap="nowrap">
                <Checkbox
                  size="xs"
                  label={t('feedback.resolved')}
                  aria-label={t('customerPage.resolvedOf', { date: fmt.date(f.date) })}
                  checked={f.resolved}
                  onChange={(e) => void resolve(f, e.currentTarget.checked)}
                />
                <RowAction
                  icon={IconTrash}
                  danger
                  size={14}
                  label={t('feedback.delete')}
                  rowLabel={t('customerPage.deleteFeedbackOf', { date: fmt.date(f.date) })}
                  onClick={() => setDeleting(f)}
                />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {adding && <AddDialog customerId={customerId} onClose={() => setAdding(false)} />}
      <ConfirmDelete
        opened={deleting !== null}
        title={t('feedback.delete')}
        body={deleting ? t('feedback.deleteBody', { summary: deleting.summary }) : ''}
        action={t('feedback.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && void remove(deleting)}
      />
    </Card>
  )
}

function AddDialog({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<FeedbackDraft>(() => ({
    kind: 'complaint',
    severity: 'medium',
    date: localToday(),
    summary: '',
  }))
  const set = <K extends keyof FeedbackDraft>(k: K, v: FeedbackDraft[K]) =>
    setDraft((d) => ({ ...d, [k]: v }))
  const [error, setError] = useState<AppError | null>(null)
  const { saving, run } = useSaving()
  const form = useFormIssues(feedbackFormSpec, draft)
  const { byField: errors, lines } = describeIssues(t, feedbackFormSpec.labels, form.issues)
  const { kind, severity, date, summary } = draft

  const save = async () => {
    setError(null)
    if (!form.submit()) return
    const res = await run(() => call('feedback:add', { customerId, feedback: toFeedbackInput(draft) }))
    if (!res) return
    if (res.ok) onClose()
    else if (!form.fromMain(res.error)) setError(res.error)
  }

  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('feedback.add')}
      error={error}
      issues={lines}
      onSubmit={save}
      saving={saving}
      submitTestId="save-feedback"
    >
      <SimpleGrid cols={3}>
        <Select
          label={t('fields.kind')}
          data={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`enum.feedbackKind.${k}`) }))}
          value={kind}
          onChange={(v) => set('kind', v)}
          error={errors['kind']}
          allowDeselect={false}
        />
        <Select
          label={t('fields.severity')}
          data={SEVERITIES.map((k) => ({ value: k, label: t(`enum.severity.${k}`) }))}
          value={severity}
          onChange={(v) => set('severity', v)}
          error={errors['severity']}
          allowDeselect={false}
        />
        <DateField
          label={t('fields.date')}
          value={date || null}
          onChange={(v) => set('date', v ?? '')}
          error={errors['date']}
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
        data-testid="feedback-summary"
      />
    </FormDialog>
  )
}
