// Greetings (R4) on real SQLite through the IPC loop: the language a draft is written in and why,
// its fields filled, the team's templates (an unknown field refused with nothing written, an edit
// then a reset), "sent" logged as an interaction that moves the contact duty, and the lead time
// per occasion deciding what Today lists.
import { afterEach, describe, expect, it } from 'vitest'
import { caller, data, tempServices } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'
import { BUILTIN_TEMPLATES } from '../../shared/greetings'
import type { ContactInput, CustomerInput } from '../../shared/domain'

let s: (Services & { dir: string }) | undefined
afterEach(async () => {
  await s?.close()
  s = undefined
})
const call = caller(() => s!)

const EID = { occasion: 'holiday', date: '2027-03-09', country: 'SA', holidayKind: 'eid_al_fitr' } as const
const DAY = 86_400_000
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY)

async function customer(
  name: string,
  country: string,
  contact: Omit<ContactInput, 'isPrimary'>,
  extra: Partial<Pick<CustomerInput, 'preferredLanguage' | 'owner'>> = {},
) {
  const id = data(
    await call('customers:create', {
      customer: { displayName: name, country, ...extra },
      contacts: [{ emails: [], ...contact }],
    }),
  ).id
  const contactId = data(await call('customers:get', { id })).contacts[0]!.id
  return { id, contactId }
}

