import type { Page } from '@playwright/test'
import { expect, ipc, test, tr, useLanguage, dayFromToday, fill, type Lang, shootSizes } from './helpers'

// A busy day (issue 12 §8): at 100k customers a day holds thousands of reminders, duties and
// birthdays, so each view asks main for the first few a day and how many more. Here 25 reminders
// on one day, in zh, fr and en: the month cell shows three and "+22 more", the week shows twenty
// and "+5 more", the agenda shows twenty and then the whole day on request. The customer is in
// Antarctica, which has no public holiday or quiet period to join the count.

const SHOTS = '.tmp/shots/busy'
async function shoot(page: Page, name: string) {
  await shootSizes(page, SHOTS, name)
}

const NAMES: Record<Lang, string> = { zh: '繁忙贸易公司', fr: 'Société Affairée', en: 'Busy Day Traders' }

const LANGS = ['zh', 'fr', 'en'] as const

for (const [i, lang] of LANGS.entries()) {
  test(`in ${lang}: a day with 25 reminders shows a few and counts the rest, then shows them all`, async ({
    page,
  }) => {
    await page.goto('/')
    // A day of this month (each language its own), so the month grid opened today shows it.
    const offset = Number(dayFromToday(0).slice(8)) <= 20 ? 3 + i : -3 - i
    const day = dayFromToday(offset)
    const created = await ipc<{ id: string }>(page, 'customers:create', {
      customer: { displayName: NAMES[lang], country: 'AQ' },
      allowDuplicates: true,
    })
    expect(created.ok).toBe(true)
    for (let n = 0; n < 25; n++) {
      const res = await ipc(page, 'reminders:create', {
        customerId: created.data!.id,
        reminder: { kind: 'follow_up', dueDate: day, note: `#${n + 1}` },
      })
      expect(res.ok).toBe(true)
    }
    await page.goto('/#/calendar')
    await useLanguage(page, lang)
    const view = (name: 'month' | 'week' | 'agenda') =>
      page
        .getByTestId('calendar-view')
        .getByText(tr(lang, `calendarui.view.${name}`), { exact: true })
        .click()
    await view('month')
    const cell = page.locator(`[data-testid="month-grid"] [data-testid="calendar-day"][data-day="${day}"]`)
    await expect(cell.getByTestId('calendar-entry')).toHaveCount(3)
    const more = cell.getByTestId('calendar-more')
    await expect(more).toHaveText(fill(tr(lang, 'calendarui.more'), { count: 22 }))
    // The cell's name counts what main left out too.
    await expect(cell).toHaveAttribute('aria-label', new RegExp(`25`))
    await shoot(page, `month-${lang}`)

    // "+22 more" opens the week: twenty, and "+5 more".
    await more.click()
    const weekCell = page.locator(`[data-testid="week-grid"] [data-testid="calendar-day"][data-day="${day}"]`)
    await expect(weekCell.getByTestId('calendar-entry')).toHaveCount(20)
    await expect(weekCell.getByTestId('calendar-more')).toHaveText(
      fill(tr(lang, 'calendarui.more'), { count: 5 }),
    )
    await shoot(page, `week-${lang}`)

    // The agenda from that day: twenty, and a button for the rest of the day.
    await view('agenda')
    const section = page.locator(`[data-testid="agenda"] section[data-day="${day}"]`)
    await expect(section.getByTestId('agenda-row')).toHaveCount(20)
    await section.getByTestId('agenda-more').click()
    await expect(section.getByTestId('agenda-row')).toHaveCount(25)
    await expect(section.getByTestId('agenda-more')).toHaveCount(0)
    await shoot(page, `agenda-${lang}`)

    // From the week, "+5 more" goes straight to the agenda with the whole day.
    await view('week')
    await weekCell.getByTestId('calendar-more').click()
    await expect(page.getByTestId('agenda')).toBeVisible()
    await expect(section.getByTestId('agenda-row')).toHaveCount(25)
  })
}
