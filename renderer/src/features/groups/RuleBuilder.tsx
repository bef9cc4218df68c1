// Building a smart group (G2): a name, "all" or "any", and conditions over any field or figure
// ("Key or Mid, Middle East, electronics, no contact for 30 days"). The count of matching
// customers updates as the rules change, so the user sees what the group will hold before saving.
import { useEffect, useMemo, useState } from 'react'
import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { navigate } from '../../app/route'
import { FormDialog } from '../../components/FormDialog'
import { fieldErrors } from '../../components/ErrorAlert'
import { useFormatters } from '../../i18n/format'
import {
  CHOICE_VALUES,
  OPS_BY_KIND,
  RULE_FIELDS,
  RULE_FIELD_NAMES,
  groupRulesSchema,
} from '../../../../shared/groups'
import type { GroupRules, RuleCondition, RuleField } from '../../../../shared/groups'
import { PRODUCT_CATEGORIES } from '../../../../shared/vocabulary'
import type { AppError } from '../../../../shared/errors'
import { selectionKey } from './selectionKey'
import { GroupErrorAlert } from './GroupErrorAlert'
import { withoutIssues } from './formErrors'
import { storedValues, valueLabel } from './labels'

type Op = RuleCondition['op']
/** A condition while it is edited: every input kept, whatever the operator. */
type Draft = { field: RuleField; op: Op; values: string[]; text: string; number: number | '' }

const blank = (): Draft => ({ field: 'tier', op: 'in', values: [], text: '', number: '' })

function toDraft(c: RuleCondition): Draft {
  return {
    field: c.field,
    op: c.op,
    values: 'values' in c ? c.values : [],
    text: 'text' in c ? c.text : '',
    number: 'number' in c ? c.number : '',
  }
}

function toCondition(d: Draft): RuleCondition {
  switch (d.op) {
    case 'in':
    case 'not_in':
      return { field: d.field, op: d.op, values: d.values }
    case 'contains':
      return { field: d.field, op: d.op, text: d.text }
    case 'gte':
    case 'lte':
      return { field: d.field, op: d.op, number: d.number === '' ? Number.NaN : d.number }
    default:
      return { field: d.field, op: d.op }
  }
}

