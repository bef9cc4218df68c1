import fs from 'node:fs'
import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { expect, ipc, test, tr, useLanguage, dayFromToday, fill, LOCALE, type Lang } from './helpers'

// The customer page's reminders panel (P6, R1) and the one-click reminder from a logged next step.
// This file's harness starts empty; each test makes its own customer.

const SHOTS = '.tmp/shots/h4'

/** A calendar day as the app shows it (its medium date style). */
const shown = (lang: Lang, iso: string) =>
  new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso))

async function newCustomer(page: Page, name: string, country: string) {
  const created = await ipc<{ id: string }>(page, 'customers:create', {
    customer: { displayName: name, country },
    contacts: [{ name: country === 'CN' ? '王丽' : 'Claire Martin', isPrimary: true }],
    allowDuplicates: true,
  })
  expect(created.ok).toBe(true)
  return created.data!.id
}

async function shoot(page: Page, lang: Lang) {
  fs.mkdirSync(SHOTS, { recursive: true })
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.getByTestId('reminders-card').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/reminders-${lang}-${width}x${height}.png` })
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

test('in French: a next step becomes a reminder in one click, is snoozed a week by keyboard, then done', async ({
  page,
}) => {
  await page.goto('/')
  const id = await newCustomer(page, 'Maison Lefèvre Import', 'FR')
  await page.goto(`/#/customers/${id}`)
  await useLanguage(page, 'fr')
  const panel = page.getByTestId('reminders-card')
  await expect(panel).toContainText(tr('fr', 'reminders.none'))

  // Log a call with a next step.
  await page.getByTestId('log-interaction').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('interaction-summary').fill('Appel sur la nouvelle gamme de luminaires')
  await dialog.getByTestId('interaction-next').fill('Envoyer le devis des suspensions')
  await dialog.getByTestId('save-interaction').click()
  await expect(dialog).toBeHidden()

  // One click: a follow-up due in three days, the next step as its note, confirmed.
  const due = dayFromToday(3)
  await page.getByTestId('make-reminder').click()
  await expect(
    page.getByText(fill(tr('fr', 'reminders.fromInteraction.made'), { date: shown('fr', due) })),
  ).toBeVisible()
  await expect(page.getByTestId('interaction-reminder')).toHaveText(
    fill(tr('fr', 'reminders.fromInteraction.exists'), { date: shown('fr', due) }),
  )
  await expect(page.getByTestId('make-reminder')).toHaveCount(0)
  const item = panel.getByTestId('reminder-item')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText(tr('fr', 'calendar.reminderKind.follow_up'))
  await expect(item.getByTestId('reminder-date')).toHaveText(shown('fr', due))
  await expect(item.getByTestId('reminder-note')).toContainText('Envoyer le devis des suspensions')
  const [reminder] = (
    await ipc<{ reminders: { interactionId: string | null; kind: string }[] }>(page, 'reminders:list', {
      customerId: id,
    })
  ).data!.reminders
  expect(reminder?.kind).toBe('follow_up')
  expect(reminder?.interactionId).toBeTruthy()

  // Snooze a week, by keyboard only.
  await item.getByTestId('reminder-snooze').focus()
  await page.keyboard.press('Enter')
  const week = page.getByRole('menuitem', { name: tr('fr', 'reminders.snoozeWeek') })
  await expect(week).toBeVisible()
  await week.focus()
  await page.keyboard.press('Enter')
  const later = dayFromToday(10)
  await expect(
    page.getByText(fill(tr('fr', 'reminders.notice.snoozed'), { date: shown('fr', later) })),
  ).toBeVisible()
  await expect(item.getByTestId('reminder-date')).toHaveText(shown('fr', later))
  await expect(item).toContainText(fill(tr('fr', 'reminders.moved'), { date: shown('fr', due) }))
  await expect(page.getByTestId('interaction-reminder')).toHaveText(
    fill(tr('fr', 'reminders.fromInteraction.exists'), { date: shown('fr', later) }),
  )
  await shoot(page, 'fr')
  await page
    .getByTestId('interactions-card')
    .screenshot({ path: `${SHOTS}/interaction-made-reminder-fr.png` })

  // Done: gone from the panel, kept in the reminder's history.
  await item.getByTestId('reminder-done').click()
  const row = fill(tr('fr', 'reminders.row'), {
    kind: tr('fr', 'calendar.reminderKind.follow_up'),
    date: shown('fr', later),
  })
  await expect(page.getByText(fill(tr('fr', 'reminders.notice.done'), { row }))).toBeVisible()
  await expect(panel.getByTestId('reminder-item')).toHaveCount(0)
  await expect(page.getByTestId('interaction-reminder')).toHaveText(
    tr('fr', 'reminders.fromInteraction.closed'),
  )
  await expect(panel).toContainText(tr('fr', 'reminders.none'))
  const list = await ipc<{ occurrences: unknown[]; reminders: unknown[] }>(page, 'reminders:list', {
    customerId: id,
  })
  expect(list.data).toMatchObject({ occurrences: [], reminders: [{ kind: 'follow_up' }] })
})

