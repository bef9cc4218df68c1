// Groups (G1–G4): built-in groupings, smart groups (saved rules, always current because they are
// evaluated on every read), static groups (hand-picked, set-like member rows), and what a group
// view needs: a member page, figures, emails and bulk actions. Reads with SQL; writes through
// SyncWriter (groups and memberships are synced) or the customer repository.
import { createHash } from 'node:crypto'
import { newId } from '../../core/ids'
import type { Db } from '../../db/connection'
import type { RowChange, SyncWriter } from '../../db/writer'
import type { CustomerRepository } from '../customers/repository'
import { GROUPING_SQL, LIVE, compileBuiltin, compileRules, fromFor } from './group-sql'
import type { Compiled } from './group-sql'
import { groupRulesSchema } from '../../../../shared/groups'
import { tierRankSql } from '../../../../shared/tiering'
import type {
  BuiltinGrouping,
  BulkAction,
  BulkResult,
  Group,
  GroupFigures,
  GroupInput,
  GroupRules,
  MEMBER_SORT_FIELDS,
  MemberRow,
  Selection,
} from '../../../../shared/groups'
import { VALUE_TIERS } from '../../../../shared/tiering'
import { customerInputSchema } from '../../../../shared/domain'
import type { LifecycleStage, RfmSegment, ValueTier } from '../../../../shared/tiering'
import { AppFailure } from '../../../../shared/errors'
import { localToday } from '../../../../shared/dates'

type CellRow = {
  tier: string
  segment: string
  stage: string
  risk_gap: number
  risk_drop: number
  country: string
  n: number
  revenue: number
}

type GroupRow = { id: string; name: string | null; kind: string | null; rules: string | null }

export type MembersQuery = {
  selection: Selection
  sort: (typeof MEMBER_SORT_FIELDS)[number]
  direction: 'asc' | 'desc'
  offset: number
  limit: number
}

/** One exported line: the member row plus what a spreadsheet user wants next to it. */
export type ExportRow = MemberRow & {
  originalName: string | null
  city: string | null
  businessType: string | null
  source: string | null
  primaryContact: string | null
  primaryPhone: string | null
}

const TIER_RANK_SQL = tierRankSql('t.tier')
const SORT_SQL: Record<MembersQuery['sort'], string> = {
  name: 'c.sort_name',
  country: "coalesce(t.country, '')",
  tier: TIER_RANK_SQL,
  revenue: 't.revenue_now',
  last_order: "coalesce(f.last_order, '')",
  owner: "coalesce(c.owner, '')",
}

/** A member's own columns (its primary contact is read by primaryContact). */
const MEMBER_FIELDS = `c.id, c.display_name, c.country, c.industry, c.owner,
  t.tier, t.segment, t.stage, t.revenue_now AS revenue_usd, coalesce(f.order_count, 0) AS order_count, f.last_order`

/** `what` of the customer's primary contact (the one marked primary, else another), as a subquery. */
const primaryContact = (what: string) =>
  `(SELECT ${what} FROM contacts k WHERE k.customer_id = c.id AND k.deleted_at IS NULL ORDER BY k.is_primary DESC LIMIT 1)`

const MEMBER_COLUMNS = `${MEMBER_FIELDS}, ${primaryContact("json_extract(k.emails, '$[0]')")} AS primary_email`

type MemberDbRow = {
  id: string
  display_name: string
  country: string | null
  industry: string | null
  owner: string | null
  tier: ValueTier
  segment: RfmSegment | null
  stage: LifecycleStage
  revenue_usd: number
  order_count: number
  last_order: string | null
  primary_email: string | null
}

function toMember(r: MemberDbRow): MemberRow {
  return {
    id: r.id,
    displayName: r.display_name,
    country: r.country,
    industry: r.industry,
    owner: r.owner,
    tier: r.tier,
    segment: r.segment,
    stage: r.stage,
    revenueUsd: r.revenue_usd,
    orderCount: r.order_count,
    lastOrder: r.last_order,
    primaryEmail: r.primary_email,
  }
}

