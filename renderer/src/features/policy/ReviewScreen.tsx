// The re-evaluation review (T6): the promotions and demotions time alone has caused since tiers
// were last applied, each with its reason, for a manager to apply (all or some) or dismiss.
import { useMemo, useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Pagination,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { IconArrowRight, IconCheck, IconPlayerPlay, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { useJobProgress } from '../../app/jobs'
import { hrefFor } from '../../app/route'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useFormatters } from '../../i18n/format'
import type { Review, ReviewItem } from '../../../../shared/tiering'
import { isPromotion } from '../../../../shared/tiering'
import type { AppError } from '../../../../shared/errors'
import { TIER_COLOR } from '../tiers/TierPanel'

const PAGE = 50

export function ReviewScreen() {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const state = useQuery('reviews:get', {})
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const progress = useJobProgress(['review'], running)

  const run = async () => {
    setError(null)
    setRunning(true)
    const res = await call('reviews:run', {})
    setRunning(false)
    if (!res.ok) setError(res.error)
  }

  return (
    <Stack gap="md" maw={1100} data-testid="review-screen">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('review.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('review.subtitle')}
          </Text>
        </div>
        <Button
          variant="light"
          leftSection={<IconPlayerPlay size={16} aria-hidden />}
          onClick={() => void run()}
          loading={running}
          data-testid="review-run"
        >
          {t('review.runNow')}
        </Button>
      </Group>
      {running && (
        <Progress
          value={progress ? (progress.done / Math.max(1, progress.total)) * 100 : 0}
          animated
          aria-label={t('review.running')}
        />
      )}
      {error && <ErrorAlert error={error} />}
      {state.status === 'error' && <ErrorAlert error={state.error} />}
      {state.data === null && (
        <Card withBorder data-testid="review-none">
          <Text>{t('review.none')}</Text>
        </Card>
      )}
      {state.data && (
        <OpenReview
          key={`${state.data.id}-${state.data.status}`}
          review={state.data}
          fmtDate={fmt.dateTime}
        />
      )}
    </Stack>
  )
}

function OpenReview({ review, fmtDate }: { review: Review; fmtDate: (iso: string) => string }) {
  const { t } = useTranslation()
  const [selected, setSelected] = useState<Set<string>>(() => new Set(review.items.map((i) => i.customerId)))
  const [page, setPage] = useState(1)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const pageItems = useMemo(() => review.items.slice((page - 1) * PAGE, page * PAGE), [review.items, page])
  const open = review.status === 'open'

  const decide = async (decision: 'apply' | 'dismiss') => {
    setBusy(true)
    setError(null)
    const all = selected.size === review.items.length
    const res = await call('reviews:decide', {
      id: review.id,
      decision,
      customerIds: decision === 'apply' && !all ? [...selected] : undefined,
    })
    setBusy(false)
    if (!res.ok) setError(res.error)
  }

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  return (
    <Card withBorder data-testid="review-open">
      <Group justify="space-between" mb="sm">
        <div>
          <Text fw={600}>
            {t('review.summary', {
              promotions: review.promotions,
              demotions: review.demotions,
              date: fmtDate(review.createdAt),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('review.policyVersion', { version: review.policyVersion })}
          </Text>
        </div>
        <Badge color={open ? 'orange' : review.status === 'applied' ? 'teal' : 'gray'} variant="light">
          {t(`review.status.${review.status}`)}
        </Badge>
      </Group>
      {review.items.length === 0 ? (
        <Alert color="teal" icon={<IconCheck aria-hidden />}>
          {t('review.nothingToMove')}
        </Alert>
      ) : (
        <>
          <Table striped highlightOnHover data-testid="review-items">
            <Table.Thead>
              <Table.Tr>
                {open && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('review.selectAll')}
                      checked={selected.size === review.items.length}
                      indeterminate={selected.size > 0 && selected.size < review.items.length}
                      onChange={(e) =>
                        setSelected(
                          e.currentTarget.checked
                            ? new Set(review.items.map((i) => i.customerId))
                            : new Set(),
                        )
                      }
                    />
                  </Table.Th>
                )}
                <Table.Th>{t('review.customer')}</Table.Th>
                <Table.Th>{t('review.move')}</Table.Th>
                <Table.Th>{t('review.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pageItems.map((item) => (
                <Table.Tr key={item.customerId}>
                  {open && (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('review.selectOne', { name: item.displayName })}
                        checked={selected.has(item.customerId)}
                        onChange={() => toggle(item.customerId)}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Anchor href={hrefFor({ name: 'customer', id: item.customerId })}>
                      {item.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Badge color={TIER_COLOR[item.from]} variant="light">
                        {t(`enum.tier.${item.from}`)}
                      </Badge>
                      <IconArrowRight size={14} aria-hidden />
                      <Badge color={TIER_COLOR[item.to]} variant="filled">
                        {t(`enum.tier.${item.to}`)}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <ReviewReason item={item} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {review.items.length > PAGE && (
            <Pagination
              mt="sm"
              total={Math.ceil(review.items.length / PAGE)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': t(`review.page.${control}`) })}
            />
          )}
        </>
      )}
      {error && <ErrorAlert error={error} />}
      {open && (
        <Group mt="md">
          <Button
            leftSection={<IconCheck size={16} aria-hidden />}
            onClick={() => void decide('apply')}
            loading={busy}
            disabled={review.items.length > 0 && selected.size === 0}
            data-testid="review-apply"
          >
            {review.items.length === 0 ? t('review.close') : t('review.apply', { count: selected.size })}
          </Button>
          <Button
            variant="default"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={() => void decide('dismiss')}
            disabled={busy}
            data-testid="review-dismiss"
          >
            {t('review.dismiss')}
          </Button>
        </Group>
      )}
    </Card>
  )
}

/** "12-month revenue fell from $6M to $0, below the $4.75M floor" as the tier history says it. */
function ReviewReason({ item }: { item: ReviewItem }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const money = (n: number) => fmt.moneyCompact(n, 'USD')
  const up = isPromotion(item.from, item.to)
  return (
    <Text size="sm">
      {up
        ? t('review.reasonUp', {
            before: money(item.previousRevenueUsd),
            after: money(item.revenueUsd),
            threshold: money(item.thresholdUsd),
          })
        : t('review.reasonDown', {
            before: money(item.previousRevenueUsd),
            after: money(item.revenueUsd),
            floor: money(item.floorUsd ?? item.thresholdUsd),
          })}
    </Text>
  )
}
