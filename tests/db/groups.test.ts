// Groups on real SQLite: smart-group SQL equals a brute-force filter over the same customers for
// any rule set, hostile rules are refused or matched literally, static groups, bulk actions in one
// transaction, emails and exports that read back.
import { describe, it, expect, afterEach } from 'vitest'
import fc from 'fast-check'
import Papa from 'papaparse'
import ExcelJS from 'exceljs'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { neutralise, runsAsFormula } from '../../electron/main/features/groups/export'
import worldCountries from 'world-countries'
import { PURCHASE_FREQUENCY_FLOORS, SUBREGIONS, regionKey } from '../../shared/groups'
import type { Group, GroupRules, MemberRow, RuleCondition } from '../../shared/groups'
import { caller, data, tempDir } from '../helpers/tmp'
import { translations } from '../../shared/i18n/resources'

/** A UI string as the window shows it, so the tests follow the vocabulary wherever it moves. */
function label(lang: 'en' | 'fr' | 'zh', key: string): string {
  let node: unknown = translations[lang]
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part]
  if (typeof node !== 'string') throw new Error(`no ${lang} string ${key}`)
  return node
}

let s: Services
afterEach(() => s?.close())
const call = caller(() => s)
const TODAY = '2026-11-25'

function setup() {
  s = createServices(tempDir(), { now: () => new Date(`${TODAY}T12:00:00Z`) })
}

type Fixture = {
  id: string
  name: string
  country: string | null
  continent: string | null
  industry: string | null
  owner: string | null
  tags: string[]
  tier: string
  segment: string | null
  stage: string
  gap: boolean
  drop: boolean
  revenue: number
  orders: number
  lastOrder: string | null
  created: string
  lastContact: string | null
}

const COUNTRIES: [string, string][] = [
  ['CN', 'AS'],
  ['FR', 'EU'],
  ['AE', 'AS'],
  ['BR', 'SA'],
  ['US', 'NA'],
]
const INDUSTRIES = ['Electronics', 'electronics', 'Textiles', 'Machinery', '100% Cotton_Goods']
const OWNERS = ['Li Wei', 'Sophie', 'li wei']
const TAGS = ['fair-2026', 'VIP', 'sample', "O'Brien"]
const TIERS = ['key', 'mid', 'small', 'ordinary']
const SEGMENTS = ['vip', 'potential', 'new', 'at_risk', 'dormant', 'general']
const STAGES = ['prospect', 'new', 'growing', 'mature', 'declining', 'lost']

/** Customers through the real write path; their derived rows (tiers, figures) set directly. */
async function seedBase(rng: () => number, n: number): Promise<Fixture[]> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!
  const out: Fixture[] = []
  for (let i = 0; i < n; i++) {
    const [country, continent] = rng() < 0.15 ? [null, null] : pick(COUNTRIES)
    const industry = rng() < 0.2 ? null : pick(INDUSTRIES)
    const owner = rng() < 0.3 ? null : pick(OWNERS)
    const tags = TAGS.filter(() => rng() < 0.3)
    const name = `Firm ${i} ${pick(['Trading', 'GmbH', '贸易', 'SARL'])}`
    const res = data<{ id: string }>(
      await call('customers:create', {
        customer: { displayName: name, country: country ?? 'CN', industry, owner, tags },
        allowDuplicates: true,
      }),
    )
    // A new customer needs a country now; older and synced ones may have none, which the rules
    // must handle ("country is not France" lists them), so some lose theirs behind the form's back.
    if (country === null) {
      s.db.prepare('UPDATE customers SET country = NULL WHERE id = ?').run(res.id)
      s.db.prepare('UPDATE customer_tiers SET country = NULL WHERE customer_id = ?').run(res.id)
    }
    const created = `2025-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-15`
    s.db.prepare('UPDATE customers SET created_at = ? WHERE id = ?').run(`${created}T08:00:00.000Z`, res.id)
    const orders = Math.floor(rng() * 15)
    const revenue = orders === 0 ? 0 : Math.round(rng() * 6_000_000)
    const lastOrder =
      orders === 0
        ? null
        : `2026-${String(1 + Math.floor(rng() * 11)).padStart(2, '0')}-0${1 + Math.floor(rng() * 9)}`
    const f: Fixture = {
      id: res.id,
      name,
      country,
      continent,
      industry,
      owner,
      tags,
      tier: pick(TIERS),
      segment: orders === 0 ? null : pick(SEGMENTS),
      stage: pick(STAGES),
      gap: rng() < 0.2,
      drop: rng() < 0.2,
      revenue,
      orders,
      lastOrder,
      created,
      lastContact: null,
    }
    if (orders > 0) {
      s.db
        .prepare(
          `INSERT OR REPLACE INTO customer_figures (customer_id, as_of, revenue_usd, order_count, first_order, last_order, last6_usd, prev6_usd, median_gap_days)
           VALUES (?, ?, ?, ?, ?, ?, 0, 0, NULL)`,
        )
        .run(f.id, TODAY, revenue, orders, lastOrder, lastOrder)
    }
    s.db
      .prepare(
        'UPDATE customer_tiers SET tier = ?, segment = ?, stage = ?, risk_gap = ?, risk_drop = ? WHERE customer_id = ?',
      )
      .run(f.tier, f.segment, f.stage, f.gap ? 1 : 0, f.drop ? 1 : 0, f.id)
    if (rng() < 0.5) {
      const date = `2026-${String(1 + Math.floor(rng() * 11)).padStart(2, '0')}-1${Math.floor(rng() * 9)}`
      data(
        await call('interactions:log', {
          customerId: f.id,
          interaction: { kind: 'call', date, summary: 'Follow-up call' },
        }),
      )
      f.lastContact = date
    }
    out.push(f)
  }
  return out
}

