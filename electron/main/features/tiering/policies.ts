// The tiering policy as versioned, synced rows (T1–T5): saving adds a version and never edits an
// old one, so every tier event can name the version that decided it. The highest version is in
// force; two devices saving the same version number at once are ordered by id, the same on both.
import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../../db/connection'
import type { SyncWriter } from '../../db/writer'
import { DEFAULT_POLICY, tieringPolicySchema } from '../../../../shared/tiering'
import type { TieringPolicy } from '../../../../shared/tiering'

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

  versions(): { version: number; createdAt: string; note: string | null }[] {
    const rows = this.q.versions.all() as Omit<PolicyRow, 'policy'>[]
    const out = rows.map((r) => ({ version: r.version, createdAt: r.created_at, note: r.note }))
    return out.length > 0 ? out : [{ version: DEFAULT_POLICY.version, createdAt: '', note: null }]
  }

  /** Saves the policy as the next version and returns its number. */
  save(policy: TieringPolicy, note: string | null, by: string | null = null): number {
    const version = Math.max(DEFAULT_POLICY.version, this.q.maxVersion.get() as number) + 1
    this.writer.write([
      {
        table: 'tiering_policies',
        id: uuidv7(),
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
