// Search finds what a salesperson types (issue 10 §6): a city in another language, pinyin split
// into words, initials without the unit of the place, a messaging handle, one or two Chinese
// characters; and the customer list's search box keeps exactly those customers, with the other
// filters, the right total and every page.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { tempDir, tempServices } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'
import { createServices } from '../../electron/main/services'
import { CustomerRepository } from '../../electron/main/features/customers/repository'
import { SearchIndex } from '../../electron/main/features/customers/search'
import type { ListQuery } from '../../shared/domain'

let s: Services & { dir: string }
const ids: Record<string, string> = {}

async function create(
  key: string,
  customer: Record<string, unknown>,
  contacts: Record<string, unknown>[] = [],
  revenueUsd = 0,
) {
  const res = await s.call('customers:create', { customer, contacts, allowDuplicates: true })
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  const id = (res.data as { id: string }).id
  ids[key] = id
  if (revenueUsd > 0) {
    const order = await s.call('orders:create', {
      customerId: id,
      order: { date: '2026-11-02', amount: revenueUsd, currency: 'USD', status: 'paid' },
    })
    if (!order.ok) throw new Error(JSON.stringify(order.error))
  }
}

const search = (q: string) => s.customers.searchCustomers(q, 20).map((h) => h.id)

beforeAll(async () => {
  s = tempServices({ now: () => new Date('2026-12-01T10:00:00Z') })
  await create(
    'licheng',
    { displayName: '深圳市立诚建材有限公司', country: 'CN', city: 'Shenzhen', owner: 'Li Na' },
    [
      {
        name: '赵军',
        messaging: [
          { kind: 'wechat', handle: 'junzhao7891' },
          { kind: 'whatsapp', handle: '+86 139 2222 7891' },
        ],
      },
    ],
    1_500_000,
  )
  // The city as the English form, as the demo data and most forms hold it.
  await create('haiyun', { displayName: 'Haiyun Trading Co.', country: 'CN', city: 'Shanghai' }, [], 250_000)
  // The city typed in Chinese.
  await create('jinhua', { displayName: '上海锦华纺织', country: 'CN', city: '上海' }, [], 2_000_000)
  await create('pekin', { displayName: 'Great Wall Trading', country: 'CN', city: 'Beijing' }, [], 1_200_000)
  await create('london', { displayName: 'Thames Trading Ltd', country: 'GB', city: 'London' }, [], 1_100_000)
  await create('guangdong', { displayName: '广东省佛山市顺达陶瓷有限公司', country: 'CN', city: 'Guangzhou' })
  // A city the table does not know stays findable as written.
  await create('kunming', { displayName: 'Spring City Tea', country: 'CN', city: 'Kunming' })
})
afterAll(() => s.close())

