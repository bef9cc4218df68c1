// The main-process services behind the IPC contract. Electron and the test harness both build them
// here, so the harness exercises the very code the desktop app runs.
import type { Db } from './db/connection'
import { openDatabase, startIdleCheckpoints } from './db/connection'
import type { OpenOptions } from './db/connection'
import { loadDevice, metaRead, metaSet } from './db/device'
import { SyncWriter } from './db/writer'
import { SearchIndex } from './features/customers/search'
import { CustomerRepository } from './features/customers/repository'
import { OrderRepository } from './features/orders/repository'
import { TierRepository } from './features/tiering/tiers'
import { InteractionRepository } from './features/interactions/repository'
import { FeedbackRepository } from './features/feedback/repository'
import { orderInputSchema } from '../../shared/tiering'
import { PolicyStore } from './features/tiering/policies'
import { Retier, RetierStopped } from './features/tiering/retier'
import { GroupRepository } from './features/groups/repository'
import { exportSelection } from './features/groups/export'
import { importRates } from './features/orders/rates-import'
import { dashboard } from './features/dashboard/dashboard'
import type { Handlers } from './ipc/dispatch'
import { AppFailure } from '../../shared/errors'
import type { FieldIssue } from '../../shared/errors'
import type { EventName } from '../../shared/channels'
import type { ContactValues, CustomerValues, UiLanguage } from '../../shared/domain'
import { UI_LANGUAGES, contactInputSchema, customerInputSchema } from '../../shared/domain'
import { checkContact, checkCustomer } from './core/validate'
import { allCountryFacts } from './core/geo'
import { createRng, generateDemoCustomers } from './core/demo-data'
import { demoRates, generateDemoOrders } from './core/demo-orders'
import { evaluateCustomer } from './core/tiering'
import { localDate, localToday } from '../../shared/dates'

export type Emit = (event: EventName, payload: unknown) => void

export type ServicesOptions = OpenOptions & {
  appVersion?: string
  harness?: boolean
  emit?: Emit
  now?: () => Date
  /**
   * Run the daily pass (figures roll-over, segments, stages, risks, a scheduled review) at start
   * and whenever the date changes. The app and the harness do; tests drive it by hand.
   */
  background?: boolean
}

export type Services = {
  db: Db
  dataDir: string
  deviceId: string
  writer: SyncWriter
  customers: CustomerRepository
  orders: OrderRepository
  tiers: TierRepository
  retier: Retier
  policies: PolicyStore
  groups: GroupRepository
  handlers: Handlers
  close: () => void
}

