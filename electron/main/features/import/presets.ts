// Which field each column of a file fills, recognised from its headers: the exports of the CRMs a
// team leaves (Zoho, HubSpot, Salesforce), the Chinese and French headers of home-made Excel
// books, and TradeTier's own exports in its three languages. The preset whose headers match best
// names the file; every other column is matched word by word (case, accents and spaces aside).
import type { BuiltinPreset, ImportKind, Mapping } from '../../../../shared/import'
import { BUILTIN_PRESETS, IMPORT_FIELDS } from '../../../../shared/import'
import { UI_LANGUAGES } from '../../../../shared/vocabulary'
import { translations } from '../../../../shared/i18n/resources'
import { fold } from './values'

type Table = Record<string, string>
type PresetTables = Partial<Record<ImportKind, Table>>

const ZOHO_ACCOUNTS: Table = {
  'Record Id': 'externalId',
  'Account Number': 'externalId',
  'Account Name': 'displayName',
  'Account Owner': 'owner',
  'Account Type': 'businessType',
  Industry: 'industry',
  Website: 'website',
  Phone: 'contactPhone',
  'Billing Country': 'country',
  'Billing City': 'city',
  'Billing Street': 'address',
  'Lead Source': 'source',
  Employees: 'sizeBand',
  Tag: 'tags',
  Description: 'notes',
}
const ZOHO_CONTACTS: Table = {
  'Record Id': 'externalId',
  'Account Name': 'displayName',
  'Contact Owner': 'owner',
  'First Name': 'contactFirstName',
  'Last Name': 'contactLastName',
  Title: 'contactTitle',
  Email: 'contactEmail',
  Phone: 'contactPhone',
  Mobile: 'contactMobile',
  'Date of Birth': 'contactBirthday',
  'Mailing Country': 'country',
  'Mailing City': 'city',
  'Mailing Street': 'address',
  'Lead Source': 'source',
  Tag: 'tags',
  Description: 'notes',
}
const HUBSPOT_COMPANIES: Table = {
  'Record ID': 'externalId',
  'Company name': 'displayName',
  'Company owner': 'owner',
  'Country/Region': 'country',
  City: 'city',
  'Street Address': 'address',
  Industry: 'industry',
  'Website URL': 'website',
  'Company Domain Name': 'website',
  'Phone Number': 'contactPhone',
  Type: 'businessType',
  'Number of Employees': 'sizeBand',
  'Original Source': 'source',
  Description: 'notes',
}
const HUBSPOT_CONTACTS: Table = {
  'Record ID': 'externalId',
  'Associated Company': 'displayName',
  'Company Name': 'displayName',
  'Contact owner': 'owner',
  'First Name': 'contactFirstName',
  'Last Name': 'contactLastName',
  'Job Title': 'contactTitle',
  Email: 'contactEmail',
  'Phone Number': 'contactPhone',
  'Mobile Phone Number': 'contactMobile',
  'Country/Region': 'country',
  City: 'city',
  'Street Address': 'address',
  'Preferred language': 'contactLanguage',
  'Original Source': 'source',
  'Date of birth': 'contactBirthday',
}
const SALESFORCE_ACCOUNTS: Table = {
  'Account ID': 'externalId',
  'Account Number': 'externalId',
  'Account Name': 'displayName',
  'Account Owner': 'owner',
  Type: 'businessType',
  Industry: 'industry',
  Website: 'website',
  Phone: 'contactPhone',
  'Billing Country': 'country',
  'Billing City': 'city',
  'Billing Street': 'address',
  'Account Source': 'source',
  Employees: 'sizeBand',
  Description: 'notes',
}
const CHINESE: PresetTables = {
  customers: {
    客户编号: 'externalId',
    客户名称: 'displayName',
    公司名称: 'displayName',
    客户: 'displayName',
    英文名称: 'latinName',
    国家: 'country',
    国家地区: 'country',
    '国家/地区': 'country',
    城市: 'city',
    地址: 'address',
    网站: 'website',
    公司网站: 'website',
    客户类型: 'businessType',
    行业: 'industry',
    公司规模: 'sizeBand',
    主营产品: 'productCategories',
    产品类别: 'productCategories',
    来源: 'source',
    客户来源: 'source',
    负责人: 'owner',
    销售: 'owner',
    业务员: 'owner',
    语言: 'preferredLanguage',
    币种: 'currency',
    标签: 'tags',
    备注: 'notes',
    联系人: 'contactName',
    职位: 'contactTitle',
    邮箱: 'contactEmail',
    电子邮件: 'contactEmail',
    电话: 'contactPhone',
    手机: 'contactMobile',
    生日: 'contactBirthday',
  },
  orders: {
    客户编号: 'customerExternalId',
    客户名称: 'customerName',
    公司名称: 'customerName',
    客户: 'customerName',
    订单日期: 'date',
    下单日期: 'date',
    日期: 'date',
    金额: 'amount',
    订单金额: 'amount',
    币种: 'currency',
    货币: 'currency',
    状态: 'status',
    订单状态: 'status',
    退货金额: 'returned',
    退款金额: 'returned',
    美元金额: 'amountUsd',
    汇率: 'usdRate',
    产品类别: 'productCategories',
    订单号: 'reference',
    订单编号: 'reference',
    备注: 'notes',
  },
  interactions: {
    客户编号: 'customerExternalId',
    客户名称: 'customerName',
    公司名称: 'customerName',
    客户: 'customerName',
    日期: 'date',
    跟进日期: 'date',
    类型: 'kind',
    跟进方式: 'kind',
    内容: 'summary',
    跟进内容: 'summary',
    摘要: 'summary',
    下一步: 'nextStep',
    联系人: 'contactName',
  },
}
const FRENCH: PresetTables = {
  customers: {
    'N° client': 'externalId',
    'Code client': 'externalId',
    Client: 'displayName',
    'Raison sociale': 'displayName',
    Société: 'displayName',
    Pays: 'country',
    Ville: 'city',
    Adresse: 'address',
    'Site web': 'website',
    'Type de client': 'businessType',
    Secteur: 'industry',
    "Secteur d'activité": 'industry',
    Taille: 'sizeBand',
    Produits: 'productCategories',
    Source: 'source',
    Origine: 'source',
    Responsable: 'owner',
    Commercial: 'owner',
    Langue: 'preferredLanguage',
    Devise: 'currency',
    Étiquettes: 'tags',
    Tags: 'tags',
    Notes: 'notes',
    Remarques: 'notes',
    Contact: 'contactName',
    Fonction: 'contactTitle',
    'E-mail': 'contactEmail',
    Courriel: 'contactEmail',
    Téléphone: 'contactPhone',
    Portable: 'contactMobile',
    Mobile: 'contactMobile',
    Anniversaire: 'contactBirthday',
  },
  orders: {
    'N° client': 'customerExternalId',
    'Code client': 'customerExternalId',
    Client: 'customerName',
    'Raison sociale': 'customerName',
    'Date de commande': 'date',
    Date: 'date',
    Montant: 'amount',
    'Montant HT': 'amount',
    Devise: 'currency',
    Statut: 'status',
    'Montant retourné': 'returned',
    Avoir: 'returned',
    'Montant USD': 'amountUsd',
    'Taux USD': 'usdRate',
    Produits: 'productCategories',
    Référence: 'reference',
    'N° de commande': 'reference',
    Notes: 'notes',
  },
  interactions: {
    'N° client': 'customerExternalId',
    Client: 'customerName',
    'Raison sociale': 'customerName',
    Date: 'date',
    Type: 'kind',
    Résumé: 'summary',
    Compte_rendu: 'summary',
    'Compte rendu': 'summary',
    'Prochaine étape': 'nextStep',
    Contact: 'contactName',
  },
}

