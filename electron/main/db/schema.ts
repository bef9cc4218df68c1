// Drizzle schema: the source of the SQL migrations in `migrations/` (drizzle-kit generate).
//
// Synced tables follow design/sync.md principle 1: UUIDv7 text ids, every synced column nullable
// or defaulted (rows may arrive one cell at a time), `deleted_at` tombstones instead of deletes,
// and no foreign keys or UNIQUE constraints (changes arrive out of order; integrity is checked in
// code). Columns marked DERIVED are recomputed locally from synced facts and never synced.
import { sqliteTable, text, integer, real, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { AnySQLiteColumn, AnySQLiteTable } from 'drizzle-orm/sqlite-core'
import { sql } from 'drizzle-orm'

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
    /**
     * The customer's id in the system it was imported from (a CRM's account id, an ERP code):
     * orders imported later find their customer by it, and a re-import updates instead of adding.
     */
    externalId: text('external_id'),
    /**
     * Set on a merged-away customer (a tombstone, deleted_at set): the survivor's id. A device that
     * syncs an edit to the old id later applies it to the survivor (P8, sync.md).
     */
    mergedInto: text('merged_into'),
    /** 1: no holiday or birthday greetings for this customer (R3); follow-ups still come. */
    holidayOptOut: integer('holiday_opt_out').notNull().default(0),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    /** Local: wall-clock time of the newest cell stamp. */
    updatedAt: text('updated_at').notNull().default(''),
    /** DERIVED: normalised display name, the list's sort key. */
    sortName: text('sort_name').notNull().default(''),
  },
  (t) => {
    // List pages are "one filter + one sort + 100 rows" over 100k customers. Each sort gets an
    // index that also carries the filter columns, so SQLite walks it in order, tests filters
    // without touching the (wide) table and stops after the page; the filter indexes serve counts
    // and rare filter values.
    const filters: AnySQLiteColumn[] = [t.country, t.industry, t.businessType, t.owner, t.source]
    const sortIndex = (name: string, col: AnySQLiteColumn) =>
      index(`customers_sort_${name}`).on(
        t.deletedAt,
        col,
        t.sortName,
        t.id,
        ...filters.filter((f) => f !== col),
      )
    return [
      index('customers_sort_name').on(t.deletedAt, t.sortName, t.id, ...filters),
      sortIndex('country', t.country),
      sortIndex('city', t.city),
      sortIndex('industry', t.industry),
      sortIndex('owner', t.owner),
      sortIndex('created', t.createdAt),
      sortIndex('updated', t.updatedAt),
      index('customers_live_country').on(t.deletedAt, t.country, t.sortName),
      index('customers_live_industry').on(t.deletedAt, t.industry, t.sortName),
      index('customers_live_owner').on(t.deletedAt, t.owner, t.sortName),
      index('customers_live_business_type').on(t.deletedAt, t.businessType, t.sortName),
      index('customers_live_source').on(t.deletedAt, t.source, t.sortName),
      // "Is this id a live customer?" without reading the row: counts over tag filters.
      index('customers_live_id').on(t.id, t.deletedAt),
      index('customers_external_id').on(t.externalId),
      // "Merged from" on a customer's page: few rows are merged away, and without it each open
      // scanned every customer.
      index('customers_merged_into')
        .on(t.mergedInto)
        .where(sql`${t.mergedInto} IS NOT NULL`),
      // The calendar's holidays count the customers greeted per country: the dashboard's cells
      // count the live ones, and this the few excluded from holiday care.
      index('customers_opted_out')
        .on(t.country)
        .where(sql`${t.deletedAt} IS NULL AND ${t.holidayOptOut} = 1`),
    ]
  },
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
    // Covering for "customers with tag X": tag filters never read the tag rows themselves.
    index('customer_tags_live_tag').on(t.tag, t.deletedAt, t.customerId),
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
  (t) => [
    index('contacts_customer').on(t.customerId, t.deletedAt),
    // The calendar's birthdays of a range, by month and day (its query uses this expression).
    index('contacts_birthday')
      .on(sql`(${t.birthdayMonth} * 100 + ${t.birthdayDay})`)
      .where(sql`${t.deletedAt} IS NULL AND ${t.birthdayMonth} IS NOT NULL AND ${t.birthdayDay} IS NOT NULL`),
  ],
)

