// Greeting drafts (R4): the template of the occasion filled for one contact, in the language the
// contact reads (else the customer's, the country's, the user's), as a mail draft; who a holiday's
// greetings go to; and "sent", a greeting_sent interaction logged through the interactions
// repository, so the contact cadence moves like after any other contact.
import Holidays from 'date-holidays'
import type { AppContext } from '../../context'
import { AppFailure } from '../../../../shared/errors'
import { holidayTitle, type Holiday } from '../../../../shared/holidays'
import {
  fillTemplate,
  mailtoOf,
  occasionOf,
  type GreetingDraft,
  type GreetingOccasion,
  type GreetingRecipient,
  type GreetingTarget,
  type LangReason,
} from '../../../../shared/greetings'
import type { UiLanguage } from '../../../../shared/vocabulary'
import type { Interaction } from '../../../../shared/tiering'
import { holidaysOf, addDays } from '../../core/holidays'
import { exportLabels } from '../groups/export-labels'
import type { GreetingTemplates } from './templates'
import { readSettings } from './settings'

const UI: readonly string[] = ['zh', 'fr', 'en']
/**
 * A greeting logged up to a year before its occasion (written early from the calendar) counts as
 * sent for it; its summary names the occasion's date, which tells the occasions apart.
 */
const SENT_WINDOW_DAYS = 366

const fill = (text: string, vars: Record<string, unknown> = {}) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    const v = vars[k]
    return typeof v === 'string' || typeof v === 'number' ? String(v) : ''
  })

const KNOWN_COUNTRIES: ReadonlySet<string> = new Set(Object.keys(new Holidays().getCountries()))
const countryLangs = new Map<string, string | null>()
/** The first language of a country as the holiday library lists it ('ar' for SA, 'fr' for FR). */
function countryLanguage(country: string | null): string | null {
  if (!country || !KNOWN_COUNTRIES.has(country)) return null
  if (!countryLangs.has(country)) {
    const first = new Holidays(country).getLanguages()[0]
    countryLangs.set(country, first ? first.split('-')[0]!.toLowerCase() : null)
  }
  return countryLangs.get(country) ?? null
}

type CustomerRow = {
  id: string
  display_name: string
  country: string | null
  preferred_language: string | null
  owner: string | null
}
type ContactRow = { id: string; name: string; language: string | null; emails: string }

/** The holiday a target names: its country's holiday of that kind on that date. */
export function holidayOf(target: GreetingTarget, fallbackCountry: string | null): Holiday {
  const country = target.country ?? fallbackCountry
  const found = country
    ? holidaysOf(country, Number(target.date.slice(0, 4))).find(
        (h) => h.date === target.date && (!target.holidayKind || h.kind === target.holidayKind),
      )
    : undefined
  if (!found) throw new AppFailure('validation', [{ path: ['target', 'date'], code: 'invalid_date' }])
  return found
}

/** The occasion's name in `lang` (a non-UI language reads the English name, or the country's own). */
function occasionName(target: GreetingTarget, holiday: Holiday | null, lang: string): string {
  const ui = (UI.includes(lang) ? lang : 'en') as UiLanguage
  const labels = exportLabels(ui)
  if (!holiday) return labels.t('greetings.occasion.birthday')
  if (!UI.includes(lang) && countryLanguage(holiday.country) === lang) return holiday.names.local
  return holidayTitle(
    holiday,
    ui,
    (k, o) => fill(labels.t(k), o),
    (c) => labels.country(c) ?? c,
  )
}

export class GreetingDrafts {
  private readonly q

  constructor(
    private readonly ctx: Pick<AppContext, 'db' | 'customers' | 'interactions' | 'today'>,
    private readonly templates: GreetingTemplates,
  ) {
    const { db } = ctx
    this.q = {
      customer: db.prepare(
        'SELECT id, display_name, country, preferred_language, owner FROM customers WHERE id = ? AND deleted_at IS NULL',
      ),
      contacts: db.prepare(
        `SELECT id, name, language, emails FROM contacts WHERE customer_id = ? AND deleted_at IS NULL
         ORDER BY is_primary DESC, created_at, id`,
      ),
      sent: db
        .prepare(
          `SELECT 1 FROM interactions WHERE customer_id = ? AND kind = 'greeting_sent' AND deleted_at IS NULL
             AND date >= ? AND instr(summary, ?) > 0 AND (? IS NULL OR contact_id = ?) LIMIT 1`,
        )
        .pluck(),
    }
  }

  private customer(id: string): CustomerRow {
    const row = this.q.customer.get(this.ctx.customers.requireLive(id)) as CustomerRow | undefined
    if (!row) throw new AppFailure('not_found')
    return row
  }

  /** Whether a greeting for this occasion was logged for the customer (the contact, for a birthday). */
  sent(customerId: string, target: GreetingTarget, contactId: string | null): boolean {
    const contact = target.occasion === 'birthday' ? contactId : null
    return Boolean(
      this.q.sent.get(customerId, addDays(target.date, -SENT_WINDOW_DAYS), target.date, contact, contact),
    )
  }

