// The parsing half of the import (issue 11 §1): each fixture dialect read and converted, with the
// values stored and every refused cell (line and column as the file names them).
import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { readTable } from '../../electron/main/features/import/table'
import { convertRows } from '../../electron/main/features/import/convert'
import type { CustomerImportRecord, OrderImportRecord } from '../../electron/main/features/import/convert'
import { detectMapping } from '../../electron/main/features/import/presets'
import { detectEncoding, decodeText } from '../../electron/main/features/import/decode'
import type { ImportKind } from '../../shared/import'
import { interactionInputSchema, orderInputSchema } from '../../shared/tiering'

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url)))

async function load(name: string, kind: ImportKind, sheet?: number) {
  const table = await readTable(fixture(name), name, sheet === undefined ? {} : { sheet })
  const detected = detectMapping(kind, table.headers)
  const converted = convertRows(kind, table, detected.mapping, {})
  return { table, ...detected, ...converted }
}

const brief = (issues: { line: number; column: string | null; code: string }[]) =>
  issues.map((i) => `${i.line} ${i.column} ${i.code}`)

describe('encodings', () => {
  it('detects BOM, UTF-8, GBK and cp1252', () => {
    expect(detectEncoding(Buffer.from('\uFEFFa,b', 'utf8'))).toBe('utf-8')
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toBe('utf-16le')
    expect(detectEncoding(Buffer.from('客户名称,国家', 'utf8'))).toBe('utf-8')
    expect(detectEncoding(iconv.encode('客户名称,国家\r\n深圳华强,中国', 'gbk'))).toBe('gb18030')
    expect(detectEncoding(iconv.encode('Société;Pays\r\nCôte d’Ivoire;Noël', 'windows-1252'))).toBe(
      'windows-1252',
    )
    expect(detectEncoding(fixture('gbk-orders.csv'))).toBe('gb18030')
    expect(detectEncoding(fixture('cp1252-customers.csv'))).toBe('windows-1252')
  })

  it('decodes without the BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFNom', 'utf8'), 'utf-8')).toBe('Nom')
    expect(decodeText(iconv.encode('\uFEFFNom', 'utf-16le'), 'utf-16le')).toBe('Nom')
    expect(decodeText(iconv.encode('Société', 'windows-1252'), 'windows-1252')).toBe('Société')
  })

  it('lets the user override a wrong guess', async () => {
    const t = await readTable(fixture('cp1252-orders.csv'), 'x.csv', { encoding: 'utf-8' })
    expect(t.encoding).toBe('utf-8')
    expect(t.headers[1]).not.toBe('Référence')
  })
})

describe('GBK with Chinese headers', () => {
  it('reads customers and refuses a bad email and an unknown country', async () => {
    const r = await load('gbk-customers.csv', 'customers')
    expect(r.table).toMatchObject({ format: 'csv', encoding: 'gb18030', separator: ',' })
    expect(r.preset).toBe('chinese')
    expect(r.table.lines).toEqual([2, 3, 4, 5])
    const recs = r.records as CustomerImportRecord[]
    expect(recs.map((x) => x.line)).toEqual([2, 3])
    expect(recs[0]).toMatchObject({
      externalId: 'C-001',
      customer: {
        displayName: '深圳华强电子有限公司',
        country: 'CN',
        city: '深圳',
        industry: 'electronics',
        source: 'trade_fair',
        owner: '李娜',
        tags: ['VIP', '广交会2025'],
        website: 'www.huaqiang.cn',
        notes: '老客户',
      },
      contact: {
        name: '王伟',
        title: '采购经理',
        emails: ['wang.wei@huaqiang.cn'],
        phones: ['+86 755 8888 0001'],
      },
    })
    expect(recs[1]!.customer).toMatchObject({ country: 'AE', source: 'b2b_platform', tags: ['VIP', '中东'] })
    expect(r.issues).toEqual([
      { line: 4, column: '邮箱', code: 'invalid_email', value: 'john@acme' },
      { line: 5, column: '国家', code: 'invalid_country', value: '火星' },
    ])
  })

  it('reads orders with "120,000.50" amounts and Chinese statuses', async () => {
    const r = await load('gbk-orders.csv', 'orders')
    expect(r.preset).toBe('chinese')
    expect(r.dateOrder).toBe('ymd')
    const recs = r.records as OrderImportRecord[]
    expect(recs.map((x) => x.line)).toEqual([2, 3])
    expect(recs[0]).toMatchObject({
      customerRef: { externalId: 'C-001', name: '深圳华强电子有限公司' },
      order: { date: '2025-03-15', amount: 120000.5, currency: 'CNY', status: 'paid', reference: 'SO-1001' },
      usdRate: null,
    })
    expect(recs[1]!.order).toMatchObject({
      amount: 35200,
      returned: 1200,
      currency: 'USD',
      status: 'shipped',
    })
    expect(brief(r.issues)).toEqual([
      '4 下单日期 invalid_date',
      '5 客户名称 missing_customer_ref',
      '6 订单状态 invalid_status',
    ])
  })
})

