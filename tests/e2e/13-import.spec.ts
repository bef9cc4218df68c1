import type { Page } from '@playwright/test'
import { expect, ipc, test, tr, useLanguage } from './helpers'

// The import wizard (D1) end to end through the harness: a customers file with one bad country is
// refused line by line, imported without that line by an explicit choice, then an orders file
// puts the imported customers in their tiers; restoring the backup the app made at start (the
// "morning backup") takes it all back. The files are written here, so the spec depends on no
// fixture of another test.

const CUSTOMERS_CSV = [
  'Company,Country,Contact,Email,City',
  'Lumen Trading GmbH,Germany,Anna Weber,anna@lumen.example,Hamburg',
  'Atlas Imports,Atlantis,Omar Haddad,omar@atlas.example,Nowhere',
  'Maison Verte SARL,FR,Claire Dubois,claire@maisonverte.example,Lyon',
].join('\r\n')

function isoDaysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000)
  return d.toISOString().slice(0, 10)
}

// Recent, paid, in USD (no exchange rate needed): a large order makes Lumen a key account.
const ORDERS_CSV = [
  'Customer,Order date,Amount,Currency,Status',
  `Lumen Trading GmbH,${isoDaysAgo(30)},2500000,USD,paid`,
  `Maison Verte SARL,${isoDaysAgo(40)},1200,USD,paid`,
].join('\r\n')

async function chooseFile(page: Page, name: string, text: string) {
  await page
    .getByTestId('import-dropzone')
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })
  await expect(page.getByTestId('import-dropzone')).toContainText(name)
}

/** Maps the file's column `header` to the field labelled `field` (in English). */
async function mapColumn(page: Page, header: string, field: string) {
  const row = page.getByTestId('import-column').filter({ hasText: header })
  await row.getByTestId('import-field').click()
  await page.getByRole('option', { name: field, exact: true }).click()
  await expect(row.getByTestId('import-field')).toHaveValue(field)
}

/** The day's automatic backups (the kind depends on the date: the month's first is the monthly one). */
const AUTOMATIC = ['daily', 'weekly', 'monthly']
  .map((k) => `[data-testid="backup-row"][data-kind="${k}"]`)
  .join(', ')

const fieldName = (field: string, required = false) => {
  const label = tr('en', `import.fields.${field}`)
  return required ? tr('en', 'import.map.requiredField').replace('{{field}}', label) : label
}

