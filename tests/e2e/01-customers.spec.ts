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
  await page.goto('/#/customers')
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
  await page.goto('/#/customers')
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
  // The field is named as the form labels it ("联系人邮箱"), not by the data's key ("邮箱").
  await expect(dialog.getByTestId('error-alert')).toContainText(
    tr('zh', 'validation.fieldIssue')
      .replace('{{field}}', tr('zh', 'customerForm.contactEmail'))
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

test('in French: every error of a bad new customer shows at once, each clears when fixed, "Chine" + Enter picks China, the page opens on its header strip', async ({
  page,
}) => {
  const fr = (key: string, vars: Record<string, string> = {}) =>
    Object.entries(vars).reduce((text, [k, v]) => text.replace(`{{${k}}}`, v), tr('fr', key))
  const issue = (label: string, problem: string) => fr('validation.fieldIssue', { field: label, problem })
  await page.goto('/#/customers')
  await switchLanguage(page, 'Français')
  const before = await customerTotal(page)
  await page.getByTestId('new-customer').first().click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('field-website').fill('pas un site')
  await dialog.getByTestId('field-contactEmail').fill('bob-at-example')
  await dialog.getByTestId('field-contactPhone').fill('138 0057 4321')
  await dialog.getByTestId('save-customer').click()

  // All at once, the phone included, and its message fits the case: no country is chosen yet.
  const alert = dialog.getByTestId('error-alert')
  await expect(alert.getByTestId('issue-displayName')).toHaveText(
    issue(fr('fields.displayName'), fr('validation.required')),
  )
  await expect(alert.getByTestId('issue-country')).toHaveText(
    issue(fr('fields.country'), fr('validation.required')),
  )
  await expect(alert.getByTestId('issue-website')).toHaveText(
    issue(fr('fields.website'), fr('validation.invalid_url')),
  )
  await expect(alert.getByTestId('issue-contactName')).toBeVisible()
  await expect(alert.getByTestId('issue-contactEmail')).toHaveText(
    issue(fr('customerForm.contactEmail'), fr('validation.invalid_email')),
  )
  await expect(alert.getByTestId('issue-contactPhone')).toHaveText(
    issue(fr('customerForm.contactPhone'), fr('customerForm.phoneNeedsCountry')),
  )
  await expect(alert).not.toContainText(tr('fr', 'validation.invalid_phone'))
  expect(await customerTotal(page)).toBe(before)

  // Typing a name clears its error at once, under the field and in the list; the others stay.
  await dialog.getByTestId('field-displayName').fill('Ningbo Haishu Textiles')
  await expect(alert.getByTestId('issue-displayName')).toHaveCount(0)
  await expect(dialog.getByTestId('field-displayName')).not.toHaveAttribute('aria-invalid', 'true')
  await expect(alert.getByTestId('issue-website')).toBeVisible()

  // The country by its French name and Enter; the number is now read in China, and valid there.
  await dialog.getByTestId('field-country').click()
  await dialog.getByTestId('field-country').fill('Chine')
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('field-country')).toHaveValue('Chine')
  await expect(alert.getByTestId('issue-country')).toHaveCount(0)
  await expect(alert.getByTestId('issue-contactPhone')).toHaveCount(0)

  await dialog.getByTestId('field-website').fill('haishu-textiles.cn')
  await dialog.getByTestId('field-contactName').fill('Wang Fang')
  await dialog.getByTestId('field-contactEmail').fill('wang@haishu-textiles.cn')
  await expect(dialog.getByTestId('error-alert')).toHaveCount(0)
  await dialog.getByTestId('save-customer').click()

  // The header strip: every figure under its label.
  await expect(page.getByTestId('customer-title')).toHaveText('Ningbo Haishu Textiles')
  const strip = page.getByTestId('customer-summary')
  await expect(strip.getByTestId('summary-tier')).toContainText(tr('fr', 'tiers.tier'))
  await expect(strip.getByTestId('summary-stage')).toContainText(tr('fr', 'tiers.label.stage'))
  await expect(strip.getByTestId('summary-revenue')).toContainText(tr('fr', 'orders.revenue12'))
  await expect(strip.getByTestId('summary-last-order')).toHaveText(
    tr('fr', 'orders.lastOrder') + tr('fr', 'customerPage.noOrder'),
  )
  await expect(strip.getByTestId('summary-last-contact')).toHaveText(
    tr('fr', 'customerPage.lastContact') + tr('fr', 'customerPage.never'),
  )
  await expect(strip.getByTestId('summary-owner')).toContainText(tr('fr', 'customerPage.noOwner'))
  await expect(strip.getByTestId('local-time')).toContainText(tr('fr', 'customer.localTime'))
  await expect(strip.getByTestId('local-time')).toContainText('Asia/Shanghai')
  await expect(page.getByTestId('contact-card')).toContainText('+86 138 0057 4321')
  expect(await customerTotal(page)).toBe(before + 1)
})