describe('greeting drafts', () => {
  it('chooses the contact’s language, else the customer’s, the country’s, the user’s, and says why', async () => {
    s = tempServices({ now: () => new Date('2027-03-05T09:00:00Z') })
    const en = await customer('Al Noor Trading', 'SA', { name: 'Omar Haddad', language: 'en' })
    const pref = await customer(
      'Gulf Star',
      'SA',
      { name: 'Sara Nasser', language: 'ar' },
      { preferredLanguage: 'fr' },
    )
    const country = await customer('Maison Lefèvre', 'FR', { name: 'Claire Martin', language: 'de' })
    const ui = await customer('Riyadh Imports', 'SA', { name: 'Khalid Aziz', language: 'ar' })

    const draft = (id: string, target: object = EID, lang?: string) =>
      call('greetings:draft', { customerId: id, target: target as typeof EID, uiLang: 'zh', lang })
    expect(data(await draft(en.id))).toMatchObject({ lang: 'en', reason: 'contact' })
    expect(data(await draft(pref.id))).toMatchObject({ lang: 'fr', reason: 'customer' })
    const fr = data(await draft(country.id, { occasion: 'holiday', date: '2027-07-14', country: 'FR' }))
    expect(fr).toMatchObject({ lang: 'fr', reason: 'country', occasion: 'national_day' })
    // Arabic has no template, Saudi Arabia's language neither: the user's language (zh) is used.
    expect(data(await draft(ui.id))).toMatchObject({ lang: 'zh', reason: 'ui' })
    expect(data(await draft(ui.id, EID, 'fr'))).toMatchObject({ lang: 'fr', reason: 'chosen' })

    // Once the team writes an Arabic Eid text, the Arabic-reading contact gets it.
    data(
      await call('greetings:saveTemplate', {
        occasion: 'eid_al_fitr',
        lang: 'ar',
        subject: 'عيد مبارك',
        body: 'عزيزي {contact}،\n\nعيد مبارك من {sender}',
      }),
    )
    const ar = data(await draft(ui.id))
    expect(ar).toMatchObject({ lang: 'ar', reason: 'contact', subject: 'عيد مبارك' })
    expect(ar.body).toContain('Khalid Aziz')
    expect(ar.langs).toEqual(['zh', 'fr', 'en', 'ar'])
    // A birthday has no Arabic text: the Arabic Eid template does not make Arabic a birthday language.
    expect(data(await draft(ui.id, { occasion: 'birthday', date: '2027-03-07' }))).toMatchObject({
      lang: 'zh',
      reason: 'ui',
    })
  })

  it('fills contact, company, holiday and sender, and makes a mailto draft', async () => {
    s = tempServices({ now: () => new Date('2027-03-05T09:00:00Z') })
    const c = await customer(
      'Al Noor Trading',
      'SA',
      { name: 'Amira Haddad', language: 'fr', emails: ['amira@alnoor.sa'] },
      { owner: 'Li Wei' },
    )
    const d = data(await call('greetings:draft', { customerId: c.id, target: EID, uiLang: 'en' }))
    expect(d.holiday).toBe('Aïd el-Fitr')
    expect(d.subject).toBe('Aïd Moubarak\u202f!')
    expect(d.body).toContain('Bonjour Amira Haddad,')
    expect(d.body).toContain('toute l’équipe de Al Noor Trading')
    // No signature set on this device: the customer's owner signs.
    expect(d.body.endsWith('Bien cordialement,\nLi Wei')).toBe(true)
    expect(d.body).not.toMatch(/[{}]/)
    expect(d.to).toBe('amira@alnoor.sa')
    const url = new URL(d.mailto)
    expect(url.protocol).toBe('mailto:')
    expect(url.pathname).toBe('amira@alnoor.sa')
    expect(url.searchParams.get('subject')).toBe(d.subject)
    expect(url.searchParams.get('body')).toBe(d.body.replace(/\n/g, '\r\n'))

    data(await call('greetings:saveSettings', { sender: 'Chen Jie, Ningbo Lights' }))
    const signed = data(
      await call('greetings:draft', { customerId: c.id, target: EID, uiLang: 'en', lang: 'zh' }),
    )
    expect(signed.holiday).toBe('开斋节')
    expect(signed.body).toContain('尊敬的Amira Haddad：')
    expect(signed.body.endsWith('顺颂商祺！\nChen Jie, Ningbo Lights')).toBe(true)

    // A holiday the country does not have on that date is refused.
    const wrong = await call('greetings:draft', {
      customerId: c.id,
      target: { ...EID, date: '2027-03-10' },
      uiLang: 'en',
    })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})

describe('greeting templates', () => {
  it('refuses an unknown field by name and an empty body, writing nothing', async () => {
    s = tempServices()
    const log = () => s!.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number
    const before = log()
    const bad = await call('greetings:saveTemplate', {
      occasion: 'christmas',
      lang: 'en',
      subject: 'Merry Christmas',
      body: 'Dear {contact}, from {client}',
    })
    expect(bad).toEqual({
      ok: false,
      error: {
        code: 'validation',
        issues: [{ path: ['body'], code: 'invalid_value' }],
        details: { unknownField: 'client' },
      },
    })
    const empty = await call('greetings:saveTemplate', {
      occasion: 'christmas',
      lang: 'en',
      subject: 'Merry Christmas',
      body: '  \n ',
    })
    expect(empty).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: ['body'] }] } })
    expect(s.db.prepare('SELECT count(*) FROM greeting_templates').pluck().get()).toBe(0)
    expect(log()).toBe(before)
  })

  it('uses the team’s text once saved, and the built-in one again after a reset', async () => {
    s = tempServices({ now: () => new Date('2027-03-05T09:00:00Z') })
    const c = await customer('Al Noor Trading', 'SA', { name: 'Omar Haddad', language: 'en' })
    const body = 'Dear {contact},\n\nEid Mubarak to all at {company}!\n\n{sender}'
    const saved = data(
      await call('greetings:saveTemplate', {
        occasion: 'eid_al_fitr',
        lang: 'en',
        subject: 'Eid Mubarak',
        body,
      }),
    )
    expect(saved).toMatchObject({ custom: true, body, builtin: BUILTIN_TEMPLATES.eid_al_fitr.en })
    const listed = data(await call('greetings:templates', {})).templates
    expect(listed.find((t) => t.occasion === 'eid_al_fitr' && t.lang === 'en')).toMatchObject({
      custom: true,
    })
    expect(listed.filter((t) => t.custom)).toHaveLength(1)
    const draft = () => call('greetings:draft', { customerId: c.id, target: EID, uiLang: 'en' })
    expect(data(await draft()).body).toBe('Dear Omar Haddad,\n\nEid Mubarak to all at Al Noor Trading!')

    const reset = data(await call('greetings:resetTemplate', { occasion: 'eid_al_fitr', lang: 'en' }))
    expect(reset).toMatchObject({ custom: false, ...BUILTIN_TEMPLATES.eid_al_fitr.en })
    expect(data(await draft()).subject).toBe('Eid Mubarak!')
    // The row stays as a tombstone, so the reset syncs to the team.
    expect(s.db.prepare('SELECT deleted_at IS NOT NULL FROM greeting_templates').pluck().all()).toEqual([1])
    // Saved again: the same row comes back (one row per occasion and language on every device).
    data(await call('greetings:saveTemplate', { occasion: 'eid_al_fitr', lang: 'en', subject: 'Eid', body }))
    expect(
      s.db.prepare('SELECT count(*) FROM greeting_templates WHERE deleted_at IS NULL').pluck().get(),
    ).toBe(1)
    expect(s.db.prepare('SELECT count(*) FROM greeting_templates').pluck().get()).toBe(1)
  })
})

