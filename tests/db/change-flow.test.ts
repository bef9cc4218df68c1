// One way for a change to flow (issue 9): every mutating call announces the tables it wrote —
// checked against what actually changed in the file, whichever connection (main or the job
// worker) wrote it — reads announce nothing and write nothing, even on a read-only file, and the
// derivations run as declared.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, it, expect, afterEach } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { ChangeTracker } from '../../electron/main/db/changes'
import { Derivations } from '../../electron/main/db/derive'
import { READS } from '../../shared/reads'
import type { ReadChannel } from '../../shared/reads'
import { TABLES } from '../../shared/tables'
import type { TableName } from '../../shared/tables'
import { CHANNELS } from '../../shared/channels'
import { DEFAULT_POLICY } from '../../shared/tiering'
import type { Channel } from '../../shared/channels'
import type { Result } from '../../shared/errors'
import { tempDir } from '../helpers/tmp'

let open: Services[] = []
afterEach(async () => {
  for (const s of open) await s.close()
  open = []
})

type Event = { event: string; payload: unknown }

function services(dir = tempDir(), readOnly = false) {
  const events: Event[] = []
  const s = createServices(dir, {
    readOnly,
    emit: (event, payload) => events.push({ event, payload }),
    now: () => new Date('2026-11-25T12:00:00Z'),
  })
  open.push(s)
  return { s, events, dir }
}

/** A fingerprint of every row of every table, to see which tables a call really changed. */
function snapshot(db: Database.Database): Map<string, string> {
  const names = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'",
    )
    .pluck()
    .all() as string[]
  const out = new Map<string, string>()
  for (const n of names) {
    // Shadow tables of the FTS index follow customer_fts; compare the index itself instead.
    if (n.startsWith('customer_fts_')) continue
    // The stored clock reading moves with every synced write; the window never reads it.
    const where = n === 'meta' ? " WHERE key <> 'hlc'" : ''
    const order =
      (db.prepare(`SELECT count(*) FROM pragma_table_info('${n}')`).pluck().get() as number) > 1
        ? '1, 2'
        : '1'
    out.set(n, JSON.stringify(db.prepare(`SELECT * FROM "${n}"${where} ORDER BY ${order}`).raw().all()))
  }
  out.set(
    'customer_fts',
    JSON.stringify(db.prepare('SELECT rowid, body FROM customer_fts ORDER BY rowid').raw().all()),
  )
  return out
}

function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t)).sort()
}

/** Sync bookkeeping the window never reads: not announced. */
const BOOKKEEPING = new Set(['cell_stamps', 'row_stamps', 'stamp_shapes', 'change_log'])

function announced(events: Event[]): string[] {
  const tables = new Set<string>()
  for (const e of events)
    if (e.event === 'data:changed') for (const t of (e.payload as { tables: string[] }).tables) tables.add(t)
  return [...tables].sort()
}

async function ok(s: Services, channel: Channel, input: unknown): Promise<Record<string, unknown>> {
  const res: Result<unknown> = await s.call(channel, input)
  if (!res.ok) throw new Error(`${channel}: ${JSON.stringify(res.error)}`)
  return res.data as Record<string, unknown>
}

const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

/** A small base touching every table: customers, contacts, tags, orders, rates, groups, locks. */
async function seed(s: Services) {
  await ok(s, 'rates:set', { currency: 'EUR', date: '2024-01-01', usdPerUnit: 1.1 })
  const a = (await ok(s, 'customers:create', {
    customer: { displayName: 'Haiyun Trading', country: 'CN', tags: ['VIP'], owner: 'Li' },
    contacts: [{ name: 'Wang Wei', emails: ['wang@haiyun.cn'] }],
  })) as { id: string }
  const b = (await ok(s, 'customers:create', {
    customer: { displayName: 'Lumière SARL', country: 'FR', currency: 'EUR' },
  })) as { id: string }
  const order = (await ok(s, 'orders:create', {
    customerId: a.id,
    order: { date: '2026-10-01', amount: 250_000, currency: 'USD', status: 'paid' },
  })) as { id: string }
  await ok(s, 'orders:create', {
    customerId: b.id,
    order: { date: '2026-09-15', amount: 1_200_000, currency: 'EUR', status: 'shipped' },
  })
  await ok(s, 'interactions:log', {
    customerId: a.id,
    interaction: { kind: 'call', date: '2026-11-20', summary: 'Price list' },
  })
  await ok(s, 'feedback:add', {
    customerId: b.id,
    feedback: { kind: 'complaint', severity: 'high', date: '2026-11-01', summary: 'Late' },
  })
  const group = (await ok(s, 'groups:save', { group: { kind: 'static', name: 'Fair 2026' } })) as {
    id: string
  }
  await ok(s, 'groups:addMembers', { groupId: group.id, customerIds: [a.id] })
  const fair = (await ok(s, 'fairs:create', {
    fair: { name: 'Canton Fair', startDate: '2026-10-15', endDate: '2026-10-19' },
  })) as { id: string }
  const lead = (await ok(s, 'fair:capture', {
    fairId: fair.id,
    customerId: a.id,
    photo: { fileName: 'card.png', mime: 'image/png', base64: PNG_1PX },
  })) as { leadId: string; attachmentId: string }
  return {
    a: a.id,
    b: b.id,
    order: order.id,
    group: group.id,
    fair: fair.id,
    lead: lead.leadId,
    attachment: lead.attachmentId,
  }
}

