// The domain's code lists (stored as these codes, translated in the renderer as
// `enum.<name>.<code>`), free of zod so any screen can import them cheaply.
export const BUSINESS_TYPES = [
  'importer',
  'wholesaler',
  'distributor',
  'agent',
  'brand_owner',
  'retailer',
  'ecommerce_seller',
  'end_user',
] as const
export const SIZE_BANDS = ['micro', 'small', 'medium', 'large', 'enterprise'] as const
export const QUALITY_LEVELS = ['high_end_custom', 'standard', 'mass_market'] as const
export const SOURCES = [
  'trade_fair',
  'website_inquiry',
  'b2b_platform',
  'referral',
  'cold_outreach',
  'other',
] as const
export const MESSAGING_KINDS = ['whatsapp', 'wechat', 'line', 'telegram', 'skype', 'viber', 'other'] as const
export const CONTINENTS = ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA'] as const
/** Value tiers (SPEC T1), highest first. */
export const VALUE_TIERS = ['key', 'mid', 'small', 'ordinary'] as const
/** UI languages. The customer's preferred language may be any of LANGUAGE_CODES. */
export const UI_LANGUAGES = ['zh', 'fr', 'en'] as const
export const LANGUAGE_CODES = [
  'zh',
  'en',
  'fr',
  'es',
  'pt',
  'de',
  'it',
  'ar',
  'ru',
  'ja',
  'ko',
  'hi',
  'tr',
  'vi',
  'th',
  'id',
  'nl',
  'pl',
] as const
export const CURRENCIES = [
  'USD',
  'EUR',
  'CNY',
  'GBP',
  'JPY',
  'HKD',
  'AED',
  'SAR',
  'INR',
  'BRL',
  'MXN',
  'CAD',
  'AUD',
  'CHF',
  'RUB',
  'TRY',
  'KRW',
  'SGD',
  'ZAR',
  'EGP',
  'NGN',
  'VND',
  'THB',
  'IDR',
  'MYR',
  'PLN',
] as const

export type BusinessType = (typeof BUSINESS_TYPES)[number]
export type UiLanguage = (typeof UI_LANGUAGES)[number]
export type Continent = (typeof CONTINENTS)[number]

/**
 * Issue codes produced by validation. They cross IPC and the renderer translates them
 * (`validation.<code>`); zod's own codes are mapped onto these in `shared/errors.ts`.
 */
export const ISSUE_CODES = [
  'required',
  'too_long',
  'invalid_email',
  'invalid_phone',
  'invalid_url',
  'invalid_country',
  'invalid_choice',
  'invalid_date',
  'invalid_value',
  'invalid_timezone',
  'missing_rate',
  'duplicate_rate',
  'returned_exceeds_amount',
  'thresholds_order',
  'negative_amount',
  'zero_amount',
] as const
export type IssueCode = (typeof ISSUE_CODES)[number]
