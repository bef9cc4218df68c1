// Groups (G1–G4): on the left the built-in groupings with their buckets, then the team's smart
// and static groups; on the right the group that is open. What is open lives in the route, so a
// group can be bookmarked and the back button works.
import { useState } from 'react'
import {
  Badge,
  Button,
  Card,
  Divider,
  Grid,
  Group,
  NavLink,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconFilter, IconPlus, IconUsers, IconUsersGroup } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { hrefFor, navigate } from '../../app/route'
import { FormDialog } from '../../components/FormDialog'
import { fieldErrors } from '../../components/ErrorAlert'
import { useFormatters } from '../../i18n/format'
import { BUILTIN_GROUPINGS, CHOICE_VALUES } from '../../../../shared/groups'
import type { BuiltinGrouping, Group as SavedGroup } from '../../../../shared/groups'
import type { AppError } from '../../../../shared/errors'
import { GroupView } from './GroupView'
import { RuleBuilder } from './RuleBuilder'
import { groupingKey, parseSelectionKey, selectionKey } from './selectionKey'
import { valueLabel } from './labels'
import { GroupErrorAlert } from './GroupErrorAlert'
import { withoutIssues } from './formErrors'

export function GroupsScreen({ selectionKey: key }: { selectionKey: string | null }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const view = parseSelectionKey(key)
  // A key that names a grouping (its overview or one of its buckets) decides what the panel lists,
  // so links and the back button show the grouping of the route; other views (a saved group, all
  // customers) keep the one last picked.
  const [picked, setGrouping] = useState<BuiltinGrouping>(view.grouping)
  const routed = key?.startsWith('grouping:') || key?.startsWith('b:') ? view.grouping : null
  const grouping = routed ?? picked
  const buckets = useQuery('groups:buckets', { grouping })
  const groups = useQuery('groups:list', {})
  const [creating, setCreating] = useState<'smart' | 'static' | null>(null)
  const saved = groups.data?.groups ?? []
  const smart = saved.filter((g) => g.kind === 'smart')
  const fixed = saved.filter((g) => g.kind === 'static')
  const openId = view.selection?.kind === 'group' ? view.selection.id : null
  const openGroup = openId === null ? null : (saved.find((g) => g.id === openId) ?? null)

  const title = (() => {
    const s = view.selection
    if (!s) return ''
    if (s.kind === 'all') return t('groups.allCustomers')
    if (s.kind === 'group') return openGroup?.name ?? ''
    if (s.kind === 'builtin')
      return t('groups.viewTitle', {
        grouping: t(`groups.grouping.${s.grouping}`),
        value: valueLabel(t, fmt, s.grouping, s.value),
      })
    return ''
  })()

  return (
    <Grid gap="md" data-testid="groups-screen">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Card withBorder p="xs">
          {/* Vertical scrolling only, in a gutter of its own: the scrollbar never covers the counts,
              and nothing is wider than the panel (at 1280×720 a horizontal bar cut the badges). */}
          <ScrollArea.Autosize
            mah="calc(100vh - 120px)"
            type="auto"
            scrollbars="y"
            offsetScrollbars="present"
            scrollbarSize={8}
            // The content is as wide as the panel (not as wide as its widest line, Mantine's
            // default), so long labels wrap instead of pushing the select's edge out of view.
            styles={{ content: { display: 'block' } }}
          >
            <Stack gap={4}>
              <NavLink
                href={hrefFor({ name: 'groups', key: 'all' })}
                label={t('groups.allCustomers')}
                leftSection={<IconUsers size={16} aria-hidden />}
                active={view.selection?.kind === 'all'}
              />
              <Divider my={4} />
              <Select
                size="xs"
                label={t('groups.groupBy')}
                leftSection={<IconFilter size={14} aria-hidden />}
                allowDeselect={false}
                value={grouping}
                data={BUILTIN_GROUPINGS.map((g) => ({ value: g, label: t(`groups.grouping.${g}`) }))}
                onChange={(v) => {
                  if (!v) return
                  setGrouping(v)
                  navigate({ name: 'groups', key: groupingKey(v) })
                }}
                data-testid="grouping-select"
              />
              {buckets.status === 'error' && <GroupErrorAlert error={buckets.error} />}
              <Stack gap={0} data-testid="buckets">
                {orderBuckets(grouping, buckets.data?.buckets ?? []).map((b) => {
                  const sel = { kind: 'builtin' as const, grouping, value: b.value }
                  const active =
                    view.selection?.kind === 'builtin' &&
                    view.selection.grouping === grouping &&
                    view.selection.value === b.value
                  return (
                    <NavLink
                      key={b.value ?? '~'}
                      href={hrefFor({ name: 'groups', key: selectionKey(sel) })}
                      active={active}
                      label={valueLabel(t, fmt, grouping, b.value)}
                      description={fmt.moneyCompact(b.revenueUsd, 'USD')}
                      rightSection={
                        <Badge size="sm" variant="light" color="gray">
                          {fmt.number(b.count)}
                        </Badge>
                      }
                      data-testid="bucket"
                    />
                  )
                })}
              </Stack>
              <Divider my={4} />
              <SavedList
                title={t('groups.smartGroups')}
                groups={smart}
                activeId={openGroup?.id ?? null}
                onNew={() => setCreating('smart')}
                newLabel={t('groups.newSmart')}
                testId="smart-groups"
              />
              <Divider my={4} />
              <SavedList
                title={t('groups.staticGroups')}
                groups={fixed}
                activeId={openGroup?.id ?? null}
                onNew={() => setCreating('static')}
                newLabel={t('groups.newStatic')}
                testId="static-groups"
              />
            </Stack>
          </ScrollArea.Autosize>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        {view.selection && (view.selection.kind !== 'group' || openGroup) ? (
          <GroupView
            key={key ?? ''}
            selection={view.selection}
            title={title}
            group={openGroup}
            staticGroups={fixed}
          />
        ) : view.selection?.kind === 'group' && groups.status === 'ready' ? (
          <Card withBorder p="xl">
            <Text>{t('groups.notFound')}</Text>
          </Card>
        ) : (
          <Card withBorder p="xl" data-testid="groups-intro">
            <Stack align="center" gap="sm">
              <IconUsersGroup size={40} aria-hidden />
              <Title order={3}>{t('groups.introTitle')}</Title>
              <Text c="dimmed" ta="center" maw={520}>
                {t('groups.introBody')}
              </Text>
              <Group>
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating('smart')}>
                  {t('groups.newSmart')}
                </Button>
                <Button variant="light" onClick={() => setCreating('static')}>
                  {t('groups.newStatic')}
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
      </Grid.Col>
      {creating === 'smart' && <RuleBuilder initial={null} onClose={() => setCreating(null)} />}
      {creating === 'static' && <NewStaticGroup onClose={() => setCreating(null)} />}
    </Grid>
  )
}

/** Closed lists (tiers, stages…) in their natural order, from the top; free values by size. */
function orderBuckets<B extends { value: string | null }>(grouping: BuiltinGrouping, buckets: B[]): B[] {
  const order = CHOICE_VALUES[grouping]
  if (!order || grouping === 'continent' || grouping === 'region') return buckets
  const rank = (v: string | null) => (v === null ? order.length : order.indexOf(v))
  return [...buckets].sort((a, b) => rank(a.value) - rank(b.value))
}

function SavedList({
  title,
  groups,
  activeId,
  onNew,
  newLabel,
  testId,
}: {
  title: string
  groups: SavedGroup[]
  activeId: string | null
  onNew: () => void
  newLabel: string
  testId: string
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  return (
    <Stack gap={0} data-testid={testId}>
      {/* The title and its "new" button share a line when they fit and wrap when they do not
          ("Nouveau groupe dynamique" is wider than the panel at 1280 px). */}
      <Group justify="space-between" px={6} gap={0} wrap="wrap">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {title}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          px={4}
          h="auto"
          mih={22}
          maw="100%"
          styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
          leftSection={<IconPlus size={12} aria-hidden />}
          onClick={onNew}
        >
          {newLabel}
        </Button>
      </Group>
      {groups.length === 0 && (
        <Text size="xs" c="dimmed" px={6} py={4}>
          {t('groups.noneYet')}
        </Text>
      )}
      {groups.map((g) => (
        <NavLink
          key={g.id}
          href={hrefFor({ name: 'groups', key: selectionKey({ kind: 'group', id: g.id }) })}
          label={g.name}
          active={g.id === activeId}
          rightSection={
            <Badge size="sm" variant="light" color="gray">
              {fmt.number(g.count)}
            </Badge>
          }
          data-testid="saved-group"
        />
      ))}
    </Stack>
  )
}

function NewStaticGroup({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const errors = fieldErrors(t, error)
  const save = async () => {
    const res = await call('groups:save', { group: { kind: 'static', name } })
    if (!res.ok) return setError(res.error)
    onClose()
    navigate({ name: 'groups', key: selectionKey({ kind: 'group', id: res.data.id }) })
  }
  return (
    <FormDialog opened onClose={onClose} title={t('groups.newStaticTitle')} error={null} onSubmit={save}>
      {error && <GroupErrorAlert error={error} />}
      <Text size="sm" c="dimmed">
        {t('groups.newStaticBody')}
      </Text>
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
        data-testid="static-group-name"
      />
    </FormDialog>
  )
}