export function RuleBuilder({
  initial,
  onClose,
}: {
  initial: { id: string; name: string; rules: GroupRules } | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [name, setName] = useState(initial?.name ?? '')
  const [match, setMatch] = useState<'all' | 'any'>(initial?.rules.match ?? 'all')
  const [drafts, setDrafts] = useState<Draft[]>(initial ? initial.rules.conditions.map(toDraft) : [blank()])
  const [error, setError] = useState<AppError | null>(null)
  const facets = useQuery('customers:facets', {})
  const rules: GroupRules = { match, conditions: drafts.map(toCondition) }
  const [debounced] = useDebouncedValue(JSON.stringify(rules), 300)
  const [count, setCount] = useState<number | null>(null)
  const errors = fieldErrors(t, error)
  const countries = useMemo(() => fmt.countryOptions(), [fmt])

  useEffect(() => {
    const parsed = groupRulesSchema.safeParse(JSON.parse(debounced))
    if (!parsed.success) {
      setCount(null)
      return
    }
    let live = true
    void call('groups:figures', { selection: { kind: 'rules', rules: parsed.data } }).then((res) => {
      if (live) setCount(res.ok ? res.data.count : null)
    })
    return () => {
      live = false
    }
  }, [debounced])

  // An error goes as soon as its field is edited: the user sees only what is still wrong.
  const set = (i: number, change: Partial<Draft>) => {
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...change } : d)))
    setError((e) => withoutIssues(e, ['group', 'rules', 'conditions', i]))
  }
  const fieldOf = (i: number) => drafts[i]?.field

  const save = async () => {
    const res = await call('groups:save', {
      id: initial?.id,
      group: { kind: 'smart', name, rules },
    })
    if (!res.ok) {
      setError(res.error)
      return
    }
    onClose()
    navigate({ name: 'groups', key: selectionKey({ kind: 'group', id: res.data.id }) })
  }

  const freeValues = (field: RuleField): string[] => {
    const f = facets.data
    if (!f) return []
    if (field === 'industry') return f.industries
    if (field === 'owner') return f.owners
    if (field === 'tag') return f.tags
    if (field === 'product_category') return [...PRODUCT_CATEGORIES]
    return []
  }

  return (
    <FormDialog
      opened
      onClose={onClose}
      title={initial ? t('groups.editTitle') : t('groups.newSmartTitle')}
      error={null}
      onSubmit={save}
      submitLabel={t('common.save')}
      submitTestId="save-group"
      size="xl"
    >
      {error && <GroupErrorAlert error={error} fieldOf={fieldOf} />}
      <TextInput
        label={t('groups.name')}
        required
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value)
          setError((er) => withoutIssues(er, ['group', 'name']))
        }}
        error={errors['group.name']}
        maxLength={120}
        data-testid="group-name"
      />
      <Group gap="xs">
        <Text size="sm">{t('groups.matchLabel')}</Text>
        <SegmentedControl
          size="xs"
          value={match}
          onChange={(v) => setMatch(v)}
          data={[
            { value: 'all', label: t('groups.matchAll') },
            { value: 'any', label: t('groups.matchAny') },
          ]}
          aria-label={t('groups.matchLabel')}
        />
      </Group>
      <Stack gap="xs" data-testid="conditions">
        {drafts.map((d, i) => {
          const kind = RULE_FIELDS[d.field]
          const ops = OPS_BY_KIND[kind] as readonly Op[]
          const path = `group.rules.conditions.${i}`
          const closed = CHOICE_VALUES[d.field]
          return (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="condition">
              <Select
                size="xs"
                w={220}
                aria-label={t('groups.field')}
                allowDeselect={false}
                searchable
                value={d.field}
                data={RULE_FIELD_NAMES.map((f) => ({ value: f, label: t(`groups.fields.${f}`) }))}
                onChange={(v) => {
                  if (!v) return
                  const field = v
                  const allowed = OPS_BY_KIND[RULE_FIELDS[field]] as readonly Op[]
                  set(i, { field, op: allowed.includes(d.op) ? d.op : allowed[0]!, values: [] })
                }}
                data-testid="condition-field"
              />
              <Select
                size="xs"
                // "at least (or never)" needs the room to be read whole.
                w={d.field === 'days_since_contact' ? 220 : 150}
                aria-label={t('groups.operator')}
                allowDeselect={false}
                value={d.op}
                data={ops.map((op) => ({
                  value: op,
                  // "No contact for N days" includes the never contacted: the label says so.
                  label:
                    d.field === 'days_since_contact' && op === 'gte'
                      ? t('groups.contactGte')
                      : t(`groups.ops.${kind === 'days' ? `days_${op}` : op}`),
                }))}
                onChange={(v) => v && set(i, { op: v })}
                error={errors[`${path}.op`]}
                data-testid="condition-op"
              />
              <div style={{ flex: 1 }}>
                {(d.op === 'in' || d.op === 'not_in') &&
                  (d.field === 'country' ? (
                    // Countries are picked by their name in the UI language; the chips show names too.
                    <MultiSelect
                      size="xs"
                      aria-label={t('groups.values')}
                      placeholder={d.values.length === 0 ? t('groups.valuesPick') : undefined}
                      searchable
                      value={d.values}
                      data={countries}
                      onChange={(values) => set(i, { values })}
                      error={errors[`${path}.values`]}
                      data-testid="condition-values"
                    />
                  ) : closed ? (
                    <MultiSelect
                      size="xs"
                      aria-label={t('groups.values')}
                      placeholder={d.values.length === 0 ? t('groups.valuesPick') : undefined}
                      value={d.values}
                      data={closed.map((v) => ({ value: v, label: valueLabel(t, fmt, d.field, v) }))}
                      onChange={(values) => set(i, { values })}
                      error={errors[`${path}.values`]}
                      data-testid="condition-values"
                    />
                  ) : (
                    <TagsInput
                      size="xs"
                      aria-label={t('groups.values')}
                      placeholder={t('groups.valuesPlaceholder')}
                      // Chips and suggestions read as names; listed industries and products store codes.
                      value={d.values.map((v) => valueLabel(t, fmt, d.field, v))}
                      data={[...new Set(freeValues(d.field).map((v) => valueLabel(t, fmt, d.field, v)))]}
                      onChange={(names) => set(i, { values: storedValues(d.field, names) })}
                      error={errors[`${path}.values`]}
                      data-testid="condition-values"
                    />
                  ))}
                {d.op === 'contains' && (
                  <TextInput
                    size="xs"
                    aria-label={t('groups.values')}
                    value={d.text}
                    onChange={(e) => set(i, { text: e.currentTarget.value })}
                    error={errors[`${path}.text`]}
                    maxLength={200}
                    data-testid="condition-text"
                  />
                )}
                {(d.op === 'gte' || d.op === 'lte') && (
                  <NumberInput
                    size="xs"
                    aria-label={t('groups.values')}
                    value={d.number}
                    min={0}
                    thousandSeparator={fmt.locale === 'fr-FR' ? ' ' : ','}
                    suffix={kind === 'days' ? ` ${t('groups.daysUnit')}` : undefined}
                    prefix={d.field === 'revenue_usd' ? 'USD ' : undefined}
                    onChange={(v) => set(i, { number: typeof v === 'number' ? v : '' })}
                    error={errors[`${path}.number`]}
                    data-testid="condition-number"
                  />
                )}
                {(d.field === 'days_since_contact' || d.field === 'days_since_order') && (
                  <Text size="xs" c="dimmed" mt={4} data-testid="condition-help">
                    {t(
                      d.field === 'days_since_contact'
                        ? 'groups.rules.contactNever'
                        : 'groups.rules.orderNever',
                    )}
                  </Text>
                )}
              </div>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('groups.removeCondition')}
                disabled={drafts.length === 1}
                onClick={() => {
                  setDrafts((ds) => ds.filter((_, j) => j !== i))
                  // The conditions after it move up: their errors no longer point at the right row.
                  setError((e) => withoutIssues(e, ['group', 'rules', 'conditions']))
                }}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          )
        })}
      </Stack>
      <Group justify="space-between">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setDrafts((ds) => [...ds, blank()])}
          disabled={drafts.length >= 30}
          data-testid="add-condition"
        >
          {t('groups.addCondition')}
        </Button>
        <Text size="sm" fw={600} data-testid="rule-count" role="status">
          {count === null ? t('groups.countPending') : t('groups.matching', { count, n: fmt.number(count) })}
        </Text>
      </Group>
    </FormDialog>
  )
}
