import type { Page } from '@playwright/test'
import { expect, ipc, test, tr, useLanguage, fill, type Lang, shootSizes } from './helpers'

// Trade-fair mode (F1) in zh, fr and en: a fair created, three leads captured from the keyboard
// (one of them the first visitor again, added to the customer the duplicate suggestion names), a
// business-card photo attached, the triage list, the photo on the customer page and the leads'
// follow-ups in the calendar's agenda. The three tests share this file's harness, each with its
// own fair and customers.

const SHOTS = '.tmp/shots/hf'
// A real 1×1 PNG, as a phone would hand over a (much larger) card photo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

async function shoot(page: Page, name: string) {
  await shootSizes(page, SHOTS, name)
}

/** The plural form i18next picks for `count` (zh has one form; en and fr one and other). */
const plural = (lang: Lang, key: string, count: number) =>
  fill(
    tr(lang, `${key}_${lang !== 'zh' && (count === 1 || (lang === 'fr' && count === 0)) ? 'one' : 'other'}`),
    {
      count,
    },
  )

const COUNTRY_CN: Record<Lang, string> = { zh: '中国', fr: 'Chine', en: 'China' }
const INTEREST: Record<Lang, string> = { zh: '蓝牙音箱', fr: 'Enceintes Bluetooth', en: 'Bluetooth speakers' }

type Visitor = {
  company: string
  person: string
  email: string
  phone: string
  /** Typed in the country field, and the name the list shows for it. */
  country: string
  countryName: string
}

const DATA: Record<
  Lang,
  { fair: string; country: string; countryCode: string; interest: string; leads: [Visitor, Visitor] }
> = {
  // Each language types the country in another one: the picker finds it whatever the screen says.
  zh: {
    fair: '广交会 2026 秋季',
    country: 'Chine',
    countryCode: 'CN',
    interest: '蓝牙音箱',
    leads: [
      {
        company: '深圳华盛电子有限公司',
        person: '王伟',
        email: 'wang@huasheng-sz.cn',
        phone: '138 0013 8000',
        country: 'Chine',
        countryName: '中国',
      },
      {
        company: '宁波海运贸易',
        person: '李娜',
        email: 'li.na@haiyun-nb.cn',
        phone: '139 0574 1234',
        country: 'China',
        countryName: '中国',
      },
    ],
  },
  fr: {
    fair: 'Maison&Objet Paris',
    country: '中国',
    countryCode: 'CN',
    interest: 'Enceintes',
    leads: [
      {
        company: 'Lumière Déco SARL',
        person: 'Élise Martin',
        email: 'elise@lumiere-deco.fr',
        phone: '06 12 34 56 78',
        country: 'France',
        countryName: 'France',
      },
      {
        company: 'Atelier Brun',
        person: 'Hugo Brun',
        email: 'hugo@atelier-brun.fr',
        phone: '06 98 76 54 32',
        country: 'France',
        countryName: 'France',
      },
    ],
  },
  en: {
    fair: 'Gitex Global',
    country: 'China',
    countryCode: 'CN',
    interest: 'Bluetooth',
    leads: [
      {
        company: 'Sahara Lighting LLC',
        person: 'Omar Haddad',
        email: 'omar@sahara-lighting.ae',
        phone: '+971 50 123 4567',
        country: '阿联酋',
        countryName: 'United Arab Emirates',
      },
      {
        company: 'Dune Traders FZE',
        person: 'Aisha Khan',
        email: 'aisha@dunetraders.ae',
        phone: '+971 55 765 4321',
        country: 'Émirats',
        countryName: 'United Arab Emirates',
      },
    ],
  },
}

async function typeAndEnter(page: Page, text: string) {
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}

