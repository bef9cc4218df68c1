// The import itself (D1): the plan of ./plan.ts written through the sync write path, so imported
// rows are stamped, logged and synced like typed ones and their derived work (search index, figures,
// tiers, dashboard) follows by the declared derivations. One transaction for the whole file: a
// refused, failed or cancelled import changes nothing. Inside it the rows go in batches, each one
// writer call (its derived work runs once per batch), with a pause between batches where progress
// is posted and a cancel is seen.
//
// The transaction holds SQLite's write lock while it runs: a save in the window meanwhile waits
// (busy_timeout), which is why an import's batches are sized to keep the whole run short.
import { newId } from '../../core/ids'
import type { Repositories } from '../../repositories'
import type { RowChange } from '../../db/writer'
import type { ImportOptionsParsed, ImportResult } from '../../../../shared/import'
import type { CustomerValues } from '../../../../shared/domain'
import { AppFailure } from '../../../../shared/errors'
import type { JobSignal, Progress } from '../../jobs/definitions'
import { matchPlan, parseFile } from './plan'
import type { CustomerStep, OrderStep, Plan } from './plan'
import { normalizeText } from '../../core/text'
import { deferIndexes, worthDeferring } from '../../db/bulk'

const BATCH = 500
/** Issues listed in a refusal or a result (the wizard's report has them all). */
const ERRORS_LISTED = 200

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)

/** Imports a stored file; returns the summary or throws (nothing written) when refused or cancelled. */
export async function runImport(
  r: Repositories,
  dataDir: string,
  fileId: string,
  options: ImportOptionsParsed,
  progress: Progress = () => undefined,
  signal: JobSignal = { cancelled: false },
  /** Runs everything, then rolls back: the exact summary of an import, with nothing written. */
  dryRun = false,
): Promise<ImportResult> {
  // Reading and converting the file needs no lock: only matching and writing run in the transaction.
  const parsed = await parseFile(r, dataDir, fileId, options)
  const { db } = r
  db.exec('BEGIN IMMEDIATE')
  try {
    const plan = matchPlan(r, parsed, options)
    const errors = plan.issues
      .slice(0, ERRORS_LISTED)
      .map((i) => ({ line: i.line, column: i.column, code: i.code }))
    if (plan.issues.length > 0 && !options.skipInvalid) {
      throw new AppFailure('import_refused', undefined, {
        rows: plan.table.rows.length,
        refused: plan.refusedLines.size,
        errors,
      })
    }
    const counts = await write(r, plan, options, progress, signal)
    db.exec(dryRun ? 'ROLLBACK' : 'COMMIT')
    return { rows: plan.table.rows.length, refused: plan.refusedLines.size, errors, ...counts }
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw err
  }
}

type Counts = { created: number; updated: number; skipped: number; tierMoves: number }

async function write(
  r: Repositories,
  plan: Plan,
  options: ImportOptionsParsed,
  progress: Progress,
  signal: JobSignal,
): Promise<Counts> {
  const counts: Counts = { created: 0, updated: 0, skipped: 0, tierMoves: 0 }
  const steps =
    plan.kind === 'customers' ? plan.customers : plan.kind === 'orders' ? plan.orders : plan.interactions
  const total = steps.length
  const touched = new Set<string>()
  for (const s of plan.orders) touched.add(s.customerId)
  for (const s of plan.customers) if (s.existingId) touched.add(s.existingId)
  const tiersBefore = tiersOf(r, touched)

  // Rates the user typed for the months the file needs: stored as rates (the first of the month),
  // so the orders of those months, and later ones typed by hand, find them.
  for (const m of options.monthlyRates)
    r.orders.setRate({ currency: m.currency, date: `${m.month}-01`, usdPerUnit: m.usdPerUnit })

  // Each batch's derived work re-evaluates every customer it touches: with a customer's orders
  // together in one batch, a customer is evaluated once per import instead of once per order.
  if (plan.kind === 'orders')
    plan.orders.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0))
  const batchEnd = (i: number) => {
    let end = Math.min(i + BATCH, total)
    if (plan.kind === 'orders')
      while (end < total && plan.orders[end]!.customerId === plan.orders[end - 1]!.customerId) end++
    return end
  }

  // A large import builds the secondary indexes of what it fills once, at its end (db/bulk.ts).
  const indexes = deferForBulk(r, plan)

  const at = r.now().toISOString()
  for (let i = 0, end = batchEnd(0); i < total; i = end, end = batchEnd(end)) {
    const changes: RowChange[] = []
    if (plan.kind === 'customers') {
      // The batch's new customers, then their tags, then their contacts: each table's new rows
      // one after another go in as one multi-row INSERT (SyncWriter.write).
      const created: RowChange[] = []
      const writeCreated = () => {
        const order = ['customers', 'customer_tags', 'contacts']
        created.sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table))
        if (created.length > 0) r.writer.write(created.splice(0))
      }
      for (const step of plan.customers.slice(i, end)) {
        if (step.action === 'skip') {
          counts.skipped += 1 + step.lines.length
        } else if (createsCustomer(step)) {
          created.push(
            ...r.customers.creation(step.customer, step.contacts, { externalId: step.externalId }).changes,
          )
          counts.created++
        } else {
          // An existing customer: its own reads (contacts, tags) must see what this batch wrote,
          // so each update is written at once.
          writeCreated()
          updateCustomer(r, step)
          counts.updated++
        }
      }
      writeCreated()
    } else if (plan.kind === 'orders') {
      for (const step of plan.orders.slice(i, end)) {
        if (step.action === 'skip') {
          counts.skipped++
          continue
        }
        const values = { ...r.orders.cells(step.order), usd_rate: step.usdRate }
        if (step.action === 'overwrite' && step.existingId) {
          changes.push({ table: 'orders', id: step.existingId, values })
          counts.updated++
        } else {
          changes.push({
            table: 'orders',
            id: newId(),
            values: { ...values, customer_id: step.customerId, created_at: at },
          })
          counts.created++
        }
      }
    } else {
      for (const step of plan.interactions.slice(i, end)) {
        const v = step.interaction
        changes.push({
          table: 'interactions',
          id: newId(),
          values: {
            customer_id: step.customerId,
            contact_id: null,
            kind: v.kind,
            date: v.date,
            summary: v.summary,
            outcome: v.outcome ?? null,
            next_step: v.nextStep ?? null,
            created_at: at,
          },
        })
        counts.created++
      }
    }
    if (changes.length > 0) r.writer.write(changes)
    progress(end, total)
    await tick()
    if (signal.cancelled) throw new AppFailure('import_cancelled')
  }
  indexes?.rebuild()
  const tiersAfter = tiersOf(r, touched)
  for (const [id, tier] of tiersAfter) if (tiersBefore.get(id) !== tier) counts.tierMoves++
  return counts
}

