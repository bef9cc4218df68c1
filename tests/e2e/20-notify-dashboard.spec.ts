import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { expect, ipc, test, tr, useLanguage, fill, type Lang } from './helpers'

// Issue 12 §2, §5 and A1 through the harness, in Chinese, French and English: `#/` stays on the
// customer list while there are no customers and opens Today once there are; a group view's bulk
// "Create reminder…" makes one reminder per member (or per ticked row); those falling due today
// raise the harness's in-app notice (the desktop notification's stand-in) linking to the
// customer; the dashboard counts due work per owner and lists the coming holidays with the
// customers each touches. This file's harness starts empty.

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const

/** A plural string as the app picks it for `count` (zh has only `_other`). */
const plural = (lang: Lang, key: string, count: number) =>
  fill(tr(lang, `${key}_${count === 1 && lang !== 'zh' ? 'one' : 'other'}`), { count, n: count })

async function shoot(page: Page, name: string) {
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size)
    await page.screenshot({ path: `.reports/screens/${name}-${size.width}x${size.height}.png` })
  }
  await page.setViewportSize(VIEWPORTS[0])
}

async function customer(page: Page, name: string, country: string, owner: string) {
  const res = await ipc<{ id: string }>(page, 'customers:create', {
    customer: { displayName: name, country, owner },
    allowDuplicates: true,
  })
  expect(res.ok).toBe(true)
  return res.data!.id
}

test.describe.configure({ mode: 'serial' })

