import { Suspense, lazy, memo, useCallback, useEffect, useState } from 'react'
import {
  Alert,
  AppShell,
  Burger,
  Center,
  Group,
  Loader,
  Title,
  Button,
  Kbd,
  NavLink,
  Text,
  VisuallyHidden,
} from '@mantine/core'
import { useDisclosure, useHotkeys } from '@mantine/hooks'
import {
  IconCalendar,
  IconChecklist,
  IconClipboardCheck,
  IconFileImport,
  IconId,
  IconDatabase,
  IconFolderShare,
  IconLayoutDashboard,
  IconMailHeart,
  IconSearch,
  IconSettings,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { DueNotices } from '../features/notify/DueNotices'
import { Landing, isLanding } from '../features/notify/Landing'
import { useRoute, hrefFor, parseRoute } from './route'
import { prefetchCustomer } from '../features/customers/prefetch'
import { LanguageSwitcher } from '../components/LanguageSwitcher'
import { GlobalSearch } from '../features/search/GlobalSearch'
import { SyncStatus } from '../features/team/SyncStatus'
import { CustomersScreen } from '../features/customers/CustomersScreen'
import { useQuery } from './data'
import { DamagedRestore } from '../features/backups/DamagedRestore'
import { pageHeading, useDialogFocusReturn, usePageHeadingFocus } from './focus'
import type { Route } from './route'

const MAIN_ID = 'main-content'

// The customer list is the first screen and ships in the main script; every other screen (and
// what only it needs, such as the chart library) loads when first opened.
const CustomerPage = lazy(() =>
  import('../features/customers/CustomerPage').then((m) => ({ default: m.CustomerPage })),
)
const DashboardScreen = lazy(() =>
  import('../features/dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })),
)
const GroupsScreen = lazy(() =>
  import('../features/groups/GroupsScreen').then((m) => ({ default: m.GroupsScreen })),
)
const PolicyScreen = lazy(() =>
  import('../features/policy/PolicyScreen').then((m) => ({ default: m.PolicyScreen })),
)
const ReviewScreen = lazy(() =>
  import('../features/policy/ReviewScreen').then((m) => ({ default: m.ReviewScreen })),
)

const ImportScreen = lazy(() =>
  import('../features/import/ImportScreen').then((m) => ({ default: m.ImportScreen })),
)

const TodayScreen = lazy(() =>
  import('../features/today/TodayScreen').then((m) => ({ default: m.TodayScreen })),
)

const CalendarScreen = lazy(() =>
  import('../features/calendar/CalendarScreen').then((m) => ({ default: m.CalendarScreen })),
)

const FairScreen = lazy(() => import('../features/fair/FairScreen').then((m) => ({ default: m.FairScreen })))

const BackupsScreen = lazy(() =>
  import('../features/backups/BackupsScreen').then((m) => ({ default: m.BackupsScreen })),
)
const TeamScreen = lazy(() => import('../features/team/TeamScreen').then((m) => ({ default: m.TeamScreen })))

const GreetingTemplatesScreen = lazy(() =>
  import('../features/greetings/GreetingTemplatesScreen').then((m) => ({
    default: m.GreetingTemplatesScreen,
  })),
)

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
    route: { name: 'today' },
    label: 'nav.today',
    icon: IconChecklist,
    active: (r) => r.name === 'today',
  },
  {
    route: { name: 'calendar' },
    label: 'nav.calendar',
    icon: IconCalendar,
    active: (r) => r.name === 'calendar',
  },
  {
    route: { name: 'greetings' },
    label: 'nav.greetings',
    icon: IconMailHeart,
    active: (r) => r.name === 'greetings',
  },
  {
    route: { name: 'fair', id: null, view: 'capture' },
    label: 'nav.fair',
    icon: IconId,
    active: (r) => r.name === 'fair',
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
    route: { name: 'import' },
    label: 'nav.import',
    icon: IconFileImport,
    active: (r) => r.name === 'import',
  },
  {
    route: { name: 'backups' },
    label: 'nav.backups',
    icon: IconDatabase,
    active: (r) => r.name === 'backups',
  },
  {
    route: { name: 'team' },
    label: 'nav.team',
    icon: IconFolderShare,
    active: (r) => r.name === 'team',
  },
  {
    route: { name: 'settings' },
    label: 'nav.settings',
    icon: IconSettings,
    active: (r) => r.name === 'settings',
  },
]

