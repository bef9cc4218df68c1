import type { Page } from '@playwright/test'
import {
  expect,
  ipc,
  test,
  tr,
  useLanguage,
  dayFromToday,
  fill,
  LOCALE,
  type Lang,
  shootSizes,
} from './helpers'
import { describeRule } from '../../shared/rrule-text'

// The calendar screen (R5) in zh, fr and en: a weekly reminder made through the dialog, seen in
// the month and agenda views, one occurrence done (from the agenda, from the month grid by mouse,
// and by keyboard), and a Saudi customer's Eid al-Fitr in March 2027. This file's harness starts
// empty; each test makes its own Saudi customer.

const SHOTS = '.tmp/shots/h3'
const weekdayName = (lang: Lang, iso: string) =>
  new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  )

async function shoot(page: Page, name: string) {
  await shootSizes(page, SHOTS, name)
}

type Entry = {
  date: string
  kind: string
  title: string
  state?: string
  occurrence?: string
  reminderId?: string
}

async function entries(page: Page, from: string, to: string, lang: Lang, countries?: string[]) {
  const res = await ipc<{ entries: Entry[] }>(page, 'calendar:range', {
    from,
    to,
    lang,
    ...(countries ? { countries } : {}),
  })
  expect(res.ok).toBe(true)
  return res.data!.entries
}

const NAMES: Record<Lang, string> = {
  zh: '利雅得海湾贸易公司',
  fr: 'Société Al-Nakheel Import',
  en: 'Gulf Star Trading Co',
}