const days = (from: string | null) =>
  from === null ? null : (Date.parse(`${TODAY}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000

function frequency(orders: number): string {
  const F = PURCHASE_FREQUENCY_FLOORS
  return orders >= F.frequent
    ? 'frequent'
    : orders >= F.regular
      ? 'regular'
      : orders >= F.occasional
        ? 'occasional'
        : orders >= F.one_off
          ? 'one_off'
          : 'none'
}

/** The rules, evaluated in plain TypeScript from the semantics in group-sql.ts. */
function bruteForce(c: Fixture, rules: GroupRules): boolean {
  const test = (cond: RuleCondition): boolean => {
    const lower = (v: string | null) => (v === null ? null : v.toLowerCase())
    const textValue: Record<string, string | null> = {
      tier: c.tier,
      segment: c.segment,
      stage: c.stage,
      country: c.country,
      continent: c.continent,
      industry: lower(c.industry),
      owner: lower(c.owner),
      name: lower(c.name),
      purchase_frequency: frequency(c.orders),
    }
    if (cond.field === 'risk') {
      const flags = [c.gap ? 'gap' : null, c.drop ? 'drop' : null].filter(Boolean)
      if (cond.op === 'in') return cond.values.some((v) => flags.includes(v))
      if (cond.op === 'not_in') return !cond.values.some((v) => flags.includes(v))
      if (cond.op === 'empty') return flags.length === 0
      return flags.length > 0
    }
    if (cond.field === 'tag') {
      const tags = c.tags.map((t) => t.toLowerCase())
      if (cond.op === 'in') return cond.values.some((v) => tags.includes(v.toLowerCase()))
      if (cond.op === 'not_in') return !cond.values.some((v) => tags.includes(v.toLowerCase()))
      if (cond.op === 'contains') return tags.some((t) => t.includes(cond.text.toLowerCase()))
      if (cond.op === 'empty') return tags.length === 0
      return tags.length > 0
    }
    const numeric: Record<string, number | null> = {
      revenue_usd: c.revenue,
      order_count: c.orders,
      days_since_order: days(c.lastOrder),
      days_since_contact: days(c.lastContact),
      days_since_created: days(c.created),
    }
    if (cond.field in numeric) {
      const v = numeric[cond.field]!
      if (cond.op === 'empty') return v === null
      if (cond.op === 'not_empty') return v !== null
      // Never contacted is the longest gap of all; never ordered is no order at all.
      if (cond.op === 'gte') return v === null ? cond.field === 'days_since_contact' : v >= cond.number
      if (cond.op === 'lte') return v !== null && v <= cond.number
      throw new Error('op')
    }
    const v = textValue[cond.field]!
    const caseless = cond.field === 'industry' || cond.field === 'owner' || cond.field === 'name'
    const norm = (x: string) =>
      cond.field === 'country' ? x.trim().toUpperCase() : caseless ? x.trim().toLowerCase() : x.trim()
    if (cond.op === 'in') return v !== null && cond.values.map(norm).includes(v)
    if (cond.op === 'not_in') return v === null || !cond.values.map(norm).includes(v)
    if (cond.op === 'contains') return v !== null && v.toLowerCase().includes(cond.text.toLowerCase())
    if (cond.op === 'empty') return v === null || v === ''
    if (cond.op === 'not_empty') return v !== null && v !== ''
    throw new Error('op')
  }
  const results = rules.conditions.map(test)
  return rules.match === 'all' ? results.every(Boolean) : results.some(Boolean)
}

const conditionArb: fc.Arbitrary<RuleCondition> = fc.oneof(
  fc.record({
    field: fc.constantFrom('tier' as const),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    values: fc.subarray(TIERS, { minLength: 1 }),
  }),
  fc.record({
    field: fc.constantFrom('segment' as const),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    values: fc.subarray(SEGMENTS, { minLength: 1 }),
  }),
  fc.record({
    field: fc.constantFrom('segment' as const, 'industry' as const, 'owner' as const),
    op: fc.constantFrom('empty' as const, 'not_empty' as const),
  }),
  fc.record({
    field: fc.constantFrom('continent' as const),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    values: fc.subarray(['AS', 'EU', 'SA', 'NA', 'AF'], { minLength: 1 }),
  }),
  fc.record({
    field: fc.constantFrom('country' as const),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    values: fc.subarray(['cn', 'FR', 'AE', 'DE'], { minLength: 1 }),
  }),
  fc.record({
    field: fc.constantFrom('industry' as const, 'owner' as const),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    values: fc.subarray([...INDUSTRIES, ...OWNERS, 'LI WEI'], { minLength: 1 }),
  }),
  fc.record({
    field: fc.constantFrom('industry' as const),
    op: fc.constant('contains' as const),
    text: fc.constantFrom('tron', '%', '_', 'Cotton_', '100%', 'TEX'),
  }),
  fc.record({
    field: fc.constantFrom('tag' as const),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    values: fc.subarray([...TAGS, 'vip', 'none'], { minLength: 1 }),
  }),
  fc.record({
    field: fc.constant('tag' as const),
    op: fc.constant('contains' as const),
    text: fc.constantFrom("'", 'fair', 'a'),
  }),
  fc.record({
    field: fc.constantFrom('risk' as const),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    values: fc.subarray(['gap', 'drop'], { minLength: 1 }),
  }),
  fc.record({
    field: fc.constantFrom('risk' as const, 'tag' as const),
    op: fc.constantFrom('empty' as const, 'not_empty' as const),
  }),
  fc.record({
    field: fc.constantFrom('purchase_frequency' as const),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    values: fc.subarray(['none', 'one_off', 'occasional', 'regular', 'frequent'], { minLength: 1 }),
  }),
  fc.record({
    field: fc.constantFrom('revenue_usd' as const),
    op: fc.constantFrom('gte' as const, 'lte' as const),
    number: fc.integer({ min: 0, max: 6_000_000 }),
  }),
  fc.record({
    field: fc.constantFrom('order_count' as const),
    op: fc.constantFrom('gte' as const, 'lte' as const),
    number: fc.integer({ min: 0, max: 15 }),
  }),
  fc.record({
    field: fc.constantFrom(
      'days_since_order' as const,
      'days_since_contact' as const,
      'days_since_created' as const,
    ),
    op: fc.constantFrom('gte' as const, 'lte' as const),
    number: fc.integer({ min: 0, max: 700 }),
  }),
  fc.record({
    field: fc.constantFrom('days_since_order' as const, 'days_since_contact' as const),
    op: fc.constantFrom('empty' as const, 'not_empty' as const),
  }),
)

const rulesArb: fc.Arbitrary<GroupRules> = fc.record({
  match: fc.constantFrom('all' as const, 'any' as const),
  conditions: fc.array(conditionArb, { minLength: 1, maxLength: 4 }),
})

async function memberIds(rules: GroupRules): Promise<string[]> {
  const res = data<{ rows: MemberRow[]; total: number }>(
    await call('groups:members', { selection: { kind: 'rules', rules }, limit: 500 }),
  )
  expect(res.rows).toHaveLength(res.total)
  return res.rows.map((r) => r.id).sort()
}

describe('smart groups', () => {
  it('return exactly the customers a brute-force filter finds, for any rule set', async () => {
    setup()
    let seed = 7
    const rng = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    const base = await seedBase(rng, 60)
    await fc.assert(
      fc.asyncProperty(rulesArb, async (rules) => {
        const expected = base
          .filter((c) => bruteForce(c, rules))
          .map((c) => c.id)
          .sort()
        expect(await memberIds(rules)).toEqual(expected)
        const figures = data<{ count: number; revenueUsd: number }>(
          await call('groups:figures', { selection: { kind: 'rules', rules } }),
        )
        expect(figures.count).toBe(expected.length)
        const revenue = base.filter((c) => expected.includes(c.id)).reduce((n, c) => n + c.revenue, 0)
        expect(figures.revenueUsd).toBeCloseTo(revenue, 2)
      }),
      { numRuns: 150 },
    )
  })

  it('treats hostile values as plain data and refuses malformed rules without writing', async () => {
    setup()
    const base = await seedBase(() => 0.42, 5)
    const hostile = [
      "'; DROP TABLE customers; --",
      "' OR '1'='1",
      '%',
      '_',
      '\\',
      '"); DELETE FROM orders; --',
      'x'.repeat(200),
      '\u0000',
    ]
    for (const value of hostile) {
      for (const rules of [
        { match: 'all', conditions: [{ field: 'industry', op: 'in', values: [value] }] },
        { match: 'all', conditions: [{ field: 'name', op: 'contains', text: value }] },
        { match: 'any', conditions: [{ field: 'tag', op: 'not_in', values: [value] }] },
      ] as GroupRules[]) {
        const res = await call('groups:members', { selection: { kind: 'rules', rules } })
        if (res.ok) {
          const ids = (res.data as { rows: MemberRow[] }).rows.map((r) => r.id).sort()
          expect(ids).toEqual(
            base
              .filter((c) => bruteForce(c, rules))
              .map((c) => c.id)
              .sort(),
          )
        } else {
          expect(res.error.code).toBe('validation')
        }
      }
    }
    const refused: unknown[] = [
      { match: 'all', conditions: [{ field: 'tier; DROP TABLE customers', op: 'in', values: ['key'] }] },
      { match: 'all', conditions: [{ field: 'tier', op: 'gte', number: 1 }] },
      { match: 'all', conditions: [{ field: 'tier', op: 'in', values: ["key' OR 1=1 --"] }] },
      { match: 'all', conditions: [{ field: 'revenue_usd', op: 'gte', number: Number.POSITIVE_INFINITY }] },
      { match: 'all', conditions: [{ field: 'revenue_usd', op: 'gte', number: Number.NaN }] },
      { match: 'all', conditions: [{ field: 'revenue_usd', op: 'gte', number: 1e300 }] },
      { match: 'all', conditions: [{ field: 'industry', op: 'in', values: ['x'.repeat(201)] }] },
      { match: 'all', conditions: [] },
      { match: 'xor', conditions: [{ field: 'tier', op: 'in', values: ['key'] }] },
      { match: 'all', conditions: [{ field: 'tier', op: 'raw', sql: '1=1' }] },
    ]
    for (const rules of refused) {
      // Hostile rules on purpose: the contract's schema must refuse each of them.
      const res = await call('groups:save', {
        group: { kind: 'smart', name: 'Hostile', rules: rules as never },
      })
      expect(res.ok, JSON.stringify(rules)).toBe(false)
      if (!res.ok) expect(res.error.code).toBe('validation')
    }
    expect(data<{ groups: Group[] }>(await call('groups:list', {})).groups).toHaveLength(0)
    expect(s.db.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get()).toBe(5)
    // A large but finite number is data like any other.
    const big = await memberIds({
      match: 'all',
      conditions: [{ field: 'revenue_usd', op: 'lte', number: 1e13 }],
    })
    expect(big).toHaveLength(5)
  })

  it('saves a smart group whose membership follows the data', async () => {
    setup()
    const [a, b] = await seedBase(() => 0.1, 2)
    s.db.prepare("UPDATE customer_tiers SET tier = 'key' WHERE customer_id = ?").run(a!.id)
    s.db.prepare("UPDATE customer_tiers SET tier = 'ordinary' WHERE customer_id = ?").run(b!.id)
    const group = data<Group>(
      await call('groups:save', {
        group: {
          kind: 'smart',
          name: 'Key accounts',
          rules: { match: 'all', conditions: [{ field: 'tier', op: 'in', values: ['key'] }] },
        },
      }),
    )
    expect(group.count).toBe(1)
    s.db.prepare("UPDATE customer_tiers SET tier = 'key' WHERE customer_id = ?").run(b!.id)
    const listed = data<{ groups: Group[] }>(await call('groups:list', {})).groups
    expect(listed[0]).toMatchObject({ name: 'Key accounts', count: 2 })
    data(await call('customers:delete', { id: a!.id }))
    const members = data<{ rows: MemberRow[] }>(
      await call('groups:members', { selection: { kind: 'group', id: group.id } }),
    )
    expect(members.rows.map((r) => r.id)).toEqual([b!.id])
    // A smart group stays smart.
    const wrong = await call('groups:save', { id: group.id, group: { kind: 'static', name: 'x' } })
    expect(wrong.ok).toBe(false)
  })
})

describe('static groups, bulk actions and exports', () => {
  it('adds, removes and re-adds members, never listing deleted customers', async () => {
    setup()
    const base = await seedBase(() => 0.3, 4)
    const group = data<Group>(
      await call('groups:save', { group: { kind: 'static', name: 'Canton Fair 2026' } }),
    )
    expect(
      data<{ added: number }>(
        await call('groups:addMembers', { groupId: group.id, customerIds: base.map((c) => c.id) }),
      ).added,
    ).toBe(4)
    expect(
      data<{ added: number }>(
        await call('groups:addMembers', { groupId: group.id, customerIds: [base[0]!.id] }),
      ).added,
    ).toBe(0)
    // An unknown customer refuses the whole call.
    const bad = await call('groups:addMembers', { groupId: group.id, customerIds: ['nope'] })
    expect(bad.ok ? null : bad.error.code).toBe('not_found')
    expect(
      data<{ removed: number }>(
        await call('groups:removeMembers', { groupId: group.id, customerIds: [base[1]!.id] }),
      ).removed,
    ).toBe(1)
    data(await call('customers:delete', { id: base[2]!.id }))
    const list = async () =>
      data<{ rows: MemberRow[] }>(
        await call('groups:members', { selection: { kind: 'group', id: group.id } }),
      )
        .rows.map((r) => r.id)
        .sort()
    expect(await list()).toEqual([base[0]!.id, base[3]!.id].sort())
    data(await call('groups:addMembers', { groupId: group.id, customerIds: [base[1]!.id] }))
    expect(await list()).toHaveLength(3)
    // Membership is synced data: every change went through the change log.
    expect(
      s.db.prepare("SELECT count(*) FROM change_log WHERE tbl = 'group_members'").pluck().get(),
    ).toBeGreaterThan(0)
    data(await call('groups:delete', { id: group.id }))
    const gone = await call('groups:members', { selection: { kind: 'group', id: group.id } })
    expect(gone.ok ? null : gone.error.code).toBe('not_found')
  })

  it('assigns an owner and a tag to a selection in one transaction', async () => {
    setup()
    const base = await seedBase(() => 0.6, 6)
    const selection = { kind: 'all' as const }
    const chosen = base.slice(0, 3).map((c) => c.id)
    const res = data<{ changed: number }>(
      await call('groups:bulk', {
        selection,
        customerIds: chosen,
        action: { kind: 'tag', tag: 'Gulfood 2027' },
      }),
    )
    expect(res.changed).toBe(3)
    for (const id of chosen) {
      const c = data<{ customer: { tags: string[] } }>(await call('customers:get', { id }))
      expect(c.customer.tags).toContain('Gulfood 2027')
    }
    const owner = data<{ changed: number }>(
      await call('groups:bulk', { selection, action: { kind: 'owner', owner: 'Amina' } }),
    )
    expect(owner.changed).toBe(6)
    // A failure midway (the owner update of a customer deleted behind the selection's back) rolls back all.
    const before = s.db.prepare('SELECT count(*) FROM change_log').pluck().get()
    const hook = s.db.prepare('SELECT id FROM customers ORDER BY id DESC LIMIT 1').pluck().get() as string
    s.db.exec(
      `CREATE TRIGGER fail_owner BEFORE UPDATE OF owner ON customers WHEN NEW.id = '${hook}' BEGIN SELECT RAISE(ABORT, 'boom'); END`,
    )
    const failed = await call('groups:bulk', { selection, action: { kind: 'owner', owner: 'Zhang' } })
    expect(failed.ok).toBe(false)
    s.db.exec('DROP TRIGGER fail_owner')
    expect(s.db.prepare("SELECT count(*) FROM customers WHERE owner = 'Zhang'").pluck().get()).toBe(0)
    expect(s.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(before)
  })

  it('copies emails once each and exports CSV and XLSX that read back', async () => {
    setup()
    const mk = async (displayName: string, email: string | null) =>
      data<{ id: string }>(
        await call('customers:create', {
          customer: { displayName, country: 'CN' },
          contacts: [{ name: 'Contact', emails: email ? [email] : [], isPrimary: true }],
          allowDuplicates: true,
        }),
      ).id
    await mk('深圳华强电子有限公司', 'sales@huaqiang.cn')
    await mk('Huaqiang Branch', 'SALES@huaqiang.cn')
    await mk('=HYPERLINK("http://evil")', 'buyer@example.com')
    await mk('No Mail Ltd', null)
    const emails = data<{ emails: string[]; customersWithout: number }>(
      await call('groups:emails', { selection: { kind: 'all' } }),
    )
    expect(emails.emails.sort()).toEqual(['buyer@example.com', 'sales@huaqiang.cn'].sort().map((e) => e))
    expect(emails.customersWithout).toBe(1)

    const csv = data<{ fileName: string; base64: string; rows: number }>(
      await call('groups:export', { selection: { kind: 'all' }, format: 'csv' }),
    )
    expect(csv.fileName).toMatch(/^tradetier-customers-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = Buffer.from(csv.base64, 'base64').toString('utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const parsed = Papa.parse<string[]>(text.slice(1).trim())
    expect(parsed.data).toHaveLength(5)
    expect(parsed.data.map((r) => r[0])).toContain('深圳华强电子有限公司')
    expect(parsed.data.map((r) => r[0])).toContain('\'=HYPERLINK("http://evil")')

    const xlsx = data<{ base64: string; rows: number }>(
      await call('groups:export', { selection: { kind: 'all' }, format: 'xlsx' }),
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('Customers')!
    expect(sheet.rowCount).toBe(5)
    expect(sheet.getRow(1).getCell(1).value).toBe(label('en', 'fields.customerName'))
  })

  it('splits the base into built-in buckets that add up to the whole', async () => {
    setup()
    const base = await seedBase(() => 0.77, 12)
    for (const grouping of [
      'tier',
      'segment',
      'stage',
      'country',
      'region',
      'continent',
      'industry',
      'business_type',
      'owner',
      'source',
      'quality',
      'purchase_frequency',
    ] as const) {
      const buckets = data<{ buckets: { value: string | null; count: number }[] }>(
        await call('groups:buckets', { grouping }),
      ).buckets
      expect(
        buckets.reduce((n, b) => n + b.count, 0),
        grouping,
      ).toBe(base.length)
      // Each bucket opens as a selection with the same count.
      const first = buckets[0]!
      const members = data<{ total: number }>(
        await call('groups:members', { selection: { kind: 'builtin', grouping, value: first.value } }),
      )
      expect(members.total, grouping).toBe(first.count)
    }
  })
})

describe('exports keep text as text', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', true],
    ['@SUM(1)', true],
    ["+cmd|' /C calc'!A0", true],
    ['+A1', true],
    ['-Ana', true],
    ['-2+3', true],
    ['\tTabbed', true],
    ['\rReturn', true],
    ['+8613800574321', false],
    ['+33 1 23 45 67 89', false],
    ['+1 (212) 555-0142', false],
    ['-500', false],
    ['-12.5', false],
    ['-12,5', false],
    ['+5', false],
    ['Ana-Maria', false],
    ['深圳华强电子有限公司', false],
    ['', false],
  ])('CSV cell %j runs as a formula: %s', (value, expected) => {
    expect(runsAsFormula(value)).toBe(expected)
    expect(neutralise(value)).toBe(expected ? `'${value}` : value)
  })

  it('writes names and phones exactly: typed strings in XLSX, guarded only where needed in CSV', async () => {
    setup()
    const mk = async (displayName: string, phone: string) =>
      data<{ id: string }>(
        await call('customers:create', {
          customer: { displayName, country: 'CN' },
          contacts: [{ name: 'Contact', phones: [phone], isPrimary: true }],
          allowDuplicates: true,
        }),
      ).id
    await mk('-Ana', '+8613800574321')
    await mk('=HYPERLINK("http://evil")', '+8613800574322')
    await mk('@Trading', '+8613800574323')

    const xlsx = data<{ base64: string }>(
      await call('groups:export', { selection: { kind: 'all' }, format: 'xlsx' }),
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('Customers')!
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    const nameCol = header.indexOf(label('en', 'fields.customerName')) + 1
    const phoneCol = header.indexOf(label('en', 'fields.phone')) + 1
    const cells = [2, 3, 4].map((r) => [sheet.getRow(r).getCell(nameCol), sheet.getRow(r).getCell(phoneCol)])
    expect(cells.map(([n, p]) => [n!.value, p!.value]).sort()).toEqual(
      [
        ['-Ana', '+8613800574321'],
        ['=HYPERLINK("http://evil")', '+8613800574322'],
        ['@Trading', '+8613800574323'],
      ].sort(),
    )
    for (const cell of cells.flat()) expect(cell.type).toBe(ExcelJS.ValueType.String)

    const csv = data<{ base64: string }>(
      await call('groups:export', { selection: { kind: 'all' }, format: 'csv' }),
    )
    const rows = Papa.parse<Record<string, string>>(
      Buffer.from(csv.base64, 'base64').toString('utf8').slice(1).trim(),
      { header: true },
    ).data
    const [nameKey, phoneKey] = [label('en', 'fields.customerName'), label('en', 'fields.phone')]
    expect(rows.map((r) => [r[nameKey], r[phoneKey]]).sort()).toEqual(
      [
        ["'-Ana", '+8613800574321'],
        ['\'=HYPERLINK("http://evil")', '+8613800574322'],
        ["'@Trading", '+8613800574323'],
      ].sort(),
    )
  })
})

