// Drizzle schema: the source of the SQL migrations in `migrations/` (drizzle-kit generate).
//
// Synced tables follow design/sync.md principle 1: UUIDv7 text ids, every synced column nullable
// or defaulted (rows may arrive one cell at a time), `deleted_at` tombstones instead of deletes,
// and no foreign keys or UNIQUE constraints (changes arrive out of order; integrity is checked in
// code). Columns marked DERIVED are recomputed locally from synced facts and never synced.
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core'

export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    displayName: text('display_name').notNull().default(''),
    originalName: text('original_name'),
    latinName: text('latin_name'),
    country: text('country'),
    city: text('city'),
    address: text('address'),
    website: text('website'),
    businessType: text('business_type'),
    industry: text('industry'),
    sizeBand: text('size_band'),
    /** JSON array of strings. */
    productCategories: text('product_categories').notNull().default('[]'),
    quality: text('quality'),
    source: text('source'),
    sourceDetail: text('source_detail'),
    owner: text('owner'),
    preferredLanguage: text('preferred_language'),
    currency: text('currency'),
    notes: text('notes'),
    /** Manual override; null means derived from country and city. */
    timezone: text('timezone'),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    /** Local: wall-clock time of the newest cell stamp. */
    updatedAt: text('updated_at').notNull().default(''),
    /** DERIVED: normalised display name, the list's sort key. */
    sortName: text('sort_name').notNull().default(''),
  },
  (t) => [
    index('customers_live_name').on(t.deletedAt, t.sortName),
    index('customers_live_country').on(t.deletedAt, t.country, t.sortName),
    index('customers_live_industry').on(t.deletedAt, t.industry, t.sortName),
    index('customers_live_owner').on(t.deletedAt, t.owner, t.sortName),
    index('customers_live_created').on(t.deletedAt, t.createdAt),
    index('customers_live_updated').on(t.deletedAt, t.updatedAt),
  ],
)

/** Set-like field (sync.md "set-like fields"): one row per tag, id = hash(customer, tag). */
export const customerTags = sqliteTable(
  'customer_tags',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id'),
    tag: text('tag'),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [
    index('customer_tags_customer').on(t.customerId),
    index('customer_tags_tag').on(t.tag, t.customerId),
  ],
)

export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id'),
    name: text('name').notNull().default(''),
    title: text('title'),
    /** JSON arrays. */
    emails: text('emails').notNull().default('[]'),
    phones: text('phones').notNull().default('[]'),
    messaging: text('messaging').notNull().default('[]'),
    birthdayMonth: integer('birthday_month'),
    birthdayDay: integer('birthday_day'),
    birthdayYear: integer('birthday_year'),
    language: text('language'),
    isPrimary: integer('is_primary').notNull().default(0),
    notes: text('notes'),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [index('contacts_customer').on(t.customerId, t.deletedAt)],
)

// ---- Sync bookkeeping (local to this device) ----

/** The winning stamp of every synced cell: which change a cell's current value came from. */
export const cellStamps = sqliteTable(
  'cell_stamps',
  {
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    col: text('col').notNull(),
    hlc: text('hlc').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.rowId, t.col] })],
)

/** Outgoing changes, appended in the same transaction as the domain write (sync.md principle 2). */
export const changeLog = sqliteTable('change_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  hlc: text('hlc').notNull(),
  tbl: text('tbl').notNull(),
  rowId: text('row_id').notNull(),
  col: text('col').notNull(),
  /** JSON-encoded cell value. */
  value: text('value'),
  /** Stamp of the value the author was looking at: lets a receiver tell an edit from a conflict. */
  prevHlc: text('prev_hlc'),
})

/** Device-local key/value state: device id, last clock reading, UI settings. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

/** DERIVED: 1–2 character grams for short queries the trigram index cannot answer. */
export const searchGrams = sqliteTable(
  'search_grams',
  {
    gram: text('gram').notNull(),
    customerId: text('customer_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gram, t.customerId] }), index('search_grams_customer').on(t.customerId)],
)
