// Exports (D2) as a user meets them: the customer list's menu in French gives a `;` CSV of exactly
// the filtered rows and the visible columns, in Chinese an XLSX with typed amounts and dates; a
// group's orders and interactions (all, or two ticked rows) count what the customer pages hold;
// and the menu works from the keyboard.
import fs from 'node:fs'
import type { Download, Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { expect, ipc, test, tr, useLanguage } from './helpers'

// This file's harness starts empty: whichever test runs first loads the demo customers.
async function ensureDemo(page: Page) {
  await page.goto('/')
  const total = await ipc<{ total: number }>(page, 'customers:list', { limit: 1 })
  if (total.data!.total === 0) expect((await ipc(page, 'demo:load', { customers: 150 })).ok).toBe(true)
}

/** Opens the export menu, picks an item, and returns the file the browser downloaded. */
async function download(page: Page, item: string): Promise<{ file: Download; bytes: Buffer }> {
  await page.getByTestId('export-menu').click()
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()])
  return { file, bytes: fs.readFileSync(await file.path()) }
}

/** A CSV's rows after its BOM, which every export starts with. */
function csv(bytes: Buffer, delimiter: ',' | ';'): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return Papa.parse<string[]>(bytes.subarray(3).toString('utf8').trim(), { delimiter }).data
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  return book.worksheets[0]!
}

const cellsOf = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1)

/** The customer table's headers as shown. */
async function visibleHeaders(page: Page): Promise<string[]> {
  const th = page.getByTestId('customer-table').locator('[data-testid^="column-"]')
  return (await th.allInnerTexts()).map((s) => s.trim())
}

/** How many orders and interactions these customers hold, read from their own pages' channels. */
async function activity(page: Page, ids: string[]): Promise<{ orders: number; interactions: number }> {
  const counts = await Promise.all(
    ids.map(async (customerId) => ({
      orders: (await ipc<{ orders: unknown[] }>(page, 'orders:list', { customerId })).data!.orders.length,
      interactions: (await ipc<{ interactions: unknown[] }>(page, 'interactions:list', { customerId })).data!
        .interactions.length,
    })),
  )
  return counts.reduce((a, b) => ({
    orders: a.orders + b.orders,
    interactions: a.interactions + b.interactions,
  }))
}

test('customer list in French: the filtered rows and the visible columns as a `;` CSV with decimal commas', async ({
  page,
}) => {
  await ensureDemo(page)
  await page.goto('/#/customers')
  await useLanguage(page, 'fr')

  // Fewer columns: the name, the tier, the country, the owner and the last change.
  await page.getByTestId('column-chooser').click()
  for (const key of ['primaryContact', 'industry', 'city', 'businessType'])
    await page.getByTestId(`column-toggle-${key}`).uncheck()
  await page.keyboard.press('Escape')

  // One tier, chosen in the filter bar (folded behind "Filtres" on a narrow window).
  if (await page.getByTestId('filters-toggle').isVisible()) await page.getByTestId('filters-toggle').click()
  await page.getByTestId('filter-tier').click()
  await page.getByRole('option', { name: tr('fr', 'enum.tier.small'), exact: true }).click()
  await page.keyboard.press('Escape')
  const listed = await ipc<{ total: number; rows: { id: string }[] }>(page, 'customers:list', {
    tiers: ['small'],
    limit: 500,
  })
  const total = listed.data!.total
  expect(total).toBeGreaterThan(1)
  await expect(page.getByTestId('customer-count')).toContainText(String(total))
  const headers = await visibleHeaders(page)
  expect(headers).toEqual(
    ['customerName', 'tier', 'country', 'owner', 'updatedAt'].map((k) => tr('fr', `fields.${k}`)),
  )

  const customers = await download(page, 'export-csv')
  expect(customers.file.suggestedFilename()).toMatch(/\.csv$/)
  const text = customers.bytes.subarray(3).toString('utf8')
  expect(text.split(/\r?\n/)[0]).toBe(headers.join(';'))
  const rows = csv(customers.bytes, ';')
  expect(rows[0]).toEqual(headers)
  expect(rows).toHaveLength(total + 1)
  const tier = headers.indexOf(tr('fr', 'fields.tier'))
  expect(new Set(rows.slice(1).map((r) => r[tier]))).toEqual(new Set([tr('fr', 'enum.tier.small')]))
  // Dates as ISO days, which a French spreadsheet reads as dates.
  expect(rows[1]![headers.indexOf(tr('fr', 'fields.updatedAt'))]).toMatch(/^\d{4}-\d{2}-\d{2}$/)

  // The same list's orders: amounts and rates with a decimal comma, one row per order.
  const orders = csv((await download(page, 'export-orders-csv')).bytes, ';')
  const expected = await activity(
    page,
    listed.data!.rows.map((r) => r.id),
  )
  expect(orders).toHaveLength(expected.orders + 1)
  const numeric = [tr('fr', 'fields.amount'), tr('fr', 'exports.usdRate'), tr('fr', 'exports.usdAmount')].map(
    (h) => orders[0]!.indexOf(h),
  )
  expect(numeric).not.toContain(-1)
  const numbers = orders
    .slice(1)
    .flatMap((r) => numeric.map((i) => r[i]!))
    .filter((v) => v !== '')
  expect(numbers.every((v) => /^-?\d+(,\d+)?$/.test(v))).toBe(true)
  expect(numbers.some((v) => v.includes(','))).toBe(true)
})