describe('change events name what a call wrote', () => {
  it('every mutating call announces every table it changed, jobs in the worker included', async () => {
    const { s, events } = services()
    const ids = await seed(s)
    const contact = ((await ok(s, 'customers:get', { id: ids.a })) as { contacts: { id: string }[] })
      .contacts[0]!
    const calls: [Channel, unknown][] = [
      ['customers:create', { customer: { displayName: 'Nordic Import AB', country: 'SE' } }],
      ['customers:update', { id: ids.b, patch: { city: 'Lyon', tags: ['Canton Fair'] } }],
      ['contacts:create', { customerId: ids.b, contact: { name: 'Anne Morel' } }],
      ['contacts:update', { id: contact.id, patch: { title: 'Buyer' } }],
      [
        'orders:create',
        {
          customerId: ids.a,
          order: { date: '2026-11-02', amount: 5_000_000, currency: 'USD', status: 'paid' },
        },
      ],
      ['orders:update', { id: ids.order, patch: { amount: 260_000 } }],
      ['rates:set', { currency: 'EUR', date: '2026-01-01', usdPerUnit: 1.08 }],
      ['rates:import', { csv: 'currency,date,rate\nCNY,2026-01-01,0.14\n' }],
      ['tiers:lock', { customerId: ids.b, locked: true, tier: 'key', reason: 'Strategic' }],
      ['tiers:lock', { customerId: ids.b, locked: false }],
      [
        'interactions:log',
        { customerId: ids.b, interaction: { kind: 'email', date: '2026-11-21', summary: 'Quote' } },
      ],
      [
        'feedback:add',
        {
          customerId: ids.a,
          feedback: { kind: 'praise', severity: 'low', date: '2026-11-02', summary: 'Good' },
        },
      ],
      [
        'policy:save',
        { policy: { ...DEFAULT_POLICY, thresholdsUsd: { ...DEFAULT_POLICY.thresholdsUsd, small: 200_000 } } },
      ],
      ['reviews:run', {}],
      ['groups:save', { group: { kind: 'static', name: 'Europe' } }],
      [
        'groups:bulk',
        { selection: { kind: 'all' }, customerIds: [ids.a], action: { kind: 'tag', tag: 'Fair' } },
      ],
      ['groups:removeMembers', { groupId: ids.group, customerIds: [ids.a] }],
      ['settings:set', { language: 'fr' }],
      ['greetings:saveTemplate', { occasion: 'birthday', lang: 'en', subject: 'Hi', body: 'Dear {contact}' }],
      ['greetings:resetTemplate', { occasion: 'birthday', lang: 'en' }],
      ['greetings:saveSettings', { leadDays: { birthday: 5 }, sender: 'Li' }],
      [
        'greetings:markSent',
        { customerId: ids.a, target: { occasion: 'birthday', date: '2026-12-01' }, uiLang: 'zh' },
      ],
      [
        'fairs:update',
        { id: ids.fair, fair: { name: 'Canton Fair', startDate: '2026-10-15', endDate: '2026-10-20' } },
      ],
      ['fair:capture', { fairId: ids.fair, company: 'Baltic Lights OÜ', country: 'EE', person: 'Mari Tamm' }],
      ['fair:triage', { ids: [ids.lead], temperature: 'hot', owner: 'Chen' }],
      ['contacts:delete', { id: contact.id }],
      ['orders:delete', { id: ids.order }],
      ['customers:delete', { id: ids.b }],
    ]
    for (const [channel, input] of calls) {
      const before = snapshot(s.db)
      events.length = 0
      await ok(s, channel, input)
      const changed = changedTables(before, snapshot(s.db)).filter((t) => !BOOKKEEPING.has(t))
      expect(changed.length, channel).toBeGreaterThan(0)
      expect(announced(events), channel).toEqual(expect.arrayContaining(changed))
    }
  })

  it('a read announces nothing and a refused write announces nothing', async () => {
    const { s, events } = services()
    const ids = await seed(s)
    events.length = 0
    await ok(s, 'customers:list', { limit: 10 })
    await ok(s, 'tiers:get', { customerId: ids.a })
    await ok(s, 'dashboard:get', {})
    const bad = await s.call('orders:create', {
      customerId: ids.a,
      order: { date: '2026-11-02', amount: 10, currency: 'JPY', status: 'paid' },
    })
    expect(bad.ok).toBe(false)
    expect(announced(events)).toEqual([])
  })

  it('names only tables the schema has, and the reads only tables the window may be told about', () => {
    const db = new Database(':memory:')
    const { s } = services()
    const real = new Set(
      s.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
    )
    for (const t of TABLES) expect(real.has(t), t).toBe(true)
    for (const tables of Object.values(READS)) for (const t of tables) expect(TABLES).toContain(t)
    db.close()
  })
})

