// How a grouping's bucket value reads in the user's language: enum values through their
// translations, countries by their localised name, free text as typed, and "none" for empty.
import type { TFunction } from 'i18next'
import type { Formatters } from '../../i18n/format'
import {
  industryFromInput,
  industryLabel,
  productCategoriesFromInput,
  productCategoryLabel,
} from '../../i18n/vocabulary'
import { regionKey } from '../../../../shared/groups'
import type { BuiltinGrouping, RuleField } from '../../../../shared/groups'

const ENUM_KEY: Partial<Record<BuiltinGrouping | RuleField, string>> = {
  tier: 'enum.tier',
  segment: 'enum.segment',
  stage: 'enum.stage',
  risk: 'enum.risk',
  continent: 'enum.continent',
  business_type: 'enum.businessType',
  source: 'enum.source',
  quality: 'enum.quality',
  size_band: 'enum.sizeBand',
  purchase_frequency: 'groups.frequency',
}

export function valueLabel(
  t: TFunction,
  fmt: Formatters,
  field: BuiltinGrouping | RuleField,
  value: string | null,
): string {
  if (value === null || value === '') return field === 'risk' ? t('enum.risk.none') : t('groups.none')
  if (field === 'country') return fmt.country(value)
  // Regions are stored by their English UN name; one the list does not know shows as stored.
  if (field === 'region') return t(`groups.regionName.${regionKey(value)}`, { defaultValue: value })
  if (field === 'industry') return industryLabel(t, value)
  if (field === 'product_category') return productCategoryLabel(t, value)
  const key = ENUM_KEY[field]
  return key ? t(`${key}.${value}`) : value
}

/**
 * What a free-value condition stores for the names typed or picked: a listed industry or product
 * interest as its code (the chips show names, the rule must match the stored codes), anything
 * else as typed.
 */
export function storedValues(field: BuiltinGrouping | RuleField, typed: readonly string[]): string[] {
  if (field === 'industry') return typed.map(industryFromInput).filter((v): v is string => v !== null)
  if (field === 'product_category') return productCategoriesFromInput(typed)
  return [...typed]
}
