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
  'invalid_time',
  'invalid_rule',
  /** An action named a date the reminder's rule does not give. */
  'not_an_occurrence',
  /** A date range that ends before it starts, or spans more than the screen or file allows. */
  'invalid_range',
] as const
export type IssueCode = (typeof ISSUE_CODES)[number]

/**
 * Standard industries of export trade, each with the product categories its buyers ask for.
 * A customer stores the code when one is picked from the list, or whatever was typed otherwise;
 * the renderer shows `enum.industry.<code>` / `enum.productCategory.<code>` for a code and the
 * typed text as is. Demo data uses these codes, so every UI language reads its own names.
 */
export const INDUSTRY_PRODUCTS = {
  electronics: [
    'bluetooth_speakers',
    'power_banks',
    'chargers_cables',
    'smart_watches',
    'earphones',
    'phone_accessories',
  ],
  textiles: ['cotton_fabric', 'polyester_fabric', 'home_textiles', 'yarn', 'curtains'],
  apparel: ['t_shirts', 'workwear', 'jeans', 'sportswear', 'childrens_wear'],
  footwear: ['sneakers', 'safety_shoes', 'sandals'],
  furniture: ['office_chairs', 'sofas', 'outdoor_furniture', 'dining_tables', 'hotel_furniture'],
  auto_parts: ['brake_pads', 'filters', 'headlamps', 'suspension_parts', 'car_batteries'],
  lighting: ['led_bulbs', 'led_panels', 'street_lights', 'led_strips', 'flood_lights'],
  packaging: ['paper_bags', 'corrugated_boxes', 'plastic_bottles', 'labels', 'gift_boxes'],
  machinery: ['cnc_machines', 'packing_machines', 'injection_molding_machines', 'pumps', 'generators'],
  home_appliances: ['air_fryers', 'blenders', 'fans', 'water_dispensers', 'vacuum_cleaners'],
  building_materials: ['ceramic_tiles', 'sanitary_ware', 'aluminium_profiles', 'flooring', 'doors_windows'],
  cosmetics: ['skin_care', 'hair_care', 'nail_polish', 'makeup_brushes', 'perfume_bottles'],
  toys: ['plush_toys', 'rc_cars', 'educational_toys', 'puzzles', 'baby_toys'],
  hardware_tools: ['power_tools', 'hand_tools', 'fasteners', 'locks', 'garden_tools'],
  solar_energy: [
    'solar_panels',
    'inverters',
    'lithium_batteries',
    'solar_street_lights',
    'charge_controllers',
  ],
  medical_supplies: ['disposable_gloves', 'face_masks', 'syringes', 'thermometers', 'wheelchairs'],
  sporting_goods: ['fitness_equipment', 'yoga_mats', 'bicycles', 'camping_gear', 'balls'],
  food_beverage: ['canned_food', 'tea', 'snacks', 'beverages'],
  agriculture: ['fresh_fruit', 'grains', 'seeds'],
  chemicals: ['pigments', 'adhesives', 'cleaning_chemicals'],
  plastics_rubber: ['plastic_films', 'rubber_parts', 'plastic_pellets'],
  metals: ['steel_pipes', 'steel_sheets', 'wire_mesh'],
  jewelry_accessories: ['fashion_jewelry', 'watches', 'sunglasses'],
  bags_luggage: ['handbags', 'backpacks', 'suitcases'],
  household_goods: ['kitchenware', 'tableware', 'storage_boxes'],
  stationery_office: ['pens', 'notebooks', 'printer_consumables'],
  pet_products: ['pet_food', 'pet_toys', 'pet_beds'],
} as const satisfies Record<string, readonly string[]>
export type IndustryCode = keyof typeof INDUSTRY_PRODUCTS
export type ProductCategoryCode = (typeof INDUSTRY_PRODUCTS)[IndustryCode][number]
export const INDUSTRIES = Object.keys(INDUSTRY_PRODUCTS) as IndustryCode[]
export const PRODUCT_CATEGORIES: readonly ProductCategoryCode[] = Object.values(INDUSTRY_PRODUCTS).flat()
const PRODUCT_CATEGORY_SET: ReadonlySet<string> = new Set(PRODUCT_CATEGORIES)

/** True when a stored industry is a code of the standard list (not free text). */
export const isIndustryCode = (value: string): value is IndustryCode =>
  Object.prototype.hasOwnProperty.call(INDUSTRY_PRODUCTS, value)

/** True when a stored product interest is a code of the standard list (not free text). */
export const isProductCategoryCode = (value: string): value is ProductCategoryCode =>
  PRODUCT_CATEGORY_SET.has(value)
