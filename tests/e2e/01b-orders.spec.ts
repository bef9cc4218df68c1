import type { Page } from '@playwright/test'
import { expect, ipc, switchLanguage, test, tr } from './helpers'

// This file's harness starts empty: no USD rate for euros yet, so the missing-rate path shows
// (loading the demo would record rates for every currency).

async function addOrder(page: Page, amount: string, status: string) {
  await page.getByTestId('add-order').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('order-amount').fill(amount)
  await dialog.getByTestId('order-status').click()
  await page.getByRole('option', { name: status, exact: true }).click()
  await dialog.getByTestId('save-order').click()
}

test('in French: orders in euros, a missing rate recorded on the spot, the tier rising with revenue', async ({
  page,
}) => {
  await page.goto('/')
  const created = await ipc<{ id: string }>(page, 'customers:create', {
    customer: { displayName: 'Maison Dupont Import', country: 'FR', city: 'Marseille', currency: 'EUR' },
    allowDuplicates: true,
  })
  await page.goto(`/#/customers/${created.data!.id}`)
  await switchLanguage(page, 'Français')
  await expect(page.getByTestId('tier-badge')).toHaveText(tr('fr', 'enum.tier.ordinary'))

  // First euro order: no EUR rate yet, so the order is refused until one is given.
  await addOrder(page, '900000', tr('fr', 'enum.orderStatus.paid'))
  await expect(page.getByTestId('missing-rate')).toBeVisible()
  expect(
    (await ipc<{ orders: unknown[] }>(page, 'orders:list', { customerId: created.data!.id })).data!.orders,
  ).toHaveLength(0)
  await page.getByTestId('rate-input').fill('1.1')
  await page.getByTestId('save-rate').click()
  await expect(page.getByTestId('order-row')).toHaveCount(1)
  await expect(page.getByTestId('tier-badge')).toHaveText(tr('fr', 'enum.tier.small'))
  await expect(page.getByTestId('revenue-12m')).toContainText('990')

  // A quote, however large, is not revenue.
  await addOrder(page, '10000000', tr('fr', 'enum.orderStatus.quoted'))
  await expect(page.getByTestId('order-row')).toHaveCount(2)
  await expect(page.getByTestId('tier-badge')).toHaveText(tr('fr', 'enum.tier.small'))

  // 100,000 EUR more crosses USD 1,000,000: Mid.
  await addOrder(page, '100000', tr('fr', 'enum.orderStatus.shipped'))
  await expect(page.getByTestId('order-row')).toHaveCount(3)
  await expect(page.getByTestId('tier-badge')).toHaveText(tr('fr', 'enum.tier.mid'))
  // The change is explained in a sentence with the tiers' names and the revenue before and after.
  const latest = page.getByTestId('tier-history').getByRole('listitem').first()
  await expect(latest).toContainText(`${tr('fr', 'enum.tier.small')} → ${tr('fr', 'enum.tier.mid')}`)
  await expect(latest).toContainText('990')

  // A manager locks the tier with a reason; the reason is shown, in Chinese too.
  await page.getByTestId('lock-tier').click()
  await page.getByTestId('lock-tier-select').click()
  await page.getByRole('option', { name: tr('fr', 'enum.tier.key'), exact: true }).click()
  await page.getByTestId('lock-reason').fill('Distributeur exclusif pour le Sud')
  await page.getByTestId('save-lock').click()
  await expect(page.getByTestId('tier-badge')).toHaveText(tr('fr', 'enum.tier.key'))
  await expect(page.getByTestId('tier-rule')).toContainText('Distributeur exclusif pour le Sud')
  await page.screenshot({ path: '.reports/screens/orders-fr.png', fullPage: true })
  await switchLanguage(page, '中文')
  await expect(page.getByTestId('tier-badge')).toHaveText(tr('zh', 'enum.tier.key'))
  const history = page.getByTestId('tier-history').getByRole('listitem')
  await expect(history.first()).toContainText(tr('zh', 'enum.tier.key'))
  // The promotion before the lock reads in Chinese, with the revenue before (US$99万) and after.
  await expect(history.nth(1)).toContainText(`${tr('zh', 'enum.tier.small')} → ${tr('zh', 'enum.tier.mid')}`)
  await expect(history.nth(1)).toContainText('99万')
  await expect(history.nth(1)).toContainText('增至')
  await page.screenshot({ path: '.reports/screens/orders-zh.png', fullPage: true })
})
