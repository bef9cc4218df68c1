import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
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

// Greetings (R4) in zh, fr and en: a Saudi customer whose contact reads English. Today lists the
// contact's birthday (within the birthday lead time, set in the templates screen); its greeting
// opens in English with the reason said, is copied, opened as a mail link and marked sent, which
// shows on the row and on the customer's interactions. On the calendar, the next Eid in Saudi
// Arabia opens the same dialog over the customers it touches. The templates screen refuses an
// unknown field by name and a lead time out of range, and previews on a sample contact. This
// file's harness starts empty; each test makes its own customer.

const SHOTS = '.tmp/shots/greetings'
test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

const languageName = (lang: Lang, code: string) =>
  new Intl.DisplayNames([LOCALE[lang]], { type: 'language' }).of(code)!
/** As a tab or list item shows it: capitalised ("Anglais"). */
const languageLabel = (lang: Lang, code: string) => {
  const name = languageName(lang, code)
  return name.charAt(0).toLocaleUpperCase(LOCALE[lang]) + name.slice(1)
}

async function shoot(page: Page, name: string) {
  // The notices of what was just done close by themselves; the screen is shot without them.
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 20_000 })
  await shootSizes(page, SHOTS, name)
}

/** The month view on the month of `day`, from today's month by the next button. */
async function showMonth(page: Page, day: string) {
  await page.getByTestId('calendar-today').click()
  const today = dayFromToday(0)
  const months =
    (Number(day.slice(0, 4)) - Number(today.slice(0, 4))) * 12 +
    Number(day.slice(5, 7)) -
    Number(today.slice(5, 7))
  for (let i = 0; i < months; i++) await page.getByTestId('calendar-next').click()
}

const NAMES: Record<Lang, { company: string; contact: string; email: string }> = {
  zh: { company: '利雅得海湾贸易公司', contact: 'Omar Haddad', email: 'omar@gulf-trade.sa' },
  fr: { company: 'Société Al-Nakheel Import', contact: 'Sara Nasser', email: 'sara@alnakheel.sa' },
  en: { company: 'Gulf Star Trading Co', contact: 'Khalid Aziz', email: 'khalid@gulfstar.sa' },
}

