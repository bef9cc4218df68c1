import fs from 'node:fs'
import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { customerTotal, expect, ipc, switchLanguage, test, tr, useLanguage } from './helpers'

/**
 * The UI language as the settings store it, then the screen reloaded in it. For tests about the
 * groups screens rather than the language switcher (its own specs drive it), this does not race
 * the switcher's dropdown while a screen is still loading.
 */
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
  await useLanguage(page, 'en')

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
  expect(text.startsWith(`\uFEFF${tr('en', 'fields.customerName')},`)).toBe(true)
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

type Clipboard = { navigator: { clipboard: { readText(): Promise<string> } } }
async function expectNoSeriousAxe(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([])
}

const readClipboard = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as Clipboard).navigator.clipboard.readText())

test('with two rows ticked, copy, export and the button labels act on those two only', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await ensureDemo(page)
  await page.goto('/#/groups/b%3Atier%3Asmall')
  await useLanguage(page, 'en')
  const total = (
    await ipc<{ count: number }>(page, 'groups:figures', {
      selection: { kind: 'builtin', grouping: 'tier', value: 'small' },
    })
  ).data!.count
  const n = (x: number) => new Intl.NumberFormat('en-US').format(x)
  await expect(page.getByTestId('export-menu')).toHaveText(
    tr('en', 'groups.scope.exportAll').replace('{{n}}', n(total)),
  )

  // Two customers with an email each, ticked.
  const rows = page.getByTestId('member-row')
  await expect(rows.first()).toBeVisible()
  const ids: string[] = []
  for (let i = 0; ids.length < 2; i++) {
    const href = await rows.nth(i).getByRole('link').getAttribute('href')
    const id = href!.split('/').pop()!
    const mail = await ipc<{ emails: string[] }>(page, 'groups:emails', {
      selection: { kind: 'all' },
      customerIds: [id],
    })
    if (mail.data!.emails.length !== 1) continue
    ids.push(id)
    await rows.nth(i).getByTestId('member-checkbox').check()
  }
  await expect(page.getByTestId('export-menu')).toHaveText(
    tr('en', 'groups.scope.exportSelected').replace('{{n}}', '2'),
  )
  await expect(page.getByTestId('copy-emails')).toHaveText(
    tr('en', 'groups.scope.copySelected').replace('{{n}}', '2'),
  )
  await expect(page.getByTestId('mail-draft')).toHaveText(
    tr('en', 'groups.scope.mailSelected').replace('{{n}}', '2'),
  )

  const expected = (
    await ipc<{ emails: string[] }>(page, 'groups:emails', { selection: { kind: 'all' }, customerIds: ids })
  ).data!.emails.sort()
  expect(expected).toHaveLength(2)
  await page.getByTestId('copy-emails').click()
  await expect(page.getByText(/2 emails copied/)).toBeVisible()
  expect((await readClipboard(page)).split(', ').sort()).toEqual(expected)

  // CSV: a header and exactly the two ticked customers, headers and tiers in words.
  await page.getByTestId('export-menu').click()
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  const parsed = Papa.parse<Record<string, string>>(
    fs
      .readFileSync(await csv.path(), 'utf8')
      .slice(1)
      .trim(),
    {
      header: true,
    },
  ).data
  expect(parsed).toHaveLength(2)
  expect(parsed.map((r) => r[tr('en', 'fields.email')]).sort()).toEqual(expected)
  expect(parsed.map((r) => r[tr('en', 'fields.tier')])).toEqual([
    tr('en', 'enum.tier.small'),
    tr('en', 'enum.tier.small'),
  ])

  // XLSX, read back: the same two rows, the amount a number.
  await page.getByTestId('export-menu').click()
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()])
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(await xlsx.path())
  const sheet = book.worksheets[0]!
  expect(sheet.rowCount).toBe(3)
  const header = (sheet.getRow(1).values as unknown[]).slice(1)
  const revenue = header.indexOf(tr('en', 'groups.fields.revenue_usd')) + 1
  expect(sheet.getRow(2).getCell(revenue).type).toBe(ExcelJS.ValueType.Number)

  // Unticked again, the labels say "all" and the clipboard gets every email of the bucket.
  for (const box of await page.getByTestId('member-checkbox').all())
    if (await box.isChecked()) await box.uncheck()
  await expect(page.getByTestId('copy-emails')).toHaveText(
    tr('en', 'groups.scope.copyAll').replace('{{n}}', n(total)),
  )
  const all = (
    await ipc<{ emails: string[] }>(page, 'groups:emails', {
      selection: { kind: 'builtin', grouping: 'tier', value: 'small' },
    })
  ).data!.emails
  await page.getByTestId('copy-emails').click()
  await expect.poll(async () => (await readClipboard(page)).split(', ').length).toBe(all.length)
  expect(all.length).toBeGreaterThan(2)

  // A ticked customer deleted meanwhile: main refuses, the window says why and clears the ticks.
  await page.getByTestId('member-checkbox').first().check()
  await expect(page.getByTestId('copy-emails')).toHaveText(
    tr('en', 'groups.scope.copySelected').replace('{{n}}', '1'),
  )
  const gone = (await page.getByTestId('member-row').first().getByRole('link').getAttribute('href'))!
    .split('/')
    .pop()!
  expect((await ipc(page, 'customers:delete', { id: gone })).ok).toBe(true)
  await page.getByTestId('copy-emails').click()
  await expect(page.getByTestId('error-alert')).toContainText(tr('en', 'errors.not_in_selection'))
  await expect(page.getByTestId('copy-emails')).toHaveText(
    tr('en', 'groups.scope.copyAll').replace('{{n}}', n(total - 1)),
  )
})

