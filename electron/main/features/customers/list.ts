// The customer list (P7 list view, G4 member tables use their own): one filter + one sort + a
// page of rows with the total, at any offset. The virtual table lets a user drag its scrollbar to
// any row, so a page deep in 100k customers must cost about what the first one does.
import type { Db } from '../../db/connection'
import type { CustomerRow, ListQuery } from '../../../../shared/domain'
import { listQuerySchema } from '../../../../shared/domain'
import { searchCondition } from './search'

type ListDbRow = {
  id: string
  display_name: string
  original_name: string | null
  country: string | null
  city: string | null
  industry: string | null
  business_type: string | null
  owner: string | null
  source: string | null
  updated_at: string
  primary_contact: string | null
  primary_email: string | null
  tier: CustomerRow['tier']
}

function toListRow(r: ListDbRow): CustomerRow {
  return {
    id: r.id,
    displayName: r.display_name,
    originalName: r.original_name,
    country: r.country,
    city: r.city,
    industry: r.industry,
    businessType: r.business_type,
    owner: r.owner,
    source: r.source,
    primaryContact: r.primary_contact,
    primaryEmail: r.primary_email,
    tier: r.tier,
    updatedAt: r.updated_at,
  }
}

const SORT_SQL: Record<string, string> = {
  name: 'c.sort_name',
  country: 'c.country',
  city: 'c.city',
  industry: 'c.industry',
  owner: 'c.owner',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
}

/** Every this many rows of a listed query, its sort key is kept (see CustomerList.page). */
const ANCHOR_EVERY = 500
/**
 * Queries whose anchors and total are kept, the least recently listed dropped first: enough for
 * someone switching back and forth between filters and sorts; each is a few kilobytes at most.
 */
const LIST_STATES_KEPT = 64
const DATA_VERSION_SQL = 'SELECT total_changes(), data_version FROM pragma_data_version'
// The primary contact's row is picked once and both shown cells read from it.
const LIST_ROWS_SQL = `SELECT c.id, c.display_name, c.original_name, c.country, c.city, c.industry, c.business_type, c.owner, c.source, c.updated_at,
    coalesce((SELECT t.tier FROM customer_tiers t WHERE t.customer_id = c.id), 'ordinary') AS tier,
    k.name AS primary_contact, json_extract(k.emails, '$[0]') AS primary_email
  FROM customers c LEFT JOIN contacts k ON k.rowid = (
    SELECT p.rowid FROM contacts p WHERE p.customer_id = c.id AND p.deleted_at IS NULL ORDER BY p.is_primary DESC LIMIT 1)
  WHERE c.id IN (SELECT value FROM json_each(?))`

/** A row's position in a sorted list: its sort column values, the id last (so it is unique). */
type SortKey = (string | number | null)[]

export type ListPlan = {
  whereSql: string
  params: unknown[]
  filtered: boolean
  onlyTags: boolean
  /** For a tag filter alone: the same condition as a probe of the tag index per row walked. */
  probeWhereSql: string | null
  /** The ORDER BY columns, the id last. */
  keyCols: string[]
  order: string
  desc: boolean
}

/**
 * What is known of one query at one data version: its total, and anchors[i], the key of the row
 * at i × anchorEvery (null: the first row).
 */
type ListState = { version: string; total: number | null; anchors: (SortKey | null)[] }

