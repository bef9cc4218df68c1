// A profile field edited in place: shows the value, turns into an input on click, saves on Enter
// or the check button, cancels on Escape, and shows main's translated error under the input.
import { useState } from 'react'
import {
  ActionIcon,
  Autocomplete,
  Group,
  Select,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Tooltip,
  Box,
} from '@mantine/core'
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

type Option = { value: string; label: string }

export type EditableFieldProps = {
  /** Field key: used for the label (`fields.<name>`) and test ids. */
  name: string
  /** Current value; null or '' shows the "not set" placeholder. */
  value: string | string[] | null
  /** Kind of input. Default 'text'. */
  kind?: 'text' | 'textarea' | 'select' | 'tags'
  /** Options for 'select'; suggestions for 'tags', and for 'text' (free text still allowed). */
  options?: Option[]
  /** How to show the value when not editing; defaults to the option label or the raw text. */
  display?: (value: string | string[] | null) => React.ReactNode
  /** Text shown when the value is empty. Default: the translated "Not set". */
  emptyText?: string
  /** Saves the new value; resolves to a translated error message, or null when saved. */
  onSave: (value: string | string[] | null) => Promise<string | null>
}

export function EditableField({
  name,
  value,
  kind = 'text',
  options = [],
  display,
  emptyText,
  onSave,
}: EditableFieldProps) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState<string | string[] | null>(value)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const label = t(`fields.${name}`)

  const start = () => {
    setDraft(value)
    setError(null)
    setEditing(true)
  }
  const save = async (value: string | string[] | null = draft) => {
    setSaving(true)
    const normalized = typeof value === 'string' && value.trim() === '' ? null : value
    const err = await onSave(normalized)
    setSaving(false)
    if (err) setError(err)
    else setEditing(false)
  }
  const keys = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') setEditing(false)
    // With a suggestion highlighted, Enter picks it and onOptionSubmit saves it instead.
    const picking = (e.currentTarget as HTMLElement).getAttribute('aria-activedescendant')
    if (e.key === 'Enter' && kind === 'text' && !picking) void save()
  }

  const shown = display
    ? display(value)
    : Array.isArray(value)
      ? value.join(t('common.listSeparator'))
      : (options.find((o) => o.value === value)?.label ?? value)
  const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0)

  if (!editing) {
    return (
      <Box>
        <Text size="xs" c="dimmed" fw={500}>
          {label}
        </Text>
        <Group gap={4} wrap="nowrap" align="flex-start">
          <Text
            size="sm"
            c={empty ? 'dimmed' : undefined}
            fs={empty ? 'italic' : undefined}
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
            data-testid={`value-${name}`}
          >
            {empty ? (emptyText ?? t('common.notSet')) : shown}
          </Text>
          <Tooltip label={t('common.editField', { field: label })}>
            <ActionIcon
              variant="subtle"
              size="sm"
              onClick={start}
              aria-label={t('common.editField', { field: label })}
              data-testid={`edit-${name}`}
            >
              <IconPencil size={14} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Box>
    )
  }

  const common = { label, error, onKeyDown: keys, autoFocus: true, 'data-testid': `input-${name}` }
  return (
    <Box>
      {kind === 'select' ? (
        <Select
          {...common}
          data={options}
          value={(draft as string) ?? null}
          onChange={setDraft}
          searchable
          clearable
        />
      ) : kind === 'tags' ? (
        <TagsInput
          {...common}
          data={options.map((o) => o.value)}
          value={(draft as string[]) ?? []}
          onChange={setDraft}
        />
      ) : kind === 'textarea' ? (
        <Textarea
          {...common}
          autosize
          minRows={3}
          value={(draft as string) ?? ''}
          onChange={(e) => setDraft(e.currentTarget.value)}
        />
      ) : options.length > 0 ? (
        <Autocomplete
          {...common}
          data={options.map((o) => o.label)}
          value={(draft as string) ?? ''}
          onChange={setDraft}
          onOptionSubmit={(v) => void save(v)}
        />
      ) : (
        <TextInput
          {...common}
          value={(draft as string) ?? ''}
          onChange={(e) => setDraft(e.currentTarget.value)}
        />
      )}
      <Group gap={4} mt={4} justify="flex-end">
        <ActionIcon
          variant="light"
          color="gray"
          onClick={() => setEditing(false)}
          aria-label={t('common.cancel')}
        >
          <IconX size={14} aria-hidden />
        </ActionIcon>
        <ActionIcon
          variant="filled"
          onClick={() => void save()}
          loading={saving}
          aria-label={t('common.save')}
          data-testid={`save-${name}`}
        >
          <IconCheck size={14} aria-hidden />
        </ActionIcon>
      </Group>
    </Box>
  )
}

/** A labelled value that is derived or system-set, so it has no edit button. */
export function ReadOnlyField({ name, value }: { name: string; value: string | null }) {
  const { t } = useTranslation()
  return (
    <Box>
      <Text size="xs" c="dimmed" fw={500}>
        {t(`fields.${name}`)}
      </Text>
      <Text
        size="sm"
        c={value ? undefined : 'dimmed'}
        fs={value ? undefined : 'italic'}
        data-testid={`value-${name}`}
      >
        {value || t('common.notSet')}
      </Text>
    </Box>
  )
}
