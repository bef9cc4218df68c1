import { expect, ipc, switchLanguage, test, tr } from './helpers'

// Industries and product interests come from a standard list stored as codes: each language
// shows its own name, a name typed in any language is stored as the code, other text as typed.
test('industry and product interests read in the UI language and store codes', async ({ page }) => {
  await page.goto('/')
  const created = await ipc<{ id: string }>(page, 'customers:create', {
    customer: {
      displayName: 'Lumière Beauté SARL',
      country: 'FR',
      city: 'Lyon',
      industry: 'cosmetics',
      productCategories: ['skin_care', 'Bespoke perfume'],
    },
    contacts: [],
    allowDuplicates: true,
  })
  const id = created.data!.id
  const stored = async () =>
    (
      await ipc<{ customer: { industry: string | null; productCategories: string[] } }>(
        page,
        'customers:get',
        { id },
      )
    ).data!.customer

  await page.goto(`/#/customers/${id}`)
  await switchLanguage(page, '中文')
  await expect(page.getByTestId('value-industry')).toHaveText(tr('zh', 'enum.industry.cosmetics'))
  // Listed product → its zh name, free text as typed, joined the zh way.
  await expect(page.getByTestId('value-productCategories')).toHaveText(
    `${tr('zh', 'enum.productCategory.skin_care')}${tr('zh', 'common.listSeparator')}Bespoke perfume`,
  )

  // A French name typed on the French screen is stored as the code and shown in French.
  await switchLanguage(page, 'Français')
  await expect(page.getByTestId('value-industry')).toHaveText(tr('fr', 'enum.industry.cosmetics'))
  await page.getByTestId('edit-industry').click()
  await page.getByTestId('input-industry').fill(tr('fr', 'enum.industry.medical_supplies'))
  await page.getByTestId('save-industry').click()
  await expect(page.getByTestId('value-industry')).toHaveText(tr('fr', 'enum.industry.medical_supplies'))
  expect((await stored()).industry).toBe('medical_supplies')

  // Picking a suggestion by keyboard saves it too.
  await page.getByTestId('edit-industry').click()
  await page.getByTestId('input-industry').fill('jouet')
  await page.getByRole('option', { name: tr('fr', 'enum.industry.toys') }).waitFor()
  await page.getByTestId('input-industry').press('ArrowDown')
  await page.getByTestId('input-industry').press('Enter')
  await expect(page.getByTestId('value-industry')).toHaveText(tr('fr', 'enum.industry.toys'))
  expect((await stored()).industry).toBe('toys')

  // Escape first closes the suggestions only; a second Escape leaves the edit unchanged.
  await page.getByTestId('edit-industry').click()
  await page.getByTestId('input-industry').fill('jouet')
  await page.getByRole('option', { name: tr('fr', 'enum.industry.toys') }).waitFor()
  await page.getByTestId('input-industry').press('Escape')
  await expect(page.getByRole('option')).toHaveCount(0)
  await expect(page.getByTestId('input-industry')).toBeVisible()
  await page.getByTestId('input-industry').press('Escape')
  await expect(page.getByTestId('value-industry')).toHaveText(tr('fr', 'enum.industry.toys'))

  // Text that names no listed industry stays as typed, in every language.
  await page.getByTestId('edit-industry').click()
  await page.getByTestId('input-industry').fill('Horlogerie de luxe')
  await page.getByTestId('save-industry').click()
  await expect(page.getByTestId('value-industry')).toHaveText('Horlogerie de luxe')
  expect((await stored()).industry).toBe('Horlogerie de luxe')
  await switchLanguage(page, 'English')
  await expect(page.getByTestId('value-industry')).toHaveText('Horlogerie de luxe')
})
