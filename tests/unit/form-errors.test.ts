// Every validation error of the customer, contact, interaction and feedback forms, in zh, fr and
// en: each names the field as the form labels it, never shows a raw key or an unfilled
// {{variable}}, shows together with every other error of the form, and every issue main can send
// back lands on a labelled field.
import { describe, it, expect, beforeAll } from 'vitest'
import i18next from 'i18next'
import type { TFunction } from 'i18next'
import { translations } from '../../shared/i18n/resources'
import { ISSUE_CODES } from '../../shared/vocabulary'
import type { IssueCode } from '../../shared/vocabulary'
import { contract } from '../../shared/contract'
import { fieldIssues } from '../../shared/errors'
import { checkContact } from '../../electron/main/core/validate'
import { describeIssues, phoneIsValid } from '../../renderer/src/components/formErrors'
import type { FormIssue, FormSpec } from '../../renderer/src/components/formErrors'
import {
  EMPTY_CUSTOMER,
  contactFormSpec,
  customerFormSpec,
  toContactDraft,
} from '../../renderer/src/features/customers/forms'
import type { CustomerDraft } from '../../renderer/src/features/customers/forms'
import { interactionFormSpec } from '../../renderer/src/features/interactions/form'
import { feedbackFormSpec } from '../../renderer/src/features/feedback/form'
import { lockFormSpec } from '../../renderer/src/features/tiers/lockForm'

const LANGS = ['zh', 'fr', 'en'] as const
const ts = {} as Record<(typeof LANGS)[number], TFunction>

beforeAll(async () => {
  for (const lng of LANGS) {
    const i = i18next.createInstance()
    await i.init({
      lng,
      resources: { [lng]: { translation: translations[lng] } },
      interpolation: { escapeValue: false },
    })
    ts[lng] = i.t.bind(i)
  }
})

// A key shown as text ("fields.values", "validation.required") or a variable left unfilled.
const RAW = /\b(fields|validation|errors|customerForm|customerPage|enum|hints|common)\.[A-Za-z_]/
const UNFILLED = /\{\{|\}\}/

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the forms' drafts differ
const FORMS: Record<string, FormSpec<any>> = {
  customer: customerFormSpec,
  contact: contactFormSpec('FR'),
  'contact (customer without a country)': contactFormSpec(null),
  interaction: interactionFormSpec,
  feedback: feedbackFormSpec,
  'tier lock': lockFormSpec,
}

/** The summary lines exactly as FormDialog shows them. */
function shown(
  t: TFunction,
  spec: { labels: Record<string, string> },
  issues: FormIssue[],
  countryName: string | null,
) {
  return describeIssues(t, spec.labels, issues, { countryName }).lines.map((l) =>
    l.label ? t('validation.fieldIssue', { field: l.label, problem: l.message }) : l.message,
  )
}

describe('form error messages', () => {
  for (const lang of LANGS) {
    for (const [name, spec] of Object.entries(FORMS)) {
      it(`${name} form, ${lang}: every issue of every field reads without a raw key`, () => {
        const t = ts[lang]
        const bad: string[] = []
        for (const field of Object.keys(spec.labels)) {
          const label = t(spec.labels[field]!)
          if (RAW.test(label) || label === spec.labels[field]) bad.push(`${field}: label ${label}`)
          for (const code of ISSUE_CODES) {
            for (const countryName of [null, 'X-Land']) {
              const [line] = shown(t, spec, [{ field, code }], countryName)
              if (!line || RAW.test(line) || UNFILLED.test(line) || !line.includes(label))
                bad.push(`${field}/${code}: ${line}`)
            }
          }
        }
        expect(bad).toEqual([])
      })
    }
  }

  it('say which country a phone was read in, or that none is chosen', () => {
    for (const lang of LANGS) {
      const t = ts[lang]
      const issue: FormIssue = { field: 'contactPhone', code: 'invalid_phone' }
      const withCountry = shown(t, customerFormSpec, [issue], 'Chine')[0]!
      const without = shown(t, customerFormSpec, [issue], null)[0]!
      expect(withCountry).toContain('Chine')
      expect(without).toBe(
        t('validation.fieldIssue', {
          field: t('customerForm.contactPhone'),
          problem: t('customerForm.phoneNeedsCountry'),
        }),
      )
      // "for this country" would be wrong with none chosen.
      expect(without).not.toContain(t('validation.invalid_phone'))
    }
  })
})

