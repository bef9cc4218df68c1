import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { expect, ipc, test, tr, useLanguage, dayFromToday, fill } from './helpers'

// The Today view (R5): overdue and due work ranked Key first, done and snoozed from the list, and
// birthdays ahead listed as greetings rather than counted as work. This file's harness starts empty.

async function customer(page: Page, name: string, country: string, contact: Record<string, unknown>) {
  const created = await ipc<{ id: string }>(page, 'customers:create', {
    customer: { displayName: name, country, owner: 'Claire' },
    contacts: [{ isPrimary: true, ...contact }],
    allowDuplicates: true,
  })
  expect(created.ok).toBe(true)
  return created.data!.id
}

async function reminder(page: Page, customerId: string, kind: string, dueDate: string) {
  expect((await ipc(page, 'reminders:create', { customerId, reminder: { kind, dueDate } })).ok).toBe(true)
}

test('in French then Chinese: Key work first, done and snoozed from the list, a birthday ahead is a greeting', async ({
  page,
}) => {
  await page.goto('/')
  const small = await customer(page, 'Maison Lefèvre', 'FR', { name: 'Claire Martin' })
  const key = await customer(page, 'Al Noor Trading', 'SA', { name: 'Omar Haddad' })
  const birthday = dayFromToday(2)
  await customer(page, 'Haiyun Trading', 'CN', {
    name: '王丽',
    birthdayMonth: Number(birthday.slice(5, 7)),
    birthdayDay: Number(birthday.slice(8, 10)),
  })
  expect(
    (
      await ipc(page, 'tiers:lock', {
        customerId: key,
        locked: true,
        tier: 'key',
        reason: 'Gulf distributor',
      })
    ).ok,
  ).toBe(true)
  // Contacted today, so the service duties are not due and only these reminders are.
  for (const id of [small, key])
    expect(
      (
        await ipc(page, 'interactions:log', {
          customerId: id,
          interaction: { kind: 'call', date: dayFromToday(0), summary: 'Call' },
        })
      ).ok,
    ).toBe(true)
  await reminder(page, small, 'follow_up', dayFromToday(-6))
  await reminder(page, key, 'quote_chase', dayFromToday(-2))
  await reminder(page, small, 'revisit', dayFromToday(0))

  await useLanguage(page, 'fr')
  await page.goto('/#/today')
  await expect(page.getByRole('heading', { level: 1, name: tr('fr', 'today.title') })).toBeVisible()
  await expect(page.getByTestId('today-overdue')).toHaveText('2')
  await expect(page.getByTestId('today-due')).toHaveText('1')
  const rows = page.getByTestId('today-row')
  // Key first although less late; then the small customer's latest first.
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('Al Noor Trading')
  await expect(rows.nth(0)).toContainText(fill(tr('fr', 'today.late_other'), { count: 2 }))
  await expect(rows.nth(1)).toContainText(fill(tr('fr', 'today.late_other'), { count: 6 }))
  await expect(rows.nth(2)).toContainText(tr('fr', 'today.todayWord'))
  // The birthday two days ahead is listed under greetings, not counted as work.
  const greetings = page.getByTestId('today-greetings')
  await expect(greetings).toContainText('王丽')
  await expect(greetings).toContainText('Haiyun Trading')

  // Done on the Key customer's quote chase: a confirmation, and it leaves the list.
  const keyTitle = (await rows.nth(0).getByRole('link').textContent())!
  await rows
    .nth(0)
    .getByRole('button', { name: fill(tr('fr', 'today.doneFor'), { title: keyTitle }) })
    .click()
  await expect(page.getByText(fill(tr('fr', 'today.doneSaved'), { title: keyTitle }))).toBeVisible()
  await expect(rows).toHaveCount(2)
  await expect(page.getByTestId('today-overdue')).toHaveText('1')

  // From the keyboard: focus the follow-up's "tomorrow" and press Enter.
  const lateTitle = (await rows.nth(0).getByRole('link').textContent())!
  const snooze = rows
    .nth(0)
    .getByRole('button', { name: fill(tr('fr', 'today.snoozeFor'), { title: lateTitle }) })
  await snooze.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText(fill(tr('fr', 'today.snoozedSaved'), { title: lateTitle }))).toBeVisible()
  await expect(rows).toHaveCount(1)
  await expect(page.getByTestId('today-overdue')).toHaveText('0')
  const snoozed = await ipc<{ entries: { kind: string; customerId?: string }[] }>(page, 'calendar:range', {
    from: dayFromToday(1),
    to: dayFromToday(1),
    lang: 'fr',
  })
  expect(snoozed.data!.entries.some((e) => e.kind === 'reminder' && e.customerId === small)).toBe(true)

  const axe = await new AxeBuilder({ page }).include('main').analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])

  await useLanguage(page, 'zh')
  await page.goto('/#/today')
  await expect(page.getByRole('heading', { level: 1, name: tr('zh', 'today.title') })).toBeVisible()
  await expect(rows).toHaveCount(1)
  await expect(rows.nth(0)).toContainText(tr('zh', 'today.todayWord'))
  await expect(page.getByTestId('today-greetings')).toContainText('王丽')
})
