import { customerTotal, expect, ipc, openSearch, switchLanguage, test, tr } from './helpers'

test.describe.configure({ mode: 'serial' })

test('an empty app offers to add a customer or load demo data', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByTestId('empty-state')).toBeVisible()
  await expect(page.getByTestId('load-demo')).toBeVisible()
})

test('in Chinese: create a customer with a contact, find it by pinyin, switch to French, edit, delete', async ({
  page,
}) => {
  await page.goto('/')
  await switchLanguage(page, '中文')
  await expect(page.getByRole('heading', { name: tr('zh', 'customers.title'), exact: true })).toBeVisible()

  await page.getByTestId('new-customer').first().click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('field-displayName').fill('宁波海曙华晟进出口有限公司')
  await dialog.getByTestId('field-country').click()
  await dialog.getByTestId('field-country').fill('中国')
  await page.getByRole('option', { name: '中国', exact: true }).click()
  await dialog.getByTestId('field-city').fill('Ningbo')
  await dialog.getByTestId('field-contactName').fill('欧阳娜娜')
  await dialog.getByTestId('field-contactEmail').fill('nana@hs-ningbo.cn')
  await dialog.getByTestId('field-contactPhone').fill('138 0057 4321')
  await dialog.getByTestId('save-customer').click()

  // The new customer's page opens.
  await expect(page.getByTestId('customer-title')).toHaveText('宁波海曙华晟进出口有限公司')
  await expect(page.getByTestId('contact-card')).toContainText('欧阳娜娜')
  // Stored as E.164 (read in the customer's country), shown in international layout.
  await expect(
    page.getByTestId('contact-card').getByRole('link', { name: '+86 138 0057 4321' }),
  ).toHaveAttribute('href', 'tel:+8613800574321')
  await expect(page.getByTestId('local-time')).toContainText('Asia/Shanghai')

  // Find it from anywhere by typing its pinyin.
  await page.goto('/#/customers')
  await openSearch(page)
  await page.getByTestId('search-input').pressSequentially('haishuhua', { delay: 30 })
  const hit = page.getByTestId('search-hit').filter({ hasText: '宁波海曙华晟进出口有限公司' })
  await expect(hit).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('customer-title')).toHaveText('宁波海曙华晟进出口有限公司')
  await expect(page.getByText(tr('zh', 'customer.localTime'))).toBeVisible()

  // Switch to French: the same page, French labels.
  await switchLanguage(page, 'Français')
  await expect(page.getByText(tr('fr', 'customer.localTime'))).toBeVisible()
  await expect(page.getByRole('heading', { name: tr('fr', 'customer.profile') })).toBeVisible()
  await expect(page.getByText(tr('zh', 'customer.localTime'))).toHaveCount(0)

  // Edit in place.
  await page.getByTestId('edit-city').click()
  await page.getByTestId('input-city').fill('Ningbo Beilun')
  await page.getByTestId('input-city').press('Enter')
  await expect(page.getByTestId('value-city')).toHaveText('Ningbo Beilun')

  // Delete it: gone from search and the list.
  const before = await customerTotal(page)
  await page.getByTestId('delete-customer').click()
  await page.getByTestId('confirm-delete').click()
  await expect(page).toHaveURL(/#\/customers$/)
  expect(await customerTotal(page)).toBe(before - 1)
  const found = await ipc<{ hits: unknown[] }>(page, 'customers:search', { query: 'haishuhua' })
  expect(found.data!.hits).toEqual([])
})

test('bad input shows a translated error and writes nothing', async ({ page }) => {
  await page.goto('/')
  await switchLanguage(page, '中文')
  const before = await customerTotal(page)
  await page.getByTestId('new-customer').first().click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('field-displayName').fill('Test Bad Input Co')
  await dialog.getByTestId('field-contactName').fill('Bob')
  await dialog.getByTestId('field-contactEmail').fill('bob-at-example')
  await dialog.getByTestId('field-website').fill('not a website')
  await dialog.getByTestId('save-customer').click()
  await expect(dialog.getByTestId('error-alert')).toBeVisible()
  await expect(dialog.getByTestId('error-alert')).toContainText(tr('zh', 'errors.validation'))
  await expect(dialog.getByTestId('error-alert')).toContainText(
    tr('zh', 'validation.fieldIssue')
      .replace('{{field}}', tr('zh', 'fields.emails'))
      .replace('{{problem}}', tr('zh', 'validation.invalid_email')),
  )
  await expect(dialog.getByTestId('error-alert')).toContainText(
    tr('zh', 'validation.fieldIssue')
      .replace('{{field}}', tr('zh', 'fields.website'))
      .replace('{{problem}}', tr('zh', 'validation.invalid_url')),
  )
  expect(await customerTotal(page)).toBe(before)

  // In French the same mistake reads in French.
  await page.keyboard.press('Escape')
  await switchLanguage(page, 'Français')
  await page.getByTestId('new-customer').first().click()
  await page.getByRole('dialog').getByTestId('field-displayName').fill('   ')
  await page.getByRole('dialog').getByTestId('save-customer').click()
  await expect(page.getByRole('dialog').getByTestId('error-alert')).toContainText(
    tr('fr', 'validation.required'),
  )
  expect(await customerTotal(page)).toBe(before)
})

test('the language choice is remembered across a reload', async ({ page }) => {
  await page.goto('/')
  await switchLanguage(page, 'Français')
  await page.reload()
  await expect(page.getByRole('heading', { name: tr('fr', 'customers.title'), exact: true })).toBeVisible()
  await switchLanguage(page, 'English')
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible()
})

test('a likely duplicate is flagged with a link to the existing customer', async ({ page }) => {
  await page.goto('/')
  const first = await ipc<{ id: string }>(page, 'customers:create', {
    customer: { displayName: 'Lumière Déco SARL', country: 'FR', website: 'lumiere-deco.fr' },
  })
  expect(first.ok).toBe(true)
  await page.reload()
  await page.getByTestId('new-customer').first().click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('field-displayName').fill('LUMIERE DECO')
  await dialog.getByTestId('field-website').fill('https://www.lumiere-deco.fr')
  await dialog.getByTestId('save-customer').click()
  const warning = dialog.getByTestId('duplicate-warning')
  await expect(warning).toBeVisible()
  await expect(warning.getByRole('link', { name: 'Lumière Déco SARL' })).toHaveAttribute(
    'href',
    `#/customers/${first.data!.id}`,
  )
  await dialog.getByTestId('create-anyway').click()
  await expect(page.getByTestId('customer-title')).toHaveText('LUMIERE DECO')
})
