// One cell read as a field's value (numbers, dates, statuses, countries, kinds, choices, lists),
// and the presets recognised from header sets.
import { describe, it, expect } from 'vitest'
import {
  decideDateOrder,
  decideDecimal,
  parseChoice,
  parseCountry,
  parseDate,
  parseIndustry,
  parseInteractionKind,
  parseNumber,
  parseStatus,
  splitList,
} from '../../electron/main/features/import/values'
import { detectMapping } from '../../electron/main/features/import/presets'
import { translations } from '../../shared/i18n/resources'

describe('numbers', () => {
  it.each([
    ['1 200 000,00', 1200000],
    ['1.200.000,00', 1200000],
    ["1'200'000.50", 1200000.5],
    ['1’200’000.50', 1200000.5],
    ['120,000.50', 120000.5],
    ['1\u00a0200\u00a0000,00', 1200000],
    ['1\u202f200,75', 1200.75],
    ['€ 1 200,00', 1200],
    ['1 200,00 €', 1200],
    ['1,200.00 USD', 1200],
    ['USD 1,200.00', 1200],
    ['US$12.5', 12.5],
    ['¥12,000.00', 12000],
    ['12,5', 12.5],
    ['0,500', 0.5],
    ['(1,200.00)', -1200],
    ['-3,5', -3.5],
    ['1.2E+05', 120000],
    ['42', 42],
    [1234.5, 1234.5],
  ])('%j → %d', (text, value) => {
    expect(parseNumber(text)).toBe(value)
  })

  it('answers null for empty and invalid for what is not a number', () => {
    expect(parseNumber(null)).toBeNull()
    expect(parseNumber('   ')).toBeNull()
    for (const bad of ['abc', '12 kg', '1,2,3.4.5', '€', '--1', '1.200,000.5', { date: '2024-01-01' }])
      expect(parseNumber(bad)).toBe('invalid')
  })

  it('reads 1.000 and 1,000 from the column, invalid alone', () => {
    expect(parseNumber('1.000')).toBe('invalid')
    expect(parseNumber('1,000')).toBe('invalid')
    expect(parseNumber('1.000', ',')).toBe(1000)
    expect(parseNumber('1,000', '.')).toBe(1000)
    expect(parseNumber('1,000', ',')).toBe(1)
    // A column that writes 3,5 has a decimal comma, so its 1.000 is a thousand.
    expect(decideDecimal(['3,5', '1.000'])).toBe(',')
    expect(decideDecimal(['3.5', '1,000'])).toBe('.')
    // Nothing says: a mark before three digits reads as thousands.
    expect(decideDecimal(['1,000', '2,000'])).toBe('.')
    expect(decideDecimal(['1.000', '2.000'])).toBe(',')
  })
})

describe('dates', () => {
  it('decides the order from the whole column', () => {
    expect(decideDateOrder(['01/02/2024', '13/02/2024'])).toEqual({ order: 'dmy', ambiguous: false })
    expect(decideDateOrder(['01/02/2024', '02/13/2024'])).toEqual({ order: 'mdy', ambiguous: false })
    expect(decideDateOrder(['01/02/2024', '03/04/2024'])).toEqual({ order: 'dmy', ambiguous: true })
    expect(decideDateOrder(['2024-02-01', { date: '2024-01-01' }])).toEqual({
      order: 'ymd',
      ambiguous: false,
    })
    expect(decideDateOrder([null, 'n/a'])).toEqual({ order: null, ambiguous: false })
  })

  it.each([
    ['29/02/2024', 'dmy', '2024-02-29'],
    ['02/29/2024', 'mdy', '2024-02-29'],
    ['29.02.2024', 'dmy', '2024-02-29'],
    ['29-02-2024', 'dmy', '2024-02-29'],
    ['5/3/24', 'dmy', '2024-03-05'],
    ['5/3/98', 'dmy', '1998-03-05'],
    ['2024-03-05', 'dmy', '2024-03-05'],
    ['2024/03/05', 'mdy', '2024-03-05'],
    ['2024-03-05T14:30:00Z', 'dmy', '2024-03-05'],
    ['2024-03-05 14:30', 'dmy', '2024-03-05'],
    ['05/03/2024 14:30', 'dmy', '2024-03-05'],
    ['2024年3月5日', 'dmy', '2024-03-05'],
    ['45292', 'dmy', '2024-01-01'],
  ] as const)('%s (%s) → %s', (text, order, iso) => {
    expect(parseDate(text, order)).toBe(iso)
  })

  it('reads date cells and serial numbers, refuses impossible days', () => {
    expect(parseDate({ date: '2024-01-31' }, 'dmy')).toBe('2024-01-31')
    expect(parseDate(45292, 'dmy')).toBe('2024-01-01')
    expect(parseDate(null, 'dmy')).toBeNull()
    for (const bad of ['29/02/2023', '31/04/2024', '13/13/2024', '2024-02-30', 'demain', '1/2', 12, 99999])
      expect(parseDate(bad, 'dmy')).toBe('invalid')
    expect(parseDate('29/02/1900', 'dmy')).toBe('invalid')
    expect(parseDate('29/02/2000', 'dmy')).toBe('2000-02-29')
  })
})

