// The header's word on team sync (issue 13 §2): shown only in a team — when the last pass ran,
// that it is paused and why, or how many conflicts wait — and a way to the team screen. Reads only
// this device's own state (no folder access), so it costs nothing when the folder is slow.
import { Button } from '@mantine/core'
import { IconAlertTriangle, IconFolderShare } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../app/data'
import { hrefFor } from '../../app/route'
import { useFormatters } from '../../i18n/format'

export function SyncStatus() {
  const { t } = useTranslation()
  const f = useFormatters()
  const state = useQuery('sync:state', {})
  const s = state.data
  if (!s?.inTeam) return null
  const problem = s.last?.problem ?? null
  const label = problem
    ? t('team.header.paused')
    : s.conflicts > 0
      ? t('team.header.conflicts', { count: s.conflicts })
      : s.parked > 0
        ? t('team.header.newer')
        : s.last
          ? t('team.header.synced', { at: when(s.last.at, f.locale, f.shortDate) })
          : t('team.header.notYet')
  const detail = problem
    ? t('team.paused', { reason: t(`team.problem.${problem}`) })
    : s.conflicts === 0 && s.parked > 0
      ? t('team.parked', { count: s.parked })
      : label
  const warn = problem || s.conflicts > 0 || s.parked > 0
  return (
    <Button
      component="a"
      href={hrefFor({ name: 'team' })}
      variant="subtle"
      color={problem ? 'red' : warn ? 'orange' : 'gray'}
      size="compact-sm"
      leftSection={
        warn ? <IconAlertTriangle size={16} aria-hidden /> : <IconFolderShare size={16} aria-hidden />
      }
      title={detail}
      aria-label={detail}
      visibleFrom="sm"
      data-testid="sync-status"
    >
      {label}
    </Button>
  )
}

/** The time of a pass made today, else its date: the header has room for a few characters. */
function when(iso: string, locale: string, shortDate: (iso: string) => string): string {
  const at = new Date(iso)
  const today = new Date()
  return at.toDateString() === today.toDateString()
    ? at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
    : shortDate(iso)
}