describe('marking a greeting sent', () => {
  it('logs a greeting_sent interaction naming the occasion and moves the contact duty', async () => {
    s = tempServices({ now: () => new Date('2027-03-05T09:00:00Z') })
    const c = await customer('Al Noor Trading', 'SA', { name: 'Omar Haddad', language: 'en' })
    const other = await customer('Gulf Star', 'SA', { name: 'Sara Nasser', language: 'ar' })
    data(
      await call('interactions:log', {
        customerId: c.id,
        interaction: { kind: 'call', date: '2026-12-01', summary: 'Price list' },
      }),
    )
    const due = () =>
      s!.db
        .prepare("SELECT due_date FROM customer_duties WHERE customer_id = ? AND kind = 'contact_due'")
        .pluck()
        .get(c.id) as string
    const before = due()
    expect(data(await call('greetings:draft', { customerId: c.id, target: EID, uiLang: 'fr' })).sent).toBe(
      false,
    )

    const logged = data(
      await call('greetings:markSent', {
        customerId: c.id,
        contactId: c.contactId,
        target: EID,
        uiLang: 'fr',
      }),
    )
    expect(logged).toMatchObject({
      kind: 'greeting_sent',
      date: '2027-03-05',
      contactId: c.contactId,
      summary: 'Vœux envoyés\u202f: Aïd el-Fitr (2027-03-09)',
    })
    expect(data(await call('interactions:list', { customerId: c.id })).interactions[0]).toMatchObject({
      id: logged.id,
    })
    // The cadence restarts from today's greeting, not from December's call.
    expect(days(before, due())).toBe(days('2026-12-01', '2027-03-05'))

    expect(data(await call('greetings:draft', { customerId: c.id, target: EID, uiLang: 'en' })).sent).toBe(
      true,
    )
    const recipients = data(await call('greetings:recipients', { target: EID }))
    expect(recipients).toMatchObject({ total: 2, sent: 1 })
    expect(recipients.rows.map((r) => [r.customerName, r.contactName, r.sent])).toEqual([
      ['Al Noor Trading', 'Omar Haddad', true],
      ['Gulf Star', 'Sara Nasser', false],
    ])
    // Another occasion (Eid al-Adha) is not marked by the Eid al-Fitr greeting.
    const adha = {
      occasion: 'holiday',
      date: '2027-05-16',
      country: 'SA',
      holidayKind: 'eid_al_adha',
    } as const
    expect(
      data(await call('greetings:status', { items: [{ target: EID }, { target: adha }] })).statuses,
    ).toEqual([
      { sent: 1, total: 2 },
      { sent: 0, total: 2 },
    ])
    // Written early, ten weeks ahead from the calendar, it still counts for that Eid.
    data(await call('greetings:markSent', { customerId: c.id, target: adha, uiLang: 'en' }))
    expect(data(await call('greetings:status', { items: [{ target: adha }] })).statuses).toEqual([
      { sent: 1, total: 2 },
    ])
    // A birthday marked sent in Chinese (its summary in full-width brackets) is found again for
    // that contact only.
    const birthday = { occasion: 'birthday', date: '2027-03-07' } as const
    const before2 = await call('greetings:status', {
      items: [{ target: birthday, customerId: other.id, contactId: other.contactId }],
    })
    expect(data(before2).statuses).toEqual([{ sent: 0, total: 1 }])
    const zh = data(
      await call('greetings:markSent', {
        customerId: other.id,
        contactId: other.contactId,
        target: birthday,
        uiLang: 'zh',
      }),
    )
    expect(zh.summary).toBe('已发问候：生日（2027-03-07）')
    expect(
      data(
        await call('greetings:draft', {
          customerId: other.id,
          contactId: other.contactId,
          target: birthday,
          uiLang: 'zh',
        }),
      ).sent,
    ).toBe(true)
    expect(
      data(await call('greetings:draft', { customerId: c.id, target: birthday, uiLang: 'zh' })).sent,
    ).toBe(false)

    // A contact of another customer is refused, nothing logged.
    const count = s.db.prepare('SELECT count(*) FROM interactions').pluck().get()
    const wrong = await call('greetings:markSent', {
      customerId: c.id,
      contactId: other.contactId,
      target: EID,
      uiLang: 'en',
    })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(s.db.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(count)
  })
})

describe('lead time per occasion', () => {
  it('decides which greetings Today lists, and refuses a lead time outside 0–30', async () => {
    // 20 February 2027: Saudi Founding Day (national day) in 2 days, Eid al-Fitr in 17, a birthday in 5.
    s = tempServices({ now: () => new Date('2027-02-20T09:00:00Z') })
    await customer('Al Noor Trading', 'SA', {
      name: 'Omar Haddad',
      language: 'en',
      birthdayMonth: 2,
      birthdayDay: 25,
    })
    const listed = async () =>
      data(await call('today:get', { lang: 'en' }))
        .items.filter((i) => i.kind === 'greeting' || i.kind === 'birthday')
        .map((i) => `${i.kind}:${i.date}${i.holidayKind ? `:${i.holidayKind}` : ''}`)
        .sort()
    expect(await listed()).toEqual(['greeting:2027-02-22:national_day'])

    data(
      await call('greetings:saveSettings', { leadDays: { eid_al_fitr: 20, birthday: 5, national_day: 0 } }),
    )
    expect(await listed()).toEqual(['birthday:2027-02-25', 'greeting:2027-03-09:eid_al_fitr'])
    expect(data(await call('greetings:templates', {})).settings.leadDays).toEqual({
      eid_al_fitr: 20,
      birthday: 5,
      national_day: 0,
    })

    for (const bad of [31, -1, 2.5]) {
      const res = await call('greetings:saveSettings', { leadDays: { eid_al_fitr: 3, birthday: bad } })
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'validation', details: { leadDays: { occasion: 'birthday', min: 0, max: 30 } } },
      })
    }
    // Nothing of the refused calls was kept, not even their valid part.
    expect(data(await call('greetings:templates', {})).settings.leadDays.eid_al_fitr).toBe(20)
    expect(await listed()).toEqual(['birthday:2027-02-25', 'greeting:2027-03-09:eid_al_fitr'])
  })
})
