import { customerTotal, expect, ipc, switchLanguage, test, tr } from './helpers'

test.describe.configure({ mode: 'serial' })

test('loads demo data with progress, then the table scrolls, filters and sorts', async ({ page }) => {
  await page.goto('/')
  await switchLanguage(page, 'English')
  // This file's harness starts empty: the demo loader is on the empty screen.
  await page.getByTestId('load-demo').click()
  await expect(page.getByTestId('customer-row').first()).toBeVisible({ timeout: 60_000 })
  const total = await customerTotal(page)
  expect(total).toBe(500)
  await expect(page.getByTestId('customer-count')).toContainText(new Intl.NumberFormat('en-US').format(total))

  // Virtualised: far fewer DOM rows than customers, and scrolling to the end shows the last rows.
  const rendered = await page.getByTestId('customer-row').count()
  expect(rendered).toBeLessThan(80)
  const scroller = page.getByTestId('customer-table-scroller')
  await scroller.evaluate((el) => {
    el.scrollTo({ top: el.scrollHeight })
  })
  const lastRow = page.locator(`[role=row][aria-rowindex="${total + 1}"][data-testid=customer-row]`)
  await expect(lastRow).toBeVisible()

  // A change to the data (here through IPC, as a job or a teammate's sync would) reloads the rows
  // where the user is: the list neither jumps to its top nor blanks its rows meanwhile.
  const lastId = (await lastRow.getByRole('link').first().getAttribute('href'))!.split('/').pop()!
  const scrolledTo = await scroller.evaluate((el) => el.scrollTop)
  expect(scrolledTo).toBeGreaterThan(0)
  await ipc(page, 'customers:update', { id: lastId, patch: { owner: 'Scroll Keeper' } })
  await expect(lastRow).toContainText('Scroll Keeper')
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(scrolledTo)
  await expect(page.getByTestId('customer-row-loading')).toHaveCount(0)

  // Filter by continent (Europe): every visible row's country is European.
  await page.getByTestId('filter-continent').click()
  await page.getByRole('option', { name: tr('en', 'enum.continent.EU') }).click()
  await page.keyboard.press('Escape')
  await expect
    .poll(async () => Number((await page.getByTestId('customer-count').innerText()).replace(/\D/g, '')))
    .toBeLessThan(total)

  // Sort by country, then descending.
  await page.getByTestId('sort-country').click()
  await expect(page.locator('[role=columnheader][aria-sort=ascending]')).toContainText(
    tr('en', 'fields.country'),
  )
  await page.getByTestId('sort-country').click()
  await expect(page.locator('[role=columnheader][aria-sort=descending]')).toContainText(
    tr('en', 'fields.country'),
  )
})

test('the customers screen reads in all three languages', async ({ page }) => {
  await page.goto('/#/customers')
  for (const [lang, label] of [
    ['zh', '中文'],
    ['fr', 'Français'],
    ['en', 'English'],
  ] as const) {
    await switchLanguage(page, label)
    await expect(page.getByRole('heading', { name: tr(lang, 'customers.title'), exact: true })).toBeVisible()
    await expect(page.getByTestId('new-customer')).toHaveText(tr(lang, 'customers.new'))
    await page.screenshot({ path: `.reports/screens/customers-${lang}.png` })
  }
})