test('a customers file with a bad country, imported without that line, then orders that set the tiers, undone by restoring the morning backup', async ({
  page,
}) => {
  // Two imports, a backup and a restore, each through the worker.
  test.setTimeout(120_000)
  await page.goto('/#/customers')
  await useLanguage(page, 'en')

  // The morning: the app's first start of the day backs the database up by itself (after its
  // integrity check), before the user touches anything. The user checks it is there.
  await page.getByRole('link', { name: tr('en', 'nav.backups') }).click()
  await expect(page.getByRole('heading', { name: tr('en', 'backups.title'), level: 2 })).toBeVisible()
  const morning = page.locator(AUTOMATIC)
  await expect(morning).toHaveCount(1, { timeout: 30_000 })
  await expect(morning.locator('td').nth(3)).toHaveText('0')
  const morningDate = (await morning.locator('td').first().innerText()).trim()
  const before = await ipc<{ count: number }>(page, 'customers:count')
  expect(before.data?.count).toBe(0)

  await page.getByRole('link', { name: tr('en', 'nav.import') }).click()
  await expect(page.getByTestId('import-screen')).toBeVisible()

  // 1. Choose: customers (the default), a CSV file.
  await expect(page.getByTestId('import-next')).toBeDisabled()
  await chooseFile(page, 'customers.csv', CUSTOMERS_CSV)
  await page.getByTestId('import-next').click()
  // Focus moves to the step's heading for keyboard and screen-reader users.
  await expect(page.getByTestId('import-step-title')).toBeFocused()
  await expect(page.getByTestId('import-step-title')).toHaveText(tr('en', 'import.stepTitles.map'))

  // 2. Map: every column says what it is, whatever was recognised from the headers.
  // A wrong mapping first (the city as the country): every row is refused, by its line and the
  // column the value came from; back to the mapping to fix it.
  await expect(page.getByTestId('import-column')).toHaveCount(5)
  await mapColumn(page, 'Company', fieldName('displayName', true))
  await mapColumn(page, 'City', fieldName('country', true))
  await page.getByTestId('import-next').click()
  await expect(page.getByTestId('import-count-refused')).toHaveText('3')
  await expect(page.getByTestId('import-issue').first().locator('td').nth(1)).toHaveText('City')
  await expect(page.getByTestId('import-run')).toBeDisabled()
  await page.getByTestId('import-back').click()
  await expect(page.getByTestId('import-step-title')).toBeFocused()

  await mapColumn(page, 'Country', fieldName('country', true))
  await mapColumn(page, 'Contact', fieldName('contactName'))
  await mapColumn(page, 'Email', fieldName('contactEmail'))
  await mapColumn(page, 'City', fieldName('city'))
  await expect(page.getByTestId('import-next')).toBeEnabled()
  await page.getByTestId('import-next').click()

  // 3. Check: line 3 is refused for its country, and nothing can be imported until the user
  // decides what to do with it.
  await expect(page.getByTestId('import-count-rows')).toHaveText('3')
  await expect(page.getByTestId('import-count-valid')).toHaveText('2')
  await expect(page.getByTestId('import-count-refused')).toHaveText('1')
  const issue = page.getByTestId('import-issue')
  await expect(issue).toHaveCount(1)
  await expect(issue.locator('td').nth(0)).toHaveText('3')
  await expect(issue.locator('td').nth(1)).toHaveText('Country')
  await expect(issue.locator('td').nth(2)).not.toHaveText('')
  await expect(issue.locator('td').nth(3)).toHaveText('Atlantis')
  await expect(page.getByTestId('import-stored')).toContainText('Lumen Trading GmbH')
  await expect(page.getByTestId('import-run')).toBeDisabled()
  await expect(page.getByTestId('import-blocked-reason')).toBeVisible()

  // The refused rows come back as a file with a reason column, to fix and import again.
  const download = page.waitForEvent('download')
  await page.getByTestId('import-download-refused').click()
  const file = await download
  const refusedText = await (
    await file.createReadStream()
  )
    .toArray()
    .then((c) => Buffer.concat(c).toString('utf8'))
  expect(refusedText).toContain('Atlantis')
  expect(refusedText.split(/\r?\n/).filter((l) => l.trim() !== '')).toHaveLength(2)

  await page.getByTestId('import-skip-invalid').check()
  await expect(page.getByTestId('import-run')).toBeEnabled()
  await page.getByTestId('import-run').click()

  // 4. Run, then the summary.
  await expect(page.getByTestId('import-summary')).toBeVisible()
  await expect(page.getByTestId('import-result-created')).toHaveText('2')
  await expect(page.getByTestId('import-result-refused')).toHaveText('1')
  const list = await ipc<{ rows: { displayName: string; country: string | null; tier: string }[] }>(
    page,
    'customers:list',
    { limit: 50 },
  )
  const names = list.data!.rows.map((r) => r.displayName).sort()
  expect(names).toEqual(['Lumen Trading GmbH', 'Maison Verte SARL'])
  expect(list.data!.rows.find((r) => r.displayName === 'Maison Verte SARL')?.country).toBe('FR')

  // Orders: another file through the same wizard.
  await page.getByRole('button', { name: tr('en', 'import.run.another') }).click()
  await page.getByTestId('import-kind-orders').click()
  await chooseFile(page, 'orders.csv', ORDERS_CSV)
  await page.getByTestId('import-next').click()
  await mapColumn(page, 'Customer', fieldName('customerName'))
  await mapColumn(page, 'Order date', fieldName('date', true))
  await mapColumn(page, 'Amount', fieldName('amount', true))
  await mapColumn(page, 'Currency', fieldName('currency', true))
  await mapColumn(page, 'Status', fieldName('status', true))
  await page.getByTestId('import-next').click()
  await expect(page.getByTestId('import-count-valid')).toHaveText('2')
  await expect(page.getByTestId('import-count-refused')).toHaveText('0')
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-summary')).toBeVisible()
  await expect(page.getByTestId('import-result-created')).toHaveText('2')
  await expect(page.getByTestId('import-result-tierMoves')).not.toHaveText('0')

  // Tiers are relative to the team's own customers: with two, the big buyer rises above ordinary,
  // and the customers list shows the tier it was given.
  const tiers = await ipc<{ rows: { displayName: string; tier: string }[] }>(page, 'customers:list', {
    limit: 50,
  })
  const lumenTier = tiers.data!.rows.find((r) => r.displayName === 'Lumen Trading GmbH')!.tier
  expect(lumenTier).not.toBe('ordinary')
  await page.getByTestId('import-to-customers').click()
  const lumen = page.getByTestId('customer-row').filter({ hasText: 'Lumen Trading GmbH' })
  await expect(lumen).toBeVisible()
  await expect(lumen).toContainText(tr('en', `enum.tier.${lumenTier}`))

  // 5. Undo: back to the Backups screen, the morning's backup, its preview, then the restore.
  await page.getByRole('link', { name: tr('en', 'nav.backups') }).click()
  const row = page.locator(AUTOMATIC).filter({ hasText: morningDate })
  await expect(row).toHaveCount(1)
  await row
    .getByRole('button', { name: tr('en', 'backups.restoreOf').replace('{{date}}', morningDate) })
    .click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText(tr('en', 'backups.preview.title').replace('{{date}}', morningDate))
  const preview = dialog.getByTestId('backup-preview')
  await expect(preview.getByRole('row', { name: tr('en', 'backups.preview.customers') })).toContainText('0')
  await expect(preview.getByRole('row', { name: tr('en', 'backups.preview.orders') })).toContainText('0')
  await dialog.getByRole('button', { name: tr('en', 'backups.preview.confirm'), exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(
    page.getByText(tr('en', 'backups.restored').replace('{{date}}', morningDate), { exact: true }),
  ).toBeVisible({ timeout: 30_000 })
  // The imported state is not lost for good: it was backed up before being replaced.
  await expect(page.locator('[data-testid="backup-row"][data-kind="before-restore"]')).toHaveCount(1)

  // The imported customers and their orders are gone, as before the import.
  const after = await ipc<{ count: number }>(page, 'customers:count')
  expect(after.data?.count).toBe(before.data!.count)
  const info = await ipc<{ damaged: boolean }>(page, 'app:info')
  expect(info.data?.damaged).toBe(false)
  await page.getByRole('link', { name: tr('en', 'nav.customers') }).click()
  await expect(page.getByTestId('empty-state')).toBeVisible()
  await expect(page.getByTestId('customer-row')).toHaveCount(0)

  // And the app still works on the restored file: the worker backs it up, and the wizard reads
  // the customers file again against the (now empty) database.
  await page.getByRole('link', { name: tr('en', 'nav.backups') }).click()
  await page.getByRole('button', { name: tr('en', 'backups.backUpNow') }).click()
  await expect(page.getByText(tr('en', 'backups.created_other').replace('{{count}}', '0'))).toBeVisible({
    timeout: 30_000,
  })
  await page.getByRole('link', { name: tr('en', 'nav.import') }).click()
  await chooseFile(page, 'customers.csv', CUSTOMERS_CSV)
  await page.getByTestId('import-next').click()
  await mapColumn(page, 'Company', fieldName('displayName', true))
  await mapColumn(page, 'Country', fieldName('country', true))
  await page.getByTestId('import-next').click()
  await expect(page.getByTestId('import-count-valid')).toHaveText('2')
  await expect(page.getByTestId('import-duplicates')).toHaveCount(0)
})

test('the wizard in French and Chinese names every step and field in words', async ({ page }) => {
  for (const lang of ['fr', 'zh'] as const) {
    await page.goto('/#/import')
    await useLanguage(page, lang)
    await expect(page.getByRole('heading', { name: tr(lang, 'import.title') })).toBeVisible()
    await chooseFile(page, 'clients.csv', CUSTOMERS_CSV)
    await page.getByTestId('import-next').click()
    await expect(page.getByTestId('import-step-title')).toHaveText(tr(lang, 'import.stepTitles.map'))
    await expect(page.getByTestId('import-required')).toContainText(tr(lang, 'import.fields.displayName'))
  }
})
