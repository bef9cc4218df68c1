import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { tempServices } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { CustomerRepository } from '../../electron/main/features/customers/repository'
import { normalizeQuery } from '../../electron/main/features/customers/search'
import { loadDemo } from '../../electron/main/features/demo/load'
import { createRng } from '../../electron/main/core/demo-data'
import { openDatabase } from '../../electron/main/db/connection'
import { clockOf, openRepositories } from '../../electron/main/repositories'
import { contactInputSchema, customerInputSchema, listQuerySchema } from '../../shared/domain'
import type { ListQuery } from '../../shared/domain'

let s: Services
const ids: Record<string, string> = {}

async function create(
  key: string,
  customer: Record<string, unknown>,
  contacts: Record<string, unknown>[] = [],
) {
  const res = await dispatch(s.ipc, 'customers:create', { customer, contacts, allowDuplicates: true }, true)
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  ids[key] = (res.data as { id: string }).id
}

const search = (q: string) => s.customers.searchCustomers(q, 20).map((h) => h.id)

beforeAll(async () => {
  s = tempServices()
  await create(
    'huasheng',
    {
      displayName: '深圳市华晟电子有限公司',
      latinName: 'Shenzhen Huasheng Electronics Co., Ltd.',
      country: 'CN',
      city: 'Shenzhen',
      website: 'www.huasheng-elec.com',
      industry: 'Electronics',
      owner: 'Li Na',
      tags: ['OEM'],
    },
    [{ name: '张伟', emails: ['zhang.wei@huasheng-elec.com'], phones: ['+86 138 0013 8000'] }],
  )
  await create(
    'yongli',
    {
      displayName: '香港永利貿易有限公司',
      country: 'HK',
      city: 'Hong Kong',
      industry: 'Textiles',
      owner: 'Chen Hao',
    },
    [{ name: '李嘉欣', emails: ['kay@yongli.hk'] }],
  )
  await create(
    'muller',
    {
      displayName: 'Müller Handels GmbH',
      country: 'DE',
      city: 'Hamburg',
      website: 'https://mueller-handel.de',
      industry: 'Furniture',
      owner: 'Li Na',
      tags: ['VIP'],
    },
    [{ name: 'Jürgen Weiß', emails: ['j.weiss@mueller-handel.de'], phones: ['040 1234567'] }],
  )
  await create(
    'noor',
    {
      displayName: 'Al Noor Trading LLC',
      originalName: 'شركة النور للتجارة',
      country: 'AE',
      city: 'Dubai',
      industry: 'Electronics',
      owner: 'Chen Hao',
    },
    [{ name: 'Mohammed Al-Rashid', phones: ['+971 50 123 4567'] }],
  )
  await create('dubois', {
    displayName: 'Société Dubois Import SARL',
    country: 'FR',
    city: 'Lyon',
    industry: 'Furniture',
  })
})
afterAll(() => s.close())

describe('search as you type', () => {
  it('finds Chinese names by characters, by pinyin, by spaced pinyin and by initials', () => {
    expect(search('华晟')).toContain(ids.huasheng)
    expect(search('huasheng')).toContain(ids.huasheng)
    expect(search('hua sheng')).toContain(ids.huasheng)
    expect(search('szshsdz')).toContain(ids.huasheng)
    // The contact's name in pinyin finds the company too.
    expect(search('zhangwei')).toContain(ids.huasheng)
  })

  it('treats traditional and simplified characters as the same', () => {
    expect(search('永利贸易')).toContain(ids.yongli)
    expect(search('永利貿易')).toContain(ids.yongli)
    expect(search('華晟')).toContain(ids.huasheng)
  })

  it('answers 1–2 character queries that trigrams cannot', () => {
    expect(search('张')).toContain(ids.huasheng)
    expect(search('永利')).toContain(ids.yongli)
    expect(search('mu')).toContain(ids.muller!)
    expect(search('m')).toEqual(expect.arrayContaining([ids.muller!, ids.noor]))
  })

  it('ignores case and accents, and finds Arabic script', () => {
    expect(search('MULLER')).toContain(ids.muller!)
    expect(search('jürgen')).toContain(ids.muller!)
    expect(search('societe')).toContain(ids.dubois!)
    expect(search('النور')).toContain(ids.noor!)
  })

  it('finds by email, website domain, phone digits in any format, and city', () => {
    expect(search('j.weiss@')).toContain(ids.muller!)
    expect(search('mueller-handel.de')).toContain(ids.muller!)
    expect(search('138 0013')).toContain(ids.huasheng)
    expect(search('+971501234567')).toContain(ids.noor!)
    expect(search('hamburg')).toContain(ids.muller!)
  })

  it('says what matched when it is not the name', () => {
    const hit = s.customers.searchCustomers('weiss@', 5).find((h) => h.id === ids.muller!)
    expect(hit?.matched).toBe('j.weiss@mueller-handel.de')
  })

  it('treats quotes and FTS syntax as plain text', () => {
    expect(() => search('"unterminated')).not.toThrow()
    expect(() => search('a OR b NEAR(c) *')).not.toThrow()
    expect(search('" OR 1=1 --')).toEqual([])
  })

  it('follows edits and deletions at once', async () => {
    const r = await dispatch(
      s.ipc,
      'customers:update',
      { id: ids.dubois!, patch: { displayName: 'Dubois Frères' } },
      true,
    )
    expect(r.ok).toBe(true)
    expect(search('freres')).toContain(ids.dubois!)
    expect(search('societe')).not.toContain(ids.dubois!)
  })
})

