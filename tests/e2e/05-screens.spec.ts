import { expect, ipc, openSearch, switchLanguage, test, tr } from './helpers'

// Walks the main screens in each language and keeps screenshots in .reports/screens for review.
const LANGS = [
  ['zh', '中文'],
  ['fr', 'Français'],
  ['en', 'English'],
] as const

test('customer page, search and the new-customer form read well in zh, fr and en', async ({ page }) => {
  await page.goto('/')
  const created = await ipc<{ id: string }>(page, 'customers:create', {
    customer: {
      displayName: '广州美嘉家具有限公司',
      latinName: 'Guangzhou Meijia Furniture Co., Ltd.',
      country: 'FR',
      city: 'Lyon',
      website: 'meijia-furniture.fr',
      businessType: 'importer',
      industry: 'Furniture',
      tags: ['VIP', 'OEM'],
      notes: 'Rencontré au salon Maison&Objet 2026.',
    },
    contacts: [
      {
        name: 'Camille Lefèvre',
        title: 'Directrice des achats',
        emails: ['camille@meijia-furniture.fr'],
        phones: ['06 12 34 56 78'],
        birthdayMonth: 3,
        birthdayDay: 14,
      },
      {
        name: '陈静',
        title: '采购经理',
        emails: ['chen.jing@meijia-furniture.fr'],
        messaging: [{ kind: 'wechat', handle: 'chenjing_mj' }],
      },
    ],
    allowDuplicates: true,
  })
  // Log an interaction in Chinese: it shows in the log and becomes the last contact.
  await page.goto(`/#/customers/${created.data!.id}`)
  await switchLanguage(page, '中文')
  await page.getByTestId('log-interaction').click()
  await page.getByTestId('interaction-summary').fill('广交会上看了样品，要求报价')
  await page.getByTestId('interaction-next').fill('下周一发报价单')
  await page.getByTestId('save-interaction').click()
  await expect(page.getByTestId('interaction-item')).toContainText('广交会上看了样品')
  await expect(page.getByTestId('interaction-item')).toContainText(tr('zh', 'enum.interaction.call'))
  await expect(page.getByTestId('last-contact')).not.toHaveText(tr('zh', 'interactions.never'))

  // Record a complaint: it counts as open until resolved.
  await page.getByTestId('add-feedback').click()
  await page.getByTestId('feedback-summary').fill('两箱样品外包装破损')
  await page.getByTestId('save-feedback').click()
  await expect(page.getByTestId('feedback-item')).toContainText('两箱样品外包装破损')
  await expect(page.getByTestId('open-complaints')).toHaveText(
    tr('zh', 'feedback.openComplaints_other').replace('{{formatted}}', '1'),
  )

  for (const [lang, label] of LANGS) {
    await page.goto(`/#/customers/${created.data!.id}`)
    await switchLanguage(page, label)
    await expect(page.getByText(tr(lang, 'customer.localTime'))).toBeVisible()
    await expect(page.getByTestId('value-businessType')).toHaveText(tr(lang, 'enum.businessType.importer'))
    await page.screenshot({ path: `.reports/screens/customer-page-${lang}.png`, fullPage: true })

    await openSearch(page)
    await page.getByTestId('search-input').pressSequentially('meijia', { delay: 20 })
    await expect(page.getByTestId('search-hit').first()).toBeVisible()
    await page.screenshot({ path: `.reports/screens/search-${lang}.png` })
    await page.keyboard.press('Escape')

    await page.goto('/#/customers')
    await page.getByTestId('new-customer').click()
    await page.getByRole('dialog').getByTestId('save-customer').click()
    await expect(page.getByRole('dialog').getByTestId('error-alert')).toContainText(
      tr(lang, 'errors.validation'),
    )
    await page.screenshot({ path: `.reports/screens/new-customer-${lang}.png` })
    await page.keyboard.press('Escape')
  }
})
