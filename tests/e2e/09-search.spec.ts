// Search as a salesperson types it (issue 10 §6), through the window: Ctrl+K finds a customer by
// its initials without the place unit, its city in Chinese and a contact's WeChat handle, and
// shows each hit's tier and owner; the customer list's own search box keeps the same customers.
import { expect, ipc, openSearch, switchLanguage, test, tr } from './helpers'

test('Ctrl+K and the list search box find initials, a city in Chinese and a messaging handle', async ({
  page,
}) => {
  await page.goto('/')
  const create = async (customer: Record<string, unknown>, contacts: Record<string, unknown>[] = []) => {
    const res = await ipc<{ id: string }>(page, 'customers:create', {
      customer,
      contacts,
      allowDuplicates: true,
    })
    expect(res.ok).toBe(true)
    return res.data!.id
  }
  const licheng = await create(
    { displayName: '深圳市立诚建材有限公司', country: 'CN', city: 'Shanghai', owner: 'Li Na' },
    [{ name: '赵军', messaging: [{ kind: 'wechat', handle: 'junzhao7891' }] }],
  )
  // A month ago: inside the 12-month window whatever day the test runs.
  const date = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)
  const order = await ipc(page, 'orders:create', {
    customerId: licheng,
    order: { date, amount: 1_500_000, currency: 'USD', status: 'paid' },
  })
  expect(order.ok).toBe(true)
  await create({ displayName: 'Thames Trading Ltd', country: 'GB', city: 'London', owner: 'Tom' })
  await page.goto('/#/customers')
  await switchLanguage(page, '中文')

  for (const query of ['szlc', '上海', 'junzhao7891', 'licheng jiancai']) {
    await openSearch(page)
    await page.getByTestId('search-input').fill(query)
    const hits = page.getByTestId('search-hit')
    await expect(hits).toHaveCount(1)
    await expect(hits.first()).toContainText('深圳市立诚建材有限公司')
    // The tier the order gave it, and its owner.
    await expect(hits.first().getByTestId('search-hit-tier')).toHaveText(
      `${tr('zh', 'enum.tier.mid')} · Li Na`,
    )
    await page.keyboard.press('Escape')
  }

  // The list's box: the same matching, the total follows.
  const box = page.getByTestId('list-search')
  await box.fill('伦敦')
  await expect(page.getByTestId('customer-row')).toHaveCount(1)
  await expect(page.getByTestId('customer-row').first()).toContainText('Thames Trading Ltd')
  await box.fill('szlc')
  await expect(page.getByTestId('customer-row')).toHaveCount(1)
  await expect(page.getByTestId('customer-row').first()).toContainText('深圳市立诚建材有限公司')
  await page.getByTestId('list-search-clear').click()
  await expect(page.getByTestId('customer-row')).toHaveCount(2)
})