describe('reads never write', () => {
  /** Valid input for every read channel over the seeded base. */
  function readInputs(ids: Awaited<ReturnType<typeof seed>>): Record<ReadChannel, unknown> {
    return {
      'app:info': {},
      'settings:get': {},
      'team:status': {},
      'sync:conflicts': {},
      'import:presets': {},
      'customers:list': { limit: 20, sort: 'country', tiers: ['small', 'mid'], q: 'haiyun' },
      'customers:count': {},
      'customers:facets': {},
      'customers:search': { query: 'haiyun' },
      'customers:get': { id: ids.a },
      'customers:history': { id: ids.a },
      'sync:state': {},
      'customers:mergePreview': { aId: ids.a, bId: ids.b },
      'orders:list': { customerId: ids.a },
      'rates:list': {},
      'tiers:get': { customerId: ids.a },
      'interactions:list': { customerId: ids.a },
      'reminders:list': { customerId: ids.a },
      'calendar:range': { from: '2026-01-01', to: '2026-12-31', lang: 'zh' },
      'calendar:ics': { from: '2026-01-01', to: '2026-12-31', lang: 'fr' },
      'today:get': { lang: 'en' },
      'greetings:templates': {},
      'greetings:draft': {
        customerId: ids.a,
        target: { occasion: 'birthday', date: '2026-12-01' },
        uiLang: 'fr',
      },
      'greetings:recipients': {
        target: { occasion: 'holiday', date: '2026-10-01', country: 'CN', holidayKind: 'national_day' },
      },
      'greetings:status': {
        items: [
          { target: { occasion: 'holiday', date: '2026-10-01', country: 'CN', holidayKind: 'national_day' } },
        ],
      },
      'feedback:list': { customerId: ids.b },
      'policy:get': {},
      'policy:preview': { policy: { ...DEFAULT_POLICY, windowMonths: 24 } },
      'policy:moves': { version: 1 },
      'reviews:get': {},
      'groups:list': {},
      'groups:buckets': { grouping: 'tier' },
      'groups:members': { selection: { kind: 'group', id: ids.group }, limit: 10 },
      'groups:figures': { selection: { kind: 'builtin', grouping: 'country', value: 'CN' } },
      'groups:emails': { selection: { kind: 'all' } },
      'groups:export': { selection: { kind: 'all' }, format: 'csv' },
      'customers:export': { query: { q: 'haiyun' }, columns: ['customerName', 'updatedAt'], format: 'xlsx' },
      'exports:activity': {
        scope: { kind: 'selection', selection: { kind: 'all' } },
        what: 'orders',
        format: 'csv',
      },
      'dashboard:get': {},
      'fairs:list': {},
      'fair:duplicates': { company: 'Haiyun Trading Co., Ltd.', email: 'wang@haiyun.cn' },
      'fair:leads': { fairId: ids.fair },
      'attachments:list': { customerId: ids.a },
      'attachments:get': { id: ids.attachment },
    }
  }

  it('answers every read channel from a database opened read-only, and reads only the tables it declares', async () => {
    const dir = tempDir()
    const { s } = services(dir)
    const ids = await seed(s)
    await s.jobs.run('daily', {})
    await s.close()
    open = []
    // Record the SQL each read runs, to hold the declared tables (shared/reads.ts) to account.
    const statement = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as Record<
      string,
      (...a: unknown[]) => unknown
    >
    const seen: string[] = []
    const originals = new Map<string, (...a: unknown[]) => unknown>()
    for (const m of ['get', 'all', 'iterate', 'run']) {
      const original = statement[m]!
      originals.set(m, original)
      statement[m] = function (this: { source: string }, ...a: unknown[]) {
        seen.push(this.source)
        return original.apply(this, a)
      }
    }
    try {
      const ro = services(dir, true)
      const inputs = readInputs(ids)
      const known = new Set<string>([...TABLES, 'json_each', 'sqlite_master', '__drizzle_migrations'])
      for (const channel of Object.keys(READS) as ReadChannel[]) {
        seen.length = 0
        const res = await ro.s.call(channel, inputs[channel])
        expect(res, channel).toMatchObject({ ok: true })
        const declared = new Set<string>(READS[channel])
        const used = new Set<string>()
        for (const sql of seen)
          for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+"?([a-z_]+)"?/gi))
            if (known.has(m[1]!)) used.add(m[1]!)
        used.delete('json_each')
        used.delete('sqlite_master')
        used.delete('__drizzle_migrations')
        for (const t of used) expect(declared.has(t), `${channel} reads ${t}`).toBe(true)
      }
      expect(ro.events).toEqual([])
      // A write is refused, not attempted.
      expect(await ro.s.call('customers:update', { id: ids.a, patch: { city: 'Xiamen' } })).toEqual({
        ok: false,
        error: { code: 'db_damaged' },
      })
    } finally {
      for (const [m, f] of originals) statement[m] = f
    }
  })

  it('every channel is either a declared read or may write', () => {
    const reads = new Set(Object.keys(READS))
    const writes = CHANNELS.filter((c) => !reads.has(c))
    expect(writes).toContain('orders:create')
    expect(writes).not.toContain('customers:list')
  })
})

