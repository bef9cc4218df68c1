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
  // CSS transitions only (they have a transitionProperty); spinners animate forever. The test code
  // is compiled without the DOM library, hence the narrow type of what it reads.
  type Doc = { getAnimations(): { playState: string }[] }
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: Doc }).document
      .getAnimations()
      .every((a) => !('transitionProperty' in a) || a.playState !== 'running'),
  )
}

/** Chooses the UI language as a returning user would have it: stored, then the app reloaded. */
async function useLanguage(page: Page, lang: Lang) {
  await ipc(page, 'settings:set', { language: lang })
  await page.reload()
}

/** Customers with orders, contacts and tiers, loaded once per harness. */
async function withDemo(page: Page) {
  await page.goto('/')
  const info = await ipc<{ count: number }>(page, 'customers:count')
  if (info.data!.count === 0) expect((await ipc(page, 'demo:load', { customers: 60 })).ok).toBe(true)
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
    await useLanguage(page, lang)
    const info = await ipc<{ count: number }>(page, 'customers:count')
    const found: Record<string, string[]> = {}
    const check = async (where: string) => {
      await page.waitForLoadState('networkidle')
      await settled(page)
      const violations = await seriousViolations(page)
      if (violations.length > 0) found[where] = violations
    }
    if (info.data!.count === 0) {
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

    // A saved (static, empty) group: its empty state, and the confirmation before deleting it.
    const group = await ipc<{ id: string }>(page, 'groups:save', {
      group: { kind: 'static', name: `Axe ${lang}` },
    })
    await page.goto(`/#/groups/${encodeURIComponent(`g:${group.data!.id}`)}`)
    await expect(page.getByTestId('group-view')).toBeVisible()
    await check('saved static group, empty')
    await openDialog(page, page.getByTestId('delete-group'))
    await check('delete group confirmation')
    await closeDialog(page)

    await page.goto('/#/settings')
    await expect(page.getByTestId('policy-screen')).toBeVisible()
    await check('policy')

    await page.goto('/#/review')
    await expect(page.getByTestId('review-screen')).toBeVisible()
    await check('review')

    await page.goto('/#/team')
    await expect(page.getByTestId('team-create')).toBeVisible()
    await check('team sync, no team yet')
    await page.getByTestId('team-join-submit').click()
    await expect(
      page.getByTestId('team-join').getByText(tr(lang, 'validation.required')).first(),
    ).toBeVisible()
    await check('team sync, join with errors')

    expect(found).toEqual({})
  })
}

/** Presses Tab (or Shift+Tab) until `locator` has focus (at most `limit` times); fails if it never does. */
async function tabTo(page: Page, locator: Locator, limit = 40, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < limit; i++) {
    if (await locator.evaluate((el) => (el as unknown as { matches(s: string): boolean }).matches(':focus')))
      return
    await page.keyboard.press(key)
  }
  await expect(locator).toBeFocused()
}

