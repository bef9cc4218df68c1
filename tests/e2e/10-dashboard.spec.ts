// The dashboard's charts (issue 10 §7, §8): each a named image with its figures in a table for
// screen readers, none a tab stop; money axes step evenly from 0; the first tiering of customers
// entered today is not shown as promotions; each churn-risk number opens the group of that size.
import { expect, ipc, test, tr } from './helpers'

test('charts are named, described by tables, not tab stops, with even money ticks; initial tiering is apart', async ({
  page,
}) => {
  await page.goto('/')
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)
  for (const [name, country, amounts] of [
    ['Rivage SAS', 'FR', [1_200_000, 900_000]],
    ['Haiyun Trading', 'CN', [6_000_000]],
    ['Thames Ltd', 'GB', [150_000]],
  ] as const) {
    const res = await ipc<{ id: string }>(page, 'customers:create', {
      customer: { displayName: name, country },
    })
    expect(res.ok).toBe(true)
    for (const [i, amount] of amounts.entries()) {
      const order = await ipc(page, 'orders:create', {
        customerId: res.data!.id,
        order: { date: day(40 + 30 * i), amount, currency: 'USD', status: 'paid' },
      })
      expect(order.ok).toBe(true)
    }
  }
  expect((await ipc(page, 'settings:set', { language: 'en' })).ok).toBe(true)
  await page.goto('/#/dashboard')
  await page.reload()
  await expect(page.getByTestId('dashboard')).toBeVisible()

  const names = ['tierDistribution', 'revenueByTier', 'movements', 'byCountry'].map((k) =>
    tr('en', `dashboard.${k}`),
  )
  for (const name of names) await expect(page.getByRole('img', { name })).toBeVisible()
  // The figures of each bar chart, as a table a screen reader can read.
  const byCountry = page.getByRole('table', { name: tr('en', 'dashboard.byCountry') })
  await expect(byCountry.getByRole('row')).toHaveCount(4)
  await expect(byCountry.getByRole('row', { name: /France/ })).toContainText('$2.1M')
  // Nothing inside a chart takes focus.
  expect(await page.locator('[role="img"] [tabindex]:not([tabindex="-1"])').count()).toBe(0)

  // Revenue by country: $6M at most, so ticks $0 / $2M / $4M / $6M, evenly.
  const ticks = await page
    .getByRole('img', { name: tr('en', 'dashboard.byCountry') })
    .locator('.recharts-cartesian-axis-tick-value')
    .allTextContents()
  // The value axis' ticks; the country axis names countries.
  expect(ticks.filter((t) => t.startsWith('$'))).toEqual(['$0', '$2M', '$4M', '$6M'])

  // Customers entered today got their tier today: no promotions, counted apart.
  const movements = page.getByRole('table', { name: tr('en', 'dashboard.movements') })
  // This month: no promotion, no demotion, three starting tiers (Mid, Key, Small).
  await expect(movements.getByRole('row').last().getByRole('cell')).toHaveText(['0', '0', '3'])
  await expect(page.getByTestId('dashboard-initial')).toContainText('3 customers got a starting tier')
})