/** The headers of TradeTier's own exports: the window's field labels, in each UI language. */
function tradetierTables(): PresetTables {
  const keys: Record<ImportKind, Record<string, string>> = {
    customers: {
      'fields.customerName': 'displayName',
      'fields.displayName': 'displayName',
      'fields.originalName': 'originalName',
      'fields.latinName': 'latinName',
      'fields.country': 'country',
      'fields.city': 'city',
      'fields.address': 'address',
      'fields.website': 'website',
      'fields.industry': 'industry',
      'fields.businessType': 'businessType',
      'fields.sizeBand': 'sizeBand',
      'fields.productCategories': 'productCategories',
      'fields.source': 'source',
      'fields.sourceDetail': 'sourceDetail',
      'fields.owner': 'owner',
      'fields.preferredLanguage': 'preferredLanguage',
      'fields.currency': 'currency',
      'fields.tags': 'tags',
      'fields.notes': 'notes',
      'fields.primaryContact': 'contactName',
      'fields.email': 'contactEmail',
      'fields.phone': 'contactPhone',
    },
    orders: {
      'fields.customerName': 'customerName',
      'fields.date': 'date',
      'fields.amount': 'amount',
      'fields.currency': 'currency',
      'fields.status': 'status',
      'fields.returned': 'returned',
      'fields.usdPerUnit': 'usdRate',
      'fields.productCategories': 'productCategories',
      'fields.reference': 'reference',
      'fields.notes': 'notes',
    },
    interactions: {
      'fields.customerName': 'customerName',
      'fields.date': 'date',
      'fields.kind': 'kind',
      'fields.summary': 'summary',
      'fields.nextStep': 'nextStep',
      'fields.contact': 'contactName',
    },
  }
  const out: PresetTables = {}
  for (const kind of Object.keys(keys) as ImportKind[]) {
    const table: Table = {}
    for (const lang of UI_LANGUAGES) {
      for (const [key, field] of Object.entries(keys[kind])) {
        const label = lookup(translations[lang], key)
        if (label && !(label in table)) table[label] = field
      }
    }
    out[kind] = table
  }
  return out
}

