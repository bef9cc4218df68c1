// The booth's capture form (F1): large fields in the order a visitor is met (company, person,
// email, phone, country, interests, notes, card photo). Enter goes to the next field, Ctrl+Enter
// saves from anywhere, and after a save the form clears and is ready for the next visitor. As the
// user types, customers likely to be the same one (P8 rules) are offered to add the lead to.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import {
  Alert,
  Anchor,
  Button,
  Card,
  CloseButton,
  Group,
  Image,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { IconCamera, IconCheck, IconCopy, IconDeviceFloppy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { hrefFor } from '../../app/route'
import { useFormatters } from '../../i18n/format'
import { countryFilter } from '../../components/countries'
import { useSaving } from '../../components/useSaving'
import { productCategoryOptions } from '../../i18n/vocabulary'
import { ATTACHMENT_MAX_BYTES, IMAGE_TYPES } from '../../../../shared/fair'
import type { Fair } from '../../../../shared/fair'
import type { DuplicateCandidate } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { errorText, issuesByField } from './issues'
import { typeaheadProps } from '../../components/combobox'

type Draft = {
  company: string
  person: string
  email: string
  phone: string
  country: string | null
  interests: string[]
  note: string
}
const EMPTY: Draft = { company: '', person: '', email: '', phone: '', country: null, interests: [], note: '' }

type Photo = { file: File; url: string }

// The fields Enter walks through, in order; the last one's Enter saves.
const ORDER = ['company', 'person', 'email', 'phone', 'country', 'interests', 'note', 'photo'] as const

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('read'))
    reader.readAsDataURL(file)
  })
}