test('customer list in Chinese: an XLSX with Chinese headers, typed dates, and orders with typed amounts', async ({
  page,
}) => {
  await ensureDemo(page)
  await page.goto('/#/customers')
  await useLanguage(page, 'zh')
  await expect(page.getByTestId('customer-row').first()).toBeVisible()
  const headers = await visibleHeaders(page)
  expect(headers).toContain(tr('zh', 'fields.customerName'))
  expect(headers).toContain(tr('zh', 'fields.updatedAt'))
  const total = (await ipc<{ total: number }>(page, 'customers:list', { limit: 1 })).data!.total

  const customers = await download(page, 'export-xlsx')
  expect(customers.file.suggestedFilename()).toMatch(/\.xlsx$/)
  const sheet = await workbook(customers.bytes)
  expect(cellsOf(sheet.getRow(1))).toEqual(headers)
  expect(sheet.rowCount).toBe(total + 1)
  const updated = headers.indexOf(tr('zh', 'fields.updatedAt')) + 1
  expect(sheet.getRow(2).getCell(updated).value).toBeInstanceOf(Date)

  const orders = await workbook((await download(page, 'export-orders-xlsx')).bytes)
  const head = cellsOf(orders.getRow(1))
  expect(head).toContain(tr('zh', 'fields.amount'))
  const amount = head.indexOf(tr('zh', 'fields.amount')) + 1
  const date = head.indexOf(tr('zh', 'fields.date')) + 1
  expect(orders.rowCount).toBeGreaterThan(1)
  for (let r = 2; r <= Math.min(orders.rowCount, 50); r++) {
    expect(orders.getRow(r).getCell(amount).type).toBe(ExcelJS.ValueType.Number)
    expect(orders.getRow(r).getCell(date).value).toBeInstanceOf(Date)
  }
})

test("a group's orders and interactions, all of them and of two ticked rows, count what the customers hold", async ({
  page,
}) => {
  await ensureDemo(page)
  await useLanguage(page, 'en')
  // A static group of six customers with orders, three of them with calls logged.
  const some = (await ipc<{ rows: { id: string }[] }>(page, 'customers:list', { limit: 40 })).data!.rows
  const members: string[] = []
  for (const { id } of some) {
    const o = await ipc<{ orders: unknown[] }>(page, 'orders:list', { customerId: id })
    if (o.data!.orders.length > 0) members.push(id)
    if (members.length === 6) break
  }
  expect(members).toHaveLength(6)
  for (const [i, customerId] of members.slice(0, 3).entries())
    for (let n = 0; n <= i; n++)
      expect(
        (
          await ipc(page, 'interactions:log', {
            customerId,
            interaction: { kind: 'call', date: `2026-10-0${n + 1}`, summary: `Follow-up ${n + 1}` },
          })
        ).ok,
      ).toBe(true)
  const group = await ipc<{ id: string }>(page, 'groups:save', {
    group: { kind: 'static', name: 'Export check' },
  })
  expect((await ipc(page, 'groups:addMembers', { groupId: group.data!.id, customerIds: members })).ok).toBe(
    true,
  )
  await page.goto(`/#/groups/g%3A${group.data!.id}`)
  await expect(page.getByTestId('group-title')).toHaveText('Export check')

  const all = await activity(page, members)
  expect(all.interactions).toBeGreaterThan(0)
  expect(csv((await download(page, 'export-orders-csv')).bytes, ',')).toHaveLength(all.orders + 1)
  const calls = await download(page, 'export-interactions-xlsx')
  expect(calls.file.suggestedFilename()).toMatch(/^tradetier-export-check-interactions-.*\.xlsx$/)
  expect((await workbook(calls.bytes)).rowCount).toBe(all.interactions + 1)

  // Two ticked rows: the export acts on those two only.
  const rows = page.getByTestId('member-row')
  await expect(rows).toHaveCount(6)
  const ticked: string[] = []
  for (const i of [0, 1]) {
    ticked.push((await rows.nth(i).getByRole('link').getAttribute('href'))!.split('/').pop()!)
    await rows.nth(i).getByTestId('member-checkbox').check()
  }
  await expect(page.getByTestId('export-menu')).toHaveText(
    tr('en', 'groups.scope.exportSelected').replace('{{n}}', '2'),
  )
  const two = await activity(page, ticked)
  expect((await workbook((await download(page, 'export-orders-xlsx')).bytes)).rowCount).toBe(two.orders + 1)
  expect(csv((await download(page, 'export-interactions-csv')).bytes, ',')).toHaveLength(two.interactions + 1)
})

test('the export menu opens and an item is chosen with the keyboard', async ({ page }) => {
  await ensureDemo(page)
  await page.goto('/#/customers')
  await useLanguage(page, 'en')
  await expect(page.getByTestId('customer-row').first()).toBeVisible()
  const button = page.getByTestId('export-menu')
  await button.focus()
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu')
  await expect(menu).toBeVisible()
  const axe = await new AxeBuilder({ page }).include('[role="menu"]').analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([])
  // Each section is a group named for a screen reader, so "Excel (.xlsx)" says what it exports.
  for (const key of ['customersSection', 'ordersSection', 'interactionsSection'])
    await expect(
      menu.getByRole('group', { name: tr('en', `exports.${key}`) }).getByRole('menuitem'),
    ).toHaveCount(2)
  // Escape closes it and gives the focus back to the button.
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(button).toBeFocused()

  await page.keyboard.press('Enter')
  await expect(menu).toBeVisible()
  const target = page.getByTestId('export-orders-csv')
  for (let i = 0; i < 8 && !(await target.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown')
  await expect(target).toBeFocused()
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
  expect(file.suggestedFilename()).toMatch(/^tradetier-customers-orders-.*\.csv$/)
  await expect(menu).toBeHidden()
})