describe('words', () => {
  it.each([
    ['Payée', 'paid'],
    ['payé', 'paid'],
    ['RÉGLÉE', 'paid'],
    ['expédiée', 'shipped'],
    ['Livrée', 'shipped'],
    ['confirmée', 'confirmed'],
    ['Commandée', 'confirmed'],
    ['devis', 'quoted'],
    ['Annulée', 'cancelled'],
    ['paid', 'paid'],
    ['Shipped', 'shipped'],
    ['delivered', 'shipped'],
    ['CONFIRMED', 'confirmed'],
    ['quote', 'quoted'],
    ['quoted', 'quoted'],
    ['cancelled', 'cancelled'],
    ['canceled', 'cancelled'],
    ['已付款', 'paid'],
    ['已付', 'paid'],
    ['已收款', 'paid'],
    ['已发货', 'shipped'],
    ['已出货', 'shipped'],
    ['已确认', 'confirmed'],
    ['确认', 'confirmed'],
    ['报价', 'quoted'],
    ['报价中', 'quoted'],
    ['已取消', 'cancelled'],
    ['取消', 'cancelled'],
  ])('status %s → %s', (text, status) => {
    expect(parseStatus(text)).toBe(status)
  })

  it('refuses an unknown status', () => {
    expect(parseStatus('perdue')).toBe('invalid')
    expect(parseStatus('')).toBe('invalid')
  })

  it.each([
    ['中国', 'CN'],
    ['中国大陆', 'CN'],
    ['CHN', 'CN'],
    ['cn', 'CN'],
    ['USA', 'US'],
    ['United States', 'US'],
    ['États-Unis', 'US'],
    ['Etats Unis', 'US'],
    ['美国', 'US'],
    ['UK', 'GB'],
    ['Great Britain', 'GB'],
    ['Royaume-Uni', 'GB'],
    ['英国', 'GB'],
    ['UAE', 'AE'],
    ['阿联酋', 'AE'],
    ['Hong Kong', 'HK'],
    ['香港', 'HK'],
    ['Taiwan', 'TW'],
    ['台湾', 'TW'],
    ["Côte d'Ivoire", 'CI'],
    ['cote d’ivoire', 'CI'],
    ['Allemagne', 'DE'],
    ['germany', 'DE'],
    ['德国', 'DE'],
    ['Brésil', 'BR'],
  ])('country %s → %s', (text, code) => {
    expect(parseCountry(text)).toBe(code)
  })

  it('refuses an unknown country', () => {
    for (const bad of ['Atlantis', '火星', 'XX', 'ZZZ', '']) expect(parseCountry(bad)).toBe('invalid')
  })

  it('reads interaction kinds in three languages, including every label the app shows', () => {
    for (const [text, kind] of [
      ['Appel', 'call'],
      ['phone call', 'call'],
      ['电话', 'call'],
      ['E-mail', 'email'],
      ['courriel', 'email'],
      ['Réunion', 'meeting'],
      ['visite', 'visit'],
      ['拜访', 'visit'],
      ['Salon', 'trade_fair'],
      ['展会', 'trade_fair'],
      ['WeChat', 'message'],
      ['Devis envoyé', 'quote_sent'],
      ['寄样', 'sample_sent'],
    ])
      expect(parseInteractionKind(text!)).toBe(kind)
    for (const lang of ['zh', 'fr', 'en'] as const) {
      const labels = (translations[lang].enum as Record<string, Record<string, string>>).interaction!
      for (const [code, label] of Object.entries(labels)) expect(parseInteractionKind(label)).toBe(code)
    }
    expect(parseInteractionKind('telepathy')).toBe('invalid')
  })

  it('reads choices from codes, labels and common words', () => {
    expect(parseChoice('currency', '€')).toBe('EUR')
    expect(parseChoice('currency', 'RMB')).toBe('CNY')
    expect(parseChoice('currency', '人民币')).toBe('CNY')
    expect(parseChoice('currency', 'usd')).toBe('USD')
    expect(parseChoice('currency', 'Doubloons')).toBe('invalid')
    expect(parseChoice('businessType', 'Grossiste')).toBe('wholesaler')
    expect(parseChoice('businessType', '进口商')).toBe('importer')
    expect(parseChoice('businessType', 'distributor')).toBe('distributor')
    expect(parseChoice('source', '展会')).toBe('trade_fair')
    expect(parseChoice('source', 'Website inquiry')).toBe('website_inquiry')
    expect(parseChoice('sizeBand', 'Petite')).toBe('small')
    expect(parseChoice('preferredLanguage', 'Anglais')).toBe('en')
    expect(parseChoice('preferredLanguage', 'english')).toBe('en')
    expect(parseChoice('preferredLanguage', '中文')).toBe('zh')
  })

  it('maps known industries to their code and keeps other text', () => {
    expect(parseIndustry('Électronique')).toBe('electronics')
    expect(parseIndustry('electronics')).toBe('electronics')
    expect(parseIndustry(' Solar energy ')).toBe('solar_energy')
    expect(parseIndustry('Aerospace')).toBe('Aerospace')
  })

  it('splits lists on every separator, trimmed and without repeats', () => {
    expect(splitList('VIP;Canton Fair 2025')).toEqual(['VIP', 'Canton Fair 2025'])
    expect(splitList(' a ，b；c、d | e,vip ; VIP ;;')).toEqual(['a', 'b', 'c', 'd', 'e', 'vip'])
    expect(splitList('')).toEqual([])
  })
})

