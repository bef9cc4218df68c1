import fs from 'node:fs'
import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { customerTotal, expect, ipc, switchLanguage, test, tr } from './helpers'

// This file's harness starts empty: the first test to run loads the demo customers, the other one
// reuses them (or loads them itself when run alone).
async function ensureDemo(page: Page) {
  await page.goto('/')
  if ((await customerTotal(page)) < 100) {
    const res = await ipc(page, 'demo:load', { customers: 500 })
    expect(res.ok).toBe(true)
  }
}

async function shoot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: `.reports/screens/${name}.png`, fullPage })
}

async function pickOption(page: Page, name: string) {
  await page.getByRole('option', { name, exact: true }).click()
}

test('built-in grouping, a smart group built from rules, exported, emailed and tagged in bulk', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await ensureDemo(page)
  await page.goto('/#/groups')
  await switchLanguage(page, 'English')

  // G1: the tier grouping's buckets, and one opened.
  const key = page.getByTestId('bucket').filter({ hasText: tr('en', 'enum.tier.key') })
  await expect(key).toBeVisible()
  await key.click()
  await expect(page.getByTestId('group-view')).toBeVisible()
  const keyCount = (
    await ipc<{ count: number }>(page, 'groups:figures', {
      selection: { kind: 'builtin', grouping: 'tier', value: 'key' },
    })
  ).data!.count
  await expect(page.getByTestId('figure-count')).toHaveText(String(keyCount))

  // G2: a smart group "Key or Mid, in Asia".
  await page.getByTestId('smart-groups').getByRole('button').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('group-name').fill('Key and Mid in Asia')
  await dialog.getByTestId('condition-values').first().click()
  await pickOption(page, tr('en', 'enum.tier.key'))
  await pickOption(page, tr('en', 'enum.tier.mid'))
  await page.keyboard.press('Escape')
  await dialog.getByTestId('add-condition').click()
  await dialog.getByTestId('condition-field').nth(1).click()
  await pickOption(page, tr('en', 'groups.fields.continent'))
  await dialog.getByTestId('condition-values').nth(1).click()
  await pickOption(page, tr('en', 'enum.continent.AS'))
  await page.keyboard.press('Escape')
  const rules = {
    match: 'all',
    conditions: [
      { field: 'tier', op: 'in', values: ['key', 'mid'] },
      { field: 'continent', op: 'in', values: ['AS'] },
    ],
  }
  const expected = (
    await ipc<{ count: number }>(page, 'groups:figures', { selection: { kind: 'rules', rules } })
  ).data!.count
  await expect(dialog.getByTestId('rule-count')).toContainText(String(expected))
  await shoot(page, 'rule-builder-en')
  await dialog.getByTestId('save-group').click()
  await expect(page.getByTestId('group-title')).toHaveText('Key and Mid in Asia')
  await expect(page.getByTestId('figure-count')).toHaveText(String(expected))
  await expect(page.getByTestId('saved-group').filter({ hasText: 'Key and Mid in Asia' })).toBeVisible()

  // G4: export as CSV and XLSX.
  await page.getByTestId('export-menu').click()
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  expect(csv.suggestedFilename()).toMatch(/^tradetier-key-and-mid-in-asia-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = fs.readFileSync(await csv.path(), 'utf8')
  expect(text.startsWith('\uFEFFName,')).toBe(true)
  expect(text.trim().split('\n')).toHaveLength(expected + 1)
  await page.getByTestId('export-menu').click()
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()])
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/)
  expect(fs.statSync(await xlsx.path()).size).toBeGreaterThan(1000)

  // Campaign emails to the clipboard.
  await page.getByTestId('copy-emails').click()
  await expect(page.getByText(/emails? copied/)).toBeVisible()
  type Clipboard = { navigator: { clipboard: { readText(): Promise<string> } } }
  const clip = await page.evaluate(() => (globalThis as unknown as Clipboard).navigator.clipboard.readText())
  expect(clip).toContain('@')

  // Bulk tag on two picked customers.
  const rows = page.getByTestId('member-row')
  await expect(rows.first()).toBeVisible()
  const ids: string[] = []
  for (const i of [0, 1]) {
    const href = await rows.nth(i).getByRole('link').getAttribute('href')
    ids.push(href!.split('/').pop()!)
    await rows.nth(i).getByTestId('member-checkbox').check()
  }
  await expect(page.getByTestId('selected-count')).toContainText('2')
  await page.getByTestId('bulk-tag').click()
  await page.getByTestId('bulk-tag-input').fill('Canton Fair 2027')
  await page.getByTestId('bulk-tag-apply').click()
  await expect(page.getByText(/2 customers updated/)).toBeVisible()
  for (const id of ids) {
    const c = await ipc<{ customer: { tags: string[] } }>(page, 'customers:get', { id })
    expect(c.data!.customer.tags).toContain('Canton Fair 2027')
  }
  await shoot(page, 'groups-en')

  const axe = await new AxeBuilder({ page }).analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([])

  for (const [lang, label] of [
    ['fr', 'Français'],
    ['zh', '中文'],
  ] as const) {
    await switchLanguage(page, label)
    await expect(page.getByTestId('bucket').first()).toBeVisible()
    await shoot(page, `groups-${lang}`)
  }
})

test('the dashboard shows tiers, movements, risks and geography in zh, fr and en', async ({ page }) => {
  await ensureDemo(page)
  await page.goto('/#/dashboard')
  for (const [lang, label] of [
    ['zh', '中文'],
    ['fr', 'Français'],
    ['en', 'English'],
  ] as const) {
    await switchLanguage(page, label)
    await expect(page.getByTestId('dashboard')).toBeVisible()
    await expect(page.getByTestId('dashboard-at-risk')).toBeVisible()
    await expect(page.getByText(tr(lang, 'dashboard.tierDistribution'))).toBeVisible()
    await page.waitForTimeout(500) // let the charts finish their entry animation
    await shoot(page, `dashboard-${lang}`, true)
  }
  const d = await ipc<{ customers: number; tiers: { count: number }[] }>(page, 'dashboard:get')
  expect(d.data!.tiers.reduce((n, t) => n + t.count, 0)).toBe(d.data!.customers)
  const axe = await new AxeBuilder({ page }).analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([])
})
