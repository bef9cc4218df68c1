// Checks that need data tables (countries, phone numbering plans, time zones) and the normal forms
// stored for them: E.164 phones, https URLs, upper-case country codes. The zod schemas in shared/
// check shape; this checks meaning. Pure: returns issues, never throws for bad input.
import countries from 'i18n-iso-countries'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import type { CountryCode } from 'libphonenumber-js'
import type { FieldIssue } from '../../../shared/errors'
import type { ContactValues, CustomerValues } from '../../../shared/domain'
import { normalizeWebsite } from '../../../shared/domain'
import { isValidTimezone } from './geo'

type Path = (string | number)[]

/** E.164 form of a phone number, read in the customer's country when it has no +prefix. */
export function normalizePhone(input: string, country: string | null | undefined): string | null {
  const cc = country && countries.isValid(country) ? (country.toUpperCase() as CountryCode) : undefined
  const parsed = parsePhoneNumberFromString(input, cc)
  return parsed && parsed.isValid() ? parsed.number : null
}

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code)
}

/** Validates and normalises a customer's values in place of a copy; issues point at fields. */
export function checkCustomer<T extends Partial<CustomerValues>>(
  values: T,
  base: Path = [],
): { value: T; issues: FieldIssue[] } {
  const issues: FieldIssue[] = []
  const value = { ...values }
  if (value.country) {
    if (!isCountryCode(value.country)) issues.push({ path: [...base, 'country'], code: 'invalid_country' })
  }
  if (value.website) {
    const url = normalizeWebsite(value.website)
    if (url) value.website = url
    else issues.push({ path: [...base, 'website'], code: 'invalid_url' })
  }
  if (value.timezone) {
    if (!isValidTimezone(value.timezone))
      issues.push({ path: [...base, 'timezone'], code: 'invalid_timezone' })
  }
  if (value.tags) value.tags = dedupe(value.tags)
  if (value.productCategories) value.productCategories = dedupe(value.productCategories)
  return { value, issues }
}

/** Validates a contact; phones are read in `country` (the customer's) and stored as E.164. */
export function checkContact<T extends Partial<ContactValues>>(
  values: T,
  country: string | null | undefined,
  base: Path = [],
): { value: T; issues: FieldIssue[] } {
  const issues: FieldIssue[] = []
  const value = { ...values }
  if (value.phones) {
    value.phones = value.phones.map((p, i) => {
      const e164 = normalizePhone(p, country)
      if (!e164) issues.push({ path: [...base, 'phones', i], code: 'invalid_phone' })
      return e164 ?? p
    })
    value.phones = dedupe(value.phones)
  }
  if (value.emails) value.emails = dedupe(value.emails)
  if (value.birthdayMonth != null && value.birthdayDay != null) {
    // 29 February is a real birthday; any other day past the month's end is not.
    const days = new Date(Date.UTC(2024, value.birthdayMonth, 0)).getUTCDate()
    if (value.birthdayDay > days) issues.push({ path: [...base, 'birthdayDay'], code: 'invalid_date' })
  } else if ((value.birthdayMonth == null) !== (value.birthdayDay == null)) {
    issues.push({
      path: [...base, value.birthdayMonth == null ? 'birthdayMonth' : 'birthdayDay'],
      code: 'required',
    })
  }
  return { value, issues }
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)]
}
