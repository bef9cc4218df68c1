// Global search (Ctrl/Cmd+K): results while typing, over every name form, email, phone, domain
// and city; arrow keys move, Enter opens.
import { useEffect, useRef, useState } from 'react'
import {
  Modal,
  TextInput,
  Stack,
  Text,
  UnstyledButton,
  Group,
  Loader,
  Kbd,
  VisuallyHidden,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import type { SearchHit } from '../../../../shared/contract'
import { navigate } from '../../app/route'
import { useFormatters } from '../../i18n/format'
import { nameProps } from '../../components/scriptLang'
import classes from './GlobalSearch.module.css'

export function GlobalSearch({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query, 60)
  const [hits, setHits] = useState<SearchHit[]>([])
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const [active, setActive] = useState(0)
  // Opening a result navigates: focus then belongs to the new page's heading, not to what had it
  // before the search opened.
  const [navigated, setNavigated] = useState(false)
  const seq = useRef(0)
  useEffect(() => {
    if (opened) setNavigated(false)
  }, [opened])

  useEffect(() => {
    const q = debounced.trim()
    if (!q) {
      setHits([])
      return
    }
    const mine = ++seq.current
    setBusy(true)
    void call('customers:search', { query: q, limit: 20 }).then((res) => {
      if (mine !== seq.current) return
      setBusy(false)
      setFailed(!res.ok)
      setHits(res.ok ? res.data.hits : [])
      setActive(0)
    })
  }, [debounced])

  const open = (hit: SearchHit) => {
    setNavigated(true)
    close()
    navigate({ name: 'customer', id: hit.id })
  }
  const close = () => {
    setQuery('')
    setHits([])
    onClose()
  }
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setActive((a) => Math.min(hits.length - 1, a + 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((a) => Math.max(0, a - 1))
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault()
      open(hits[active])
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('search.title')}
      size="lg"
      yOffset="10vh"
      returnFocus={!navigated}
    >
      <TextInput
        data-autofocus
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={busy ? <Loader size="xs" /> : null}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKey}
        data-testid="search-input"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={hits[active] ? `search-hit-${active}` : undefined}
      />
      {/* Says how many customers the query found, once the answer is in (screen readers read it
          without leaving the input). */}
      <VisuallyHidden role="status" data-testid="search-status">
        {debounced.trim() && !busy
          ? hits.length > 0
            ? t('layout.searchHits', { count: hits.length })
            : t('layout.searchNoHits')
          : ''}
      </VisuallyHidden>
      {/* The listbox holds options only; hints and "no match" sit beside it. */}
      <Stack gap={2} mt="sm" id="search-results" role="listbox" aria-label={t('search.results')}>
        {hits.map((hit, i) => (
          <UnstyledButton
            key={hit.id}
            id={`search-hit-${i}`}
            role="option"
            // Focus stays in the input (aria-activedescendant): the options are not tab stops.
            tabIndex={-1}
            aria-selected={i === active}
            className={classes.hit}
            data-active={i === active || undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => open(hit)}
            data-testid="search-hit"
          >
            <Group justify="space-between" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {hit.displayName}
                  {hit.originalName && hit.originalName !== hit.displayName ? (
                    <>
                      {' · '}
                      {/* The original script's language and direction: Arabic reads right to left. */}
                      <Text span c="dimmed" fw={400} {...nameProps(hit.originalName)}>
                        {hit.originalName}
                      </Text>
                    </>
                  ) : null}
                </Text>
                {hit.matched && (
                  <Text size="xs" c="dimmed" truncate>
                    {t('search.matched', { value: hit.matched })}
                  </Text>
                )}
              </div>
              {/* Tier and owner tell two same-named companies apart, and whom to ask. */}
              <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {[fmt.country(hit.country), hit.city].filter(Boolean).join(' · ')}
                </Text>
                <Text size="xs" style={{ whiteSpace: 'nowrap' }} data-testid="search-hit-tier">
                  {[t(`enum.tier.${hit.tier}`), hit.owner].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
      {query.trim() && !busy && hits.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md" data-testid="search-empty">
          {failed ? t('errors.internal') : t('search.noResults', { query: query.trim() })}
        </Text>
      )}
      {!query.trim() && (
        <Text size="xs" c="dimmed" ta="center" py="md">
          {t('search.hint')} <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd>{' '}
          <Kbd size="xs">{t('search.enterKey')}</Kbd>
        </Text>
      )}
    </Modal>
  )
}
