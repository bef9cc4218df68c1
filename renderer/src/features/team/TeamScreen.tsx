// Team sync (SPEC S1–S3): start a team in a shared folder or join one, then see what the last
// pass did, what waits to be sent, fields two people changed at once, and the team's computers.
// Main does the work (features/team): every pass runs in the worker, and a folder that cannot be
// used is refused with a reason and nothing written.
import { useState } from 'react'
import type { FormEvent } from 'react'
import {
  Alert,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconFolderShare, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call, inDesktop } from '../../api/client'
import { useQuery } from '../../app/data'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useFormatters } from '../../i18n/format'
import type { AppError } from '../../../../shared/errors'
import type { TeamStatus } from '../../../../shared/team'

/** A refusal's reason in words: a folder problem, else the error with its field issues. */
function Refusal({ error }: { error: AppError }) {
  const { t } = useTranslation()
  const problem = (error.details as { problem?: string } | undefined)?.problem
  if (error.code === 'team_folder' && problem)
    return (
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="team-refused">
        {t(`team.problem.${problem}`)}
      </Alert>
    )
  return <ErrorAlert error={error} />
}

export function TeamScreen() {
  const { t } = useTranslation()
  const status = useQuery('team:status', {})
  return (
    <Stack gap="lg" maw={1100} data-testid="team-screen">
      <Title order={2}>{t('team.title')}</Title>
      <Text c="dimmed" maw={760}>
        {t('team.intro')}
      </Text>
      {status.status === 'error' && <ErrorAlert error={status.error} />}
      {status.data && (status.data.team ? <InTeam status={status.data} /> : <NoTeam />)}
    </Stack>
  )
}

function NoTeam() {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <FolderForm mode="create" />
      <FolderForm mode="join" />
    </SimpleGrid>
  )
}