test('a customer page reads Arabic names right to left, labels severity, names the row each action acts on, and its contact form says where a phone was read', async ({
  page,
}) => {
  await page.goto('/')
  const created = await ipc<{ id: string }>(page, 'customers:create', {
    customer: { displayName: 'Al Noor Trading', originalName: 'شركة النور للتجارة', country: 'AE' },
    contacts: [{ name: 'فاطمة الزهراء', phones: ['+971 50 123 4567'] }],
    allowDuplicates: true,
  })
  const id = created.data!.id
  await ipc(page, 'interactions:log', {
    customerId: id,
    interaction: { kind: 'call', date: '2026-12-01', summary: 'Asked for samples' },
  })
  await ipc(page, 'feedback:add', {
    customerId: id,
    feedback: { kind: 'complaint', severity: 'medium', date: '2026-11-20', summary: 'Two cartons damaged' },
  })
  await switchLanguage(page, '中文')
  await page.goto(`/#/customers/${id}`)

  const original = page.getByTestId('customer-original-name').getByText('شركة النور للتجارة')
  await expect(original).toHaveAttribute('lang', 'ar')
  await expect(original).toHaveAttribute('dir', 'auto')
  const contactName = page.getByTestId('contact-card').getByText('فاطمة الزهراء')
  await expect(contactName).toHaveAttribute('lang', 'ar')
  await expect(contactName).toHaveAttribute('dir', 'auto')

  // "严重程度：中", not a bare "中".
  await expect(page.getByTestId('feedback-item')).toContainText(
    tr('zh', 'customerPage.severityValue').replace('{{value}}', tr('zh', 'enum.severity.medium')),
  )
  // Row actions say which row.
  await expect(page.getByTestId('interaction-item').getByRole('button')).toHaveAccessibleName(
    /^删除 .*2026.* 的跟进记录$/,
  )
  await expect(page.getByTestId('feedback-item').getByRole('button')).toHaveAccessibleName(
    /^删除 .*2026.* 的反馈$/,
  )
  // Their hints (mounted on first use) show on hover, go when the pointer leaves, and show on
  // keyboard focus too.
  const deleteInteraction = page.getByTestId('interaction-item').getByRole('button')
  await deleteInteraction.hover()
  await expect(page.getByRole('tooltip')).toHaveText(tr('zh', 'interactions.delete'))
  await page.mouse.move(1, 1)
  await expect(page.getByRole('tooltip')).toHaveCount(0)
  await deleteInteraction.focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(deleteInteraction).toBeFocused()
  await expect(page.getByRole('tooltip')).toHaveText(tr('zh', 'interactions.delete'))
  // Escape dismisses it where it is.
  await page.keyboard.press('Escape')
  await expect(page.getByRole('tooltip')).toHaveCount(0)
  await expect(deleteInteraction).toBeFocused()

  // A national number that is not one in the customer's country: the message names the country.
  await page
    .getByTestId('contact-card')
    .getByRole('button', { name: /^编辑 / })
    .click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('contact-phones').fill('12345')
  await dialog.getByTestId('contact-phones').press('Enter')
  await dialog.getByTestId('save-contact').click()
  await expect(dialog.getByTestId('issue-phones')).toHaveText(
    tr('zh', 'validation.fieldIssue')
      .replace('{{field}}', tr('zh', 'fields.phones'))
      .replace('{{problem}}', tr('zh', 'customerForm.phoneInvalidIn').replace('{{country}}', '阿联酋')),
  )
  // Removing the bad number clears the error before saving again.
  await dialog.getByTestId('contact-phones').press('Backspace')
  await expect(dialog.getByTestId('issue-phones')).toHaveCount(0)
  await dialog.getByTestId('save-contact').click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByTestId('contact-card')).toContainText('+971 50 123 4567')
})

test('a key account without an owner is flagged in the header strip, and Assign opens the owner field', async ({
  page,
}) => {
  await page.goto('/')
  const created = await ipc<{ id: string }>(page, 'customers:create', {
    customer: { displayName: 'Owner Needed GmbH', country: 'DE' },
    allowDuplicates: true,
  })
  const id = created.data!.id
  const order = await ipc(page, 'orders:create', {
    customerId: id,
    order: { date: '2026-11-02', amount: 6_000_000, currency: 'USD', status: 'paid' },
  })
  expect(order.ok).toBe(true)
  await switchLanguage(page, 'English')
  await page.goto(`/#/customers/${id}`)
  const warning = page.getByTestId('owner-warning')
  await expect(page.getByTestId('summary-tier')).toContainText(tr('en', 'enum.tier.key'))
  await expect(warning).toContainText(tr('en', 'customerPage.ownerNeeded'))
  await warning.getByTestId('assign-owner').click()
  await expect(page.getByTestId('input-owner')).toBeFocused()
  await page.getByTestId('input-owner').fill('Sophie Martin')
  await page.getByTestId('input-owner').press('Enter')
  await expect(page.getByTestId('summary-owner')).toContainText('Sophie Martin')
  await expect(warning).toHaveCount(0)
})

test('the language choice is remembered across a reload', async ({ page }) => {
  await page.goto('/#/customers')
  await switchLanguage(page, 'Français')
  await page.reload()
  await expect(page.getByRole('heading', { name: tr('fr', 'customers.title'), exact: true })).toBeVisible()
  await switchLanguage(page, 'English')
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible()
})

test('a likely duplicate is flagged with a link to the existing customer', async ({ page }) => {
  await page.goto('/#/customers')
  const first = await ipc<{ id: string }>(page, 'customers:create', {
    customer: { displayName: 'Lumière Déco SARL', country: 'FR', website: 'lumiere-deco.fr' },
  })
  expect(first.ok).toBe(true)
  await page.reload()
  await page.getByTestId('new-customer').first().click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('field-displayName').fill('LUMIERE DECO')
  // Keyboard only: Tab into the country, type, Enter.
  await dialog.getByTestId('field-displayName').press('Tab')
  await page.keyboard.press('Tab')
  await expect(dialog.getByTestId('field-country')).toBeFocused()
  await page.keyboard.type('France')
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('field-country')).toHaveValue('France')
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
