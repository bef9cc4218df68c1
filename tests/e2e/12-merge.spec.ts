// Merging two customers from the customer page (P8): the picker finds the other one, the dialog
// compares them field by field, and the survivor's page then shows both customers' orders; the
// merged-away page redirects to it. Screens of the dialog in zh, fr and en at two sizes.
import type { Page } from '@playwright/test'
import { expect, ipc, test, tr, useLanguage } from './helpers'

async function customer(page: Page, name: string, extra: Record<string, unknown>, email: string) {
  const res = await ipc<{ id: string }>(page, 'customers:create', {
    customer: { displayName: name, country: 'FR', tags: [], productCategories: [], ...extra },
    contacts: [{ name: `${name} achats`, emails: [email] }],
    allowDuplicates: true,
  })
  expect(res.ok).toBe(true)
  return res.data!.id
}

async function order(page: Page, customerId: string, date: string, amount: number, reference: string) {
  const res = await ipc(page, 'orders:create', {
    customerId,
    order: { date, amount, currency: 'USD', status: 'paid', reference },
  })
  expect(res.ok).toBe(true)
}

async function pair(page: Page, suffix: string) {
  const a = await customer(
    page,
    `Maison Lefèvre ${suffix}`,
    { city: 'Lyon', industry: 'Wine', owner: 'Claire', notes: 'Prefers WeChat' },
    `achats-${suffix}@lefevre.fr`,
  )
  const b = await customer(
    page,
    `Lefèvre & Fils SARL ${suffix}`,
    { city: 'Villeurbanne', website: 'https://lefevre-fils.fr', owner: 'Wang Fang', tags: ['Canton 2025'] },
    `direction-${suffix}@lefevre-fils.fr`,
  )
  await order(page, a, '2026-03-10', 40_000, `A-${suffix}`)
  await order(page, b, '2026-05-20', 65_000, `B-${suffix}`)
  return { a, b }
}

async function openMerge(page: Page, id: string, otherName: string) {
  await page.goto(`/#/customers/${id}`)
  await expect(page.getByTestId('customer-title')).toBeVisible()
  await page.getByTestId('merge-customer').click()
  await page.getByTestId('merge-search').fill(otherName)
  const hit = page.getByTestId('merge-hit').filter({ hasText: otherName })
  await expect(hit).toBeVisible()
  await hit.click()
  await expect(page.getByTestId('merge-fields')).toBeVisible()
}

test('merge from the customer page: the survivor shows both customers’ orders', async ({ page }) => {
  await page.goto('/')
  await useLanguage(page, 'en')
  const { a, b } = await pair(page, 'E2E')

  await openMerge(page, a, 'Fils SARL E2E')
  const dialog = page.getByTestId('merge-dialog')
  await expect(dialog.getByTestId('merge-moves')).toContainText(
    tr('en', 'merge.count.orders_one').replace('{{count}}', '1'),
  )
  // Keep this page's display name, take the other's website (empty here, so it is the default).
  await dialog.getByTestId('merge-pick-displayName-a').check()
  await expect(dialog.getByTestId('merge-pick-website-b')).toBeChecked()
  await dialog.getByTestId('merge-submit').click()

  await expect(page.getByTestId('merge-dialog')).toBeHidden()
  await expect(page).toHaveURL(new RegExp(`#/customers/${a}$`))
  await expect(page.getByTestId('customer-title')).toHaveText('Maison Lefèvre E2E')
  const rows = page.getByTestId('order-row')
  await expect(rows).toHaveCount(2)
  await expect(page.getByTestId('orders-card')).toContainText('A-E2E')
  await expect(page.getByTestId('orders-card')).toContainText('B-E2E')
  await expect(page.getByTestId('merged-from')).toContainText('Lefèvre & Fils SARL E2E')

  // The merged-away customer's address leads to the survivor.
  await page.goto(`/#/customers/${b}`)
  await expect(page).toHaveURL(new RegExp(`#/customers/${a}$`))
  await expect(page.getByTestId('customer-title')).toHaveText('Maison Lefèvre E2E')
})

test('the merge dialog is usable from the keyboard and reads well in zh, fr and en', async ({ page }) => {
  await page.goto('/')
  const langs = ['zh', 'fr', 'en'] as const
  for (const [i, lang] of langs.entries()) {
    await useLanguage(page, lang)
    const { a } = await pair(page, `S${i}`)
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size)
      await openMerge(page, a, `Fils SARL S${i}`)
      await expect(page.getByTestId('merge-dialog')).toContainText(tr(lang, 'merge.title'))
      await page.screenshot({ path: `.reports/screens/merge-${lang}-${size.width}.png` })
      // Escape closes without merging.
      await page.keyboard.press('Escape')
      await expect(page.getByTestId('merge-dialog')).toBeHidden()
    }
  }
  // Keyboard only: arrows move the field's radio, Enter merges.
  const { a } = await pair(page, 'K')
  await openMerge(page, a, 'Fils SARL K')
  // Both have a city: the newer customer's is the default; the arrow keys pick the other one.
  await expect(page.getByTestId('merge-pick-city-b')).toBeChecked()
  await page.getByTestId('merge-pick-city-b').focus()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByTestId('merge-pick-city-a')).toBeChecked()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('merge-dialog')).toBeHidden()
  await expect(page.getByTestId('customer-title')).toBeVisible()
  const detail = await ipc<{ customer: { city: string } }>(page, 'customers:get', { id: a })
  expect(detail.data!.customer.city).toBe('Lyon')
})

test('from the duplicate warning: create the new customer and merge it into the existing one', async ({
  page,
}) => {
  await page.goto('/')
  await useLanguage(page, 'en')
  const existing = await customer(page, 'Vins Durand', { city: 'Bordeaux' }, 'achats@durand-vins.fr')

  await page.goto('/#/customers')
  await page.getByTestId('new-customer').click()
  const form = page.getByTestId('create-customer')
  await form.getByTestId('field-displayName').fill('Durand Wines Export')
  await form.getByTestId('field-country').click()
  await form.getByTestId('field-country').fill('France')
  await page.keyboard.press('Enter')
  await form.getByTestId('field-contactName').fill('Luc Durand')
  await form.getByTestId('field-contactEmail').fill('luc@durand-vins.fr')
  await form.getByTestId('save-customer').click()
  await expect(form.getByTestId('duplicate-warning')).toContainText('Vins Durand')
  await form.getByTestId('create-and-merge').first().click()

  const dialog = page.getByTestId('merge-dialog')
  await expect(dialog.getByTestId('merge-keep-a')).toBeChecked()
  await dialog.getByTestId('merge-pick-displayName-a').check()
  await dialog.getByTestId('merge-submit').click()
  await expect(page).toHaveURL(new RegExp(`#/customers/${existing}$`))
  await expect(page.getByTestId('customer-title')).toHaveText('Vins Durand')
  await expect(page.getByTestId('merged-from')).toContainText('Durand Wines Export')
  await expect(page.getByTestId('contact-card')).toHaveCount(2)
})
