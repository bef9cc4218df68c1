// The customer's value tier, why it is what it is, its history as sentences (T6), and a manager's
// lock with a reason.
import { useState } from 'react'
import { Alert, Badge, Button, Group, List, Select, Stack, Text, TextInput } from '@mantine/core'
import { HoverTip } from '../../components/HoverTip'
import { IconAlertTriangle, IconLock, IconLockOpen } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { ShowAllToggle } from '../../components/ShowAll'
import { useFormatters } from '../../i18n/format'
import type { Formatters } from '../../i18n/format'
import { DEFAULT_POLICY, VALUE_TIERS, isPromotion } from '../../../../shared/tiering'
import type { TierEvent, TierState, ValueTier } from '../../../../shared/tiering'
import type { AppError } from '../../../../shared/errors'
import { FormDialog } from '../../components/FormDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { describeIssues, useFormIssues } from '../../components/formErrors'
import { lockFormSpec, toLockInput } from './lockForm'
import type { LockDraft } from './lockForm'
import { benefitsText } from '../policy/benefits'

/** Width of the "RFM segment" / "Lifecycle stage" labels, so the two badges line up. */
const LABEL_W = 96
export const TIER_COLOR: Record<ValueTier, string> = {
  key: 'grape',
  mid: 'blue',
  small: 'teal',
  ordinary: 'gray',
}

/** One history entry as a sentence: "Mid → Key: 12-month revenue rose from $3.2M to $5.4M". */
export function explainTierEvent(t: TFunction, fmt: Formatters, e: TierEvent): string {
  const name = (tier: ValueTier | null) => (tier ? t(`enum.tier.${tier}`) : '')
  const money = (n: number | null) => (n === null ? '' : fmt.moneyCompact(n, 'USD'))
  const base = {
    from: name(e.from),
    to: name(e.to),
    before: money(e.inputs.previousRevenueUsd),
    after: money(e.inputs.revenueUsd),
    threshold: money(e.inputs.thresholdUsd),
    floor: money(e.inputs.floorUsd),
  }
  // Events stored before the cause was recorded: a lock says so by its rule, and an unlock was
  // the only event that kept the tier.
  const cause = e.inputs.cause ?? (e.rule === 'locked' ? 'lock' : e.from === e.to ? 'unlock' : 'revenue')
  if (cause === 'lock') return t('tiers.sentence.locked', { ...base, reason: e.inputs.reason ?? '' })
  if (e.from === null) return t('tiers.sentence.initial', base)
  if (cause === 'unlock')
    return t(e.from === e.to ? 'tiers.sentence.unlocked' : 'tiers.sentence.unlockedMove', base)
  const moved = isPromotion(e.from, e.to) ? 'up' : 'down'
  // A new policy moved an unchanged revenue: "rose from 4.8M to 4.8M" would be nonsense, so the
  // sentence names the rule as it now is.
  return t(`tiers.sentence.${moved}${cause === 'policy' ? 'Policy' : ''}`, base)
}

/**
 * A stage or segment rule's reason from its inputs, e.g. "no order for 400 days (limit 365)". A
 * first order placed today reads "today", not "0 days ago"; `count` picks the plural form while
 * `days` is the figure shown in the reader's format.
 */
function ruleReason(
  t: TFunction,
  fmt: Formatters,
  rule: string,
  inputs: Record<string, number | string | null>,
): string {
  const num = (k: string) => {
    const v = inputs[k]
    return typeof v === 'number' ? v : null
  }
  const shown = (v: number | null) => (v === null ? '' : fmt.number(v))
  const money = (v: number | null) => (v === null ? '' : fmt.moneyCompact(v, 'USD'))
  const days = num('days')
  return t(`tiers.stageRule.${rule === 'first_order_within' && days === 0 ? 'first_order_today' : rule}`, {
    count: days ?? 0,
    days: shown(days),
    limit: shown(num('limit')),
    last6: money(num('last6Usd')),
    prev6: money(num('prev6Usd')),
  })
}

function segmentReason(
  t: TFunction,
  fmt: Formatters,
  rule: string,
  inputs: Record<string, number | string | null>,
): string {
  if (rule === 'no_order_for' || rule === 'first_order_within') return ruleReason(t, fmt, rule, inputs)
  if (rule === 'default' && inputs.r === undefined) return ''
  const n = (k: string) => (typeof inputs[k] === 'number' ? fmt.number(inputs[k]) : '')
  return t('tiers.rfmScores', { r: n('r'), f: n('f'), m: n('m') })
}

