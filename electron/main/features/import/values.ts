// Reading one cell as the value a field stores: numbers as accountants in Paris, Zurich, Shanghai
// and New York write them, dates in either day order (decided from the whole column, since
// 03/04 alone says nothing), and the words people use for a status, a country, a kind of
// interaction or a choice, in Chinese, French or English. Every function answers null for an
// empty cell and 'invalid' for one it cannot read; none throws.
import countries from 'i18n-iso-countries'
import enCountries from 'i18n-iso-countries/langs/en.json'
import frCountries from 'i18n-iso-countries/langs/fr.json'
import zhCountries from 'i18n-iso-countries/langs/zh.json'
import type { DateOrder } from '../../../../shared/import'
import type { OrderStatus } from '../../../../shared/tiering'
import { INTERACTION_KINDS } from '../../../../shared/tiering'
import {
  BUSINESS_TYPES,
  CURRENCIES,
  INDUSTRY_PRODUCTS,
  LANGUAGE_CODES,
  SIZE_BANDS,
  SOURCES,
  UI_LANGUAGES,
} from '../../../../shared/vocabulary'
import { countryName } from '../../../../shared/countries'
import { translations } from '../../../../shared/i18n/resources'
import type { Cell } from './table'

export type Invalid = 'invalid'
/** yyyy-mm-dd */
export type IsoDate = `${number}-${number}-${number}`
/** An ISO 3166-1 alpha-2 code. */
export type CountryCode = Uppercase<string>

/** Lower case, accents and punctuation set aside, spaces collapsed: how words are compared. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f'’`´.,()\-_/&]+/g, ' ')
    .trim()
}

/** A cell as trimmed text; null when empty. */
export function cellString(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null
  if (typeof cell === 'string') {
    const s = cell.trim()
    return s === '' ? null : s
  }
  if (typeof cell === 'number') return String(cell)
  return cell.date
}

// ---- numbers ----

export type DecimalMark = '.' | ','

