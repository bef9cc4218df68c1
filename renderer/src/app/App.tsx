import { useEffect, useState } from 'react'
import { AppShell, Group, Title, Button, Kbd, NavLink, Text, VisuallyHidden } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import {
  IconClipboardCheck,
  IconLayoutDashboard,
  IconSearch,
  IconSettings,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useRoute, hrefFor } from './route'
import { LanguageSwitcher } from '../components/LanguageSwitcher'
import { GlobalSearch } from '../features/search/GlobalSearch'
import { CustomersScreen } from '../features/customers/CustomersScreen'
import { CustomerPage } from '../features/customers/CustomerPage'
import { DashboardScreen } from '../features/dashboard/DashboardScreen'
import { GroupsScreen } from '../features/groups/GroupsScreen'
import { PolicyScreen } from '../features/policy/PolicyScreen'
import { ReviewScreen } from '../features/policy/ReviewScreen'
import type { Route } from './route'

const NAV: { route: Route; label: string; icon: typeof IconUsers; active: (r: Route) => boolean }[] = [
  {
    route: { name: 'dashboard' },
    label: 'nav.dashboard',
    icon: IconLayoutDashboard,
    active: (r) => r.name === 'dashboard',
  },
  {
    route: { name: 'customers' },
    label: 'nav.customers',
    icon: IconUsers,
    active: (r) => r.name === 'customers' || r.name === 'customer',
  },
  {
    route: { name: 'groups', key: null },
    label: 'nav.groups',
    icon: IconUsersGroup,
    active: (r) => r.name === 'groups',
  },
  {
    route: { name: 'review' },
    label: 'nav.review',
    icon: IconClipboardCheck,
    active: (r) => r.name === 'review',
  },
  {
    route: { name: 'settings' },
    label: 'nav.settings',
    icon: IconSettings,
    active: (r) => r.name === 'settings',
  },
]

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'customer':
      return <CustomerPage key={route.id} id={route.id} />
    case 'dashboard':
      return <DashboardScreen />
    case 'groups':
      return <GroupsScreen selectionKey={route.key} />
    case 'settings':
      return <PolicyScreen />
    case 'review':
      return <ReviewScreen />
    default:
      return <CustomersScreen />
  }
}

export function App() {
  const { t } = useTranslation()
  const route = useRoute()
  const [searchOpen, setSearchOpen] = useState(false)
  useHotkeys([['mod+K', () => setSearchOpen(true)]], [])
  const isMac = navigator.platform.toLowerCase().includes('mac')

  useEffect(() => {
    document.title = t('app.name')
  }, [t])

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={1} size="h3" c="teal.8">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                <Group gap={2} wrap="nowrap" aria-hidden>
                  <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd>
                  <Kbd size="xs">K</Kbd>
                </Group>
              }
              onClick={() => setSearchOpen(true)}
              data-testid="open-search"
            >
              {t('search.open')}
              <VisuallyHidden>{t('search.shortcut')}</VisuallyHidden>
            </Button>
            <LanguageSwitcher />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {NAV.map(({ route: target, label, icon: Icon, active }) => (
          <NavLink
            key={label}
            href={hrefFor(target)}
            label={t(label)}
            leftSection={<Icon size={18} aria-hidden />}
            active={active(route)}
            aria-current={active(route) ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Screen route={route} />
      </AppShell.Main>
      <GlobalSearch opened={searchOpen} onClose={() => setSearchOpen(false)} />
    </AppShell>
  )
}
