// Industries and product interests: a standard list (codes in shared/vocabulary.ts, names in
// shared/i18n/locales/vocab.*.json) with free text still allowed. A stored code is shown in the UI language; a
// stored free text is shown as typed. What a user types or picks goes back to a code whenever it is
// a list name in any UI language, so "电子产品", "Électronique" and "electronics" all store one code
// and read the same to every teammate.
import type { TFunction } from 'i18next'
import {
  INDUSTRIES,
  INDUSTRY_PRODUCTS,
  PRODUCT_CATEGORIES,
  UI_LANGUAGES,
  isIndustryCode,
  isProductCategoryCode,
} from '../../../shared/vocabulary'
import { translations } from '../../../shared/i18n/resources'

type Option = { value: string; label: string }

/** The name of an industry in the UI language; free text as typed; '' for none. */
export function industryLabel(t: TFunction, value: string | null | undefined): string {
  if (!value) return ''
  return isIndustryCode(value) ? t(`enum.industry.${value}`) : value
}

/** The name of a product interest in the UI language; free text as typed; '' for none. */
export function productCategoryLabel(t: TFunction, value: string | null | undefined): string {
  if (!value) return ''
  return isProductCategoryCode(value) ? t(`enum.productCategory.${value}`) : value
}

/** The listed industries as options, sorted by their name in the UI language. */
export function industryOptions(t: TFunction, locale: string): Option[] {
  return INDUSTRIES.map((code) => ({ value: code, label: t(`enum.industry.${code}`) })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  )
}

/**
 * The listed product interests as options: those of `industry` first (in list order) when it is a
 * listed industry, then every other one sorted by name.
 */
export function productCategoryOptions(t: TFunction, locale: string, industry?: string | null): Option[] {
  const first: readonly string[] = industry && isIndustryCode(industry) ? INDUSTRY_PRODUCTS[industry] : []
  const own = first.map((code) => ({ value: code, label: t(`enum.productCategory.${code}`) }))
  const rest = PRODUCT_CATEGORIES.filter((code) => !first.includes(code))
    .map((code) => ({ value: code, label: t(`enum.productCategory.${code}`) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale))
  return [...own, ...rest]
}

const fold = (s: string) => s.trim().toLocaleLowerCase()

/** Lower-cased names in every UI language (and the codes themselves) → code. */
function nameIndex(table: 'industry' | 'productCategory', codes: readonly string[]): Map<string, string> {
  const index = new Map<string, string>()
  for (const code of codes) index.set(code, code)
  for (const lang of UI_LANGUAGES) {
    const names = (translations[lang] as { enum: Record<string, Record<string, string>> }).enum[table] ?? {}
    for (const code of codes) {
      const name = names[code]
      if (name) index.set(fold(name), code)
    }
  }
  return index
}
const INDUSTRY_BY_NAME = nameIndex('industry', INDUSTRIES)
const CATEGORY_BY_NAME = nameIndex('productCategory', PRODUCT_CATEGORIES)

/** What to store for a typed industry: its code when it names a listed one, else the trimmed text. */
export function industryFromInput(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim()
  if (trimmed === '') return null
  return INDUSTRY_BY_NAME.get(fold(trimmed)) ?? trimmed
}

/** What to store for typed product interests: codes for listed names, text otherwise, no repeats. */
export function productCategoriesFromInput(values: readonly string[]): string[] {
  const out: string[] = []
  for (const v of values) {
    const trimmed = v.trim()
    if (trimmed === '') continue
    const stored = CATEGORY_BY_NAME.get(fold(trimmed)) ?? trimmed
    if (!out.includes(stored)) out.push(stored)
  }
  return out
}

/**
 * Names to suggest while typing an industry: the list in the UI language plus any free text
 * already stored on other customers (`inUse`, codes or text), without repeats, sorted.
 */
export function industrySuggestions(t: TFunction, locale: string, inUse: readonly string[] = []): string[] {
  const names = new Set(INDUSTRIES.map((code) => t(`enum.industry.${code}`)))
  for (const v of inUse) names.add(industryLabel(t, v))
  return [...names].filter((n) => n !== '').sort((a, b) => a.localeCompare(b, locale))
}