/**
 * USD value of one unit of a currency, effective from `date` until the next rate of that currency.
 * Kept by the team (edited or imported), synced; id = hash(currency, date), so two people entering
 * the rate of the same day edit one row.
 */
export const exchangeRates = sqliteTable(
  'exchange_rates',
  {
    id: text('id').primaryKey(),
    currency: text('currency'),
    date: text('date'),
    usdPerUnit: real('usd_per_unit'),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [index('exchange_rates_lookup').on(t.currency, t.deletedAt, t.date)],
)

/** Orders (P3). `usd_rate` is the rate snapshot taken at entry for the order date; quotes are not revenue. */
export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id'),
    date: text('date'),
    amount: real('amount').notNull().default(0),
    currency: text('currency'),
    usdRate: real('usd_rate'),
    status: text('status'),
    returned: real('returned').notNull().default(0),
    /** JSON array of strings. */
    productCategories: text('product_categories').notNull().default('[]'),
    reference: text('reference'),
    notes: text('notes'),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [
    index('orders_customer').on(t.customerId, t.deletedAt, t.date),
    // The daily roll-over finds the few orders that crossed a window edge since yesterday.
    index('orders_date').on(t.date, t.customerId),
  ],
)

/** DERIVED: each customer's figures from its orders (see core/tiering computeFigures). */
export const customerFigures = sqliteTable('customer_figures', {
  customerId: text('customer_id').primaryKey(),
  asOf: text('as_of').notNull(),
  revenueUsd: real('revenue_usd').notNull(),
  orderCount: integer('order_count').notNull(),
  firstOrder: text('first_order'),
  lastOrder: text('last_order'),
  last6Usd: real('last6_usd').notNull(),
  prev6Usd: real('prev6_usd').notNull(),
  medianGapDays: real('median_gap_days'),
})

/** Interaction log (P4): insert-only events; logging one counts as contact for every cadence. */
export const interactions = sqliteTable(
  'interactions',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id'),
    contactId: text('contact_id'),
    kind: text('kind'),
    date: text('date'),
    summary: text('summary'),
    outcome: text('outcome'),
    nextStep: text('next_step'),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [index('interactions_customer').on(t.customerId, t.deletedAt, t.date)],
)

/**
 * Reminders (R1): a due date (and optional wall-clock time in `time_zone`), a type, a note and an
 * assignee, for a customer and optionally one of its contacts; `rrule` (RFC 5545 RRULE, dated from
 * `due_date`) makes it recur. What happens to each occurrence (done, snoozed, skipped, edited) is
 * a reminder_events row, so a recurring reminder keeps its history occurrence by occurrence.
 */
export const reminders = sqliteTable(
  'reminders',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id'),
    contactId: text('contact_id'),
    kind: text('kind'),
    dueDate: text('due_date'),
    /** HH:MM, or null for an all-day reminder. */
    dueTime: text('due_time'),
    /** IANA zone the time is read in (the author's), so 09:00 stays 09:00 across DST. */
    timeZone: text('time_zone'),
    rrule: text('rrule'),
    note: text('note'),
    assignee: text('assignee'),
    /** The interaction whose "next step" this reminder was made from. */
    interactionId: text('interaction_id'),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [
    index('reminders_customer').on(t.customerId, t.deletedAt),
    index('reminders_due').on(t.deletedAt, t.dueDate),
    // The repeating ones started by a range's end, without reading every past single reminder.
    index('reminders_recurring')
      .on(t.dueDate)
      .where(sql`${t.rrule} IS NOT NULL AND ${t.deletedAt} IS NULL`),
  ],
)

/**
 * What was done with one occurrence of a reminder (insert-only, synced): done, skipped, snoozed to
 * another date, or edited for this occurrence only. `occurrence` is the date the rule gave it.
 */
