// Statements prepared once per connection and kept: a read that runs a couple of dozen queries
// spent a millisecond preparing them on every call (the Today view, tests/bench/calendar-bench.ts).
// Keyed by the SQL text, so a statement built from a template (a filter's placeholders) is kept
// once per shape. Only for text that does not grow without bound.
import type Database from 'better-sqlite3'
import type { Db } from './connection'

// As db.prepare(sql) types it: any parameters, rows of unknown shape.
type Statement = Database.Statement<unknown[]>
const cache = new WeakMap<Db, Map<string, Statement>>()

export function prepared(db: Db, sql: string): Statement {
  let statements = cache.get(db)
  if (!statements) cache.set(db, (statements = new Map<string, Statement>()))
  let statement = statements.get(sql)
  if (!statement) statements.set(sql, (statement = db.prepare(sql)))
  return statement
}
