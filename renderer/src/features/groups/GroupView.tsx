// One group on screen (G4): its figures and charts, its members, and what a salesperson does with
// them next — assign an owner, tag them, put them in a static group, export them, or write to
// them all in one campaign mail.
import { useState } from 'react'
import { Button, Card, Group, Menu, Popover, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { BarChart } from '@mantine/charts'
import { niceTicks } from '../../components/ticks'
import { notify } from '../../app/notify'
import {
  IconBell,
  IconChevronDown,
  IconCopy,
  IconMail,
  IconPencil,
  IconTag,
  IconTrash,
  IconUserCheck,
  IconUsersGroup,
  IconUsersPlus,
  IconUsersMinus,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery, useTablesVersion } from '../../app/data'
import { READS } from '../../../../shared/reads'
import { navigate } from '../../app/route'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { useFormatters } from '../../i18n/format'
import type { BulkAction, Group as SavedGroup, Selection } from '../../../../shared/groups'
import type { AppError } from '../../../../shared/errors'
import { MemberTable } from './MemberTable'
import { BulkReminderDialog } from '../reminders/BulkReminderDialog'
import type { MemberSort } from './MemberTable'
import { RuleBuilder } from './RuleBuilder'
import { GroupErrorAlert } from './GroupErrorAlert'
import { ExportMenu } from '../exports/ExportMenu'
import type { ExportKind } from '../exports/ExportMenu'
import { exportLanguage, saveExport } from '../exports/download'
import type { ExportFormat } from '../../../../shared/exports'
import { withoutIssues } from './formErrors'

// Six country rows at 30 px each leave room for a name on two lines ("Émirats arabes unis").
const CHART_H = 220

/** Longest mailto: URL we hand to the mail program; longer ones are cut by some clients. */
const MAILTO_LIMIT = 1800

export function GroupView({
  selection,
  title,
  group,
  staticGroups,
}: {
  selection: Selection
  title: string
  group: SavedGroup | null
  staticGroups: SavedGroup[]
}) {
  const { t, i18n } = useTranslation()
  const fmt = useFormatters()
  const version = useTablesVersion(READS['groups:members'])
  const figures = useQuery('groups:figures', { selection })
  const [sort, setSort] = useState<MemberSort>('revenue')
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc')
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [allSelected, setAllSelected] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [renaming, setRenaming] = useState(false)
  const [reminding, setReminding] = useState(false)
  const money = (n: number) => fmt.moneyCompact(n, 'USD')
  // Two even steps from 0, every one labelled: a half-width card at 1280 px has room for three
  // French labels ("150 M $US"), and Recharts' own ticks skipped one ("0 / 40 M / 120 M").
  const moneyAxis = (values: number[]) => {
    const ticks = niceTicks(Math.max(0, ...values), 2)
    return { ticks, domain: [0, ticks.at(-1)!], interval: 0, tickFormatter: money }
  }
  const count = figures.data?.count ?? 0
  // What every action works on: the ticked customers when some are ticked, else the whole view.
  // The ids go to main, which refuses any that are not (or no longer) in the view.
  const picked = !allSelected && selected.size > 0 ? [...selected] : null
  const ids = picked ?? undefined
  const chosen = picked ? picked.length : count
  const empty = figures.status === 'ready' && count === 0
  /** A button label that says what it acts on: "Export selected (2)" / "Export all (91)". */
  const scoped = (action: 'export' | 'copy' | 'mail' | 'owner' | 'tag' | 'group' | 'remove') =>
    t(`groups.scope.${action}${picked ? 'Selected' : 'All'}`, { n: fmt.number(chosen) })

  const onSort = (field: MemberSort) => {
    if (field === sort) setDirection((d) => (d === 'asc' ? 'desc' : 'asc'))
    else {
      setSort(field)
      setDirection(field === 'revenue' || field === 'last_order' || field === 'tier' ? 'desc' : 'asc')
    }
  }

  const run = async (label: string, job: () => Promise<void>) => {
    setError(null)
    setBusy(label)
    try {
      await job()
    } finally {
      setBusy(null)
    }
  }

  // Ticked customers that left the view (deleted, or no longer matching the rules) make main
  // refuse the action: the ticks are cleared so the user picks again from what is on screen.
  const fail = (e: AppError) => {
    setError(e)
    if (e.code === 'not_in_selection') {
      setSelected(new Set())
      setAllSelected(false)
    }
  }

  const bulk = (action: BulkAction) =>
    run(action.kind, async () => {
      const res = await call('groups:bulk', { selection, customerIds: ids, action })
      if (!res.ok) return fail(res.error)
      const { changed, skipped } = res.data
      if (skipped.length > 0)
        notify(t('groups.bulkSkippedTags', { count: skipped.length, changed }), 'orange')
      else notify(t('groups.bulkDone', { count: changed }))
    })

  const removeFromGroup = () =>
    run('remove', async () => {
      if (!group) return
      // Only ticked customers leave a group: emptying it at one click is what "delete" is for.
      if (!picked) return
      const res = await call('groups:removeMembers', { groupId: group.id, customerIds: picked })
      if (!res.ok) return setError(res.error)
      setSelected(new Set())
      setAllSelected(false)
    })

  const exportAs = (kind: ExportKind, format: ExportFormat) =>
    run('export', async () => {
      const language = exportLanguage(i18n.language)
      const res =
        kind === 'customers'
          ? await call('groups:export', { selection, customerIds: ids, format, language })
          : await call('exports:activity', {
              scope: { kind: 'selection', selection, customerIds: ids },
              what: kind,
              format,
              language,
            })
      if (!res.ok) return fail(res.error)
      saveExport(res.data)
      const done = { count: res.data.rows, file: res.data.fileName }
      notify(kind === 'customers' ? t('groups.exported', done) : t('exports.done', done))
    })

  const emails = async () => {
    const res = await call('groups:emails', { selection, customerIds: ids })
    if (!res.ok) {
      fail(res.error)
      return null
    }
    return res.data
  }

  const copyEmails = () =>
    run('copy', async () => {
      const list = await emails()
      if (!list) return
      try {
        await navigator.clipboard.writeText(list.emails.join(', '))
      } catch {
        // Denied (no focus, no permission) or no clipboard: say so rather than claim a copy.
        notify(t('groups.copyFailed'), 'red')
        return
      }
      notify(t('groups.emailsCopied', { count: list.emails.length, without: list.customersWithout }))
    })

  const mailDraft = () =>
    run('mail', async () => {
      const list = await emails()
      if (!list) return
      const url = `mailto:?bcc=${list.emails.map(encodeURIComponent).join(',')}`
      if (url.length > MAILTO_LIMIT) {
        notify(t('groups.mailTooLong', { count: list.emails.length }), 'orange')
        return
      }
      window.location.href = url
    })

  const deleteGroup = async () => {
    if (!group) return
    const res = await call('groups:delete', { id: group.id })
    if (!res.ok) return setError(res.error)
    navigate({ name: 'groups', key: null })
  }

  const targets = staticGroups.filter((g) => g.id !== group?.id)
  const f = figures.data
  return (
    <Stack gap="md" data-testid="group-view">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} data-testid="group-title">
            {title}
          </Title>
          {group?.kind === 'smart' && (
            <Text size="sm" c="dimmed">
              {t('groups.smartHint')}
            </Text>
          )}
        </div>
        {group && (
          <Group gap="xs">
            {group.kind === 'smart' ? (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                {t('groups.editRules')}
              </Button>
            ) : (
              <RenameButton group={group} open={renaming} setOpen={setRenaming} />
            )}
            <Button
              variant="subtle"
              color="red"
              size="xs"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => setDeleting(true)}
              data-testid="delete-group"
            >
              {t('groups.delete')}
            </Button>
          </Group>
        )}
      </Group>

      {figures.status === 'error' && <GroupErrorAlert error={figures.error} />}
      {f && (
        <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="group-figures">
          <Figure label={t('groups.count')} value={fmt.number(f.count)} testId="figure-count" />
          <Figure label={t('groups.revenue12m')} value={money(f.revenueUsd)} />
          <Figure
            label={t('groups.averageOrder')}
            value={f.averageOrderUsd === null ? '—' : money(f.averageOrderUsd)}
          />
          <Figure
            label={t('groups.share')}
            value={f.shareOfTotal === null ? '—' : fmt.percent(f.shareOfTotal)}
          />
        </SimpleGrid>
      )}
      {f && f.count > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder>
            <Text fw={600} size="sm" mb="xs">
              {t('groups.revenueByTier')}
            </Text>
            {/* Bars lie down so tier names ("Compte ordinaire", "Mid-size account") keep one
                line each; standing bars in a half-width card made them overlap. */}
            <BarChart
              h={CHART_H}
              orientation="vertical"
              data={f.byTier.map((x) => ({
                tier: t(`enum.tier.${x.tier}`),
                revenue: Math.round(x.revenueUsd),
                customers: x.count,
              }))}
              dataKey="tier"
              yAxisProps={{ width: 130, interval: 0 }}
              xAxisProps={moneyAxis(f.byTier.map((x) => x.revenueUsd))}
              series={[{ name: 'revenue', color: 'teal.7', label: t('groups.revenue12m') }]}
              valueFormatter={money}
              gridAxis="x"
              // Room past the last bar for the last tick's label, centred on the chart's edge.
              barChartProps={{ margin: { right: 36 } }}
            />
          </Card>
          <Card withBorder>
            <Text fw={600} size="sm" mb="xs">
              {t('groups.topCountries')}
            </Text>
            <BarChart
              h={CHART_H}
              orientation="vertical"
              data={f.byCountry.slice(0, 6).map((c) => ({
                country: c.country ? fmt.country(c.country) : t('groups.none'),
                revenue: Math.round(c.revenueUsd),
              }))}
              dataKey="country"
              series={[{ name: 'revenue', color: 'blue.6', label: t('groups.revenue12m') }]}
              valueFormatter={money}
              yAxisProps={{ width: 120, interval: 0 }}
              xAxisProps={moneyAxis(f.byCountry.slice(0, 6).map((c) => c.revenueUsd))}
              gridAxis="x"
              // Room past the last bar for the last tick's label, centred on the chart's edge.
              barChartProps={{ margin: { right: 36 } }}
            />
          </Card>
        </SimpleGrid>
      )}

      <Card withBorder p="xs" data-testid="bulk-bar">
        <Stack gap="xs">
          <Text size="sm" c={picked || allSelected ? undefined : 'dimmed'} data-testid="selected-count">
            {empty
              ? t('groups.empty.actionsOff')
              : picked || allSelected
                ? t('groups.selected', { count: chosen, n: fmt.number(chosen) })
                : t('groups.scope.allHint', { n: fmt.number(count) })}
          </Text>
          <Group gap="xs">
            {/* An empty group has nobody to assign, tag or move: only the (disabled) export and
                email buttons stay, so the user sees what becomes possible once it has members. */}
            {!empty && (
              <>
                <TextAction
                  label={scoped('owner')}
                  icon={<IconUserCheck size={14} aria-hidden />}
                  placeholder={t('groups.ownerPlaceholder')}
                  disabled={empty}
                  loading={busy === 'owner'}
                  allowEmpty
                  testId="bulk-owner"
                  onSubmit={(owner) => void bulk({ kind: 'owner', owner: owner || null })}
                />
                <TextAction
                  label={scoped('tag')}
                  icon={<IconTag size={14} aria-hidden />}
                  placeholder={t('groups.tagPlaceholder')}
                  disabled={empty}
                  loading={busy === 'tag'}
                  testId="bulk-tag"
                  onSubmit={(tag) => void bulk({ kind: 'tag', tag })}
                />
                {targets.length > 0 && (
                  <Menu>
                    <Menu.Target>
                      <Button
                        size="xs"
                        variant="default"
                        disabled={empty}
                        leftSection={<IconUsersPlus size={14} aria-hidden />}
                        rightSection={<IconChevronDown size={12} aria-hidden />}
                        data-testid="bulk-add-to-group"
                      >
                        {scoped('group')}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {targets.map((g) => (
                        <Menu.Item
                          key={g.id}
                          onClick={() => void bulk({ kind: 'add_to_group', groupId: g.id })}
                        >
                          {g.name}
                        </Menu.Item>
                      ))}
                    </Menu.Dropdown>
                  </Menu>
                )}
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconBell size={14} aria-hidden />}
                  onClick={() => setReminding(true)}
                  data-testid="bulk-reminder"
                >
                  {t(picked ? 'notify.bulk.selected' : 'notify.bulk.all', { n: fmt.number(chosen) })}
                </Button>
                {group?.kind === 'static' && (
                  <Button
                    size="xs"
                    variant="default"
                    disabled={!picked}
                    loading={busy === 'remove'}
                    leftSection={<IconUsersMinus size={14} aria-hidden />}
                    onClick={() => void removeFromGroup()}
                    data-testid="bulk-remove"
                  >
                    {t('groups.scope.removeSelected', { n: fmt.number(picked?.length ?? 0) })}
                  </Button>
                )}
              </>
            )}
            <ExportMenu
              label={scoped('export')}
              disabled={empty}
              busy={busy === 'export'}
              onExport={(kind, format) => void exportAs(kind, format)}
            />
            <Button
              size="xs"
              variant="default"
              disabled={empty}
              loading={busy === 'copy'}
              leftSection={<IconCopy size={14} aria-hidden />}
              onClick={() => void copyEmails()}
              data-testid="copy-emails"
            >
              {scoped('copy')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={empty}
              loading={busy === 'mail'}
              leftSection={<IconMail size={14} aria-hidden />}
              onClick={() => void mailDraft()}
              data-testid="mail-draft"
            >
              {scoped('mail')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {error && <GroupErrorAlert error={error} />}
      {reminding && (
        <BulkReminderDialog
          selection={selection}
          customerIds={ids}
          count={chosen}
          onClose={() => setReminding(false)}
          onError={fail}
        />
      )}

      {empty ? (
        <EmptyGroup group={group} />
      ) : (
        <MemberTable
          selection={selection}
          version={version}
          sort={sort}
          direction={direction}
          onSort={onSort}
          selected={selected}
          allSelected={allSelected}
          onToggle={(id) => {
            // Unticking one row of "all" starts a fresh pick: the rows behind the scroll are not loaded.
            if (allSelected) {
              setAllSelected(false)
              setSelected(new Set())
              return
            }
            setSelected((s) => {
              const next = new Set(s)
              if (next.has(id)) next.delete(id)
              else next.add(id)
              return next
            })
          }}
          onToggleAll={(on) => {
            setAllSelected(on)
            setSelected(new Set())
          }}
        />
      )}

      {editing && group?.rules && (
        <RuleBuilder
          initial={{ id: group.id, name: group.name, rules: group.rules }}
          onClose={() => setEditing(false)}
        />
      )}
      {deleting && group && (
        <ConfirmDelete
          opened
          title={t('groups.deleteTitle', { name: group.name })}
          body={t('groups.deleteBody')}
          action={t('groups.delete')}
          onCancel={() => setDeleting(false)}
          onConfirm={() => void deleteGroup()}
        />
      )}
    </Stack>
  )
}

