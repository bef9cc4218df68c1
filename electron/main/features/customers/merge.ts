// Merging two customers (P8). One SyncWriter write moves every child of the other customer to the
// survivor and leaves the other as a tombstone naming the survivor (merged_into), so each moved row
// is an ordinary synced cell change and a device that syncs later redirects its own edits
// (db/live.ts). The survivor's figures, tier, search entry and dashboard cells follow by the
// declared derivations of the tables written (derivations.ts), inside the same transaction.
import type { Repositories } from '../../repositories'
import type { CellValue, RowChange } from '../../db/writer'
import { tagId } from './repository'
import { memberId } from '../groups/repository'
import { AppFailure } from '../../../../shared/errors'
import { MERGE_CHILDREN, MERGE_FIELDS } from '../../../../shared/merge'
import type {
  MergeCounts,
  MergeField,
  MergeInput,
  MergePreview,
  MergeResult,
  MergeSide,
} from '../../../../shared/merge'

/** Field name → its column: the camelCase of the domain is the snake_case of the table. */
const columnOf = (field: MergeField) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

type CustomerRow = Record<string, CellValue> & {
  id: string
  deleted_at: string | null
  merged_into: string | null
}

/** Tables whose rows carry a plain customer_id: each row moves by rewriting that one cell. */
const OWNED = ['contacts', 'orders', 'interactions', 'feedback', 'reminders'] as const

export class CustomerMerge {
  private readonly q

  constructor(private readonly r: Pick<Repositories, 'db' | 'writer' | 'customers' | 'tiers' | 'now'>) {
    const { db } = r
    const live = (table: string) =>
      db.prepare(`SELECT count(*) FROM ${table} WHERE customer_id = ? AND deleted_at IS NULL`).pluck()
    this.q = {
      row: db.prepare('SELECT * FROM customers WHERE id = ?'),
      counts: {
        contacts: live('contacts'),
        orders: live('orders'),
        interactions: live('interactions'),
        feedback: live('feedback'),
        reminders: live('reminders'),
        tags: live('customer_tags'),
        groups: live('group_members'),
        locks: db.prepare('SELECT count(*) FROM tier_locks WHERE id = ? AND deleted_at IS NULL').pluck(),
      },
      // Deleted rows move too: an undo of their deletion must bring them back on the survivor.
      owned: Object.fromEntries(
        OWNED.map((t) => [t, db.prepare(`SELECT id FROM ${t} WHERE customer_id = ?`).pluck()]),
      ) as unknown as Record<(typeof OWNED)[number], { all: (id: string) => unknown[] }>,
      primary: db
        .prepare('SELECT 1 FROM contacts WHERE customer_id = ? AND deleted_at IS NULL AND is_primary = 1')
        .pluck(),
      contacts: db.prepare('SELECT id, is_primary FROM contacts WHERE customer_id = ?'),
      liveTags: db.prepare('SELECT id, tag FROM customer_tags WHERE customer_id = ? AND deleted_at IS NULL'),
      tagRow: db.prepare('SELECT deleted_at FROM customer_tags WHERE id = ?'),
      liveMembers: db.prepare(
        'SELECT id, group_id FROM group_members WHERE customer_id = ? AND deleted_at IS NULL',
      ),
      memberRow: db.prepare('SELECT deleted_at FROM group_members WHERE id = ?'),
      lock: db.prepare(
        'SELECT tier, reason, locked_by, created_at FROM tier_locks WHERE id = ? AND deleted_at IS NULL',
      ),
      // Merged-away customers still holding a row: few are merged away (a partial index), and each
      // looks up its children by their customer index; group_members has none, so its members are
      // read once for the whole query (an IN list), not once per merged-away customer.
      strays: db.prepare(
        `SELECT id, deleted_at FROM customers k WHERE merged_into IS NOT NULL AND deleted_at IS NOT NULL AND (
           ${OWNED.map((t) => `EXISTS (SELECT 1 FROM ${t} WHERE customer_id = k.id)`).join(' OR ')}
           OR EXISTS (SELECT 1 FROM customer_tags WHERE customer_id = k.id AND deleted_at IS NULL)
           OR k.id IN (SELECT customer_id FROM group_members WHERE deleted_at IS NULL)
           OR EXISTS (SELECT 1 FROM tier_locks WHERE id = k.id AND deleted_at IS NULL))
         ORDER BY id`,
      ),
    }
  }

  /** Both customers side by side with what would move, and the fields whose values differ. */
  preview(aId: string, bId: string): MergePreview {
    this.check(aId, bId)
    const a = this.side(aId)
    const b = this.side(bId)
    const same = (f: MergeField) => JSON.stringify(a.customer[f]) === JSON.stringify(b.customer[f])
    return { a, b, differing: MERGE_FIELDS.filter((f) => !same(f)) }
  }

  /**
   * Merges `otherId` into `survivorId` in one write; refused (`merge_self`, `merge_deleted`,
   * `merged`, `not_found`) before anything is written.
   */
  merge(input: MergeInput): MergeResult {
    const { survivorId, otherId } = input
    return this.r.db
      .transaction((): MergeResult => {
        const [survivor, other] = this.check(survivorId, otherId)
        const moved = this.counts(otherId)
        const before = this.r.tiers.current(survivorId)?.tier ?? 'ordinary'
        this.r.writer.write(this.changes(survivor, other, input.fields))
        const after = this.r.tiers.current(survivorId)?.tier ?? 'ordinary'
        return {
          survivorId,
          moved,
          tierChange:
            before === after
              ? null
              : { customerName: this.r.customers.values(survivorId).displayName, from: before, to: after },
        }
      })
      .immediate()
  }