describe('duplicate warning', () => {
  it('flags the same email, domain, phone or normalised name and writes nothing', async () => {
    const before = s.customers.count()
    const res = await dispatch(
      s.ipc,
      'customers:create',
      {
        customer: { displayName: 'MULLER HANDELS', country: 'DE' },
        contacts: [{ name: 'X', emails: ['J.Weiss@mueller-handel.de'], phones: ['+49 40 1234567'] }],
      },
      true,
    )
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('duplicate_suspected')
    const [candidate] = (res.error.details as { candidates: { id: string; reasons: string[] }[] }).candidates
    expect(candidate!.id).toBe(ids.muller!)
    expect(candidate!.reasons.sort()).toEqual(['domain', 'email', 'name', 'phone'])
    expect(s.customers.count()).toBe(before)
  })

  it('matches a traditional-script name against its simplified twin', () => {
    const dupes = s.customers.findDuplicates({ displayName: '香港永利贸易有限公司' }, [])
    expect(dupes.map((d) => d.id)).toContain(ids.yongli)
  })

  it('does not flag a free-mail domain shared by strangers', () => {
    const dupes = s.customers.findDuplicates({ displayName: 'Brand New Co' }, [
      { emails: ['someone@gmail.com'] },
    ])
    expect(dupes).toEqual([])
  })
})

describe('list', () => {
  it('filters by continent, industry, owner and tag, and sorts Chinese names by pinyin', () => {
    const eu = s.customers.list({ continents: ['EU'] }).rows.map((r) => r.id)
    expect(eu.sort()).toEqual([ids.muller!, ids.dubois].sort())
    expect(
      s.customers.list({ industries: ['Electronics'], owners: ['Chen Hao'] }).rows.map((r) => r.id),
    ).toEqual([ids.noor])
    expect(s.customers.list({ tags: ['OEM'] }).rows.map((r) => r.id)).toEqual([ids.huasheng])
    const names = s.customers.list({ sort: 'name' }).rows.map((r) => r.displayName)
    // "Shenzhen…" (深圳) sorts between "Müller" and "Xianggang…" (香港) by its pinyin.
    expect(names.indexOf('深圳市华晟电子有限公司')).toBeGreaterThan(names.indexOf('Müller Handels GmbH'))
    expect(names.indexOf('深圳市华晟电子有限公司')).toBeLessThan(names.indexOf('香港永利貿易有限公司'))
  })

  it('pages with offset and reports the total', () => {
    const page = s.customers.list({ limit: 2, offset: 2 })
    expect(page.total).toBe(5)
    expect(page.rows).toHaveLength(2)
  })
})

describe('contacts', () => {
  it('keeps exactly one primary contact and stores phones as E.164 read in the customer country', async () => {
    const res = await dispatch(
      s.ipc,
      'contacts:create',
      {
        customerId: ids.muller!,
        contact: { name: 'Anna Schmidt', phones: ['0171 2345678'], isPrimary: true },
      },
      true,
    )
    expect(res.ok).toBe(true)
    const detail = s.customers.get(ids.muller!)
    expect(detail.contacts.filter((c) => c.isPrimary).map((c) => c.name)).toEqual(['Anna Schmidt'])
    expect(detail.contacts.find((c) => c.name === 'Anna Schmidt')?.phones).toEqual(['+491712345678'])
  })

  it('refuses 31 February and a birthday with a month but no day', async () => {
    const bad = await dispatch(
      s.ipc,
      'contacts:create',
      { customerId: ids.muller!, contact: { name: 'X', birthdayMonth: 2, birthdayDay: 31 } },
      true,
    )
    expect(bad.ok ? null : bad.error.issues).toEqual([
      { path: ['contact', 'birthdayDay'], code: 'invalid_date' },
    ])
    const leap = await dispatch(
      s.ipc,
      'contacts:create',
      { customerId: ids.muller!, contact: { name: 'Leap', birthdayMonth: 2, birthdayDay: 29 } },
      true,
    )
    expect(leap.ok).toBe(true)
  })
})

