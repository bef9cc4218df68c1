// What a call changed, by table: the writer and the declared derivations record the tables they
// write, and the IPC loop (or a background job) drains the set once the work is done and tells the
// renderer, which reloads only the queries that read one of them (STYLE "change events derived
// from the write"). Nothing else decides what to announce, so no handler can forget to.
import type { TableName } from '../../../shared/tables'

export class ChangeTracker {
  private readonly tables = new Set<TableName>()

  /** Records that `tables` were written (inside a transaction that may still roll back). */
  touch(...tables: readonly TableName[]): void {
    for (const t of tables) this.tables.add(t)
  }

  /**
   * The tables touched since the last drain, sorted, and forgets them. A rolled-back transaction
   * may have touched a table: announcing it costs one needless reload, never a stale screen.
   */
  drain(): TableName[] {
    const out = [...this.tables].sort()
    this.tables.clear()
    return out
  }
}