const CURRENCY_TOKEN = /^(?:[a-z]{3}|us\$|hk\$|r\$|[a-z]{0,2}[$€£¥￥₹₽₩₺₫₦]|rmb|元|人民币|美元|欧元|円)$/i
const AROUND =
  /^([^\d+\-(.,]*?)\s*([+-]?)\s*([^\d+\-(.,]*?)\s*(\(?)([\d.,\s\u00a0\u202f\u2009'’]*\d[\d.,\s\u00a0\u202f\u2009'’]*)(\)?)\s*([^\d]*)$/
const GROUPING = /[\s\u00a0\u202f\u2009'’]/g
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i
const DIGITS = /^\d+$/
/** "1200", "-3", "12.50": most cells of a machine export, read without the full grammar. */
const PLAIN = /^-?\d{1,15}(?:\.\d{1,2}|\.\d{4,})?$/

/** How a number's separators read when nothing else tells: 'dot'/'comma' decimal, or undecided. */
function shape(core: string): { decimal: DecimalMark | null; ambiguous: DecimalMark | null } {
  const dot = core.lastIndexOf('.')
  const comma = core.lastIndexOf(',')
  if (dot >= 0 && comma >= 0) return { decimal: dot > comma ? '.' : ',', ambiguous: null }
  const mark = dot >= 0 ? '.' : comma >= 0 ? ',' : null
  if (mark === null) return { decimal: null, ambiguous: null }
  const first = core.indexOf(mark)
  if (first !== core.lastIndexOf(mark)) return { decimal: mark === '.' ? ',' : '.', ambiguous: null }
  const after = core.length - first - 1
  const before = core.slice(0, first)
  // "1,000" or "1.000": three digits after one mark read either way; "0,500" is a decimal.
  if (after === 3 && before !== '' && before !== '0' && before.length <= 3 && !before.startsWith('0'))
    return { decimal: null, ambiguous: mark }
  return { decimal: mark, ambiguous: null }
}

const BARE = /^\d[\d\s\u00a0\u202f\u2009'’.,]*$/

function stripAround(text: string): { core: string; negative: boolean } | null {
  // Digits and separators only (most cells): no currency or sign to peel off.
  if (BARE.test(text)) return { core: text.replace(GROUPING, ''), negative: false }
  const m = AROUND.exec(text)
  if (!m) return null
  const [, pre1, sign, pre2, open, core, close, post] = m
  const pre = `${pre1}${pre2}`.trim()
  const suf = post!.trim()
  if (pre !== '' && !CURRENCY_TOKEN.test(pre)) return null
  if (suf !== '' && !CURRENCY_TOKEN.test(suf)) return null
  if ((open === '(') !== (close === ')')) return null
  return { core: core!.replace(GROUPING, ''), negative: sign === '-' || open === '(' }
}

/**
 * A number from a cell: `1 200 000,00`, `1.200.000,00`, `1'200'000.50`, `120,000.50`, `€ 12,50`,
 * `(1,200.00)` (negative). `decimal` is the column's decimal mark (see decideDecimal) for the
 * cells that read either way, like `1.000`; without it they are 'invalid'.
 */
export function parseNumber(cell: Cell | undefined, decimal?: DecimalMark): number | null | Invalid {
  if (cell === null || cell === undefined) return null
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'invalid'
  if (typeof cell !== 'string') return 'invalid'
  const text = cell.trim()
  if (text === '') return null
  if (text.length > 64) return 'invalid'
  if (PLAIN.test(text)) return Number(text)
  if (SCIENTIFIC.test(text)) return Number(text)
  const parts = stripAround(text)
  if (!parts) return 'invalid'
  const { core, negative } = parts
  let value: number
  if (DIGITS.test(core)) value = Number(core)
  else {
    const s = shape(core)
    const mark = s.decimal ?? (s.ambiguous && decimal ? decimal : null)
    if (mark === null && s.ambiguous) return 'invalid'
    const v = readDigits(core, mark)
    if (v === 'invalid') return v
    value = v
  }
  if (!Number.isFinite(value)) return 'invalid'
  return negative ? -value : value
}

/**
 * The value of digits with a decimal mark and thousands groups of three (the other mark), in one
 * pass without intermediate strings: a million amounts are read per import.
 */
function readDigits(core: string, mark: DecimalMark | null): number | Invalid {
  const markCode = mark === '.' ? 46 : mark === ',' ? 44 : -1
  const thousandsCode = mark === '.' ? 44 : 46
  let int = 0
  let frac = 0
  let scale = 1
  let lead = 0
  let group = -1
  let fraction = false
  let digits = 0
  for (let i = 0; i < core.length; i++) {
    const c = core.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      digits++
      if (fraction) {
        frac = frac * 10 + (c - 48)
        scale *= 10
      } else {
        int = int * 10 + (c - 48)
        if (group >= 0) group++
        else lead++
      }
    } else if (c === markCode && !fraction) {
      if (group >= 0 && group !== 3) return 'invalid'
      fraction = true
    } else if (c === thousandsCode && !fraction) {
      if (group < 0 ? lead < 1 || lead > 3 : group !== 3) return 'invalid'
      group = 0
    } else return 'invalid'
  }
  if (digits === 0 || (!fraction && group >= 0 && group !== 3) || scale > 1e15) return 'invalid'
  // Two exact integers divided: the same correctly rounded double as Number("1234.56").
  return scale === 1 ? int : (int * scale + frac) / scale
}

/**
 * The decimal mark of a column, from the cells that say it (`1.200,50`, `3,5`, `1,200,000`).
 * When none does, a mark followed by three digits is taken as thousands, the usual reading of
 * an amount column (`1.000` is a thousand, not one).
 */
export function decideDecimal(cells: Iterable<Cell | undefined>): DecimalMark {
  let dot = 0
  let comma = 0
  let ambiguousComma = 0
  let ambiguousDot = 0
  for (const cell of cells) {
    if (typeof cell !== 'string') continue
    const parts = stripAround(cell.trim())
    if (!parts || DIGITS.test(parts.core)) continue
    const s = shape(parts.core)
    if (s.decimal === '.') dot++
    else if (s.decimal === ',') comma++
    else if (s.ambiguous === ',') ambiguousComma++
    else if (s.ambiguous === '.') ambiguousDot++
  }
  if (dot !== comma) return dot > comma ? '.' : ','
  return ambiguousDot > ambiguousComma ? ',' : '.'
}

// ---- dates ----

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i
const PARTS = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?:[T ]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?$/i
const CJK = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/
const SERIAL = /^\d{5}(?:\.\d+)?$/

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** yyyy-mm-dd when the day exists (29/02 only in leap years), else null. */
export function isoFrom(y: number, m: number, d: number): IsoDate | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null
  const max = m === 2 && leap(y) ? 29 : DAYS[m - 1]!
  if (d > max) return null
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` as IsoDate
}

const fullYear = (y: string) => {
  const n = Number(y)
  if (y.length === 4) return n
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n
  return -1
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

/** An Excel serial day number (1900 system) as yyyy-mm-dd; only 20000–80000 (1954–2119). */
export function fromSerial(n: number): IsoDate | null {
  if (!Number.isFinite(n) || n < 20000 || n > 80000) return null
  return new Date(EXCEL_EPOCH + Math.floor(n) * 86_400_000).toISOString().slice(0, 10) as IsoDate
}

/** The order a column writes its dates in, read from every cell; ambiguous when every day ≤ 12. */
export function decideDateOrder(cells: Iterable<Cell | undefined>): {
  order: DateOrder | null
  ambiguous: boolean
} {
  let dmy = 0
  let mdy = 0
  let ymd = 0
  let either = 0
  const seen = new Set<string>()
  for (const cell of cells) {
    if (cell === null || cell === undefined) continue
    if (typeof cell === 'object') {
      ymd++
      continue
    }
    if (typeof cell !== 'string') continue
    // Each distinct text once: what counts is whether an order appears, not how often.
    if (seen.has(cell)) continue
    if (seen.size < 100_000) seen.add(cell)
    const s = cell.trim()
    if (ISO.test(s) || CJK.test(s)) {
      ymd++
      continue
    }
    const m = PARTS.exec(s)
    if (!m) continue
    if (m[1]!.length === 4) ymd++
    else {
      const a = Number(m[1])
      const b = Number(m[3])
      if (a > 12 && b <= 12) dmy++
      else if (b > 12 && a <= 12) mdy++
      else if (a <= 12 && b <= 12) either++
    }
  }
  if (dmy > 0 || mdy > 0) return { order: mdy > dmy ? 'mdy' : 'dmy', ambiguous: false }
  if (either > 0) return { order: 'dmy', ambiguous: true }
  if (ymd > 0) return { order: 'ymd', ambiguous: false }
  return { order: null, ambiguous: false }
}

/** A date cell as yyyy-mm-dd, reading day/month in `order` (dmy when unknown). */
export function parseDate(cell: Cell | undefined, order: DateOrder | null = 'dmy'): IsoDate | null | Invalid {
  if (cell === null || cell === undefined) return null
  if (typeof cell === 'object') {
    const m = ISO.exec(cell.date)
    return (m && isoFrom(Number(m[1]), Number(m[2]), Number(m[3]))) || 'invalid'
  }
  if (typeof cell === 'number') return fromSerial(cell) ?? 'invalid'
  const s = cell.trim()
  if (s === '') return null
  if (s.length > 40) return 'invalid'
  // A book has a few thousand distinct days over a million rows.
  const key = `${order ?? ''}${s}`
  const hit = dateCache.get(key)
  if (hit !== undefined) return hit
  const v = readDate(s, order)
  if (dateCache.size > 50_000) dateCache.clear()
  dateCache.set(key, v)
  return v
}

const dateCache = new Map<string, IsoDate | Invalid>()

function readDate(s: string, order: DateOrder | null): IsoDate | Invalid {
  let m = ISO.exec(s)
  if (m) return isoFrom(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'invalid'
  m = CJK.exec(s)
  if (m) return isoFrom(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'invalid'
  m = PARTS.exec(s)
  if (m) {
    const [, a, , b, c] = m as unknown as [string, string, string, string, string]
    if (a.length === 4) return isoFrom(Number(a), Number(b), Number(c)) ?? 'invalid'
    if (a.length > 2) return 'invalid'
    const y = fullYear(c)
    if (y < 0) return 'invalid'
    const [d, mo] = order === 'mdy' ? [Number(b), Number(a)] : [Number(a), Number(b)]
    return isoFrom(y, mo, d) ?? 'invalid'
  }
  if (SERIAL.test(s)) return fromSerial(Number(s)) ?? 'invalid'
  return 'invalid'
}

// ---- words ----

type Tree = { [key: string]: unknown }

/** The translated names of a closed list, in every UI language: `enum.<list>.<code>`. */
function labels(list: string): [string, string][] {
  const out: [string, string][] = []
  for (const lang of UI_LANGUAGES) {
    const node = (translations[lang].enum as Tree | undefined)?.[list] as Tree | undefined
    if (!node) continue
    for (const [code, label] of Object.entries(node)) if (typeof label === 'string') out.push([label, code])
  }
  return out
}

/** A folded word → code table: the codes themselves, their names in three languages, and extras. */
function wordTable<T extends string>(
  codes: readonly T[],
  list: string | null,
  extra: Record<string, T> = {},
): Map<string, T> {
  const map = new Map<string, T>()
  const valid = new Set<string>(codes)
  const put = (word: string, code: string) => {
    const k = fold(word)
    if (k && valid.has(code) && !map.has(k)) map.set(k, code as T)
  }
  for (const [word, code] of Object.entries(extra)) put(word, code)
  for (const code of codes) {
    put(code, code)
    put(code.replace(/_/g, ' '), code)
  }
  if (list) {
    for (const [label, code] of labels(list)) {
      put(label, code)
      // "Petite (10–49)", "Message (WhatsApp, WeChat…)": the name before the bracket too.
      const bare = label.replace(/\s*[(（].*$/, '')
      if (bare !== label) put(bare, code)
    }
  }
  return map
}

/**
 * A lookup remembered by its exact text: an order book repeats a handful of status, currency and
 * country spellings a million times, and folding each one again is most of the cost.
 */
function memo<T>(read: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>()
  return (text) => {
    let v = cache.get(text)
    if (v === undefined && !cache.has(text)) {
      v = read(text)
      if (cache.size > 10_000) cache.clear()
      cache.set(text, v)
    }
    return v as T
  }
}

const lazy = <T>(make: () => T): (() => T) => {
  let v: T | undefined
  return () => (v ??= make())
}

const statusWords = lazy(() =>
  wordTable<OrderStatus>(['quoted', 'confirmed', 'shipped', 'paid', 'cancelled'], 'orderStatus', {
    payée: 'paid',
    payé: 'paid',
    payées: 'paid',
    réglée: 'paid',
    réglé: 'paid',
    soldée: 'paid',
    encaissée: 'paid',
    settled: 'paid',
    已付款: 'paid',
    已付: 'paid',
    已收款: 'paid',
    已回款: 'paid',
    已结清: 'paid',
    已支付: 'paid',
    付款: 'paid',
    expédiée: 'shipped',
    expédié: 'shipped',
    livrée: 'shipped',
    livré: 'shipped',
    envoyée: 'shipped',
    delivered: 'shipped',
    dispatched: 'shipped',
    已发货: 'shipped',
    已出货: 'shipped',
    发货: 'shipped',
    已交付: 'shipped',
    已签收: 'shipped',
    已送达: 'shipped',
    confirmée: 'confirmed',
    confirmé: 'confirmed',
    commandée: 'confirmed',
    commandé: 'confirmed',
    'en cours': 'confirmed',
    ordered: 'confirmed',
    order: 'confirmed',
    已确认: 'confirmed',
    确认: 'confirmed',
    已下单: 'confirmed',
    devis: 'quoted',
    'devis envoyé': 'quoted',
    proposition: 'quoted',
    quote: 'quoted',
    quotation: 'quoted',
    报价: 'quoted',
    报价中: 'quoted',
    已报价: 'quoted',
    annulée: 'cancelled',
    annulé: 'cancelled',
    canceled: 'cancelled',
    cancel: 'cancelled',
    void: 'cancelled',
    已取消: 'cancelled',
    取消: 'cancelled',
    作废: 'cancelled',
  }),
)

const statusOf = memo((text: string): OrderStatus | Invalid => statusWords().get(fold(text)) ?? 'invalid')

export function parseStatus(text: string): OrderStatus | Invalid {
  return statusOf(text)
}

const interactionWords = lazy(() =>
  wordTable(INTERACTION_KINDS, 'interaction', {
    phone: 'call',
    'phone call': 'call',
    appel: 'call',
    'appel telephonique': 'call',
    téléphone: 'call',
    电话: 'call',
    通话: 'call',
    打电话: 'call',
    'e mail': 'email',
    mail: 'email',
    courriel: 'email',
    邮件: 'email',
    电子邮件: 'email',
    réunion: 'meeting',
    'rendez vous': 'meeting',
    rdv: 'meeting',
    会议: 'meeting',
    开会: 'meeting',
    会面: 'meeting',
    visite: 'visit',
    拜访: 'visit',
    走访: 'visit',
    来访: 'visit',
    salon: 'trade_fair',
    fair: 'trade_fair',
    'trade fair': 'trade_fair',
    exhibition: 'trade_fair',
    展会: 'trade_fair',
    展会洽谈: 'trade_fair',
    whatsapp: 'message',
    wechat: 'message',
    微信: 'message',
    消息: 'message',
    sms: 'message',
    'devis envoyé': 'quote_sent',
    devis: 'quote_sent',
    quote: 'quote_sent',
    quotation: 'quote_sent',
    报价: 'quote_sent',
    发报价: 'quote_sent',
    'échantillon envoyé': 'sample_sent',
    échantillon: 'sample_sent',
    sample: 'sample_sent',
    寄样: 'sample_sent',
    样品: 'sample_sent',
    vœux: 'greeting_sent',
    greeting: 'greeting_sent',
    greetings: 'greeting_sent',
    问候: 'greeting_sent',
    祝福: 'greeting_sent',
  }),
)

const kindOf = memo(
  (text: string): (typeof INTERACTION_KINDS)[number] | Invalid =>
    interactionWords().get(fold(text)) ?? 'invalid',
)

export function parseInteractionKind(text: string): (typeof INTERACTION_KINDS)[number] | Invalid {
  return kindOf(text)
}

const CHOICES = {
  businessType: lazy(() =>
    wordTable(BUSINESS_TYPES, 'businessType', {
      import: 'importer',
      'import export': 'importer',
      importateur: 'importer',
      进口商: 'importer',
      wholesale: 'wholesaler',
      批发商: 'wholesaler',
      distribution: 'distributor',
      reseller: 'distributor',
      revendeur: 'distributor',
      经销商: 'distributor',
      代理商: 'agent',
      brand: 'brand_owner',
      品牌商: 'brand_owner',
      retail: 'retailer',
      零售商: 'retailer',
      ecommerce: 'ecommerce_seller',
      'e commerce': 'ecommerce_seller',
      电商: 'ecommerce_seller',
      'end user': 'end_user',
      终端用户: 'end_user',
    }),
  ),
  source: lazy(() =>
    wordTable(SOURCES, 'source', {
      salon: 'trade_fair',
      fair: 'trade_fair',
      exhibition: 'trade_fair',
      展会: 'trade_fair',
      广交会: 'trade_fair',
      'canton fair': 'trade_fair',
      'trade show': 'trade_fair',
      tradeshow: 'trade_fair',
      website: 'website_inquiry',
      web: 'website_inquiry',
      'site web': 'website_inquiry',
      官网: 'website_inquiry',
      网站询盘: 'website_inquiry',
      alibaba: 'b2b_platform',
      'made in china': 'b2b_platform',
      阿里巴巴: 'b2b_platform',
      recommandation: 'referral',
      parrainage: 'referral',
      推荐: 'referral',
      介绍: 'referral',
      'cold call': 'cold_outreach',
      prospection: 'cold_outreach',
      开发信: 'cold_outreach',
      autre: 'other',
      其他: 'other',
    }),
  ),
  sizeBand: lazy(() =>
    wordTable(SIZE_BANDS, 'sizeBand', {
      '1 9': 'micro',
      '10 49': 'small',
      '50 249': 'medium',
      '250 999': 'large',
      '1000+': 'enterprise',
      微型: 'micro',
      小型: 'small',
      中型: 'medium',
      大型: 'large',
    }),
  ),
  preferredLanguage: lazy(() =>
    wordTable(LANGUAGE_CODES, 'language', {
      chinese: 'zh',
      mandarin: 'zh',
      中文: 'zh',
      english: 'en',
      英文: 'en',
      英语: 'en',
      french: 'fr',
      法语: 'fr',
      spanish: 'es',
      西班牙语: 'es',
      portuguese: 'pt',
      german: 'de',
      russian: 'ru',
      俄语: 'ru',
      arabic: 'ar',
      阿拉伯语: 'ar',
    }),
  ),
  currency: lazy(() =>
    wordTable(CURRENCIES, null, {
      $: 'USD',
      us$: 'USD',
      dollar: 'USD',
      dollars: 'USD',
      美元: 'USD',
      美金: 'USD',
      '€': 'EUR',
      euro: 'EUR',
      euros: 'EUR',
      欧元: 'EUR',
      '¥': 'CNY',
      '￥': 'CNY',
      rmb: 'CNY',
      人民币: 'CNY',
      元: 'CNY',
      yuan: 'CNY',
      '£': 'GBP',
      英镑: 'GBP',
      円: 'JPY',
      日元: 'JPY',
      yen: 'JPY',
      hk$: 'HKD',
      港币: 'HKD',
      港元: 'HKD',
      '₹': 'INR',
      r$: 'BRL',
      '₽': 'RUB',
      '₩': 'KRW',
      '₺': 'TRY',
      '₫': 'VND',
      '₦': 'NGN',
    }),
  ),
}
export type ChoiceField = keyof typeof CHOICES

/** A closed-list value (business type, source, size, language, currency) from a code or a word. */
export type ChoiceCode<F extends ChoiceField> =
  ReturnType<(typeof CHOICES)[F]> extends Map<string, infer T> ? T : never

export function parseChoice<F extends ChoiceField>(field: F, text: string): ChoiceCode<F> | Invalid {
  let read = choiceReaders.get(field)
  if (!read) {
    const table = CHOICES[field]() as Map<string, string>
    // Symbols fold away to nothing, so they are looked up as written first.
    read = memo((text: string) => {
      const t = text.trim()
      return table.get(t.toLowerCase()) ?? table.get(fold(t)) ?? 'invalid'
    })
    choiceReaders.set(field, read)
  }
  return read(text) as ChoiceCode<F> | Invalid
}
const choiceReaders = new Map<ChoiceField, (text: string) => string>()

const industryWords = lazy(() => wordTable(Object.keys(INDUSTRY_PRODUCTS), 'industry'))

/** An industry: its vocabulary code when the text names a known industry in any language, else the text. */
export function parseIndustry(text: string): string {
  return industryWords().get(fold(text)) ?? text.trim()
}

// ---- countries ----

const countryWords = lazy(() => {
  countries.registerLocale(enCountries)
  countries.registerLocale(frCountries)
  countries.registerLocale(zhCountries)
  const map = new Map<string, string>()
  const put = (word: string, code: string) => {
    const k = fold(word)
    if (k && !map.has(k)) map.set(k, code)
  }
  const extra: Record<string, string> = {
    中国大陆: 'CN',
    大陆: 'CN',
    'mainland china': 'CN',
    'p r china': 'CN',
    prc: 'CN',
    usa: 'US',
    'u s a': 'US',
    'u s': 'US',
    'united states': 'US',
    'etats unis': 'US',
    'etats unis d amerique': 'US',
    america: 'US',
    美国: 'US',
    美國: 'US',
    uk: 'GB',
    'u k': 'GB',
    england: 'GB',
    'great britain': 'GB',
    britain: 'GB',
    angleterre: 'GB',
    'grande bretagne': 'GB',
    'royaume uni': 'GB',
    英国: 'GB',
    英國: 'GB',
    uae: 'AE',
    emirates: 'AE',
    'emirats arabes unis': 'AE',
    阿联酋: 'AE',
    迪拜: 'AE',
    dubai: 'AE',
    'hong kong': 'HK',
    hongkong: 'HK',
    香港: 'HK',
    中国香港: 'HK',
    taiwan: 'TW',
    台湾: 'TW',
    台灣: 'TW',
    中国台湾: 'TW',
    macau: 'MO',
    澳门: 'MO',
    中国澳门: 'MO',
    'ivory coast': 'CI',
    "cote d'ivoire": 'CI',
    科特迪瓦: 'CI',
    russia: 'RU',
    russie: 'RU',
    俄罗斯: 'RU',
    'south korea': 'KR',
    korea: 'KR',
    'coree du sud': 'KR',
    韩国: 'KR',
    vietnam: 'VN',
    'viet nam': 'VN',
    越南: 'VN',
    iran: 'IR',
    syria: 'SY',
    laos: 'LA',
    bolivia: 'BO',
    venezuela: 'VE',
    tanzania: 'TZ',
    moldova: 'MD',
    'czech republic': 'CZ',
    czechia: 'CZ',
    'republique tcheque': 'CZ',
    holland: 'NL',
    'the netherlands': 'NL',
    'pays bas': 'NL',
    turkey: 'TR',
    turkiye: 'TR',
    德國: 'DE',
    日本國: 'JP',
  }
  for (const [w, c] of Object.entries(extra)) put(w, c)
  const alpha2 = countries.getAlpha2Codes()
  for (const code of Object.keys(alpha2)) {
    for (const lang of UI_LANGUAGES) put(countryName(code, lang), code)
    for (const lang of ['en', 'fr', 'zh']) {
      const names: string[] | undefined = countries.getName(code, lang, { select: 'all' })
      for (const n of names ?? []) put(n, code)
    }
  }
  return map
})

const ALPHA = /^[A-Za-z]{2,3}$/

/** An ISO alpha-2 code from a code (alpha-2 or alpha-3) or a name in Chinese, French or English. */
export function parseCountry(text: string): CountryCode | Invalid {
  return countryOf(text)
}

const countryOf = memo((text: string): CountryCode | Invalid => {
  const t = text.trim()
  if (t === '') return 'invalid'
  const words = countryWords()
  if (ALPHA.test(t)) {
    const up = t.toUpperCase() as CountryCode
    if (up.length === 2 && countries.isValid(up)) return up
    if (up === 'UK') return 'GB'
    if (up.length === 3) {
      const a2 = countries.alpha3ToAlpha2(up)
      if (a2) return a2 as CountryCode
    }
  }
  return (words.get(fold(t)) as CountryCode | undefined) ?? 'invalid'
})

// ---- lists ----

const LIST_SEPARATORS = /[;,；，、|]/

/** Tags or product categories from one cell: split on ; , ； ， 、 |, trimmed, without repeats. */
export function splitList(text: string): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const part of text.split(LIST_SEPARATORS)) {
    const v = part.trim()
    if (v === '') continue
    const k = v.toLowerCase()
    if (seen.has(k)) continue
    seen.add(k)
    out.push(v)
  }
  return out
}
