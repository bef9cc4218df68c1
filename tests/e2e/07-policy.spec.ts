import { test, expect } from '@playwright/test'
import type { Page } from '@playwright/test'
import { ipc, switchLanguage, tr } from './helpers'

const today = () => new Date().toLocaleDateString('en-CA')

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `.reports/screens/${name}.png`, fullPage: true })
}

test('a manager lowers the Key threshold: the preview counts the move, saving re-tiers, the customer says why', async ({
  page,
}) => {
  await page.goto('/')
  const created = await ipc<{ id: string }>(page, 'customers:create', {
    customer: { displayName: 'Policy Preview Trading', country: 'AE', currency: 'USD' },
    allowDuplicates: true,
  })
  const id = created.data!.id
  const order = await ipc(page, 'orders:create', {
    customerId: id,
    order: { date: today(), amount: 4_800_000, currency: 'USD', status: 'paid' },
  })
  expect(order.ok).toBe(true)

  await page.goto('/#/settings')
  await switchLanguage(page, 'English')
  await expect(page.getByTestId('policy-screen')).toBeVisible()
  const before = (await ipc<{ policy: { version: number } }>(page, 'policy:get')).data!.policy.version

  // An inconsistent policy is refused in the window, with a translated message, before any preview.
  await page.getByTestId('threshold-key').fill('500')
  await page.getByTestId('policy-preview').click()
  await expect(page.getByTestId('error-alert')).toContainText(tr('en', 'validation.thresholds_order'))

  await page.getByTestId('threshold-key').fill('4500000')
  await expect(page.getByTestId('policy-save')).toHaveCount(0) // no saving without a preview
  await page.getByTestId('policy-preview').click()
  const result = page.getByTestId('policy-preview-result')
  await expect(result).toContainText(tr('en', 'enum.tier.mid'))
  await expect(result).toContainText(tr('en', 'enum.tier.key'))
  await shoot(page, 'policy-en')
  await switchLanguage(page, 'Français')
  await expect(page.getByTestId('policy-preview-result')).toContainText(tr('fr', 'enum.tier.key'))
  await shoot(page, 'policy-fr')
  await switchLanguage(page, '中文')
  await shoot(page, 'policy-zh')

  await page.getByTestId('policy-save').click()
  await expect(page.getByTestId('policy-saved')).toBeVisible({ timeout: 30_000 })
  const after = (await ipc<{ policy: { version: number } }>(page, 'policy:get')).data!.policy.version
  expect(after).toBe(before + 1)

  await page.goto(`/#/customers/${id}`)
  await expect(page.getByTestId('tier-badge')).toHaveText(tr('zh', 'enum.tier.key'))
  const latest = page.getByTestId('tier-history').getByRole('listitem').first()
  await expect(latest).toContainText(`${tr('zh', 'enum.tier.mid')} → ${tr('zh', 'enum.tier.key')}`)
  // Revenue did not move; the sentence names the new threshold instead of "rose from 480万 to 480万".
  await expect(latest).toContainText('450万')
  await expect(latest).not.toContainText('增至')
  await expect(page.getByTestId('service-policy')).toBeVisible()
  await shoot(page, 'customer-tier-zh')
  await switchLanguage(page, 'Français')
  const latestFr = page.getByTestId('tier-history').getByRole('listitem').first()
  await expect(latestFr).toContainText(`${tr('fr', 'enum.tier.mid')} → ${tr('fr', 'enum.tier.key')}`)
  await expect(latestFr).toContainText('4,5')
  await shoot(page, 'customer-tier-fr')
})

test('a re-evaluation run can be started by hand and reports what it found', async ({ page }) => {
  await page.goto('/#/review')
  await switchLanguage(page, 'English')
  await page.getByTestId('review-run').click()
  await expect(page.getByTestId('review-open')).toBeVisible({ timeout: 30_000 })
  const latest = await ipc<{ status: string; items: unknown[] }>(page, 'reviews:get', {})
  expect(latest.ok).toBe(true)
  if (latest.data!.items.length === 0) {
    await expect(page.getByTestId('review-open')).toContainText(tr('en', 'review.nothingToMove'))
  } else {
    await expect(page.getByTestId('review-items')).toBeVisible()
  }
  await shoot(page, 'review-en')
  await switchLanguage(page, '中文')
  await shoot(page, 'review-zh')
  await switchLanguage(page, 'Français')
  await shoot(page, 'review-fr')
})

test('exchange rates come in from a CSV file; a bad line refuses the file and says where', async ({
  page,
}) => {
  await page.goto('/#/settings')
  await switchLanguage(page, 'Français')
  const input = page.getByTestId('rates-card').locator('input[type=file]')
  await input.setInputFiles({
    name: 'taux.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Devise;Date;Taux\nCHF;2026-01-01;"1,13"\nXXX;2026-01-01;2\n'),
  })
  await expect(page.getByTestId('rates-import-error')).toContainText('Ligne 3')
  await input.setInputFiles({
    name: 'taux.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('currency,date,usd_per_unit\nCHF,2026-01-01,1.13\nSGD,2026-01-01,0.74\n'),
  })
  await expect(page.getByTestId('rates-table')).toContainText('CHF')
  await expect(page.getByTestId('rates-table')).toContainText('SGD')
  // The refused file wrote nothing; the accepted one wrote each rate once (demo rates of 2020 may exist too).
  const rates = await ipc<{ rates: { currency: string; date: string }[] }>(page, 'rates:list')
  expect(rates.data!.rates.filter((r) => r.currency === 'CHF' && r.date === '2026-01-01')).toHaveLength(1)
  expect(rates.data!.rates.filter((r) => r.currency === 'XXX')).toHaveLength(0)
  await page.getByTestId('rates-card').screenshot({ path: '.reports/screens/rates-fr.png' })
})
