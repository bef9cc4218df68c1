// The Backups screen (D2/D3): the backups in the data directory's backups/ folder, a backup on
// demand, restore with a preview and a confirmation, a download per backup, and how many
// automatic backups are kept. Main does the work (features/backups); a restore swaps the whole
// database and main then announces every table, so each screen reads again.
import { useCallback, useEffect, useState } from 'react'
import {
  Alert,
  Button,
  Code,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDatabaseExport, IconDownload, IconRestore } from '@tabler/icons-react'
import { Trans, useTranslation } from 'react-i18next'
import { call, inDesktop } from '../../api/client'
import { useTablesVersion } from '../../app/data'
import { useFormatters } from '../../i18n/format'
import { saveExport } from '../exports/download'
import type { BackupEntry, BackupPreview, Rotation } from '../../../../shared/backups'
import type { AppError } from '../../../../shared/errors'

type Listing = { backups: BackupEntry[]; rotation: Rotation }

function sizeText(bytes: number, lang: string): string {
  // French counts octets (Ko, Mo); Chinese and English write KB, MB.
  const units = lang.startsWith('fr') ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB']
  let v = bytes
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`
}

export function BackupsScreen() {
  const { t, i18n } = useTranslation()
  const f = useFormatters()
  const [listing, setListing] = useState<Listing | null>(null)
  const [dataDir, setDataDir] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const [preview, setPreview] = useState<BackupPreview | null>(null)
  const [rotation, setRotation] = useState<Rotation | null>(null)
  // meta: the rotation setting; customers: a restore or the day's backup changed what is listed.
  const version = useTablesVersion(['meta', 'customers'])

  const reload = useCallback(async () => {
    const res = await call('backups:list', {})
    if (res.ok) {
      setListing(res.data)
      setRotation((r) => r ?? res.data.rotation)
    } else setError(res.error)
  }, [])

  useEffect(() => {
    void reload()
  }, [reload, version])
  useEffect(() => {
    void call('app:info', {}).then((r) => r.ok && setDataDir(r.data.dataDir))
  }, [])

  const when = (iso: string) => f.dateTime(iso)

  const backUp = async (saveAs: boolean) => {
    setBusy(true)
    setError(null)
    const res = await call('backups:create', { saveAs })
    setBusy(false)
    if (!res.ok) {
      if (res.error.code !== 'backup_cancelled') setError(res.error)
      return
    }
    notifications.show({ color: 'teal', message: t('backups.created', { count: res.data.customers }) })
    await reload()
  }

  const askRestore = async (name: string) => {
    setError(null)
    const res = await call('backups:preview', { name })
    if (res.ok) setPreview(res.data)
    else setError(res.error)
  }

  const restore = async () => {
    if (!preview) return
    setBusy(true)
    const res = await call('backups:restore', { name: preview.name })
    setBusy(false)
    setPreview(null)
    if (!res.ok) {
      setError(res.error)
      return
    }
    notifications.show({
      color: 'teal',
      message: t('backups.restored', { date: when(res.data.restored.createdAt) }),
    })
    await reload()
  }

  const download = async (name: string) => {
    const res = await call('backups:download', { name })
    if (res.ok) saveExport({ ...res.data, rows: 0 })
    else setError(res.error)
  }

  const saveRotation = async () => {
    if (!rotation) return
    const res = await call('backups:setRotation', rotation)
    if (res.ok) notifications.show({ color: 'teal', message: t('backups.rotation.saved') })
    else setError(res.error)
  }

  const backups = listing?.backups ?? []
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={2}>{t('backups.title')}</Title>
      <Text c="dimmed" size="sm">
        {/* The folder as code on one line: a path broken at a hyphen reads as two words. */}
        <Trans
          t={t}
          i18nKey="backups.intro"
          values={{
            dir: dataDir ? `${dataDir}${dataDir.includes('\\') ? '\\' : '/'}backups` : 'backups',
          }}
          components={{ dir: <Code style={{ whiteSpace: 'nowrap' }} /> }}
        />
      </Text>
      <Group>
        <Button
          leftSection={<IconDatabaseExport size={18} />}
          loading={busy}
          onClick={() => void backUp(false)}
        >
          {busy ? t('backups.working') : t('backups.backUpNow')}
        </Button>
        {inDesktop ? (
          <Button variant="default" disabled={busy} onClick={() => void backUp(true)}>
            {t('backups.saveAs')}
          </Button>
        ) : null}
      </Group>
      {error ? (
        <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)}>
          {t(`errors.${error.code}`)}
        </Alert>
      ) : null}

      {listing && backups.length === 0 ? <Text>{t('backups.empty')}</Text> : null}
      {backups.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t('backups.listLabel')} data-testid="backups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups.col.date')}</Table.Th>
                <Table.Th>{t('backups.col.kind')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('backups.col.size')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('backups.col.customers')}</Table.Th>
                <Table.Th>{t('backups.col.version')}</Table.Th>
                <Table.Th>{t('backups.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.map((b) => (
                <Table.Tr key={b.name} data-testid="backup-row" data-kind={b.kind}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(b.createdAt)}</Table.Td>
                  <Table.Td>{t(`backups.kind.${b.kind}`)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {sizeText(b.size, i18n.language)}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{f.number(b.customers)}</Table.Td>
                  <Table.Td>{b.appVersion ?? t('backups.unknownVersion')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconRestore size={16} />}
                        aria-label={t('backups.restoreOf', { date: when(b.createdAt) })}
                        onClick={() => void askRestore(b.name)}
                      >
                        {t('backups.restore')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconDownload size={16} />}
                        aria-label={t('backups.downloadOf', { date: when(b.createdAt) })}
                        onClick={() => void download(b.name)}
                      >
                        {t('backups.download')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}

      {rotation ? (
        <Paper withBorder p="md" maw={640}>
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('backups.rotation.title')}
            </Title>
            <SimpleGrid cols={3}>
              {(['daily', 'weekly', 'monthly'] as const).map((k) => (
                <NumberInput
                  key={k}
                  label={t(`backups.rotation.${k}`)}
                  min={k === 'daily' ? 1 : 0}
                  max={k === 'daily' ? 60 : k === 'weekly' ? 52 : 120}
                  value={rotation[k]}
                  onChange={(v) => setRotation({ ...rotation, [k]: typeof v === 'number' ? v : 0 })}
                />
              ))}
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('backups.rotation.note')}
            </Text>
            <Group>
              <Button variant="default" onClick={() => void saveRotation()}>
                {t('backups.rotation.save')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}

      <Modal
        opened={preview !== null}
        onClose={() => setPreview(null)}
        title={preview ? t('backups.preview.title', { date: when(preview.createdAt) }) : ''}
        size="lg"
      >
        {preview ? (
          <Stack>
            <Text>{t('backups.preview.body')}</Text>
            <Table withRowBorders={false} data-testid="backup-preview">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>{t('backups.preview.customers')}</Table.Th>
                  <Table.Td>{f.number(preview.customers)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backups.preview.orders')}</Table.Th>
                  <Table.Td>{f.number(preview.orders)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backups.preview.lastChange')}</Table.Th>
                  <Table.Td>{preview.lastChange ? when(preview.lastChange) : '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backups.preview.version')}</Table.Th>
                  <Table.Td>{preview.appVersion ?? t('backups.unknownVersion')}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backups.preview.schema')}</Table.Th>
                  <Table.Td>{preview.schemaVersion}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPreview(null)} data-autofocus>
                {t('backups.preview.cancel')}
              </Button>
              <Button color="red" loading={busy} onClick={() => void restore()}>
                {t('backups.preview.confirm')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  )
}