  private check(survivorId: string, otherId: string): [CustomerRow, CustomerRow] {
    if (survivorId === otherId) throw new AppFailure('merge_self')
    const rows = [survivorId, otherId].map((id) => {
      const row = this.q.row.get(id) as CustomerRow | undefined
      if (!row) throw new AppFailure('not_found')
      if (row.merged_into) {
        throw new AppFailure('merged', undefined, {
          survivorId: this.r.customers.resolve(id) ?? row.merged_into,
        })
      }
      if (row.deleted_at) throw new AppFailure('merge_deleted')
      return row
    })
    return [rows[0]!, rows[1]!]
  }

  private counts(customerId: string): MergeCounts {
    return Object.fromEntries(
      MERGE_CHILDREN.map((k) => [k, this.q.counts[k].get(customerId) as number]),
    ) as MergeCounts
  }

  private side(customerId: string): MergeSide {
    return {
      customer: this.r.customers.values(customerId),
      counts: this.counts(customerId),
      tier: this.r.tiers.current(customerId)?.tier ?? 'ordinary',
    }
  }

  private changes(survivor: CustomerRow, other: CustomerRow, fields: MergeInput['fields']): RowChange[] {
    const s = survivor.id
    const o = other.id
    const at = this.r.now().toISOString()
    const picked: Record<string, CellValue> = {}
    for (const field of MERGE_FIELDS) {
      if (fields[field] === 'other') picked[columnOf(field)] = other[columnOf(field)] ?? null
    }
    // Orders imported later find their customer by the id of the system they came from.
    if (!survivor.external_id && other.external_id) picked.external_id = other.external_id
    return [
      { table: 'customers', id: s, values: picked },
      { table: 'customers', id: o, values: { deleted_at: at, merged_into: s } },
      ...this.childMoves(s, o, at),
    ]
  }

  /**
   * Moves every child of `o` to `s`. `at` stamps the tombstones and new rows it makes: a redirect
   * gives the merge's own time, so devices redirecting the same stray rows write the same values
   * (the same value from two devices is no conflict).
   */
  private childMoves(s: string, o: string, at: string): RowChange[] {
    const changes: RowChange[] = []
    // A customer has one primary contact: the survivor's, if it has one.
    const keepPrimary = Boolean(this.q.primary.get(s))
    for (const c of this.q.contacts.all(o) as { id: string; is_primary: number }[]) {
      changes.push({
        table: 'contacts',
        id: c.id,
        values: { customer_id: s, ...(keepPrimary && c.is_primary ? { is_primary: 0 } : {}) },
      })
    }
    for (const table of ['orders', 'interactions', 'feedback', 'reminders'] as const) {
      for (const id of this.q.owned[table].all(o) as string[]) {
        changes.push({ table, id, values: { customer_id: s } })
      }
    }

    // Set-like rows are keyed by hash(customer, member): the other's rows are tombstoned and the
    // survivor's row for the same member is created or revived (a union, as two devices would agree).
    for (const t of this.q.liveTags.all(o) as { id: string; tag: string }[]) {
      changes.push({ table: 'customer_tags', id: t.id, values: { deleted_at: at } })
      const id = tagId(s, t.tag)
      const row = this.q.tagRow.get(id) as { deleted_at: string | null } | undefined
      if (!row) {
        changes.push({ table: 'customer_tags', id, values: { customer_id: s, tag: t.tag, created_at: at } })
      } else if (row.deleted_at) {
        changes.push({ table: 'customer_tags', id, values: { deleted_at: null } })
      }
    }
    for (const m of this.q.liveMembers.all(o) as { id: string; group_id: string }[]) {
      changes.push({ table: 'group_members', id: m.id, values: { deleted_at: at } })
      const id = memberId(m.group_id, s)
      const row = this.q.memberRow.get(id) as { deleted_at: string | null } | undefined
      if (!row) {
        changes.push({
          table: 'group_members',
          id,
          values: { group_id: m.group_id, customer_id: s, created_at: at },
        })
      } else if (row.deleted_at) {
        changes.push({ table: 'group_members', id, values: { deleted_at: null } })
      }
    }

    // The lock row's id is the customer's: the survivor's own lock wins, else the other's moves.
    type Lock = { tier: string; reason: string | null; locked_by: string | null; created_at: string | null }
    const otherLock = this.q.lock.get(o) as Lock | undefined
    if (otherLock) {
      if (!this.q.lock.get(s)) {
        changes.push({
          table: 'tier_locks',
          id: s,
          values: {
            tier: otherLock.tier,
            reason: otherLock.reason,
            locked_by: otherLock.locked_by,
            created_at: otherLock.created_at ?? at,
            deleted_at: null,
          },
        })
      }
      changes.push({ table: 'tier_locks', id: o, values: { deleted_at: at } })
    }

    return changes
  }

  /**
   * Rows still under a customer merged away (design/sync.md): added or moved there on a computer
   * that had not yet seen the merge, and arrived since. Each goes to the survivor as this device's
   * own change, so it syncs; every device that finds them writes the same values. Returns the
   * merged-away customers whose rows moved.
   */
  redirectStrays(): number {
    const strays = this.q.strays.all() as { id: string; deleted_at: string }[]
    if (strays.length === 0) return 0
    return this.r.db
      .transaction(() => {
        let moved = 0
        for (const o of strays) {
          const s = this.r.customers.resolve(o.id)
          if (!s) continue // the survivor deleted since: nowhere live to go
          const changes = this.childMoves(s, o.id, o.deleted_at)
          if (changes.length === 0) continue
          this.r.writer.write(changes)
          moved++
        }
        return moved
      })
      .immediate()
  }
}