/** Opens the data directory and wires repositories and IPC handlers over it. */
export function createServices(dataDir: string, options: ServicesOptions = {}): Services {
  const { db } = openDatabase(dataDir, options)
  refreshCountryFacts(db)
  const now = options.now ?? (() => new Date())
  const { deviceId, clock } = loadDevice(db, () => now().getTime())
  const writer = new SyncWriter(db, clock)
  const search = new SearchIndex(db)
  // The index is derived data: when what it holds changes between versions, rebuild it from facts.
  if (metaRead(db, 'search_index_version') !== String(SearchIndex.VERSION)) {
    search.rebuildAll()
    metaSet(db, 'search_index_version', String(SearchIndex.VERSION))
  }
  const customers = new CustomerRepository(db, writer, search, now)
  // The team's calendar day: the machine's zone, at the (injectable) current instant.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const today = options.now ? () => localDate(now(), zone) : localToday
  const policies = new PolicyStore(db, writer, now)
  const policy = () => policies.current()
  const tiers = new TierRepository(db, writer, policy, now, today)
  if (metaRead(db, 'tiers_backfilled') !== '1') {
    db.transaction(() => {
      tiers.backfill()
      metaSet(db, 'tiers_backfilled', '1')
    })()
  }
  const interactions = new InteractionRepository(db, writer, now)
  const feedback = new FeedbackRepository(db, writer, now)
  const orders = new OrderRepository(
    db,
    writer,
    policy,
    (id, figures) => tiers.evaluate(id, figures, figures.asOf),
    today,
  )
  const retier = new Retier(db, tiers, orders, policy, today, now)
  const groups = new GroupRepository(db, writer, customers, today, now)
  const emit: Emit = options.emit ?? (() => undefined)
  const changed = () => emit('data:changed', {})

  const handlers: Handlers = {
    'app:info': () => ({
      version: options.appVersion ?? '0.0.0',
      dataDir,
      deviceId,
      schemaVersion: db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number,
      customerCount: customers.count(),
      harness: options.harness ?? false,
    }),
    'settings:get': () => ({ language: readLanguage(db) }),
    'settings:set': (input) => {
      if (input.language !== undefined) metaSet(db, 'ui_language', input.language ?? '')
      return { language: readLanguage(db) }
    },
    'customers:list': (input) => customers.list(input),
    'customers:facets': () => customers.facets(),
    'customers:search': (input) => ({ hits: customers.searchCustomers(input.query, input.limit) }),
    'customers:get': (input) => customers.get(input.id),
    'customers:create': (input) => {
      const { value, contacts } = validateNew(input.customer, input.contacts)
      if (!input.allowDuplicates) {
        const candidates = customers.findDuplicates(value, contacts)
        if (candidates.length > 0) throw new AppFailure('duplicate_suspected', undefined, { candidates })
      }
      const id = customers.create(value, contacts)
      changed()
      return { id }
    },
    'customers:update': (input) => {
      const { value, issues } = checkCustomer(input.patch, ['patch'])
      if (issues.length > 0) throw new AppFailure('validation', issues)
      customers.update(input.id, value)
      changed()
      return customers.get(input.id)
    },
    'customers:delete': (input) => {
      customers.delete(input.id)
      changed()
      return { id: input.id }
    },
    'contacts:create': (input) => {
      const country = customers.values(input.customerId).country
      const { value, issues } = checkContact(input.contact, country, ['contact'])
      if (issues.length > 0) throw new AppFailure('validation', issues)
      const contact = customers.addContact(input.customerId, value)
      changed()
      return contact
    },
    'contacts:update': (input) => {
      const current = customers.contact(input.id)
      const country = customers.values(current.customerId).country
      // Birthday month and day are checked together, so the patch is checked over the stored values.
      const merged = { ...current, ...input.patch }
      const { issues } = checkContact(
        { ...input.patch, birthdayMonth: merged.birthdayMonth, birthdayDay: merged.birthdayDay },
        country,
        ['patch'],
      )
      if (issues.length > 0) throw new AppFailure('validation', issues)
      const { value } = checkContact(input.patch, country, ['patch'])
      const contact = customers.updateContact(input.id, value)
      changed()
      return contact
    },
    'contacts:delete': (input) => {
      customers.deleteContact(input.id)
      changed()
      return { id: input.id }
    },
    'orders:list': (input) => {
      customers.values(input.customerId)
      return { orders: orders.list(input.customerId), figures: orders.figures(input.customerId) }
    },
    'orders:create': (input) => {
      const order = orders.create(input.customerId, input.order)
      changed()
      return order
    },
    'orders:update': (input) => {
      const order = orders.update(input.id, input.patch)
      changed()
      return order
    },
    'orders:delete': (input) => {
      orders.delete(input.id)
      changed()
      return { id: input.id }
    },
    'rates:list': () => ({ rates: orders.rates() }),
    'rates:set': (input) => {
      const rate = orders.setRate(input)
      changed()
      return rate
    },
    'rates:import': (input) => {
      const imported = importRates(db, orders, input.csv)
      changed()
      return { imported }
    },
    'tiers:get': (input) => {
      customers.values(input.customerId)
      return tierState(input.customerId)
    },
    'tiers:lock': (input) => {
      if (input.locked) tiers.setLock(input.customerId, input.tier, input.reason, null)
      else tiers.setLock(input.customerId, null, null, null)
      changed()
      return tierState(input.customerId)
    },
    'interactions:list': (input) => {
      customers.values(input.customerId)
      return {
        interactions: interactions.list(input.customerId),
        lastContact: interactions.lastContact(input.customerId),
      }
    },
    'interactions:log': (input) => {
      const logged = interactions.log(input.customerId, input.interaction)
      changed()
      return logged
    },
    'interactions:delete': (input) => {
      interactions.delete(input.id)
      changed()
      return { id: input.id }
    },
    'feedback:list': (input) => {
      customers.values(input.customerId)
      return {
        feedback: feedback.list(input.customerId),
        openComplaints: feedback.openComplaints(input.customerId),
        returnRate: orders.returnRate(input.customerId),
      }
    },
    'feedback:add': (input) => {
      const added = feedback.add(input.customerId, input.feedback)
      changed()
      return added
    },
    'feedback:resolve': (input) => {
      const updated = feedback.setResolved(input.id, input.resolved)
      changed()
      return updated
    },
    'feedback:delete': (input) => {
      feedback.delete(input.id)
      changed()
      return { id: input.id }
    },
    'policy:get': () => ({ policy: policies.current(), versions: policies.versions() }),
    'policy:preview': (input) => retier.preview(input.policy),
    'policy:save': async (input) => {
      const preview = retier.preview(input.policy)
      const version = policies.save(input.policy, input.note ?? null)
      await retier.applyAll(policies.current(), (done, total) =>
        emit('job:progress', { job: 'retier', done, total }),
      )
      changed()
      return { version, preview }
    },
    'reviews:run': async () => {
      const review = await retier.runReview((done, total) =>
        emit('job:progress', { job: 'review', done, total }),
      )
      changed()
      return review
    },
    'reviews:get': (input) => retier.review(input.id),
    'reviews:decide': (input) => {
      const review = retier.decide(input.id, input.decision, input.customerIds)
      changed()
      return review
    },
    'groups:list': () => ({ groups: groups.list() }),
    'groups:save': (input) => {
      const group = groups.save(input.id ?? null, input.group)
      changed()
      return group
    },
    'groups:delete': (input) => {
      groups.delete(input.id)
      changed()
      return { id: input.id }
    },
    'groups:buckets': (input) => ({ buckets: groups.buckets(input.grouping) }),
    'groups:members': (input) => groups.members(input),
    'groups:figures': (input) => groups.figures(input.selection),
    'groups:addMembers': (input) => {
      const added = groups.addMembers(input.groupId, input.customerIds)
      changed()
      return { added }
    },
    'groups:removeMembers': (input) => {
      const removed = groups.removeMembers(input.groupId, input.customerIds)
      changed()
      return { removed }
    },
    'groups:bulk': (input) => {
      const result = groups.bulk(input.selection, input.customerIds ?? null, input.action)
      changed()
      return result
    },
    'groups:export': (input) => exportSelection(groups, input.selection, input.format),
    'groups:emails': (input) => groups.emails(input.selection),
    'dashboard:get': () => dashboard(db, retier, today()),
    'demo:load': async (input) => {
      const created = await loadDemo(db, { customers, orders }, input.customers, (done, total) =>
        emit('job:progress', { job: 'demo', done, total }),
      )
      // Orders tiered each customer as they arrived; one pass over the base gives RFM its quintiles.
      await retier.daily()
      changed()
      return { created }
    },
  }

  /**
   * Stored tier and history, plus segment, stage and risk flags from today's figures with the
   * numbers that decided them (the daily pass stores the same values for lists and groups).
   */
  function tierState(customerId: string) {
    const { asOf, ...figures } = orders.figures(customerId)
    const stored = tiers.state(customerId)
    const p = policy()
    const e = evaluateCustomer(
      customerId,
      figures,
      asOf,
      p,
      stored.tier,
      tiers.lockOf(customerId),
      tiers.rfmBounds(),
    )
    return {
      ...stored,
      segment: e.segment,
      stage: e.stage,
      risks: e.risks,
      service: p.service[stored.tier],
    }
  }

  function validateNew(customer: CustomerValues, contacts: ContactValues[]) {
    const checked = checkCustomer(customer, ['customer'])
    const issues: FieldIssue[] = [...checked.issues]
    const checkedContacts = contacts.map((c, i) => {
      const r = checkContact(c, checked.value.country, ['contacts', i])
      issues.push(...r.issues)
      return r.value
    })
    if (issues.length > 0) throw new AppFailure('validation', issues)
    return { value: checked.value, contacts: checkedContacts }
  }

  const stopCheckpoints = startIdleCheckpoints(db)
  let stopped = false
  let dailyTimer: NodeJS.Timeout | null = null
  if (options.background) {
    // The trailing windows move at midnight; checking every few minutes catches the new day
    // (and a laptop waking up) without a timer per customer.
    const runDaily = async () => {
      if (stopped) return
      let ran = false
      if (!retier.dailyDone()) {
        await retier.daily((done, total) => emit('job:progress', { job: 'daily', done, total }))
        ran = true
      }
      if (!stopped && retier.reviewDue()) {
        await retier.runReview((done, total) => emit('job:progress', { job: 'review', done, total }))
        ran = true
      }
      if (ran && !stopped) changed()
    }
    const guarded = () =>
      void runDaily().catch((err: unknown) => {
        if (!(err instanceof RetierStopped)) console.error('daily pass failed', err)
      })
    setImmediate(guarded)
    dailyTimer = setInterval(guarded, 5 * 60_000)
    dailyTimer.unref()
  }
  const close = () => {
    stopped = true
    retier.stop()
    if (dailyTimer) clearInterval(dailyTimer)
    stopCheckpoints()
    db.close()
  }
  return {
    db,
    dataDir,
    deviceId,
    writer,
    customers,
    orders,
    tiers,
    retier,
    policies,
    groups,
    handlers,
    close,
  }
}

