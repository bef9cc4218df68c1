import { useState } from 'react'
import {
  ActionIcon,
  Anchor,
  Badge,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Tooltip,
} from '@mantine/core'
import { IconPencil, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { LANGUAGE_CODES } from '../../../../shared/domain'
import type { Contact, ContactInput } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { FormDialog } from '../../components/FormDialog'
import { fieldErrors } from '../../components/ErrorAlert'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { useFormatters } from '../../i18n/format'

/** One contact of a customer, with edit and delete. */
export function ContactCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [editing, setEditing] = useState(false)
  const [confirm, setConfirm] = useState(false)
  const birthday =
    contact.birthdayMonth && contact.birthdayDay
      ? t('contacts.birthdayValue', {
          date: new Intl.DateTimeFormat(fmt.locale, {
            month: 'long',
            day: 'numeric',
            timeZone: 'UTC',
          }).format(new Date(Date.UTC(2024, contact.birthdayMonth - 1, contact.birthdayDay))),
        })
      : null

  const remove = async () => {
    await call('contacts:delete', { id: contact.id })
    setConfirm(false)
  }

  return (
    <Paper withBorder p="sm" data-testid="contact-card">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text fw={600} size="sm">
              {contact.name}
            </Text>
            {contact.isPrimary && (
              <Badge size="xs" variant="light">
                {t('contacts.primary')}
              </Badge>
            )}
          </Group>
          {contact.title && (
            <Text size="xs" c="dimmed">
              {contact.title}
            </Text>
          )}
          {contact.emails.map((e) => (
            <Anchor key={e} href={`mailto:${e}`} size="sm" display="block" truncate>
              {e}
            </Anchor>
          ))}
          {contact.phones.map((p) => (
            <Anchor key={p} href={`tel:${p}`} size="sm" display="block" c="inherit">
              {fmt.phone(p)}
            </Anchor>
          ))}
          {contact.messaging.map((m) => (
            <Text key={`${m.kind}:${m.handle}`} size="sm">
              {t('contacts.handle', { kind: t(`enum.messaging.${m.kind}`), handle: m.handle })}
            </Text>
          ))}
          {birthday && (
            <Text size="xs" c="dimmed">
              {birthday}
            </Text>
          )}
        </div>
        <Group gap={2} wrap="nowrap">
          <Tooltip label={t('contacts.edit')}>
            <ActionIcon
              variant="subtle"
              onClick={() => setEditing(true)}
              aria-label={t('contacts.editNamed', { name: contact.name })}
            >
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('contacts.delete')}>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => setConfirm(true)}
              aria-label={t('contacts.deleteNamed', { name: contact.name })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <ContactEditor
        customerId={contact.customerId}
        contact={contact}
        opened={editing}
        onClose={() => setEditing(false)}
      />
      <ConfirmDelete
        opened={confirm}
        title={t('contacts.delete')}
        body={t('contacts.deleteBody', { name: contact.name })}
        action={t('contacts.delete')}
        onCancel={() => setConfirm(false)}
        onConfirm={() => void remove()}
      />
    </Paper>
  )
}

type Draft = {
  name: string
  title: string
  emails: string[]
  phones: string[]
  whatsapp: string
  wechat: string
  birthdayMonth: number | string
  birthdayDay: number | string
  birthdayYear: number | string
  language: string | null
  isPrimary: boolean
  notes: string
}

function toDraft(c?: Contact): Draft {
  return {
    name: c?.name ?? '',
    title: c?.title ?? '',
    emails: c?.emails ?? [],
    phones: c?.phones ?? [],
    whatsapp: c?.messaging.find((m) => m.kind === 'whatsapp')?.handle ?? '',
    wechat: c?.messaging.find((m) => m.kind === 'wechat')?.handle ?? '',
    birthdayMonth: c?.birthdayMonth ?? '',
    birthdayDay: c?.birthdayDay ?? '',
    birthdayYear: c?.birthdayYear ?? '',
    language: c?.language ?? null,
    isPrimary: c?.isPrimary ?? false,
    notes: c?.notes ?? '',
  }
}

const num = (v: number | string) => (typeof v === 'number' ? v : null)

