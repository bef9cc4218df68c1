// What each read channel reads, by table: the renderer reloads a query only when a change event
// names one of these (tests/db/read-only.test.ts checks every list against the SQL the channel
// actually runs). Mutating channels are absent: they are not queries.
import type { Channel } from './channels'
import type { TableName } from './tables'

const CUSTOMER_ROWS = ['customers', 'customer_tags', 'contacts', 'customer_tiers', 'country_facts'] as const
const GROUP_ROWS = [
  ...CUSTOMER_ROWS,
  'customer_figures',
  'customer_groups',
  'group_members',
  'interactions',
  'tier_locks',
] as const

export const READS = {
  // What the app is and where (no table it reads changes while it runs; a restore reopens the
  // database and announces every table, meta among them).
  'app:info': ['meta'],
  'customers:count': ['customers'],
  'settings:get': ['meta'],
  // The search box (q) filters by the search index.
  'customers:list': [...CUSTOMER_ROWS, 'search_docs', 'customer_fts', 'search_grams'],
  'customers:facets': ['customers', 'customer_tags', 'team_members'],
  'customers:history': ['customers', 'contacts', 'customer_tags', 'received_changes', 'meta'],
  'customers:search': [
    'customers',
    'contacts',
    'customer_tiers',
    'search_docs',
    'customer_fts',
    'search_grams',
  ],
  'customers:get': ['customers', 'contacts', 'customer_tags', 'country_facts'],
  'customers:mergePreview': [
    'customers',
    'contacts',
    'orders',
    'interactions',
    'reminders',
    'feedback',
    'customer_tags',
    'group_members',
    'tier_locks',
    'customer_tiers',
  ],
  'orders:list': ['customers', 'orders', 'customer_figures'],
  'rates:list': ['exchange_rates'],
  'tiers:get': [
    'customers',
    'customer_tiers',
    'customer_figures',
    'tier_events',
    'tier_locks',
    'tiering_policies',
    'meta',
  ],
  'interactions:list': ['customers', 'interactions'],
  'reminders:list': ['customers', 'reminders', 'reminder_events'],
  // Joining, creating and leaving a team write sync_state too (a pass, or the report cleared).
  'sync:state': ['sync_state', 'sync_conflicts', 'sync_parked'],
  // Pending changes follow every write of a synced fact.
  'team:status': [
    'meta',
    'sync_state',
    'sync_conflicts',
    'sync_parked',
    'customers',
    'contacts',
    'customer_tags',
    'orders',
    'interactions',
    'feedback',
    'reminders',
    'reminder_events',
    'customer_groups',
    'group_members',
  ],
  // The names the conflicts concern; device names come from the team folder's files.
  'sync:conflicts': ['sync_conflicts', 'customers', 'contacts', 'meta'],
  'calendar:range': [
    'customers',
    'customer_tiers',
    'reminders',
    'reminder_events',
    'customer_duties',
    'contacts',
    'reminder_occurrences',
    'reminder_due',
    'contact_birthdays',
    'dashboard_cells',
  ],
  // meta: the greetings' lead time per occasion (a device setting).
  'today:get': [
    'customers',
    'customer_tiers',
    'reminders',
    'reminder_events',
    'customer_duties',
    'contacts',
    'reminder_occurrences',
    'reminder_due',
    'reminder_due_counts',
    'contact_birthdays',
    'dashboard_cells',
    'meta',
  ],
  // meta: lead times and the sender's name, device settings.
  'greetings:templates': ['greeting_templates', 'meta'],
  'greetings:draft': ['customers', 'contacts', 'greeting_templates', 'meta', 'interactions'],
  'greetings:recipients': ['customers', 'customer_tiers', 'contacts', 'interactions'],
  'greetings:status': ['customers', 'customer_tiers', 'contacts', 'interactions'],
  'calendar:ics': [
    'customers',
    'customer_tiers',
    'reminders',
    'reminder_events',
    'customer_duties',
    'contacts',
    'reminder_occurrences',
    'reminder_due',
    'contact_birthdays',
    'dashboard_cells',
  ],
  'feedback:list': ['customers', 'feedback', 'orders', 'tiering_policies'],
  // meta: how many customers each version's re-tier moved.
  'policy:get': ['tiering_policies', 'meta'],
  'policy:moves': ['tier_events', 'customers', 'meta'],
  'policy:preview': ['customer_tiers', 'customer_figures', 'tier_locks', 'orders', 'meta'],
  'reviews:get': ['tier_reviews', 'tier_review_items', 'customers'],
  'groups:list': ['customer_groups', 'group_members', 'customer_tiers'],
  'groups:buckets': [...GROUP_ROWS, 'dashboard_cells'],
  'groups:members': GROUP_ROWS,
  'groups:figures': [...GROUP_ROWS, 'dashboard_cells'],
  'groups:emails': GROUP_ROWS,
  // The export's language defaults to the saved UI language (meta).
  'groups:export': [...GROUP_ROWS, 'meta'],
  'customers:export': [...CUSTOMER_ROWS, 'search_docs', 'customer_fts', 'search_grams', 'meta'],
  'exports:activity': [...GROUP_ROWS, 'search_docs', 'customer_fts', 'search_grams', 'orders', 'meta'],
  'dashboard:get': [
    'dashboard_cells',
    'tier_movements',
    'customer_tiers',
    'customers',
    'customer_figures',
    'country_facts',
    'tier_reviews',
    'tier_review_items',
    // The policy's review schedule says whether a run is due.
    'tiering_policies',
    'meta',
  ],
  'fairs:list': ['fairs', 'fair_leads'],
  'fair:duplicates': ['customers', 'match_keys'],
  'fair:leads': ['fairs', 'fair_leads', 'customers', 'contacts', 'attachments'],
  'attachments:list': ['customers', 'attachments'],
  'attachments:get': ['attachments'],
  // Saved import mappings are device settings.
  'import:presets': ['meta'],
} as const satisfies Partial<Record<Channel, readonly TableName[]>>

export type ReadChannel = keyof typeof READS