describe('search finds what a salesperson types', () => {
  it('finds a city by its Chinese, French and English names, whichever the record holds', () => {
    expect(search('上海').sort()).toEqual([ids.haiyun, ids.jinhua].sort())
    expect(search('shanghai')).toEqual(expect.arrayContaining([ids.haiyun, ids.jinhua]))
    expect(search('北京')).toEqual([ids.pekin])
    expect(search('Pékin')).toEqual([ids.pekin])
    expect(search('pekin')).toEqual([ids.pekin])
    expect(search('伦敦')).toEqual([ids.london])
    expect(search('Londres')).toEqual([ids.london])
    expect(search('kunming')).toEqual([ids.kunming])
    // The hit says the city matched, as the record spells it.
    const hit = s.customers.searchCustomers('上海', 5).find((h) => h.id === ids.haiyun)
    expect(hit?.matched).toBe('Shanghai')
  })

  it('finds pinyin typed as words with spaces', () => {
    expect(search('licheng jiancai')).toEqual([ids.licheng])
    expect(search('Licheng  Jiancai')).toEqual([ids.licheng])
    expect(search('shenzhen licheng')).toEqual([ids.licheng])
    expect(search('foshan shunda')).toEqual([ids.guangdong])
    // Words of other names do not run together into a match.
    expect(search('licheng taoci')).toEqual([])
  })

  it('finds initials with or without the unit of the place', () => {
    expect(search('szlc')).toEqual([ids.licheng])
    expect(search('szslc')).toEqual([ids.licheng])
    expect(search('SZLCJC')).toEqual([ids.licheng])
    expect(search('深圳立诚')).toEqual([ids.licheng])
    // Province and city units both drop out: 广东省佛山市顺达 → gdfssd.
    expect(search('gdfssd')).toEqual([ids.guangdong])
    expect(search('fssd')).toEqual([ids.guangdong])
    expect(search('佛山顺达')).toEqual([ids.guangdong])
  })

  it('finds a contact by a messaging handle and says so', () => {
    expect(search('junzhao7891')).toEqual([ids.licheng])
    expect(search('JunZhao')).toEqual([ids.licheng])
    const hit = s.customers.searchCustomers('junzhao7891', 5)[0]
    expect(hit?.matched).toBe('junzhao7891')
  })

  it('finds a phone number typed the national way, with its trunk 0, or with 00', async () => {
    await create('phone', { displayName: 'Pearl River Lighting', country: 'CN', city: 'Guangzhou' }, [
      { name: 'Chen Jie', phones: ['020 8888 1234'] },
    ])
    for (const typed of [
      '020 8888 1234',
      '020-88881234',
      '+86 20 8888 1234',
      '0086 20 8888 1234',
      '8888 1234',
    ])
      expect(search(typed), typed).toEqual([ids.phone])
    const [hit] = s.customers.searchCustomers('020 8888 1234', 5)
    expect(hit?.matched).toBe('+862088881234')
    // A handle with digits in it is not read as a phone number.
    expect(s.customers.searchCustomers('junzhao7891', 5)[0]?.matched).toBe('junzhao7891')
  })

  it('finds letters spelled out (mueller, weiss, sorensen, lodz) and a website typed whole', async () => {
    await create('muller', { displayName: 'Müller & Weiß GmbH', country: 'DE', website: 'www.mw-gmbh.de' })
    await create('sorensen', { displayName: 'Sørensen Trælast A/S', country: 'DK' })
    await create('lodz', { displayName: 'Łódzkie Tkaniny', country: 'PL' })
    for (const typed of ['mueller', 'muller', 'Müller', 'weiss', 'weiß', 'mueller & weiss'])
      expect(search(typed), typed).toEqual([ids.muller])
    expect(search('sorensen')).toEqual([ids.sorensen])
    expect(search('traelast')).toEqual([ids.sorensen])
    expect(search('lodzkie')).toEqual([ids.lodz])
    expect(search('łódzkie')).toEqual([ids.lodz])
    for (const typed of ['https://www.mw-gmbh.de/', 'www.mw-gmbh.de', 'http://mw-gmbh.de', 'mw-gmbh'])
      expect(search(typed), typed).toEqual([ids.muller])
    expect(s.customers.searchCustomers('https://www.mw-gmbh.de/', 5)[0]?.matched).toBe('mw-gmbh.de')
  })

  it('finds a name typed with a space where it has a hyphen or an apostrophe, and the other way round', async () => {
    await create('noor', { displayName: 'Al-Noor General LLC', country: 'AE', city: 'Dubai' })
    await create('brien', { displayName: "O'Brien Imports", country: 'IE' })
    await create('mei', { displayName: 'Mei Lin Textiles', country: 'SG' })
    expect(search('al noor')).toEqual([ids.noor])
    expect(search('al-noor')).toEqual([ids.noor])
    expect(search('o brien')).toEqual([ids.brien])
    expect(search('o’brien')).toEqual([ids.brien])
    expect(search('mei-lin')).toEqual([ids.mei])
  })

  it('keeps one- and two-character Chinese queries working', () => {
    expect(search('立诚')).toEqual([ids.licheng])
    expect(search('锦')).toEqual([ids.jinhua])
    expect(search('诚')).toEqual([ids.licheng])
    expect(search('佛山')).toEqual([ids.guangdong])
  })

  it('shows the tier and the owner of each hit', () => {
    const [hit] = s.customers.searchCustomers('立诚', 5)
    expect(hit).toMatchObject({ id: ids.licheng, tier: 'mid', owner: 'Li Na' })
    const [prospect] = s.customers.searchCustomers('Spring City', 5)
    expect(prospect).toMatchObject({ id: ids.kunming, tier: 'ordinary', owner: null })
  })
})