describe('declared derivations', () => {
  it('run in declared order, refuse a second registration of a name, and can be disposed', () => {
    const changes = new ChangeTracker()
    const d = new Derivations(changes)
    const order: string[] = []
    const first = d.after('orders', {
      name: 'figures',
      writes: ['customer_figures'],
      run: () => order.push('figures'),
    })
    d.after('orders', { name: 'tier', writes: ['customer_tiers'], run: () => order.push('tier') })
    expect(() => d.after('orders', { name: 'tier', writes: [], run: () => undefined })).toThrow(
      /declared twice/,
    )
    d.run('orders', ['o1'])
    expect(order).toEqual(['figures', 'tier'])
    expect(changes.drain()).toEqual(['customer_figures', 'customer_tiers'])
    first.dispose()
    d.run('orders', ['o1'])
    expect(order).toEqual(['figures', 'tier', 'tier'])
  })

  it('lists the app’s flow of an order write in one place', () => {
    const { s } = services()
    const flow = s.writer.derivations.describe()
    expect(flow.find((f) => f.table === 'orders')?.steps).toEqual(['figures and tier'])
    expect(flow.find((f) => f.table === 'customers')?.steps).toEqual([
      'search index',
      'tier row',
      'reminder occurrences',
    ])
    expect(flow.find((f) => f.table === 'reminder_events')?.steps).toEqual(['occurrences'])
    expect(flow.find((f) => f.table === 'tier_locks')?.steps).toEqual(['tier'])
  })
})