/** "Contact every 14 days · executive dialogue quarterly · dedicated owner required · benefits". */
function serviceText(t: TFunction, tier: ValueTier, sp: TierState['service']): string {
  const parts = [t('tiers.service.cadence', { days: sp.cadenceDays })]
  const months = sp.executiveDialogueMonths
  // Quarter, half-year and year read as such; any other period (a policy allows 1–24) as months.
  if (months > 0)
    parts.push(
      [3, 6, 12].includes(months)
        ? t(`tiers.service.dialogue_m${months}`)
        : t('tiers.service.dialogueMonths', { count: months }),
    )
  if (sp.ownerRequired) parts.push(t('tiers.service.owner'))
  const benefits = benefitsText(t, tier, sp.benefits)
  if (benefits) parts.push(benefits)
  return parts.join(' · ')
}

/** A segment, stage or risk change as a sentence: "Segment: General → VIP (champion)". */
function explainChange(t: TFunction, e: TierState['changes'][number]): string {
  const name = (v: string | null) => {
    if (v === null) return t('tiers.noneYet')
    if (e.kind === 'segment') return t(`enum.segment.${v}`)
    if (e.kind === 'stage') return t(`enum.stage.${v}`)
    return v
      .split('+')
      .map((k) => t(`enum.risk.${k}`))
      .join(t('common.listSeparator'))
  }
  return t(`tiers.change.${e.kind}`, { from: name(e.from), to: name(e.to) })
}

export function TierPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const state = useQuery('tiers:get', { customerId })
  const policy = useQuery('policy:get', {})
  const bandPct = policy.data?.policy.hysteresisPct ?? DEFAULT_POLICY.hysteresisPct
  const [locking, setLocking] = useState(false)

  if (!state.data) return state.status === 'error' ? <ErrorAlert error={state.error} /> : null
  const s = state.data
  const unlock = async () => {
    await call('tiers:lock', { customerId, locked: false })
  }

  return (
    <Stack gap="xs" data-testid="tier-panel">
      <Group gap="sm">
        <Text size="xs" c="dimmed" w={LABEL_W}>
          {t('tiers.tier')}
        </Text>
        <Badge
          size="lg"
          color={TIER_COLOR[s.tier]}
          variant="light"
          data-testid="tier-badge"
          leftSection={s.lock ? <IconLock size={12} aria-hidden /> : null}
        >
          {t(`enum.tier.${s.tier}`)}
        </Badge>
        <Text size="sm" data-testid="tier-rule">
          {s.rule === 'locked'
            ? t('tiers.rule.locked', { reason: s.lock?.reason ?? '' })
            : s.rule === 'hysteresis'
              ? t('tiers.rule.hysteresis', { pct: fmt.number(bandPct) })
              : t('tiers.rule.threshold', { revenue: fmt.moneyCompact(s.revenueUsd, 'USD') })}
        </Text>
        {s.lock ? (
          <HoverTip label={t('tiers.unlock')}>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconLockOpen size={14} aria-hidden />}
              onClick={() => void unlock()}
              data-testid="unlock-tier"
            >
              {t('tiers.unlock')}
            </Button>
          </HoverTip>
        ) : (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconLock size={14} aria-hidden />}
            onClick={() => setLocking(true)}
            data-testid="lock-tier"
          >
            {t('tiers.lock')}
          </Button>
        )}
      </Group>
      {s.segment && (
        <Group gap="sm">
          <Text size="xs" c="dimmed" w={LABEL_W}>
            {t('tiers.label.segment')}
          </Text>
          <Badge variant="light" color="cyan" data-testid="segment-badge">
            {t(`enum.segment.${s.segment.segment}`)}
          </Badge>
          <Text size="sm" c="dimmed" data-testid="segment-reason">
            {segmentReason(t, fmt, s.segment.rule, s.segment.inputs)}
          </Text>
        </Group>
      )}
      <Group gap="sm">
        <Text size="xs" c="dimmed" w={LABEL_W}>
          {t('tiers.label.stage')}
        </Text>
        <Badge variant="outline" color="gray" data-testid="stage-badge">
          {t(`enum.stage.${s.stage.stage}`)}
        </Badge>
        <Text size="sm" c="dimmed" data-testid="stage-reason">
          {ruleReason(t, fmt, s.stage.rule, s.stage.inputs)}
        </Text>
      </Group>
      {s.risks.map((r) => (
        <Alert
          key={r.kind}
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={16} aria-hidden />}
          p="xs"
          data-testid="risk-flag"
        >
          <Text size="sm">
            {r.kind === 'gap'
              ? t('tiers.risk.gap', {
                  days: fmt.number(r.daysSinceLast),
                  multiple: fmt.number(r.multiple),
                  median: fmt.number(Math.round(r.medianGapDays)),
                })
              : t('tiers.risk.drop', {
                  pct: fmt.number(Math.round(r.dropPct)),
                  prev6: fmt.moneyCompact(r.prev6Usd, 'USD'),
                  last6: fmt.moneyCompact(r.last6Usd, 'USD'),
                })}
          </Text>
        </Alert>
      ))}
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed" w={LABEL_W} style={{ flexShrink: 0 }}>
          {t('customerPage.service')}
        </Text>
        <Text size="sm" data-testid="service-policy">
          {serviceText(t, s.tier, s.service)}
        </Text>
      </Group>
      <HistoryList
        title={t('tiers.history')}
        testId="tier-history"
        entries={s.history.map((e) => ({ text: explainTierEvent(t, fmt, e), at: e.at }))}
      />
      <HistoryList
        title={t('tiers.changes')}
        testId="segment-history"
        entries={s.changes.map((e) => ({ text: explainChange(t, e), at: e.at }))}
      />
      {locking && <LockDialog customerId={customerId} current={s.tier} onClose={() => setLocking(false)} />}
    </Stack>
  )
}

