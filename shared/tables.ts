// The tables a change event can name. Main records them as it writes (the drizzle schema is the
// source of the names; a test checks this list against it) and the renderer matches them against
// what each query reads (shared/reads.ts).
export const TABLES = [
  'customers',
  'customer_tags',
  'contacts',
  'exchange_rates',
  'orders',
  'customer_figures',
  'interactions',
  'feedback',
  'tier_locks',
  'customer_tiers',
  'dashboard_cells',
  'tier_movements',
  'tiering_policies',
  'customer_groups',
  'group_members',
  'tier_reviews',
  'tier_review_items',
  'tier_events',
  'country_facts',
  'meta',
  'search_docs',
  'customer_fts',
  'search_grams',
  'match_keys',
  'reminders',
  'reminder_events',
  'customer_duties',
  'reminder_occurrences',
  'reminder_due',
  'reminder_due_counts',
  'contact_birthdays',
  'service_cadence',
  'greeting_templates',
  'fairs',
  'fair_leads',
  'attachments',
  'sync_conflicts',
  'sync_parked',
  'sync_state',
  'received_changes',
] as const
export type TableName = (typeof TABLES)[number]

/** The payload of `data:changed`: the tables one call (or one background job) wrote. */
export type DataChanged = { tables: TableName[] }
