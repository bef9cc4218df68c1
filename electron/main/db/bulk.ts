// Bulk writes (an import of a whole customer base or order book): the same write path, with the
// secondary indexes of the tables it fills built once at the end instead of row by row.
//
// Measured on 100k customers: inserting into `customers` with its 16 indexes took 11 s, without
// them 0.5 s, and building them again afterwards 1.7 s — SQLite builds an index by sorting, where
// a row-by-row insert walks each index's b-tree once per row. The drop and the rebuild run inside
// the import's own transaction, so a failed or cancelled import rolls them back with its rows and
// no other connection ever sees the database without them (WAL readers keep their snapshot).
import type { Db } from './connection'
import type { TableName } from '../../../shared/tables'

/**
 * The indexes a bulk write may defer, by table. Only indexes that no statement of the write path
 * (the writer, the declared derivations, their SQL triggers) reads by: without one, a lookup the
 * write makes per row would scan the table. Kept therefore: `contacts_customer` (the birthday
 * triggers read a customer's contacts), `orders_customer` (a customer's figures), `row_stamps_seq`
 * (the stream's head), `customer_tags_customer`, `search_grams_doc`, `match_keys_customer` (the
 * search index rewrites a customer's entry), `contact_birthdays_customer`, `tier_events_customer`.
 */
export const DEFERRABLE_INDEXES: Readonly<Partial<Record<TableName, readonly string[]>>> = {
  customers: [
    'customers_live_country',
    'customers_live_industry',
    'customers_live_owner',
    'customers_live_business_type',
    'customers_live_source',
    'customers_live_id',
    'customers_sort_name',
    'customers_sort_country',
    'customers_sort_city',
    'customers_sort_industry',
    'customers_sort_owner',
    'customers_sort_created',
    'customers_sort_updated',
    'customers_opted_out',
  ],
  contacts: ['contacts_birthday'],
  customer_tags: ['customer_tags_live_tag'],
  customer_tiers: [
    'customer_tiers_tier',
    'customer_tiers_segment',
    'customer_tiers_stage',
    'customer_tiers_live_country',
    'customer_tiers_risk',
  ],
  customer_duties: ['customer_duties_due_owner', 'customer_duties_tier'],
  contact_birthdays: ['contact_birthdays_md'],
  orders: ['orders_date'],
}

/**
 * Rows written in one go above which rebuilding a table's indexes beats maintaining them: a
 * rebuild costs about a sixth of a row-by-row insert per row already there, so it pays once the
 * new rows are a fifth of the table or more; below a few thousand rows neither matters.
 */
export function worthDeferring(newRows: number, existingRows: number): boolean {
  return newRows >= 2_000 && newRows * 5 >= existingRows
}

/**
 * Drops the deferrable indexes of `tables` and returns what builds them again, from the very SQL
 * they were created with. Call both inside one transaction: the rebuild must run before it commits.
 */
export function deferIndexes(db: Db, tables: readonly TableName[]): { rebuild: () => void } {
  if (!db.inTransaction) throw new Error('deferIndexes outside a transaction')
  const names = tables.flatMap((t) => DEFERRABLE_INDEXES[t] ?? [])
  const dropped = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN (SELECT value FROM json_each(?))",
    )
    .all(JSON.stringify(names)) as { name: string; sql: string }[]
  for (const index of dropped) db.exec(`DROP INDEX "${index.name}"`)
  return { rebuild: () => dropped.forEach((index) => db.exec(index.sql)) }
}
