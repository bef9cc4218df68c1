// The new-customer and contact forms as data: their fields and labels, how a draft becomes what
// main takes, and the checks that show every problem at once (see components/formErrors.ts).
// Kept apart from the dialogs so a unit test can run every field's errors in every language.
import { contactInputSchema, customerInputSchema } from '../../../../shared/domain'
import type { ContactInput, CustomerInput } from '../../../../shared/domain'
import { phoneIsValid, schemaIssues } from '../../components/formErrors'
import type { FormIssue, FormSpec } from '../../components/formErrors'

type Path = (string | number)[]

export type CustomerDraft = {
  displayName: string
  originalName: string
  country: string | null
  city: string
  website: string
  businessType: string | null
  industry: string
  source: string | null
  owner: string
  tags: string[]
  contactName: string
  contactTitle: string
  contactEmail: string
  contactPhone: string
}

export const EMPTY_CUSTOMER: CustomerDraft = {
  displayName: '',
  originalName: '',
  country: null,
  city: '',
  website: '',
  businessType: null,
  industry: '',
  source: null,
  owner: '',
  tags: [],
  contactName: '',
  contactTitle: '',
  contactEmail: '',
  contactPhone: '',
}

const nullIfEmpty = (s: string) => (s.trim() === '' ? null : s.trim())

/** What customers:create takes. A first contact is sent when any of its fields was typed. */
export function toCreateInput(d: CustomerDraft): { customer: CustomerInput; contacts: ContactInput[] } {
  const customer: CustomerInput = {
    displayName: d.displayName,
    originalName: nullIfEmpty(d.originalName),
    country: d.country ?? '',
    city: nullIfEmpty(d.city),
    website: nullIfEmpty(d.website),
    businessType: d.businessType as CustomerInput['businessType'],
    industry: nullIfEmpty(d.industry),
    source: d.source as CustomerInput['source'],
    owner: nullIfEmpty(d.owner),
    tags: d.tags,
  }
  // A title typed alone is kept too (and then asks for a name) rather than silently dropped.
  const hasContact = [d.contactName, d.contactTitle, d.contactEmail, d.contactPhone].some((s) => s.trim())
  const contacts: ContactInput[] = hasContact
    ? [
        {
          name: d.contactName,
          title: nullIfEmpty(d.contactTitle),
          emails: d.contactEmail.trim() ? [d.contactEmail.trim()] : [],
          phones: d.contactPhone.trim() ? [d.contactPhone.trim()] : [],
          isPrimary: true,
        },
      ]
    : []
  return { customer, contacts }
}

const CONTACT_FIELD: Record<string, keyof CustomerDraft> = {
  name: 'contactName',
  title: 'contactTitle',
  emails: 'contactEmail',
  phones: 'contactPhone',
}

/** The new-customer dialog: customer fields, then the optional first contact. */
export const customerFormSpec: FormSpec<CustomerDraft> = {
  labels: {
    displayName: 'fields.displayName',
    originalName: 'fields.originalName',
    country: 'fields.country',
    city: 'fields.city',
    website: 'fields.website',
    businessType: 'fields.businessType',
    industry: 'fields.industry',
    source: 'fields.source',
    owner: 'fields.owner',
    tags: 'fields.tags',
    contactName: 'customerForm.contactName',
    contactTitle: 'fields.title',
    contactEmail: 'customerForm.contactEmail',
    contactPhone: 'customerForm.contactPhone',
  },
  fieldOf: (path: Path) => {
    const [head, a, b] = path
    if (head === 'customer' && typeof a === 'string' && a in customerFormSpec.labels) return a
    if (head === 'contacts' && typeof b === 'string') return CONTACT_FIELD[b] ?? null
    return null
  },
  check: (d) => {
    const { customer, contacts } = toCreateInput(d)
    const issues: FormIssue[] = [
      ...schemaIssues(customerInputSchema, customer, (p) => customerFormSpec.fieldOf(['customer', ...p])),
      ...contacts.flatMap((c) =>
        schemaIssues(contactInputSchema, c, (p) => customerFormSpec.fieldOf(['contacts', 0, ...p])),
      ),
    ]
    const phone = d.contactPhone.trim()
    if (phone && !phoneIsValid(phone, d.country))
      issues.push({ field: 'contactPhone', code: 'invalid_phone' })
    return issues
  },
}

export type ContactDraft = {
  name: string
  title: string
  emails: string[]
  phones: string[]
  whatsapp: string
  wechat: string
  birthdayMonth: number | string
  birthdayDay: number | string
  birthdayYear: number | string
  language: string | null
  isPrimary: boolean
  notes: string
}

