// The way out the damaged-database alert offers: the newest backup that passes SQLite's check
// goes in place of the damaged file (kept aside by main), and every screen reads again.
import { useState } from 'react'
import { Button, Text } from '@mantine/core'
import { IconRestore } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useFormatters } from '../../i18n/format'

export function DamagedRestore() {
  const { t } = useTranslation()
  const f = useFormatters()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const restore = async () => {
    setBusy(true)
    const res = await call('backups:restoreLatest', {})
    setBusy(false)
    setMessage(
      res.ok
        ? t('backups.restored', { date: f.dateTime(res.data.restored.createdAt) })
        : t(`errors.${res.error.code}`),
    )
  }
  return (
    <>
      <Button
        mt="sm"
        color="red"
        leftSection={<IconRestore size={16} />}
        loading={busy}
        onClick={() => void restore()}
      >
        {t('backups.damaged.restoreLatest')}
      </Button>
      {message ? (
        <Text mt="xs" size="sm" role="status">
          {message}
        </Text>
      ) : null}
    </>
  )
}
