// The tiering policy as editable settings (T1–T5): thresholds, window and band, RFM, lifecycle and
// churn rules, service per tier and the review schedule. Saving makes a new version and re-tiers the
// whole base, so the screen first shows how many customers would move; editing after a preview
// asks for a new one.
import { useEffect, useMemo, useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { IconArrowRight, IconDeviceFloppy, IconEye, IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { useJobProgress } from '../../app/jobs'
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert'
import { useFormatters } from '../../i18n/format'
import { REVIEW_SCHEDULES, VALUE_TIERS, tieringPolicySchema } from '../../../../shared/tiering'
import type { PolicyPreview, TieringPolicy, ValueTier } from '../../../../shared/tiering'
import { fieldIssues } from '../../../../shared/errors'
import type { AppError } from '../../../../shared/errors'
import { TIER_COLOR } from '../tiers/TierPanel'
import { AmountField } from '../../components/AmountField'
import { hrefFor } from '../../app/route'
import { RatesCard } from './RatesCard'
import { benefitsText } from './benefits'

type Tuple4 = [number, number, number, number]

/** How many moves the dialog lists (the highest revenue first); the total is always given. */
const MOVES_SHOWN = 200

/** A draft number as a NumberInput shows it: NaN (an emptied field) as empty. */
const shown = (n: number) => (Number.isNaN(n) ? '' : n)

/** Two policies with the same rules, whatever their version numbers. */
function sameRules(a: TieringPolicy, b: TieringPolicy): boolean {
  return JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 })
}

export function PolicyScreen() {
  const { t } = useTranslation()
  const state = useQuery('policy:get', {})
  if (!state.data) return state.status === 'error' ? <ErrorAlert error={state.error} /> : null
  return <PolicyEditor saved={state.data.policy} versions={state.data.versions} title={t('policy.title')} />
}