/** A number input's value: a number, null when empty, NaN for text that is not a number. */
function num(v: number | string): number | null {
  if (typeof v === 'number') return v
  return v.trim() === '' ? null : Number.NaN
}

/** What contacts:create / contacts:update take; `keep` is messaging the form does not edit. */
export function toContactInput(d: ContactDraft, keep: ContactInput['messaging'] = []): ContactInput {
  return {
    name: d.name,
    title: d.title.trim() || null,
    emails: d.emails,
    phones: d.phones,
    messaging: [
      ...(d.whatsapp.trim() ? [{ kind: 'whatsapp' as const, handle: d.whatsapp.trim() }] : []),
      ...(d.wechat.trim() ? [{ kind: 'wechat' as const, handle: d.wechat.trim() }] : []),
      ...(keep ?? []),
    ],
    birthdayMonth: num(d.birthdayMonth),
    birthdayDay: num(d.birthdayDay),
    birthdayYear: num(d.birthdayYear),
    language: d.language as ContactInput['language'],
    isPrimary: d.isPrimary,
    notes: d.notes.trim() || null,
  }
}

const CONTACT_LABELS: Record<string, string> = {
  name: 'fields.name',
  title: 'fields.title',
  emails: 'fields.emails',
  phones: 'fields.phones',
  whatsapp: 'enum.messaging.whatsapp',
  wechat: 'enum.messaging.wechat',
  birthdayMonth: 'fields.birthdayMonth',
  birthdayDay: 'fields.birthdayDay',
  birthdayYear: 'fields.birthdayYear',
  language: 'fields.language',
  notes: 'fields.notes',
}

/**
 * The contact dialog of a customer in `country` (phones without +prefix are read there). A
 * messaging issue from main names its handle by position: WhatsApp first when one was typed.
 */
export function contactFormSpec(country: string | null): FormSpec<ContactDraft> {
  const fieldOf = (path: Path, d?: ContactDraft): string | null => {
    const rest = path[0] === 'contact' || path[0] === 'patch' ? path.slice(1) : path
    const [a, i] = rest
    if (a === 'messaging' && typeof i === 'number')
      return d && !d.whatsapp.trim() ? 'wechat' : i === 0 ? 'whatsapp' : 'wechat'
    return typeof a === 'string' && a in CONTACT_LABELS ? a : null
  }
  return {
    labels: CONTACT_LABELS,
    fieldOf: (path) => fieldOf(path),
    check: (d) => {
      const input = toContactInput(d)
      const issues = schemaIssues(contactInputSchema, input, (p) => fieldOf(p, d))
      if (d.phones.some((p) => !phoneIsValid(p, country)))
        issues.push({ field: 'phones', code: 'invalid_phone' })
      // The same rule as main's checkContact: a birthday is a month and a day, and a real one
      // (29 February is).
      const month = input.birthdayMonth
      const day = input.birthdayDay
      if ((month == null) !== (day == null))
        issues.push({ field: month == null ? 'birthdayMonth' : 'birthdayDay', code: 'required' })
      else if (month != null && day != null && month >= 1 && month <= 12) {
        if (day > new Date(Date.UTC(2024, month, 0)).getUTCDate())
          issues.push({ field: 'birthdayDay', code: 'invalid_date' })
      }
      return issues
    },
  }
}

/** A contact's draft: its stored values, or an empty form. */
export function toContactDraft(c?: {
  name: string
  title: string | null
  emails: string[]
  phones: string[]
  messaging: { kind: string; handle: string }[]
  birthdayMonth: number | null
  birthdayDay: number | null
  birthdayYear: number | null
  language: string | null
  isPrimary: boolean
  notes: string | null
}): ContactDraft {
  return {
    name: c?.name ?? '',
    title: c?.title ?? '',
    emails: c?.emails ?? [],
    phones: c?.phones ?? [],
    whatsapp: c?.messaging.find((m) => m.kind === 'whatsapp')?.handle ?? '',
    wechat: c?.messaging.find((m) => m.kind === 'wechat')?.handle ?? '',
    birthdayMonth: c?.birthdayMonth ?? '',
    birthdayDay: c?.birthdayDay ?? '',
    birthdayYear: c?.birthdayYear ?? '',
    language: c?.language ?? null,
    isPrimary: c?.isPrimary ?? false,
    notes: c?.notes ?? '',
  }
}