describe('customer page facts', () => {
  it('derives time zone from the city and the weekend from the country', () => {
    expect(s.customers.get(ids.noor!).derived).toMatchObject({
      timezone: 'Asia/Dubai',
      continent: 'AS',
      weekend: [6, 7],
    })
    expect(s.customers.get(ids.muller!).derived).toMatchObject({ timezone: 'Europe/Berlin', weekend: [6, 7] })
  })

  it('honours a time-zone override and refuses an unknown zone', async () => {
    const ok = await dispatch(
      s.ipc,
      'customers:update',
      { id: ids.dubois!, patch: { timezone: 'America/Cayenne' } },
      true,
    )
    expect(ok.ok).toBe(true)
    expect(s.customers.get(ids.dubois!).derived).toMatchObject({
      timezone: 'America/Cayenne',
      timezoneDerived: false,
    })
    const bad = await dispatch(
      s.ipc,
      'customers:update',
      { id: ids.dubois!, patch: { timezone: 'Mars/Olympus' } },
      true,
    )
    expect(bad.ok ? null : bad.error.code).toBe('validation')
  })
})

describe('partial updates', () => {
  it('change only the fields they name: tags, categories, emails and the primary flag survive', async () => {
    const created = await dispatch(
      s.ipc,
      'customers:create',
      {
        customer: {
          displayName: 'Patch Keepers Ltd',
          country: 'GB',
          tags: ['VIP'],
          productCategories: ['LED'],
        },
        contacts: [
          { name: 'Ann', emails: ['ann@keepers.co.uk'], phones: ['+44 20 7946 0958'], isPrimary: true },
        ],
        allowDuplicates: true,
      },
      true,
    )
    const id = created.ok ? (created.data as { id: string }).id : ''
    expect((await dispatch(s.ipc, 'customers:update', { id, patch: { city: 'Leeds' } }, true)).ok).toBe(true)
    const detail = s.customers.get(id)
    expect(detail.customer).toMatchObject({ city: 'Leeds', tags: ['VIP'], productCategories: ['LED'] })
    const contactId = detail.contacts[0]!.id
    expect(
      (await dispatch(s.ipc, 'contacts:update', { id: contactId, patch: { title: 'Buyer' } }, true)).ok,
    ).toBe(true)
    expect(s.customers.contact(contactId)).toMatchObject({
      title: 'Buyer',
      emails: ['ann@keepers.co.uk'],
      phones: ['+442079460958'],
      isPrimary: true,
    })
  })
})