test('an empty static group says how to fill it, and a customer page adds to it', async ({ page }) => {
  await ensureDemo(page)
  await page.goto('/#/groups')
  await useLanguage(page, 'zh')
  await page.getByTestId('static-groups').getByRole('button').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText(tr('zh', 'groups.newStaticBody'))
  // Saving with no name names the field as the form labels it.
  await dialog.getByRole('button', { name: tr('zh', 'common.save') }).click()
  await expect(dialog.getByTestId('error-alert')).toContainText(tr('zh', 'groups.name'))
  await expect(dialog.getByTestId('error-alert')).not.toContainText('fields.')
  await dialog.getByTestId('static-group-name').fill('广交会 2027')
  await dialog.getByRole('button', { name: tr('zh', 'common.save') }).click()
  await expect(page.getByTestId('group-title')).toHaveText('广交会 2027')
  await expect(page.getByTestId('group-empty')).toContainText(tr('zh', 'groups.empty.staticTitle'))
  await expect(page.getByTestId('group-empty')).toContainText(tr('zh', 'groups.empty.staticBody'))
  await expect(page.getByTestId('export-menu')).toBeDisabled()
  await expect(page.getByTestId('copy-emails')).toBeDisabled()
  await expect(page.getByTestId('mail-draft')).toBeDisabled()
  await shoot(page, 'group-empty-zh')
  await expectNoSeriousAxe(page)

  // From a customer's page, "加入分组" puts them in it.
  const first = await ipc<{ rows: { id: string }[] }>(page, 'customers:list', { limit: 1 })
  await page.goto(`/#/customers/${first.data!.rows[0]!.id}`)
  await page.getByTestId('add-to-group').click()
  await page.getByRole('menuitem', { name: '广交会 2027' }).click()
  await expect(
    page.getByText(tr('zh', 'groups.addTo.added').replace('{{name}}', '广交会 2027')),
  ).toBeVisible()
  const groups = await ipc<{ groups: { name: string; count: number }[] }>(page, 'groups:list', {})
  expect(groups.data!.groups.find((g) => g.name === '广交会 2027')?.count).toBe(1)

  // A link to a grouping shows that grouping (not the one picked before), regions by their zh name.
  await page.goto('/#/groups/grouping%3Atier')
  await expect(page.getByTestId('grouping-select')).toHaveValue(tr('zh', 'groups.grouping.tier'))
  await page.goto('/#/groups/grouping%3Aregion')
  await expect(page.getByTestId('grouping-select')).toHaveValue(tr('zh', 'groups.grouping.region'))
  await expect(page.getByTestId('buckets')).toContainText(tr('zh', 'groups.regionName.western_asia'))
  await expect(page.getByTestId('buckets')).not.toContainText('Western Asia')
})

test('the rule builder names fields in words and countries by name', async ({ page }) => {
  await ensureDemo(page)
  await page.goto('/#/groups')
  for (const lang of ['zh', 'fr', 'en'] as const) {
    await useLanguage(page, lang)
    await page.getByTestId('smart-groups').getByRole('button').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByTestId('save-group').click()
    const alert = dialog.getByTestId('error-alert')
    await expect(alert).toContainText(tr(lang, 'groups.name'))
    await expect(alert).toContainText(tr(lang, 'groups.fields.tier'))
    expect(await alert.innerText()).not.toMatch(/\b(fields|groups|validation)\.[a-z]/)
    await expectNoSeriousAxe(page)
    // Country chips read as names in the UI language.
    await dialog.getByTestId('condition-field').click()
    await pickOption(page, tr(lang, 'groups.fields.country'))
    await dialog.getByTestId('condition-values').click()
    const malaysia = { zh: '马来西亚', fr: 'Malaisie', en: 'Malaysia' }[lang]
    await page.keyboard.type(malaysia)
    await pickOption(page, malaysia)
    await page.keyboard.press('Escape')
    await expect(dialog.getByTestId('conditions')).toContainText(malaysia)
    await expect(dialog.getByTestId('conditions')).not.toContainText(/\bMY\b/)
    // "No contact for N days" says that never contacted counts.
    await dialog.getByTestId('condition-field').click()
    await pickOption(page, tr(lang, 'groups.fields.days_since_contact'))
    await expect(dialog.getByTestId('condition-help')).toHaveText(tr(lang, 'groups.rules.contactNever'))
    await shoot(page, `rule-builder-errors-${lang}`)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
  }
})

test('the dashboard shows tiers, movements, risks and geography in zh, fr and en', async ({ page }) => {
  await ensureDemo(page)
  await page.goto('/#/dashboard')
  // The screen settles first: focus moving to its heading once loaded would close the switcher.
  await expect(page.getByTestId('dashboard')).toBeVisible()
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
