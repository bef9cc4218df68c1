// The repositories over one SQLite connection, with the write path and its declared derivations.
// The main process and the job worker (jobs/worker.ts) each build one set over their own
// connection, so a job runs the very code a handler would, and its writes derive the same way.
import type { Db } from './db/connection'
import { ChangeTracker } from './db/changes'
import { loadDevice, metaRead, metaSet } from './db/device'
import { SyncWriter } from './db/writer'
import { declareDerivations } from './derivations'
import { SearchIndex } from './features/customers/search'
import { CustomerRepository } from './features/customers/repository'
import { OrderRepository } from './features/orders/repository'
import { InteractionRepository } from './features/interactions/repository'
import { FeedbackRepository } from './features/feedback/repository'
import { FiguresRepository } from './features/tiering/figures'
import { TierRepository } from './features/tiering/tiers'
import { PolicyStore } from './features/tiering/policies'
import { Retier } from './features/tiering/retier'
import { GroupRepository } from './features/groups/repository'
import { ReminderRepository } from './features/reminders/repository'
import { Duties } from './features/reminders/duties'
import { ReminderOccurrences } from './features/reminders/occurrences'
import { localDate, localToday } from '../../shared/dates'

export type Clock = {
  /** The current instant (injectable for tests). */
  now: () => Date
  /** The team's calendar day: the machine's zone at `now`. */
  today: () => string
}

/** The real clock, or one driven by an injected `now`. */
export function clockOf(now?: () => Date): Clock {
  if (!now) return { now: () => new Date(), today: localToday }
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return { now, today: () => localDate(now(), zone) }
}

export type Repositories = ReturnType<typeof openRepositories>

/** Builds the repositories over `db`; nothing here writes, but a new device's id on first open. */
export function openRepositories(db: Db, clock: Clock, changes = new ChangeTracker()) {
  const { now, today } = clock
  const { deviceId, clock: hlc } = loadDevice(db, () => now().getTime())
  const writer = new SyncWriter(db, hlc, changes)
  const search = new SearchIndex(db)
  const customers = new CustomerRepository(db, writer, search, now)
  const policies = new PolicyStore(db, writer, now)
  const policy = () => policies.current()
  const figures = new FiguresRepository(db, today, changes)
  const tiers = new TierRepository(db, writer, policy, now, today, changes)
  const orders = new OrderRepository(db, writer, policy, today)
  const interactions = new InteractionRepository(db, writer, now)
  const feedback = new FeedbackRepository(db, writer, now)
  const retier = new Retier(db, tiers, figures, policy, today, now, changes)
  const groups = new GroupRepository(db, writer, customers, today, now)
  const reminders = new ReminderRepository(db, writer, now, today)
  const duties = new Duties(db, changes)
  const occurrences = new ReminderOccurrences(db, changes)
  declareDerivations(writer, { customers, search, figures, tiers, policies, duties, occurrences })
  return {
    db,
    deviceId,
    changes,
    writer,
    search,
    customers,
    policies,
    figures,
    tiers,
    orders,
    interactions,
    feedback,
    retier,
    groups,
    reminders,
    duties,
    occurrences,
    ...clock,
  }
}

/**
 * One-off upkeep after an upgrade, on the writing side only: derived tables a new version reads
 * differently are rebuilt from facts. Each is a no-op once done.
 */
export function upgradeDerived(r: Repositories): void {
  // The index is derived data: when what it holds changes between versions, it is rebuilt from
  // facts. An index that still answers is rebuilt by a background job after start (a minute or
  // two at 100k customers, jobs/background.ts); only a base with no index at all is indexed here,
  // as nothing would find its customers meanwhile.
  if (SearchIndex.rebuildDue(r.db)) {
    const indexed = r.db.prepare('SELECT count(*) FROM search_docs').pluck().get() as number
    const live = r.db
      .prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL')
      .pluck()
      .get() as number
    if (indexed === 0 || live === 0) {
      r.search.rebuildAll()
      metaSet(r.db, SearchIndex.VERSION_KEY, String(SearchIndex.VERSION))
    }
  }
  if (metaRead(r.db, 'tiers_backfilled') !== '1') {
    r.db
      .transaction(() => {
        r.tiers.backfill()
        metaSet(r.db, 'tiers_backfilled', '1')
      })
      .immediate()
  }
  // Duties are kept by triggers from migration 0016 on; a base from before has none yet.
  if (metaRead(r.db, 'duties_built') !== '1') {
    r.db
      .transaction(() => {
        r.duties.setService(r.policies.current())
        r.duties.rebuildAll()
        metaSet(r.db, 'duties_built', '1')
      })
      .immediate()
  }
  // Reminders' occurrences: a base with few reminders is filled here, so a new base reads them
  // from the start; a larger one by the daily pass in the worker (features/reminders/occurrences.ts),
  // the calendar reading the rules meanwhile.
  if (!r.occurrences.horizon()) {
    const reminders = r.db.prepare('SELECT count(*) FROM reminders').pluck().get() as number
    if (reminders < SMALL_BASE_REMINDERS) r.occurrences.rebuildAllNow(r.today())
  }
}

/** Fewer reminders than this fill their occurrences at start, in well under a second. */
const SMALL_BASE_REMINDERS = 5000