describe('bulk tag and the tag limit', () => {
  it('skips the customers already at 50 tags, tags the rest, and says which were skipped', async () => {
    setup()
    const fifty = Array.from({ length: 50 }, (_, i) => `t${i}`)
    const mk = async (displayName: string, tags: string[]) =>
      data<{ id: string }>(
        await call('customers:create', {
          customer: { displayName, country: 'CN', tags },
          allowDuplicates: true,
        }),
      ).id
    const full = await mk('Full Tags Ltd', fifty)
    const fullWithTag = await mk('Already Tagged Ltd', [...fifty.slice(1), 'Canton 2027'])
    const almost = await mk('Almost Full Ltd', fifty.slice(1))
    const empty = await mk('No Tags Ltd', [])
    const before = s.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number
    const res = data<{ changed: number; skipped: { customerId: string; reason: string }[] }>(
      await call('groups:bulk', { selection: { kind: 'all' }, action: { kind: 'tag', tag: 'canton 2027' } }),
    )
    expect(res.changed).toBe(2)
    expect(res.skipped).toEqual([{ customerId: full, reason: 'too_many_tags' }])
    const tags = async (id: string) =>
      data<{ customer: { tags: string[] } }>(await call('customers:get', { id })).customer.tags
    expect((await tags(full)).sort()).toEqual([...fifty].sort())
    expect(await tags(fullWithTag)).toHaveLength(50)
    expect(await tags(almost)).toHaveLength(50)
    expect(await tags(almost)).toContain('canton 2027')
    expect(await tags(empty)).toEqual(['canton 2027'])
    // Nothing at all was written for the skipped customer.
    const skippedWrites = s.db
      .prepare(
        `SELECT count(*) FROM change_log WHERE seq > ?
         AND (row_id = ? OR row_id IN (SELECT id FROM customer_tags WHERE customer_id = ?))`,
      )
      .pluck()
    expect(skippedWrites.get(before, full, full)).toBe(0)
    // Other actions report no skips.
    const owner = data<{ changed: number; skipped: unknown[] }>(
      await call('groups:bulk', { selection: { kind: 'all' }, action: { kind: 'owner', owner: 'Amina' } }),
    )
    expect(owner).toEqual({ changed: 4, skipped: [] })
  })
})