describe('cp1252 with ; (French Excel)', () => {
  it('reads orders: 1 200 000,00, dd/mm/yyyy with 29/02/2024, French statuses', async () => {
    const r = await load('cp1252-orders.csv', 'orders')
    expect(r.table).toMatchObject({ encoding: 'windows-1252', separator: ';' })
    expect(r.table.headers).toEqual([
      'Client',
      'Référence',
      'Date de commande',
      'Montant',
      'Devise',
      'Statut',
    ])
    expect(r.preset).toBe('french')
    expect(r.dateOrder).toBe('dmy')
    expect(r.dateOrderAmbiguous).toBe(false)
    const recs = r.records as OrderImportRecord[]
    expect(
      recs.map((x) => [x.customerRef.name, x.order.date, x.order.amount, x.order.currency, x.order.status]),
    ).toEqual([
      ['Société Générale', '2024-02-29', 1200000, 'EUR', 'paid'],
      ['Société Générale', '2024-03-15', 1250.5, 'EUR', 'shipped'],
      ['Abidjan Import', '2024-04-02', 980, 'EUR', 'confirmed'],
    ])
    expect(r.issues).toEqual([
      { line: 5, column: 'Date de commande', code: 'invalid_date', value: '29/02/2023' },
      { line: 6, column: 'Statut', code: 'invalid_status', value: 'Perdue' },
      { line: 7, column: 'Montant', code: 'invalid_number', value: 'mille' },
    ])
  })

  it('reads customers with accents and Côte d’Ivoire', async () => {
    const r = await load('cp1252-customers.csv', 'customers')
    expect(r.preset).toBe('french')
    const recs = r.records as CustomerImportRecord[]
    expect(recs.map((x) => [x.customer.displayName, x.customer.country])).toEqual([
      ['Société Générale', 'FR'],
      ['Abidjan Import', 'CI'],
      ['Müller & Söhne', 'DE'],
    ])
    expect(recs[0]).toMatchObject({
      customer: { industry: 'electronics', source: 'trade_fair', owner: 'Émilie', tags: ['VIP', 'Export'] },
      contact: { name: 'Hélène Dubois', title: 'Acheteuse', emails: ['helene.dubois@socgen.fr'] },
    })
    expect(recs[1]!.customer).toMatchObject({ industry: 'food_beverage', source: 'referral' })
    expect(recs[2]!.contact).toBeNull()
    // Both refused cells of the row are reported, not only the first.
    expect(brief(r.issues)).toEqual(['5 Pays invalid_country', '5 E-mail invalid_email'])
  })
})