function lookup(tree: unknown, key: string): string | undefined {
  let node = tree
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** Header text → field, per built-in preset and kind. */
export const PRESET_HEADERS: Record<BuiltinPreset, PresetTables> = {
  zoho_accounts: { customers: ZOHO_ACCOUNTS },
  zoho_contacts: { customers: ZOHO_CONTACTS },
  hubspot_companies: { customers: HUBSPOT_COMPANIES },
  hubspot_contacts: { customers: HUBSPOT_CONTACTS },
  salesforce_accounts: { customers: SALESFORCE_ACCOUNTS },
  chinese: CHINESE,
  french: FRENCH,
  tradetier: tradetierTables(),
}

/** English words any home-made sheet may use, beyond the presets' headers. */
const GENERIC: Record<ImportKind, Table> = {
  customers: {
    id: 'externalId',
    'external id': 'externalId',
    'customer id': 'externalId',
    'customer number': 'externalId',
    customer: 'displayName',
    'customer name': 'displayName',
    company: 'displayName',
    'company name': 'displayName',
    name: 'displayName',
    country: 'country',
    city: 'city',
    address: 'address',
    website: 'website',
    url: 'website',
    'business type': 'businessType',
    industry: 'industry',
    sector: 'industry',
    size: 'sizeBand',
    products: 'productCategories',
    'product categories': 'productCategories',
    source: 'source',
    owner: 'owner',
    'sales rep': 'owner',
    language: 'preferredLanguage',
    currency: 'currency',
    tags: 'tags',
    notes: 'notes',
    contact: 'contactName',
    'contact name': 'contactName',
    title: 'contactTitle',
    position: 'contactTitle',
    email: 'contactEmail',
    'e mail': 'contactEmail',
    phone: 'contactPhone',
    mobile: 'contactMobile',
    birthday: 'contactBirthday',
    'first name': 'contactFirstName',
    'last name': 'contactLastName',
  },
  orders: {
    'customer id': 'customerExternalId',
    'customer number': 'customerExternalId',
    'external id': 'customerExternalId',
    customer: 'customerName',
    'customer name': 'customerName',
    company: 'customerName',
    date: 'date',
    'order date': 'date',
    amount: 'amount',
    total: 'amount',
    currency: 'currency',
    status: 'status',
    returned: 'returned',
    refund: 'returned',
    'amount usd': 'amountUsd',
    'usd amount': 'amountUsd',
    'usd rate': 'usdRate',
    rate: 'usdRate',
    products: 'productCategories',
    reference: 'reference',
    'order number': 'reference',
    'order no': 'reference',
    notes: 'notes',
  },
  interactions: {
    'customer id': 'customerExternalId',
    customer: 'customerName',
    'customer name': 'customerName',
    company: 'customerName',
    date: 'date',
    kind: 'kind',
    type: 'kind',
    summary: 'summary',
    notes: 'summary',
    'next step': 'nextStep',
    contact: 'contactName',
  },
}

const folded = new Map<string, Map<string, string>>()

/** A table with its headers folded, built once. */
function foldedTable(id: string, table: Table): Map<string, string> {
  let m = folded.get(id)
  if (!m) {
    m = new Map()
    for (const [h, f] of Object.entries(table)) {
      const k = foldHeader(h)
      if (!m.has(k)) m.set(k, f)
    }
    folded.set(id, m)
  }
  return m
}

const foldHeader = (h: string) => fold(h).replace(/\s+/g, '')

/**
 * The preset whose headers match the file best (at least two headers, most matches), and a
 * mapping of every column it or the common words recognise. Never two columns for one field:
 * the first column wins.
 */
export function detectMapping(
  kind: ImportKind,
  headers: readonly string[],
): { preset: BuiltinPreset | null; mapping: Mapping } {
  const keys = headers.map(foldHeader)
  let preset: BuiltinPreset | null = null
  let best = 1
  for (const p of BUILTIN_PRESETS) {
    const table = PRESET_HEADERS[p][kind]
    if (!table) continue
    const m = foldedTable(`${p}:${kind}`, table)
    // Exact header texts count most: Zoho and Salesforce share "Account Name".
    let score = 0
    for (let i = 0; i < headers.length; i++) {
      if (headers[i]! in table) score += 1.01
      else if (m.has(keys[i]!)) score += 1
    }
    // TradeTier's own export ties with the Chinese or French sheet whose words it shares: it wins.
    if (score > best || (score === best && p === 'tradetier')) {
      best = score
      preset = p
    }
  }
  const valid = new Set<string>(IMPORT_FIELDS[kind])
  const sources: Map<string, string>[] = []
  if (preset) sources.push(foldedTable(`${preset}:${kind}`, PRESET_HEADERS[preset][kind]!))
  for (const p of BUILTIN_PRESETS) {
    const table = PRESET_HEADERS[p][kind]
    if (table && p !== preset) sources.push(foldedTable(`${p}:${kind}`, table))
  }
  sources.push(foldedTable(`generic:${kind}`, GENERIC[kind]))
  const mapping: Mapping = {}
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!
    if (k === '') continue
    for (const source of sources) {
      const field = source.get(k)
      if (field === undefined) continue
      // The first table that knows the header decides; a field already taken leaves it unmapped.
      if (valid.has(field) && !(field in mapping)) mapping[field] = i
      break
    }
  }
  return { preset, mapping }
}
