// A profile field edited in place: shows the value, turns into an input on click, saves on Enter
// or the check button, cancels on Escape, and shows main's translated error under the input.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { OptionsFilter } from '@mantine/core'
import { HoverTip } from './HoverTip'
import { ActionIcon, Autocomplete, Group, Select, TagsInput, TextInput, Textarea, Box } from '@mantine/core'
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { nameProps } from './scriptLang'
import { useSaving } from './useSaving'
import { typeaheadProps } from './combobox'
import classes from './EditableField.module.css'

type Option = { value: string; label: string }

export type EditableFieldProps = {
  /** Field key: used for the label (`fields.<name>`) and test ids. */
  name: string
  /** Current value; null or '' shows the "not set" placeholder. */
  value: string | string[] | null
  /** Kind of input. Default 'text'. */
  kind?: 'text' | 'textarea' | 'select' | 'tags'
  /**
   * Options for 'select'; suggestions for 'tags', and for 'text' (free text still allowed). A
   * function is called only when the field opens: a page of fields at rest builds no option lists
   * (hundreds of translated names it would never show).
   */
  options?: Option[] | (() => Option[])
  /** How to show the value when not editing; defaults to the option label or the raw text. */
  display?: (value: string | string[] | null) => React.ReactNode
  /** Text shown when the value is empty. Default: the translated "Not set". */
  emptyText?: string
  /** Saves the new value; resolves to a translated error message, or null when saved. */
  onSave: (value: string | string[] | null) => Promise<string | null>
  /**
   * The field's own check (a translated message, or null when valid). While an error shows it
   * reruns on every change, so the error clears as soon as the value is valid. Default none.
   */
  check?: (value: string | string[] | null) => string | null
  /** Opens the field for editing whenever this number changes (after the first render). Default none. */
  openSignal?: number
  /** Options filter for 'select' (e.g. country names in every language); Enter then takes the first match. */
  filter?: OptionsFilter
}

export function EditableField({
  name,
  value,
  kind = 'text',
  options = [],
  display,
  emptyText,
  onSave,
  check,
  filter,
  openSignal,
}: EditableFieldProps) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState<string | string[] | null>(value)
  const [error, setError] = useState<string | null>(null)
  const { saving, run } = useSaving()
  const label = t(`fields.${name}`)
  const pencil = useRef<HTMLButtonElement>(null)
  // Leaving the input (saved or cancelled) puts focus back on the pencil that opened it, not on <body>.
  const refocus = useRef(false)
  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false
      pencil.current?.focus()
    }
  }, [editing])
  const stop = () => {
    refocus.current = true
    setEditing(false)
  }
  // Another control asks to edit this field (the owner warning's "Assign"); the input takes focus.
  const lastSignal = useRef(openSignal)
  useEffect(() => {
    if (openSignal === lastSignal.current) return
    lastSignal.current = openSignal
    setDraft(value)
    setError(null)
    setEditing(true)
  }, [openSignal, value])
  const change = (next: string | string[] | null) => {
    setDraft(next)
    if (error !== null && check) setError(check(typeof next === 'string' && next.trim() === '' ? null : next))
  }

  const start = () => {
    setDraft(value)
    setError(null)
    setEditing(true)
  }
  const save = async (value: string | string[] | null = draft) => {
    const normalized = typeof value === 'string' && value.trim() === '' ? null : value
    const err = check?.(normalized) ?? (await run(() => onSave(normalized)))
    // Undefined: a save was already running, and this one is ignored.
    if (err === undefined) return
    if (err) setError(err)
    else stop()
  }
  const keys = (e: React.KeyboardEvent) => {
    const target = e.currentTarget as HTMLElement
    // With a suggestion list open, Escape only closes the list (Mantine does it), not the edit.
    if (e.key === 'Escape' && target.getAttribute('aria-expanded') !== 'true') stop()
    // With a suggestion highlighted, Enter picks it and onOptionSubmit saves it instead.
    const picking = target.getAttribute('aria-activedescendant')
    if (e.key === 'Enter' && kind === 'text' && !picking) void save()
  }

  const list = useMemo(
    () =>
      editing || (kind === 'select' && !display) ? (typeof options === 'function' ? options() : options) : [],
    [editing, kind, display, options],
  )
  const shown = display
    ? display(value)
    : Array.isArray(value)
      ? value.join(t('common.listSeparator'))
      : (list.find((o) => o.value === value)?.label ?? value)
  const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0)

  if (!editing) {
    return (
      <div>
        <p className={classes.label}>{label}</p>
        <div className={classes.row}>
          <p
            className={empty ? `${classes.value} ${classes.empty}` : classes.value}
            data-testid={`value-${name}`}
          >
            {empty ? (
              (emptyText ?? t('common.notSet'))
            ) : typeof shown === 'string' ? (
              // A name in its own script (Arabic, Chinese…) reads in its own direction.
              <span {...nameProps(shown)}>{shown}</span>
            ) : (
              shown
            )}
          </p>
          <HoverTip label={t('common.editField', { field: label })}>
            <ActionIcon
              variant="subtle"
              size="sm"
              ref={pencil}
              onClick={start}
              aria-label={t('common.editField', { field: label })}
              data-testid={`edit-${name}`}
            >
              <IconPencil size={14} aria-hidden />
            </ActionIcon>
          </HoverTip>
        </div>
      </div>
    )
  }

  const common = { label, error, onKeyDown: keys, autoFocus: true, 'data-testid': `input-${name}` }
  return (
    <Box>
      {kind === 'select' ? (
        <Select
          {...common}
          data={list}
          value={(draft as string) ?? null}
          onChange={change}
          searchable
          clearable
          filter={filter}
          selectFirstOptionOnChange={Boolean(filter)}
          {...typeaheadProps}
          onKeyDown={(e) => {
            typeaheadProps.onKeyDown(e)
            keys(e)
          }}
        />
      ) : kind === 'tags' ? (
        <TagsInput
          {...common}
          data={list.map((o) => o.value)}
          value={(draft as string[]) ?? []}
          onChange={change}
        />
      ) : kind === 'textarea' ? (
        <Textarea
          {...common}
          autosize
          minRows={3}
          value={(draft as string) ?? ''}
          onChange={(e) => change(e.currentTarget.value)}
        />
      ) : list.length > 0 ? (
        <Autocomplete
          {...common}
          data={list.map((o) => o.label)}
          value={(draft as string) ?? ''}
          onChange={change}
          onOptionSubmit={(v) => void save(v)}
          // Above the input, so the list never covers the save and cancel buttons below it.
          comboboxProps={{ position: 'top' }}
        />
      ) : (
        <TextInput
          {...common}
          value={(draft as string) ?? ''}
          onChange={(e) => change(e.currentTarget.value)}
        />
      )}
      <Group gap={4} mt={4} justify="flex-end">
        <ActionIcon variant="light" color="gray" onClick={stop} aria-label={t('common.cancel')}>
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
    <div>
      <p className={classes.label}>{t(`fields.${name}`)}</p>
      <p
        className={value ? classes.value : `${classes.value} ${classes.empty}`}
        data-testid={`value-${name}`}
      >
        {value || t('common.notSet')}
      </p>
    </div>
  )
}