function PolicyEditor({
  saved,
  versions,
  title,
}: {
  saved: TieringPolicy
  versions: { version: number; createdAt: string; note: string | null; moved: number | null }[]
  title: string
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [policy, setPolicy] = useState<TieringPolicy>(saved)
  const [preview, setPreview] = useState<PolicyPreview | null>(null)
  const [note, setNote] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null)
  // What the last save did: its version and how many customers its re-tier moved.
  const [result, setResult] = useState<{ version: number; moved: number } | null>(null)
  // The version whose moves are listed in the dialog; null while it is closed.
  const [movesOf, setMovesOf] = useState<number | null>(null)
  // A new version in force (this screen's save, or a teammate's) replaces the draft unless the
  // draft holds edits of its own. Not a remount: the save's confirmation and progress stay shown.
  const [base, setBase] = useState<TieringPolicy>(saved)
  if (saved.version !== base.version) {
    setBase(saved)
    if (sameRules(policy, base) || sameRules(policy, saved)) setPolicy(saved)
  }
  const progress = useJobProgress(['retier'], busy === 'save')
  const dirty = useMemo(() => JSON.stringify(policy) !== JSON.stringify(saved), [policy, saved])
  const errors = fieldErrors(t, error)

  // Any edit makes the last preview stale.
  const update = (change: (p: TieringPolicy) => TieringPolicy) => {
    setPolicy((p) => change(p))
    setPreview(null)
    setResult(null)
  }
  useEffect(() => setError(null), [policy])

  /** Checks in the window first, so a typo is shown at once and never reaches main. */
  const validated = (): TieringPolicy | null => {
    const parsed = tieringPolicySchema.safeParse(policy)
    if (parsed.success) return parsed.data
    setError({
      code: 'validation',
      issues: fieldIssues(parsed.error.issues, ['policy']),
    })
    return null
  }

  const runPreview = async () => {
    const p = validated()
    if (!p) return
    setBusy('preview')
    const res = await call('policy:preview', { policy: p })
    setBusy(null)
    if (res.ok) setPreview(res.data)
    else setError(res.error)
  }

  const save = async () => {
    const p = validated()
    if (!p) return
    setBusy('save')
    const res = await call('policy:save', { policy: p, note: note.trim() || null })
    setBusy(null)
    if (!res.ok) {
      setError(res.error)
      return
    }
    // The preview described the base before the save; the result below replaces it.
    setPreview(null)
    setNote('')
    setResult({ version: res.data.version, moved: res.data.moved })
  }

  // An emptied number field is NaN in the draft, which the check refuses with a message; keeping the
  // old value instead would save something other than what the screen shows.
  const num = (value: string | number) => (typeof value === 'number' ? value : Number.NaN)
  const err = (path: string) => errors[`policy.${path}`]

  return (
    <Stack gap="md" maw={1100} data-testid="policy-screen">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{title}</Title>
          <Text c="dimmed" size="sm">
            {t('policy.subtitle', { version: saved.version })}
          </Text>
        </div>
        <Badge variant="light" size="lg" data-testid="policy-version">
          {t('policy.versionBadge', { version: saved.version })}
        </Badge>
      </Group>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('policy.valueTiers')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('policy.valueTiersHelp')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {(['key', 'mid', 'small'] as const).map((tier) => (
            <AmountField
              key={tier}
              label={t('policy.threshold', { tier: t(`enum.tier.${tier}`) })}
              value={policy.thresholdsUsd[tier]}
              // An emptied or unreadable field is NaN in the draft: the check refuses it, rather
              // than the old threshold silently staying.
              onChange={(v) =>
                update((p) => ({
                  ...p,
                  thresholdsUsd: { ...p.thresholdsUsd, [tier]: v ?? Number.NaN },
                }))
              }
              leftSection={
                <Text size="xs" c="dimmed" aria-hidden>
                  USD
                </Text>
              }
              leftSectionWidth={44}
              error={err(`thresholdsUsd.${tier}`) ?? err('thresholdsUsd')}
              data-testid={`threshold-${tier}`}
            />
          ))}
          <NumberInput
            clampBehavior="none"
            label={t('policy.windowMonths')}
            value={shown(policy.windowMonths)}
            onChange={(v) => update((p) => ({ ...p, windowMonths: num(v) }))}
            min={1}
            max={60}
            error={err('windowMonths')}
          />
          <NumberInput
            clampBehavior="none"
            label={t('policy.hysteresis')}
            description={t('policy.hysteresisHelp')}
            value={shown(policy.hysteresisPct)}
            onChange={(v) => update((p) => ({ ...p, hysteresisPct: num(v) }))}
            min={0}
            max={50}
            suffix={t('common.percentSuffix')}
            error={err('hysteresisPct')}
          />
          <Checkbox.Group
            label={t('policy.revenueStatuses')}
            value={policy.revenueStatuses}
            onChange={(v) => update((p) => ({ ...p, revenueStatuses: v }))}
            error={err('revenueStatuses')}
          >
            <Group mt={6}>
              {(['confirmed', 'shipped', 'paid'] as const).map((s) => (
                <Checkbox key={s} value={s} label={t(`enum.orderStatus.${s}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        </SimpleGrid>
      </Card>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('policy.rfm')}
        </Title>
        <Group mb="sm">
          <SegmentedControl
            value={policy.rfm.mode}
            onChange={(v) => update((p) => ({ ...p, rfm: { ...p.rfm, mode: v } }))}
            data={[
              { value: 'quintile', label: t('policy.rfmQuintile') },
              { value: 'fixed', label: t('policy.rfmFixed') },
            ]}
            aria-label={t('policy.rfmMode')}
          />
          <Text size="sm" c="dimmed">
            {t(policy.rfm.mode === 'quintile' ? 'policy.rfmQuintileHelp' : 'policy.rfmFixedHelp')}
          </Text>
        </Group>
        {policy.rfm.mode === 'fixed' && (
          <Table withTableBorder mb="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('policy.rfmMeasure')}</Table.Th>
                {[2, 3, 4, 5].map((score) => (
                  <Table.Th key={score}>{t('policy.scoreFrom', { score })}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(['recencyDays', 'frequency', 'monetaryUsd'] as const).map((measure) => (
                <Table.Tr key={measure}>
                  <Table.Td>{t(`policy.measure.${measure}`)}</Table.Td>
                  {([0, 1, 2, 3] as const).map((i) => (
                    <Table.Td key={i}>
                      <NumberInput
                        clampBehavior="none"
                        size="xs"
                        aria-label={`${t(`policy.measure.${measure}`)} ${t('policy.scoreFrom', { score: i + 2 })}`}
                        value={shown(policy.rfm.fixed[measure][i])}
                        min={0}
                        onChange={(v) =>
                          update((p) => {
                            const next = [...p.rfm.fixed[measure]] as Tuple4
                            next[i] = num(v)
                            return { ...p, rfm: { ...p.rfm, fixed: { ...p.rfm.fixed, [measure]: next } } }
                          })
                        }
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <ScoreRule
            title={t('enum.segment.vip')}
            help={t('policy.vipHelp')}
            fields={[
              ['minR', policy.rfm.vip.minR],
              ['minF', policy.rfm.vip.minF],
              ['minM', policy.rfm.vip.minM],
            ]}
            onChange={(k, v) => update((p) => ({ ...p, rfm: { ...p.rfm, vip: { ...p.rfm.vip, [k]: v } } }))}
          />
          <ScoreRule
            title={t('enum.segment.potential')}
            help={t('policy.potentialHelp')}
            fields={[
              ['minM', policy.rfm.potential.minM],
              ['maxF', policy.rfm.potential.maxF],
            ]}
            onChange={(k, v) =>
              update((p) => ({ ...p, rfm: { ...p.rfm, potential: { ...p.rfm.potential, [k]: v } } }))
            }
          />
          <ScoreRule
            title={t('enum.segment.at_risk')}
            help={t('policy.atRiskHelp')}
            fields={[
              ['minFOrM', policy.rfm.atRisk.minFOrM],
              ['maxR', policy.rfm.atRisk.maxR],
            ]}
            onChange={(k, v) =>
              update((p) => ({ ...p, rfm: { ...p.rfm, atRisk: { ...p.rfm.atRisk, [k]: v } } }))
            }
          />
        </SimpleGrid>
      </Card>

      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('policy.lifecycle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            clampBehavior="none"
            label={t('policy.newCustomerDays')}
            value={shown(policy.newCustomerDays)}
            min={1}
            onChange={(v) => update((p) => ({ ...p, newCustomerDays: num(v) }))}
            error={err('newCustomerDays')}
          />
          <NumberInput
            clampBehavior="none"
            label={t('policy.dormantDays')}
            value={shown(policy.dormantDays)}
            min={1}
            onChange={(v) => update((p) => ({ ...p, dormantDays: num(v) }))}
            error={err('dormantDays')}
          />
          <NumberInput
            clampBehavior="none"
            label={t('policy.trendPct')}
            value={shown(policy.trendPct)}
            min={0}
            max={100}
            suffix={t('common.percentSuffix')}
            onChange={(v) => update((p) => ({ ...p, trendPct: num(v) }))}
            error={err('trendPct')}
          />
          <NumberInput
            clampBehavior="none"
            label={t('policy.gapMultiple')}
            description={t('policy.gapMultipleHelp')}
            value={shown(policy.churn.gapMultiple)}
            min={1}
            step={0.5}
            decimalScale={1}
            onChange={(v) => update((p) => ({ ...p, churn: { ...p.churn, gapMultiple: num(v) } }))}
          />
          <NumberInput
            clampBehavior="none"
            label={t('policy.dropPct')}
            description={t('policy.dropPctHelp')}
            value={shown(policy.churn.dropPct)}
            min={0}
            max={100}
            suffix={t('common.percentSuffix')}
            onChange={(v) => update((p) => ({ ...p, churn: { ...p.churn, dropPct: num(v) } }))}
          />
          <Select
            label={t('policy.reviewSchedule')}
            description={t('policy.reviewScheduleHelp')}
            value={policy.reviewSchedule}
            allowDeselect={false}
            data={REVIEW_SCHEDULES.map((s) => ({ value: s, label: t(`policy.schedule.${s}`) }))}
            onChange={(v) => v && update((p) => ({ ...p, reviewSchedule: v }))}
          />
        </SimpleGrid>
      </Card>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('policy.service')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('policy.serviceHelp')}
        </Text>
        <Table withTableBorder verticalSpacing="xs" data-testid="service-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tiers.tier')}</Table.Th>
              <Table.Th>{t('policy.cadenceDays')}</Table.Th>
              <Table.Th>{t('policy.executiveDialogue')}</Table.Th>
              <Table.Th>{t('policy.ownerRequired')}</Table.Th>
              <Table.Th>{t('policy.benefits')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {VALUE_TIERS.map((tier) => {
              const sp = policy.service[tier]
              const set = (change: Partial<typeof sp>) =>
                update((p) => ({
                  ...p,
                  service: { ...p.service, [tier]: { ...p.service[tier], ...change } },
                }))
              return (
                <Table.Tr key={tier}>
                  <Table.Td>
                    <Badge color={TIER_COLOR[tier]} variant="light">
                      {t(`enum.tier.${tier}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td w={140}>
                    <NumberInput
                      clampBehavior="none"
                      size="xs"
                      aria-label={`${t('policy.cadenceDays')} — ${t(`enum.tier.${tier}`)}`}
                      value={shown(sp.cadenceDays)}
                      min={1}
                      max={365}
                      onChange={(v) => set({ cadenceDays: num(v) })}
                    />
                  </Table.Td>
                  <Table.Td w={180}>
                    <Select
                      size="xs"
                      aria-label={`${t('policy.executiveDialogue')} — ${t(`enum.tier.${tier}`)}`}
                      allowDeselect={false}
                      value={String(sp.executiveDialogueMonths)}
                      data={['0', '3', '6', '12'].map((m) => ({
                        value: m,
                        label: t(`policy.dialogue.m${m}`),
                      }))}
                      onChange={(v) => v && set({ executiveDialogueMonths: Number(v) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`${t('policy.ownerRequired')} — ${t(`enum.tier.${tier}`)}`}
                      checked={sp.ownerRequired}
                      onChange={(e) => set({ ownerRequired: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Textarea
                      size="xs"
                      autosize
                      minRows={1}
                      maxRows={4}
                      aria-label={`${t('policy.benefits')} — ${t(`enum.tier.${tier}`)}`}
                      value={benefitsText(t, tier, sp.benefits)}
                      onChange={(e) => set({ benefits: e.currentTarget.value })}
                    />
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Card>

      {error && <ErrorAlert error={error} />}

      <Card withBorder data-testid="policy-preview-card">
        <Group justify="space-between" mb={preview ? 'sm' : 0}>
          <Text fw={600}>{t('policy.previewTitle')}</Text>
          <Button
            variant="light"
            leftSection={<IconEye size={16} aria-hidden />}
            onClick={() => void runPreview()}
            loading={busy === 'preview'}
            disabled={busy !== null}
            data-testid="policy-preview"
          >
            {t('policy.preview')}
          </Button>
        </Group>
        {!preview && (
          <Text size="sm" c="dimmed">
            {dirty ? t('policy.previewNeeded') : t('policy.noChanges')}
          </Text>
        )}
        {preview && <PreviewResult preview={preview} />}
        {preview && (
          <Group mt="md" align="flex-end">
            <TextInput
              label={t('policy.note')}
              placeholder={t('policy.notePlaceholder')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={500}
              style={{ flex: 1 }}
            />
            <Button
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              onClick={() => void save()}
              loading={busy === 'save'}
              disabled={busy !== null || !dirty}
              data-testid="policy-save"
            >
              {t('policy.save', { version: Math.max(...versions.map((v) => v.version)) + 1 })}
            </Button>
          </Group>
        )}
        {busy === 'save' && (
          <Stack gap={4} mt="sm">
            <Progress
              value={progress ? (progress.done / Math.max(1, progress.total)) * 100 : 0}
              aria-label={t('policy.retierProgress')}
              animated
            />
            <Text size="xs" c="dimmed">
              {progress
                ? t('policy.retierProgressText', {
                    done: fmt.number(progress.done),
                    total: fmt.number(progress.total),
                  })
                : t('policy.retierStarting')}
            </Text>
          </Stack>
        )}
        {result !== null && (
          <Alert
            color="teal"
            mt="sm"
            icon={<IconInfoCircle aria-hidden />}
            role="status"
            data-testid="policy-saved"
          >
            <Group gap="sm">
              <Text size="sm" data-testid="policy-saved-text">
                {result.moved > 0
                  ? t('policy.savedMoved', {
                      count: result.moved,
                      n: fmt.number(result.moved),
                      version: result.version,
                    })
                  : t('policy.savedNoMoves', { version: result.version })}
              </Text>
              {result.moved > 0 && (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => setMovesOf(result.version)}
                  data-testid="policy-saved-moves"
                >
                  {t('policy.showMoves')}
                </Anchor>
              )}
            </Group>
          </Alert>
        )}
      </Card>

      <RatesCard />

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('policy.versions')}
        </Title>
        <Table data-testid="policy-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('policy.versionColumn')}</Table.Th>
              <Table.Th>{t('policy.savedAtColumn')}</Table.Th>
              <Table.Th>{t('policy.movedColumn')}</Table.Th>
              <Table.Th>{t('policy.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={`${v.version}-${v.createdAt}`} data-testid="policy-version-row">
                <Table.Td w={120}>{t('policy.versionBadge', { version: v.version })}</Table.Td>
                <Table.Td w={200}>{v.createdAt ? fmt.dateTime(v.createdAt) : t('policy.defaults')}</Table.Td>
                <Table.Td w={200}>
                  {v.moved === null ? (
                    <Text size="sm" c="dimmed">
                      {v.createdAt ? t('policy.movedUnknown') : '—'}
                    </Text>
                  ) : v.moved === 0 ? (
                    t('policy.movedCount', { count: 0, n: fmt.number(0) })
                  ) : (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => setMovesOf(v.version)}
                      aria-label={t('policy.openMovesOf', { version: v.version })}
                    >
                      {t('policy.movedCount', { count: v.moved, n: fmt.number(v.moved) })}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>{v.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {movesOf !== null && <MovesDialog version={movesOf} onClose={() => setMovesOf(null)} />}
    </Stack>
  )
}

function ScoreRule({
  title,
  help,
  fields,
  onChange,
}: {
  title: string
  help: string
  fields: [string, number][]
  onChange: (key: string, value: number) => void
}) {
  const { t } = useTranslation()
  return (
    <Card withBorder padding="sm">
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Text size="xs" c="dimmed" mb={6}>
        {help}
      </Text>
      <Group gap="xs" grow>
        {fields.map(([key, value]) => (
          <NumberInput
            clampBehavior="none"
            key={key}
            size="xs"
            label={t(`policy.scoreRule.${key}`)}
            value={shown(value)}
            min={1}
            max={5}
            onChange={(v) => onChange(key, typeof v === 'number' ? v : Number.NaN)}
          />
        ))}
      </Group>
    </Card>
  )
}

function PreviewResult({ preview }: { preview: PolicyPreview }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const tierName = (tier: ValueTier) => t(`enum.tier.${tier}`)
  return (
    <Stack gap="xs" data-testid="policy-preview-result">
      <Text size="sm">
        {t('policy.previewSummary', {
          customers: fmt.number(preview.customers),
          promotions: fmt.number(preview.promotions),
          demotions: fmt.number(preview.demotions),
          segments: fmt.number(preview.segmentChanges),
          stages: fmt.number(preview.stageChanges),
        })}
      </Text>
      {preview.moves.length > 0 && (
        <Table withTableBorder maw={520}>
          <Table.Tbody>
            {preview.moves.map((m) => (
              <Table.Tr key={`${m.from}-${m.to}`}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Badge color={TIER_COLOR[m.from]} variant="light">
                      {tierName(m.from)}
                    </Badge>
                    <IconArrowRight size={14} aria-label={t('policy.movesTo')} />
                    <Badge color={TIER_COLOR[m.to]} variant="light">
                      {tierName(m.to)}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  {t('policy.customersCount', { count: m.count, n: fmt.number(m.count) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('policy.tiersAfter')}
        </Text>
        {preview.tiersAfter.map((x) => (
          <Badge key={x.tier} color={TIER_COLOR[x.tier]} variant="outline">
            {`${tierName(x.tier)} · ${fmt.number(x.count)}`}
          </Badge>
        ))}
      </Group>
    </Stack>
  )
}

/** The customers a saved version's re-tier moved, each a link to its page. */
function MovesDialog({ version, onClose }: { version: number; onClose: () => void }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const state = useQuery('policy:moves', { version, limit: MOVES_SHOWN })
  const data = state.data
  const tierBadge = (tier: ValueTier) => (
    <Badge color={TIER_COLOR[tier]} variant="light" miw="max-content">
      {t(`enum.tier.${tier}`)}
    </Badge>
  )
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('policy.movesTitle', { version })}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="policy-moves"
    >
      {state.status === 'error' && !data && <ErrorAlert error={state.error} />}
      {data && data.moves.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('policy.movesNone')}
        </Text>
      )}
      {data && data.moves.length > 0 && (
        <Stack gap="xs">
          {data.moved !== null && data.moved > data.moves.length && (
            <Text size="sm" c="dimmed">
              {t('policy.movesShown', {
                shown: fmt.number(data.moves.length),
                total: fmt.number(data.moved),
              })}
            </Text>
          )}
          <Table striped data-testid="policy-moves-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('policy.movesCustomer')}</Table.Th>
                <Table.Th>{t('fields.country')}</Table.Th>
                <Table.Th>{t('policy.movesChange')}</Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t('policy.movesRevenue')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.moves.map((m) => (
                <Table.Tr key={m.customerId} data-testid="policy-move-row">
                  <Table.Td>
                    <Anchor href={hrefFor({ name: 'customer', id: m.customerId })} size="sm" dir="auto">
                      {m.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{fmt.country(m.country)}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {tierBadge(m.from)}
                      <IconArrowRight size={14} aria-label={t('policy.movesTo')} />
                      {tierBadge(m.to)}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {fmt.money(m.revenueUsd, 'USD')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  )
}
