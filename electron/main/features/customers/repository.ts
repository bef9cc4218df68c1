// Customers, their contacts and tags: reads with SQL, every write through SyncWriter.
import { createHash } from 'node:crypto'
import { newId } from '../../core/ids'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../../db/connection'
import type { Refine, SqlRow, contacts as contactsTable, customers as customersTable } from '../../db/schema'
import type { CellValue, Cells, RowChange, SyncWriter } from '../../db/writer'
import type { SearchIndex } from './search'
import { CustomerList } from './list'
import { customerResolver, liveCustomerGuard } from '../../db/live'
import type {
  Contact,
  ContactValues,
  CustomerDetail,
  CustomerRow,
  CustomerValues,
  Customer,
  DuplicateCandidate,
  ListQuery,
} from '../../../../shared/domain'
import type { SearchHit } from '../../../../shared/contract'
import { AppFailure } from '../../../../shared/errors'
import { countryFacts, deriveTimezone, weekendOf } from '../../core/geo'
import { emailDomain, normalizeText, sortKey, websiteDomain } from '../../core/text'

// camelCase domain field → snake_case synced column.
const CUSTOMER_COLUMNS = {
  displayName: 'display_name',
  originalName: 'original_name',
  latinName: 'latin_name',
  country: 'country',
  city: 'city',
  address: 'address',
  website: 'website',
  businessType: 'business_type',
  industry: 'industry',
  sizeBand: 'size_band',
  productCategories: 'product_categories',
  quality: 'quality',
  source: 'source',
  sourceDetail: 'source_detail',
  owner: 'owner',
  preferredLanguage: 'preferred_language',
  currency: 'currency',
  notes: 'notes',
  timezone: 'timezone',
  holidayOptOut: 'holiday_opt_out',
} as const

const CONTACT_COLUMNS = {
  name: 'name',
  title: 'title',
  emails: 'emails',
  phones: 'phones',
  messaging: 'messaging',
  birthdayMonth: 'birthday_month',
  birthdayDay: 'birthday_day',
  birthdayYear: 'birthday_year',
  language: 'language',
  isPrimary: 'is_primary',
  notes: 'notes',
} as const

function toCell(value: unknown): CellValue | undefined {
  if (value === undefined) return undefined
  if (value === null) return null
  if (Array.isArray(value)) return JSON.stringify(value)
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string') return value === '' ? null : value
  if (typeof value === 'number') return value
  return JSON.stringify(value)
}

function toCells(
  values: Record<string, unknown>,
  columns: Record<string, string>,
): Record<string, CellValue> {
  const out: Record<string, CellValue> = {}
  for (const [field, col] of Object.entries(columns)) {
    const cell = toCell(values[field])
    if (cell !== undefined) out[col] = cell
  }
  return out
}

/** Deterministic id for a set member, so two devices adding the same tag make the same row. */
export function tagId(customerId: string, tag: string): string {
  return createHash('sha256')
    .update(`${customerId}\u0000${normalizeText(tag)}`)
    .digest('hex')
    .slice(0, 32)
}

type CustomerDbRow = SqlRow<typeof customersTable>

/** A contact as stored: every contact written here belongs to a customer. */
type ContactDbRow = Refine<SqlRow<typeof contactsTable>, { customer_id: string }>

function contactFromRow(r: ContactDbRow): Contact {
  return {
    id: r.id,
    customerId: r.customer_id,
    name: r.name,
    title: r.title,
    emails: JSON.parse(r.emails) as string[],
    phones: JSON.parse(r.phones) as string[],
    messaging: JSON.parse(r.messaging) as Contact['messaging'],
    birthdayMonth: r.birthday_month,
    birthdayDay: r.birthday_day,
    birthdayYear: r.birthday_year,
    language: r.language,
    isPrimary: r.is_primary === 1,
    notes: r.notes,
    createdAt: r.created_at ?? r.updated_at,
    updatedAt: r.updated_at,
  }
}

export class CustomerRepository {
  private readonly q

