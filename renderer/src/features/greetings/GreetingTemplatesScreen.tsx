// Greeting templates (R4) at #/greetings: every occasion (holiday kinds, other holidays, birthdays)
// in zh, fr, en and any language the team adds, edited with a live preview on a sample contact,
// saved for the whole team (synced) or reset to the built-in text; the lead time of each occasion
// (how many days ahead Today lists it) and the signature are this device's settings.
import { useEffect, useMemo, useState } from 'react'
import {
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NavLink,
  NumberInput,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { ErrorAlert } from '../../components/ErrorAlert'
import {
  BUILTIN_LANGS,
  DEFAULT_LEAD_DAYS,
  GREETING_FIELDS,
  GREETING_OCCASIONS,
  MAX_LEAD_DAYS,
  fillTemplate,
  type GreetingOccasion,
  type TemplateLang,
} from '../../../../shared/greetings'
import { LANGUAGE_CODES } from '../../../../shared/vocabulary'
import type { AppError } from '../../../../shared/errors'
import { useLanguageName } from './GreetingDialog'

/** An occasion's name: a holiday kind by the calendar's word for it, else the screen's own. */
export function occasionLabel(t: TFunction, occasion: GreetingOccasion): string {
  return occasion === 'birthday' || occasion === 'holiday'
    ? t(`greetings.occasion.${occasion}`)
    : t(`calendar.holiday.${occasion}`)
}

/** A refused save or setting in words: the unknown field named, an empty message, a lead time out of range. */
export function greetingErrorText(t: TFunction, error: AppError): string | null {
  const details = (error.details ?? {}) as {
    unknownField?: string
    leadDays?: { min: number; max: number }
  }
  if (details.unknownField) return t('greetings.error.unknownField', { field: `{${details.unknownField}}` })
  if (details.leadDays) return t('greetings.error.leadDays', details.leadDays)
  if (error.issues?.some((i) => i.path.includes('body') && i.code === 'required'))
    return t('greetings.error.emptyBody')
  return null
}

function notifyError(t: TFunction, error: AppError) {
  notifications.show({ color: 'red', message: greetingErrorText(t, error) ?? t(`errors.${error.code}`) })
}

export function GreetingTemplatesScreen() {
  const { t } = useTranslation()
  const q = useQuery('greetings:templates', {})
  const [occasion, setOccasion] = useState<GreetingOccasion>('lunar_new_year')
  const templates = q.data?.templates ?? []
  const settings = q.data?.settings
  const lead = (o: GreetingOccasion) => settings?.leadDays[o] ?? DEFAULT_LEAD_DAYS

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('greetings.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('greetings.intro')}
        </Text>
      </div>
      {q.status === 'error' && <ErrorAlert error={q.error} />}
      {settings && <SenderSetting value={settings.sender} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 4, lg: 3 }}>
          <Card withBorder p={0}>
            <ScrollArea.Autosize mah="calc(100vh - 260px)">
              <nav aria-label={t('greetings.occasionsLabel')}>
                {GREETING_OCCASIONS.map((o) => {
                  const custom = templates.some((tpl) => tpl.occasion === o && tpl.custom)
                  return (
                    <NavLink
                      key={o}
                      component="button"
                      active={o === occasion}
                      onClick={() => setOccasion(o)}
                      label={occasionLabel(t, o)}
                      description={t('greetings.leadBadge', { count: lead(o) })}
                      rightSection={
                        custom ? (
                          <Badge size="xs" variant="light">
                            {t('greetings.custom')}
                          </Badge>
                        ) : undefined
                      }
                      aria-current={o === occasion ? 'true' : undefined}
                      data-testid={`occasion-${o}`}
                    />
                  )
                })}
              </nav>
            </ScrollArea.Autosize>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8, lg: 9 }}>
          {q.data && (
            <OccasionEditor
              key={occasion}
              occasion={occasion}
              templates={templates.filter((tpl) => tpl.occasion === occasion)}
              otherLangs={[...new Set(templates.map((tpl) => tpl.lang))]}
              lead={lead(occasion)}
              sender={settings?.sender ?? null}
            />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  )
}

