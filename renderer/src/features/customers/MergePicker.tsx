// "Merge with…" on the customer page: find the other customer with the app's search (names in any
// script, emails, phones, websites), then the merge dialog compares the two.
import { useEffect, useState } from 'react'
import { Button, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { IconArrowMerge, IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useFormatters } from '../../i18n/format'
import { nameProps } from '../../components/scriptLang'
import type { SearchHit } from '../../../../shared/contract'
import { MergeDialog } from './MergeDialog'
import classes from './MergePicker.module.css'

export function MergeButton({ customerId, name }: { customerId: string; name: string }) {
  const { t } = useTranslation()
  const [picking, setPicking] = useState(false)
  const [otherId, setOtherId] = useState<string | null>(null)
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconArrowMerge size={16} aria-hidden />}
        onClick={() => setPicking(true)}
        data-testid="merge-customer"
      >
        {t('merge.action')}
      </Button>
      {picking && (
        <MergePicker
          excludeId={customerId}
          name={name}
          onClose={() => setPicking(false)}
          onPick={(id) => {
            setPicking(false)
            setOtherId(id)
          }}
        />
      )}
      {otherId && <MergeDialog aId={customerId} bId={otherId} onClose={() => setOtherId(null)} />}
    </>
  )
}

function MergePicker({
  excludeId,
  name,
  onClose,
  onPick,
}: {
  excludeId: string
  name: string
  onClose: () => void
  onPick: (id: string) => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[] | null>(null)

  useEffect(() => {
    const q = query.trim()
    if (!q) {
      setHits(null)
      return
    }
    let live = true
    // Search as you type, a little after the last key, as the list's search box does.
    const timer = setTimeout(() => {
      void call('customers:search', { query: q, limit: 12 }).then((res) => {
        if (live && res.ok) setHits(res.data.hits.filter((h) => h.id !== excludeId))
      })
    }, 150)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query, excludeId])

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('merge.pickTitle', { name })}
      size="lg"
      data-testid="merge-picker"
    >
      <Stack gap="xs">
        <TextInput
          label={t('merge.pickLabel')}
          placeholder={t('merge.pickHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && hits?.[0]) {
              e.preventDefault()
              onPick(hits[0].id)
            }
          }}
          data-autofocus
          data-testid="merge-search"
        />
        {hits && hits.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('merge.pickNone')}
          </Text>
        )}
        {hits?.map((h) => (
          <UnstyledButton
            key={h.id}
            onClick={() => onPick(h.id)}
            className={classes.pickRow}
            p={6}
            data-testid="merge-hit"
          >
            <Text size="sm" fw={500} {...nameProps(h.displayName)}>
              {h.displayName}
            </Text>
            <Text size="xs" c="dimmed">
              {[h.country ? fmt.country(h.country) : null, h.city, t(`enum.tier.${h.tier}`), h.matched]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </Modal>
  )
}
