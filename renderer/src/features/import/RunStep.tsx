// Step 4: the import running in the worker (progress, cancel), then what it did, or that it
// changed nothing.
import { Alert, Anchor, Button, Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconCircleCheck, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useJobProgress } from '../../app/jobs'
import { hrefFor } from '../../app/route'
import { useFormatters } from '../../i18n/format'
import type { AppError } from '../../../../shared/errors'
import type { ImportKind, ImportResult } from '../../../../shared/import'

type Run =
  { state: 'running' } | { state: 'done'; result: ImportResult } | { state: 'failed'; error: AppError }

export function RunStep({
  run,
  kind,
  onCancel,
  onRestart,
  onBack,
}: {
  run: Run
  kind: ImportKind
  onCancel: () => void
  onRestart: () => void
  onBack: () => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const progress = useJobProgress(['import'], run.state === 'running')

  if (run.state === 'running') {
    const pct = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0
    return (
      <Card withBorder data-testid="import-running">
        <Stack gap="sm">
          <Text>{t('import.run.running')}</Text>
          <Progress
            value={pct}
            animated
            size="lg"
            aria-label={t('import.run.progress')}
            data-testid="import-progress"
          />
          <Text size="sm" c="dimmed" aria-live="polite">
            {progress
              ? t('import.run.rowsDone', {
                  done: fmt.number(progress.done),
                  total: fmt.number(progress.total),
                })
              : t('import.run.starting')}
          </Text>
          <Group>
            <Button variant="default" color="red" onClick={onCancel} data-testid="import-cancel">
              {t('import.run.cancel')}
            </Button>
          </Group>
        </Stack>
      </Card>
    )
  }

  if (run.state === 'failed') {
    const cancelled = run.error.code === 'import_cancelled'
    return (
      <Stack gap="md" data-testid="import-failed">
        <Alert
          color={cancelled ? 'orange' : 'red'}
          role="alert"
          title={cancelled ? t('import.run.cancelledTitle') : t('import.run.failedTitle')}
        >
          <Stack gap={4}>
            {!cancelled && <Text size="sm">{t(`errors.${run.error.code}`)}</Text>}
            <Text size="sm" fw={600}>
              {t('import.run.nothingChanged')}
            </Text>
          </Stack>
        </Alert>
        <Group>
          <Button variant="default" onClick={onBack}>
            {t('import.run.backToPreview')}
          </Button>
          <Button variant="subtle" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRestart}>
            {t('import.run.another')}
          </Button>
        </Group>
      </Stack>
    )
  }

  const r = run.result
  const figures = [
    ['created', r.created, 'teal'],
    ['updated', r.updated, 'blue'],
    ['skipped', r.skipped, 'gray'],
    ['refused', r.refused, r.refused > 0 ? 'red' : 'gray'],
    ['tierMoves', r.tierMoves, 'grape'],
  ] as const
  return (
    <Stack gap="md" data-testid="import-summary">
      <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title={t('import.run.doneTitle')}>
        {t(`import.run.done.${kind}`, { count: r.rows, n: fmt.number(r.rows) })}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {figures.map(([key, value, color]) => (
          <Card withBorder p="sm" key={key}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`import.run.figures.${key}`)}
            </Text>
            <Text size="xl" fw={700} c={value > 0 ? color : undefined} data-testid={`import-result-${key}`}>
              {fmt.number(value)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Group gap="lg">
        <Anchor href={hrefFor({ name: 'customers' })} data-testid="import-to-customers">
          {t('import.run.toCustomers')}
        </Anchor>
        <Anchor href={hrefFor({ name: 'groups', key: null })}>{t('import.run.toGroups')}</Anchor>
        <Anchor href={hrefFor({ name: 'dashboard' })}>{t('import.run.toDashboard')}</Anchor>
        <Button variant="subtle" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRestart}>
          {t('import.run.another')}
        </Button>
      </Group>
    </Stack>
  )
}