  constructor(
    private readonly db: Db,
    private readonly writer: SyncWriter,
    private readonly search: SearchIndex,
    private readonly now: () => Date = () => new Date(),
    /** Rows between list anchors (see ./list.ts); tests make it small to cross many with few rows. */
    anchorEvery?: number,
  ) {
    this.lists = new CustomerList(db, anchorEvery)
    this.isLive = liveCustomerGuard(db)
    this.resolve = customerResolver(db)
    this.q = {
      customer: db.prepare('SELECT * FROM customers WHERE id = ? AND deleted_at IS NULL'),
      tags: db
        .prepare('SELECT tag FROM customer_tags WHERE customer_id = ? AND deleted_at IS NULL ORDER BY tag')
        .pluck(),
      allTagRows: db.prepare('SELECT id, tag, deleted_at FROM customer_tags WHERE customer_id = ?'),
      contacts: db.prepare(
        'SELECT * FROM contacts WHERE customer_id = ? AND deleted_at IS NULL ORDER BY is_primary DESC, name',
      ),
      contact: db.prepare('SELECT * FROM contacts WHERE id = ? AND deleted_at IS NULL'),
      contactCustomer: db.prepare('SELECT customer_id FROM contacts WHERE id = ?').pluck(),
      mergedFrom: db.prepare(
        'SELECT id, display_name AS displayName, deleted_at AS at FROM customers WHERE merged_into = ? ORDER BY deleted_at',
      ),
    }
  }

  /**
   * Throws `not_found` unless the customer exists and is not deleted (reads one index entry), or
   * was merged into one that is; returns the live id (the survivor of a merge).
   */
  requireLive(customerId: string): string {
    return this.isLive(customerId)
  }

  /** The live customer an id stands for after merges (P8), or null. */
  readonly resolve: (customerId: string) => string | null
  private readonly isLive: (customerId: string) => string
  private readonly lists: CustomerList

  /** The customers these contacts belong to (what a contact write changes in the search index). */
  customersOfContacts(contactIds: readonly string[]): Set<string> {
    return this.parents(contactIds, this.q.contactCustomer)
  }

  private parents(ids: readonly string[], stmt: { get: (id: string) => unknown }): Set<string> {
    const out = new Set<string>()
    for (const id of ids) {
      const parent = stmt.get(id) as string | undefined
      if (parent) out.add(parent)
    }
    return out
  }

  /** Creates a customer with its contacts and tags in one transaction; returns its id. */
  create(values: CustomerValues, contacts: readonly ContactValues[]): string {
    const { id, changes } = this.creation(values, contacts)
    this.writer.write(changes)
    return id
  }

  /**
   * The changes that create a customer with its contacts and tags, without writing them: an import
   * writes many customers' changes at once, so their derived work runs once per batch.
   */
  creation(
    values: CustomerValues,
    contacts: readonly ContactValues[],
    extra: { externalId?: string | null } = {},
  ): { id: string; changes: RowChange[] } {
    const id = newId()
    const at = this.now().toISOString()
    const changes: RowChange[] = [
      {
        table: 'customers',
        id,
        values: {
          ...toCells(values, CUSTOMER_COLUMNS),
          ...(extra.externalId ? { external_id: extra.externalId } : {}),
          created_at: at,
        },
      },
      // A new customer has no tag rows yet: nothing to read back.
      ...[...new Map(values.tags.map((tag) => [tagId(id, tag), tag]))].map(([tid, tag]): RowChange => ({
        table: 'customer_tags',
        id: tid,
        values: { customer_id: id, tag, created_at: at },
      })),
    ]
    const primaryIndex = Math.max(
      0,
      contacts.findIndex((c) => c.isPrimary),
    )
    contacts.forEach((c, i) =>
      changes.push({
        table: 'contacts',
        id: newId(),
        values: {
          ...toCells({ ...c, isPrimary: i === primaryIndex }, CONTACT_COLUMNS),
          customer_id: id,
          created_at: at,
        },
      }),
    )
    return { id, changes }
  }

  /** The changes of a partial update (tags, when given, replace the whole set), without writing them. */
  updating(
    id: string,
    patch: Partial<CustomerValues>,
    extra: { externalId?: string | null } = {},
  ): RowChange[] {
    const at = this.now().toISOString()
    const values = toCells(patch, CUSTOMER_COLUMNS)
    if (extra.externalId) values.external_id = extra.externalId
    const changes: RowChange[] = [{ table: 'customers', id, values }]
    if (patch.tags) changes.push(...this.tagChanges(id, patch.tags, at))
    return changes
  }

  /** Applies a partial update; tags, when given, replace the whole set. */
  update(id: string, patch: Partial<CustomerValues>): void {
    this.requireCustomer(id)
    this.writer.write(this.updating(id, patch))
  }

  /** Soft delete: a tombstone, so the deletion syncs and an undo stays possible. */
  delete(id: string): void {
    this.requireCustomer(id)
    this.writer.write([{ table: 'customers', id, values: { deleted_at: this.now().toISOString() } }])
  }

