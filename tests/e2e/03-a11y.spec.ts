import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { expect, ipc, test } from './helpers'

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes
          .slice(0, 6)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`)
          .join(' | ')}`,
    )
}

test('the customers screen has no serious or critical accessibility violations', async ({ page }) => {
  // Empty, as a new user first sees it…
  await page.goto('/')
  await expect(page.getByTestId('empty-state')).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(await seriousViolations(page)).toEqual([])
  // …and with customers in the table, filters and sort headers.
  expect((await ipc(page, 'demo:load', { customers: 60 })).ok).toBe(true)
  await page.reload()
  await expect(page.getByTestId('customer-row').first()).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(await seriousViolations(page)).toEqual([])
})

test('the customer page has no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/')
  const created = await ipc<{ id: string }>(page, 'customers:create', {
    customer: {
      displayName: 'Axe Check Trading',
      country: 'SA',
      city: 'Riyadh',
      website: 'axe-check.sa',
      tags: ['VIP'],
    },
    contacts: [{ name: 'Fatima Al-Harbi', emails: ['fatima@axe-check.sa'], phones: ['+966 50 123 4567'] }],
    allowDuplicates: true,
  })
  await page.goto(`/#/customers/${created.data!.id}`)
  await expect(page.getByTestId('customer-title')).toHaveText('Axe Check Trading')
  await page.screenshot({ path: '.reports/screens/customer-page.png', fullPage: true })
  expect(await seriousViolations(page)).toEqual([])
})