describe('customer list search box', () => {
  const list = async (q: ListQuery) => {
    const res = await s.call('customers:list', q)
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    return res.data as { rows: { id: string; tier: string }[]; total: number }
  }

  it('keeps what search finds, combined with a tier filter, with the right total', async () => {
    const all = await list({ q: 'trading' })
    expect(all.rows.map((r) => r.id).sort()).toEqual([ids.haiyun, ids.pekin, ids.london].sort())
    expect(all.total).toBe(3)
    const mid = await list({ q: 'trading', tiers: ['mid'] })
    expect(mid.rows.map((r) => r.id).sort()).toEqual([ids.pekin, ids.london].sort())
    expect(mid.total).toBe(2)
    // The same with a short (gram) query and with a city in Chinese.
    expect((await list({ q: '上海', tiers: ['mid'] })).rows.map((r) => r.id)).toEqual([ids.jinhua])
    expect((await list({ q: '上海', tiers: ['mid'] })).total).toBe(1)
    expect((await list({ q: '上海', tiers: ['small'] })).rows.map((r) => r.id)).toEqual([ids.haiyun])
    expect(await list({ q: 'nothing like it' })).toEqual({ rows: [], total: 0 })
    // Blank text is no filter at all.
    expect((await list({ q: '   ' })).total).toBe((await list({})).total)
    expect((await list({})).total).toBeGreaterThan(3)
  })

  it('pages through a search in the list order, across anchors', () => {
    // Anchors every 2 rows, so a page of a 3-row result crosses them.
    const small = new CustomerRepository(s.db, s.writer, s.search, undefined, 2)
    const whole = small.list({ q: 'trading', sort: 'name', limit: 100 })
    expect(whole.total).toBe(3)
    const paged = [0, 1, 2].map((offset) => small.list({ q: 'trading', sort: 'name', offset, limit: 1 }))
    expect(paged.map((p) => p.rows[0]!.id)).toEqual(whole.rows.map((r) => r.id))
    expect(paged.every((p) => p.total === 3)).toBe(true)
    expect(small.list({ q: 'trading', offset: 3, limit: 1 }).rows).toEqual([])
    const desc = small.list({ q: 'trading', sort: 'name', direction: 'desc', offset: 2, limit: 5 })
    expect(desc.rows.map((r) => r.id)).toEqual([whole.rows[0]!.id])
  })

  it('follows writes: a renamed customer leaves and joins the results', async () => {
    expect((await list({ q: 'kunming' })).total).toBe(1)
    const res = await s.call('customers:update', { id: ids.kunming!, patch: { city: 'Xiamen' } })
    expect(res.ok).toBe(true)
    expect((await list({ q: 'kunming' })).total).toBe(0)
    expect((await list({ q: '厦门' })).rows.map((r) => r.id)).toEqual([ids.kunming])
  })

  it('refuses a search text over 200 characters with a validation error', async () => {
    const res = await s.call('customers:list', { q: 'x'.repeat(201) })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.code).toBe('validation')
  })
})

describe('an index built by an older version', () => {
  it('keeps answering after an upgrade while a background job rebuilds it, then finds the new forms', async () => {
    const dir = tempDir()
    const first = createServices(dir)
    const res = await first.call('customers:create', {
      customer: { displayName: '深圳市立诚建材有限公司', country: 'CN', city: 'Shanghai' },
      contacts: [{ name: '赵军', messaging: [{ kind: 'wechat', handle: 'junzhao7891' }] }],
    })
    expect(res.ok).toBe(true)
    // What version 4 wrote for it: the name, its pinyin and initials; no city names, no handle,
    // no form without the place unit.
    const doc = first.db.prepare('SELECT doc FROM search_docs').pluck().get() as number
    first.db.prepare('DELETE FROM customer_fts WHERE rowid = ?').run(doc)
    first.db
      .prepare('INSERT INTO customer_fts (rowid, body) VALUES (?, ?)')
      .run(doc, '深圳市立诚建材有限公司\nshenzhenshilichengjiancaiyouxiangongsi\nszslcjcyxgs')
    first.db.prepare("DELETE FROM search_grams WHERE gram IN ('上海', '上', '海')").run()
    first.db.prepare("UPDATE meta SET value = '4' WHERE key = 'search_index_version'").run()
    await first.close()

    const second = createServices(dir)
    const names = (q: string) => second.customers.searchCustomers(q, 5).map((h) => h.displayName)
    // Start-up did not stop to rebuild: the old entries answer what they always did.
    expect(names('szslc')).toEqual(['深圳市立诚建材有限公司'])
    expect(names('szlc')).toEqual([])
    await second.runBackground()
    for (const q of ['szlc', '上海', 'junzhao7891', 'licheng jiancai', 'szslc'])
      expect(names(q), q).toEqual(['深圳市立诚建材有限公司'])
    expect(second.db.prepare("SELECT value FROM meta WHERE key = 'search_index_version'").pluck().get()).toBe(
      String(SearchIndex.VERSION),
    )
    await second.close()
  })
})