for (const lang of ['zh', 'fr', 'en'] as const) {
  test(`in ${lang}: a fair, three leads from the keyboard (one a duplicate added to the first), a card photo, triage and follow-ups on the calendar`, async ({
    page,
  }) => {
    const d = DATA[lang]
    await page.goto('/#/fair')
    await useLanguage(page, lang)
    await expect(page.getByRole('link', { name: tr(lang, 'nav.fair') })).toHaveAttribute(
      'aria-current',
      'page',
    )

    // The fair: named, in Guangzhou; its dates default to today.
    await page.getByTestId('fair-new').click()
    const dialog = page.getByTestId('fair-dialog')
    await dialog.getByTestId('fair-name').fill(d.fair)
    await dialog.getByTestId('fair-city').fill('Guangzhou')
    await dialog.getByTestId('fair-country').pressSequentially(d.country)
    await expect(page.getByRole('option', { name: COUNTRY_CN[lang], exact: true })).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(dialog.getByTestId('fair-country')).toHaveValue(COUNTRY_CN[lang])
    await dialog.getByTestId('fair-save').click()
    await expect(page.getByTestId('fair-title')).toHaveText(d.fair)
    const fairId = /#\/fair\/([\w-]+)/.exec(page.url())![1]!

    const form = page.getByTestId('capture-form')
    const company = form.getByTestId('capture-company')
    await expect(company).toBeFocused()

    // Two new leads, each field reached by Enter; the first with its card photo, saved by Ctrl+Enter.
    for (const [i, v] of d.leads.entries()) {
      await typeAndEnter(page, v.company)
      await expect(form.getByTestId('capture-person')).toBeFocused()
      await typeAndEnter(page, v.person)
      await typeAndEnter(page, v.email)
      await typeAndEnter(page, v.phone)
      await expect(form.getByTestId('capture-country')).toBeFocused()
      await page.keyboard.type(v.country)
      await expect(page.getByRole('option', { name: v.countryName, exact: true })).toBeVisible()
      await page.keyboard.press('Enter')
      await expect(form.getByTestId('capture-interests')).toBeFocused()
      await expect(form.getByTestId('capture-country')).toHaveValue(v.countryName)
      await typeAndEnter(page, d.interest)
      await expect(form.getByText(INTEREST[lang], { exact: true })).toBeVisible()
      await page.keyboard.press('Enter')
      await expect(form.getByTestId('capture-note')).toBeFocused()
      await page.keyboard.type(`Booth ${i + 1}: 2,000 pcs`)
      if (i === 0) {
        await form
          .getByTestId('capture-photo')
          .setInputFiles({ name: 'card.png', mimeType: 'image/png', buffer: PNG })
        await expect(form.getByTestId('capture-photo-preview')).toBeVisible()
        await shoot(page, `capture-${lang}`)
      }
      await page.keyboard.press('Control+Enter')
      await expect(page.getByTestId('capture-saved')).toHaveText(
        fill(plural(lang, 'fair.saved', i + 1), { name: v.company }),
      )
      await expect(company).toBeFocused()
      await expect(company).toHaveValue('')
    }
    const customersBefore = (await ipc<{ total: number }>(page, 'customers:list', { limit: 1 })).data!.total

    // The first visitor again: typing the email brings up the first lead's customer to add to.
    const [first] = d.leads
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await expect(form.getByTestId('capture-email')).toBeFocused()
    await page.keyboard.type(first.email)
    const suggestion = form.getByTestId('capture-duplicate').filter({ hasText: first.company })
    await expect(suggestion).toBeVisible()
    await expect(suggestion).toContainText(tr(lang, 'duplicates.reason.email'))
    await shoot(page, `capture-duplicate-${lang}`)
    await suggestion.getByTestId('capture-add-to').click()
    await expect(form.getByTestId('capture-target')).toContainText(first.company)
    await expect(form.getByTestId('capture-person')).toBeFocused()
    await page.keyboard.type(first.person)
    await page.keyboard.press('Control+Enter')
    await expect(page.getByTestId('capture-saved')).toHaveText(
      fill(plural(lang, 'fair.savedExisting', 3), { name: first.company }),
    )
    await expect(page.getByTestId('fair-lead-count')).toHaveText(plural(lang, 'fair.leadCount', 3))
    expect((await ipc<{ total: number }>(page, 'customers:list', { limit: 1 })).data!.total).toBe(
      customersBefore,
    )

    // Triage: the first row hot from its own control, the other two warm and owned by Chen at once.
    await page.getByTestId('tab-triage').click()
    const rows = page.getByTestId('triage-row')
    await expect(rows).toHaveCount(3)
    await rows.nth(0).getByText(tr(lang, 'fair.temperature.hot'), { exact: true }).click()
    await rows.nth(1).getByTestId('triage-pick').check()
    await rows.nth(2).getByTestId('triage-pick').check()
    const bulk = page.getByTestId('triage-bulk')
    await bulk.getByTestId('triage-bulk-warm').click()
    await bulk.getByTestId('triage-bulk-owner').fill('Chen Jing')
    await bulk.getByTestId('triage-bulk-owner-apply').click()
    await expect(rows.nth(1).getByTestId('triage-owner')).toHaveValue('Chen Jing')
    // The third lead is the first customer again: its owner follows.
    await expect(rows.nth(0).getByTestId('triage-owner')).toHaveValue('Chen Jing')
    const { leads } = (
      await ipc<{ leads: { customerName: string; temperature: string; owner: string | null }[] }>(
        page,
        'fair:leads',
        {
          fairId,
        },
      )
    ).data!
    expect(leads.map((l) => [l.customerName, l.temperature, l.owner])).toEqual([
      [first.company, 'hot', 'Chen Jing'],
      [d.leads[1].company, 'warm', 'Chen Jing'],
      [first.company, 'warm', 'Chen Jing'],
    ])
    await shoot(page, `triage-${lang}`)

    // The customer page shows the card photo.
    await rows.nth(0).getByRole('link', { name: first.company }).click()
    await expect(page.getByTestId('business-cards').getByTestId('business-card')).toBeVisible()
    await expect(page.getByTestId('business-cards')).toContainText(tr(lang, 'fair.cardsTitle'))
    await page.getByTestId('business-cards').scrollIntoViewIfNeeded()
    await shoot(page, `customer-card-${lang}`)

    // The follow-ups, 3 days after the fair (today), in the calendar's agenda.
    await page.goto('/#/calendar')
    await page.getByTestId('calendar-view').getByText(tr(lang, 'calendarui.view.agenda')).click()
    const due = new Date()
    due.setDate(due.getDate() + 3)
    const day = `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, '0')}-${String(due.getDate()).padStart(2, '0')}`
    const section = page.locator(`section[data-day="${day}"]`)
    for (const v of d.leads) {
      const title = fill(tr(lang, 'calendar.entry.reminder'), {
        kind: tr(lang, 'calendar.reminderKind.fair_follow_up'),
        customer: v.company,
      })
      await expect(section.getByTestId('agenda-row').filter({ hasText: title }).first()).toBeVisible()
    }
    await expect(section.getByTestId('agenda-row').filter({ hasText: first.company })).toHaveCount(2)
  })
}