export const reminderEvents = sqliteTable(
  'reminder_events',
  {
    id: text('id').primaryKey(),
    reminderId: text('reminder_id'),
    occurrence: text('occurrence'),
    action: text('action'),
    /** snooze and edit: the occurrence's new date (and time). */
    toDate: text('to_date'),
    toTime: text('to_time'),
    /** edit: the occurrence's own note. */
    note: text('note'),
    by: text('by'),
    at: text('at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [
    index('reminder_events_reminder').on(t.reminderId, t.occurrence),
    // Occurrences snoozed or moved into a range.
    index('reminder_events_moved')
      .on(t.toDate)
      .where(sql`${t.toDate} IS NOT NULL AND ${t.deletedAt} IS NULL`),
  ],
)

/**
 * A greeting template (R4), shared by the team: the text for one occasion in one language, with
 * {contact}, {company}, {holiday} and {sender} fields. `occasion` is a holiday kind (core/holidays
 * kindOf: lunar_new_year, eid_al_fitr, christmas, national_day, ...), 'birthday', or 'holiday' for
 * any holiday without a template of its own. Built-in texts live in code; a row here overrides one.
 */
export const greetingTemplates = sqliteTable(
  'greeting_templates',
  {
    id: text('id').primaryKey(),
    occasion: text('occasion'),
    lang: text('lang'),
    subject: text('subject'),
    body: text('body'),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [index('greeting_templates_occasion').on(t.occasion, t.lang, t.deletedAt)],
)

/** A trade fair (F1): where leads were met; its leads carry its id and its name as their source. */
export const fairs = sqliteTable(
  'fairs',
  {
    id: text('id').primaryKey(),
    name: text('name'),
    city: text('city'),
    country: text('country'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [index('fairs_dates').on(t.deletedAt, t.startDate)],
)

/**
 * A customer met at a fair (F1): one row per capture (a known customer met again gets another),
 * with the triage after the fair — hot, warm or cold — and who captured it.
 */
export const fairLeads = sqliteTable(
  'fair_leads',
  {
    id: text('id').primaryKey(),
    fairId: text('fair_id'),
    customerId: text('customer_id'),
    contactId: text('contact_id'),
    /** hot | warm | cold, or null until triaged. */
    temperature: text('temperature'),
    /** Product categories the visitor asked about (JSON array of category codes). */
    interests: text('interests'),
    note: text('note'),
    capturedBy: text('captured_by'),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [
    index('fair_leads_fair').on(t.fairId, t.deletedAt),
    index('fair_leads_customer').on(t.customerId, t.deletedAt),
  ],
)

/**
 * A file kept with a customer (F1: a business-card photo). The bytes live in the data directory's
 * attachments/ folder under their SHA-256 (`sha256` + extension), so the same photo is stored once
 * and a synced row can name a file another laptop copies by its content.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id'),
    /** business_card | other */
    kind: text('kind'),
    sha256: text('sha256'),
    /** The file name as the user gave it (shown, never used as a path). */
    fileName: text('file_name'),
    mime: text('mime'),
    size: integer('size'),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [index('attachments_customer').on(t.customerId, t.deletedAt)],
)

/** Customer feedback (P5): complaints, suggestions, praise; complaints stay visible until resolved. */
export const feedback = sqliteTable(
  'feedback',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id'),
    kind: text('kind'),
    severity: text('severity'),
    date: text('date'),
    summary: text('summary'),
    resolved: integer('resolved').notNull().default(0),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [index('feedback_customer').on(t.customerId, t.deletedAt, t.date)],
)

/** A manager's tier lock (T6), one per customer (id = customer id); synced so the whole team honours it. */
export const tierLocks = sqliteTable('tier_locks', {
  id: text('id').primaryKey(),
  tier: text('tier'),
  reason: text('reason'),
  lockedBy: text('locked_by'),
  createdAt: text('created_at'),
  deletedAt: text('deleted_at'),
  updatedAt: text('updated_at').notNull().default(''),
})

/**
 * DERIVED (R2, T5): the service duties each live customer is owed under the policy in force —
 * the next contact due, the next executive dialogue, an owner missing (due_date null: due now).
 * Kept by SQL triggers on interactions, customers and customer_tiers (migrations/0016), rebuilt
 * whole after a policy's re-tier; the calendar and the Today view read it by due date.
 */
export const customerDuties = sqliteTable(
  'customer_duties',
  {
    customerId: text('customer_id').notNull(),
    kind: text('kind').notNull(),
    dueDate: text('due_date'),
    // Copies of the customer's owner and tier (the triggers write whole rows from the view, and
    // rewrite them when either changes), so the Today view counts per owner and lists by tier
    // from an index instead of joining tens of thousands of customers (migrations/0021).
    owner: text('owner'),
    tier: text('tier'),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.kind] }),
    // With the owner, so the Today view counts what is due per owner from the due ones alone.
    index('customer_duties_due_owner').on(t.dueDate, t.owner),
    index('customer_duties_tier').on(t.tier, t.dueDate),
  ],
)

/**
 * DERIVED (R1, R5): every occurrence of every live customer's reminders whose date (after a snooze
 * or an edit) falls in the horizon recorded in meta (`occurrences.horizon`), with its state: the
 * calendar counts and lists a day's reminders from the date index instead of expanding thousands
 * of repeat rules on each read. Written by the reminders' derivation (features/reminders/
 * occurrences.ts) in the transaction of each write to a reminder, its events or its customer, and
 * whole by a job; a range outside the horizon is computed from the rules as before.
 */
export const reminderOccurrences = sqliteTable(
  'reminder_occurrences',
  {
    reminderId: text('reminder_id').notNull(),
    /** The date the rule gave it (its identity); `date` is where it stands now. */
    occurrence: text('occurrence').notNull(),
    date: text('date').notNull(),
    time: text('time'),
    /** open, done or skipped. */
    state: text('state').notNull(),
    customerId: text('customer_id').notNull(),
    /** The reminder's next occurrence after this one, by date (null: none in the horizon). */
    nextDate: text('next_date'),
  },
  (t) => [
    primaryKey({ columns: [t.reminderId, t.occurrence] }),
    index('reminder_occurrences_date').on(t.date, t.time),
  ],
)

/**
 * DERIVED (R5): what the Today view lists of each reminder as of the day in meta
 * (`occurrences.day`): its latest occurrence of the last 92 days up to that day, when still open.
 * With copies of the customer's owner and tier (kept by triggers, migrations/0021), so the view
 * counts per owner and ranks by tier from indexes. Rebuilt by the daily job when the date changes;
 * until then the view computes it from reminder_occurrences.
 */
export const reminderDue = sqliteTable(
  'reminder_due',
  {
    reminderId: text('reminder_id').primaryKey(),
    occurrence: text('occurrence').notNull(),
    date: text('date').notNull(),
    customerId: text('customer_id').notNull(),
    owner: text('owner'),
    tier: text('tier'),
  },
  (t) => [
    index('reminder_due_tier').on(t.tier, t.date),
    index('reminder_due_owner').on(t.owner, t.date),
    index('reminder_due_customer').on(t.customerId),
  ],
)

/**
 * DERIVED (R5): reminder_due counted per owner and date, kept by triggers on reminder_due
 * (migrations/0024): the Today view's counts per owner read a few hundred rows instead of tens of
 * thousands.
 */
export const reminderDueCounts = sqliteTable(
  'reminder_due_counts',
  {
    owner: text('owner').notNull(),
    date: text('date').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.owner, t.date] })],
)

