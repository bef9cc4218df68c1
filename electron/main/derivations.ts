// Every piece of derived work a write sets off, in one place and in the order it runs. The write
// path (db/writer.ts) runs a table's steps inside the transaction that wrote the facts, whether
// the write came from a form, an import or (later) a teammate's synced change, so derived data is
// never out of step with what was committed. Each step names the tables it writes; they go into
// the change event with the facts' own tables.
import type { SyncWriter } from './db/writer'
import type { CustomerRepository } from './features/customers/repository'
import { sortKeyOf } from './features/customers/repository'
import type { SearchIndex } from './features/customers/search'
import type { FiguresRepository } from './features/tiering/figures'
import type { TierRepository } from './features/tiering/tiers'
import { TIER_ROW_WRITES, TIER_WRITES } from './features/tiering/tiers'
import type { PolicyStore } from './features/tiering/policies'
import type { Duties } from './features/reminders/duties'
import type { ReminderOccurrences } from './features/reminders/occurrences'

export type DerivationDeps = {
  customers: CustomerRepository
  search: SearchIndex
  figures: FiguresRepository
  tiers: TierRepository
  policies: PolicyStore
  duties: Duties
  occurrences: ReminderOccurrences
}

/** Declares the derived work of every synced table on `writer`. Call once per writer. */
export function declareDerivations(writer: SyncWriter, d: DerivationDeps): void {
  const { derivations } = writer

  // customers → sort key (same statement) → search index → tier row.
  writer.deriveColumns('customers', ['display_name'], (value) => ({
    sort_name: sortKeyOf((value('display_name') as string | null) ?? undefined),
  }))
  derivations.after('customers', {
    name: 'search index',
    writes: ['search_docs', 'customer_fts', 'search_grams', 'match_keys'],
    run: (ids) => d.search.reindex(ids),
  })
  derivations.after('customers', {
    name: 'tier row',
    // The copies of live/country on customer_tiers and the dashboard cells follow by the SQL
    // triggers of migrations/0010, in the same statement.
    // A new tier row, a changed owner or a deletion sets the customer's duties by the SQL
    // triggers of migrations/0016, in the same statements.
    writes: TIER_ROW_WRITES,
    run: (ids) => d.tiers.ensureRows(ids),
  })

  // A customer deleted, merged away or restored takes its reminders' occurrences with it. Its
  // contacts' birthdays follow by the SQL triggers of migrations/0021.
  derivations.after('customers', {
    name: 'reminder occurrences',
    writes: ['reminder_occurrences', 'reminder_due', 'reminder_due_counts', 'contact_birthdays'],
    run: (ids) => d.occurrences.refreshCustomers(ids),
  })

  // reminders and their events → the occurrences the calendar and the Today view read.
  derivations.after('reminders', {
    name: 'occurrences',
    writes: ['reminder_occurrences', 'reminder_due', 'reminder_due_counts'],
    run: (ids) => d.occurrences.refresh(ids),
  })
  derivations.after('reminder_events', {
    name: 'occurrences',
    writes: ['reminder_occurrences', 'reminder_due', 'reminder_due_counts'],
    run: (ids) => d.occurrences.refreshEvents(ids),
  })

  // contacts → the birthdays greeted: SQL triggers of migrations/0021 on the contact rows.
  derivations.after('contacts', {
    name: 'birthdays',
    writes: ['contact_birthdays'],
    run: () => undefined,
  })

  // interactions → the customer's next contact and executive dialogue due: SQL triggers of
  // migrations/0016 on the interaction rows themselves; nothing left to run here.
  derivations.after('interactions', {
    name: 'duties',
    writes: ['customer_duties'],
    run: () => undefined,
  })

  // contacts → their customers' search index (names, emails and phones are searchable).
  derivations.after('contacts', {
    name: 'search index',
    writes: ['search_docs', 'customer_fts', 'search_grams', 'match_keys'],
    run: (ids) => d.search.reindex(d.customers.customersOfContacts(ids)),
  })

  // orders → 1. the customer's figures → 2. its tier, segment, stage and risk flags (with the
  // events that explain them) → 3. dashboard cells and monthly movements (SQL triggers on
  // customer_figures, customer_tiers and tier_events, migrations/0010).
  derivations.after('orders', {
    name: 'figures and tier',
    writes: ['customer_figures', ...TIER_WRITES],
    run: (ids) => {
      const policy = d.policies.current()
      const figures = d.figures.refreshMany(d.figures.customersOfOrders(ids), policy)
      for (const [customerId, f] of figures) d.tiers.evaluate(customerId, f)
    },
  })

  // tier_locks (id = customer id) → that customer's tier, with the event naming the lock.
  derivations.after('tier_locks', {
    name: 'tier',
    writes: TIER_WRITES,
    run: (ids) => {
      for (const customerId of ids) d.tiers.evaluate(customerId, d.figures.stored(customerId))
    },
  })

  // tiering_policies → the policy in force is read again. The whole-base re-tier a new version
  // needs is a long job (features/tiering/jobs.ts), not part of the write.
  // The service it owes each tier is written for the duty triggers at once; every customer's
  // duties follow at the end of the re-tier job, with their new tiers.
  derivations.after('tiering_policies', {
    name: 'policy in force',
    writes: ['service_cadence'],
    run: () => {
      d.policies.forget()
      d.duties.setService(d.policies.current())
    },
  })
}
