// Trade-fair mode (F1): choose or create the fair, then capture leads at the booth or triage them
// after it. Everything works offline: the capture writes to the local database like any other save.
import { useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { IconPencil, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../app/data'
import { hrefFor, navigate } from '../../app/route'
import { useFormatters } from '../../i18n/format'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { Fair } from '../../../../shared/fair'
import { FairDialog } from './FairDialog'
import { CaptureForm } from './CaptureForm'
import { TriageList } from './TriageList'

// Between place and dates: the same mark in every language.
const SEPARATOR = ' · '

export function FairScreen({ fairId, view }: { fairId: string | null; view: 'capture' | 'triage' }) {
  return fairId ? <FairPage fairId={fairId} view={view} /> : <FairList />
}

function useFairText() {
  const { t } = useTranslation()
  const fmt = useFormatters()
  return {
    dates: (f: Fair) =>
      f.startDate === f.endDate
        ? fmt.date(f.startDate)
        : t('fair.dates', { start: fmt.date(f.startDate), end: fmt.date(f.endDate) }),
    place: (f: Fair) => [f.city, fmt.country(f.country)].filter(Boolean).join(SEPARATOR),
  }
}

function FairList() {
  const { t } = useTranslation()
  const text = useFairText()
  const fairs = useQuery('fairs:list', {})
  const [editing, setEditing] = useState<Fair | 'new' | null>(null)
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('fair.title')}</Title>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setEditing('new')}
          data-testid="fair-new"
        >
          {t('fair.new')}
        </Button>
      </Group>
      <Text c="dimmed" size="sm">
        {t('fair.intro')}
      </Text>
      {fairs.status === 'error' && <ErrorAlert error={fairs.error} />}
      {fairs.data && fairs.data.fairs.length === 0 && (
        <Alert color="teal" data-testid="fair-none">
          {t('fair.none')}
        </Alert>
      )}
      {fairs.data && fairs.data.fairs.length > 0 && (
        <Card withBorder p={0}>
          <Table verticalSpacing="sm" highlightOnHover data-testid="fair-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fair.name')}</Table.Th>
                <Table.Th>{t('fair.place')}</Table.Th>
                <Table.Th>{t('fair.when')}</Table.Th>
                <Table.Th ta="end">{t('fair.leads')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('fair.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fairs.data.fairs.map((f) => (
                <Table.Tr key={f.id} data-testid="fair-row">
                  <Table.Td>
                    <Anchor href={hrefFor({ name: 'fair', id: f.id, view: 'capture' })} fw={600}>
                      {f.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{text.place(f)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{text.dates(f)}</Table.Td>
                  <Table.Td ta="end">{f.leadCount}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        component="a"
                        href={hrefFor({ name: 'fair', id: f.id, view: 'capture' })}
                      >
                        {t('fair.capture')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        component="a"
                        href={hrefFor({ name: 'fair', id: f.id, view: 'triage' })}
                      >
                        {t('fair.triage')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setEditing(f)}
                        aria-label={t('fair.editNamed', { name: f.name })}
                      >
                        <IconPencil size={14} aria-hidden />
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {editing && (
        <FairDialog
          fair={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null)
            if (saved && editing === 'new') navigate({ name: 'fair', id: saved.id, view: 'capture' })
          }}
        />
      )}
    </Stack>
  )
}

function FairPage({ fairId, view }: { fairId: string; view: 'capture' | 'triage' }) {
  const { t } = useTranslation()
  const text = useFairText()
  const leads = useQuery('fair:leads', { fairId })
  const [editing, setEditing] = useState(false)
  if (leads.status === 'error') return <ErrorAlert error={leads.error} />
  if (!leads.data) return <Loader aria-label={t('common.loading')} />
  const { fair } = leads.data
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Anchor href={hrefFor({ name: 'fair', id: null, view: 'capture' })} size="sm">
            {t('fair.allFairs')}
          </Anchor>
          <Group gap="xs" align="baseline">
            <Title order={2} data-testid="fair-title">
              {fair.name}
            </Title>
            <Badge variant="light" data-testid="fair-lead-count">
              {t('fair.leadCount', { count: fair.leadCount })}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {[text.place(fair), text.dates(fair)].filter(Boolean).join(SEPARATOR)}
          </Text>
        </div>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={() => setEditing(true)}
        >
          {t('fair.edit')}
        </Button>
      </Group>
      <Tabs
        value={view}
        onChange={(v) => v && navigate({ name: 'fair', id: fairId, view: v as 'capture' | 'triage' })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="capture" data-testid="tab-capture">
            {t('fair.capture')}
          </Tabs.Tab>
          <Tabs.Tab value="triage" data-testid="tab-triage">
            {t('fair.triage')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="capture" pt="sm">
          <CaptureForm fair={fair} />
        </Tabs.Panel>
        <Tabs.Panel value="triage" pt="md">
          <TriageList fair={fair} leads={leads.data.leads} />
        </Tabs.Panel>
      </Tabs>
      {editing && <FairDialog fair={fair} onClose={() => setEditing(false)} />}
    </Stack>
  )
}