for (const lang of ['zh', 'fr', 'en'] as const) {
  test(`in ${lang}: a Saudi contact's birthday and Eid greeted in English, copied, sent and logged; templates and lead time edited`, async ({
    page,
  }) => {
    await page.goto('/')
    const who = NAMES[lang]
    const birthday = dayFromToday(2)
    const created = await ipc<{ id: string }>(page, 'customers:create', {
      customer: { displayName: who.company, country: 'SA', owner: 'Li Wei' },
      contacts: [
        {
          name: who.contact,
          emails: [who.email],
          language: 'en',
          isPrimary: true,
          birthdayMonth: Number(birthday.slice(5, 7)),
          birthdayDay: Number(birthday.slice(8, 10)),
        },
      ],
      allowDuplicates: true,
    })
    expect(created.ok).toBe(true)
    const customerId = created.data!.id
    await useLanguage(page, lang)

    // The templates screen: a lead time of 1 day for birthdays hides this one (in 2 days) from
    // Today; 31 is refused by its range; 3 brings it back.
    await page.goto('/#/greetings')
    await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'greetings.title') })).toBeVisible()
    await page.getByTestId('occasion-birthday').click()
    const lead = page.getByTestId('template-lead')
    await lead.fill('1')
    await page.getByTestId('template-lead-save').click()
    await expect(page.getByText(tr(lang, 'greetings.leadSaved'))).toBeVisible()
    const leadBadge = (n: number) =>
      new Intl.PluralRules(LOCALE[lang]).select(n) === 'one' && lang !== 'zh'
        ? fill(tr(lang, 'greetings.leadBadge_one'), { count: String(n) })
        : fill(tr(lang, 'greetings.leadBadge_other'), { count: String(n) })
    await expect(page.getByTestId('occasion-birthday')).toContainText(leadBadge(1))
    await page.goto('/#/today')
    await expect(page.getByRole('heading', { level: 1, name: tr(lang, 'today.title') })).toBeVisible()
    const greetings = page.getByTestId('today-greetings')
    await expect(page.getByText(tr(lang, 'today.noGreetings'))).toBeVisible()

    await page.goto('/#/greetings')
    await page.getByTestId('occasion-birthday').click()
    await lead.fill('31')
    await page.getByTestId('template-lead-save').click()
    await expect(
      page.getByText(fill(tr(lang, 'greetings.error.leadDays'), { min: '0', max: '30' })),
    ).toBeVisible()
    await lead.fill('3')
    await page.getByTestId('template-lead-save').click()
    await expect(page.getByTestId('occasion-birthday')).toContainText(leadBadge(3))

    // An unknown field is refused by name and nothing is saved; the preview fills a sample contact.
    await page.getByTestId('template-lang').getByText(languageLabel(lang, lang)).click()
    const body = page.getByTestId('template-body')
    await body.fill('{contact}, {client}')
    await page.getByTestId('template-save').click()
    await expect(
      page.getByText(fill(tr(lang, 'greetings.error.unknownField'), { field: '{client}' })),
    ).toBeVisible()
    await expect(page.getByTestId('template-custom')).toBeHidden()
    await body.fill(`{contact} — ${tr(lang, 'greetings.occasion.birthday')}\n\n{sender}`)
    await expect(page.getByTestId('template-preview')).toContainText(
      `${tr(lang, 'greetings.sample.contact')} — ${tr(lang, 'greetings.occasion.birthday')}`,
    )
    await page.getByTestId('template-save').click()
    await expect(page.getByTestId('template-custom')).toBeVisible()
    await shoot(page, `templates-${lang}`)
    expect((await new AxeBuilder({ page }).include('main').analyze()).violations.map((v) => v.id)).toEqual([])
    await page.getByTestId('template-reset').click()
    await expect(page.getByText(tr(lang, 'greetings.resetDone'))).toBeVisible()
    await expect(page.getByTestId('template-custom')).toBeHidden()

    // Today: the birthday is a greeting to write, in English, the contact's language.
    await page.goto('/#/today')
    const row = greetings.getByRole('row').filter({ hasText: who.contact })
    await expect(row).toBeVisible()
    await row.getByTestId('greeting-write').click()
    const dialog = page.getByTestId('greeting-dialog')
    await expect(dialog.getByTestId('greeting-reason')).toHaveText(
      fill(tr(lang, 'greetings.dialog.reason.contact'), { lang: languageName(lang, 'en') }),
    )
    const subject = `Happy birthday, ${who.contact}!`
    await expect(dialog.getByTestId('greeting-subject')).toHaveValue(subject)
    await expect(dialog.getByTestId('greeting-body')).toHaveValue(new RegExp(`^Dear ${who.contact},\\n`))
    await expect(dialog.getByTestId('greeting-body')).toHaveValue(/Warm regards,\nLi Wei$/)
    await expect(dialog.getByTestId('greeting-to')).toContainText(who.email)
    // Edited before sending: the mail link and the copy carry the edit.
    const edited = `Dear ${who.contact},\n\nHappy birthday from all of us!\n\nLi Wei`
    await dialog.getByTestId('greeting-body').fill(edited)
    const href = await dialog.getByTestId('greeting-mail').getAttribute('href')
    const mail = new URL(href!)
    expect(mail.protocol).toBe('mailto:')
    expect(mail.pathname).toBe(who.email)
    expect(mail.searchParams.get('subject')).toBe(subject)
    expect(mail.searchParams.get('body')).toBe(edited.replace(/\n/g, '\r\n'))
    await dialog.getByTestId('greeting-copy').click()
    await expect(page.getByText(tr(lang, 'greetings.dialog.copied'))).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(edited)
    await shoot(page, `birthday-dialog-${lang}`)
    // WCAG rules: Mantine's modal header is a <header>, which axe's best-practice rules count as a
    // second banner.
    const dialogAxe = await new AxeBuilder({ page })
      .include('[data-testid="greeting-dialog"]')
      .withTags(['wcag2a', 'wcag2aa'])
      .analyze()
    expect(dialogAxe.violations.map((v) => v.id)).toEqual([])
    await dialog.getByTestId('greeting-mark-sent').click()
    await expect(
      page.getByText(fill(tr(lang, 'greetings.dialog.sentDone'), { name: who.contact })),
    ).toBeVisible()
    await expect(dialog.getByTestId('greeting-sent')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(row.getByTestId('greeting-row-status')).toHaveText(tr(lang, 'greetings.status.sent'))

    // The customer page shows the greeting among its interactions.
    const summary = fill(tr(lang, 'greetings.sentSummary'), {
      occasion: tr(lang, 'greetings.occasion.birthday'),
      date: birthday,
    })
    await page.goto(`/#/customers/${customerId}`)
    await expect(page.getByTestId('interaction-item').filter({ hasText: summary })).toBeVisible()

    // The next Eid in Saudi Arabia on the calendar: the customers it touches, then this one's draft.
    const range = await ipc<{
      entries: { date: string; kind: string; holidayKind?: string; title: string }[]
    }>(page, 'calendar:range', {
      from: dayFromToday(0),
      to: dayFromToday(380),
      lang,
      countries: ['SA'],
      kinds: ['holiday'],
    })
    const eid = range.data!.entries.find(
      (e) => e.holidayKind === 'eid_al_fitr' || e.holidayKind === 'eid_al_adha',
    )!
    expect(eid.title).toBe(tr(lang, `calendar.holiday.${eid.holidayKind!}`))
    await page.goto('/#/calendar')
    await showMonth(page, eid.date)
    await page
      .locator(`[data-testid="calendar-day"][data-day="${eid.date}"]`)
      .getByTestId('calendar-entry')
      .filter({ hasText: eid.title })
      .click()
    await page.getByTestId('entry-dialog').getByTestId('entry-greeting').click()
    await expect(dialog).toContainText(fill(tr(lang, 'greetings.dialog.title'), { occasion: eid.title }))
    const recipients = dialog.getByTestId('greeting-recipients')
    await expect(recipients.getByRole('row').filter({ hasText: who.company })).toBeVisible()
    await shoot(page, `eid-recipients-${lang}`)
    await recipients
      .getByRole('button', { name: fill(tr(lang, 'greetings.dialog.chooseFor'), { name: who.company }) })
      .click()
    const eidSubject = eid.holidayKind === 'eid_al_fitr' ? 'Eid Mubarak!' : 'Eid al-Adha Mubarak'
    await expect(dialog.getByTestId('greeting-subject')).toHaveValue(eidSubject)
    await expect(dialog.getByTestId('greeting-reason')).toHaveText(
      fill(tr(lang, 'greetings.dialog.reason.contact'), { lang: languageName(lang, 'en') }),
    )
    // Switched to the user's language (French for an English user): its built-in text, chosen by the user.
    const other = lang === 'en' ? 'fr' : lang
    await dialog.getByTestId('greeting-lang').click()
    await page.getByRole('option', { name: languageLabel(lang, other), exact: true }).click()
    await expect(dialog.getByTestId('greeting-reason')).toHaveText(
      fill(tr(lang, 'greetings.dialog.reason.chosen'), { lang: languageName(lang, other) }),
    )
    await expect(dialog.getByTestId('greeting-subject')).not.toHaveValue(eidSubject)
    await expect(dialog.getByTestId('greeting-body')).toHaveValue(new RegExp(who.contact))
    await shoot(page, `eid-dialog-${lang}`)
    await dialog.getByTestId('greeting-mark-sent').click()
    await expect(dialog.getByTestId('greeting-sent')).toBeVisible()
    const interactions = await ipc<{ interactions: { kind: string; summary: string }[] }>(
      page,
      'interactions:list',
      { customerId },
    )
    expect(interactions.data!.interactions.map((i) => [i.kind, i.summary])).toEqual([
      ['greeting_sent', fill(tr(lang, 'greetings.sentSummary'), { occasion: eid.title, date: eid.date })],
      ['greeting_sent', summary],
    ])
  })
}