describe('bulk actions, exports and emails act on exactly the ticked customers', () => {
  /** Five customers in China, two with a tier, segment, stage, business type and source worth naming. */
  async function five() {
    const ids: string[] = []
    for (const [i, country] of ['MY', 'FR', 'CN', 'CN', 'CN'].entries()) {
      ids.push(
        data<{ id: string }>(
          await call('customers:create', {
            customer: {
              displayName: `Ticked Test ${i}`,
              country,
              businessType: 'importer',
              source: 'trade_fair',
            },
            contacts: [{ name: `Buyer ${i}`, emails: [`buyer${i}@example.com`], isPrimary: true }],
            allowDuplicates: true,
          }),
        ).id,
      )
    }
    s.db
      .prepare(
        "UPDATE customer_tiers SET tier = 'mid', segment = 'at_risk', stage = 'mature' WHERE customer_id = ?",
      )
      .run(ids[0])
    s.db
      .prepare(
        `INSERT OR REPLACE INTO customer_figures (customer_id, as_of, revenue_usd, order_count, first_order, last_order, last6_usd, prev6_usd, median_gap_days)
         VALUES (?, ?, 1234567.5, 3, '2026-01-05', '2026-10-31', 0, 0, NULL)`,
      )
      .run(ids[0], TODAY)
    s.db.prepare('UPDATE customer_tiers SET revenue_now = 1234567.5 WHERE customer_id = ?').run(ids[0])
    return ids
  }

  it('copies the emails and exports the rows of the two ticked customers only', async () => {
    setup()
    const ids = await five()
    const picked = [ids[0]!, ids[3]!]
    const emails = data<{ emails: string[] }>(
      await call('groups:emails', { selection: { kind: 'all' }, customerIds: picked }),
    )
    expect(emails.emails.sort()).toEqual(['buyer0@example.com', 'buyer3@example.com'])

    const csv = data<{ base64: string; rows: number }>(
      await call('groups:export', { selection: { kind: 'all' }, customerIds: picked, format: 'csv' }),
    )
    expect(csv.rows).toBe(2)
    const rows = Papa.parse<Record<string, string>>(
      Buffer.from(csv.base64, 'base64').toString('utf8').slice(1).trim(),
      { header: true },
    ).data
    expect(rows.map((r) => r[label('en', 'fields.customerName')]).sort()).toEqual([
      'Ticked Test 0',
      'Ticked Test 3',
    ])

    const xlsx = data<{ base64: string; rows: number }>(
      await call('groups:export', { selection: { kind: 'all' }, customerIds: picked, format: 'xlsx' }),
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer)
    expect(book.worksheets[0]!.rowCount).toBe(3)

    // Without a pick, the whole selection.
    const all = data<{ rows: number }>(
      await call('groups:export', { selection: { kind: 'all' }, format: 'csv' }),
    )
    expect(all.rows).toBe(5)
  })

  it('tags and assigns only the ticked customers', async () => {
    setup()
    const ids = await five()
    const res = data<{ changed: number }>(
      await call('groups:bulk', {
        selection: { kind: 'all' },
        customerIds: [ids[1]!, ids[2]!],
        action: { kind: 'owner', owner: 'Amina' },
      }),
    )
    expect(res.changed).toBe(2)
    const owners = s.db
      .prepare("SELECT id FROM customers WHERE owner = 'Amina' ORDER BY id")
      .pluck()
      .all() as string[]
    expect(owners).toEqual([ids[1]!, ids[2]!].sort())
  })

  it('refuses ticked ids outside the selection (unknown, deleted, or in another group) and writes nothing', async () => {
    setup()
    const ids = await five()
    const group = data<Group>(await call('groups:save', { group: { kind: 'static', name: 'Fair list' } }))
    data(await call('groups:addMembers', { groupId: group.id, customerIds: [ids[0]!, ids[1]!] }))
    data(await call('customers:delete', { id: ids[4]! }))
    const selection = { kind: 'group' as const, id: group.id }
    const before = s.db.prepare('SELECT count(*) FROM change_log').pluck().get()
    for (const foreign of [[ids[0]!, ids[2]!], ['no-such-customer'], [ids[4]!]]) {
      for (const res of [
        await call('groups:bulk', { selection, customerIds: foreign, action: { kind: 'tag', tag: 'Leak' } }),
        await call('groups:bulk', {
          selection,
          customerIds: foreign,
          action: { kind: 'owner', owner: 'Leak' },
        }),
        await call('groups:export', { selection, customerIds: foreign, format: 'csv' }),
        await call('groups:emails', { selection, customerIds: foreign }),
      ]) {
        expect(res.ok ? 'ok' : res.error.code, JSON.stringify(foreign)).toBe('not_in_selection')
      }
    }
    // A smart group's rules decide its members: a customer that stopped matching is foreign too.
    const smart = data<Group>(
      await call('groups:save', {
        group: {
          kind: 'smart',
          name: 'Mid',
          rules: { match: 'all', conditions: [{ field: 'tier', op: 'in', values: ['mid'] }] },
        },
      }),
    )
    const stale = await call('groups:bulk', {
      selection: { kind: 'group', id: smart.id },
      customerIds: [ids[1]!],
      action: { kind: 'tag', tag: 'Leak' },
    })
    expect(stale.ok ? 'ok' : stale.error.code).toBe('not_in_selection')
    const groupWrites = s.db
      .prepare("SELECT count(*) FROM change_log WHERE tbl = 'customer_groups' AND row_id = ?")
      .pluck()
      .get(smart.id) as number
    expect(s.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(
      (before as number) + groupWrites,
    )
    expect(s.db.prepare("SELECT count(*) FROM customers WHERE owner = 'Leak'").pluck().get()).toBe(0)
    // An empty pick is not "all": the contract refuses it.
    const empty = await call('groups:bulk', { selection, customerIds: [], action: { kind: 'tag', tag: 'x' } })
    expect(empty.ok ? 'ok' : empty.error.code).toBe('validation')
  })

  it('exports in the user language: headers, names instead of codes, numbers and real dates in XLSX', async () => {
    setup()
    const ids = await five()
    for (const lang of ['zh', 'fr', 'en'] as const) {
      const xlsx = data<{ base64: string }>(
        await call('groups:export', {
          selection: { kind: 'all' },
          customerIds: [ids[0]!],
          format: 'xlsx',
          language: lang,
        }),
      )
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer)
      const sheet = book.worksheets[0]!
      const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[]
      const cell = (key: string) => sheet.getRow(2).getCell(header.indexOf(label(lang, key)) + 1)
      expect(header[0]).toBe(label(lang, 'fields.customerName'))
      expect(cell('fields.tier').value).toBe(label(lang, 'enum.tier.mid'))
      expect(cell('groups.fields.segment').value).toBe(label(lang, 'enum.segment.at_risk'))
      expect(cell('groups.fields.stage').value).toBe(label(lang, 'enum.stage.mature'))
      expect(cell('fields.businessType').value).toBe(label(lang, 'enum.businessType.importer'))
      expect(cell('fields.source').value).toBe(label(lang, 'enum.source.trade_fair'))
      expect(cell('fields.country').value).toBe({ zh: '马来西亚', fr: 'Malaisie', en: 'Malaysia' }[lang])
      const revenue = cell('groups.fields.revenue_usd')
      expect(revenue.type).toBe(ExcelJS.ValueType.Number)
      expect(revenue.value).toBe(1234567.5)
      expect(revenue.numFmt).toBe('#,##0.00')
      const last = cell('groups.lastOrder')
      expect(last.type).toBe(ExcelJS.ValueType.Date)
      expect((last.value as Date).toISOString()).toBe('2026-10-31T00:00:00.000Z')
      expect(last.numFmt).toMatch(/yyyy/)
      // No code leaks into any cell of the row.
      const values = (sheet.getRow(2).values as unknown[]).map(String)
      for (const code of ['mid', 'at_risk', 'mature', 'importer', 'trade_fair', 'MY'])
        expect(values).not.toContain(code)
    }
  })

  it('takes the export language from the settings when the window does not say', async () => {
    setup()
    const ids = await five()
    data(await call('settings:set', { language: 'fr' }))
    const csv = data<{ base64: string }>(
      await call('groups:export', { selection: { kind: 'all' }, customerIds: [ids[0]!], format: 'csv' }),
    )
    const [row] = Papa.parse<Record<string, string>>(
      Buffer.from(csv.base64, 'base64').toString('utf8').slice(1).trim(),
      { header: true },
    ).data
    expect(row![label('fr', 'fields.tier')]).toBe(label('fr', 'enum.tier.mid'))
    expect(row![label('fr', 'fields.country')]).toBe('Malaisie')
    expect(row![label('fr', 'groups.lastOrder')]).toBe('2026-10-31')
    // French spreadsheets split at semicolons and read a decimal comma.
    const text = Buffer.from(csv.base64, 'base64').toString('utf8')
    expect(text.split('\n')[0]).toContain(`${label('fr', 'fields.customerName')};`)
    expect(row![label('fr', 'groups.fields.revenue_usd')]).toBe('1234567,5')
  })
})

