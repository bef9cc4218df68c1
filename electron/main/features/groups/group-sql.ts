// Smart-group rules (G2) and built-in groupings (G1) compiled to a parameterised SQL condition.
// A field name selects an expression from the closed table below; every value the user typed is a
// bound parameter, never part of the SQL text, so a rule cannot change what the query does.
//
// The condition reads these aliases: c = customers, t = customer_tiers, f = customer_figures,
// cf = country_facts (see fromFor).
//
// Semantics a salesperson would expect:
// - "is one of" on free text (industry, owner, city, name) ignores case; closed lists match exactly.
// - "is not one of" includes customers with no value ("country is not France" lists customers
//   without a country too).
// - "days since" a date that never happened counts as empty ("never"): it matches "is empty".
//   A customer never contacted has gone without contact longer than any number of days, so
//   "no contact for 30+ days" lists them too (a salesperson reading the rule expects exactly
//   that: they are the most overdue). No order, though, is not a late order: "no order for 30+
//   days" does not list prospects, and "at most N days" never matches "never".
import { CHOICE_VALUES, OPS_BY_KIND, PURCHASE_FREQUENCY_FLOORS, RULE_FIELDS } from '../../../../shared/groups'
import type { BuiltinGrouping, GroupRules, RuleCondition, RuleField } from '../../../../shared/groups'
import { AppFailure } from '../../../../shared/errors'
import type { FieldIssue } from '../../../../shared/errors'

export type Compiled = { where: string; params: unknown[] }

/**
 * The FROM clause for a query made of these SQL fragments. It starts from customer_tiers (narrow,
 * one row per customer, with live/country/revenue copies) and joins the wide customers table and
 * the others only when a fragment reads them, so a count over tiers never touches 100k wide rows.
 */
export function fromFor(...sqlParts: string[]): string {
  const text = sqlParts.join(' ')
  const joins = ['FROM customer_tiers t']
  if (/\bc\./.test(text)) joins.push('JOIN customers c ON c.id = t.customer_id')
  if (/\bf\./.test(text)) joins.push('LEFT JOIN customer_figures f ON f.customer_id = t.customer_id')
  if (/\bcf\./.test(text)) joins.push('LEFT JOIN country_facts cf ON cf.code = t.country')
  return joins.join(' ')
}

/** Only customers that are not deleted. */
export const LIVE = 't.live = 1'

const F = PURCHASE_FREQUENCY_FLOORS
const PURCHASE_FREQUENCY_SQL = `CASE
  WHEN coalesce(f.order_count, 0) >= ${F.frequent} THEN 'frequent'
  WHEN coalesce(f.order_count, 0) >= ${F.regular} THEN 'regular'
  WHEN coalesce(f.order_count, 0) >= ${F.occasional} THEN 'occasional'
  WHEN coalesce(f.order_count, 0) >= ${F.one_off} THEN 'one_off'
  ELSE 'none' END`

/** Plain column-like fields: one SQL expression each. `today` is bound where a `?` appears. */
const SIMPLE: Partial<Record<RuleField, { sql: string; usesToday?: boolean; caseless?: boolean }>> = {
  tier: { sql: 't.tier' },
  segment: { sql: 't.segment' },
  stage: { sql: 't.stage' },
  country: { sql: 't.country' },
  region: { sql: 'cf.subregion' },
  continent: { sql: 'cf.continent' },
  industry: { sql: 'c.industry', caseless: true },
  business_type: { sql: 'c.business_type' },
  owner: { sql: 'c.owner', caseless: true },
  source: { sql: 'c.source' },
  quality: { sql: 'c.quality' },
  size_band: { sql: 'c.size_band' },
  purchase_frequency: { sql: PURCHASE_FREQUENCY_SQL },
  city: { sql: 'c.city', caseless: true },
  revenue_usd: { sql: 't.revenue_now' },
  order_count: { sql: 'coalesce(f.order_count, 0)' },
  days_since_order: { sql: '(julianday(?) - julianday(f.last_order))', usesToday: true },
  days_since_contact: {
    sql: `(julianday(?) - julianday((SELECT max(i.date) FROM interactions i
            WHERE i.customer_id = c.id AND i.deleted_at IS NULL)))`,
    usesToday: true,
  },
  days_since_created: { sql: '(julianday(?) - julianday(substr(c.created_at, 1, 10)))', usesToday: true },
}

