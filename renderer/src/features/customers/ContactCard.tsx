import { useState } from 'react'
import {
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
} from '@mantine/core'
import { IconPencil, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { LANGUAGE_CODES } from '../../../../shared/domain'
import type { Contact } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { FormDialog } from '../../components/FormDialog'
import { useSaving } from '../../components/useSaving'
import { describeIssues, useFormIssues } from '../../components/formErrors'
import { contactFormSpec, toContactDraft, toContactInput } from './forms'
import type { ContactDraft } from './forms'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { useFormatters } from '../../i18n/format'
import { nameProps } from '../../components/scriptLang'
import { RowAction } from '../../components/RowAction'

/** One contact of a customer, with edit and delete. */
export function ContactCard({ contact, country }: { contact: Contact; country: string | null }) {
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
            <Text fw={600} size="sm" {...nameProps(contact.name)}>
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
          <RowAction
            icon={IconPencil}
            label={t('contacts.edit')}
            rowLabel={t('contacts.editNamed', { name: contact.name })}
            onClick={() => setEditing(true)}
          />
          <RowAction
            icon={IconTrash}
            danger
            label={t('contacts.delete')}
            rowLabel={t('contacts.deleteNamed', { name: contact.name })}
            onClick={() => setConfirm(true)}
          />
        </Group>
      </Group>
      <ContactEditor
        customerId={contact.customerId}
        country={country}
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

/** Creates a contact (no `contact`) or edits one. */
export function ContactEditor({
  customerId,
  country,
  contact,
  opened,
  onClose,
}: {
  customerId: string
  /** The customer's country: phones without +prefix are read in it. */
  country: string | null
  contact?: Contact
  opened: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [draft, setDraft] = useState<ContactDraft>(() => toContactDraft(contact))
  const [error, setError] = useState<AppError | null>(null)
  const { saving, run } = useSaving()
  const spec = contactFormSpec(country)
  const form = useFormIssues(spec, draft)
  const { byField: errors, lines } = describeIssues(t, spec.labels, form.issues, {
    countryName: country ? fmt.country(country) : null,
  })
  const set = <K extends keyof ContactDraft>(k: K, v: ContactDraft[K]) => setDraft((d) => ({ ...d, [k]: v }))

  const close = () => {
    setDraft(toContactDraft(contact))
    setError(null)
    form.reset()
    onClose()
  }

  const submit = async () => {
    setError(null)
    if (!form.submit()) return
    // Handles of other apps (Line, Telegram…) are not edited here and are kept as they are.
    const others = contact?.messaging.filter((m) => m.kind !== 'whatsapp' && m.kind !== 'wechat') ?? []
    const values = toContactInput(draft, others)
    const res = await run(() =>
      contact
        ? call('contacts:update', { id: contact.id, patch: values })
        : call('contacts:create', { customerId, contact: values }),
    )
    if (!res) return
    if (res.ok) close()
    else if (!form.fromMain(res.error)) setError(res.error)
  }

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={contact ? t('contacts.edit') : t('contacts.add')}
      size="lg"
      error={error}
      issues={lines}
      onSubmit={submit}
      saving={saving}
      submitTestId="save-contact"
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          label={t('fields.name')}
          required
          dir="auto"
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
          error={errors['title']}
        />
        <TagsInput
          label={t('fields.emails')}
          description={t('hints.multiple')}
          value={draft.emails}
          onChange={(v) => set('emails', v)}
          error={errors['emails']}
          data-testid="contact-emails"
        />
        <TagsInput
          label={t('fields.phones')}
          description={t('hints.phone')}
          value={draft.phones}
          onChange={(v) => set('phones', v)}
          error={errors['phones']}
          data-testid="contact-phones"
        />
        <TextInput
          label={t('enum.messaging.whatsapp')}
          value={draft.whatsapp}
          onChange={(e) => set('whatsapp', e.currentTarget.value)}
          error={errors['whatsapp']}
        />
        <TextInput
          label={t('enum.messaging.wechat')}
          value={draft.wechat}
          onChange={(e) => set('wechat', e.currentTarget.value)}
          error={errors['wechat']}
        />
      </SimpleGrid>
      <Group grow align="flex-start">
        <NumberInput
          label={t('fields.birthdayMonth')}
          min={1}
          max={12}
          allowDecimal={false}
          value={draft.birthdayMonth}
          onChange={(v) => set('birthdayMonth', v)}
          error={errors['birthdayMonth']}
          data-testid="contact-birthdayMonth"
        />
        <NumberInput
          label={t('fields.birthdayDay')}
          min={1}
          max={31}
          allowDecimal={false}
          value={draft.birthdayDay}
          onChange={(v) => set('birthdayDay', v)}
          error={errors['birthdayDay']}
          data-testid="contact-birthdayDay"
        />
        <NumberInput
          label={t('fields.birthdayYear')}
          min={1900}
          max={2100}
          allowDecimal={false}
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
        error={errors['language']}
        clearable
      />
      <Textarea
        label={t('fields.notes')}
        autosize
        minRows={2}
        value={draft.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={errors['notes']}
      />
      <Checkbox
        label={t('contacts.makePrimary')}
        checked={draft.isPrimary}
        onChange={(e) => set('isPrimary', e.currentTarget.checked)}
      />
    </FormDialog>
  )
}
