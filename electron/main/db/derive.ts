// Derived work after a write, declared once (electron/main/derivations.ts lists every step top to
// bottom). The writer runs the steps of a table inside the same transaction as the facts, so
// derived data can never be out of step with what was committed, and records the tables each
// step declares it writes for the change event.
import type { ChangeTracker } from './changes'
import type { SyncedTable } from './writer'
import type { TableName } from '../../../shared/tables'

/** Releases a registration (VS Code's IDisposable): nothing subscribes without a way out. */
export type Disposable = { dispose(): void }

export type DerivationStep = {
  /** Unique within its table: registering the same name twice is a programming error. */
  name: string
  /** The tables the step writes (recorded for the change event; SQL triggers they fire included). */
  writes: readonly TableName[]
  /** Runs with the ids of the rows of the table that changed, inside the write transaction. */
  run: (ids: readonly string[]) => void
}

export class Derivations {
  private readonly steps = new Map<SyncedTable, DerivationStep[]>()

  constructor(private readonly changes: ChangeTracker) {}

  /** Adds a step after the ones already declared for `table`; throws if the name is taken. */
  after(table: SyncedTable, step: DerivationStep): Disposable {
    const list = this.steps.get(table) ?? []
    if (list.some((s) => s.name === step.name))
      throw new Error(`derivation declared twice: ${table} → ${step.name}`)
    list.push(step)
    this.steps.set(table, list)
    return {
      dispose: () => {
        const current = this.steps.get(table) ?? []
        this.steps.set(
          table,
          current.filter((s) => s !== step),
        )
      },
    }
  }

  /** Runs `table`'s steps in their declared order over the changed ids. */
  run(table: SyncedTable, ids: readonly string[]): void {
    for (const step of this.steps.get(table) ?? []) {
      step.run(ids)
      this.changes.touch(...step.writes)
    }
  }

  /** The declared steps, in order, for each table (for tests and for reading the flow). */
  describe(): { table: SyncedTable; steps: string[] }[] {
    return [...this.steps].map(([table, steps]) => ({ table, steps: steps.map((s) => s.name) }))
  }
}