test('the start address stays on the customer list while empty, then opens Today', async ({ page }) => {
  await page.goto('/')
  await useLanguage(page, 'en')
  await expect(page.getByTestId('empty-state')).toBeVisible()
  await expect(page).not.toHaveURL(/#\/today/)
  await customer(page, 'First Light Trading', 'GB', 'Anne')
  await page.goto('/')
  await expect(page).toHaveURL(/#\/today$/)
  await expect(page.getByRole('heading', { level: 1, name: tr('en', 'today.title') })).toBeVisible()
  // An address naming a screen is left alone.
  await page.goto('/#/customers')
  await expect(page.getByRole('heading', { name: tr('en', 'customers.title'), exact: true })).toBeVisible()
})

const NAMES: Record<Lang, [string, string, string]> = {
  zh: ['广州美嘉家具有限公司', '深圳光明照明有限公司', '宁波海运贸易公司'],
  fr: ['Maison Lefèvre', 'Vins Durand', 'Atelier Mercier'],
  en: ['Brightline Lighting', 'Harbour Foods', 'Northwind Traders'],
}

for (const lang of ['zh', 'fr', 'en'] as const) {
  test(`${lang}: a reminder for a group in bulk, its due notice, the dashboard's work cards`, async ({
    page,
  }) => {
    await page.goto('/#/customers')
    const ids = [
      await customer(page, NAMES[lang][0], lang === 'zh' ? 'CN' : 'FR', `Owner ${lang}`),
      await customer(page, NAMES[lang][1], 'DE', `Owner ${lang}`),
      await customer(page, NAMES[lang][2], 'US', `Owner ${lang}`),
    ]
    const group = await ipc<{ id: string }>(page, 'groups:save', {
      group: { kind: 'static', name: `Leads ${lang}` },
    })
    expect(group.ok).toBe(true)
    expect((await ipc(page, 'groups:addMembers', { groupId: group.data!.id, customerIds: ids })).ok).toBe(
      true,
    )
    await useLanguage(page, lang)
    await page.goto(`/#/groups/g:${group.data!.id}`)
    await expect(page.getByTestId('member-row')).toHaveCount(3)

    // French acts on one ticked row; Chinese and English on every member.
    const ticked = lang === 'fr'
    if (ticked) await page.getByTestId('member-checkbox').first().check()
    const n = ticked ? 1 : 3
    const action = page.getByTestId('bulk-reminder')
    await expect(action).toHaveText(
      fill(tr(lang, ticked ? 'notify.bulk.selected' : 'notify.bulk.all'), { n }),
    )
    await action.click()
    const dialog = page.getByTestId('bulk-reminder-dialog')
    await expect(dialog.getByRole('heading')).toHaveText(plural(lang, 'notify.bulk.title', n))
    // The assignee first: its suggestions close when the note takes the focus.
    await dialog.getByTestId('bulk-reminder-assignee').fill(`Owner ${lang}`)
    await dialog.getByTestId('bulk-reminder-note').fill(lang === 'zh' ? '寄送广交会目录' : 'Catalogue')
    expect(
      // WCAG rules: Mantine's modal header is a <header>, which axe's best-practice rules count as a
      // second banner.
      (
        await new AxeBuilder({ page })
          .include('[data-testid="bulk-reminder-dialog"]')
          .withTags(['wcag2a', 'wcag2aa'])
          .analyze()
      ).violations,
    ).toEqual([])
    await shoot(page, `notify-bulk-dialog-${lang}`)

    // A note too long is refused in the form, the field named in the language; nothing is written.
    const note = dialog.getByTestId('bulk-reminder-note')
    await note.fill('x'.repeat(2001))
    await dialog.getByTestId('save-bulk-reminder').click()
    await expect(
      dialog.getByRole('alert').filter({ hasText: tr(lang, 'calendarui.field.note') }),
    ).toBeVisible()
    expect(
      (await ipc<{ reminders: unknown[] }>(page, 'reminders:list', { customerId: ids[0] })).data!.reminders,
    ).toHaveLength(0)
    await note.fill(lang === 'zh' ? '寄送广交会目录' : 'Catalogue')
    await dialog.getByTestId('save-bulk-reminder').click()
    await expect(page.getByText(plural(lang, 'notify.bulk.created', n))).toBeVisible()
    await expect(dialog).toBeHidden()
    const made = await Promise.all(
      ids.map(
        async (id) =>
          (await ipc<{ reminders: unknown[] }>(page, 'reminders:list', { customerId: id })).data!.reminders
            .length,
      ),
    )
    expect(made.reduce((a, b) => a + b, 0)).toBe(n)

    // The reminders are due today: the harness's in-app notice names them, linked to the customer.
    const notice = page.getByTestId('due-notice').last()
    await expect(notice).toBeVisible({ timeout: 15_000 })
    await expect(notice).toContainText(tr(lang, 'notify.notice.label'))
    const kind = tr(lang, 'calendar.reminderKind.follow_up')
    const items = notice.getByTestId('due-notice-item')
    await expect(items).toHaveCount(n)
    await expect(items.first()).toContainText(kind)
    await expect(items.first()).toContainText(tr(lang, 'notify.desktop.dueToday'))
    await shoot(page, `notify-notice-${lang}`)
    const first = items.first().getByRole('link')
    const name = (await first.textContent())!.split(' — ').at(-1)!
    await first.click()
    await expect(page).toHaveURL(/#\/customers\/[\w-]+$/)
    await expect(
      page.getByRole('heading', { level: 2, name }).or(page.getByRole('heading', { level: 1, name })),
    ).toBeVisible()
    await expect(page.getByTestId('due-notice')).toHaveCount(0)

    // The dashboard: due work per owner (these reminders are due today) and the coming holidays.
    await page.goto('/#/dashboard')
    const due = page.getByTestId('dashboard-due')
    await expect(due).toContainText(tr(lang, 'notify.dashboard.dueTitle'))
    const view = (
      await ipc<{ owners: { owner: string | null; due: number; overdue: number }[]; holidays: unknown[] }>(
        page,
        'today:get',
        { lang },
      )
    ).data!
    const mine = view.owners.find((o) => o.owner === `Owner ${lang}`)!
    expect(mine.due).toBeGreaterThanOrEqual(n)
    await expect(due.getByTestId('dashboard-due-row').filter({ hasText: `Owner ${lang}` })).toContainText(
      String(mine.due),
    )
    const holidays = page.getByTestId('dashboard-holidays')
    await expect(holidays).toContainText(tr(lang, 'notify.dashboard.holidaysTitle'))
    if (view.holidays.length > 0)
      await expect(holidays.getByTestId('dashboard-holiday-row')).toHaveCount(
        Math.min(8, view.holidays.length),
      )
    else await expect(holidays).toContainText(tr(lang, 'notify.dashboard.noHolidays'))
    expect(
      (
        await new AxeBuilder({ page })
          .include('[data-testid="dashboard-due"]')
          .include('[data-testid="dashboard-holidays"]')
          .analyze()
      ).violations,
    ).toEqual([])
    // The shot without the confirmation toast of the group view, which closes by itself once the
    // pointer is off it (a hovered notification stays).
    await page.mouse.move(0, 0)
    await expect(page.getByText(plural(lang, 'notify.bulk.created', n))).toBeHidden({ timeout: 15_000 })
    await shoot(page, `notify-dashboard-${lang}`)
    await page.getByTestId('dashboard-to-today').click()
    await expect(page).toHaveURL(/#\/today$/)
    await page.goto('/#/dashboard')
    await page.getByTestId('dashboard-to-calendar').click()
    await expect(page).toHaveURL(/#\/calendar$/)
  })
}