  private tagChanges(customerId: string, tags: readonly string[], at: string): RowChange[] {
    const wanted = new Map(tags.map((t) => [tagId(customerId, t), t]))
    const existing = this.q.allTagRows.all(customerId) as {
      id: string
      tag: string
      deleted_at: string | null
    }[]
    const changes: RowChange[] = []
    for (const row of existing) {
      if (!wanted.has(row.id) && !row.deleted_at) {
        changes.push({ table: 'customer_tags', id: row.id, values: { deleted_at: at } })
      }
    }
    const known = new Set(existing.map((r) => r.id))
    for (const [tid, tag] of wanted) {
      changes.push({
        table: 'customer_tags',
        id: tid,
        values: known.has(tid) ? { deleted_at: null } : { customer_id: customerId, tag, created_at: at },
      })
    }
    return changes
  }

  private requireCustomer(id: string): CustomerDbRow {
    const row = this.q.customer.get(id) as CustomerDbRow | undefined
    if (row) return row
    // A merged-away customer answers with its survivor, which a window showing it follows.
    const survivor = this.resolve(id)
    if (survivor && survivor !== id) throw new AppFailure('merged', undefined, { survivorId: survivor })
    throw new AppFailure('not_found')
  }

  /** The stored values of a customer as the create/update schemas see them (for merging patches). */
  values(id: string): Customer {
    return this.toCustomer(this.requireCustomer(id))
  }

  private toCustomer(r: CustomerDbRow): Customer {
    return {
      id: r.id,
      displayName: r.display_name,
      originalName: r.original_name,
      latinName: r.latin_name,
      country: r.country,
      city: r.city,
      address: r.address,
      website: r.website,
      businessType: r.business_type,
      industry: r.industry,
      sizeBand: r.size_band,
      productCategories: JSON.parse(r.product_categories) as string[],
      quality: r.quality,
      source: r.source,
      sourceDetail: r.source_detail,
      owner: r.owner,
      preferredLanguage: r.preferred_language,
      currency: r.currency,
      tags: this.q.tags.all(r.id) as string[],
      notes: r.notes,
      timezone: r.timezone,
      holidayOptOut: r.holiday_opt_out === 1,
      createdAt: r.created_at ?? r.updated_at,
      updatedAt: r.updated_at,
    }
  }

  get(id: string): CustomerDetail {
    const customer = this.toCustomer(this.requireCustomer(id))
    const facts = countryFacts(customer.country)
    const derivedTz = deriveTimezone(customer.country, customer.city)
    return {
      customer,
      derived: {
        region: facts?.subregion || facts?.region || null,
        continent: facts?.continent ?? null,
        timezone: customer.timezone ?? derivedTz,
        timezoneDerived: !customer.timezone,
        weekend: weekendOf(customer.country),
        websiteDomain: websiteDomain(customer.website),
      },
      contacts: (this.q.contacts.all(id) as ContactDbRow[]).map(contactFromRow),
      mergedFrom: this.q.mergedFrom.all(id) as CustomerDetail['mergedFrom'],
    }
  }

  // ---- contacts ----

  contact(id: string): Contact {
    const row = this.q.contact.get(id) as ContactDbRow | undefined
    if (!row) throw new AppFailure('not_found')
    return contactFromRow(row)
  }

  addContact(customerId: string, values: ContactValues): Contact {
    customerId = this.requireLive(customerId)
    const { id, changes } = this.contactAddition(customerId, values)
    this.writer.write(changes)
    return this.contact(id)
  }

  /** The changes that add a contact to an existing customer (primary rules included), unwritten. */
  contactAddition(customerId: string, values: ContactValues): { id: string; changes: RowChange[] } {
    const id = newId()
    const changes: RowChange[] = [
      {
        table: 'contacts',
        id,
        values: {
          ...toCells(values, CONTACT_COLUMNS),
          customer_id: customerId,
          created_at: this.now().toISOString(),
        },
      },
    ]
    const existing = this.q.contacts.all(customerId) as ContactDbRow[]
    // A customer always has exactly one primary contact: the first one, or the one marked so.
    if (existing.length === 0) (changes[0]!.values as Cells<'contacts'>).is_primary = 1
    else if (values.isPrimary) changes.push(...this.demoteOthers(existing, id))
    return { id, changes }
  }

  updateContact(id: string, patch: Partial<ContactValues>): Contact {
    const current = this.contact(id)
    const changes: RowChange[] = [{ table: 'contacts', id, values: toCells(patch, CONTACT_COLUMNS) }]
    if (patch.isPrimary === true) {
      changes.push(...this.demoteOthers(this.q.contacts.all(current.customerId) as ContactDbRow[], id))
    }
    this.writer.write(changes)
    return this.contact(id)
  }