/** LIKE pattern for "contains": the user's % and _ are literal characters. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

function fail(path: (string | number)[], code: FieldIssue['code']): never {
  throw new AppFailure('validation', [{ path, code }])
}

/** Values as they are compared: country codes upper-case, caseless fields lower-case. */
function normalise(field: RuleField, values: readonly string[], caseless: boolean): string[] {
  if (field === 'country') return values.map((v) => v.trim().toUpperCase())
  return caseless ? values.map((v) => v.trim().toLowerCase()) : values.map((v) => v.trim())
}

function compileCondition(cond: RuleCondition, today: string, path: (string | number)[]): Compiled {
  const kind = RULE_FIELDS[cond.field]
  if (!(OPS_BY_KIND[kind] as readonly string[]).includes(cond.op)) fail([...path, 'op'], 'invalid_choice')
  const closed = CHOICE_VALUES[cond.field]
  if (closed && (cond.op === 'in' || cond.op === 'not_in')) {
    if (cond.values.some((v) => !closed.includes(v))) fail([...path, 'values'], 'invalid_choice')
  }

  switch (cond.field) {
    case 'risk':
      return compileRisk(cond)
    case 'tag':
      return compileExists(
        cond,
        'SELECT 1 FROM customer_tags g WHERE g.customer_id = c.id AND g.deleted_at IS NULL',
        'g.tag',
      )
    case 'product_category':
      return compileExists(cond, 'SELECT 1 FROM json_each(c.product_categories) j WHERE 1', 'j.value')
    case 'name':
      return compileName(cond)
    default:
      break
  }

  const field = SIMPLE[cond.field]!
  const head: unknown[] = field.usesToday ? [today] : []
  const caseless = field.caseless === true
  const expr = caseless ? `lower(${field.sql})` : field.sql
  switch (cond.op) {
    case 'in': {
      const values = normalise(cond.field, cond.values, caseless)
      return { where: `${expr} IN (${marks(values.length)})`, params: [...head, ...values] }
    }
    case 'not_in': {
      const values = normalise(cond.field, cond.values, caseless)
      return {
        where: `(${field.sql} IS NULL OR ${expr} NOT IN (${marks(values.length)}))`,
        params: field.usesToday ? [today, today, ...values] : values,
      }
    }
    case 'contains':
      return { where: `${field.sql} LIKE ? ESCAPE '\\'`, params: [...head, likePattern(cond.text)] }
    case 'empty':
      return kind === 'days'
        ? { where: `${field.sql} IS NULL`, params: head }
        : { where: `coalesce(${field.sql}, '') = ''`, params: head }
    case 'not_empty':
      return kind === 'days'
        ? { where: `${field.sql} IS NOT NULL`, params: head }
        : { where: `coalesce(${field.sql}, '') <> ''`, params: head }
    case 'gte':
      return cond.field === 'days_since_contact'
        ? { where: `coalesce(${field.sql} >= ?, 1)`, params: [...head, cond.number] }
        : { where: `${field.sql} >= ?`, params: [...head, cond.number] }
    case 'lte':
      return { where: `${field.sql} <= ?`, params: [...head, cond.number] }
  }
}

function compileRisk(cond: RuleCondition): Compiled {
  const any = '(t.risk_gap = 1 OR t.risk_drop = 1)'
  const column = (v: string) => (v === 'gap' ? 't.risk_gap = 1' : 't.risk_drop = 1')
  switch (cond.op) {
    case 'in':
      return { where: `(${[...new Set(cond.values)].map(column).join(' OR ')})`, params: [] }
    case 'not_in':
      return { where: `NOT coalesce(${[...new Set(cond.values)].map(column).join(' OR ')}, 0)`, params: [] }
    case 'empty':
      return { where: `NOT coalesce(${any}, 0)`, params: [] }
    case 'not_empty':
      return { where: `coalesce(${any}, 0)`, params: [] }
    default:
      return fail(['op'], 'invalid_choice')
  }
}