describe('long jobs in the worker', () => {
  it('a policy saved just before a crash is re-tiered at the next start', async () => {
    const dir = tempDir()
    const { s } = services(dir)
    const id = (await ok(s, 'customers:create', {
      customer: { displayName: 'Gulf Star LLC', country: 'AE' },
    })) as {
      id: string
    }
    await ok(s, 'orders:create', {
      customerId: id.id,
      order: { date: '2026-10-01', amount: 150_000, currency: 'USD', status: 'paid' },
    })
    expect(((await ok(s, 'tiers:get', { customerId: id.id })) as { tier: string }).tier).toBe('small')
    // What policy:save commits before its job starts; then the app dies.
    s.db.transaction(() => {
      s.policies.save(
        { ...DEFAULT_POLICY, thresholdsUsd: { key: 5_000_000, mid: 120_000, small: 50_000 } },
        null,
      )
      s.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('retier_pending', '2')").run()
    })()
    await s.close()
    open = []
    fs.writeFileSync(path.join(dir, 'tradetier.running'), 'crashed')
    const next = services(dir)
    await next.s.runBackground()
    expect(((await ok(next.s, 'tiers:get', { customerId: id.id })) as { tier: string }).tier).toBe('mid')
    expect(next.s.db.prepare("SELECT value FROM meta WHERE key = 'retier_pending'").pluck().get()).toBe('')
    expect(announced(next.events)).toEqual(expect.arrayContaining(['customer_tiers', 'tier_events']))
  })

  it('keeps answering searches while a full re-tier runs in the worker', async () => {
    const { s } = services()
    await s.jobs.run('demo', { customers: 300 })
    const progress: number[] = []
    const retier = s.jobs.run('retier', {})
    let answered = 0
    let finished = false
    void retier.then(() => (finished = true))
    // The main thread stays free: searches answer between the worker's batches, before it ends.
    while (!finished && answered < 5) {
      const res = await s.call('customers:search', { query: 'trading' })
      expect(res.ok).toBe(true)
      answered++
      progress.push(answered)
    }
    await retier
    expect(answered).toBeGreaterThan(0)
  })

  it('a pass that changes nothing announces nothing (the daily check runs every few minutes)', async () => {
    const { s } = services()
    await seed(s)
    await s.jobs.run('daily', {})
    expect(s.changes.drain()).toContain('meta')
    await s.jobs.run('daily', {})
    await s.jobs.run('checkpoint', {})
    expect(s.changes.drain()).toEqual([])
  })

  it('runs one job at a time, in order', async () => {
    const { s } = services()
    const order: string[] = []
    const a = s.jobs.run('integrity', { depth: 'quick' }).then(() => order.push('integrity'))
    const b = s.jobs.run('daily', {}).then(() => order.push('daily'))
    const c = s.jobs.run('integrity', { depth: 'full' }).then(() => order.push('integrity full'))
    await Promise.all([a, b, c])
    expect(order).toEqual(['integrity', 'daily', 'integrity full'])
  })
})

describe('a damaged file', () => {
  it('is found by the check after start: reads still answer, writes are refused and nothing is written', async () => {
    const dir = tempDir()
    const first = services(dir)
    const ids = await seed(first.s)
    // Pages nothing reads at start (the history of tier changes), so the app opens and the
    // check after start is what finds the damage.
    const insert = first.s.db.prepare(
      "INSERT INTO tier_events (customer_id, kind, to_value, rule, inputs, policy_version, at) VALUES (?, 'tier', 'small', 'threshold', ?, 1, '')",
    )
    first.s.db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`c${i}`, `{"filler": "${'x'.repeat(200)}"}`)
    })()
    first.s.db.pragma('wal_checkpoint(TRUNCATE)')
    await first.s.close()
    open = []
    const file = path.join(dir, 'tradetier.db')
    const bytes = fs.readFileSync(file)
    // Garbage over the middle of the file (table and index pages); the header stays valid.
    const reader = new Database(file, { readonly: true })
    const pageSize = reader.pragma('page_size', { simple: true }) as number
    const pages = reader
      .prepare("SELECT pageno FROM dbstat WHERE name = 'tier_events' AND pagetype = 'leaf' ORDER BY pageno")
      .pluck()
      .all() as number[]
    reader.close()
    for (const page of pages.slice(5, 40))
      for (let i = (page - 1) * pageSize + 8; i < page * pageSize; i += 7) bytes[i] = 0xa5
    fs.writeFileSync(file, bytes)
    const next = services(dir)
    await next.s.runBackground()
    const info = (await ok(next.s, 'app:info', {})) as { damaged: boolean }
    expect(info.damaged).toBe(true)
    expect(await next.s.call('customers:update', { id: ids.a, patch: { city: 'Qingdao' } })).toEqual({
      ok: false,
      error: { code: 'db_damaged' },
    })
    expect(announced(next.events)).toContain('meta')
  })
})

// The table list is what both sides agree on.
const _check: TableName = 'customers'
void _check

describe('demo data', () => {
  it('loads into an empty database only: a second load is refused and writes nothing', async () => {
    const { s } = services()
    expect(await s.call('demo:load', { customers: 20 })).toEqual({ ok: true, data: { created: 20 } })
    const count = () => s.db.prepare('SELECT count(*) FROM customers').pluck().get() as number
    expect(count()).toBe(20)
    expect(await s.call('demo:load', { customers: 20 })).toEqual({ ok: false, error: { code: 'not_empty' } })
    expect(count()).toBe(20)
  })
})
