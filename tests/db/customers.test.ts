import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { tempServices } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'
import { dispatch } from '../../electron/main/ipc/dispatch'

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
        customer: { displayName: 'Patch Keepers Ltd', tags: ['VIP'], productCategories: ['LED'] },
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