/** Creates a contact (no `contact`) or edits one. */
export function ContactEditor({
  customerId,
  contact,
  opened,
  onClose,
}: {
  customerId: string
  contact?: Contact
  opened: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Draft>(() => toDraft(contact))
  const [error, setError] = useState<AppError | null>(null)
  const [saving, setSaving] = useState(false)
  const errors = fieldErrors(t, error)
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }))

  const close = () => {
    setDraft(toDraft(contact))
    setError(null)
    onClose()
  }

  const submit = async () => {
    setSaving(true)
    const others = contact?.messaging.filter((m) => m.kind !== 'whatsapp' && m.kind !== 'wechat') ?? []
    const values: ContactInput = {
      name: draft.name,
      title: draft.title.trim() || null,
      emails: draft.emails,
      phones: draft.phones,
      messaging: [
        ...(draft.whatsapp.trim() ? [{ kind: 'whatsapp' as const, handle: draft.whatsapp.trim() }] : []),
        ...(draft.wechat.trim() ? [{ kind: 'wechat' as const, handle: draft.wechat.trim() }] : []),
        ...others,
      ],
      birthdayMonth: num(draft.birthdayMonth),
      birthdayDay: num(draft.birthdayDay),
      birthdayYear: num(draft.birthdayYear),
      language: draft.language as ContactInput['language'],
      isPrimary: draft.isPrimary,
      notes: draft.notes.trim() || null,
    }
    const res = contact
      ? await call('contacts:update', { id: contact.id, patch: values })
      : await call('contacts:create', { customerId, contact: values })
    setSaving(false)
    if (res.ok) {
      close()
    } else setError(res.error)
  }

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={contact ? t('contacts.edit') : t('contacts.add')}
      size="lg"
      error={error}
      onSubmit={submit}
      saving={saving}
      submitTestId="save-contact"
    >
      <SimpleGrid cols={2}>
        <TextInput
          label={t('fields.name')}
          required
          value={draft.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors['name']}
          data-autofocus
          data-testid="contact-name"
        />
        <TextInput
          label={t('fields.title')}
          value={draft.title}
          onChange={(e) => set('title', e.currentTarget.value)}
        />
        <TagsInput
          label={t('fields.emails')}
          description={t('hints.multiple')}
          value={draft.emails}
          onChange={(v) => set('emails', v)}
          error={Object.entries(errors).find(([k]) => k.startsWith('emails'))?.[1]}
          data-testid="contact-emails"
        />
        <TagsInput
          label={t('fields.phones')}
          description={t('hints.phone')}
          value={draft.phones}
          onChange={(v) => set('phones', v)}
          error={Object.entries(errors).find(([k]) => k.startsWith('phones'))?.[1]}
          data-testid="contact-phones"
        />
        <TextInput
          label={t('enum.messaging.whatsapp')}
          value={draft.whatsapp}
          onChange={(e) => set('whatsapp', e.currentTarget.value)}
        />
        <TextInput
          label={t('enum.messaging.wechat')}
          value={draft.wechat}
          onChange={(e) => set('wechat', e.currentTarget.value)}
        />
      </SimpleGrid>
      <Group grow align="flex-start">
        <NumberInput
          label={t('fields.birthdayMonth')}
          min={1}
          max={12}
          value={draft.birthdayMonth}
          onChange={(v) => set('birthdayMonth', v)}
          error={errors['birthdayMonth']}
        />
        <NumberInput
          label={t('fields.birthdayDay')}
          min={1}
          max={31}
          value={draft.birthdayDay}
          onChange={(v) => set('birthdayDay', v)}
          error={errors['birthdayDay']}
        />
        <NumberInput
          label={t('fields.birthdayYear')}
          min={1900}
          max={2100}
          value={draft.birthdayYear}
          onChange={(v) => set('birthdayYear', v)}
          error={errors['birthdayYear']}
        />
      </Group>
      <Select
        label={t('fields.language')}
        data={LANGUAGE_CODES.map((l) => ({ value: l, label: t(`enum.language.${l}`) }))}
        value={draft.language}
        onChange={(v) => set('language', v)}
        clearable
      />
      <Textarea
        label={t('fields.notes')}
        autosize
        minRows={2}
        value={draft.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
      />
      <Checkbox
        label={t('contacts.makePrimary')}
        checked={draft.isPrimary}
        onChange={(e) => set('isPrimary', e.currentTarget.checked)}
      />
    </FormDialog>
  )
}