  draft(input: {
    customerId: string
    contactId?: string | null
    target: GreetingTarget
    lang?: string | null
    uiLang: UiLanguage
  }): GreetingDraft {
    const c = this.customer(input.customerId)
    const contacts = this.q.contacts.all(c.id) as ContactRow[]
    const contact = input.contactId ? contacts.find((k) => k.id === input.contactId) : contacts[0]
    // A contact of another customer would put the greeting on the wrong page.
    if (input.contactId && !contact)
      throw new AppFailure('validation', [{ path: ['contactId'], code: 'invalid_choice' }])
    const holiday = input.target.occasion === 'holiday' ? holidayOf(input.target, c.country) : null
    const occasion: GreetingOccasion = holiday ? occasionOf(holiday.kind) : 'birthday'

    const langs = this.templates.langsFor(occasion)
    const norm = (l: string | null | undefined) => (l ? l.split('-')[0]!.toLowerCase() : null)
    const candidates: [string | null, LangReason][] = [
      [norm(input.lang), 'chosen'],
      [norm(contact?.language), 'contact'],
      [norm(c.preferred_language), 'customer'],
      [countryLanguage(c.country), 'country'],
      [input.uiLang, 'ui'],
    ]
    const [lang, reason] = candidates.find(([l]) => l && langs.includes(l)) as [string, LangReason]
    const template = this.templates.resolve(occasion, lang)!

    const holidayName = occasionName(input.target, holiday, lang)
    const sender = readSettings(this.ctx.db).sender ?? c.owner ?? ''
    const values = { contact: contact?.name ?? '', company: c.display_name, holiday: holidayName, sender }
    const subject = fillTemplate(template.subject, values)
    const body = fillTemplate(template.body, values)
    const to = contact ? ((JSON.parse(contact.emails) as string[])[0] ?? null) : null
    return {
      customerId: c.id,
      customerName: c.display_name,
      contactId: contact?.id ?? null,
      contactName: contact?.name ?? null,
      contacts: contacts.map((k) => ({ id: k.id, name: k.name, language: k.language })),
      occasion,
      holiday: holidayName,
      lang,
      reason,
      langs,
      subject,
      body,
      to,
      mailto: mailtoOf(to, subject, body),
      sent: this.sent(c.id, input.target, contact?.id ?? null),
    }
  }

  /**
   * The customers a holiday's greetings go to (its country's, not opted out), Key first, each with
   * its primary contact and whether the greeting went; `total` and `sent` count all of them.
   */
  recipients(
    target: GreetingTarget,
    limit: number,
  ): { total: number; sent: number; rows: GreetingRecipient[] } {
    if (!target.country)
      throw new AppFailure('validation', [{ path: ['target', 'country'], code: 'required' }])
    holidayOf(target, null)
    const since = addDays(target.date, -SENT_WINDOW_DAYS)
    const marker = target.date
    const sentSql = `EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.kind = 'greeting_sent'
        AND i.deleted_at IS NULL AND i.date >= ? AND instr(i.summary, ?) > 0)`
    const where = 'c.deleted_at IS NULL AND c.holiday_opt_out = 0 AND c.country = ?'
    const counts = this.ctx.db
      .prepare(
        `SELECT count(*) AS total, coalesce(sum(${sentSql}), 0) AS sent FROM customers c WHERE ${where}`,
      )
      .get(since, marker, target.country) as { total: number; sent: number }
    const rows = this.ctx.db
      .prepare(
        `SELECT c.id, c.display_name, k.id AS contact_id, k.name AS contact_name, k.emails, ${sentSql} AS sent
         FROM customers c LEFT JOIN customer_tiers t ON t.customer_id = c.id
         LEFT JOIN contacts k ON k.id = (SELECT id FROM contacts WHERE customer_id = c.id AND deleted_at IS NULL
           ORDER BY is_primary DESC, created_at, id LIMIT 1)
         WHERE ${where}
         ORDER BY CASE t.tier WHEN 'key' THEN 0 WHEN 'mid' THEN 1 WHEN 'small' THEN 2 ELSE 3 END, c.sort_name, c.id
         LIMIT ?`,
      )
      .all(since, marker, target.country, limit) as {
      id: string
      display_name: string
      contact_id: string | null
      contact_name: string | null
      emails: string | null
      sent: number
    }[]
    return {
      total: counts.total,
      sent: counts.sent,
      rows: rows.map((r) => ({
        customerId: r.id,
        customerName: r.display_name,
        contactId: r.contact_id,
        contactName: r.contact_name,
        email: r.emails ? ((JSON.parse(r.emails) as string[])[0] ?? null) : null,
        sent: r.sent === 1,
      })),
    }
  }

  /**
   * Logs the greeting as a greeting_sent interaction dated today, named in the user's language with
   * the occasion's date, which is how `sent` finds it again for this occasion and no other.
   */
  markSent(input: {
    customerId: string
    contactId?: string | null
    target: GreetingTarget
    uiLang: UiLanguage
  }): Interaction {
    const c = this.customer(input.customerId)
    const holiday = input.target.occasion === 'holiday' ? holidayOf(input.target, c.country) : null
    const labels = exportLabels(input.uiLang)
    const summary = fill(labels.t('greetings.sentSummary'), {
      occasion: occasionName(input.target, holiday, input.uiLang),
      date: input.target.date,
    })
    return this.ctx.interactions.log(c.id, {
      kind: 'greeting_sent',
      date: this.ctx.today(),
      contactId: input.contactId ?? null,
      summary,
    })
  }
}