/** What an empty group says: why it is empty and how customers get into it. */
function EmptyGroup({ group }: { group: SavedGroup | null }) {
  const { t } = useTranslation()
  const kind = group?.kind === 'static' ? 'static' : group?.kind === 'smart' ? 'smart' : 'other'
  return (
    <Card withBorder p="xl" data-testid="group-empty">
      <Stack align="center" gap="xs">
        <IconUsersGroup size={36} aria-hidden />
        <Title order={3}>{t(`groups.empty.${kind}Title`)}</Title>
        <Text c="dimmed" ta="center" maw={560}>
          {t(`groups.empty.${kind}Body`)}
        </Text>
      </Stack>
    </Card>
  )
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId}>
        {value}
      </Text>
    </Card>
  )
}

/** A button that opens a one-field form (owner name, tag) and runs the action on Enter or OK. */
function TextAction({
  label,
  icon,
  placeholder,
  disabled,
  loading,
  allowEmpty = false,
  testId,
  onSubmit,
}: {
  label: string
  icon: React.ReactNode
  placeholder: string
  disabled: boolean
  loading: boolean
  allowEmpty?: boolean
  testId: string
  onSubmit: (value: string) => void
}) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const [value, setValue] = useState('')
  const submit = () => {
    if (!allowEmpty && !value.trim()) return
    onSubmit(value.trim())
    setOpened(false)
    setValue('')
  }
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-end" withArrow>
      <Popover.Target>
        <Button
          size="xs"
          variant="default"
          disabled={disabled}
          loading={loading}
          leftSection={icon}
          onClick={() => setOpened((o) => !o)}
          data-testid={testId}
        >
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <Group gap="xs">
            <TextInput
              size="xs"
              aria-label={label}
              placeholder={placeholder}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              maxLength={60}
              data-testid={`${testId}-input`}
            />
            <Button size="xs" type="submit" data-testid={`${testId}-apply`}>
              {t('groups.apply')}
            </Button>
          </Group>
        </form>
      </Popover.Dropdown>
    </Popover>
  )
}

function RenameButton({
  group,
  open,
  setOpen,
}: {
  group: SavedGroup
  open: boolean
  setOpen: (o: boolean) => void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState(group.name)
  const [error, setError] = useState<AppError | null>(null)
  const save = async () => {
    const res = await call('groups:save', { id: group.id, group: { kind: 'static', name } })
    if (!res.ok) return setError(res.error)
    setOpen(false)
  }
  return (
    <Popover opened={open} onChange={setOpen} trapFocus position="bottom-end" withArrow>
      <Popover.Target>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={() => setOpen(!open)}
        >
          {t('groups.rename')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            size="xs"
            label={t('groups.name')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value)
              setError((er) => withoutIssues(er, ['group', 'name']))
            }}
            maxLength={120}
          />
          {error && <GroupErrorAlert error={error} />}
          <Button size="xs" onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