describe('CRM exports (UTF-8 with BOM)', () => {
  it('Zoho Accounts', async () => {
    const r = await load('zoho-accounts.csv', 'customers')
    expect(r.preset).toBe('zoho_accounts')
    expect(r.table.headers[0]).toBe('Record Id')
    expect(r.issues).toEqual([])
    const recs = r.records as CustomerImportRecord[]
    expect(recs[0]).toMatchObject({
      externalId: 'zcrm_4876000000123001',
      customer: {
        displayName: 'Nordic Lights AB',
        country: 'SE',
        businessType: 'distributor',
        industry: 'lighting',
        owner: 'Li Na',
        source: 'trade_fair',
        tags: ['VIP', 'Nordics'],
        address: 'Storgatan 1',
      },
      // The company's switchboard, under the company's name.
      contact: { name: 'Nordic Lights AB', phones: ['+46 8 123 456 78'] },
    })
    expect(recs[1]!.customer).toMatchObject({
      country: 'AU',
      industry: 'solar_energy',
      notes: 'Met at Intersolar',
    })
  })

  it('HubSpot Companies', async () => {
    const r = await load('hubspot-companies.csv', 'customers')
    expect(r.preset).toBe('hubspot_companies')
    expect(r.mapping).toMatchObject({ externalId: 0, displayName: 1, owner: 2, country: 7, website: 9 })
    const recs = r.records as CustomerImportRecord[]
    expect(recs.map((x) => [x.externalId, x.customer.country, x.customer.industry])).toEqual([
      ['9876543210', 'PE', 'textiles'],
      ['9876543211', 'JP', 'auto_parts'],
    ])
  })

  it('Salesforce Accounts', async () => {
    const r = await load('salesforce-accounts.csv', 'customers')
    expect(r.preset).toBe('salesforce_accounts')
    const recs = r.records as CustomerImportRecord[]
    expect(
      recs.map((x) => [x.externalId, x.customer.country, x.customer.businessType, x.customer.source]),
    ).toEqual([
      ['0015g00000XyZ1AAA', 'CL', 'end_user', 'website_inquiry'],
      ['0015g00000XyZ2AAA', 'NG', 'wholesaler', 'referral'],
    ])
  })
})

describe('XLSX', () => {
  it('reads date cells, serial dates, rich text, links and formula results of the chosen sheet', async () => {
    const first = await readTable(fixture('orders.xlsx'), 'orders.xlsx')
    expect(first.sheets).toEqual(['Notes', 'Orders'])
    expect(first.headers).toEqual(['This sheet is not the orders'])
    const r = await load('orders.xlsx', 'orders', 1)
    expect(r.table.format).toBe('xlsx')
    expect(r.table.lines).toEqual([2, 3, 4, 5, 7])
    expect(r.table.rows[0]).toEqual([
      'Nordic Lights AB',
      { date: '2024-02-29' },
      15000,
      'EUR',
      'paid',
      'NL-1',
    ])
    expect(r.table.rows[1]![1]).toEqual({ date: '2024-06-30' })
    expect(r.table.rows[2]).toEqual([
      'Sunrise Solar Pty',
      { date: '2025-01-31' },
      1234.5,
      'AUD',
      'confirmed',
      'SS-9',
    ])
    // A formula typed as text stays text, never evaluated.
    expect(r.table.rows[4]![2]).toBe('=1+1')
    const recs = r.records as OrderImportRecord[]
    expect(recs.map((x) => [x.line, x.order.date, x.order.amount])).toEqual([
      [2, '2024-02-29', 15000],
      [3, '2024-06-30', 2500.5],
      [4, '2025-01-31', 1234.5],
    ])
    expect(brief(r.issues)).toEqual(['5 Order date invalid_date', '7 Amount invalid_number'])
  })

  it('reports an unreadable workbook instead of throwing', async () => {
    const t = await readTable(Buffer.from('PK\u0003\u0004garbage'), 'broken.xlsx')
    expect(t.problems.map((p) => p.code)).toEqual(['unreadable_xlsx'])
  })

  it('asks for an old .xls to be saved again rather than reading it as text', async () => {
    const t = await readTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls')
    expect(t.problems.map((p) => p.code)).toEqual(['unreadable_xlsx'])
    expect(t.rows).toEqual([])
  })
})

describe('a hostile file', () => {
  it('keeps formula and SQL text verbatim, refuses bad cells, a huge cell and an unbalanced quote', async () => {
    const r = await load('hostile.csv', 'customers')
    expect(brief(r.table.problems)).toEqual(['6 Notes cell_too_long', '10 null unbalanced_quote'])
    const recs = r.records as CustomerImportRecord[]
    expect(recs.map((x) => x.customer.displayName)).toEqual([
      '=HYPERLINK("http://x","y")',
      "+cmd|' /C calc'!A0",
      '@SUM(1)',
      "Robert'); DROP TABLE customers;--",
    ])
    expect(recs[2]!.customer.notes).toBe("'); DROP TABLE customers;--")
    expect(brief(r.issues)).toEqual([
      '7 Country invalid_country',
      '8 Email invalid_email',
      '9 Website invalid_url',
    ])
    // The rows the table refused give no record.
    expect(recs.some((x) => x.line === 6 || x.line === 10)).toBe(false)
  })

  it('refuses rows wider than 200 columns', async () => {
    const wide = `a,b\r\n1,2\r\n${Array.from({ length: 250 }, (_, i) => i).join(',')}\r\n`
    const t = await readTable(Buffer.from(wide), 'w.csv')
    expect(brief(t.problems)).toEqual(['3 null too_many_columns'])
    expect(t.rows[1]!.length).toBe(200)
  })
})