for (const lang of ['zh', 'fr', 'en'] as const) {
  test(`in ${lang}: a weekly reminder made in the dialog, seen in month and agenda, one occurrence done, and Eid al-Fitr 2027 in Saudi Arabia`, async ({
    page,
  }) => {
    await page.goto('/')
    const name = NAMES[lang]
    const created = await ipc<{ id: string }>(page, 'customers:create', {
      customer: { displayName: name, country: 'SA' },
      contacts: [{ name: 'Faisal Al-Harbi', isPrimary: true }],
      allowDuplicates: true,
    })
    expect(created.ok).toBe(true)
    const customerId = created.data!.id
    await page.goto('/#/calendar')
    await useLanguage(page, lang)
    await expect(
      page.getByRole('navigation').getByRole('link', { name: tr(lang, 'nav.calendar') }),
    ).toHaveAttribute('aria-current', 'page')
    await expect(page.getByTestId('month-grid')).toBeVisible()

    // The dialog: Save with no customer names the field, and keeps what was typed.
    await page.getByTestId('new-reminder').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByTestId('reminder-note').fill('Relancer le devis / 跟进报价 / chase the quote')
    await dialog.getByTestId('save-reminder').click()
    await expect(dialog.getByTestId('issue-customerId')).toContainText(tr(lang, 'calendarui.field.customer'))
    await expect(dialog.getByTestId('reminder-note')).toHaveValue(
      'Relancer le devis / 跟进报价 / chase the quote',
    )

    // The customer found by search, then every week on Monday.
    await dialog.getByTestId('reminder-customer').click()
    await dialog.getByTestId('reminder-customer').fill(name.slice(0, 6))
    await page.getByRole('option', { name: new RegExp(name) }).click()
    await dialog.getByTestId('repeat-preset').click()
    await page.getByRole('option', { name: tr(lang, 'calendarui.repeat.weekly'), exact: true }).click()
    const days = dialog.getByTestId('repeat-days')
    const today = dayFromToday(0)
    const monday = dayFromToday((8 - new Date(`${today}T00:00:00Z`).getUTCDay()) % 7 || 7)
    // A chip's checkbox is hidden behind its label: the label is what a user clicks.
    const chip = (day: string) => days.getByRole('checkbox', { name: weekdayName(lang, day) })
    const toggle = (day: string) => days.getByText(weekdayName(lang, day), { exact: true }).click()
    if (!(await chip(monday).isChecked())) await toggle(monday)
    // On a Monday today's chip is Monday's: leave it on.
    if (weekdayName(lang, today) !== weekdayName(lang, monday) && (await chip(today).isChecked()))
      await toggle(today)
    await expect(chip(monday)).toBeChecked()
    await expect(dialog.getByTestId('rule-text')).toHaveText(describeRule('FREQ=WEEKLY;BYDAY=MO', lang))
    await shoot(page, `dialog-${lang}`)
    await dialog.getByTestId('save-reminder').click()
    await expect(dialog).toBeHidden()
    await expect(page.getByText(tr(lang, 'calendarui.dialog.created'))).toBeVisible()

    // Month view: the Mondays of this month carry it.
    const mondays = [0, 7, 14, 21].map((d) => dayFromToday(daysUntil(today, monday) + d))
    const title = fill(tr(lang, 'calendar.entry.reminder'), {
      kind: tr(lang, 'calendar.reminderKind.follow_up'),
      customer: name,
    })
    const cell = (day: string) => page.locator(`[data-testid="calendar-day"][data-day="${day}"]`)
    await showMonth(page, lang, monday)
    await expect(cell(monday).getByTestId('calendar-entry').filter({ hasText: title })).toBeVisible()
    await shoot(page, `month-${lang}`)

    // Agenda: the next 30 days hold four or five Mondays.
    await page.getByTestId('calendar-view').getByText(tr(lang, 'calendarui.view.agenda')).click()
    const rows = page.getByTestId('agenda-row').filter({ hasText: title })
    await expect(rows.first()).toBeVisible()
    // The agenda fills in as its days load: wait for all of them rather than count the first.
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4)
    for (const d of mondays) await expect(page.locator(`section[data-day="${d}"]`)).toContainText(title)
    await shoot(page, `agenda-${lang}`)

    // One occurrence done: from the agenda (zh), from the month grid by mouse (fr), by keyboard (en).
    const doneDay = mondays[1]!
    if (lang === 'zh') {
      await page.locator(`section[data-day="${doneDay}"]`).getByTestId('agenda-done').click()
    } else {
      await page.getByTestId('calendar-view').getByText(tr(lang, 'calendarui.view.month')).click()
      if (lang === 'fr') {
        await showMonth(page, lang, doneDay)
        await cell(doneDay).getByTestId('calendar-entry').filter({ hasText: title }).click()
      } else {
        // Into the grid on today, arrows to the day, Tab to its entry, Enter opens it.
        await page.getByTestId('calendar-today').click()
        await cell(today).focus()
        for (let i = 0; i < daysUntil(today, doneDay); i++) await page.keyboard.press('ArrowRight')
        await expect(cell(doneDay)).toBeFocused()
        await page.keyboard.press('Tab')
        await expect(cell(doneDay).getByTestId('calendar-entry').filter({ hasText: title })).toBeFocused()
        await page.keyboard.press('Enter')
      }
      const entry = page.getByTestId('entry-dialog')
      await expect(entry).toContainText(tr(lang, 'calendar.reminderKind.follow_up'))
      await entry.getByTestId('occurrence-done').click()
      await expect(entry).toBeHidden()
    }
    await expect(page.getByText(fill(tr(lang, 'calendarui.notice.done'), { title }))).toBeVisible()
    const after = (await entries(page, mondays[0]!, mondays[3]!, lang)).filter(
      (e) => e.kind === 'reminder' && e.title === title,
    )
    expect(after.map((e) => [e.date, e.state])).toEqual(
      mondays.map((d) => [d, d === doneDay ? 'done' : 'open']),
    )
    if (lang === 'zh') {
      await page.getByTestId('calendar-view').getByText(tr(lang, 'calendarui.view.month')).click()
    }
    await showMonth(page, lang, doneDay)
    await expect(cell(doneDay).getByTestId('calendar-entry').filter({ hasText: title })).toHaveAttribute(
      'data-state',
      'done',
    )

    // Week view of the done Monday.
    await page.getByTestId('calendar-view').getByText(tr(lang, 'calendarui.view.week')).click()
    await expect(page.getByTestId('week-grid')).toBeVisible()
    await shoot(page, `week-${lang}`)

    // March 2027: Eid al-Fitr in Saudi Arabia, on the day main dates it, in the month view.
    await page.getByTestId('calendar-view').getByText(tr(lang, 'calendarui.view.month')).click()
    await showMonth(page, lang, '2027-03-01')
    const eidTitle = tr(lang, 'calendar.holiday.eid_al_fitr')
    const eid = (await entries(page, '2027-03-01', '2027-03-31', lang, ['SA'])).find(
      (e) => e.kind === 'holiday' && e.title === eidTitle,
    )
    expect(eid?.date).toMatch(/^2027-03-(09|10|11)$/)
    await expect(cell(eid!.date).getByTestId('calendar-entry').filter({ hasText: eidTitle })).toBeVisible()
    await shoot(page, `month-eid-${lang}`)
    // The holiday opens with how many customers it touches; Ramadan's band says what it means.
    await cell(eid!.date).getByTestId('calendar-entry').filter({ hasText: eidTitle }).click()
    await expect(page.getByTestId('entry-dialog')).toContainText(eidTitle)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('entry-dialog')).toBeHidden()
    const ramadan = page
      .locator('[data-testid="calendar-entry"][data-entry-kind="quiet"]')
      .filter({ hasText: tr(lang, 'calendar.quiet.ramadan.name') })
      .first()
    await ramadan.click()
    await expect(page.getByTestId('quiet-meaning')).toHaveText(tr(lang, 'calendar.quiet.ramadan.meaning'))
    await page.keyboard.press('Escape')

    // Its customer is one click away from the reminder.
    await showMonth(page, lang, mondays[2]!)
    await cell(mondays[2]!).getByTestId('calendar-entry').filter({ hasText: title }).click()
    await page.getByTestId('entry-customer').click()
    await expect(page).toHaveURL(new RegExp(`#/customers/${customerId}$`))
  })
}

/** The month view on the month of `day`, from today's month by the previous and next buttons. */
async function showMonth(page: Page, lang: Lang, day: string) {
  await page.getByTestId('calendar-today').click()
  const today = dayFromToday(0)
  const months =
    (Number(day.slice(0, 4)) - Number(today.slice(0, 4))) * 12 +
    Number(day.slice(5, 7)) -
    Number(today.slice(5, 7))
  for (let i = 0; i < Math.abs(months); i++)
    await page.getByTestId(months > 0 ? 'calendar-next' : 'calendar-prev').click()
  await expect(page.getByTestId('calendar-period')).toHaveText(
    new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${day.slice(0, 7)}-01T00:00:00Z`),
    ),
  )
}

function daysUntil(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}
