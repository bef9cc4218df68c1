// The tiering policy as versioned, synced rows (T1–T5): saving adds a version and never edits an
// old one, so every tier event can name the version that decided it. The highest version is in
// force; two devices saving the same version number at once are ordered by id, the same on both.
import { newId } from '../../core/ids'
import type { Db } from '../../db/connection'
import type { SyncWriter } from '../../db/writer'
import { DEFAULT_POLICY, tieringPolicySchema } from '../../../../shared/tiering'
import type { PolicyMoves, TieringPolicy, ValueTier } from '../../../../shared/tiering'
import { metaRead, metaSet } from '../../db/device'

type PolicyVersion = { version: number; createdAt: string; note: string | null; moved: number | null }

/** What one version's re-tier did on this device (meta `policy_retier:<version>`; local, not synced). */
export type RetierRecord = { moved: number; afterEventId: number; upToEventId: number }
const RETIER_KEY = 'policy_retier:'

type PolicyRow = { version: number; policy: string; note: string | null; created_at: string }

export class PolicyStore {
  private readonly q
  private cached: TieringPolicy | null = null

  constructor(
    private readonly db: Db,
    private readonly writer: SyncWriter,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.q = {
      latest: db.prepare(
        'SELECT version, policy, note, created_at FROM tiering_policies WHERE deleted_at IS NULL AND policy IS NOT NULL ORDER BY version DESC, id DESC LIMIT 20',
      ),
      versions: db.prepare(
        'SELECT version, note, created_at FROM tiering_policies WHERE deleted_at IS NULL ORDER BY version DESC, id DESC',
      ),
      lastEvent: db.prepare('SELECT coalesce(max(id), 0) FROM tier_events').pluck(),
      // The re-tier evaluates each customer once, so each appears at most once.
      moves: db.prepare(
        `SELECT e.customer_id, c.display_name, c.country, e.from_value, e.to_value,
           json_extract(e.inputs, '$.revenueUsd') AS revenue_usd
         FROM tier_events e JOIN customers c ON c.id = e.customer_id
         WHERE e.id > ? AND e.id <= ? AND e.policy_version = ? AND e.kind = 'tier'
           AND e.from_value IS NOT e.to_value AND c.deleted_at IS NULL
         ORDER BY revenue_usd DESC, c.sort_name LIMIT ?`,
      ),
      maxVersion: db
        .prepare('SELECT coalesce(max(version), 0) FROM tiering_policies WHERE deleted_at IS NULL')
        .pluck(),
    }
  }

  /** Drops the cached policy: a version was written (here, or synced from a teammate). */
  forget(): void {
    this.cached = null
  }

  /** The policy in force: the newest stored version that reads as valid, else the seed's defaults. */
  current(): TieringPolicy {
    if (this.cached) return this.cached
    for (const row of this.q.latest.all() as PolicyRow[]) {
      // A version written by a newer app may not parse here; fall back to the newest one that does.
      const parsed = tieringPolicySchema.safeParse({ ...safeJson(row.policy), version: row.version })
      if (parsed.success) return (this.cached = parsed.data)
    }
    return (this.cached = DEFAULT_POLICY)
  }

  /**
   * Every version, newest first, the seed's defaults last. The defaults are never stored (a new
   * database has no policy row), so they are listed whenever no stored row claims their number;
   * without that, version 1 vanished from the history at the first save.
   */
  versions(): PolicyVersion[] {
    const rows = this.q.versions.all() as Omit<PolicyRow, 'policy'>[]
    const out = rows.map((r) => ({
      version: r.version,
      createdAt: r.created_at,
      note: r.note,
      moved: this.retierOf(r.version)?.moved ?? null,
    }))
    if (!rows.some((r) => r.version === DEFAULT_POLICY.version))
      out.push({ version: DEFAULT_POLICY.version, createdAt: '', note: null, moved: null })
    return out
  }

  /**
   * Records what a version's re-tier did: how many customers moved, and the tier events it wrote
   * (ids after `afterEventId` up to `upToEventId`), so the moves can be listed later.
   */
  recordRetier(version: number, record: RetierRecord): void {
    metaSet(this.db, `${RETIER_KEY}${version}`, JSON.stringify(record))
  }

  /** What the version's re-tier did on this device; undefined until it has run here. */
  retierOf(version: number): RetierRecord | undefined {
    const raw = metaRead(this.db, `${RETIER_KEY}${version}`)
    if (!raw) return undefined
    const v = safeJson(raw)
    return typeof v.moved === 'number' &&
      typeof v.afterEventId === 'number' &&
      typeof v.upToEventId === 'number'
      ? { moved: v.moved, afterEventId: v.afterEventId, upToEventId: v.upToEventId }
      : undefined
  }

  /** The last tier event id written so far (0 before any): brackets a re-tier's events. */
  lastEventId(): number {
    return this.q.lastEvent.get() as number
  }

  /**
   * The tier moves of a version's re-tier, highest revenue first: its tier events within the
   * recorded bracket. An order saved on this device while the re-tier ran also lands in the
   * bracket under the same version; that move is a real one of that moment and is listed too.
   */
  moves(version: number, limit: number): PolicyMoves {
    const record = this.retierOf(version)
    if (!record) return { version, moved: null, moves: [] }
    const rows = this.q.moves.all(record.afterEventId, record.upToEventId, version, limit) as {
      customer_id: string
      display_name: string
      country: string | null
      from_value: ValueTier
      to_value: ValueTier
      revenue_usd: number | null
    }[]
    return {
      version,
      moved: record.moved,
      moves: rows.map((r) => ({
        customerId: r.customer_id,
        displayName: r.display_name,
        country: r.country,
        from: r.from_value,
        to: r.to_value,
        revenueUsd: r.revenue_usd ?? 0,
      })),
    }
  }

  /** Saves the policy as the next version and returns its number. */
  save(policy: TieringPolicy, note: string | null, by: string | null = null): number {
    const version = Math.max(DEFAULT_POLICY.version, this.q.maxVersion.get() as number) + 1
    this.writer.write([
      {
        table: 'tiering_policies',
        id: newId(),
        values: {
          version,
          policy: JSON.stringify({ ...policy, version }),
          note,
          created_by: by,
          created_at: this.now().toISOString(),
          deleted_at: null,
        },
      },
    ])
    this.cached = null
    return version
  }
}

function safeJson(s: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(s)
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
