// After the fair (F1): each lead rated hot, warm or cold and given an owner, one by one from its
// row or for the ticked rows at once.
import { useMemo, useState } from 'react'
import {
  Alert,
  Anchor,
  Autocomplete,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Table,
  Text,
} from '@mantine/core'
import { HoverTip } from '../../components/HoverTip'
import { IconPhoto } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { hrefFor } from '../../app/route'
import { notify } from '../../app/notify'
import { useFormatters } from '../../i18n/format'
import { productCategoryLabel } from '../../i18n/vocabulary'
import { TEMPERATURES } from '../../../../shared/fair'
import type { Fair, Lead, Temperature } from '../../../../shared/fair'
import { errorText } from './issues'

const COLOR: Record<Temperature, string> = { hot: 'red', warm: 'orange', cold: 'blue' }

export function TriageList({ fair, leads }: { fair: Fair; leads: Lead[] }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const facets = useQuery('customers:facets', {})
  const owners = facets.data?.owners ?? []
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const [bulkOwner, setBulkOwner] = useState('')
  const ids = useMemo(() => new Set(leads.map((l) => l.id)), [leads])
  const selected = [...picked].filter((id) => ids.has(id))

  const triage = async (input: {
    ids: string[]
    temperature?: Temperature | null
    owner?: string | null
  }) => {
    const res = await call('fair:triage', input)
    if (!res.ok) notify(errorText(t, res.error), 'red')
    return res.ok
  }
  const temperatureData = TEMPERATURES.map((v) => ({ value: v, label: t(`fair.temperature.${v}`) }))
  const counts = Object.fromEntries(
    TEMPERATURES.map((v) => [v, leads.filter((l) => l.temperature === v).length]),
  )

  if (leads.length === 0)
    return (
      <Alert color="gray" data-testid="triage-empty">
        {t('fair.noLeads', { name: fair.name })}
      </Alert>
    )

  const allPicked = selected.length === leads.length
  return (
    <Card withBorder p={0} data-testid="triage">
      <Group justify="space-between" p="sm" gap="sm" wrap="wrap">
        <Group gap="xs">
          {TEMPERATURES.map((v) => (
            <Badge key={v} color={COLOR[v]} variant="light">
              {t(`fair.temperature.${v}`)} {counts[v]}
            </Badge>
          ))}
          <Badge color="gray" variant="light">
            {t('fair.untriaged', { count: leads.filter((l) => !l.temperature).length })}
          </Badge>
        </Group>
        {selected.length > 0 && (
          <Group
            gap="xs"
            wrap="wrap"
            data-testid="triage-bulk"
            role="group"
            aria-label={t('fair.bulkLabel', { count: selected.length })}
          >
            <Text size="sm" fw={600}>
              {t('fair.picked', { count: selected.length })}
            </Text>
            {TEMPERATURES.map((v) => (
              <Button
                key={v}
                size="xs"
                variant="light"
                color={COLOR[v]}
                onClick={() => void triage({ ids: selected, temperature: v })}
                data-testid={`triage-bulk-${v}`}
              >
                {t(`fair.temperature.${v}`)}
              </Button>
            ))}
            <Autocomplete
              size="xs"
              w={160}
              aria-label={t('fields.owner')}
              placeholder={t('fields.owner')}
              data={owners}
              value={bulkOwner}
              onChange={setBulkOwner}
              data-testid="triage-bulk-owner"
            />
            <Button
              size="xs"
              disabled={!bulkOwner.trim()}
              onClick={() =>
                void triage({ ids: selected, owner: bulkOwner.trim() }).then((ok) => {
                  if (ok) setBulkOwner('')
                })
              }
              data-testid="triage-bulk-owner-apply"
            >
              {t('fair.assign')}
            </Button>
          </Group>
        )}
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="xs" data-testid="triage-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('fair.pickAll')}
                  checked={allPicked}
                  indeterminate={selected.length > 0 && !allPicked}
                  onChange={() => setPicked(allPicked ? new Set() : new Set(ids))}
                  data-testid="triage-pick-all"
                />
              </Table.Th>
              <Table.Th>{t('fair.company')}</Table.Th>
              <Table.Th>{t('fields.country')}</Table.Th>
              <Table.Th>{t('fair.interests')}</Table.Th>
              <Table.Th>{t('fair.temperatureLabel')}</Table.Th>
              <Table.Th>{t('fields.owner')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {leads.map((l) => (
              <Table.Tr key={l.id} data-testid="triage-row" bg={picked.has(l.id) ? 'teal.0' : undefined}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('fair.pick', { name: l.customerName })}
                    checked={picked.has(l.id)}
                    onChange={() =>
                      setPicked((p) => {
                        const next = new Set(p)
                        if (!next.delete(l.id)) next.add(l.id)
                        return next
                      })
                    }
                    data-testid="triage-pick"
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor href={hrefFor({ name: 'customer', id: l.customerId })} fw={600} dir="auto">
                      {l.customerName}
                    </Anchor>
                    {l.photoId && (
                      <HoverTip label={t('fair.hasPhoto')}>
                        <IconPhoto size={16} aria-label={t('fair.hasPhoto')} role="img" />
                      </HoverTip>
                    )}
                  </Group>
                  {l.contactName && (
                    <Text size="xs" c="dimmed" dir="auto">
                      {l.contactName}
                    </Text>
                  )}
                  {l.note && (
                    <Text size="xs" lineClamp={2} dir="auto">
                      {l.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{fmt.country(l.country)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {l.interests.map((i) => (
                      <Badge key={i} variant="outline" color="gray" size="sm" tt="none">
                        {productCategoryLabel(t, i)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    data={temperatureData}
                    value={l.temperature ?? ''}
                    color={l.temperature ? COLOR[l.temperature] : undefined}
                    onChange={(v) => void triage({ ids: [l.id], temperature: v as Temperature })}
                    aria-label={t('fair.temperatureOf', { name: l.customerName })}
                    data-testid="triage-temperature"
                  />
                </Table.Td>
                <Table.Td>
                  <OwnerField lead={l} owners={owners} onSave={(owner) => triage({ ids: [l.id], owner })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  )
}

/** A row's owner: picked from the team's owners or typed, saved on Enter or when leaving the field. */
function OwnerField({
  lead,
  owners,
  onSave,
}: {
  lead: Lead
  owners: string[]
  onSave: (owner: string | null) => Promise<boolean>
}) {
  const { t } = useTranslation()
  const [value, setValue] = useState(lead.owner ?? '')
  const [shown, setShown] = useState(lead.owner)
  // A change from elsewhere (a bulk assignment) replaces what the field shows.
  if (shown !== lead.owner) {
    setShown(lead.owner)
    setValue(lead.owner ?? '')
  }
  const commit = (v: string) => {
    if (v.trim() === (lead.owner ?? '')) return
    void onSave(v.trim() || null)
  }
  return (
    <Autocomplete
      size="xs"
      w={150}
      aria-label={t('fair.ownerOf', { name: lead.customerName })}
      placeholder={t('fair.noOwner')}
      data={owners}
      value={value}
      onChange={setValue}
      onOptionSubmit={commit}
      onBlur={() => commit(value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(value)
      }}
      data-testid="triage-owner"
    />
  )
}
