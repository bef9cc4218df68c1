import { useEffect, useState } from 'react'
import { AppShell, Group, Title, Button, Kbd, NavLink, Text, VisuallyHidden } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconSearch, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useRoute, hrefFor } from './route'
import { LanguageSwitcher } from '../components/LanguageSwitcher'
import { GlobalSearch } from '../features/search/GlobalSearch'
import { CustomersScreen } from '../features/customers/CustomersScreen'
import { CustomerPage } from '../features/customers/CustomerPage'

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
        <NavLink
          href={hrefFor({ name: 'customers' })}
          label={t('nav.customers')}
          leftSection={<IconUsers size={18} aria-hidden />}
          active
        />
      </AppShell.Navbar>
      <AppShell.Main>
        {route.name === 'customer' ? <CustomerPage key={route.id} id={route.id} /> : <CustomersScreen />}
      </AppShell.Main>
      <GlobalSearch opened={searchOpen} onClose={() => setSearchOpen(false)} />
    </AppShell>
  )
}