/** Set-like fields (tags, product categories): "has one of", "has none of", "has any", "has none". */
function compileExists(cond: RuleCondition, from: string, column: string): Compiled {
  switch (cond.op) {
    case 'in':
    case 'not_in': {
      const values = cond.values.map((v) => v.trim().toLowerCase())
      const sub = `EXISTS (${from} AND lower(${column}) IN (${marks(values.length)}))`
      return { where: cond.op === 'in' ? sub : `NOT ${sub}`, params: values }
    }
    case 'contains':
      return { where: `EXISTS (${from} AND ${column} LIKE ? ESCAPE '\\')`, params: [likePattern(cond.text)] }
    case 'empty':
      return { where: `NOT EXISTS (${from})`, params: [] }
    case 'not_empty':
      return { where: `EXISTS (${from})`, params: [] }
    default:
      return fail(['op'], 'invalid_choice')
  }
}

/** A name matches on the display name, the name in its own script or the latin one. */
function compileName(cond: RuleCondition): Compiled {
  const cols = ['c.display_name', 'c.original_name', 'c.latin_name']
  switch (cond.op) {
    case 'in': {
      const values = cond.values.map((v) => v.trim().toLowerCase())
      return {
        where: `(${cols.map((col) => `lower(${col}) IN (${marks(values.length)})`).join(' OR ')})`,
        params: [...values, ...values, ...values],
      }
    }
    case 'not_in': {
      const values = cond.values.map((v) => v.trim().toLowerCase())
      return {
        where: `NOT (${cols.map((col) => `coalesce(lower(${col}) IN (${marks(values.length)}), 0)`).join(' OR ')})`,
        params: [...values, ...values, ...values],
      }
    }
    case 'contains': {
      const p = likePattern(cond.text)
      return {
        where: `(${cols.map((col) => `${col} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
        params: [p, p, p],
      }
    }
    case 'empty':
      return { where: "coalesce(c.display_name, '') = ''", params: [] }
    case 'not_empty':
      return { where: "coalesce(c.display_name, '') <> ''", params: [] }
    default:
      return fail(['op'], 'invalid_choice')
  }
}

/** A rule set as one condition; `path` prefixes the field paths of any validation issue. */
export function compileRules(
  rules: GroupRules,
  today: string,
  path: (string | number)[] = ['rules'],
): Compiled {
  const parts = rules.conditions.map((c, i) => compileCondition(c, today, [...path, 'conditions', i]))
  const joiner = rules.match === 'all' ? ' AND ' : ' OR '
  return {
    where: `(${parts.map((p) => `(${p.where})`).join(joiner)})`,
    params: parts.flatMap((p) => p.params),
  }
}

/** G1 buckets: the SQL value a built-in grouping splits the base by (empty text counts as none). */
export const GROUPING_SQL: Record<Exclude<BuiltinGrouping, 'risk'>, string> = {
  tier: 't.tier',
  segment: 't.segment',
  stage: 't.stage',
  country: "nullif(t.country, '')",
  region: 'cf.subregion',
  continent: 'cf.continent',
  industry: "nullif(c.industry, '')",
  business_type: 'c.business_type',
  owner: "nullif(c.owner, '')",
  source: 'c.source',
  quality: 'c.quality',
  purchase_frequency: PURCHASE_FREQUENCY_SQL,
}

/** Risk buckets: 'gap' and 'drop' overlap (a customer can carry both); null is "no risk". */
export const RISK_BUCKET_SQL = {
  gap: 't.risk_gap = 1',
  drop: 't.risk_drop = 1',
  none: 'NOT coalesce(t.risk_gap = 1 OR t.risk_drop = 1, 0)',
} as const

/** The condition for one bucket of a built-in grouping, matching exactly what the bucket counted. */
export function compileBuiltin(grouping: BuiltinGrouping, value: string | null): Compiled {
  if (grouping === 'risk') {
    if (value === null) return { where: RISK_BUCKET_SQL.none, params: [] }
    if (value === 'gap' || value === 'drop') return { where: RISK_BUCKET_SQL[value], params: [] }
    return fail(['selection', 'value'], 'invalid_choice')
  }
  const expr = GROUPING_SQL[grouping]
  return value === null ? { where: `${expr} IS NULL`, params: [] } : { where: `${expr} = ?`, params: [value] }
}