export function CaptureForm({ fair }: { fair: Fair }) {
  const { t, i18n } = useTranslation()
  const fmt = useFormatters()
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [target, setTarget] = useState<DuplicateCandidate | null>(null)
  const [photo, setPhoto] = useState<Photo | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const { saving, run } = useSaving()
  const [saved, setSaved] = useState<{ name: string; count: number; existing: boolean } | null>(null)
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([])
  const [interestSearch, setInterestSearch] = useState('')
  const refs = useRef<Partial<Record<(typeof ORDER)[number], HTMLElement | null>>>({})
  const fileInput = useRef<HTMLInputElement>(null)
  const errors = issuesByField(t, error)
  const interests = useMemo(() => productCategoryOptions(t, i18n.language), [t, i18n.language])
  const countries = useMemo(() => fmt.countryOptions(), [fmt])

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }))
  const focus = (name: (typeof ORDER)[number]) => {
    const el = refs.current[name]
    el?.focus()
  }
  // The screen is for typing: the company field takes focus, also from the page heading the app
  // focuses after a navigation (until the user does something else).
  useEffect(() => {
    focus('company')
    const fromHeading = (e: FocusEvent) => {
      // After the heading has it: the app stops placing focus once its heading holds it.
      if (e.target instanceof HTMLElement && e.target.dataset.pageHeading !== undefined)
        setTimeout(() => focus('company'), 0)
    }
    const stop = () => {
      document.removeEventListener('focusin', fromHeading)
      document.removeEventListener('pointerdown', stop, true)
      document.removeEventListener('keydown', stop, true)
    }
    document.addEventListener('focusin', fromHeading)
    document.addEventListener('pointerdown', stop, true)
    document.addEventListener('keydown', stop, true)
    return stop
  }, [])

  // Suggestions follow the typing, a moment after it pauses; a newer answer replaces an older one.
  const { company, email, phone, country } = draft
  useEffect(() => {
    if (target) return
    if (!company.trim() && !email.trim() && !phone.trim()) {
      setDuplicates([])
      return
    }
    let live = true
    const timer = setTimeout(() => {
      void call('fair:duplicates', { company, email: email || null, phone: phone || null, country }).then(
        (res) => {
          if (live && res.ok) setDuplicates(res.data.candidates)
        },
      )
    }, 250)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [company, email, phone, country, target])

  const pickPhoto = (file: File | null) => {
    if (photo) URL.revokeObjectURL(photo.url)
    setPhoto(null)
    setError(null)
    if (!file) return
    // Checked here as well as in main, so a wrong file is said at once, not at save.
    if (!(file.type in IMAGE_TYPES)) {
      setError({ code: 'attachment_not_image' })
      if (fileInput.current) fileInput.current.value = ''
      return
    }
    if (file.size > ATTACHMENT_MAX_BYTES) {
      setError({ code: 'attachment_too_large' })
      if (fileInput.current) fileInput.current.value = ''
      return
    }
    setPhoto({ file, url: URL.createObjectURL(file) })
  }

  const reset = () => {
    setDraft(EMPTY)
    setInterestSearch('')
    setTarget(null)
    setDuplicates([])
    if (photo) URL.revokeObjectURL(photo.url)
    setPhoto(null)
    if (fileInput.current) fileInput.current.value = ''
    setError(null)
  }

  const save = async () => {
    // The photo is read inside the run, so a second Ctrl+Enter while it reads is ignored too.
    const res = await run(async () => {
      setError(null)
      return call('fair:capture', {
        fairId: fair.id,
        customerId: target?.id ?? null,
        company: draft.company,
        country: draft.country,
        person: draft.person || null,
        email: draft.email || null,
        phone: draft.phone || null,
        interests: draft.interests,
        note: draft.note || null,
        photo: photo
          ? { fileName: photo.file.name, mime: photo.file.type, base64: await toBase64(photo.file) }
          : null,
      })
    })
    if (!res) return
    if (!res.ok) {
      setError(res.error)
      const first = ORDER.find((f) => res.error.issues?.some((i) => i.path.includes(f)))
      if (first) focus(first)
      return
    }
    setSaved({
      name: target?.displayName ?? draft.company,
      count: res.data.leadCount,
      existing: res.data.existing,
    })
    reset()
    focus('company')
  }

  // Enter moves on (a list open under a field takes its Enter first); Ctrl/⌘+Enter saves.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault()
      void save()
      return
    }
    const el = e.target as HTMLElement
    if (el.tagName === 'BUTTON' || el.getAttribute('type') === 'file') return
    if (el.tagName === 'TEXTAREA' && e.shiftKey) return
    if (el === refs.current.interests) {
      // Enter takes the option highlighted in the list, else the first one matching the text
      // typed; with nothing typed it moves on.
      if (interestSearch.trim()) {
        e.preventDefault()
        if (el.getAttribute('aria-activedescendant')) return
        const q = interestSearch.trim().toLocaleLowerCase()
        const open = interests.filter((o) => !draft.interests.includes(o.value))
        const hit =
          open.find((o) => o.label.toLocaleLowerCase().startsWith(q)) ??
          open.find((o) => o.label.toLocaleLowerCase().includes(q))
        if (hit) {
          set('interests', [...draft.interests, hit.value])
          setInterestSearch('')
        }
        return
      }
    } else if (el === refs.current.country) {
      // The list has taken its highlighted option (typeaheadProps); Enter then moves on.
      e.preventDefault()
      setTimeout(() => focus('interests'), 0)
      return
    }
    const at = ORDER.findIndex((f) => refs.current[f] === el)
    if (at < 0) return
    e.preventDefault()
    const next = ORDER[at + 1]
    if (next) focus(next)
    else void save()
  }

  const errorLine = error && error.code !== 'validation' ? errorText(t, error) : null
  const bind = (name: (typeof ORDER)[number]) => ({
    ref: (el: HTMLElement | null) => {
      refs.current[name] = el
    },
    size: 'lg' as const,
    error: errors[name],
    'data-testid': `capture-${name}`,
  })

  return (
    <Stack gap="sm" onKeyDown={onKeyDown} data-testid="capture-form">
      <div role="status" aria-live="polite">
        {saved && (
          <Alert
            color="teal"
            icon={<IconCheck aria-hidden />}
            data-testid="capture-saved"
            withCloseButton
            onClose={() => setSaved(null)}
            closeButtonLabel={t('common.close')}
          >
            {t(saved.existing ? 'fair.savedExisting' : 'fair.saved', {
              name: saved.name,
              count: saved.count,
            })}
          </Alert>
        )}
      </div>
      {target && (
        <Alert color="blue" icon={<IconCopy aria-hidden />} data-testid="capture-target">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              {t('fair.addingTo')}{' '}
              <Anchor href={hrefFor({ name: 'customer', id: target.id })} fw={600}>
                {target.displayName}
              </Anchor>
              {target.country ? ` · ${fmt.country(target.country)}` : ''}
            </Text>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => setTarget(null)}
              data-testid="capture-untarget"
            >
              {t('fair.newInstead')}
            </Button>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TextInput
          label={t('fair.company')}
          required={!target}
          disabled={!!target}
          value={target ? target.displayName : draft.company}
          onChange={(e) => set('company', e.currentTarget.value)}
          dir="auto"
          autoComplete="off"
          {...bind('company')}
        />
        <TextInput
          label={t('fair.person')}
          value={draft.person}
          onChange={(e) => set('person', e.currentTarget.value)}
          dir="auto"
          autoComplete="off"
          {...bind('person')}
        />
        <TextInput
          label={t('fields.email')}
          type="email"
          value={draft.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          autoComplete="off"
          {...bind('email')}
        />
        <TextInput
          label={t('fields.phone')}
          type="tel"
          value={draft.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          autoComplete="off"
          {...bind('phone')}
        />
        <Select
          label={t('fields.country')}
          description={t('fair.countryHint')}
          required={!target}
          disabled={!!target}
          data={countries}
          searchable
          clearable
          filter={countryFilter}
          selectFirstOptionOnChange
          openOnFocus={false}
          nothingFoundMessage={t('customerForm.countryNothing')}
          value={target ? target.country : draft.country}
          onChange={(v) => set('country', v)}
          {...typeaheadProps}
          {...bind('country')}
        />
        <MultiSelect
          label={t('fair.interests')}
          description={t('fair.interestsHint')}
          data={interests}
          searchable
          clearable
          hidePickedOptions
          maxDropdownHeight={260}
          value={draft.interests}
          onChange={(v) => set('interests', v)}
          searchValue={interestSearch}
          onSearchChange={setInterestSearch}
          {...bind('interests')}
        />
      </SimpleGrid>
      {duplicates.length > 0 && !target && (
        <Card withBorder bg="yellow.0" data-testid="capture-duplicates">
          <Text fw={600} size="sm" mb={4}>
            {t('fair.maybeKnown')}
          </Text>
          <Stack gap={6}>
            {duplicates.map((d) => (
              <Group key={d.id} justify="space-between" wrap="nowrap" data-testid="capture-duplicate">
                <Text size="sm">
                  <Anchor href={hrefFor({ name: 'customer', id: d.id })} fw={600}>
                    {d.displayName}
                  </Anchor>
                  {d.country ? ` · ${fmt.country(d.country)}` : ''} —{' '}
                  {d.reasons.map((r) => t(`duplicates.reason.${r}`)).join(t('common.listSeparator'))}
                </Text>
                <Button
                  size="xs"
                  color="orange.8"
                  onClick={() => {
                    setTarget(d)
                    focus('person')
                  }}
                  data-testid="capture-add-to"
                >
                  {t('fair.addToThis')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Textarea
          label={t('fields.notes')}
          description={t('fair.notesHint')}
          autosize
          minRows={2}
          maxRows={6}
          value={draft.note}
          onChange={(e) => set('note', e.currentTarget.value)}
          dir="auto"
          {...bind('note')}
        />
        <Group align="center" gap="md" mt={{ md: 'xl' }}>
          <Button
            component="label"
            htmlFor="capture-photo-input"
            variant="default"
            size="lg"
            leftSection={<IconCamera size={20} aria-hidden />}
          >
            {photo ? t('fair.photoReplace') : t('fair.photo')}
          </Button>
          <input
            id="capture-photo-input"
            ref={(el) => {
              fileInput.current = el
              refs.current.photo = el
            }}
            type="file"
            accept={Object.keys(IMAGE_TYPES).join(',')}
            // On a phone or tablet, the back camera opens directly (the card is in front of it).
            capture="environment"
            style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
            onChange={(e) => pickPhoto(e.currentTarget.files?.[0] ?? null)}
            data-testid="capture-photo"
          />
          {photo && (
            <Group gap="xs" data-testid="capture-photo-preview">
              <Image src={photo.url} alt={t('fair.photoAlt')} h={64} w="auto" radius="sm" />
              <Text size="sm" c="dimmed">
                {photo.file.name}
              </Text>
              <CloseButton aria-label={t('fair.photoRemove')} onClick={() => pickPhoto(null)} />
            </Group>
          )}
          {!photo && (
            <Text size="sm" c="dimmed">
              {t('fair.photoHint')}
            </Text>
          )}
        </Group>
      </SimpleGrid>
      {errorLine && (
        <Alert color="red" role="alert" data-testid="capture-error">
          {errorLine}
        </Alert>
      )}
      {error?.code === 'validation' && (
        <Alert color="red" role="alert" data-testid="capture-error">
          {t('errors.validation')}
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('fair.keys')}
        </Text>
        <Group>
          <Button variant="default" size="lg" onClick={reset} data-testid="capture-clear">
            {t('fair.clear')}
          </Button>
          <Button
            size="lg"
            leftSection={<IconDeviceFloppy size={20} aria-hidden />}
            onClick={() => void save()}
            loading={saving}
            data-testid="capture-save"
          >
            {t('fair.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}