/** Deterministic member id, so two devices adding the same customer to a group write one row. */
export function memberId(groupId: string, customerId: string): string {
  return createHash('sha256').update(`${groupId}\u0000${customerId}`).digest('hex').slice(0, 32)
}

export class GroupRepository {
  private readonly q

  constructor(
    private readonly db: Db,
    private readonly writer: SyncWriter,
    private readonly customers: CustomerRepository,
    private readonly today: () => string = localToday,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.q = {
      group: db.prepare(
        'SELECT id, name, kind, rules FROM customer_groups WHERE id = ? AND deleted_at IS NULL',
      ),
      groups: db.prepare(
        'SELECT id, name, kind, rules FROM customer_groups WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id',
      ),
      memberRows: db.prepare('SELECT id, customer_id, deleted_at FROM group_members WHERE group_id = ?'),
      cells: db.prepare(
        'SELECT tier, segment, stage, risk_gap, risk_drop, country, n, revenue FROM dashboard_cells WHERE n > 0',
      ),
      countryFacts: db.prepare('SELECT code, subregion, continent FROM country_facts'),
      baseRevenue: db
        .prepare(
          // The whole base's revenue from the dashboard's aggregates, not a scan of 100k rows.
          'SELECT coalesce(sum(revenue), 0) FROM dashboard_cells WHERE n > 0',
        )
        .pluck(),
    }
  }

  // ---- selections ----

  private groupRow(id: string): GroupRow {
    const row = this.q.group.get(id) as GroupRow | undefined
    if (!row) throw new AppFailure('not_found')
    return row
  }

  private storedRules(row: GroupRow): GroupRules {
    // Rules arrive by sync from other devices too: read them through the same schema.
    const parsed = groupRulesSchema.safeParse(row.rules ? JSON.parse(row.rules) : null)
    if (!parsed.success) throw new AppFailure('validation', [{ path: ['rules'], code: 'invalid_value' }])
    return parsed.data
  }

  /** The live-customer condition of a selection. */
  private condition(selection: Selection): Compiled {
    switch (selection.kind) {
      case 'all':
        return { where: '1', params: [] }
      case 'builtin':
        return compileBuiltin(selection.grouping, selection.value)
      case 'rules':
        return compileRules(selection.rules, this.today(), ['selection', 'rules'])
      case 'group': {
        const row = this.groupRow(selection.id)
        if (row.kind === 'smart') return compileRules(this.storedRules(row), this.today())
        return {
          where:
            't.customer_id IN (SELECT m.customer_id FROM group_members m WHERE m.group_id = ? AND m.deleted_at IS NULL)',
          params: [selection.id],
        }
      }
    }
  }

  private count(where: Compiled): number {
    return this.db
      .prepare(`SELECT count(*) ${fromFor(where.where)} WHERE ${LIVE} AND ${where.where}`)
      .pluck()
      .get(...where.params) as number
  }

  /** Ids of the live customers a selection holds. */
  selectionIds(selection: Selection): string[] {
    const where = this.condition(selection)
    return this.db
      .prepare(`SELECT t.customer_id ${fromFor(where.where)} WHERE ${LIVE} AND ${where.where}`)
      .pluck()
      .all(...where.params) as string[]
  }

