// The main-process services behind the IPC contract. Electron and the test harness both build them
// here, so the harness exercises the very code the desktop app runs.
import type { Db } from './db/connection'
import { openDatabase, startIdleCheckpoints } from './db/connection'
import type { OpenOptions } from './db/connection'
import { loadDevice, metaRead, metaSet } from './db/device'
import { SyncWriter } from './db/writer'
import { SearchIndex } from './db/search'
import { CustomerRepository } from './db/customers'
import { OrderRepository } from './db/orders'
import { TierRepository } from './db/tiers'
import { InteractionRepository } from './db/interactions'
import { FeedbackRepository } from './db/feedback'
import { DEFAULT_POLICY, orderInputSchema } from '../../shared/tiering'
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
import { churnFlags, decideStage } from './core/tiering'
import { localToday } from '../../shared/dates'

export type Emit = (event: EventName, payload: unknown) => void

export type ServicesOptions = OpenOptions & {
  appVersion?: string
  harness?: boolean
  emit?: Emit
  now?: () => Date
}

export type Services = {
  db: Db
  dataDir: string
  deviceId: string
  writer: SyncWriter
  customers: CustomerRepository
  orders: OrderRepository
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
  // The editable, versioned policy arrives with the settings screen; until then the seed's defaults.
  const tiers = new TierRepository(db, writer, () => DEFAULT_POLICY, now)
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
    () => DEFAULT_POLICY,
    (id, figures) => tiers.evaluate(id, figures.revenueUsd),
  )
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
    'demo:load': async (input) => {
      const created = await loadDemo(db, { customers, orders }, input.customers, (done, total) =>
        emit('job:progress', { job: 'demo', done, total }),
      )
      changed()
      return { created }
    },
  }

  /** Stored tier and history, plus stage and risk flags computed from today's figures. */
  function tierState(customerId: string) {
    const figures = orders.figures(customerId)
    return {
      ...tiers.state(customerId),
      stage: decideStage(figures, figures.asOf, DEFAULT_POLICY),
      risks: churnFlags(figures, figures.asOf, DEFAULT_POLICY),
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
  const close = () => {
    stopCheckpoints()
    db.close()
  }
  return { db, dataDir, deviceId, writer, customers, orders, handlers, close }
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