/** As write() decides, once a skip is ruled out: a new customer, or a fill or overwrite of one the base lacks. */
const createsCustomer = (s: CustomerStep) => s.action === 'create' || !s.existingId
/** As write() decides: an overwrite of an order found updates it, anything else not skipped is new. */
const createsOrder = (s: OrderStep) => !(s.action === 'overwrite' && s.existingId)

/**
 * The indexes a large import defers (db/bulk.ts): those of the tables it fills, its derived work
 * included, when the new rows are many against what the main table holds. Null: written as usual.
 */
function deferForBulk(r: Repositories, plan: Plan): { rebuild: () => void } | null {
  const bulk =
    plan.kind === 'customers'
      ? {
          table: 'customers',
          rows: plan.customers
            .filter((s) => s.action !== 'skip' && createsCustomer(s))
            .reduce((n, s) => n + 1 + s.contacts.length, 0),
          filled: [
            'customers',
            'contacts',
            'customer_tags',
            'customer_tiers',
            'customer_duties',
            'contact_birthdays',
          ] as const,
        }
      : plan.kind === 'orders'
        ? {
            table: 'orders',
            rows: plan.orders.filter((s) => s.action !== 'skip' && createsOrder(s)).length,
            filled: ['orders', 'customer_tiers', 'customer_duties'] as const,
          }
        : null
  if (!bulk) return null
  const existing = r.db.prepare(`SELECT count(*) FROM "${bulk.table}"`).pluck().get() as number
  return worthDeferring(bulk.rows, existing) ? deferIndexes(r.db, bulk.filled) : null
}

/** The stored value tier of each customer. */
function tiersOf(r: Repositories, ids: ReadonlySet<string>): Map<string, string> {
  if (ids.size === 0) return new Map()
  const rows = r.db
    .prepare(
      'SELECT customer_id, tier FROM customer_tiers WHERE customer_id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify([...ids])) as { customer_id: string; tier: string }[]
  return new Map(rows.map((row) => [row.customer_id, row.tier]))
}

/** fill_empty: only the fields the customer lacks; overwrite: every field the file gives. Contacts are added. */
function updateCustomer(r: Repositories, step: CustomerStep): void {
  const id = step.existingId!
  const current = r.customers.values(id)
  const patch: Partial<CustomerValues> = {}
  for (const [k, v] of Object.entries(step.customer) as [keyof CustomerValues, unknown][]) {
    if (isEmpty(v) || k === 'tags') continue
    if (step.action === 'overwrite' || isEmpty(current[k as keyof typeof current])) {
      ;(patch as Record<string, unknown>)[k] = v
    }
  }
  // Tags are a set: an import adds its tags and takes none away.
  if (step.customer.tags.length > 0) patch.tags = [...new Set([...current.tags, ...step.customer.tags])]
  const externalId = step.externalId && !externalIdOf(r, id) ? step.externalId : null
  r.writer.write(r.customers.updating(id, patch, { externalId }))
  const existing = r.customers.get(id).contacts
  for (const c of step.contacts) {
    const known = existing.some(
      (e) => e.emails.some((m) => c.emails.includes(m)) || normalizeText(e.name) === normalizeText(c.name),
    )
    if (!known) r.writer.write(r.customers.contactAddition(id, c).changes)
  }
}

function externalIdOf(r: Repositories, id: string): string | null {
  return (
    (r.db.prepare('SELECT external_id FROM customers WHERE id = ?').pluck().get(id) as string | null) ?? null
  )
}