describe('list pages at any offset', () => {
  const SORT_COLUMN = {
    name: 'sort_name',
    country: 'country',
    city: 'city',
    industry: 'industry',
    owner: 'owner',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  } as const

  /** The page and total as plain ORDER BY … LIMIT … OFFSET reads them, shown columns included. */
  function oracle(t: Services, input: ListQuery) {
    const q = listQuerySchema.parse(input)
    const where = ['c.deleted_at IS NULL']
    const params: string[] = []
    const within = (sql: string, values: readonly string[]) => {
      if (values.length === 0) return
      where.push(sql.replace('…', values.map(() => '?').join(', ')))
      params.push(...values)
    }
    within('c.country IN (…)', q.countries)
    within('c.industry IN (…)', q.industries)
    within('c.owner IN (…)', q.owners)
    within('c.id IN (SELECT customer_id FROM customer_tags WHERE deleted_at IS NULL AND tag IN (…))', q.tags)
    within('c.id IN (SELECT customer_id FROM customer_tiers WHERE tier IN (…))', q.tiers)
    // The search box: whatever search-as-you-type's candidates are, with no limit.
    if (q.q && normalizeQuery(q.q)) {
      where.push('c.id IN (SELECT value FROM json_each(?))')
      params.push(JSON.stringify(t.search.candidates(q.q, 1_000_000)))
    }
    const dir = q.direction === 'desc' ? 'DESC' : 'ASC'
    const order = `c.${SORT_COLUMN[q.sort]} ${dir}, c.sort_name ${dir}, c.id ${dir}`
    const rows = t.db
      .prepare(
        `SELECT c.id, c.display_name, coalesce(t.tier, 'ordinary') AS tier,
           (SELECT k.name FROM contacts k WHERE k.customer_id = c.id AND k.deleted_at IS NULL ORDER BY k.is_primary DESC LIMIT 1) AS contact,
           (SELECT json_extract(k.emails, '$[0]') FROM contacts k WHERE k.customer_id = c.id AND k.deleted_at IS NULL ORDER BY k.is_primary DESC LIMIT 1) AS email
         FROM customers c LEFT JOIN customer_tiers t ON t.customer_id = c.id
         WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .raw()
      .all(...params, q.limit, q.offset) as (string | null)[][]
    const total = t.db
      .prepare(`SELECT count(*) FROM customers c WHERE ${where.join(' AND ')}`)
      .pluck()
      .get(...params) as number
    return { rows, total }
  }

  const FILTERS: ListQuery[] = [
    {},
    { countries: ['DE'] },
    { countries: ['CN', 'DE', 'US'] },
    { tags: ['t1'] },
    { tags: ['t1', 't2'] },
    { owners: ['Nobody'] },
    { tiers: ['ordinary'], industries: ['Electronics', 'Textiles'] },
    { countries: ['DE'], tags: ['t2'] },
    // The search box, alone (trigram and 1–2 character paths) and with other filters.
    { q: 'trading' },
    { q: 'na' },
    { q: 'same', tags: ['t1'] },
    { q: '深圳', tiers: ['ordinary'] },
  ]

  const SORTS = Object.keys(SORT_COLUMN) as (keyof typeof SORT_COLUMN)[]
  const EVERY_QUERY = FILTERS.flatMap((filter) =>
    SORTS.flatMap((sort) => (['asc', 'desc'] as const).map((direction) => ({ ...filter, sort, direction }))),
  )
  // Few enough that the repository still holds what it learnt of them from one check to the next.
  const WATCHED: ListQuery[] = [
    { sort: 'name' },
    { sort: 'city', direction: 'desc' },
    { sort: 'createdAt' },
    { tags: ['t1'], sort: 'name', direction: 'desc' },
    { countries: ['DE'], sort: 'industry' },
    { tags: ['t1', 't2'], sort: 'owner' },
    // Renames below move customers into and out of it.
    { q: '深圳', sort: 'updatedAt', direction: 'desc' },
  ]

  /** Each query at offsets around its ends, around the anchors and at random. */
  function expectSameAsOracle(
    t: Services,
    repos: CustomerRepository[],
    queries: ListQuery[],
    rng: () => number,
  ) {
    for (const base of queries) {
      const total = oracle(t, base).total
      const offsets = [0, 7, 8, 500, total - 1, total]
      for (let i = 0; i < 3; i++) offsets.push(Math.floor(rng() * (total + 10)))
      for (const offset of offsets.filter((o) => o >= 0)) {
        const query: ListQuery = { ...base, offset, limit: [1, 7, 60, 100][offset % 4]! }
        const want = oracle(t, query)
        for (const repo of repos) {
          const got = repo.list(query)
          expect({ query, total: got.total }).toEqual({ query, total: want.total })
          expect({
            query,
            rows: got.rows.map((r) => [r.id, r.displayName, r.tier, r.primaryContact, r.primaryEmail]),
          }).toEqual({ query, rows: want.rows })
        }
      }
    }
  }

  it('returns the rows, order and total of a plain OFFSET query, before and after inserts, renames and deletes', async () => {
    const t = tempServices()
    try {
      await loadDemo(t.db, { customers: t.customers }, 560, () => undefined, 3)
      // No city, industry or owner (NULL sort values), shared names (ties broken by id), tags.
      const make = (i: number) =>
        t.customers.create(
          {
            ...customerInputSchema.parse({
              displayName: i % 3 === 0 ? 'Same Name Trading' : `Null Fields ${i}`,
              country: 'DE',
              tags: i % 4 === 0 ? ['t1', 't2'] : i % 4 === 1 ? ['t2'] : [],
            }),
            // A customer synced from an older version may have no country (a new one must).
            country: (i % 2 === 0 ? 'DE' : null) as string,
          },
          i % 5 === 0
            ? []
            : [contactInputSchema.parse({ name: `Contact ${i}`, emails: [`c${i}@null-${i}.example`] })],
        )
      for (let i = 0; i < 40; i++) make(i)
      const ids = t.db.prepare('SELECT id FROM customers ORDER BY rowid').pluck().all() as string[]
      for (const id of ids.filter((_, i) => i % 9 === 0)) t.customers.update(id, { tags: ['t1'] })
      // A customer with no primary contact: the first of its contacts stands in, as before.
      const contact = t.db
        .prepare('SELECT id FROM contacts WHERE is_primary = 1 LIMIT 1')
        .pluck()
        .get() as string
      t.customers.updateContact(contact, { isPrimary: false })

      const small = new CustomerRepository(t.db, t.writer, t.search, undefined, 7)
      const repos = [t.customers, small]
      const rng = createRng(11)
      const tied = t.db
        .prepare(
          `SELECT count(*) FROM customers c, customers k WHERE k.id = (SELECT customer_id FROM contacts WHERE id = ?)
             AND c.deleted_at IS NULL AND (c.sort_name, c.id) < (k.sort_name, k.id)`,
        )
        .pluck()
        .get(contact) as number
      const tiedRow = { sort: 'name', offset: tied, limit: 1 } as const
      expect(t.customers.list(tiedRow).rows[0]!.primaryContact).toBe(oracle(t, tiedRow).rows[0]![3])
      expectSameAsOracle(t, repos, EVERY_QUERY, rng)

      // Each kind of write, then the queries read just before it.
      const writes: (() => void)[] = [
        () => {
          for (let i = 40; i < 70; i++) make(i)
        },
        () => {
          for (const [k, id] of ids.filter((_, i) => i % 13 === 1).entries())
            t.customers.update(id, {
              displayName: k % 2 ? `Aardvark Renamed ${k}` : `深圳重命名 ${k}`,
              city: null,
            })
        },
        () => {
          for (const id of ids.filter((_, i) => i % 17 === 2)) t.customers.delete(id)
        },
        () => t.customers.update(ids[3]!, { tags: ['t1', 't2'], country: 'DE' }),
        // Rows read inside a transaction that rolls back leave nothing behind.
        () =>
          expect(() =>
            t.db.transaction(() => {
              t.customers.update(ids[5]!, { displayName: 'Zz Rolled Back', tags: [] })
              for (const repo of repos) for (const q of WATCHED) repo.list({ ...q, offset: 520 })
              throw new Error('undo')
            })(),
          ).toThrow('undo'),
        // Another connection's write (the job worker's) is seen too.
        () => {
          const other = openDatabase(t.dir, { attach: true })
          try {
            const theirs = openRepositories(other.db, clockOf())
            theirs.customers.update(ids[7]!, { displayName: '000 First By Another Device' })
            theirs.customers.delete(ids[8]!)
          } finally {
            other.db.close()
          }
        },
      ]
      for (const write of writes) {
        expectSameAsOracle(t, repos, WATCHED, rng)
        write()
      }
      expectSameAsOracle(t, repos, EVERY_QUERY, rng)
    } finally {
      await t.close()
    }
  }, 60_000)
})

describe('facets', () => {
  // The filter menus' values, walked one index seek per value: the oracle is plain SELECT DISTINCT.
  const oracle = () => {
    const distinct = (sql: string) => s.db.prepare(sql).pluck().all() as string[]
    const live = (col: string) =>
      distinct(
        `SELECT DISTINCT ${col} FROM customers WHERE deleted_at IS NULL AND ${col} IS NOT NULL ORDER BY ${col}`,
      )
    return {
      countries: live('country'),
      industries: live('industry'),
      owners: live('owner'),
      tags: distinct('SELECT DISTINCT tag FROM customer_tags WHERE deleted_at IS NULL ORDER BY tag'),
      // No team here: nobody to offer beyond the owners in use.
      people: [],
    }
  }

  const facets = async () => {
    const res = await dispatch(s.ipc, 'customers:facets', {}, true)
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    return res.data as ReturnType<Services['customers']['facets']> & { people: string[] }
  }

  it('lists each live value once, in order, and forgets a value whose last customer is gone', async () => {
    await create('solo', {
      displayName: 'Solo Export Ltd',
      country: 'NZ',
      industry: 'Aaa Kiwi Farming',
      owner: 'Zed',
      tags: ['Only-Here'],
    })
    const before = await facets()
    expect(before).toEqual(oracle())
    expect(before.countries).toContain('NZ')
    expect(before.tags).toContain('Only-Here')

    expect((await dispatch(s.ipc, 'customers:delete', { id: ids.solo! }, true)).ok).toBe(true)
    const after = await facets()
    expect(after).toEqual(oracle())
    expect(after.countries).not.toContain('NZ')
    expect(after.industries).not.toContain('Aaa Kiwi Farming')
    expect(after.owners).not.toContain('Zed')
  })
})