// Memoised on the route: the shell re-renders when the search opens or the navbar toggles, and a
// whole customer page re-rendered for that took as long as opening it.
const Screen = memo(function Screen({ route }: { route: Route }) {
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
    case 'import':
      return <ImportScreen />
    case 'backups':
      return <BackupsScreen />
    case 'team':
      return <TeamScreen />
    case 'calendar':
      return <CalendarScreen />
    case 'today':
      return <TodayScreen />
    case 'greetings':
      return <GreetingTemplatesScreen />
    case 'fair':
      return <FairScreen key={route.id ?? ''} fairId={route.id} view={route.view} />
    default:
      return isLanding(window.location.hash) ? (
        <Landing fallback={<CustomersScreen />} />
      ) : (
        <CustomersScreen />
      )
  }
})

export function App() {
  const { t } = useTranslation()
  const route = useRoute()
  const [searchOpen, setSearchOpen] = useState(false)
  useHotkeys([['mod+K', () => setSearchOpen(true)]], [])
  const isMac = navigator.platform.toLowerCase().includes('mac')
  const info = useQuery('app:info', {})
  // Below the `sm` breakpoint the navbar covers the page: it opens from the burger and closes
  // when a screen is chosen.
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false)
  const routeKey = hrefFor(route)
  useEffect(() => closeNav(), [routeKey, closeNav])
  // Once the first screen is up and the window idle, fetch the code of the screens a user opens
  // next, so the first customer opened (or the first new-customer form) does not wait on it.
  useEffect(() => {
    const id = requestIdleCallback(() => {
      void import('../features/customers/CustomerPage')
      void import('../features/customers/CreateCustomerModal')
    })
    return () => cancelIdleCallback(id)
  }, [])

  // The window is named after the screen ("Clients — TradeTier"; the same punctuation in every
  // language, so not a translated string): a record's own name on a customer or group page,
  // else the menu entry.
  const navLabel = NAV.find((n) => n.active(route))?.label
  const ownName = route.name === 'customer' || (route.name === 'groups' && route.key !== null)
  const pageTitle = useCallback(
    (heading: string | null) => {
      const page = ownName ? heading : navLabel ? t(navLabel) : null
      return page ? `${page} — ${t('app.name')}` : t('app.name')
    },
    [t, ownName, navLabel],
  )
  usePageHeadingFocus(MAIN_ID, routeKey, pageTitle)
  useDialogFocusReturn()
  useEffect(() => {
    // A customer's page starts reading when its link is pressed (or Enter is pressed on it), not
    // at the click's hashchange and the render after it: main answers while the list goes away.
    const early = (e: PointerEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent && e.key !== 'Enter') return
      const link = e.target instanceof Element ? e.target.closest('a[href^="#/customers/"]') : null
      const route = link ? parseRoute(link.getAttribute('href') ?? '') : null
      if (route?.name === 'customer') void prefetchCustomer(route.id)
    }
    document.addEventListener('pointerdown', early, true)
    document.addEventListener('keydown', early, true)
    return () => {
      document.removeEventListener('pointerdown', early, true)
      document.removeEventListener('keydown', early, true)
    }
  }, [])

  const skipToMain = (e: React.MouseEvent) => {
    e.preventDefault()
    const main = document.getElementById(MAIN_ID)
    const target = (main && pageHeading(main)) ?? main
    if (!target) return
    target.tabIndex = -1
    target.dataset.pageHeading = ''
    target.focus()
  }

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      {/* Hash routes own the URL fragment, so the link focuses the content itself. */}
      <a href={`#${MAIN_ID}`} className="skip-link" onClick={skipToMain} data-testid="skip-link">
        {t('layout.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('layout.closeNav') : t('layout.openNav')}
              aria-expanded={navOpened}
              aria-controls="app-navbar"
              data-testid="nav-burger"
            />
            <Title order={1} size="h3" c="teal.8">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SyncStatus />
            <Button
              variant="default"
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                <Group gap={2} wrap="nowrap" aria-hidden visibleFrom="sm">
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
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} id="app-navbar">
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
      <AppShell.Main id={MAIN_ID}>
        {info.data?.damaged ? (
          <Alert color="red" mb="md" title={t('errors.db_damaged')} role="alert">
            {t('errors.dbDamagedDetail', { dataDir: info.data.dataDir })}
            <DamagedRestore />
          </Alert>
        ) : null}
        <Suspense
          fallback={
            <Center h={200}>
              <Loader aria-label={t('common.loading')} />
            </Center>
          }
        >
          <Screen route={route} />
        </Suspense>
      </AppShell.Main>
      <GlobalSearch opened={searchOpen} onClose={() => setSearchOpen(false)} />
      <DueNotices />
    </AppShell>
  )
}