export function listPlan(q: ReturnType<typeof listQuerySchema.parse>): ListPlan {
  const where: string[] = ['c.deleted_at IS NULL']
  const params: unknown[] = []
  const inList = (col: string, values: readonly string[]) => {
    if (values.length === 0) return
    where.push(`${col} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  inList('c.country', q.countries)
  if (q.continents.length > 0) {
    where.push(
      `c.country IN (SELECT code FROM country_facts WHERE continent IN (${q.continents.map(() => '?').join(', ')}))`,
    )
    params.push(...q.continents)
  }
  inList('c.industry', q.industries)
  inList('c.business_type', q.businessTypes)
  inList('c.owner', q.owners)
  inList('c.source', q.sources)
  if (q.tiers.length > 0) {
    where.push(
      `+c.id IN (SELECT customer_id FROM customer_tiers WHERE tier IN (${q.tiers.map(() => '?').join(', ')}))`,
    )
    params.push(...q.tiers)
  }
  const tagList = q.tags.map(() => '?').join(', ')
  if (q.tags.length > 0) {
    // The unary + keeps SQLite walking the sort index (stopping after one page) instead of
    // fetching every tagged customer and sorting them.
    where.push(
      `+c.id IN (SELECT customer_id FROM customer_tags WHERE tag IN (${tagList}) AND deleted_at IS NULL)`,
    )
    params.push(...q.tags)
  }
  // The search box: the customers customers:search finds, by the same index query. The planner
  // picks between walking the sort index and sorting the matches, whichever is fewer rows.
  const match = q.q ? searchCondition(q.q) : null
  if (match) {
    where.push(match.sql)
    params.push(...match.params)
  }
  const desc = q.direction === 'desc'
  const dir = desc ? 'DESC' : 'ASC'
  // Column names come from a fixed map; the user's values only ever travel as parameters.
  const sortCol = SORT_SQL[q.sort] ?? 'c.sort_name'
  // Matches the column order of the customers_sort_* indexes, so no sort step is needed.
  const keyCols = sortCol === 'c.sort_name' ? ['c.sort_name', 'c.id'] : [sortCol, 'c.sort_name', 'c.id']
  const onlyTags = q.tags.length > 0 && where.length === 2
  return {
    whereSql: where.join(' AND '),
    params,
    filtered: where.length > 1,
    onlyTags,
    probeWhereSql: onlyTags
      ? `c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag IN (${tagList}) AND t.deleted_at IS NULL)`
      : null,
    keyCols,
    order: keyCols.map((col) => `${col} ${dir}`).join(', '),
    desc,
  }
}

/**
 * The rows at and after `from` in the plan's order, as conditions to run one after the other.
 * A row value holding NULL compares as unknown, so rows with no sort value (first ascending,
 * last descending, as SQLite orders them) form a part of their own.
 */
function keysetParts(plan: ListPlan, from: SortKey): { cond: string; params: unknown[] }[] {
  const cmp = plan.desc ? '<=' : '>='
  const [col, ...tie] = plan.keyCols
  const [value, ...tieValues] = from
  // By name: sort_name and id are never NULL.
  if (tie.length === 1) return [{ cond: ` AND (${plan.keyCols.join(', ')}) ${cmp} (?, ?)`, params: from }]
  if (value === null) {
    const nulls = { cond: ` AND ${col} IS NULL AND (${tie.join(', ')}) ${cmp} (?, ?)`, params: tieValues }
    return plan.desc ? [nulls] : [nulls, { cond: ` AND ${col} IS NOT NULL`, params: [] }]
  }
  const values = { cond: ` AND (${plan.keyCols.join(', ')}) ${cmp} (?, ?, ?)`, params: from }
  return plan.desc ? [values, { cond: ` AND ${col} IS NULL`, params: [] }] : [values]
}

export class CustomerList {
  constructor(
    private readonly db: Db,
    /** Rows between anchors; tests make it small to cross many with few rows. */
    private readonly anchorEvery = ANCHOR_EVERY,
  ) {}

  // A page at any offset (the table's scrollbar can be dragged to any row) without OFFSET
  // walking the sort index from the top: SQLite cannot seek to the Nth entry of an index, so the
  // sort key of every 500th row (anchorEvery) is remembered per query, learnt by walking only as
  // far as asked, and a page starts from the nearest one. The total is remembered with them.
  // Both hold while the database is unchanged: `total_changes()` counts this connection's writes
  // (committed or not), `data_version` moves when another connection (the job worker) commits.
  page(input: ListQuery): { rows: CustomerRow[]; total: number } {
    const q = listQuerySchema.parse(input)
    const plan = listPlan(q)
    const state = this.listState(plan)
    const total = (state.total ??= this.countLive(q, plan))
    const ids = q.offset >= total ? [] : this.pageIds(plan, state.anchors, total, q.offset, q.limit)
    const byId = new Map(
      (this.listStatement(LIST_ROWS_SQL).all(JSON.stringify(ids)) as ListDbRow[]).map((r) => [r.id, r]),
    )
    return {
      total,
      rows: ids.flatMap((id) => (byId.has(id) ? [toListRow(byId.get(id)!)] : [])),
    }
  }

  private readonly listStatements = new Map<string, ReturnType<Db['prepare']>>()
  private readonly listStates = new Map<string, ListState>()

  private listStatement(sql: string): ReturnType<Db['prepare']> {
    let stmt = this.listStatements.get(sql)
    if (!stmt) {
      // Filters with many values make many texts; a full cache starts over rather than grow.
      if (this.listStatements.size >= 500) this.listStatements.clear()
      stmt = this.db.prepare(sql)
      this.listStatements.set(sql, stmt)
    }
    return stmt
  }

  private listState(plan: ListPlan): ListState {
    const version = (this.listStatement(DATA_VERSION_SQL).raw().get() as number[]).join(':')
    const key = `${plan.whereSql}\u0000${plan.order}\u0000${JSON.stringify(plan.params)}`
    const known = this.listStates.get(key)
    this.listStates.delete(key)
    const state = known?.version === version ? known : { version, total: null, anchors: [null] }
    // Inside a transaction the rows read may still be rolled back: nothing learnt there is kept.
    if (!this.db.inTransaction) {
      this.listStates.set(key, state)
      if (this.listStates.size > LIST_STATES_KEPT)
        this.listStates.delete(this.listStates.keys().next().value!)
    }
    return state
  }

  /** The ids of rows offset … offset + limit − 1, walking at most anchorEvery rows past an anchor. */
  private pageIds(
    plan: ListPlan,
    anchors: ListState['anchors'],
    total: number,
    offset: number,
    limit: number,
  ): string[] {
    // For a tag filter alone, the list of tagged customers costs the same whatever the walk, a
    // probe of the tag index per customer walked about twice a list entry: probing wins while
    // the walk stays under half the number tagged (the first pages of a common tag), the list
    // for rare tags and deep pages.
    const walkedPerRow = plan.probeWhereSql && total > 0 ? this.liveCount() / total : null
    const whereFor = (rows: number) =>
      walkedPerRow !== null && rows * walkedPerRow < total / 2 ? plan.probeWhereSql! : plan.whereSql
    const at = Math.floor(offset / this.anchorEvery)
    for (let last = anchors.length - 1; last < at; last++) {
      const next = this.seek(
        plan,
        whereFor(this.anchorEvery + 1),
        anchors[last] ?? null,
        this.anchorEvery,
        1,
      )[0]
      if (!next) return []
      anchors.push(next)
    }
    const skip = offset - at * this.anchorEvery
    return this.seek(plan, whereFor(skip + limit), anchors[at] ?? null, skip, limit).map(
      (key) => key[key.length - 1] as string,
    )
  }

  private liveCount(): number {
    // count(*) of a whole table only adds up the cell counts of its smallest index's pages;
    // deleted customers are few.
    return this.listStatement(
      'SELECT (SELECT count(*) FROM customers) - (SELECT count(*) FROM customers WHERE deleted_at IS NOT NULL)',
    )
      .pluck()
      .get() as number
  }

  /** Sort keys of `take` rows, from `skip` rows past the row whose key is `from` (or the first row). */
  private seek(
    plan: ListPlan,
    whereSql: string,
    from: SortKey | null,
    skip: number,
    take: number,
  ): SortKey[] {
    const out: SortKey[] = []
    for (const part of from ? keysetParts(plan, from) : [{ cond: '', params: [] }]) {
      const where = `${whereSql}${part.cond}`
      const rows = this.listStatement(
        `SELECT ${plan.keyCols.join(', ')} FROM customers c WHERE ${where} ORDER BY ${plan.order} LIMIT ? OFFSET ?`,
      )
        .raw()
        .all(...plan.params, ...part.params, take - out.length, skip) as SortKey[]
      out.push(...rows)
      if (out.length === take) break
      // This part ended before the page did: the rows still to skip are skipped in the next one.
      if (rows.length > 0 || skip === 0) skip = 0
      else
        skip -= this.listStatement(`SELECT count(*) FROM (SELECT 1 FROM customers c WHERE ${where} LIMIT ?)`)
          .pluck()
          .get(...plan.params, ...part.params, skip) as number
    }
    return out
  }

  private countLive(q: ReturnType<typeof listQuerySchema.parse>, plan: ListPlan): number {
    if (!plan.filtered) return this.liveCount()
    if (plan.onlyTags) {
      // Tag filter alone: count from the tag index, checking liveness in a covering index.
      return this.listStatement(
        `SELECT count(DISTINCT t.customer_id) FROM customer_tags t JOIN customers c ON c.id = t.customer_id
           WHERE t.tag IN (${q.tags.map(() => '?').join(', ')}) AND t.deleted_at IS NULL AND c.deleted_at IS NULL`,
      )
        .pluck()
        .get(...q.tags) as number
    }
    return this.listStatement(`SELECT count(*) FROM customers c WHERE ${plan.whereSql}`)
      .pluck()
      .get(...plan.params) as number
  }
}