for (const lang of ['zh', 'en'] as const) {
  test(`in ${lang}: the panel reads well (overdue first, repeating with a time), an occurrence edited alone, one deleted`, async ({
    page,
  }) => {
    await page.goto('/')
    const id = await newCustomer(
      page,
      lang === 'zh' ? '深圳光明照明有限公司' : 'Brightline Lighting Ltd',
      lang === 'zh' ? 'CN' : 'GB',
    )
    const make = async (reminder: Record<string, unknown>) =>
      expect((await ipc(page, 'reminders:create', { customerId: id, reminder })).ok).toBe(true)
    await make({
      kind: 'quote_chase',
      dueDate: dayFromToday(-2),
      note: lang === 'zh' ? '催报价确认' : 'Chase the signed quote',
    })
    await make({
      kind: 'executive_dialogue',
      dueDate: dayFromToday(5),
      dueTime: '09:30',
      rrule: 'FREQ=MONTHLY;INTERVAL=3',
      note: lang === 'zh' ? '与总经理季度通话' : 'Quarterly call with the managing director',
    })
    await make({ kind: 'sample_follow_up', dueDate: dayFromToday(12) })
    await page.goto(`/#/customers/${id}`)
    await useLanguage(page, lang)

    const panel = page.getByTestId('reminders-card')
    const items = panel.getByTestId('reminder-item')
    // The quarterly one shows twice in the four months ahead.
    await expect(items).toHaveCount(4)
    await expect(items.nth(3)).toContainText(tr(lang, 'calendar.reminderKind.executive_dialogue'))
    await expect(panel.getByTestId('reminders-overdue')).toHaveText(
      fill(tr(lang, 'reminders.overdueCount'), { formatted: '1' }),
    )
    await expect(items.nth(0).getByTestId('reminder-overdue')).toHaveText(tr(lang, 'reminders.overdue'))
    await expect(items.nth(0)).toContainText(tr(lang, 'calendar.reminderKind.quote_chase'))
    await expect(items.nth(1)).toContainText(tr(lang, 'calendar.reminderKind.executive_dialogue'))
    await expect(items.nth(1).getByRole('img', { name: tr(lang, 'reminders.repeats') })).toBeVisible()
    const time = new Intl.DateTimeFormat(LOCALE[lang], {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2000, 0, 1, 9, 30)))
    await expect(items.nth(1).getByTestId('reminder-date')).toHaveText(
      `${shown(lang, dayFromToday(5))} · ${time}`,
    )
    // Every action names its row for a screen reader.
    const overdueRow = fill(tr(lang, 'reminders.row'), {
      kind: tr(lang, 'calendar.reminderKind.quote_chase'),
      date: shown(lang, dayFromToday(-2)),
    })
    await expect(
      panel.getByRole('button', { name: fill(tr(lang, 'reminders.doneOf'), { row: overdueRow }) }),
    ).toBeVisible()
    await shoot(page, lang)

    // Edit this occurrence only: the repeating reminder's next one moves, the rule stays.
    await items.nth(1).getByTestId('reminder-more').click()
    await page.getByRole('menuitem', { name: tr(lang, 'reminders.editOne') }).click()
    const dialog = page.getByTestId('occurrence-form')
    await expect(dialog).toContainText(tr(lang, 'reminders.editOneHint'))
    await dialog
      .getByTestId('occurrence-note')
      .fill(lang === 'zh' ? '改到周五下午' : 'Moved to Friday afternoon')
    await dialog.getByTestId('save-occurrence').click()
    await expect(
      page.getByText(fill(tr(lang, 'reminders.notice.edited'), { date: shown(lang, dayFromToday(5)) })),
    ).toBeVisible()
    await expect(items.nth(1).getByTestId('reminder-note')).toContainText(
      lang === 'zh' ? '改到周五下午' : 'Moved to Friday afternoon',
    )

    // Delete asks first; Cancel keeps it, the red button deletes.
    await items.nth(2).getByTestId('reminder-more').click()
    await page.getByRole('menuitem', { name: tr(lang, 'reminders.delete') }).click()
    await expect(page.getByRole('dialog', { name: tr(lang, 'reminders.deleteTitle') })).toBeVisible()
    await page.getByRole('button', { name: tr(lang, 'common.cancel') }).click()
    await expect(items).toHaveCount(4)
    await items.nth(2).getByTestId('reminder-more').click()
    await page.getByRole('menuitem', { name: tr(lang, 'reminders.delete') }).click()
    await page.getByTestId('confirm-delete').click()
    await expect(page.getByText(tr(lang, 'reminders.notice.deleted'))).toBeVisible()
    await expect(items).toHaveCount(3)
    await expect(panel).not.toContainText(tr(lang, 'calendar.reminderKind.sample_follow_up'))

    // Edit all: the calendar's reminder dialog, starting from the reminder; the later occurrence
    // takes the new note, the one edited alone keeps its own.
    const note = lang === 'zh' ? '每季度与董事长通话' : 'Quarterly call with the chairman'
    await items.nth(2).getByTestId('reminder-more').click()
    await page.getByRole('menuitem', { name: tr(lang, 'reminders.editAll') }).click()
    const edit = page.getByTestId('reminder-dialog')
    await expect(edit.getByTestId('rule-text')).not.toHaveText(tr(lang, 'calendarui.repeat.once'))
    await edit.getByTestId('reminder-note').fill(note)
    await edit.getByTestId('save-reminder').click()
    await expect(edit).toBeHidden()
    await expect(items.nth(2).getByTestId('reminder-note')).toContainText(note)
    await expect(items.nth(1).getByTestId('reminder-note')).toContainText(
      lang === 'zh' ? '改到周五下午' : 'Moved to Friday afternoon',
    )

    // The holiday opt-out on the profile: saved at once, confirmed, read back.
    await page.getByTestId('holiday-opt-out').check()
    await expect(
      page.getByText(
        fill(tr(lang, 'holidayCare.optedOut'), {
          name: lang === 'zh' ? '深圳光明照明有限公司' : 'Brightline Lighting Ltd',
        }),
      ),
    ).toBeVisible()
    await expect
      .poll(
        async () =>
          (await ipc<{ customer: { holidayOptOut: boolean } }>(page, 'customers:get', { id })).data!.customer
            .holidayOptOut,
      )
      .toBe(true)
    await page.reload()
    await expect(page.getByTestId('holiday-opt-out')).toBeChecked()

    // No accessibility violations in the panel, with a row's menu open.
    await items.nth(0).getByTestId('reminder-snooze').click()
    await expect(page.getByRole('menuitem', { name: tr(lang, 'reminders.snoozeWeek') })).toBeVisible()
    const axe = await new AxeBuilder({ page })
      .include('[data-testid="reminders-card"]')
      .include('[role="menu"]')
      .analyze()
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([])
    await page.keyboard.press('Escape')
  })
}