function SenderSetting({ value }: { value: string | null }) {
  const { t } = useTranslation()
  const [sender, setSender] = useState(value ?? '')
  useEffect(() => setSender(value ?? ''), [value])
  const save = async () => {
    const res = await call('greetings:saveSettings', { sender: sender.trim() || null })
    if (!res.ok) return notifyError(t, res.error)
    notifications.show({ color: 'teal', message: t('greetings.senderSaved') })
  }
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        label={t('greetings.sender')}
        description={t('greetings.senderHelp')}
        value={sender}
        onChange={(e) => setSender(e.currentTarget.value)}
        w={360}
        data-testid="greeting-sender"
      />
      <Button variant="default" onClick={() => void save()} disabled={sender.trim() === (value ?? '')}>
        {t('greetings.senderSave')}
      </Button>
    </Group>
  )
}

type Template = {
  lang: string
  subject: string
  body: string
  custom: boolean
  builtin: { subject: string; body: string } | null
}

function OccasionEditor({
  occasion,
  templates,
  otherLangs,
  lead,
  sender,
}: {
  occasion: GreetingOccasion
  templates: Template[]
  otherLangs: string[]
  lead: number
  sender: string | null
}) {
  const { t, i18n } = useTranslation()
  const languageName = useLanguageName()
  const ui = i18n.resolvedLanguage ?? 'en'
  const langs = [...new Set<string>([...BUILTIN_LANGS, ...otherLangs])]
  const [lang, setLang] = useState<string>(langs.includes(ui) ? ui : 'en')
  const template = templates.find((tpl) => tpl.lang === lang)
  const [subject, setSubject] = useState(template?.subject ?? '')
  const [body, setBody] = useState(template?.body ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null)
  // Another language, or the saved text after a save or reset (here or by a teammate).
  useEffect(() => {
    setSubject(template?.subject ?? '')
    setBody(template?.body ?? '')
    setError(null)
  }, [lang, template?.subject, template?.body])

  const sample = useMemo(() => {
    // The preview reads as the greeting would in that language: the sample's words in it when the
    // app speaks it, else in the user's.
    const fixed = (BUILTIN_LANGS as readonly string[]).includes(lang) ? i18n.getFixedT(lang) : t
    return {
      contact: fixed('greetings.sample.contact'),
      company: fixed('greetings.sample.company'),
      holiday: occasion === 'holiday' ? fixed('calendar.holiday.other') : occasionLabel(fixed, occasion),
      sender: sender ?? fixed('greetings.sample.sender'),
    }
  }, [lang, occasion, sender, t, i18n])

  const dirty = subject !== (template?.subject ?? '') || body !== (template?.body ?? '')

  const save = async () => {
    setBusy('save')
    const res = await call('greetings:saveTemplate', {
      occasion,
      lang: lang as TemplateLang,
      subject,
      body,
    })
    setBusy(null)
    if (!res.ok) {
      setError(greetingErrorText(t, res.error) ?? t(`errors.${res.error.code}`))
      return
    }
    setError(null)
    notifications.show({ color: 'teal', message: t('greetings.saved') })
  }
  const reset = async () => {
    setBusy('reset')
    const res = await call('greetings:resetTemplate', { occasion, lang: lang as TemplateLang })
    setBusy(null)
    if (!res.ok) return notifyError(t, res.error)
    notifications.show({ color: 'teal', message: t('greetings.resetDone') })
  }

  const insert = (field: string) => setBody((b) => `${b}{${field}}`)

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="xs">
        <Title order={2} size="h3">
          {occasionLabel(t, occasion)}
        </Title>
        <Group gap="xs">
          <SegmentedControl
            aria-label={t('greetings.language')}
            value={BUILTIN_LANGS.includes(lang as (typeof BUILTIN_LANGS)[number]) ? lang : ''}
            onChange={setLang}
            data={BUILTIN_LANGS.map((l) => ({ value: l, label: languageName(l, true) }))}
            data-testid="template-lang"
          />
          <Select
            aria-label={t('greetings.otherLanguage')}
            placeholder={t('greetings.otherLanguage')}
            value={BUILTIN_LANGS.includes(lang as (typeof BUILTIN_LANGS)[number]) ? null : lang}
            onChange={(v) => v && setLang(v)}
            data={LANGUAGE_CODES.filter((l) => !(BUILTIN_LANGS as readonly string[]).includes(l))
              .map((l) => ({ value: l, label: languageName(l, true) }))
              .sort((a, b) => a.label.localeCompare(b.label, ui))}
            searchable
            w={200}
          />
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="xs">
            {!template && <Text c="dimmed">{t('greetings.noTemplate')}</Text>}
            <TextInput
              label={t('greetings.subject')}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              data-testid="template-subject"
            />
            <Textarea
              label={t('greetings.body')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              autosize
              minRows={8}
              maxRows={16}
              error={error}
              data-testid="template-body"
            />
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {t('greetings.fieldsHelp')}
              </Text>
              {GREETING_FIELDS.map((field) => (
                <Button
                  key={field}
                  size="compact-xs"
                  variant="default"
                  onClick={() => insert(field)}
                  title={t(`greetings.field.${field}`)}
                  // The name starts with what the button shows (axe label-content-name-mismatch).
                  aria-label={t('greetings.insertField', {
                    field: `{${field}}`,
                    meaning: t(`greetings.field.${field}`),
                  })}
                >
                  {`{${field}}`}
                </Button>
              ))}
            </Group>
            <Group gap="xs">
              <Button
                onClick={() => void save()}
                loading={busy === 'save'}
                disabled={!dirty}
                data-testid="template-save"
              >
                {t('greetings.save')}
              </Button>
              {template?.custom && (
                <Button
                  variant="default"
                  onClick={() => void reset()}
                  loading={busy === 'reset'}
                  data-testid="template-reset"
                >
                  {t('greetings.reset')}
                </Button>
              )}
              {template?.custom && (
                <Badge variant="light" data-testid="template-custom">
                  {t('greetings.custom')}
                </Badge>
              )}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder p="md" bg="var(--mantine-color-gray-0)" data-testid="template-preview">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('greetings.preview')}
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              {t('greetings.previewNote', { contact: sample.contact, company: sample.company })}
            </Text>
            <Text fw={600} mb="xs" lang={lang}>
              {fillTemplate(subject, sample)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lang={lang}>
              {fillTemplate(body, sample)}
            </Text>
          </Paper>
          <Paper withBorder p="md" mt="md">
            <LeadSetting occasion={occasion} value={lead} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}

function LeadSetting({ occasion, value }: { occasion: GreetingOccasion; value: number }) {
  const { t } = useTranslation()
  const [days, setDays] = useState<number | string>(value)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setDays(value), [value])
  const save = async () => {
    const res = await call('greetings:saveSettings', { leadDays: { [occasion]: Number(days) } })
    if (!res.ok) {
      setError(greetingErrorText(t, res.error) ?? t(`errors.${res.error.code}`))
      return
    }
    setError(null)
    notifications.show({ color: 'teal', message: t('greetings.leadSaved') })
  }
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs">
        <NumberInput
          label={t('greetings.lead')}
          value={days}
          onChange={setDays}
          allowDecimal={false}
          min={0}
          max={MAX_LEAD_DAYS}
          clampBehavior="none"
          w={160}
          error={error}
          data-testid="template-lead"
        />
        <Button
          variant="default"
          mb={error ? 22 : 0}
          onClick={() => void save()}
          disabled={days === '' || Number(days) === value}
          data-testid="template-lead-save"
        >
          {t('greetings.leadSave')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('greetings.leadHelp')}
      </Text>
    </Stack>
  )
}