function readLanguage(db: Db): UiLanguage | null {
  const v = metaRead(db, 'ui_language')
  return v && (UI_LANGUAGES as readonly string[]).includes(v) ? (v as UiLanguage) : null
}

/** Fills the country lookup when it is missing or was filled from other data; a no-op otherwise. */
function refreshCountryFacts(db: Db): void {
  const facts = allCountryFacts()
  if ((db.prepare('SELECT count(*) FROM country_facts').pluck().get() as number) === facts.length) return
  const upsert = db.prepare(
    'INSERT OR REPLACE INTO country_facts (code, region, subregion, continent) VALUES (?, ?, ?, ?)',
  )
  db.transaction(() => {
    for (const [code, f] of facts) upsert.run(code, f.region, f.subregion, f.continent)
  })()
}

// Small enough that a batch holds the main process for ~0.2 s at most, so the window stays responsive.
const DEMO_BATCH = 50

/**
 * Loads `count` generated customers in batches, one transaction each, yielding to the event loop
 * between batches so the app stays responsive and progress reaches the window.
 */
export async function loadDemo(
  db: Db,
  repos: { customers: CustomerRepository; orders?: OrderRepository },
  count: number,
  progress: (done: number, total: number) => void = () => undefined,
  seed = Date.now() % 2_147_483_647,
): Promise<number> {
  const { customers, orders } = repos
  const today = localToday()
  const orderRng = createRng(seed + 1)
  // Demo orders need USD rates; existing rates of the same day are left as the team set them.
  if (orders) {
    db.transaction(() => {
      for (const rate of demoRates('2020-01-01'))
        if (orders.rateOn(rate.currency, rate.date) === null) orders.setRate(rate)
    })()
  }
  let batch: { customer: CustomerValues; contacts: ContactValues[] }[] = []
  let done = 0
  const flush = () => {
    const items = batch
    db.transaction(() => {
      for (const item of items) {
        const id = customers.create(item.customer, item.contacts)
        if (!orders) continue
        for (const o of generateDemoOrders(orderRng, item.customer.currency ?? 'USD', today)) {
          orders.create(id, orderInputSchema.parse(o))
        }
      }
    })()
    done += items.length
    batch = []
    progress(done, count)
  }
  for (const demo of generateDemoCustomers(count, seed)) {
    const checked = checkCustomer(customerInputSchema.parse(demo.customer))
    const contacts = demo.contacts.map(
      (c) => checkContact(contactInputSchema.parse(c), checked.value.country).value,
    )
    batch.push({ customer: checked.value, contacts })
    if (batch.length === DEMO_BATCH) {
      flush()
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  if (batch.length > 0) flush()
  return done
}
