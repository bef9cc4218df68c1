// "Add to group" for one customer (on the customer page): the team's static groups in a menu, so a
// salesperson fills a trade-fair or campaign list from where they are, without going to Groups.
import { Button, Menu } from '@mantine/core'
import { IconChevronDown, IconUsersPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useQuery } from '../../app/data'
import { notify } from '../../app/notify'
import { hrefFor } from '../../app/route'

export function AddToGroupButton({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const groups = useQuery('groups:list', {})
  const fixed = (groups.data?.groups ?? []).filter((g) => g.kind === 'static')

  const add = async (groupId: string, name: string) => {
    const res = await call('groups:addMembers', { groupId, customerIds: [customerId] })
    if (!res.ok) return notify(t(`errors.${res.error.code}`), 'red')
    notify(t(res.data.added > 0 ? 'groups.addTo.added' : 'groups.addTo.already', { name }))
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {/* The default size, as the page's other header button (delete). */}
        <Button
          variant="default"
          leftSection={<IconUsersPlus size={16} aria-hidden />}
          rightSection={<IconChevronDown size={12} aria-hidden />}
          data-testid="add-to-group"
        >
          {t('groups.addTo.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown data-testid="add-to-group-menu">
        <Menu.Label>{t('groups.addTo.menuLabel')}</Menu.Label>
        {fixed.length === 0 && <Menu.Item disabled>{t('groups.addTo.none')}</Menu.Item>}
        {fixed.map((g) => (
          <Menu.Item key={g.id} onClick={() => void add(g.id, g.name)}>
            {g.name}
          </Menu.Item>
        ))}
        {fixed.length === 0 && (
          <Menu.Item component="a" href={hrefFor({ name: 'groups', key: null })}>
            {t('groups.addTo.create')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  )
}
