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
  // Its struck-through USD value says so in words, and each row's actions name their row (no
  // reference here, so the date).
  const quoteRow = page.getByTestId('order-row').filter({ hasText: tr('fr', 'enum.orderStatus.quoted') })
  await expect(quoteRow).toContainText(tr('fr', 'orders.notRevenue'))
  const day = await quoteRow.getByRole('cell').first().innerText()
  await expect(quoteRow.getByRole('button').first()).toHaveAccessibleName(
    tr('fr', 'orders.editRow').replace('{{which}}', day),
  )
  await expect(quoteRow.getByRole('button').nth(1)).toHaveAccessibleName(
    tr('fr', 'orders.deleteRow').replace('{{which}}', day),
  )

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

async function usdCustomer(page: Page, name: string): Promise<string> {
  const created = await ipc<{ id: string }>(page, 'customers:create', {
    customer: { displayName: name, country: 'US', currency: 'USD' },
    allowDuplicates: true,
  })
  return created.data!.id
}

const ordersOf = async (page: Page, customerId: string) =>
  (
    await ipc<{ orders: { amount: number; date: string; status: string }[] }>(page, 'orders:list', {
      customerId,
    })
  ).data!.orders

test('a negative amount is refused with a message and nothing is saved; an unreadable one is not read as 0', async ({
  page,
}) => {
  await page.goto('/')
  const id = await usdCustomer(page, 'Negative Amount Trading')
  await page.goto(`/#/customers/${id}`)
  // The page is there (and has taken focus) before the language menu opens.
  await expect(page.getByRole('heading', { name: 'Negative Amount Trading' })).toBeVisible()
  await switchLanguage(page, 'English')
  await page.getByTestId('add-order').click()
  const dialog = page.getByRole('dialog')
  const amount = dialog.getByTestId('order-amount')
  // The dialog opens on the amount, so the date's calendar does not cover the form.
  await expect(amount).toBeFocused()
  await expect(page.locator('[data-dates-dropdown]')).toHaveCount(0)
  await amount.fill('-500')
  await dialog.getByTestId('save-order').click()
  // The field keeps what was typed and says why it cannot be saved; the dialog stays open.
  await expect(amount).toHaveValue('-500')
  await expect(dialog.getByText(tr('en', 'validation.negative_amount')).first()).toBeVisible()
  await expect(amount).toHaveAttribute('aria-invalid', 'true')
  expect(await ordersOf(page, id)).toHaveLength(0)

  // Zero on a confirmed order: refused too.
  await amount.fill('0')
  await dialog.getByTestId('save-order').click()
  await expect(dialog.getByText(tr('en', 'validation.zero_amount')).first()).toBeVisible()
  expect(await ordersOf(page, id)).toHaveLength(0)

  // Text that is not a number is an error under the field, never a 0.
  await amount.fill('12a')
  await dialog.getByTestId('save-order').click()
  await expect(amount).toHaveValue('12a')
  await expect(dialog.getByText(tr('en', 'amountInput.invalid').split(':')[0]!).first()).toBeVisible()
  expect(await ordersOf(page, id)).toHaveLength(0)

  // Fixed, it saves, and the notification names the tier the order earned.
  await amount.fill('150,000.50')
  await dialog.getByTestId('save-order').click()
  await expect(dialog).toBeHidden()
  expect((await ordersOf(page, id)).map((o) => o.amount)).toEqual([150000.5])
  await expect(page.getByRole('alert').filter({ hasText: 'Negative Amount Trading' })).toContainText(
    tr('en', 'orderSave.tierChange')
      .replace('{{name}}', 'Negative Amount Trading')
      .replace('{{to}}', tr('en', 'enum.tier.small'))
      .replace('{{from}}', tr('en', 'enum.tier.ordinary')),
  )
})

test('in French: amounts typed "12 500,50" and dates typed 06/12/2026, as the language writes them', async ({
  page,
}) => {
  await page.goto('/')
  const id = await usdCustomer(page, 'Société Virgule')
  await page.goto(`/#/customers/${id}`)
  // The page is there (and has taken focus) before the language menu opens.
  await expect(page.getByRole('heading', { name: 'Société Virgule' })).toBeVisible()
  await switchLanguage(page, 'Français')
  await page.getByTestId('add-order').click()
  const dialog = page.getByRole('dialog')
  const date = dialog.getByTestId('order-date')
  // Today is shown day first, with a four-digit year.
  await expect(date).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/)
  await date.fill('06/12/2026')
  await dialog.getByTestId('order-amount').fill('12 500,50')
  await dialog.getByTestId('order-returned').fill('500,25')
  await dialog.getByTestId('save-order').click()
  await expect(dialog).toBeHidden()
  const [saved] = await ordersOf(page, id)
  expect(saved).toMatchObject({ amount: 12500.5, date: '2026-12-06' })
  await expect(page.getByTestId('order-row').first()).toContainText('12\u202f500,50')

  // Reopened, the order shows the French forms again.
  await page.getByTestId('order-row').first().getByRole('button').first().click()
  await expect(dialog.getByTestId('order-amount')).toHaveValue('12\u202f500,50')
  await expect(dialog.getByTestId('order-date')).toHaveValue('06/12/2026')
  // A date that does not exist, or a two-digit year, is an error shown, not another day.
  await dialog.getByTestId('order-date').fill('31/02/26')
  await dialog.getByTestId('order-amount').focus()
  await dialog.getByTestId('save-order').click()
  await expect(dialog.getByText(tr('fr', 'dateInput.invalid').split('\u00a0')[0]!).first()).toBeVisible()
  await expect(dialog.getByTestId('order-date')).toHaveValue('31/02/26')
  expect((await ordersOf(page, id))[0]!.date).toBe('2026-12-06')
  // A day in the future is allowed, with a warning.
  await dialog.getByTestId('order-date').fill('01/01/2099')
  // Leaving the field closes its calendar.
  await dialog.getByTestId('order-amount').focus()
  await expect(dialog.getByTestId('order-future-date')).toBeVisible()
  await dialog.getByTestId('save-order').click()
  await expect(dialog).toBeHidden()
  expect((await ordersOf(page, id))[0]!.date).toBe('2099-01-01')
  await page.screenshot({ path: '.reports/screens/orders-amounts-fr.png', fullPage: true })
})

test('a long order history shows the latest ten orders, the rest behind Show all', async ({ page }) => {
  await page.goto('/')
  const id = await usdCustomer(page, 'Long History Trading')
  for (let i = 1; i <= 12; i++) {
    const res = await ipc(page, 'orders:create', {
      customerId: id,
      order: {
        date: `2026-${String(i).padStart(2, '0')}-01`,
        amount: 1000 * i,
        currency: 'USD',
        status: 'paid',
        reference: `PO-LH-${i}`,
      },
    })
    expect(res.ok).toBe(true)
  }
  await page.goto(`/#/customers/${id}`)
  await switchLanguage(page, 'English')
  const rows = page.getByTestId('order-row')
  await expect(rows).toHaveCount(10)
  // Newest first: December's order leads, January's and February's are folded away.
  await expect(rows.first()).toContainText('PO-LH-12')
  const toggle = page.getByTestId('orders-toggle')
  await expect(toggle).toHaveText(tr('en', 'customerPage.showAll').replace('{{n}}', '12'))
  await toggle.click()
  await expect(rows).toHaveCount(12)
  await expect(rows.last()).toContainText('PO-LH-1')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
})
