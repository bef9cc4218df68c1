// Step 1: what the file holds, the file itself (dropped or picked), and optionally a saved mapping.
import { useState } from 'react'
import {
  Alert,
  Button,
  FileButton,
  Group,
  Loader,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core'
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { useFormatters } from '../../i18n/format'
import { IMPORT_KINDS } from '../../../../shared/import'
import type { ImportKind } from '../../../../shared/import'
import type { AppError } from '../../../../shared/errors'
import { ACCEPT, readBase64 } from './files'

export type OpenedFile = { fileId: string; name: string; size: number }

export function ChooseStep({
  kind,
  onKind,
  file,
  onFile,
  preset,
  onPreset,
}: {
  kind: ImportKind
  onKind: (k: ImportKind) => void
  file: OpenedFile | null
  onFile: (f: OpenedFile | null) => void
  preset: string | null
  onPreset: (name: string | null) => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const presets = useQuery('import:presets', {})
  const [opening, setOpening] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [unreadable, setUnreadable] = useState(false)
  const [over, setOver] = useState(false)

  const open = async (f: File | null) => {
    if (!f) return
    setError(null)
    setUnreadable(false)
    setOpening(true)
    // The browser itself may fail to read it (moved, locked, no permission): say so, not "error".
    const base64 = await readBase64(f).catch(() => null)
    if (base64 === null) {
      setOpening(false)
      onFile(null)
      return setUnreadable(true)
    }
    const res = await call('import:open', { name: f.name, base64 })
    setOpening(false)
    if (!res.ok) {
      onFile(null)
      return setError(res.error)
    }
    onFile({ fileId: res.data.fileId, name: f.name, size: res.data.size })
  }

  const mine = (presets.data?.presets ?? []).filter((p) => p.kind === kind)
  return (
    <Stack gap="md">
      <Radio.Group
        label={t('import.choose.kindLabel')}
        value={kind}
        onChange={(v) => onKind(v)}
        data-testid="import-kind"
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
          {IMPORT_KINDS.map((k) => (
            <Radio.Card key={k} value={k} p="sm" radius="md" withBorder data-testid={`import-kind-${k}`}>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <div>
                  <Text fw={600}>{t(`import.kinds.${k}`)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`import.kindHelp.${k}`)}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>

      <Paper
        withBorder
        p="lg"
        radius="md"
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          background: over ? 'var(--mantine-color-teal-0)' : undefined,
        }}
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault()
          setOver(false)
          void open(e.dataTransfer.files[0] ?? null)
        }}
        data-testid="import-dropzone"
      >
        <Group justify="center" gap="md">
          <IconFileSpreadsheet size={36} aria-hidden color="var(--mantine-color-teal-7)" />
          <div>
            <Text fw={600}>{file ? file.name : t('import.choose.drop')}</Text>
            <Text size="sm" c="dimmed">
              {file
                ? t('import.choose.size', { size: fmt.number(Math.ceil(file.size / 1024)) })
                : t('import.choose.formats')}
            </Text>
          </div>
          <FileButton onChange={(f) => void open(f)} accept={ACCEPT}>
            {(props) => (
              <Button
                {...props}
                variant={file ? 'default' : 'filled'}
                leftSection={opening ? <Loader size={14} /> : <IconUpload size={16} aria-hidden />}
                disabled={opening}
                data-testid="import-file"
              >
                {file ? t('import.choose.another') : t('import.choose.pick')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Paper>
      {(error || unreadable) && (
        <Alert color="red" role="alert" title={t('import.choose.openFailed')} data-testid="import-open-error">
          {error ? t(`errors.${error.code}`) : t('import.map.fixFile')}
        </Alert>
      )}

      <Select
        label={t('import.choose.preset')}
        description={t('import.choose.presetHelp')}
        placeholder={t('import.choose.presetNone')}
        clearable
        maw={420}
        value={preset}
        onChange={onPreset}
        data={mine.map((p) => p.name)}
        disabled={mine.length === 0}
        data-testid="import-preset"
      />
    </Stack>
  )
}