describe('no contact for N days', () => {
  it('lists customers never contacted, but not customers never ordered under "no order for N days"', async () => {
    setup()
    const contacted = data<{ id: string }>(
      await call('customers:create', {
        customer: { displayName: 'Called Ltd', country: 'CN' },
        allowDuplicates: true,
      }),
    ).id
    const never = data<{ id: string }>(
      await call('customers:create', {
        customer: { displayName: 'Silent Ltd', country: 'CN' },
        allowDuplicates: true,
      }),
    ).id
    data(
      await call('interactions:log', {
        customerId: contacted,
        interaction: { kind: 'call', date: '2026-11-20', summary: 'Call' },
      }),
    )
    const ids = async (conditions: RuleCondition[]) => await memberIds({ match: 'all', conditions })
    expect(await ids([{ field: 'days_since_contact', op: 'gte', number: 30 }])).toEqual([never])
    expect(await ids([{ field: 'days_since_contact', op: 'gte', number: 1 }])).toEqual(
      [contacted, never].sort(),
    )
    expect(await ids([{ field: 'days_since_contact', op: 'lte', number: 30 }])).toEqual([contacted])
    expect(await ids([{ field: 'days_since_contact', op: 'empty' }])).toEqual([never])
    expect(await ids([{ field: 'days_since_order', op: 'gte', number: 30 }])).toEqual([])
  })
})

describe('regions', () => {
  it('are the regions country facts store, each named in zh, fr and en', () => {
    const stored = new Set(worldCountries.map((c) => c.subregion).filter((r) => r !== ''))
    expect([...SUBREGIONS].sort()).toEqual([...stored].sort())
    for (const lang of ['zh', 'fr', 'en'] as const)
      for (const r of SUBREGIONS) expect(label(lang, `groups.regionName.${regionKey(r)}`)).not.toBe('')
  })

  it('open as a bucket and match a rule by their stored name', async () => {
    setup()
    const id = data<{ id: string }>(
      await call('customers:create', {
        customer: { displayName: 'Gulf Trading', country: 'AE' },
        allowDuplicates: true,
      }),
    ).id
    expect(
      await memberIds({
        match: 'all',
        conditions: [{ field: 'region', op: 'in', values: ['Western Asia'] }],
      }),
    ).toEqual([id])
    const refused = await call('groups:members', {
      selection: {
        kind: 'rules',
        rules: { match: 'all', conditions: [{ field: 'region', op: 'in', values: ['Mars'] }] },
      },
    })
    expect(refused.ok ? 'ok' : refused.error.code).toBe('validation')
  })
})