/**
 * DERIVED (R3, R5): the birthdays that get greetings — live contacts with a month and day, of live
 * customers not excluded from holiday care — by month and day (`md` = month * 100 + day), with a
 * copy of the customer's tier. Kept by SQL triggers on contacts, customers and customer_tiers
 * (migrations/0021), so a month's birthdays are counted from an index without looking up each
 * contact's customer.
 */
export const contactBirthdays = sqliteTable(
  'contact_birthdays',
  {
    contactId: text('contact_id').primaryKey(),
    customerId: text('customer_id').notNull(),
    md: integer('md').notNull(),
    tier: text('tier'),
  },
  (t) => [
    index('contact_birthdays_md').on(t.md, t.tier),
    index('contact_birthdays_customer').on(t.customerId),
  ],
)

/** DERIVED: what the policy in force owes each tier, in the form the duty triggers read. */
export const serviceCadence = sqliteTable('service_cadence', {
  tier: text('tier').primaryKey(),
  cadenceDays: integer('cadence_days').notNull(),
  dialogueMonths: integer('dialogue_months').notNull(),
  ownerRequired: integer('owner_required').notNull(),
})

/** DERIVED: each customer's current value tier and the rule that set it. */
export const customerTiers = sqliteTable(
  'customer_tiers',
  {
    customerId: text('customer_id').primaryKey(),
    tier: text('tier').notNull(),
    rule: text('rule').notNull(),
    revenueUsd: real('revenue_usd').notNull(),
    evaluatedOn: text('evaluated_on').notNull(),
    /** RFM segment (T2) and its scores; null while the customer has no revenue order. */
    segment: text('segment'),
    rfmR: integer('rfm_r'),
    rfmF: integer('rfm_f'),
    rfmM: integer('rfm_m'),
    /** Lifecycle stage (T3). */
    stage: text('stage').notNull().default('prospect'),
    /** Churn-risk flags (T4): 1 when raised. */
    riskGap: integer('risk_gap').notNull().default(0),
    riskDrop: integer('risk_drop').notNull().default(0),
    // Copies kept in step by triggers (migrations/0010), so the dashboard, groups and their
    // counts read one narrow table instead of joining the wide customers table 100k times.
    /** 1 while the customer is not deleted. */
    live: integer('live').notNull().default(1),
    country: text('country'),
    /** The customer's current trailing revenue (customer_figures.revenue_usd). */
    revenueNow: real('revenue_now').notNull().default(0),
  },
  (t) => [
    index('customer_tiers_tier').on(t.tier, t.customerId),
    index('customer_tiers_segment').on(t.segment, t.customerId),
    index('customer_tiers_stage').on(t.stage, t.customerId),
    index('customer_tiers_live_country').on(t.live, t.country, t.revenueNow),
    index('customer_tiers_risk')
      .on(t.revenueNow)
      .where(sql`live = 1 AND (risk_gap = 1 OR risk_drop = 1)`),
  ],
)

