// The greeting dialog (R4), opened from Today's greetings and from a holiday or birthday on the
// calendar: a birthday goes straight to that contact's draft; a holiday lists the customers it
// touches (Key first) to write to one by one. The draft comes from main in the language the
// contact reads (the line under it says which and why), stays editable, opens as a mail draft or
// is copied, and "Mark as sent" logs it on the customer's interactions.
import { useEffect, useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { IconCheck, IconCopy, IconMail, IconPlayerTrackNext } from '@tabler/icons-react'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { hrefFor } from '../../app/route'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useFormatters } from '../../i18n/format'
import { mailtoOf, type GreetingTarget } from '../../../../shared/greetings'
import type { HolidayKind } from '../../../../shared/holidays'
import type { UiLanguage } from '../../../../shared/vocabulary'

/** Longest mailto: URL handed to the mail program; some clients cut longer ones. */
const MAILTO_LIMIT = 2000

export type GreetingOpen =
  | { kind: 'birthday'; date: string; title: string; customerId: string; contactId?: string }
  | { kind: 'holiday'; date: string; title: string; countries: string[]; holidayKind?: HolidayKind }

type Pick = { customerId: string; contactId: string | null }

/**
 * A language's name in the reader's language ("anglais", "阿拉伯语"); `label` capitalises it for a
 * tab or a list item ("Anglais"), where French and Spanish names would otherwise start lower-case.
 */
export function useLanguageName() {
  const { i18n } = useTranslation()
  const ui = i18n.resolvedLanguage ?? 'en'
  const names = new Intl.DisplayNames([ui], { type: 'language' })
  return (code: string, label = false) => {
    const name = names.of(code) ?? code
    return label ? name.charAt(0).toLocaleUpperCase(ui) + name.slice(1) : name
  }
}

export function GreetingDialog({ open, onClose }: { open: GreetingOpen; onClose: () => void }) {
  const { t } = useTranslation()
  const f = useFormatters()
  const [country, setCountry] = useState(open.kind === 'holiday' ? (open.countries[0] ?? '') : '')
  const [pick, setPick] = useState<Pick | null>(
    open.kind === 'birthday' ? { customerId: open.customerId, contactId: open.contactId ?? null } : null,
  )
  const target: GreetingTarget =
    open.kind === 'birthday'
      ? { occasion: 'birthday', date: open.date }
      : {
          occasion: 'holiday',
          date: open.date,
          country,
          ...(open.holidayKind ? { holidayKind: open.holidayKind } : {}),
        }

  return (
    <Modal
      opened
      onClose={onClose}
      // A birthday's title already says what it is ("Birthday: Omar Haddad (Al Noor)").
      title={open.kind === 'birthday' ? open.title : t('greetings.dialog.title', { occasion: open.title })}
      size="xl"
      data-testid="greeting-dialog"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {f.date(open.date)}
        </Text>
        {open.kind === 'holiday' && open.countries.length > 1 && (
          <Select
            label={t('greetings.dialog.country')}
            value={country}
            onChange={(v) => {
              if (!v) return
              setCountry(v)
              setPick(null)
            }}
            data={open.countries.map((c) => ({ value: c, label: f.country(c) }))}
            allowDeselect={false}
            w={260}
          />
        )}
        {pick ? (
          <Draft
            key={`${pick.customerId}:${country}`}
            target={target}
            pick={pick}
            onContact={(contactId) => setPick({ ...pick, contactId })}
            list={open.kind === 'holiday' ? () => setPick(null) : undefined}
            next={open.kind === 'holiday' ? (p) => setPick(p) : undefined}
          />
        ) : (
          <Recipients target={target} onPick={setPick} />
        )}
      </Stack>
    </Modal>
  )
}