function FolderForm({ mode }: { mode: 'create' | 'join' }) {
  const { t } = useTranslation()
  const [folder, setFolder] = useState('')
  const [name, setName] = useState('')
  const [deviceName, setDeviceName] = useState('')
  const [userName, setUserName] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const res =
      mode === 'create'
        ? await call('team:create', { folder, name, deviceName, userName })
        : await call('team:join', { folder, deviceName, userName })
    setBusy(false)
    if (!res.ok) {
      setError(res.error)
      return
    }
    notifications.show({ color: 'teal', message: t(mode === 'create' ? 'team.created' : 'team.joined') })
  }
  const issue = (field: string) => {
    const found = error?.issues?.find((i) => i.path[0] === field)
    return found ? t(`validation.${found.code}`) : undefined
  }
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="form"
      onSubmit={(e) => void submit(e)}
      data-testid={`team-${mode}`}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t(`team.${mode}.title`)}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`team.${mode}.hint`)}
        </Text>
        <TextInput
          label={t('team.field.folder')}
          placeholder={t('team.field.folderPlaceholder')}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          error={issue('folder')}
          withAsterisk
          data-testid={`team-${mode}-folder`}
          // The desktop app picks the folder in the system's dialog; typing or pasting works everywhere.
          rightSectionWidth={inDesktop ? 96 : undefined}
          rightSection={
            inDesktop ? (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() =>
                  void call('team:chooseFolder', {}).then((r) => {
                    if (!r.ok) setError(r.error)
                    else if (r.data.folder) setFolder(r.data.folder)
                  })
                }
              >
                {t('team.field.choose')}
              </Button>
            ) : undefined
          }
        />
        {mode === 'create' && (
          <TextInput
            label={t('team.field.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={issue('name')}
            withAsterisk
            data-testid="team-create-name"
          />
        )}
        <TextInput
          label={t('team.field.deviceName')}
          placeholder={t('team.field.deviceNamePlaceholder')}
          value={deviceName}
          onChange={(e) => setDeviceName(e.currentTarget.value)}
          error={issue('deviceName')}
          withAsterisk
          data-testid={`team-${mode}-device`}
        />
        <TextInput
          label={t('team.field.userName')}
          description={t('team.field.userNameHint')}
          placeholder={t('team.field.userNamePlaceholder')}
          value={userName}
          onChange={(e) => setUserName(e.currentTarget.value)}
          error={issue('userName')}
          withAsterisk
          data-testid={`team-${mode}-user`}
        />
        {error && (error.code !== 'validation' || !error.issues?.length) && <Refusal error={error} />}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={busy}
            leftSection={<IconFolderShare size={16} aria-hidden />}
            data-testid={`team-${mode}-submit`}
          >
            {t(`team.${mode}.button`)}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

function InTeam({ status }: { status: TeamStatus }) {
  const { t } = useTranslation()
  const f = useFormatters()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [leaving, setLeaving] = useState(false)
  const [reviewing, setReviewing] = useState(false)
  const team = status.team!
  const last = status.last
  const syncNow = async () => {
    setBusy(true)
    setError(null)
    const res = await call('sync:now', {})
    setBusy(false)
    if (!res.ok) setError(res.error)
    else if (res.data.problem)
      // The folder could not be used: the red alert below says why; the notice only that it paused.
      notifications.show({ color: 'red', message: t('team.header.paused') })
    else
      notifications.show({
        color: 'teal',
        message: t('team.synced', { sent: res.data.published, received: res.data.received }),
      })
  }
  const leave = async () => {
    const res = await call('team:leave', {})
    setLeaving(false)
    if (!res.ok) setError(res.error)
    else notifications.show({ color: 'teal', message: t('team.left') })
  }
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t('team.team')}
              </Text>
              <Title order={3} size="h4" data-testid="team-name">
                {team.name}
              </Title>
              <Text size="sm">
                {t('team.folder')} <Code>{team.folder}</Code>
              </Text>
              <Text size="sm">
                {t('team.thisDevice')} {status.deviceName ?? status.deviceId}
                {status.userName ? ` · ${status.userName}` : ''}
              </Text>
            </Stack>
            <Group gap="sm">
              <Button
                leftSection={<IconRefresh size={16} aria-hidden />}
                loading={busy}
                onClick={() => void syncNow()}
                data-testid="sync-now"
              >
                {busy ? t('team.syncing') : t('team.syncNow')}
              </Button>
              <Button variant="default" onClick={() => setLeaving(true)} data-testid="team-leave">
                {t('team.leave')}
              </Button>
            </Group>
          </Group>
          <Text size="sm" data-testid="team-last">
            {t('team.lastSync')}{' '}
            {last
              ? `${f.dateTime(last.at)} — ${
                  last.problem
                    ? t('team.header.paused')
                    : t('team.upToDate', { sent: last.published, received: last.received })
                }`
              : t('team.never')}
          </Text>
          {last?.problem && (
            // Why sync is paused, and what to do, where it cannot be missed (not only in a line).
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} data-testid="team-paused">
              {t(`team.problem.${last.problem}`)}
            </Alert>
          )}
          {status.pending > 0 && (
            <Text size="sm" data-testid="team-pending">
              {t('team.pending', { count: status.pending })}
            </Text>
          )}
          {status.conflicts > 0 && (
            <Alert color="yellow" data-testid="team-conflicts">
              <Group justify="space-between" gap="sm">
                <Text size="sm">{t('team.conflicts', { count: status.conflicts })}</Text>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setReviewing(true)}
                  data-testid="team-review"
                >
                  {t('team.review')}
                </Button>
              </Group>
            </Alert>
          )}
          {status.parked > 0 && (
            <Alert color="orange" data-testid="team-parked">
              {t('team.parked', { count: status.parked })}
            </Alert>
          )}
          {last?.waiting.map((w) => (
            <Alert key={w.device} color="yellow" data-testid="team-waiting">
              {t('team.waiting', { device: w.device, reason: t(`team.waitingReason.${w.problem}`) })}
            </Alert>
          ))}
          {error && <Refusal error={error} />}
        </Stack>
      </Paper>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('team.devices')}
        </Title>
        <Table striped withTableBorder data-testid="team-devices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('team.deviceCol.name')}</Table.Th>
              <Table.Th>{t('team.deviceCol.user')}</Table.Th>
              <Table.Th>{t('team.deviceCol.version')}</Table.Th>
              <Table.Th>{t('team.deviceCol.seen')}</Table.Th>
              <Table.Th>{t('team.deviceCol.id')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {status.devices.map((d) => (
              <Table.Tr key={d.deviceId}>
                <Table.Td>{d.deviceName}</Table.Td>
                <Table.Td>{d.userName}</Table.Td>
                <Table.Td>{d.appVersion}</Table.Td>
                <Table.Td>
                  {f.dateTime(d.seenAt)}
                  {d.clockAheadMs !== null && (
                    <Text size="xs" c="orange.8" data-testid="device-clock-warning">
                      {t('team.clockAhead', { hours: Math.round(d.clockAheadMs / 3_600_000) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Code>{d.deviceId}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      <Modal
        opened={reviewing}
        onClose={() => setReviewing(false)}
        title={t('team.reviewTitle')}
        size="xl"
        centered
      >
        {reviewing && <ConflictList />}
      </Modal>
      <Modal opened={leaving} onClose={() => setLeaving(false)} title={t('team.leave')} centered>
        <Stack>
          <Text>{t('team.leaveConfirm', { name: team.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setLeaving(false)}>
              {t('team.cancel')}
            </Button>
            <Button color="red" onClick={() => void leave()} data-testid="team-leave-confirm">
              {t('team.leave')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}

/** snake_case column → the camelCase key its label has under fields.* */
const fieldKey = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

function ConflictList() {
  const { t } = useTranslation()
  const f = useFormatters()
  const list = useQuery('sync:conflicts', {})
  const [error, setError] = useState<AppError | null>(null)
  const keep = async (id: number, which: 'kept' | 'other') => {
    setError(null)
    const res = await call('sync:resolve', { id, keep: which })
    if (!res.ok) setError(res.error)
    else notifications.show({ color: 'teal', message: t('team.resolved') })
  }
  const conflicts = list.data?.conflicts ?? []
  const plain = (v: string | number | null) => (v === null || v === '' ? t('team.emptyValue') : String(v))
  return (
    <Stack gap="sm" data-testid="conflict-list">
      <Text size="sm" c="dimmed">
        {t('team.reviewHint')}
      </Text>
      {error && <ErrorAlert error={error} />}
      {list.data && conflicts.length === 0 && (
        <Text data-testid="conflicts-empty">{t('team.noConflicts')}</Text>
      )}
      {conflicts.map((c) => {
        // A delete against an edit made without seeing it: deleted, or kept with that edit.
        const removal = c.column === 'deleted_at'
        const field = removal
          ? t('team.removal.field')
          : t(`fields.${fieldKey(c.column)}`, { defaultValue: c.column })
        const text = (v: string | number | null) =>
          removal
            ? v === null
              ? t('team.removal.kept')
              : t('team.removal.deleted', { at: f.dateTime(String(v)) })
            : plain(v)
        return (
          <Paper key={c.id} withBorder p="sm" radius="md" data-testid="conflict">
            <Text fw={600} size="sm">
              {c.label ?? c.rowId} · {field}
            </Text>
            <SimpleGrid cols={2} spacing="sm" mt="xs">
              {(['kept', 'other'] as const).map((which) => {
                const side = c[which]
                return (
                  <Stack key={which} gap={4}>
                    <Text size="xs" c="dimmed">
                      {t(which === 'kept' ? 'team.shownNow' : 'team.otherValue')} —{' '}
                      {t('team.by', {
                        device: side.userName
                          ? `${side.userName} (${side.deviceName ?? side.deviceId})`
                          : (side.deviceName ?? side.deviceId),
                        at: f.dateTime(side.at),
                      })}
                    </Text>
                    <Text data-testid={`conflict-${which}`}>{text(side.value)}</Text>
                    <Button
                      size="compact-sm"
                      variant={which === 'kept' ? 'default' : 'light'}
                      onClick={() => void keep(c.id, which)}
                      aria-label={t('team.keepThisOf', { value: text(side.value), field })}
                      data-testid={`keep-${which}`}
                      style={{ alignSelf: 'flex-start' }}
                    >
                      {t('team.keepThis')}
                    </Button>
                  </Stack>
                )
              })}
            </SimpleGrid>
          </Paper>
        )
      })}
    </Stack>
  )
}