/**
 * DERIVED: the dashboard's counts and revenue per combination of tier, segment, stage, risk flags
 * and country, kept current by triggers on customer_tiers (migrations/0010). A few thousand rows
 * stand for 100k customers, so the dashboard never scans the base.
 */
export const dashboardCells = sqliteTable(
  'dashboard_cells',
  {
    tier: text('tier').notNull(),
    segment: text('segment').notNull(),
    stage: text('stage').notNull(),
    riskGap: integer('risk_gap').notNull(),
    riskDrop: integer('risk_drop').notNull(),
    country: text('country').notNull(),
    n: integer('n').notNull(),
    revenue: real('revenue').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tier, t.segment, t.stage, t.riskGap, t.riskDrop, t.country] }),
    // The calendar's customers per country, read in country order without a sort.
    index('dashboard_cells_country').on(t.country, t.tier, t.n),
  ],
)

/**
 * DERIVED: promotions and demotions per month, kept by a trigger on tier_events (migrations/0012).
 * `initial` counts the moves its own orders make in a customer's first 24 hours (its history being
 * entered, the demo load): they are its starting tier, not a promotion or a demotion. A move by a
 * new policy or a lock always counts as a promotion or a demotion.
 */
export const tierMovements = sqliteTable('tier_movements', {
  month: text('month').primaryKey(),
  promotions: integer('promotions').notNull(),
  demotions: integer('demotions').notNull(),
  initial: integer('initial').notNull().default(0),
})

/**
 * The tiering policy (T1–T5) as versioned rows: each save adds a version, the highest is in force,
 * earlier ones stay for the record. Synced so the whole team tiers by the same rules.
 */
export const tieringPolicies = sqliteTable('tiering_policies', {
  id: text('id').primaryKey(),
  version: integer('version'),
  /** JSON of shared/tiering TieringPolicy. */
  policy: text('policy'),
  note: text('note'),
  createdBy: text('created_by'),
  createdAt: text('created_at'),
  deletedAt: text('deleted_at'),
  updatedAt: text('updated_at').notNull().default(''),
})

/** Groups (G2, G3): a smart group's rule set (JSON) or a static group's name; members below. */
export const customerGroups = sqliteTable('customer_groups', {
  id: text('id').primaryKey(),
  name: text('name'),
  kind: text('kind'),
  /** JSON of shared/groups GroupRules; null for a static group. */
  rules: text('rules'),
  createdAt: text('created_at'),
  deletedAt: text('deleted_at'),
  updatedAt: text('updated_at').notNull().default(''),
})

/** Static group membership, set-like (id = hash(group, customer)) so two devices adding one customer agree. */
export const groupMembers = sqliteTable(
  'group_members',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id'),
    customerId: text('customer_id'),
    createdAt: text('created_at'),
    deletedAt: text('deleted_at'),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [index('group_members_group').on(t.groupId, t.deletedAt, t.customerId)],
)