/** How many history entries show before "Show all". */
const FOLDED = 3

/**
 * Changes as sentences with their time, newest first, folded to the last few with a "Show all"
 * toggle; nothing when there are none.
 */
function HistoryList({
  title,
  testId,
  entries,
}: {
  title: string
  testId: string
  entries: { text: string; at: string }[]
}) {
  const fmt = useFormatters()
  const [all, setAll] = useState(false)
  if (entries.length === 0) return null
  const shown = all ? entries : entries.slice(0, FOLDED)
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {title}
      </Text>
      <List size="sm" spacing={2} data-testid={testId}>
        {shown.map((e, i) => (
          <List.Item key={i}>
            <Text span size="sm">
              {e.text}
            </Text>{' '}
            <Text span size="xs" c="dimmed">
              {fmt.dateTime(e.at)}
            </Text>
          </List.Item>
        ))}
      </List>
      {entries.length > FOLDED && (
        <ShowAllToggle
          all={all}
          total={entries.length}
          onToggle={() => setAll((v) => !v)}
          testId={`${testId}-toggle`}
        />
      )}
    </div>
  )
}

function LockDialog({
  customerId,
  current,
  onClose,
}: {
  customerId: string
  current: ValueTier
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<LockDraft>({ tier: current, reason: '' })
  const [error, setError] = useState<AppError | null>(null)
  const form = useFormIssues(lockFormSpec, draft)
  const { byField: errors, lines } = describeIssues(t, lockFormSpec.labels, form.issues)

  const save = async () => {
    setError(null)
    if (!form.submit()) return
    const res = await call('tiers:lock', toLockInput(customerId, draft))
    if (res.ok) onClose()
    else if (!form.fromMain(res.error)) setError(res.error)
  }

  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('tiers.lockTitle')}
      error={error}
      issues={lines}
      onSubmit={save}
      submitLabel={t('tiers.lock')}
      submitTestId="save-lock"
    >
      <Text size="sm">{t('tiers.lockBody')}</Text>
      <Select
        label={t('tiers.tier')}
        data={VALUE_TIERS.map((v) => ({ value: v, label: t(`enum.tier.${v}`) }))}
        value={draft.tier}
        onChange={(v) => setDraft((d) => ({ ...d, tier: v }))}
        error={errors['tier']}
        allowDeselect={false}
        data-testid="lock-tier-select"
      />
      <TextInput
        label={t('tiers.reason')}
        required
        value={draft.reason}
        onChange={(e) => {
          const reason = e.currentTarget.value
          setDraft((d) => ({ ...d, reason }))
        }}
        error={errors['reason']}
        data-testid="lock-reason"
      />
    </FormDialog>
  )
}