describe('CSV shapes', () => {
  it('keeps quoted newlines, counts file lines, drops blank and trailing lines', async () => {
    const t = await readTable(Buffer.from('Name,Notes\r\n"A","x\r\ny"\r\n   ,  \r\nB,z\r\n\r\n\r\n'), 'a.csv')
    expect(t.rows).toEqual([
      ['A', 'x\r\ny'],
      ['B', 'z'],
    ])
    expect(t.lines).toEqual([2, 5])
  })

  it('detects tab and ; and reports an empty file', async () => {
    expect((await readTable(Buffer.from('a\tb\n1\t2\n'), 't.txt')).separator).toBe('\t')
    expect((await readTable(Buffer.from('Nom;Pays;Montant\nX;FR;"1,5"\n'), 't.csv')).separator).toBe(';')
    expect((await readTable(Buffer.from('  \n\n'), 'e.csv')).problems.map((p) => p.code)).toEqual([
      'empty_file',
    ])
  })
})

describe('orders: currencies and rates', () => {
  const table = async (csv: string) => readTable(Buffer.from(csv), 'o.csv')
  it('turns symbols into codes, reads a USD amount as the rate, and a lone USD amount as USD', async () => {
    const t = await table(
      [
        'Customer,Date,Amount,Currency,Status,Amount USD,USD rate',
        'A,2024-01-05,100,€,paid,,',
        'A,2024-01-06,1000,¥,paid,140,',
        'A,2024-01-07,1000,RMB,paid,,0.14',
        'A,2024-01-08,500,,paid,500,',
        'A,2024-01-09,"€ 1 200,00",,paid,,',
        'A,2024-01-10,100,XYZ,paid,,',
      ].join('\n'),
    )
    const r = convertRows('orders', t, detectMapping('orders', t.headers).mapping, {})
    const recs = r.records as OrderImportRecord[]
    expect(recs.map((x) => [x.order.currency, x.order.amount, x.usdRate])).toEqual([
      ['EUR', 100, null],
      ['CNY', 1000, 0.14],
      ['CNY', 1000, 0.14],
      ['USD', 500, 1],
      ['EUR', 1200, null],
    ])
    expect(brief(r.issues)).toEqual(['7 Currency invalid_choice'])
  })

  it('asks about the date order when every day is ≤ 12, and follows the user', async () => {
    const t = await table('Customer,Date,Amount,Currency,Status\nA,03/04/2024,1,EUR,paid\n')
    const m = detectMapping('orders', t.headers).mapping
    const guess = convertRows('orders', t, m, {})
    expect([guess.dateOrder, guess.dateOrderAmbiguous]).toEqual(['dmy', true])
    expect((guess.records[0] as OrderImportRecord).order.date).toBe('2024-04-03')
    const told = convertRows('orders', t, m, { dateOrder: 'mdy' })
    expect([told.dateOrder, told.dateOrderAmbiguous]).toEqual(['mdy', false])
    expect((told.records[0] as OrderImportRecord).order.date).toBe('2024-03-04')
  })

  it('refuses returns above the amount, a zero paid order, and reports a missing required column', async () => {
    const t = await table(
      'Customer,Date,Amount,Currency,Status,Returned\nA,2024-01-01,100,EUR,paid,200\nA,2024-01-01,0,EUR,paid,\n',
    )
    const r = convertRows('orders', t, detectMapping('orders', t.headers).mapping, {})
    expect(brief(r.issues)).toEqual(['2 Returned returned_exceeds_amount', '3 Amount zero_amount'])
    const noStatus = convertRows('orders', t, { customerName: 0, date: 1, amount: 2, currency: 3 }, {})
    expect(noStatus.issues[0]).toEqual({ line: 2, column: null, code: 'required', value: 'status' })
  })
})