  deleteContact(id: string): void {
    const current = this.contact(id)
    const changes: RowChange[] = [{ table: 'contacts', id, values: { deleted_at: this.now().toISOString() } }]
    if (current.isPrimary) {
      const next = (this.q.contacts.all(current.customerId) as ContactDbRow[]).find((c) => c.id !== id)
      if (next) changes.push({ table: 'contacts', id: next.id, values: { is_primary: 1 } })
    }
    this.writer.write(changes)
  }

  private demoteOthers(rows: readonly ContactDbRow[], keep: string): RowChange[] {
    return rows
      .filter((r) => r.id !== keep && r.is_primary === 1)
      .map((r) => ({ table: 'contacts' as const, id: r.id, values: { is_primary: 0 } }))
  }

  // ---- reads for screens ----

  /** A page of the customer list with its total (see ./list.ts for how any offset stays fast). */
  list(input: ListQuery): { rows: CustomerRow[]; total: number } {
    return this.lists.page(input)
  }

  facets(): { countries: string[]; industries: string[]; owners: string[]; tags: string[] } {
    return {
      countries: this.distinctLive('customers', 'country'),
      industries: this.distinctLive('customers', 'industry'),
      owners: this.distinctLive('customers', 'owner'),
      tags: this.distinctLive('customer_tags', 'tag'),
    }
  }

  /**
   * The distinct values of a column over live rows, in order. SELECT DISTINCT read every index
   * entry (100k customers: 30 ms a column, on every customer page and list); this seeks the index
   * once per value instead ("the next value after this one"), and there are a few hundred at most.
   */
  private distinctLive(table: 'customers' | 'customer_tags', column: string): string[] {
    const key = `${table}.${column}`
    let stmts = this.distinctStmts.get(key)
    if (!stmts) {
      const base = `SELECT ${column} FROM ${table} WHERE deleted_at IS NULL AND ${column}`
      stmts = {
        first: this.db.prepare<[]>(`${base} IS NOT NULL ORDER BY ${column} LIMIT 1`).pluck(),
        next: this.db.prepare<[string]>(`${base} > ? ORDER BY ${column} LIMIT 1`).pluck(),
      }
      this.distinctStmts.set(key, stmts)
    }
    const values: string[] = []
    for (
      let v = stmts.first.get() as string | undefined;
      v !== undefined;
      v = stmts.next.get(v) as string | undefined
    ) {
      values.push(v)
    }
    return values
  }
  private readonly distinctStmts = new Map<string, { first: Statement<[]>; next: Statement<[string]> }>()

  count(): number {
    return this.db.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get() as number
  }

  /** Search-as-you-type: candidates from the index, best matches first (see ./search.ts). */
  searchCustomers(query: string, limit: number): SearchHit[] {
    return this.search.hits(query, limit)
  }

  /**
   * Likely duplicates of a new customer: the same email, website domain or phone, or the same name
   * once legal forms, case, accents and script variants are set aside.
   */
  findDuplicates(
    values: Partial<CustomerValues>,
    contacts: readonly Partial<ContactValues>[],
    excludeId?: string,
  ): DuplicateCandidate[] {
    const reasons = new Map<string, Set<DuplicateCandidate['reasons'][number]>>()
    const add = (ids: string[], reason: DuplicateCandidate['reasons'][number]) => {
      for (const id of ids) {
        if (id === excludeId) continue
        const set = reasons.get(id) ?? new Set()
        set.add(reason)
        reasons.set(id, set)
      }
    }
    const emails = contacts.flatMap((c) => c.emails ?? [])
    for (const e of emails) add(this.search.sameKey('email', e), 'email')
    const domains = new Set(emails.map(emailDomain))
    const site = websiteDomain(values.website)
    if (site) domains.add(site)
    for (const d of domains) add(this.search.sameKey('domain', d), 'domain')
    for (const p of contacts.flatMap((c) => c.phones ?? [])) add(this.search.sameKey('phone', p), 'phone')
    for (const name of [values.displayName, values.originalName, values.latinName]) {
      if (name) add(this.search.sameKey('name', name), 'name')
    }
    return [...reasons.entries()].slice(0, 10).flatMap(([id, why]) => {
      const row = this.q.customer.get(id) as CustomerDbRow | undefined
      return row ? [{ id, displayName: row.display_name, country: row.country, reasons: [...why] }] : []
    })
  }
}

export function sortKeyOf(name: string | undefined): string {
  return name ? sortKey(name) : ''
}