  /**
   * What an action works on: the whole selection, or exactly the ticked customers when `picked` is
   * given. Every ticked id must be a live member of the selection: one that is not (unknown, deleted,
   * or no longer matching a smart group's rules) refuses the whole action with `not_in_selection`,
   * so a campaign never reaches a customer the user did not see ticked.
   */
  private scope(selection: Selection, picked: readonly string[] | null): Compiled {
    const where = this.condition(selection)
    if (picked === null) return where
    const ids = this.survivors(picked)
    const found = this.db
      .prepare(
        `SELECT count(*) ${fromFor(where.where)}
         WHERE ${LIVE} AND ${where.where} AND t.customer_id IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .get(...where.params, JSON.stringify(ids)) as number
    if (found !== ids.length)
      throw new AppFailure('not_in_selection', undefined, { missing: ids.length - found })
    return { where: 't.customer_id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] }
  }

  /**
   * Ticked ids with each merged-away customer (P8) replaced by its survivor, deduplicated: a window
   * that listed A before A was merged into B acts on B, never on A's tombstone. An id that leads to
   * no live customer stays as given, so the caller refuses it.
   */
  private survivors(ids: readonly string[]): string[] {
    return [...new Set(ids.map((id) => this.customers.resolve(id) ?? id))]
  }

  /** The live customers a bulk action acts on: the selection's, or its ticked ones (survivors). */
  customerIds(selection: Selection, picked: readonly string[] | null): string[] {
    const where = this.scope(selection, picked)
    return this.db
      .prepare(`SELECT t.customer_id ${fromFor(where.where)} WHERE ${LIVE} AND ${where.where}`)
      .pluck()
      .all(...where.params) as string[]
  }

  members(query: MembersQuery): { rows: MemberRow[]; total: number } {
    const where = this.condition(query.selection)
    const dir = query.direction === 'desc' ? 'DESC' : 'ASC'
    // Two steps, as the customer list does: the page's ids from the narrow tables (the wide
    // customers row is only joined when a rule or the name sort needs it), then the shown columns
    // for those rows alone.
    const tiebreak =
      query.sort === 'name' ? `c.sort_name ${dir}, t.customer_id ${dir}` : `t.customer_id ${dir}`
    const order = `${SORT_SQL[query.sort]} ${dir}, ${tiebreak}`
    // The total comes out of the same pass (a window over every match), not a second query.
    const page = this.db
      .prepare(
        `SELECT t.customer_id AS id, count(*) OVER () AS total ${fromFor(where.where, order)}
         WHERE ${LIVE} AND ${where.where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(...where.params, query.limit, query.offset) as { id: string; total: number }[]
    const ids = page.map((p) => p.id)
    const byId = new Map(
      (
        this.db
          .prepare(
            `SELECT ${MEMBER_COLUMNS} ${fromFor(MEMBER_COLUMNS, 'f.')}
             WHERE t.customer_id IN (SELECT value FROM json_each(?))`,
          )
          .all(JSON.stringify(ids)) as MemberDbRow[]
      ).map((r) => [r.id, r]),
    )
    const rows = ids.flatMap((id) => {
      const r = byId.get(id)
      return r ? [toMember(r)] : []
    })
    return { rows, total: page[0]?.total ?? (query.offset > 0 ? this.count(where) : 0) }
  }

  figures(selection: Selection): GroupFigures {
    const where = this.condition(selection)
    // One pass over the selection, grouped by tier and country; the totals are sums of the groups.
    const rows = this.db
      .prepare(
        `SELECT t.tier, nullif(t.country, '') AS country, count(*) AS n, sum(t.revenue_now) AS revenue,
           sum(coalesce(f.order_count, 0)) AS orders
         ${fromFor(where.where, 'f.')} WHERE ${LIVE} AND ${where.where} GROUP BY 1, 2`,
      )
      .all(...where.params) as {
      tier: ValueTier
      country: string | null
      n: number
      revenue: number
      orders: number
    }[]
    const total = { n: 0, revenue: 0, orders: 0 }
    const tierSums = new Map<ValueTier, { n: number; revenue: number }>()
    const countrySums = new Map<string | null, { n: number; revenue: number }>()
    for (const r of rows) {
      total.n += r.n
      total.revenue += r.revenue
      total.orders += r.orders
      for (const [map, key] of [
        [tierSums, r.tier],
        [countrySums, r.country],
      ] as [Map<unknown, { n: number; revenue: number }>, unknown][]) {
        const cur = map.get(key) ?? { n: 0, revenue: 0 }
        cur.n += r.n
        cur.revenue += r.revenue
        map.set(key, cur)
      }
    }
    const byTier = [...tierSums].map(([tier, v]) => ({ tier, ...v }))
    const byCountry = [...countrySums]
      .map(([country, v]) => ({ country, ...v }))
      .sort((a, b) => b.revenue - a.revenue || b.n - a.n)
      .slice(0, 10)
    const baseRevenue = this.q.baseRevenue.get() as number
    return {
      count: total.n,
      revenueUsd: total.revenue,
      averageOrderUsd: total.orders > 0 ? total.revenue / total.orders : null,
      shareOfTotal: baseRevenue > 0 ? total.revenue / baseRevenue : null,
      byTier: VALUE_TIERS.map((tier) => {
        const r = byTier.find((x) => x.tier === tier)
        return { tier, count: r?.n ?? 0, revenueUsd: r?.revenue ?? 0 }
      }),
      byCountry: byCountry.map((r) => ({ country: r.country, count: r.n, revenueUsd: r.revenue })),
    }
  }

  /** G1: a built-in grouping's buckets with their counts and revenue, largest first. */
  buckets(grouping: BuiltinGrouping): { value: string | null; count: number; revenueUsd: number }[] {
    const fromCells = this.bucketsFromCells(grouping)
    if (fromCells) return fromCells
    const rows = this.db
      .prepare(
        `SELECT ${GROUPING_SQL[grouping as keyof typeof GROUPING_SQL]} AS value, count(*) AS n,
           coalesce(sum(t.revenue_now), 0) AS revenue
         ${fromFor(GROUPING_SQL[grouping as keyof typeof GROUPING_SQL])} WHERE ${LIVE} GROUP BY 1 ORDER BY n DESC, revenue DESC`,
      )
      .all() as { value: string | null; n: number; revenue: number }[]
    return rows.map((r) => ({ value: r.value, count: r.n, revenueUsd: r.revenue }))
  }

  /**
   * Groupings by a value the dashboard's aggregates already hold (tier, segment, stage, risk,
   * country and what follows from it) are sums of a few thousand cells, not a scan of the base.
   */
  private bucketsFromCells(
    grouping: BuiltinGrouping,
  ): { value: string | null; count: number; revenueUsd: number }[] | null {
    const facts = new Map(
      (
        this.q.countryFacts.all() as { code: string; subregion: string | null; continent: string | null }[]
      ).map((r) => [r.code, r]),
    )
    const keyOf: Partial<Record<BuiltinGrouping, (c: CellRow) => (string | null)[]>> = {
      tier: (c) => [c.tier],
      segment: (c) => [c.segment || null],
      stage: (c) => [c.stage],
      country: (c) => [c.country || null],
      continent: (c) => [facts.get(c.country)?.continent ?? null],
      region: (c) => [facts.get(c.country)?.subregion ?? null],
      // A customer can carry both flags, so it counts in both buckets, as the risk filter does.
      risk: (c) =>
        c.risk_gap || c.risk_drop
          ? [c.risk_gap ? 'gap' : null, c.risk_drop ? 'drop' : null].filter((v) => v !== null)
          : [null],
    }
    const key = keyOf[grouping]
    if (!key) return null
    const sums = new Map<string | null, { count: number; revenueUsd: number }>()
    for (const cell of this.q.cells.all() as CellRow[]) {
      for (const k of key(cell)) {
        const cur = sums.get(k) ?? { count: 0, revenueUsd: 0 }
        cur.count += cell.n
        cur.revenueUsd += cell.revenue
        sums.set(k, cur)
      }
    }
    return [...sums]
      .map(([value, v]) => ({
        value,
        count: v.count,
        revenueUsd: Math.max(0, Math.round(v.revenueUsd * 100) / 100),
      }))
      .filter((b) => b.count > 0)
      .sort((a, b) => b.count - a.count || b.revenueUsd - a.revenueUsd)
  }

  /** Every member (or every ticked one) with the columns an export carries, in name order. */
  exportRows(selection: Selection, picked: readonly string[] | null = null): ExportRow[] {
    const where = this.scope(selection, picked)
    // The primary contact's name, first email and first phone in one subquery (three cost 0.5 s
    // more on 100k customers: each found and sorted the customer's contacts again).
    const columns = `${MEMBER_FIELDS}, c.original_name, c.city, c.business_type, c.source,
      ${primaryContact("json_array(k.name, json_extract(k.emails, '$[0]'), json_extract(k.phones, '$[0]'))")} AS primary_k`
    const rows = this.db
      .prepare(
        // Read in name order from the customers' name index: led by the tier rows' `live` (the
        // same fact, copied), SQLite sorted 100k wide rows in a temporary file, three times slower.
        `SELECT ${columns} ${fromFor(columns, where.where, 'c.')}
         WHERE c.deleted_at IS NULL AND +${LIVE} AND ${where.where} ORDER BY c.sort_name, c.id`,
      )
      .all(...where.params) as (Omit<MemberDbRow, 'primary_email'> & {
      original_name: string | null
      city: string | null
      business_type: string | null
      source: string | null
      primary_k: string | null
    })[]
    return rows.map((r) => {
      const [contact, email, phone] = r.primary_k
        ? (JSON.parse(r.primary_k) as [string | null, string | null, string | null])
        : [null, null, null]
      return {
        ...toMember({ ...r, primary_email: email }),
        originalName: r.original_name,
        city: r.city,
        businessType: r.business_type,
        source: r.source,
        primaryContact: contact,
        primaryPhone: phone,
      }
    })
  }

  /** The ids of a selection's customers (or of its ticked ones, all of which must be in it): what an export of their orders reads. */
  memberIds(selection: Selection, picked: readonly string[] | null = null): string[] {
    const where = this.scope(selection, picked)
    return this.db
      .prepare(`SELECT t.customer_id ${fromFor(where.where)} WHERE ${LIVE} AND ${where.where}`)
      .pluck()
      .all(...where.params) as string[]
  }

  /** Primary contacts' first emails (of all members or the ticked ones), deduplicated without regard to case. */
  emails(
    selection: Selection,
    picked: readonly string[] | null = null,
  ): { emails: string[]; customersWithout: number } {
    const seen = new Map<string, string>()
    let without = 0
    for (const row of this.exportRows(selection, picked)) {
      const email = row.primaryEmail?.trim()
      if (!email) without++
      else if (!seen.has(email.toLowerCase())) seen.set(email.toLowerCase(), email)
    }
    return { emails: [...seen.values()], customersWithout: without }
  }

  // ---- saved groups ----

  private toGroup(row: GroupRow): Group {
    const kind = row.kind === 'smart' ? 'smart' : 'static'
    const rules = kind === 'smart' ? this.storedRules(row) : null
    const count =
      kind === 'smart'
        ? this.count(compileRules(rules!, this.today()))
        : this.count({
            where:
              't.customer_id IN (SELECT m.customer_id FROM group_members m WHERE m.group_id = ? AND m.deleted_at IS NULL)',
            params: [row.id],
          })
    return { id: row.id, name: row.name ?? '', kind, rules, count }
  }

  list(): Group[] {
    const out: Group[] = []
    for (const row of this.q.groups.all() as GroupRow[]) {
      try {
        out.push(this.toGroup(row))
      } catch {
        // A group whose rules this version cannot read (written by a newer app) is left out
        // rather than breaking the whole list.
      }
    }
    return out
  }

  get(id: string): Group {
    return this.toGroup(this.groupRow(id))
  }

  /** Creates a group (id null) or renames it / changes its rules; a group keeps its kind. */
  save(id: string | null, input: GroupInput): Group {
    const name = input.name.trim()
    let rules: string | null = null
    if (input.kind === 'smart') {
      // Compiling checks every field/operator pairing and closed value before anything is written.
      compileRules(input.rules, this.today(), ['group', 'rules'])
      rules = JSON.stringify(input.rules)
    }
    const at = this.now().toISOString()
    if (id === null) {
      const created = newId()
      this.writer.write([
        {
          table: 'customer_groups',
          id: created,
          values: { name, kind: input.kind, rules, created_at: at, deleted_at: null },
        },
      ])
      return this.get(created)
    }
    const current = this.groupRow(id)
    if (current.kind !== input.kind)
      throw new AppFailure('validation', [{ path: ['group', 'kind'], code: 'invalid_choice' }])
    this.writer.write([
      { table: 'customer_groups', id, values: input.kind === 'smart' ? { name, rules } : { name } },
    ])
    return this.get(id)
  }

  /** Deletes a group and its memberships (tombstones); customers are not touched. */
  delete(id: string): void {
    this.groupRow(id)
    const at = this.now().toISOString()
    const members = (this.q.memberRows.all(id) as { id: string; deleted_at: string | null }[])
      .filter((m) => m.deleted_at === null)
      .map((m): RowChange => ({ table: 'group_members', id: m.id, values: { deleted_at: at } }))
    this.writer.write([{ table: 'customer_groups', id, values: { deleted_at: at } }, ...members])
  }

  private requireStatic(groupId: string): void {
    if (this.groupRow(groupId).kind !== 'static')
      throw new AppFailure('validation', [{ path: ['groupId'], code: 'invalid_choice' }])
  }

  /** Adds customers to a static group; all exist or nothing is written. Returns how many were new. */
  addMembers(groupId: string, customerIds: readonly string[]): number {
    this.requireStatic(groupId)
    // Each id as the live customer it stands for (a merged-away one's survivor), else not_found.
    const ids = new Set(customerIds.map((id) => this.customers.requireLive(id)))
    const existing = new Map(
      (this.q.memberRows.all(groupId) as { id: string; deleted_at: string | null }[]).map((m) => [
        m.id,
        m.deleted_at,
      ]),
    )
    const at = this.now().toISOString()
    const changes: RowChange[] = []
    for (const customerId of ids) {
      const id = memberId(groupId, customerId)
      if (existing.get(id) === null) continue // already a live member
      changes.push({
        table: 'group_members',
        id,
        values: { group_id: groupId, customer_id: customerId, created_at: at, deleted_at: null },
      })
    }
    if (changes.length > 0) this.writer.write(changes)
    return changes.length
  }

  removeMembers(groupId: string, customerIds: readonly string[]): number {
    this.requireStatic(groupId)
    const live = new Set(
      (this.q.memberRows.all(groupId) as { id: string; deleted_at: string | null }[])
        .filter((m) => m.deleted_at === null)
        .map((m) => m.id),
    )
    const at = this.now().toISOString()
    // The merge moved a merged-away customer's membership to its survivor: that is the row to end.
    const changes: RowChange[] = this.survivors(customerIds)
      .map((c) => memberId(groupId, c))
      .filter((id) => live.has(id))
      .map((id) => ({ table: 'group_members', id, values: { deleted_at: at } }))
    if (changes.length > 0) this.writer.write(changes)
    return changes.length
  }

  /**
   * A bulk action over a selection (or over exactly its ticked customers, see `scope`), in one
   * transaction: if any customer fails, none is changed. A customer the action cannot apply to
   * (a tag past the tag limit) is left untouched and listed as skipped.
   */
  bulk(selection: Selection, picked: readonly string[] | null, action: BulkAction): BulkResult {
    const where = this.scope(selection, picked)
    const ids = this.db
      .prepare(`SELECT t.customer_id ${fromFor(where.where)} WHERE ${LIVE} AND ${where.where}`)
      .pluck()
      .all(...where.params) as string[]
    return this.db
      .transaction(() => {
        switch (action.kind) {
          case 'owner': {
            const owner = action.owner?.trim() || null
            let changed = 0
            for (const id of ids) {
              if ((this.customers.values(id).owner ?? null) === owner) continue
              this.customers.update(id, { owner })
              changed++
            }
            return { changed, skipped: [] }
          }
          case 'tag': {
            let changed = 0
            const skipped: BulkResult['skipped'] = []
            for (const id of ids) {
              const tags = this.customers.values(id).tags
              if (tags.some((t) => t.toLowerCase() === action.tag.toLowerCase())) continue
              const next = [...tags, action.tag]
              // The schema a single customer's edit is checked against, so the limit (50 tags) is
              // one rule; the new tag passed the action's schema, so only the count can fail here.
              if (!customerInputSchema.shape.tags.safeParse(next).success) {
                skipped.push({ customerId: id, reason: 'too_many_tags' })
                continue
              }
              this.customers.update(id, { tags: next })
              changed++
            }
            return { changed, skipped }
          }
          case 'add_to_group':
            return { changed: ids.length > 0 ? this.addMembers(action.groupId, ids) : 0, skipped: [] }
        }
      })
      .immediate()
  }
}