describe('customers: contacts', () => {
  it('joins first and last names, puts mobile and phone together, reads birthdays with or without year', async () => {
    const t = await readTable(
      Buffer.from(
        'Account Name,First Name,Last Name,Email,Phone,Mobile,Date of Birth,Mailing Country,Title\n' +
          'Acme,Jane,Doe,JANE@ACME.COM,+1 212 555 0100,+1 917 555 0199,1980-03-15,US,CEO\n' +
          'Acme,John,Roe,,,,29/02,US,\n' +
          'Acme,Ann,Poe,,,,31/02,US,\n',
      ),
      'c.csv',
    )
    const d = detectMapping('customers', t.headers)
    expect(d.preset).toBe('zoho_contacts')
    const r = convertRows('customers', t, d.mapping, {})
    const recs = r.records as CustomerImportRecord[]
    expect(recs[0]!.contact).toMatchObject({
      name: 'Jane Doe',
      title: 'CEO',
      emails: ['jane@acme.com'],
      phones: ['+1 212 555 0100', '+1 917 555 0199'],
      birthdayYear: 1980,
      birthdayMonth: 3,
      birthdayDay: 15,
    })
    expect(recs[1]!.contact).toMatchObject({
      name: 'John Roe',
      birthdayMonth: 2,
      birthdayDay: 29,
      birthdayYear: null,
    })
    expect(brief(r.issues)).toEqual(['4 Date of Birth invalid_date'])
  })
})

describe('interactions', () => {
  it('reads kinds in three languages and refuses unknown kinds, empty summaries and rows without a customer', async () => {
    const t = await readTable(
      Buffer.from(
        [
          '客户名称,日期,类型,内容,下一步,联系人',
          'Acme,2024-05-02,拜访,看样品,寄报价,Jane',
          'Acme,2024-05-03,Appel,Relance devis,,',
          'Acme,2024-05-04,telepathy,?,,',
          'Acme,2024-05-05,call,,,',
          ',2024-05-06,call,x,,',
        ].join('\n'),
      ),
      'i.csv',
    )
    const d = detectMapping('interactions', t.headers)
    expect(d.preset).toBe('chinese')
    const r = convertRows('interactions', t, d.mapping, {})
    expect(r.records).toEqual([
      {
        kind: 'interactions',
        line: 2,
        customerRef: { externalId: null, name: 'Acme' },
        interaction: {
          kind: 'visit',
          date: '2024-05-02',
          contactId: null,
          summary: '看样品',
          outcome: null,
          nextStep: '寄报价',
        },
        contactName: 'Jane',
      },
      {
        kind: 'interactions',
        line: 3,
        customerRef: { externalId: null, name: 'Acme' },
        interaction: {
          kind: 'call',
          date: '2024-05-03',
          contactId: null,
          summary: 'Relance devis',
          outcome: null,
          nextStep: null,
        },
        contactName: null,
      },
    ])
    expect(brief(r.issues)).toEqual([
      '4 类型 invalid_choice',
      '5 内容 required',
      '6 客户名称 missing_customer_ref',
    ])
  })
})

describe('records are what the schemas accept', () => {
  it('orders (checked by hand for speed) parse unchanged through orderInputSchema', async () => {
    for (const [name, sheet] of [
      ['gbk-orders.csv', undefined],
      ['cp1252-orders.csv', undefined],
      ['orders.xlsx', 1],
    ] as const) {
      const r = await load(name, 'orders', sheet)
      expect(r.records.length).toBeGreaterThan(0)
      for (const rec of r.records as OrderImportRecord[])
        expect(orderInputSchema.parse(rec.order)).toEqual(rec.order)
    }
  })

  it('interactions parse unchanged through interactionInputSchema', async () => {
    const t = await readTable(Buffer.from('Customer,Date,Type,Summary\nA,2024-01-02,Email,Hello\n'), 'i.csv')
    const r = convertRows('interactions', t, detectMapping('interactions', t.headers).mapping, {})
    const rec = r.records[0] as Extract<(typeof r.records)[number], { kind: 'interactions' }>
    expect(interactionInputSchema.parse(rec.interaction)).toEqual(rec.interaction)
  })
})