/** A re-evaluation run (T6): the moves it proposes wait here for a manager's review. Local. */
export const tierReviews = sqliteTable('tier_reviews', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  asOf: text('as_of').notNull(),
  policyVersion: integer('policy_version').notNull(),
  /** open, applied or dismissed. */
  status: text('status').notNull(),
  createdAt: text('created_at').notNull(),
  decidedAt: text('decided_at'),
})

export const tierReviewItems = sqliteTable(
  'tier_review_items',
  {
    reviewId: integer('review_id').notNull(),
    customerId: text('customer_id').notNull(),
    fromTier: text('from_tier').notNull(),
    toTier: text('to_tier').notNull(),
    rule: text('rule').notNull(),
    revenueUsd: real('revenue_usd').notNull(),
    previousRevenueUsd: real('previous_revenue_usd').notNull(),
    thresholdUsd: real('threshold_usd').notNull(),
    floorUsd: real('floor_usd'),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.customerId] })],
)

/**
 * Local history of tier changes (T6) with the rule, inputs and old value, kept so the UI can say
 * why. Insert-only.
 */
export const tierEvents = sqliteTable(
  'tier_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: text('customer_id').notNull(),
    kind: text('kind').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value').notNull(),
    rule: text('rule').notNull(),
    /** JSON: the numbers the rule used (revenue before and after, threshold, band, lock reason). */
    inputs: text('inputs').notNull(),
    policyVersion: integer('policy_version').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('tier_events_customer').on(t.customerId, t.id)],
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
    /**
     * The prev_hlc of the change that set the cell: the stamp its author was looking at. A
     * teammate's change to the same cell is concurrent (a conflict) when neither had seen the
     * other's (sync/merge.ts).
     */
    prevHlc: text('prev_hlc'),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.rowId, t.col] })],
)

/**
 * One stamp for the cells a row was created with (design/sync.md "Metadata budget"): most rows are
 * written whole once and rarely edited, so a row's birth costs one stamp instead of one a cell.
 * `shape` names the columns it covers (stamp_shapes); a cell edited later has its own stamp in
 * cell_stamps, which takes precedence. A creation has seen nothing before it: no prev stamp.
 */
export const rowStamps = sqliteTable(
  'row_stamps',
  {
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    hlc: text('hlc').notNull(),
    shape: integer('shape').notNull(),
    /**
     * Where this device's stream holds the birth (the change log's numbering): the outbox sends it
     * as the row's cells. Null for a birth that is not this device's to send (a teammate's, one
     * from a snapshot) or was sent under an earlier scheme (its log entry holds the cells).
     */
    seq: integer('seq'),
    /**
     * The birth's values of the cells changed since (JSON object), recorded at each one's first
     * change; the other cells still hold theirs. Null while nothing has changed.
     */
    born: text('born'),
  },
  (t) => [
    primaryKey({ columns: [t.tbl, t.rowId] }),
    index('row_stamps_seq')
      .on(t.seq)
      .where(sql`${t.seq} IS NOT NULL`),
  ],
)

/** The column sets row stamps cover: a handful per table (one per way rows are created), shared. */
export const stampShapes = sqliteTable(
  'stamp_shapes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tbl: text('tbl').notNull(),
    /** The covered columns, sorted, comma-separated. */
    cols: text('cols').notNull(),
  },
  (t) => [uniqueIndex('stamp_shapes_cols').on(t.tbl, t.cols)],
)

/**
 * Two edits of one cell by teammates who had not seen each other's value (design/sync.md "Merge"):
 * the value that won (by stamp, the same on every device) and the one that lost, both kept to be
 * shown with who and when. Values are JSON, as in change_log. Device-local: each device finds the
 * same conflicts from the same changes; choosing a value is a new synced write.
 */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    col: text('col').notNull(),
    winnerValue: text('winner_value'),
    winnerHlc: text('winner_hlc').notNull(),
    loserValue: text('loser_value'),
    loserHlc: text('loser_hlc').notNull(),
    foundAt: text('found_at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    index('sync_conflicts_cell').on(t.tbl, t.rowId, t.col),
    index('sync_conflicts_pair').on(t.winnerHlc, t.loserHlc),
  ],
)