test.describe('keyboard only', () => {
  test('a skip link leads to the page heading, and navigating moves focus there and names the window', async ({
    page,
  }) => {
    await withDemo(page)
    await useLanguage(page, 'fr')
    // A fresh window on the list: the first Tab of a new page reaches the skip link. Reached by a
    // hash change instead (after the landing moved to Today), focus would already be on the
    // list's heading, as a navigation leaves it.
    await page.goto('/#/customers')
    await page.reload()
    const heading = page.getByRole('heading', { name: tr('fr', 'customers.title'), exact: true })
    await expect(heading).toBeVisible()
    await expect(page).toHaveTitle(`${tr('fr', 'customers.title')} — TradeTier`)
    await page.keyboard.press('Tab')
    await expect(page.getByTestId('skip-link')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(heading).toBeFocused()

    // A menu entry (before the content: Shift+Tab), chosen by keyboard: focus lands on the new
    // screen's heading.
    await tabTo(page, page.getByRole('link', { name: tr('fr', 'nav.dashboard') }), 40, 'Shift+Tab')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: tr('fr', 'dashboard.title') })).toBeFocused()
    await expect(page).toHaveTitle(`${tr('fr', 'nav.dashboard')} — TradeTier`)
  })

  test('create a customer with Tab and Enter, then open one from the list', async ({ page }) => {
    await withDemo(page)
    await useLanguage(page, 'zh')
    await page.goto('/#/customers')
    await expect(page.getByTestId('customer-row').first()).toBeVisible()
    await tabTo(page, page.getByTestId('new-customer'))
    await page.keyboard.press('Enter')
    // The dialog opens on its first field.
    await expect(page.getByTestId('field-displayName')).toBeFocused()
    await page.keyboard.type('键盘贸易有限公司')
    await tabTo(page, page.getByTestId('field-country'))
    // As a Chinese input method commits it: the whole word in one input event, then Enter at once.
    // Mantine forgot the option it had highlighted for such a word, and Enter sent the form.
    await page.keyboard.insertText('法国')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('field-country')).toHaveValue('法国')
    await tabTo(page, page.getByTestId('save-customer'))
    await page.keyboard.press('Enter')
    // Saved: the new customer's page, with focus on its name and the window named after it.
    const title = page.getByTestId('customer-title')
    await expect(title).toHaveText('键盘贸易有限公司')
    await expect(title).toBeFocused()
    await expect(page).toHaveTitle('键盘贸易有限公司 — TradeTier')

    // Back to the list, and into a customer by keyboard alone.
    await page.goto('/#/customers')
    const firstLink = page.getByTestId('customer-row').first().locator('a').first()
    await expect(firstLink).toBeVisible()
    const name = await firstLink.innerText()
    await tabTo(page, firstLink, 60)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('customer-title')).toHaveText(name)
    await expect(page.getByTestId('customer-title')).toBeFocused()
  })

  test('Ctrl+K finds a customer, arrows and Enter open it, Escape closes dialogs and focus returns', async ({
    page,
  }) => {
    await withDemo(page)
    await useLanguage(page, 'fr')
    await page.goto('/#/customers')
    const link = page.getByTestId('customer-row').first().locator('a')
    await expect(link).toBeVisible()
    const first = await link.innerText()

    await page.keyboard.press('Control+K')
    const input = page.getByTestId('search-input')
    await expect(input).toBeFocused()
    // One letter: many customers match. `fill` types it at once, so one answer comes back.
    await input.fill(first.slice(0, 1))
    const hits = page.getByTestId('search-hit')
    await expect(hits.nth(1)).toBeVisible()
    // The count is announced in a status region.
    await expect(page.getByTestId('search-status')).toHaveText(/\d/)
    await expect(hits.first()).toHaveAttribute('aria-selected', 'true')
    // ArrowDown moves the highlight (a visible outline, not a faint tint) to the next result.
    await page.keyboard.press('ArrowDown')
    await expect(hits.nth(1)).toHaveAttribute('aria-selected', 'true')
    await expect(hits.nth(1)).toHaveCSS('outline-style', 'solid')
    await expect(hits.first()).toHaveAttribute('aria-selected', 'false')
    await page.keyboard.press('ArrowUp')
    await expect(hits.first()).toHaveAttribute('aria-selected', 'true')
    const chosen = (await hits.first().locator('p').first().innerText()).split(' · ')[0]!.trim()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('customer-title')).toHaveText(chosen)
    await expect(page.getByTestId('customer-title')).toBeFocused()

    // Escape closes each dialog, and focus goes back to the button that opened it.
    for (const opener of ['add-order', 'log-interaction', 'add-feedback', 'add-contact']) {
      const button = page.getByTestId(opener).first()
      await button.focus()
      await page.keyboard.press('Enter')
      await expect(page.getByRole('dialog')).toBeVisible()
      // The dialog starts on its first field, not on its close button.
      await expect(page.getByRole('dialog').locator('input:focus, textarea:focus')).toHaveCount(1)
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog')).toHaveCount(0)
      await expect(button).toBeFocused()
    }
    // A delete confirmation starts on Cancel: Enter at once deletes nothing.
    const del = page.getByTestId('delete-customer')
    await del.focus()
    await page.keyboard.press('Enter')
    await expect(
      page.getByRole('dialog').getByRole('button', { name: tr('fr', 'common.cancel') }),
    ).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(del).toBeFocused()
  })

  test('the rule builder gives focus back to its opener on Escape', async ({ page }) => {
    await withDemo(page)
    await useLanguage(page, 'zh')
    await page.goto('/#/groups')
    const opener = page.getByRole('button', { name: tr('zh', 'groups.newSmart') }).first()
    await opener.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('dialog')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(opener).toBeFocused()
  })
})

test.describe('narrow window (640 px, or 1280 px at 200 % zoom)', () => {
  test.use({ viewport: { width: 640, height: 720 } })

  test('the navbar opens from the burger, closes on navigation, and nothing is cut off', async ({ page }) => {
    await withDemo(page)
    await useLanguage(page, 'fr')
    await page.goto('/#/customers')
    await expect(page.getByTestId('customer-row').first()).toBeVisible()
    const nav = page.getByRole('navigation', { name: tr('fr', 'nav.label') })
    await expect(nav).not.toBeInViewport()
    const burger = page.getByTestId('nav-burger')
    await expect(burger).toHaveAccessibleName(tr('fr', 'layout.openNav'))
    await burger.click()
    await expect(nav).toBeInViewport()
    await expect(burger).toHaveAttribute('aria-expanded', 'true')
    await expect(burger).toHaveAccessibleName(tr('fr', 'layout.closeNav'))
    await settled(page)
    expect(await seriousViolations(page)).toEqual([])
    await nav.getByRole('link', { name: tr('fr', 'nav.review') }).click()
    await expect(page.getByTestId('review-screen')).toBeVisible()
    await expect(nav).not.toBeInViewport()
    // No screen scrolls sideways.
    for (const hash of ['#/customers', '#/dashboard', '#/groups', '#/settings', '#/review']) {
      await page.goto(`/${hash}`)
      await page.waitForLoadState('networkidle')
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')
      expect(overflow, hash).toBeLessThanOrEqual(0)
    }
  })
})

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } })

  test('the folded filters, the column chooser and the list search have no serious or critical violations', async ({
    page,
  }) => {
    await withDemo(page)
    await useLanguage(page, 'zh')
    await page.goto('/#/customers')
    await expect(page.getByTestId('customer-row').first()).toBeVisible()
    await page.getByTestId('filters-toggle').click()
    await expect(page.getByTestId('filter-tier')).toBeVisible()
    await page.getByTestId('list-search').fill('a')
    await expect(page.getByTestId('list-search-clear')).toBeVisible()
    await page.waitForLoadState('networkidle')
    await settled(page)
    expect(await seriousViolations(page)).toEqual([])
    await page.getByTestId('column-chooser').click()
    await expect(page.getByTestId('column-toggle-owner')).toBeVisible()
    await settled(page)
    expect(await seriousViolations(page)).toEqual([])
  })
})