describe('presets', () => {
  it.each([
    [
      'customers',
      ['Account Name', 'Account Owner', 'Record Id', 'Billing Country', 'Lead Source'],
      'zoho_accounts',
    ],
    [
      'customers',
      ['Record Id', 'First Name', 'Last Name', 'Email', 'Account Name', 'Mailing Country'],
      'zoho_contacts',
    ],
    [
      'customers',
      ['Record ID', 'Company name', 'Company owner', 'Country/Region', 'Website URL'],
      'hubspot_companies',
    ],
    [
      'customers',
      ['Record ID', 'First Name', 'Last Name', 'Email', 'Job Title', 'Mobile Phone Number'],
      'hubspot_contacts',
    ],
    [
      'customers',
      ['Account ID', 'Account Name', 'Account Owner', 'Type', 'Billing Country', 'Account Source'],
      'salesforce_accounts',
    ],
    [
      'customers',
      ['客户名称', '国家', '行业', '联系人', '邮箱', '电话', '网站', '负责人', '来源'],
      'chinese',
    ],
    ['customers', ['Client', 'Pays', 'Ville', 'Secteur', 'E-mail', 'Téléphone'], 'french'],
    ['orders', ['客户名称', '订单日期', '金额', '币种', '状态', '订单号'], 'chinese'],
    ['orders', ['Client', 'Date de commande', 'Montant', 'Devise', 'Statut', 'Référence'], 'french'],
    ['interactions', ['客户名称', '日期', '类型', '内容'], 'chinese'],
  ] as const)('%s %j → %s', (kind, headers, preset) => {
    expect(detectMapping(kind, headers).preset).toBe(preset)
  })

  it('recognises TradeTier’s own export headers in each language', () => {
    for (const lang of ['zh', 'fr', 'en'] as const) {
      const f = translations[lang].fields as Record<string, string>
      const headers = [f.customerName!, f.country!, f.city!, f.industry!, f.owner!, f.email!]
      const { preset, mapping } = detectMapping('customers', headers)
      expect(preset).toBe('tradetier')
      expect(mapping).toMatchObject({
        displayName: 0,
        country: 1,
        city: 2,
        industry: 3,
        owner: 4,
        contactEmail: 5,
      })
    }
  })

  it('matches the other columns by words, case, accents and spaces aside, never two columns to one field', () => {
    const { preset, mapping } = detectMapping('customers', [
      ' raison  SOCIALE ',
      'pays',
      'Ville',
      'Country',
      'First Name',
      'Last Name',
      'Unrelated',
    ])
    // French words, which TradeTier's French export shares.
    expect(['french', 'tradetier']).toContain(preset)
    expect(mapping).toEqual({ displayName: 0, country: 1, city: 2, contactFirstName: 4, contactLastName: 5 })
  })
})