describe('the new-customer form', () => {
  const bad: CustomerDraft = {
    ...EMPTY_CUSTOMER,
    website: 'not a site',
    contactEmail: 'bob-at-example',
    contactPhone: '12345',
  }

  it('finds every problem at once, phones included, each on a labelled field', () => {
    const issues = customerFormSpec.check(bad)
    expect(new Set(issues.map((i) => i.field))).toEqual(
      new Set(['displayName', 'country', 'website', 'contactName', 'contactEmail', 'contactPhone']),
    )
    expect(issues.find((i) => i.field === 'contactPhone')?.code).toBe('invalid_phone')
    expect(issues.find((i) => i.field === 'country')?.code).toBe('required')
  })

  it('drops an error as soon as its field is valid', () => {
    const fixed = customerFormSpec.check({ ...bad, displayName: 'Lumière Déco', country: 'FR' })
    expect(fixed.map((i) => i.field)).not.toContain('displayName')
    expect(fixed.map((i) => i.field)).not.toContain('country')
    expect(fixed.map((i) => i.field)).toContain('website')
  })

  it('reads a national phone in the chosen country, and any +number without one', () => {
    expect(phoneIsValid('06 12 34 56 78', 'FR')).toBe(true)
    expect(phoneIsValid('06 12 34 56 78', null)).toBe(false)
    expect(phoneIsValid('+33 6 12 34 56 78', null)).toBe(true)
    const ok = customerFormSpec.check({
      ...EMPTY_CUSTOMER,
      displayName: 'Lumière Déco',
      country: 'FR',
      contactName: 'Anne',
      contactPhone: '06 12 34 56 78',
    })
    expect(ok).toEqual([])
  })

  it('keeps a contact title typed alone instead of dropping it', () => {
    const issues = customerFormSpec.check({
      ...EMPTY_CUSTOMER,
      displayName: 'A',
      country: 'FR',
      contactTitle: 'CEO',
    })
    expect(issues).toEqual([{ field: 'contactName', code: 'required' }])
  })
})

/** Main's issues for an input, as its IPC loop reports them (zod over the contract's input). */
function mainIssues(channel: keyof typeof contract, input: unknown) {
  const parsed = contract[channel].input.safeParse(input)
  return parsed.success ? [] : fieldIssues(parsed.error.issues)
}

describe('main’s refusals', () => {
  it('land on labelled fields of the form that sent them', () => {
    const cases: [FormSpec<unknown>, { path: (string | number)[]; code: IssueCode }[]][] = [
      [
        customerFormSpec as FormSpec<unknown>,
        [
          ...mainIssues('customers:create', {
            customer: { displayName: '', country: 'France', website: 'a b', tags: [''] },
            contacts: [{ name: '', emails: ['bad'], phones: [''] }],
          }),
          ...checkContact({ phones: ['12'] }, 'FR', ['contacts', 0]).issues,
        ],
      ],
      [
        contactFormSpec('FR') as FormSpec<unknown>,
        [
          ...mainIssues('contacts:create', {
            customerId: 'c1',
            contact: {
              name: '',
              emails: ['bad'],
              birthdayMonth: 13,
              messaging: [{ kind: 'wechat', handle: '' }],
            },
          }),
          ...checkContact({ phones: ['12'], birthdayMonth: 2, birthdayDay: 30 }, 'FR', ['patch']).issues,
        ],
      ],
      [
        interactionFormSpec as FormSpec<unknown>,
        mainIssues('interactions:log', {
          customerId: 'c1',
          interaction: { kind: 'tea', date: '2026-13-01', summary: '', outcome: 'x'.repeat(3000) },
        }),
      ],
      [
        feedbackFormSpec as FormSpec<unknown>,
        mainIssues('feedback:add', {
          customerId: 'c1',
          feedback: { kind: 'rant', severity: 'huge', date: 'yesterday', summary: '' },
        }),
      ],
    ]
    cases.push([
      lockFormSpec as FormSpec<unknown>,
      mainIssues('tiers:lock', { customerId: 'c1', locked: true, tier: 'gold', reason: ' ' }),
    ])
    const unlabelled: string[] = []
    for (const [spec, issues] of cases) {
      expect(issues.length).toBeGreaterThan(1)
      for (const i of issues) {
        const field = spec.fieldOf(i.path)
        if (!field || !(field in spec.labels)) unlabelled.push(`${i.path.join('.')} (${i.code})`)
      }
    }
    expect(unlabelled).toEqual([])
  })

  it('the contact form checks what main checks: a birthday is a real day of a month', () => {
    const spec = contactFormSpec('FR')
    const draft = { ...toContactDraft(), name: 'Anne', birthdayMonth: 2, birthdayDay: 30 }
    expect(spec.check(draft)).toEqual([{ field: 'birthdayDay', code: 'invalid_date' }])
    expect(spec.check({ ...draft, birthdayDay: 29 })).toEqual([])
    expect(spec.check({ ...draft, birthdayDay: '' })).toEqual([{ field: 'birthdayDay', code: 'required' }])
  })
})