/**
 * This device's own sync state that changes on every pass (what the last pass did), apart from
 * meta: a pass a minute would otherwise announce `meta` and reload every screen that reads a
 * setting. Device-local, never synced.
 */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

/**
 * A teammate's changes to tables or columns this version does not know (a newer app wrote them),
 * kept with their stamps to be applied after an upgrade (design/sync.md "Newer schema").
 */
export const syncParked = sqliteTable(
  'sync_parked',
  {
    hlc: text('hlc').notNull(),
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    col: text('col').notNull(),
    /** JSON-encoded cell value. */
    value: text('value'),
    prevHlc: text('prev_hlc'),
  },
  (t) => [primaryKey({ columns: [t.hlc, t.tbl, t.rowId, t.col] })],
)

/**
 * Outgoing changes, appended in the same transaction as the domain write (sync.md principle 2).
 * Also this device's side of a record's history (customers:history), hence the row index.
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    hlc: text('hlc').notNull(),
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    col: text('col').notNull(),
    /** JSON-encoded cell value. */
    value: text('value'),
    /** Stamp of the value the author was looking at: lets a receiver tell an edit from a conflict. */
    prevHlc: text('prev_hlc'),
  },
  (t) => [index('change_log_row').on(t.rowId)],
)

/**
 * Teammates' changes as they arrived here (the ones that won and the ones a later value had already
 * replaced): the other side of a record's history, with change_log. Device-local, never synced.
 */
export const receivedChanges = sqliteTable(
  'received_changes',
  {
    hlc: text('hlc').notNull(),
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    col: text('col').notNull(),
    /** JSON-encoded cell value. */
    value: text('value'),
  },
  // Keyed by row first: the history reads by row through the key itself, and each change applied
  // updates two b-trees, not three (a second index cost a fifth of an apply's time).
  (t) => [primaryKey({ columns: [t.rowId, t.col, t.hlc, t.tbl] })],
)

/**
 * The team's people as the last pass read them from the devices' files, offered as owners. Its own
 * table, rewritten only when they change: in meta, every settings write (a language switch) would
 * reload the owner choices, and in sync_state every pass would.
 */
export const teamMembers = sqliteTable('team_members', {
  name: text('name').primaryKey(),
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
    /** search_docs.doc: a small integer instead of the 36-character id, for ~100 grams a customer. */
    doc: integer('doc').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gram, t.doc] }), index('search_grams_doc').on(t.doc)],
)

// ---- What sync carries ----

/**
 * The synced tables (design/sync.md), each with its local-only columns: every other column except
 * `id` and `updated_at` is a synced cell that the write path stamps and logs.
 */
export const SYNCED_TABLES = {
  customers: { table: customers, local: ['sort_name'] },
  contacts: { table: contacts, local: [] },
  customer_tags: { table: customerTags, local: [] },
  exchange_rates: { table: exchangeRates, local: [] },
  tier_locks: { table: tierLocks, local: [] },
  interactions: { table: interactions, local: [] },
  feedback: { table: feedback, local: [] },
  customer_groups: { table: customerGroups, local: [] },
  group_members: { table: groupMembers, local: [] },
  tiering_policies: { table: tieringPolicies, local: [] },
  orders: { table: orders, local: [] },
  reminders: { table: reminders, local: [] },
  reminder_events: { table: reminderEvents, local: [] },
  greeting_templates: { table: greetingTemplates, local: [] },
  fairs: { table: fairs, local: [] },
  fair_leads: { table: fairLeads, local: [] },
  attachments: { table: attachments, local: [] },
} as const

/** A table's rows as SQL returns them: snake_case column names, nullable where the schema says. */
export type SqlRow<T extends AnySQLiteTable> = {
  [
    K in keyof T['_']['columns'] as T['_']['columns'][K]['_']['name']
  ]: T['_']['columns'][K]['_']['notNull'] extends true
    ? T['_']['columns'][K]['_']['data']
    : T['_']['columns'][K]['_']['data'] | null
}

/**
 * A row as a repository reads it: the schema's row with some columns narrowed to what the write
 * path guarantees (a code list instead of any text, a value a synced row may lack in general but
 * every row written through the repository has). Only existing columns can be narrowed.
 */
export type Refine<R, O extends { [K in keyof O]: K extends keyof R ? unknown : never }> = Omit<R, keyof O> &
  O