/** The customers a holiday touches, with who was greeted already. */
function Recipients({ target, onPick }: { target: GreetingTarget; onPick: (p: Pick) => void }) {
  const { t } = useTranslation()
  const f = useFormatters()
  const q = useQuery('greetings:recipients', { target })
  const r = q.data
  const next = r?.rows.find((row) => !row.sent)
  return (
    <Stack gap="xs">
      {q.status === 'error' && <ErrorAlert error={q.error} />}
      <Group justify="space-between">
        <Text fw={600}>{t('greetings.dialog.recipients')}</Text>
        {r && (
          <Group gap="xs">
            <Badge
              variant="light"
              color={r.sent === r.total ? 'teal' : 'gray'}
              data-testid="greeting-progress"
            >
              {t('greetings.dialog.recipientsCount', { sent: f.number(r.sent), total: f.number(r.total) })}
            </Badge>
            <Button
              size="compact-sm"
              variant="light"
              disabled={!next}
              leftSection={<IconPlayerTrackNext size={14} aria-hidden />}
              onClick={() => next && onPick({ customerId: next.customerId, contactId: next.contactId })}
            >
              {t('greetings.dialog.next')}
            </Button>
          </Group>
        )}
      </Group>
      <Table.ScrollContainer minWidth={520} mah={420}>
        <Table data-testid="greeting-recipients" stickyHeader>
          <Table.Tbody>
            {(r?.rows ?? []).map((row) => (
              <Table.Tr key={row.customerId}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.customerName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {row.contactName ?? t('greetings.dialog.noContact')}
                    {row.email ? ` · ${row.email}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {row.sent && (
                    <Badge color="teal" variant="light" mr="xs">
                      {t('greetings.dialog.sent')}
                    </Badge>
                  )}
                  <Button
                    size="compact-sm"
                    variant={row.sent ? 'subtle' : 'light'}
                    onClick={() => onPick({ customerId: row.customerId, contactId: row.contactId })}
                    aria-label={t('greetings.dialog.chooseFor', { name: row.customerName })}
                  >
                    {t('greetings.dialog.choose')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {r && r.total > r.rows.length && (
        <Text size="xs" c="dimmed">
          {t('greetings.dialog.more', { shown: f.number(r.rows.length), total: f.number(r.total) })}
        </Text>
      )}
    </Stack>
  )
}

function Draft({
  target,
  pick,
  onContact,
  list,
  next,
}: {
  target: GreetingTarget
  pick: Pick
  onContact: (contactId: string) => void
  list?: () => void
  next?: (p: Pick) => void
}) {
  const { t, i18n } = useTranslation()
  const f = useFormatters()
  const languageName = useLanguageName()
  const uiLang = (i18n.resolvedLanguage ?? 'en') as UiLanguage
  const [lang, setLang] = useState<string | null>(null)
  const q = useQuery('greetings:draft', {
    customerId: pick.customerId,
    contactId: pick.contactId,
    target,
    lang,
    uiLang,
  })
  const d = q.data
  // The user's edits stay while the same draft reloads (after "sent", a teammate's change).
  const draftKey = d ? `${d.customerId}:${d.contactId ?? ''}:${d.lang}` : ''
  const [edit, setEdit] = useState<{ key: string; subject: string; body: string } | null>(null)
  useEffect(() => {
    if (d && edit?.key !== draftKey) setEdit({ key: draftKey, subject: d.subject, body: d.body })
  }, [d, draftKey, edit?.key])
  const subject = edit?.key === draftKey ? edit.subject : (d?.subject ?? '')
  const body = edit?.key === draftKey ? edit.body : (d?.body ?? '')
  const mailto = d ? mailtoOf(d.to, subject, body) : ''
  const [busy, setBusy] = useState(false)

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(body)
    } catch {
      // Denied (no focus, no permission) or no clipboard: say so rather than claim a copy.
      notifications.show({ color: 'red', message: t('greetings.dialog.copyFailed') })
      return
    }
    notifications.show({ color: 'teal', message: t('greetings.dialog.copied') })
  }

  const markSent = async () => {
    if (!d) return
    setBusy(true)
    const res = await call('greetings:markSent', {
      customerId: d.customerId,
      contactId: d.contactId,
      target,
      uiLang,
    })
    setBusy(false)
    notifications.show(
      res.ok
        ? {
            color: 'teal',
            message: t('greetings.dialog.sentDone', { name: d.contactName ?? d.customerName }),
          }
        : { color: 'red', message: t(`errors.${res.error.code}`) },
    )
  }

  const reason = d
    ? t(`greetings.dialog.reason.${d.reason}`, {
        lang: languageName(d.lang),
        country: f.country(target.country ?? ''),
      })
    : ''

  return (
    <Stack gap="sm" data-testid="greeting-draft">
      {q.status === 'error' && <ErrorAlert error={q.error} />}
      {d && (
        <>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Anchor href={hrefFor({ name: 'customer', id: d.customerId })} fw={600}>
                {d.customerName}
              </Anchor>
              <Text size="xs" c="dimmed" data-testid="greeting-reason">
                {reason}
              </Text>
            </div>
            {d.sent && (
              <Badge color="teal" variant="filled" data-testid="greeting-sent">
                {t('greetings.dialog.sent')}
              </Badge>
            )}
          </Group>
          <Group grow align="flex-end">
            <Select
              label={t('greetings.dialog.contact')}
              value={d.contactId}
              onChange={(v) => v && onContact(v)}
              data={d.contacts.map((k) => ({ value: k.id, label: k.name }))}
              placeholder={t('greetings.dialog.noContact')}
              allowDeselect={false}
              data-testid="greeting-contact"
            />
            <Select
              label={t('greetings.language')}
              value={d.lang}
              onChange={(v) => v && setLang(v)}
              data={d.langs.map((l) => ({ value: l, label: languageName(l, true) }))}
              allowDeselect={false}
              data-testid="greeting-lang"
            />
          </Group>
          <Text size="sm" c={d.to ? undefined : 'orange'} data-testid="greeting-to">
            {d.to ? t('greetings.dialog.toLine', { to: d.to }) : t('greetings.dialog.noEmail')}
          </Text>
          <TextInput
            label={t('greetings.subject')}
            value={subject}
            onChange={(e) => setEdit({ key: draftKey, subject: e.currentTarget.value, body })}
            data-testid="greeting-subject"
          />
          <Textarea
            label={t('greetings.body')}
            value={body}
            onChange={(e) => setEdit({ key: draftKey, subject, body: e.currentTarget.value })}
            autosize
            minRows={7}
            maxRows={14}
            data-testid="greeting-body"
          />
          {mailto.length > MAILTO_LIMIT && (
            <Alert color="orange" variant="light">
              {t('greetings.dialog.mailTooLong')}
            </Alert>
          )}
          <Group justify="space-between">
            <Group gap="xs">
              <Button
                component="a"
                href={mailto.length > MAILTO_LIMIT ? undefined : mailto}
                disabled={mailto.length > MAILTO_LIMIT}
                leftSection={<IconMail size={16} aria-hidden />}
                data-testid="greeting-mail"
              >
                {t('greetings.dialog.openMail')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconCopy size={16} aria-hidden />}
                onClick={() => void copy()}
                data-testid="greeting-copy"
              >
                {t('greetings.dialog.copy')}
              </Button>
              <Button
                variant={d.sent ? 'subtle' : 'light'}
                color="teal"
                leftSection={<IconCheck size={16} aria-hidden />}
                loading={busy}
                onClick={() => void markSent()}
                data-testid="greeting-mark-sent"
              >
                {t('greetings.dialog.markSent')}
              </Button>
            </Group>
            <Group gap="xs">
              {list && (
                <Button variant="subtle" onClick={list}>
                  {t('greetings.dialog.back')}
                </Button>
              )}
              {next && <NextUnsent target={target} current={pick.customerId} onNext={next} />}
            </Group>
          </Group>
        </>
      )}
    </Stack>
  )
}

/** The next customer of the holiday not greeted yet, after the one shown. */
function NextUnsent({
  target,
  current,
  onNext,
}: {
  target: GreetingTarget
  current: string
  onNext: (p: Pick) => void
}) {
  const { t } = useTranslation()
  const q = useQuery('greetings:recipients', { target })
  const next = q.data?.rows.find((r) => !r.sent && r.customerId !== current)
  return (
    <Button
      variant="subtle"
      disabled={!next}
      rightSection={<IconPlayerTrackNext size={16} aria-hidden />}
      onClick={() => next && onNext({ customerId: next.customerId, contactId: next.contactId })}
      data-testid="greeting-next"
    >
      {t('greetings.dialog.next')}
    </Button>
  )
}
