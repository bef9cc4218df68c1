// Deterministic demo customers for an export CRM: the empty-app demo, the seed command and the
// benchmark all need data that looks like a Chinese exporter's real customer base (scripts, name
// orders, legal forms, phone plans, time zones) so that search, sorting and the UI are exercised on
// realistic text. Pure: one seeded PRNG drives everything, so a seed always yields the same data.
import type { ContactInput, CustomerInput } from '../../../shared/domain'
import { CITIES } from './cities'
import type { CityInfo } from './cities'
import { isProductCategoryCode } from '../../../shared/vocabulary'
import type { IndustryCode, ProductCategoryCode } from '../../../shared/vocabulary'

export type DemoCustomer = { customer: CustomerInput; contacts: ContactInput[] }

type Rng = () => number
type Lang = NonNullable<CustomerInput['preferredLanguage']>
type Currency = NonNullable<CustomerInput['currency']>
type BusinessType = NonNullable<CustomerInput['businessType']>
type SizeBand = NonNullable<CustomerInput['sizeBand']>
type Quality = NonNullable<CustomerInput['quality']>
type Source = NonNullable<CustomerInput['source']>
type Messaging = NonNullable<ContactInput['messaging']>[number]
type Weighted<T> = readonly (readonly [T, number])[]

/** mulberry32: tiny, fast and good enough for demo data; never Math.random, so output is reproducible. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1))

// Totals are cached per table: the country table is consulted for every customer.
const totals = new WeakMap<object, number>()

function weighted<T>(r: Rng, table: Weighted<T>): T {
  let total = totals.get(table)
  if (total === undefined) {
    total = 0
    for (const [, w] of table) total += w
    totals.set(table, total)
  }
  let x = r() * total
  for (const [v, w] of table) {
    x -= w
    if (x < 0) return v
  }
  return table[table.length - 1]![0]
}

/** Up to `n` distinct items, in list order so the output does not depend on draw order. */
function some<T>(r: Rng, xs: readonly T[], n: number): T[] {
  const chosen = new Set<number>()
  while (chosen.size < Math.min(n, xs.length)) chosen.add(Math.floor(r() * xs.length))
  return [...chosen].sort((a, b) => a - b).map((i) => xs[i]!)
}

// ---------------------------------------------------------------------------------------------
// Text helpers

// Letters NFKD leaves alone but that ASCII e-mail addresses and domains spell without the mark.
const FOLD: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ø: 'o',
  Ø: 'O',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
}

// Inputs come from small fixed lists, so memoising makes normalisation nearly free at 100k rows.
const asciiCache = new Map<string, string>()
const slugCache = new Map<string, string>()

/** Latin text without diacritics ('Nguyễn Văn' → 'Nguyen Van'), case and spaces kept. */
function ascii(s: string): string {
  let out = asciiCache.get(s)
  if (out === undefined) {
    out = s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[łŁđĐıøØßæœ]/g, (c) => FOLD[c] ?? c)
    asciiCache.set(s, out)
  }
  return out
}

/** Lower-case ASCII letters and digits only: the raw material of e-mail local parts and domains. */
function slug(s: string): string {
  let out = slugCache.get(s)
  if (out === undefined) {
    out = ascii(s)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
    slugCache.set(s, out)
  }
  return out
}

/** A string as [script, latin]; latin cultures have both the same. */
type Part = { s: string; l: string }

/** '王=Wang|李=Li' → parts; entries without '=' are latin already. */
function parts(spec: string): readonly Part[] {
  return spec.split('|').map((x) => {
    const i = x.indexOf('=')
    return i < 0 ? { s: x, l: x } : { s: x.slice(0, i), l: x.slice(i + 1) }
  })
}

/** Latin text with diacritics whose English-language form drops them (Vietnamese, Turkish…). */
const accented = (spec: string): readonly Part[] => spec.split('|').map((s) => ({ s, l: ascii(s) }))

// ---------------------------------------------------------------------------------------------
// Industries and what they are called in company names

type Industry = {
  /** Code of the shared standard list: what the customer stores, shown translated. */
  code: IndustryCode
  /** English name: the key of MORE_WORDS. */
  name: string
  slug: string
  /** Word used in English-language company names. */
  en: string
  zhS: string
  zhT: string
  ar: string
  fr: string
  de: string
  es: string
  pt: string
  it: string
  ru: Part
  /** ja|ko|vi|th in their script (English in latin names), then tr|pl|nl. */
  more: readonly string[]
  /** Product-interest codes of the shared standard list. */
  products: readonly ProductCategoryCode[]
}

// Industry words for the remaining naming styles, in MORE_LANGS order.
const MORE_LANGS = ['ja', 'ko', 'vi', 'th', 'tr', 'pl', 'nl'] as const
const MORE_WORDS: Readonly<Record<string, string>> = {
  Electronics: 'エレクトロニクス|전자|Điện tử|อิเล็กทรอนิกส์|Elektronik|Elektronika|Elektronica',
  Textiles: 'テキスタイル|섬유|Dệt may|สิ่งทอ|Tekstil|Tekstylia|Textiel',
  Garments: 'アパレル|어패럴|May mặc|การ์เมนท์|Konfeksiyon|Odzież|Kleding',
  Furniture: '家具|가구|Nội thất|เฟอร์นิเจอร์|Mobilya|Meble|Meubelen',
  'Auto parts': 'オートパーツ|오토파츠|Phụ tùng ô tô|ออโต้พาร์ท|Otomotiv|Części Samochodowe|Auto-onderdelen',
  'LED lighting': 'ライティング|조명|Chiếu sáng|ไลท์ติ้ง|Aydınlatma|Oświetlenie|Verlichting',
  Packaging: 'パッケージ|포장|Bao bì|แพ็คเกจจิ้ง|Ambalaj|Opakowania|Verpakkingen',
  Machinery: '機械|기계|Máy móc|แมชชีนเนอรี่|Makine|Maszyny|Machines',
  'Home appliances': '電器|가전|Điện gia dụng|เครื่องใช้ไฟฟ้า|Beyaz Eşya|AGD|Huishoudapparatuur',
  'Building materials':
    '建材|건자재|Vật liệu xây dựng|วัสดุก่อสร้าง|Yapı Malzemeleri|Materiały Budowlane|Bouwmaterialen',
  Cosmetics: 'コスメ|코스메틱|Mỹ phẩm|คอสเมติก|Kozmetik|Kosmetyki|Cosmetica',
  Toys: 'トイ|완구|Đồ chơi|ทอย|Oyuncak|Zabawki|Speelgoed',
  'Hardware & tools': 'ツール|공구|Dụng cụ|ฮาร์ดแวร์|Hırdavat|Narzędzia|Gereedschap',
  'Solar energy': 'ソーラー|솔라|Năng lượng mặt trời|โซลาร์|Güneş Enerjisi|Fotowoltaika|Zonne-energie',
  'Medical supplies': 'メディカル|메디칼|Thiết bị y tế|เมดิคอล|Medikal|Sprzęt Medyczny|Medische Hulpmiddelen',
  'Sporting goods':
    'スポーツ|스포츠|Dụng cụ thể thao|สปอร์ต|Spor Malzemeleri|Artykuły Sportowe|Sportartikelen',
}

const ind = (
  code: IndustryCode,
  name: string,
  slug: string,
  en: string,
  zh: string,
  ar: string,
  eu: string,
  ru: string,
  products: string,
): Industry => {
  const [zhS, zhT] = zh.split('/') as [string, string?]
  const [fr, de, es, pt, it] = eu.split('|') as [string, string, string, string, string]
  return {
    code,
    name,
    slug,
    en,
    zhS,
    zhT: zhT ?? zhS,
    ar,
    fr,
    de,
    es,
    pt,
    it,
    ru: parts(ru)[0]!,
    more: (MORE_WORDS[name] ?? '').split('|'),
    products: products.split('|').map((p) => {
      // A typo here would show a raw code on screen: fail at load, not in the UI.
      if (!isProductCategoryCode(p)) throw new Error(`demo product ${p} is not in PRODUCT_CATEGORIES`)
      return p
    }),
  }
}

const INDUSTRIES: readonly Industry[] = [
  ind(
    'electronics',
    'Electronics',
    'elec',
    'Electronics',
    '电子/電子',
    'للإلكترونيات',
    'Électronique|Elektronik|Electrónica|Eletrônicos|Elettronica',
    'Электроника=Elektronika',
    'bluetooth_speakers|power_banks|chargers_cables|smart_watches|earphones|phone_accessories',
  ),
  ind(
    'textiles',
    'Textiles',
    'textile',
    'Textile',
    '纺织/紡織',
    'للمنسوجات',
    'Textile|Textil|Textil|Têxtil|Tessile',
    'Текстиль=Tekstil',
    'cotton_fabric|polyester_fabric|home_textiles|yarn|curtains',
  ),
  ind(
    'apparel',
    'Garments',
    'apparel',
    'Garment',
    '服装/服裝',
    'للملابس',
    'Mode|Mode|Moda|Confecções|Abbigliamento',
    'Одежда=Odezhda',
    't_shirts|workwear|jeans|sportswear|childrens_wear',
  ),
  ind(
    'furniture',
    'Furniture',
    'furniture',
    'Furniture',
    '家具/傢俬',
    'للأثاث',
    'Meubles|Möbel|Muebles|Móveis|Arredamenti',
    'Мебель=Mebel',
    'office_chairs|sofas|outdoor_furniture|dining_tables|hotel_furniture',
  ),
  ind(
    'auto_parts',
    'Auto parts',
    'autoparts',
    'Auto Parts',
    '汽车配件/汽車配件',
    'لقطع غيار السيارات',
    'Pièces Auto|Autoteile|Autopartes|Autopeças|Ricambi Auto',
    'Автозапчасти=Avtozapchasti',
    'brake_pads|filters|headlamps|suspension_parts|car_batteries',
  ),
  ind(
    'lighting',
    'LED lighting',
    'led',
    'Lighting',
    '照明/照明',
    'للإنارة',
    'Éclairage|Lichttechnik|Iluminación|Iluminação|Illuminazione',
    'Светотехника=Svetotekhnika',
    'led_bulbs|led_panels|street_lights|led_strips|flood_lights',
  ),
  ind(
    'packaging',
    'Packaging',
    'pack',
    'Packaging',
    '包装/包裝',
    'للتغليف',
    'Emballage|Verpackung|Embalajes|Embalagens|Imballaggi',
    'Упаковка=Upakovka',
    'paper_bags|corrugated_boxes|plastic_bottles|labels|gift_boxes',
  ),
  ind(
    'machinery',
    'Machinery',
    'machinery',
    'Machinery',
    '机械/機械',
    'للمعدات',
    'Machines|Maschinenbau|Maquinaria|Máquinas|Macchine',
    'Оборудование=Oborudovanie',
    'cnc_machines|packing_machines|injection_molding_machines|pumps|generators',
  ),
  ind(
    'home_appliances',
    'Home appliances',
    'home',
    'Home Appliances',
    '电器/電器',
    'للأجهزة المنزلية',
    'Électroménager|Haushaltsgeräte|Electrodomésticos|Eletrodomésticos|Elettrodomestici',
    'Бытовая техника=Bytovaya Tekhnika',
    'air_fryers|blenders|fans|water_dispensers|vacuum_cleaners',
  ),
  ind(
    'building_materials',
    'Building materials',
    'build',
    'Building Materials',
    '建材/建材',
    'لمواد البناء',
    'Matériaux|Baustoffe|Materiales|Materiais de Construção|Materiali Edili',
    'Стройматериалы=Stroymaterialy',
    'ceramic_tiles|sanitary_ware|aluminium_profiles|flooring|doors_windows',
  ),
  ind(
    'cosmetics',
    'Cosmetics',
    'beauty',
    'Cosmetics',
    '化妆品/化妝品',
    'لمستحضرات التجميل',
    'Cosmétiques|Kosmetik|Cosméticos|Cosméticos|Cosmetici',
    'Косметика=Kosmetika',
    'skin_care|hair_care|nail_polish|makeup_brushes|perfume_bottles',
  ),
  ind(
    'toys',
    'Toys',
    'toys',
    'Toys',
    '玩具/玩具',
    'للألعاب',
    'Jouets|Spielwaren|Juguetes|Brinquedos|Giocattoli',
    'Игрушки=Igrushki',
    'plush_toys|rc_cars|educational_toys|puzzles|baby_toys',
  ),
  ind(
    'hardware_tools',
    'Hardware & tools',
    'tools',
    'Hardware',
    '五金/五金',
    'للعدد والأدوات',
    'Outillage|Werkzeuge|Ferretería|Ferramentas|Utensili',
    'Инструмент=Instrument',
    'power_tools|hand_tools|fasteners|locks|garden_tools',
  ),
  ind(
    'solar_energy',
    'Solar energy',
    'solar',
    'Solar',
    '新能源/新能源',
    'للطاقة الشمسية',
    'Solaire|Solartechnik|Energía Solar|Energia Solar|Energia Solare',
    'Солнечная энергетика=Solnechnaya Energetika',
    'solar_panels|inverters|lithium_batteries|solar_street_lights|charge_controllers',
  ),
  ind(
    'medical_supplies',
    'Medical supplies',
    'medical',
    'Medical',
    '医疗器械/醫療器材',
    'للمستلزمات الطبية',
    'Médical|Medizintechnik|Suministros Médicos|Produtos Médicos|Forniture Mediche',
    'Медтехника=Medtekhnika',
    'disposable_gloves|face_masks|syringes|thermometers|wheelchairs',
  ),
  ind(
    'sporting_goods',
    'Sporting goods',
    'sports',
    'Sports',
    '体育用品/體育用品',
    'للأدوات الرياضية',
    'Sport|Sportartikel|Deportes|Esportes|Articoli Sportivi',
    'Спорттовары=Sporttovary',
    'fitness_equipment|yoga_mats|bicycles|camping_gear|balls',
  ),
]

type IndKey =
  'en' | 'zhS' | 'zhT' | 'ar' | 'arfr' | 'fr' | 'de' | 'es' | 'pt' | 'it' | 'ru' | (typeof MORE_LANGS)[number]

function industryPart(i: Industry, key: IndKey): Part {
  switch (key) {
    case 'zhS':
      return { s: i.zhS, l: i.en }
    case 'zhT':
      return { s: i.zhT, l: i.en }
    case 'ar':
      return { s: i.ar, l: i.en }
    // The Maghreb writes Arabic names but does business in French.
    case 'arfr':
      return { s: i.ar, l: i.fr }
    case 'ru':
      return i.ru
    case 'en':
      return { s: i.en, l: i.en }
    // Asian scripts: the latin (English-language) name uses the English word.
    case 'ja':
    case 'ko':
    case 'vi':
    case 'th': {
      const w = i.more[MORE_LANGS.indexOf(key)] ?? i.en
      return { s: w, l: i.en }
    }
    case 'tr':
    case 'pl':
    case 'nl': {
      const w = i.more[MORE_LANGS.indexOf(key)] ?? i.en
      return { s: w, l: w }
    }
    default:
      return { s: i[key], l: i[key] }
  }
}

// ---------------------------------------------------------------------------------------------
// People

type Culture = {
  male: readonly Part[]
  female: readonly Part[]
  family: readonly Part[]
  /** Family name first in the native form (Chinese, Japanese, Korean, Vietnamese). */
  familyFirst?: boolean
  /** Joiner of the native form: '' for Chinese and Korean. */
  join?: string
  /** Share of contacts recorded in native script rather than latin. */
  script?: number
  /** Keep the family-first order in latin too (Vietnamese). */
  latinFamilyFirst?: boolean
  /** Feminine family-name forms (Russian -ova, Polish -ska). */
  feminize?: (p: Part) => Part
  /** Share of people given two family names (Spanish, Portuguese). */
  doubleFamily?: number
  /** English given names used alongside the native name (Hong Kong). */
  english?: { male: readonly string[]; female: readonly string[]; share: number }
  /** E-mail uses only the last syllable of a compound given name (Vietnamese 'Văn An' → an). */
  lastGiven?: boolean
}

const ZH_CN: Culture = {
  family: parts(
    '王=Wang|李=Li|张=Zhang|刘=Liu|陈=Chen|杨=Yang|黄=Huang|赵=Zhao|吴=Wu|周=Zhou|徐=Xu|孙=Sun|马=Ma|朱=Zhu|胡=Hu|郭=Guo|何=He|林=Lin|罗=Luo|高=Gao|郑=Zheng|梁=Liang|谢=Xie|宋=Song|唐=Tang|韩=Han|冯=Feng|邓=Deng|曹=Cao|彭=Peng|曾=Zeng|肖=Xiao|田=Tian|董=Dong|潘=Pan|袁=Yuan|蔡=Cai|蒋=Jiang|余=Yu|叶=Ye',
  ),
  male: parts(
    '伟=Wei|强=Qiang|磊=Lei|军=Jun|勇=Yong|杰=Jie|涛=Tao|斌=Bin|浩=Hao|鹏=Peng|建华=Jianhua|志强=Zhiqiang|海波=Haibo|俊杰=Junjie|文博=Wenbo|子轩=Zixuan|宇航=Yuhang|明=Ming|建国=Jianguo|晓东=Xiaodong|国平=Guoping|永刚=Yonggang|天佑=Tianyou|嘉豪=Jiahao',
  ),
  female: parts(
    '芳=Fang|娜=Na|敏=Min|静=Jing|丽=Li|艳=Yan|娟=Juan|霞=Xia|婷=Ting|雪=Xue|慧=Hui|晓燕=Xiaoyan|秀英=Xiuying|丽娟=Lijuan|欣怡=Xinyi|雨涵=Yuhan|诗琪=Shiqi|佳怡=Jiayi|梦瑶=Mengyao|思琪=Siqi|玉兰=Yulan|海燕=Haiyan',
  ),
  familyFirst: true,
  join: '',
  script: 1,
}

const ZH_HK: Culture = {
  family: parts(
    '陳=Chan|黃=Wong|李=Lee|張=Cheung|劉=Lau|梁=Leung|林=Lam|何=Ho|吳=Ng|鄭=Cheng|王=Wong|周=Chow|謝=Tse|馮=Fung|曾=Tsang|蔡=Choi|羅=Law|郭=Kwok|余=Yu|麥=Mak',
  ),
  male: parts(
    '家明=Ka Ming|志強=Chi Keung|偉文=Wai Man|國華=Kwok Wah|子健=Tsz Kin|浩然=Ho Yin|俊傑=Chun Kit|振華=Chun Wah|永康=Wing Hong|啟明=Kai Ming',
  ),
  female: parts(
    '嘉欣=Ka Yan|詠詩=Wing Sze|美玲=Mei Ling|淑儀=Suk Yee|曉彤=Hiu Tung|凱琳=Hoi Lam|麗珊=Lai Shan|佩儀=Pui Yee',
  ),
  familyFirst: true,
  join: '',
  script: 1,
  english: {
    male: ['Kevin', 'Raymond', 'Eric', 'Jason', 'Alan', 'Tony', 'Vincent', 'Peter', 'Ivan', 'Kelvin'],
    female: ['Carmen', 'Winnie', 'Cherry', 'Karen', 'Eva', 'Joyce', 'Vivian', 'Jenny', 'Mandy', 'Queenie'],
    share: 0.4,
  },
}

const ZH_TW: Culture = {
  family: parts(
    '陳=Chen|林=Lin|黃=Huang|張=Chang|李=Lee|王=Wang|吳=Wu|劉=Liu|蔡=Tsai|楊=Yang|許=Hsu|鄭=Cheng|謝=Hsieh|郭=Kuo|洪=Hung|曾=Tseng',
  ),
  male: parts(
    '志明=Chih-Ming|家豪=Chia-Hao|俊傑=Chun-Chieh|建宏=Chien-Hung|冠宇=Kuan-Yu|宗翰=Tsung-Han|承恩=Cheng-En|彥廷=Yen-Ting',
  ),
  female: parts(
    '淑芬=Shu-Fen|美玲=Mei-Ling|雅婷=Ya-Ting|怡君=Yi-Chun|詩涵=Shih-Han|欣妤=Hsin-Yu|佳穎=Chia-Ying|宜蓁=Yi-Chen',
  ),
  familyFirst: true,
  join: '',
  script: 1,
}

const JA: Culture = {
  family: parts(
    '佐藤=Sato|鈴木=Suzuki|高橋=Takahashi|田中=Tanaka|伊藤=Ito|渡辺=Watanabe|山本=Yamamoto|中村=Nakamura|小林=Kobayashi|加藤=Kato|吉田=Yoshida|山田=Yamada|佐々木=Sasaki|松本=Matsumoto|井上=Inoue|木村=Kimura|林=Hayashi|清水=Shimizu|山口=Yamaguchi|斎藤=Saito|松田=Matsuda|森=Mori|池田=Ikeda|橋本=Hashimoto|阿部=Abe|石川=Ishikawa|前田=Maeda|藤田=Fujita|岡田=Okada|後藤=Goto',
  ),
  male: parts(
    '健=Ken|翔太=Shota|大輔=Daisuke|拓也=Takuya|健一=Kenichi|誠=Makoto|浩=Hiroshi|直樹=Naoki|亮=Ryo|和也=Kazuya',
  ),
  female: parts('陽子=Yoko|美咲=Misaki|由美=Yumi|恵=Megumi|愛=Ai|直美=Naomi|真由美=Mayumi|彩=Aya|裕子=Yuko'),
  familyFirst: true,
  join: ' ',
  script: 0.75,
}

const KO: Culture = {
  family: parts(
    '김=Kim|이=Lee|박=Park|최=Choi|정=Jung|강=Kang|조=Cho|윤=Yoon|장=Jang|임=Lim|한=Han|오=Oh|서=Seo|신=Shin|권=Kwon',
  ),
  male: parts(
    '민준=Min-jun|서준=Seo-jun|지훈=Ji-hoon|현우=Hyun-woo|성민=Sung-min|동현=Dong-hyun|준호=Jun-ho|영수=Young-soo',
  ),
  female: parts(
    '서연=Seo-yeon|지은=Ji-eun|수빈=Su-bin|민지=Min-ji|예진=Ye-jin|하은=Ha-eun|은정=Eun-jung|혜진=Hye-jin',
  ),
  familyFirst: true,
  join: '',
  script: 0.7,
}

const VI: Culture = {
  family: accented('Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương'),
  male: accented(
    'Văn An|Văn Hùng|Minh Tuấn|Đức Anh|Quốc Bảo|Thành Long|Hoàng Nam|Văn Thắng|Quang Huy|Tiến Dũng',
  ),
  female: accented(
    'Thị Lan|Thị Hương|Thu Trang|Ngọc Anh|Thị Mai|Phương Linh|Thanh Hà|Thị Hoa|Kim Ngân|Bảo Ngọc',
  ),
  familyFirst: true,
  join: ' ',
  script: 0.7,
  latinFamilyFirst: true,
  lastGiven: true,
}

const TH: Culture = {
  family: parts(
    'สุขสวัสดิ์=Suksawat|ศรีสมบูรณ์=Srisomboon|วงศ์ใหญ่=Wongyai|แก้วมณี=Kaewmanee|ทองคำ=Thongkham|บุญมา=Boonma|เจริญสุข=Charoensuk|รัตนพันธ์=Rattanaphan|ศรีสุข=Srisuk|พงษ์ไพบูลย์=Pongpaiboon',
  ),
  male: parts(
    'สมชาย=Somchai|ประเสริฐ=Prasert|วิชัย=Wichai|ธนพล=Thanaphon|อนุชา=Anucha|ณัฐพล=Nattaphon|สุรชัย=Surachai',
  ),
  female: parts(
    'สุภาพร=Supaporn|มาลี=Malee|นภา=Napa|กมลชนก=Kamonchanok|ปิยะนุช=Piyanuch|วิไล=Wilai|อรอุมา=Orn-uma',
  ),
  script: 0.5,
}

const AR_GULF: Culture = {
  male: parts(
    'محمد=Mohammed|أحمد=Ahmed|عبدالله=Abdullah|خالد=Khalid|سعيد=Saeed|عمر=Omar|علي=Ali|فيصل=Faisal|سلطان=Sultan|حمد=Hamad|راشد=Rashid|ماجد=Majid|يوسف=Yousef|طارق=Tariq|ناصر=Nasser|عبدالرحمن=Abdulrahman|فهد=Fahad|سالم=Salem|حسن=Hassan|إبراهيم=Ibrahim',
  ),
  female: parts(
    'فاطمة=Fatima|عائشة=Aisha|مريم=Maryam|نورة=Noura|سارة=Sara|ريم=Reem|هند=Hind|لطيفة=Latifa|منى=Mona|ليلى=Layla|آمنة=Amna|شيخة=Shaikha',
  ),
  family: parts(
    'الراشد=Al-Rashid|العتيبي=Al-Otaibi|الغامدي=Al-Ghamdi|الحربي=Al-Harbi|القحطاني=Al-Qahtani|الشامسي=Al-Shamsi|المزروعي=Al-Mazrouei|السويدي=Al-Suwaidi|الدوسري=Al-Dosari|الزهراني=Al-Zahrani|الشمري=Al-Shammari|الكعبي=Al-Kaabi|النعيمي=Al-Nuaimi|الفلاسي=Al-Falasi|المري=Al-Marri|الهاشمي=Al-Hashimi|المنصوري=Al-Mansoori|البلوشي=Al-Balushi|الحارثي=Al-Harthi|العنزي=Al-Enezi',
  ),
  script: 0.25,
}

const AR_EG: Culture = {
  male: parts(
    'محمد=Mohamed|أحمد=Ahmed|مصطفى=Mostafa|محمود=Mahmoud|كريم=Karim|عمرو=Amr|هاني=Hany|شريف=Sherif|طارق=Tarek|وليد=Walid',
  ),
  female: parts('منى=Mona|ياسمين=Yasmin|نهى=Noha|دينا=Dina|هبة=Heba|رانيا=Rania|مي=Mai|سلمى=Salma'),
  family: parts(
    'حسن=Hassan|إبراهيم=Ibrahim|عبد الفتاح=Abdel Fattah|السيد=El Sayed|مصطفى=Mostafa|فاروق=Farouk|عثمان=Osman|منصور=Mansour|صلاح=Salah|الشريف=El Sherif|رضا=Reda|سليمان=Soliman',
  ),
  script: 0.3,
}

const AR_MAGHREB: Culture = {
  male: parts(
    'محمد=Mohamed|يوسف=Youssef|كريم=Karim|أمين=Amine|مهدي=Mehdi|رشيد=Rachid|عادل=Adil|سفيان=Soufiane|حمزة=Hamza|نبيل=Nabil',
  ),
  female: parts(
    'فاطمة الزهراء=Fatima Zahra|سلمى=Salma|خديجة=Khadija|نادية=Nadia|إيمان=Imane|سناء=Sanaa|ليلى=Leila|أمال=Amal',
  ),
  family: parts(
    'العلوي=Alaoui|بنعلي=Benali|الإدريسي=El Idrissi|التازي=Tazi|بنسعيد=Bensaid|الفاسي=El Fassi|بوزيد=Bouzid|بلقاسم=Belkacem|حداد=Haddad|منصوري=Mansouri|العمراني=El Amrani|شرقاوي=Cherkaoui',
  ),
  script: 0.15,
}

// Russian family names agree in gender: Иванов → Иванова, Ковалевский → Ковалевская.
function feminizeRu(p: Part): Part {
  if (p.s.endsWith('ский')) return { s: p.s.slice(0, -4) + 'ская', l: p.l.replace(/y$/, '') + 'aya' }
  if (/(ов|ев|ёв|ин|ын)$/.test(p.s)) return { s: p.s + 'а', l: p.l + 'a' }
  return p
}

const RU_FAMILY =
  'Иванов=Ivanov|Смирнов=Smirnov|Кузнецов=Kuznetsov|Попов=Popov|Васильев=Vasiliev|Петров=Petrov|Соколов=Sokolov|Михайлов=Mikhailov|Новиков=Novikov|Фёдоров=Fedorov|Морозов=Morozov|Волков=Volkov|Лебедев=Lebedev|Козлов=Kozlov|Орлов=Orlov|Зайцев=Zaitsev|Павлов=Pavlov|Семёнов=Semenov|Виноградов=Vinogradov|Ковалевский=Kovalevsky|Белов=Belov|Егоров=Egorov|Никитин=Nikitin'
const RU_MALE =
  'Алексей=Aleksey|Дмитрий=Dmitry|Сергей=Sergey|Андрей=Andrey|Иван=Ivan|Михаил=Mikhail|Николай=Nikolay|Павел=Pavel|Владимир=Vladimir|Артём=Artem|Евгений=Evgeny|Максим=Maksim'
const RU_FEMALE =
  'Анна=Anna|Екатерина=Ekaterina|Ольга=Olga|Наталья=Natalya|Елена=Elena|Мария=Maria|Татьяна=Tatyana|Ирина=Irina|Светлана=Svetlana|Юлия=Yulia'

const RU: Culture = {
  family: parts(RU_FAMILY),
  male: parts(RU_MALE),
  female: parts(RU_FEMALE),
  script: 0.6,
  feminize: feminizeRu,
}

const KZ: Culture = {
  family: parts(
    `${RU_FAMILY}|Ахметов=Akhmetov|Нурланов=Nurlanov|Жумабаев=Zhumabayev|Касымов=Kasymov|Абенов=Abenov`,
  ),
  male: parts(`${RU_MALE}|Нурлан=Nurlan|Ерлан=Yerlan|Асхат=Askhat|Данияр=Daniyar|Айдар=Aidar`),
  female: parts(`${RU_FEMALE}|Айгуль=Aigul|Динара=Dinara|Асель=Assel|Жанар=Zhanar`),
  script: 0.5,
  feminize: feminizeRu,
}

const UK: Culture = {
  // Ukrainian -enko/-uk/-yk names do not change with gender.
  family: parts(
    'Шевченко=Shevchenko|Коваленко=Kovalenko|Бондаренко=Bondarenko|Ткаченко=Tkachenko|Кравченко=Kravchenko|Олійник=Oliinyk|Мельник=Melnyk|Поліщук=Polishchuk|Бойко=Boiko|Ковальчук=Kovalchuk|Лисенко=Lysenko|Савчук=Savchuk',
  ),
  male: parts(
    'Олександр=Oleksandr|Андрій=Andrii|Дмитро=Dmytro|Сергій=Serhii|Тарас=Taras|Богдан=Bohdan|Микола=Mykola|Олег=Oleh',
  ),
  female: parts('Олена=Olena|Наталія=Nataliia|Оксана=Oksana|Ірина=Iryna|Юлія=Yuliia|Тетяна=Tetiana'),
  script: 0.6,
}

const latin = (male: string, female: string, family: string, extra: Partial<Culture> = {}): Culture => ({
  male: parts(male),
  female: parts(female),
  family: parts(family),
  ...extra,
})

const FR = latin(
  'Thomas|Nicolas|Julien|Pierre|Antoine|Mathieu|Olivier|Laurent|François|Sébastien|Jérôme|Guillaume|Hugo|Lucas',
  'Camille|Sophie|Marie|Julie|Céline|Nathalie|Isabelle|Aurélie|Émilie|Chloé|Manon|Léa|Hélène',
  'Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefèvre|Michel|David|Bertrand|Roux|Vincent|Fournier|Morel|Girard|André|Mercier|Dupont|Lambert|Bonnet|Legrand|Gauthier|Faure|Rousseau|Blanc|Guérin|Chevalier|Perrin|Lemaire',
)
const DE = latin(
  'Thomas|Michael|Andreas|Stefan|Markus|Christian|Jens|Tobias|Florian|Jan|Lukas|Matthias|Jürgen|Klaus',
  'Sabine|Julia|Katrin|Anna|Laura|Claudia|Stefanie|Nicole|Susanne|Lena|Jana|Birgit',
  'Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|Lange|Schmitt|Werner|Krause|Meier|Lehmann|Köhler|Huber|Gruber|Steiner|Brunner',
)
const ES = latin(
  'Carlos|José|Javier|Alejandro|Miguel|Antonio|David|Daniel|Manuel|Luis|Pablo|Sergio|Fernando|Jorge',
  'María|Laura|Ana|Carmen|Lucía|Marta|Elena|Sofía|Paula|Isabel|Gabriela|Valentina|Daniela|Andrea',
  'García|Rodríguez|González|Fernández|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez|Ruiz|Hernández|Díaz|Moreno|Álvarez|Romero|Torres|Ramírez|Flores|Vargas|Castro|Ortiz|Rojas|Mendoza|Morales|Reyes|Cruz|Gutiérrez|Navarro|Domínguez|Vázquez|Ramos|Gil|Serrano|Blanco|Molina|Suárez|Delgado|Castillo|Guerrero|Medina|Aguilar|Herrera|Salazar',
  { doubleFamily: 0.4 },
)
const PT = latin(
  'João|Pedro|Lucas|Gabriel|Rafael|Carlos|Paulo|Marcelo|Rodrigo|Fernando|Thiago|Bruno|André|Tiago',
  'Ana|Maria|Juliana|Fernanda|Camila|Beatriz|Mariana|Patrícia|Aline|Larissa|Inês|Rita',
  'Silva|Santos|Oliveira|Souza|Rodrigues|Ferreira|Alves|Pereira|Lima|Gomes|Costa|Ribeiro|Martins|Carvalho|Almeida|Lopes|Soares|Fernandes|Vieira|Barbosa|Rocha|Dias|Nascimento|Moreira|Cardoso|Teixeira',
  { doubleFamily: 0.35 },
)
const IT = latin(
  'Marco|Luca|Andrea|Giuseppe|Francesco|Alessandro|Matteo|Stefano|Paolo|Davide|Roberto|Lorenzo',
  'Giulia|Francesca|Chiara|Sara|Valentina|Elena|Federica|Martina|Alessia|Silvia|Laura|Paola',
  'Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Santoro|Mariani|Rinaldi|Caruso|Ferrara|Galli|Martini|Leone|Longo|Gentile|Martinelli|Vitale|Lombardo|Serra|Coppola|De Santis|Marchetti|Parisi|Villa|Conte|Ferraro|Ferri',
)
const EN_MALE =
  'James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Daniel|Matthew|Mark|Steven|Paul|Andrew|Ryan|Jason|Kevin|Brian|Chris|Oliver|Jack|Harry|George|Liam|Noah|Ethan'
const EN_FEMALE =
  'Mary|Jennifer|Linda|Elizabeth|Sarah|Jessica|Karen|Emily|Emma|Olivia|Sophie|Charlotte|Amy|Rachel|Laura|Hannah|Megan|Lauren|Ashley|Amanda|Chloe|Grace'
const EN_FAMILY =
  'Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Wilson|Anderson|Taylor|Thomas|Moore|Jackson|White|Harris|Martin|Thompson|Walker|Robinson|Clark|Lewis|Young|Allen|King|Wright|Scott|Green|Baker|Adams|Nelson|Hill|Campbell|Mitchell|Roberts|Carter|Phillips|Evans|Turner|Parker|Collins|Edwards|Stewart|Morris|Murphy|Cook|Rogers|Morgan|Cooper|Peterson|Reed|Bailey|Kelly|Howard|Ward|Cox|Richardson|Wood|Watson|Brooks|Bennett|Gray|Hughes|Price|Sanders|Patel|Nguyen|Kim|Garcia|Lee|Chen'
const EN = latin(EN_MALE, EN_FEMALE, EN_FAMILY)
const EN_IE = latin(
  `${EN_MALE}|Seán|Conor|Ciarán|Declan`,
  `${EN_FEMALE}|Aoife|Niamh|Siobhán|Róisín`,
  "Murphy|Kelly|O'Sullivan|Walsh|Smith|O'Brien|Byrne|Ryan|O'Connor|O'Neill|Doyle|McCarthy|Gallagher|Kennedy|Lynch|Quinn",
)
const EN_ZA = latin(
  'Sipho|Thabo|Johan|Pieter|Mandla|Themba|Jacques|David|Lwazi|Ruan',
  'Nomvula|Thandiwe|Lerato|Annelie|Zanele|Sarah|Palesa|Michelle',
  'Nkosi|Dlamini|Ndlovu|van der Merwe|Botha|Pretorius|Mokoena|Khumalo|Naidoo|Smith|Mahlangu|du Plessis|Venter|Govender',
)
const IN = latin(
  'Rahul|Amit|Rajesh|Suresh|Vikram|Arjun|Sanjay|Anil|Rohit|Manish|Deepak|Karan|Nitin|Vijay',
  'Priya|Anjali|Neha|Pooja|Sunita|Kavita|Divya|Sneha|Meera|Ritu|Aishwarya|Lakshmi',
  'Sharma|Patel|Gupta|Singh|Kumar|Agarwal|Mehta|Shah|Jain|Reddy|Iyer|Nair|Rao|Verma|Joshi|Malhotra|Kapoor|Chopra|Bansal|Desai|Menon|Pillai|Chauhan|Mishra|Banerjee|Das|Mukherjee|Khanna',
)
const PK = latin(
  'Muhammad|Ali|Ahmed|Usman|Bilal|Hamza|Imran|Faisal|Kashif|Asad|Zeeshan|Waqas',
  'Ayesha|Fatima|Sana|Hira|Zainab|Maryam|Sadia|Nadia',
  'Khan|Ahmed|Malik|Butt|Chaudhry|Qureshi|Sheikh|Raza|Iqbal|Siddiqui|Hussain|Mirza|Awan|Javed',
)
const BD = latin(
  'Mohammad|Rahim|Karim|Abdul|Rafiq|Tanvir|Sajid|Shakil|Arif|Mizanur',
  'Nusrat|Farzana|Taslima|Sharmin|Nasrin|Tahmina|Sumaiya',
  'Rahman|Hossain|Islam|Ahmed|Chowdhury|Uddin|Akter|Khan|Hasan|Alam|Sarkar|Das',
)
const ID = latin(
  'Budi|Agus|Andi|Dedi|Rudi|Hendra|Joko|Eko|Rizky|Fajar|Bambang',
  'Siti|Dewi|Sri|Rina|Putri|Ayu|Wulan|Indah|Lestari|Maya',
  'Santoso|Wijaya|Saputra|Hidayat|Kusuma|Gunawan|Setiawan|Halim|Tanoto|Susanto|Pratama|Nugroho',
)
const MY = latin(
  'Ahmad|Muhammad Faiz|Hafiz|Wei Ming|Jun Hao|Kumar|Azlan|Chee Keong|Ravi|Shahrul',
  'Nur Aisyah|Siti Aminah|Mei Ling|Hui Min|Priya|Farah|Li Ying|Nurul',
  'Tan|Lim|Lee|Wong|Ismail|Hassan|Abdullah|Rahman|Raj|Chong|Ong|Yusof',
)
const SG = latin(
  'Wei Ming|Jun Jie|Kelvin|Jason|Daniel|Arjun|Marcus|Darren',
  'Mei Ling|Hui Min|Rachel|Grace|Siti|Michelle|Jolene|Priya',
  'Tan|Lim|Lee|Ng|Ong|Wong|Goh|Chua|Koh|Teo|Kumar|Rahman',
)
const PH = latin(
  'Jose|Juan|Mark|John Paul|Carlo|Miguel|Ramon|Jerome|Paolo|Christian',
  'Maria|Angelica|Kristine|Jasmine|Mary Grace|Patricia|Joanna|Camille',
  'Santos|Reyes|Cruz|Bautista|Garcia|Mendoza|Dela Cruz|Ramos|Villanueva|Aquino|Castillo|Gonzales',
)
const TR: Culture = {
  male: parts('Mehmet|Mustafa|Ahmet|Ali|Hüseyin|Hasan|İbrahim|Murat|Emre|Burak|Serkan|Oğuz'),
  female: parts('Ayşe|Fatma|Elif|Zeynep|Emine|Merve|Esra|Selin|Derya|Gül'),
  family: parts(
    'Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|Kılıç|Aslan|Çetin|Koç|Kurt|Özkan',
  ),
}
const PL: Culture = {
  male: parts('Piotr|Krzysztof|Andrzej|Tomasz|Paweł|Marcin|Michał|Jakub|Łukasz|Kamil'),
  female: parts('Anna|Katarzyna|Magdalena|Agnieszka|Joanna|Monika|Aleksandra|Ewa|Marta|Karolina'),
  family: parts(
    'Kowalski|Nowak|Wiśniewski|Wójcik|Kowalczyk|Kamiński|Lewandowski|Zieliński|Szymański|Woźniak|Dąbrowski|Kozłowski|Jankowski|Mazur|Krawczyk',
  ),
  // Polish -ski/-cki names take -ska/-cka for women.
  feminize: (p) => (/[sc]ki$/.test(p.s) ? { s: p.s.slice(0, -1) + 'a', l: p.l.slice(0, -1) + 'a' } : p),
}
const NL = latin(
  'Jan|Pieter|Dirk|Bram|Thijs|Sander|Joost|Koen|Wouter|Maarten',
  'Anouk|Sanne|Lotte|Eva|Femke|Lieke|Marieke|Inge|Sophie|Emma',
  'de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Maes|Peeters|Wouters|Claes',
)
const SE = latin(
  'Erik|Lars|Anders|Johan|Karl|Per|Magnus|Nils|Oskar|Henrik',
  'Anna|Maria|Karin|Emma|Sara|Elin|Ingrid|Linnea|Sofia|Johanna',
  'Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Olsson|Persson|Svensson|Gustafsson|Lindberg|Lindqvist',
)
const NG = latin(
  'Chinedu|Emeka|Adebayo|Oluwaseun|Ibrahim|Musa|Tunde|Obinna|Babatunde|Uche|Segun|Abubakar',
  'Ngozi|Chioma|Funmilayo|Aisha|Blessing|Amaka|Folake|Zainab|Adaeze|Yetunde',
  'Okafor|Okonkwo|Adeyemi|Ogunleye|Eze|Nwosu|Bello|Abubakar|Adewale|Balogun|Olawale|Ibrahim|Chukwu|Obi|Afolabi|Okeke|Nwachukwu|Danjuma',
)
const GH = latin(
  'Kwame|Kofi|Kwabena|Yaw|Kojo|Kwaku|Emmanuel|Samuel',
  'Ama|Akosua|Abena|Efua|Adwoa|Esi|Grace|Priscilla',
  'Mensah|Owusu|Boateng|Asante|Osei|Appiah|Agyei|Addo|Ofori|Amoah',
)
const KE = latin(
  'Brian|Kevin|Dennis|Samuel|Joseph|Collins|Kipkemboi|Otieno|Peter|Daniel',
  'Faith|Mercy|Wanjiru|Grace|Njeri|Akinyi|Esther|Ruth',
  'Kamau|Mwangi|Otieno|Odhiambo|Wanjiku|Njoroge|Kiprop|Mutua|Ochieng|Kariuki|Mwende|Chebet',
)

// ---------------------------------------------------------------------------------------------
// Companies

/** [name in original script or null, latin name]; {X} placeholders are drawn once per company. */
type Template = readonly [string | null, string]

type CompanyStyle = {
  brand: (r: Rng) => Part
  words: readonly Part[]
  mods?: readonly Part[]
  ind: IndKey
  templates: readonly Template[]
}

const fromList =
  (xs: readonly Part[]) =>
  (r: Rng): Part =>
    pick(r, xs)

/**
 * Brands from a list or composed of two parts ('Пром' + 'снаб' → 'Промснаб' / 'Promsnab'), which is
 * how many trade names are coined; composing keeps tens of thousands of names apart.
 */
const composed =
  (
    list: readonly Part[],
    first: readonly Part[],
    second: readonly Part[],
    sepScript = '',
    sepLatin = sepScript,
  ) =>
  (r: Rng): Part => {
    if (r() < 0.35) return pick(r, list)
    const a = pick(r, first)
    let b = pick(r, second)
    while (b.l.toLowerCase() === a.l.toLowerCase()) b = pick(r, second)
    return { s: a.s + sepScript + b.s, l: a.l + sepLatin + b.l }
  }

// Chinese trade names are two auspicious characters; combining lists gives ~900 distinct brands.
// Each entry: simplified, traditional, pinyin, Cantonese (Hong Kong companies romanise in Cantonese).
const ZH_B1 = (
  '华華Hua Wah|鑫鑫Xin Yam|宏宏Hong Wang|恒恒Heng Hang|永永Yong Wing|金金Jin Kam|盛盛Sheng Shing|海海Hai Hoi|中中Zhong Chung|博博Bo Pok|' +
  '德德De Tak|天天Tian Tin|明明Ming Ming|嘉嘉Jia Ka|瑞瑞Rui Sui|万萬Wan Man|顺順Shun Shun|龙龍Long Lung|汇匯Hui Wui|佳佳Jia Kai|' +
  '丰豐Feng Fung|宝寶Bao Po|立立Li Lap|东東Dong Tung|新新Xin Sun|兴興Xing Hing|国國Guo Kwok|正正Zheng Ching|富富Fu Fu|荣榮Rong Wing'
).split('|')
const ZH_B2 = (
  '晟晟sheng Shing|达達da Tat|远遠yuan Yuen|通通tong Tung|兴興xing Hing|辉輝hui Fai|泰泰tai Tai|瑞瑞rui Sui|联聯lian Luen|雅雅ya Nga|' +
  '信信xin Shun|宇宇yu Yu|禾禾he Wo|丰豐feng Fung|利利li Lee|发發fa Fat|腾騰teng Tang|美美mei Mei|源源yuan Yuen|创創chuang Chong|' +
  '力力li Lik|诚誠cheng Shing|鸿鴻hong Hung|安安an On|成成cheng Shing|昌昌chang Cheong|和和he Wo|光光guang Kwong|科科ke Fo|伟偉wei Wai'
).split('|')

type ZhSyllable = { s: string; t: string; py: string; yue: string }
const zhSyllable = (x: string): ZhSyllable => {
  const [py, yue] = x.slice(2).split(' ') as [string, string]
  return { s: x[0]!, t: x[1]!, py, yue }
}
const ZH_FIRST = ZH_B1.map(zhSyllable)
const ZH_SECOND = ZH_B2.map(zhSyllable)

const zhBrand =
  (form: 'cn' | 'tw' | 'hk') =>
  (r: Rng): Part => {
    const a = pick(r, ZH_FIRST)
    let b = pick(r, ZH_SECOND)
    while (b.s === a.s) b = pick(r, ZH_SECOND)
    if (form === 'cn') return { s: a.s + b.s, l: a.py + b.py }
    if (form === 'tw') return { s: a.t + b.t, l: a.py + b.py }
    return { s: a.t + b.t, l: `${a.yue} ${b.yue}` }
  }

const STYLE_CN: CompanyStyle = {
  brand: zhBrand('cn'),
  words: parts(
    '贸易=Trading|进出口=Import & Export|实业=Industrial|科技=Technology|国际贸易=International Trading',
  ),
  ind: 'zhS',
  templates: [
    ['{C}市{B}{I}有限公司', '{C} {B} {I} Co., Ltd.'],
    ['{C}市{B}{I}有限公司', '{C} {B} {I} Co., Ltd.'],
    ['{C}{B}{W}有限公司', '{C} {B} {W} Co., Ltd.'],
    ['{C}市{B}{I}科技有限公司', '{C} {B} {I} Technology Co., Ltd.'],
    ['{B}{I}股份有限公司', '{B} {I} Corp., Ltd.'],
  ],
}

const STYLE_HK: CompanyStyle = {
  brand: zhBrand('hk'),
  words: parts('貿易=Trading|實業=Industrial|國際=International|科技=Technology|進出口=Import & Export'),
  ind: 'zhT',
  templates: [
    ['香港{B}{W}有限公司', 'Hong Kong {B} {W} Co., Limited'],
    ['{B}{W}有限公司', '{B} {W} Company Limited'],
    ['{B}{I}有限公司', '{B} {I} Limited'],
    ['{B}{W}集團有限公司', '{B} {W} Group Limited'],
  ],
}

const STYLE_TW: CompanyStyle = {
  brand: zhBrand('tw'),
  words: parts('貿易=Trading|實業=Industrial|國際=International|科技=Technology|企業=Enterprise'),
  ind: 'zhT',
  templates: [
    ['{B}{I}股份有限公司', '{B} {I} Co., Ltd.'],
    ['{B}{W}有限公司', '{B} {W} Co., Ltd.'],
    ['{C}{B}{W}股份有限公司', '{B} {W} Corporation'],
  ],
}

const STYLE_JP: CompanyStyle = {
  brand: composed(
    parts(
      '大和=Daiwa|東洋=Toyo|日本=Nihon|富士=Fuji|光=Hikari|大成=Taisei|三和=Sanwa|北辰=Hokushin|中央=Chuo|協和=Kyowa|平和=Heiwa|昭栄=Shoei|共栄=Kyoei',
    ),
    parts(
      '東=To|大=Dai|日=Nichi|富=Fu|三=San|北=Hoku|中=Chu|協=Kyo|平=Hei|昭=Sho|新=Shin|丸=Maru|太=Tai|明=Mei|千=Sen',
    ),
    parts('和=wa|洋=yo|栄=ei|成=sei|光=ko|進=shin|陽=yo|邦=ho|信=shin|精=sei|電=den|立=ritsu'),
  ),
  words: parts(
    '商事=Shoji|産業=Sangyo|工業=Kogyo|物産=Bussan|商会=Shokai|電機=Denki|貿易=Boeki|興業=Kogyo|通商=Tsusho|製作所=Seisakusho|トレーディング=Trading|インターナショナル=International',
  ),
  ind: 'ja',
  templates: [
    ['株式会社{B}{I}', '{B} {I} Co., Ltd.'],
    ['株式会社{F}{W}', '{F} {W} Co., Ltd.'],
    ['株式会社{B}{W}', '{B} {W} Co., Ltd.'],
    ['{B}{W}株式会社', '{B} {W} Corporation'],
    ['有限会社{F}{W}', '{F} {W} Ltd.'],
  ],
}

const STYLE_KR: CompanyStyle = {
  brand: composed(
    parts(
      '대한=Daehan|한성=Hansung|동양=Dongyang|삼진=Samjin|세원=Sewon|태광=Taekwang|우진=Woojin|대성=Daesung|신흥=Shinheung|한빛=Hanbit|미래=Mirae|새한=Saehan|영진=Youngjin|금성=Geumseong|동신=Dongshin|서울=Seoul|한라=Halla',
    ),
    parts(
      '대=Dae|한=Han|동=Dong|삼=Sam|세=Se|태=Tae|우=Woo|신=Shin|미=Mi|새=Sae|영=Young|금=Geum|성=Sung|현=Hyun|정=Jung|진=Jin|명=Myung|광=Kwang',
    ),
    parts(
      '한=han|성=sung|양=yang|진=jin|원=won|광=kwang|흥=heung|빛=bit|래=rae|일=il|화=hwa|신=shin|도=do|아=a|우=woo|명=myung',
    ),
  ),
  words: parts(
    '무역=Trading|산업=Industrial|상사=Corporation|물산=Mulsan|테크=Tech|통상=Tongsang|글로벌=Global|인터내셔널=International',
  ),
  ind: 'ko',
  templates: [
    ['(주){B}{I}', '{B} {I} Co., Ltd.'],
    ['(주){B}{W}', '{B} {W} Co., Ltd.'],
    ['{B}{W} 주식회사', '{B} {W} Corp.'],
    ['(주){B}{W}', '{B} {W} Inc.'],
  ],
}

const STYLE_VN: CompanyStyle = {
  brand: composed(
    accented(
      'Minh Phát|Hoàng Long|Thành Công|Phú Thịnh|An Phát|Tân Thành|Việt Tiến|Đại Phát|Hưng Thịnh|Sao Mai|Trường Thịnh|Kim Long|Nam Việt|Bảo Minh|Phúc Lộc|Gia Huy|Thiên Phú',
    ),
    accented(
      'Minh|Hoàng|Thành|Phú|An|Tân|Việt|Đại|Hưng|Kim|Nam|Bảo|Phúc|Gia|Thiên|Quang|Đức|Hải|Trường|Hòa|Thuận|Tiến|Sao|Ngọc',
    ),
    accented('Phát|Long|Công|Thịnh|Thành|Tiến|Lộc|Huy|Phú|Mai|Minh|An|Hưng|Việt|Đạt|Khang|Nguyên|Tín|Hà|Sơn'),
    ' ',
  ),
  words: parts(
    'Thương mại=Trading|Xuất nhập khẩu=Import Export|Sản xuất và Thương mại=Manufacturing & Trading|Đầu tư=Investment|Công nghệ=Technology',
  ),
  ind: 'vi',
  templates: [
    ['Công ty TNHH {W} {B}', '{B} {W} Co., Ltd.'],
    ['Công ty TNHH {I} {B}', '{B} {I} Co., Ltd.'],
    ['Công ty Cổ phần {W} {B}', '{B} {W} JSC'],
    ['Công ty TNHH {B}', '{B} Company Limited'],
  ],
}

const STYLE_TH: CompanyStyle = {
  brand: composed(
    parts(
      'สยาม=Siam|ไทยเจริญ=Thai Charoen|รุ่งเรือง=Rungruang|ศรีสวัสดิ์=Sri Sawat|เจริญชัย=Charoen Chai|ทองดี=Thongdee|พัฒนา=Pattana|สุขสวัสดิ์=Suksawat|ไทยสมาร์ท=Thai Smart|มหาชัย=Mahachai|บางกอก=Bangkok|เอเชีย=Asia',
    ),
    parts(
      'สยาม=Siam|ไทย=Thai|รุ่ง=Rung|ศรี=Sri|เจริญ=Charoen|ทอง=Thong|สุข=Suk|มหา=Maha|พร=Phon|วัฒนา=Wattana|ชัย=Chai|เอเชีย=Asia|โชค=Chok|แสง=Saeng',
    ),
    parts(
      'เจริญ=Charoen|รุ่งเรือง=Rungruang|พัฒนา=Phatthana|สวัสดิ์=Sawat|ชัย=Chai|ทอง=Thong|มงคล=Mongkhon|ไพบูลย์=Phaibun|กิจ=Kit|พาณิชย์=Phanit|ยนต์=Yon|อุดม=Udom',
    ),
    '',
    ' ',
  ),
  words: parts('เทรดดิ้ง=Trading|อินเตอร์เทรด=Intertrade|ซัพพลาย=Supply|อิมปอร์ต=Import|อินดัสตรี=Industry|กรุ๊ป=Group'),
  ind: 'th',
  templates: [
    ['บริษัท {B}{W} จำกัด', '{B} {W} Co., Ltd.'],
    ['บริษัท {B}{I} จำกัด', '{B} {I} Co., Ltd.'],
    ['บริษัท {B} {W} จำกัด (มหาชน)', '{B} {W} PCL'],
    ['ห้างหุ้นส่วนจำกัด {B}{W}', '{B} {W} Ltd., Part.'],
  ],
}

const AR_BRANDS = parts(
  'النور=Al Noor|الأمل=Al Amal|الصفا=Al Safa|البركة=Al Baraka|النهضة=Al Nahda|الواحة=Al Waha|الفجر=Al Fajr|الخليج=Al Khaleej|الجزيرة=Al Jazira|الشرق=Al Sharq|اليمامة=Al Yamama|المجد=Al Majd|الريم=Al Reem|السلام=Al Salam|البستان=Al Bustan|المنصور=Al Mansour|الزهراء=Al Zahra|الروضة=Al Rawda|الهلال=Al Hilal|السلطان=Al Sultan|الراشد=Al Rashid|العتيبي=Al Otaibi|الغامدي=Al Ghamdi|الشامسي=Al Shamsi|المزروعي=Al Mazrouei|السويدي=Al Suwaidi|الدوسري=Al Dosari|الكعبي=Al Kaabi|النعيمي=Al Nuaimi|الفلاسي=Al Falasi|دار السلام=Dar Al Salam|الأفق=Al Ofoq|الرواد=Al Rowad|الإتقان=Al Itqan|النخبة=Al Nokhba|الوفاء=Al Wafa|الثريا=Al Thuraya|اللؤلؤة=Al Lulua|الياسمين=Al Yasmin|القمة=Al Qimma|الأصيل=Al Aseel|بن حمد=Bin Hamad|بن سعيد=Bin Saeed',
)
const AR_WORDS = parts(
  'للتجارة العامة=General Trading|للتجارة=Trading|للاستيراد والتصدير=Import & Export|للتوزيع=Distribution',
)
const AR_MODS = parts(
  'الحديثة=Modern|المتحدة=United|الدولية=International|الذهبية=Golden|الخليجية=Gulf|الوطنية=National|العربية=Arabian',
)

const STYLE_AE: CompanyStyle = {
  brand: fromList(AR_BRANDS),
  words: AR_WORDS,
  mods: AR_MODS,
  ind: 'ar',
  templates: [
    ['{B} {W} ذ.م.م', '{B} {W} LLC'],
    ['{B} {I} ذ.م.م', '{B} {I} LLC'],
    ['{B} {I} م.م.ح', '{B} {I} FZE'],
    ['{P} {W} ذ.م.م', '{P} {W} LLC'],
    ['{B} {M} {W} ش.ذ.م.م', '{B} {M} {W} L.L.C'],
    ['{B} {M} {I} م.م.ح', '{B} {M} {I} FZCO'],
  ],
}

const STYLE_SA: CompanyStyle = {
  brand: fromList(AR_BRANDS),
  words: AR_WORDS,
  mods: AR_MODS,
  ind: 'ar',
  templates: [
    ['شركة {B} {I} المحدودة', '{B} {I} Co. Ltd.'],
    ['مؤسسة {P} {W}', '{P} {W} Est.'],
    ['شركة {B} {M} {W}', '{B} {M} {W} Co.'],
    ['مؤسسة {B} {I}', '{B} {I} Est.'],
    ['شركة {P} {I}', '{P} {I} Co.'],
  ],
}

const STYLE_GULF: CompanyStyle = {
  brand: fromList(AR_BRANDS),
  words: AR_WORDS,
  mods: AR_MODS,
  ind: 'ar',
  templates: [
    ['{B} {W} {L}', '{B} {W} {L}'],
    ['شركة {B} {I} {L}', '{B} {I} Co. {L}'],
    ['{B} {M} {W} {L}', '{B} {M} {W} {L}'],
    ['مؤسسة {P} {W}', '{P} {W} Est.'],
  ],
}

const STYLE_EG: CompanyStyle = {
  brand: fromList(AR_BRANDS.map((b) => ({ s: b.s, l: b.l.replace(/^Al /, 'El ') }))),
  words: AR_WORDS,
  mods: AR_MODS.filter((m) => m.l !== 'Gulf'),
  ind: 'ar',
  templates: [
    ['شركة {B} {W}', '{B} {W} Co.'],
    ['شركة {B} {I} ش.م.م', '{B} {I} LLC'],
    ['{B} {M} {W} ش.م.م', '{B} {M} {W} S.A.E.'],
    ['شركة {P} {W}', '{P} {W} Co.'],
  ],
}

const STYLE_MAGHREB: CompanyStyle = {
  brand: fromList(
    parts(
      'الأطلس=Atlas|النور=Ennour|الأمل=El Amal|المغرب=Maghreb|السلام=Salam|الفتح=El Fath|الريف=Rif|سوس=Souss|الوفاء=El Wafa|النجمة=Najma|الصحراء=Sahara|الأندلس=Andalous|الهضاب=Hauts Plateaux|المتوسط=Méditerranée|الرياض=Riad|الياسمين=Yasmine|الزيتونة=Zitouna|النخيل=Nakhil|القصبة=Kasbah|الواحة=Oasis|الأمان=El Amane|البركة=Baraka|الهدى=El Houda|الفجر=El Fajr|الشروق=Chourouk|الضياء=Diaa|النصر=Ennasr|الريان=Rayane|السعادة=Saada|اليسر=El Yousr',
    ),
  ),
  words: parts('للاستيراد والتصدير=Import Export|للتوزيع=Distribution|للتجارة=Négoce|للتجهيز=Équipement'),
  mods: parts('الحديثة=Moderne|الدولية=International|الوطنية=Nationale|المغاربية=Maghrébine'),
  ind: 'arfr',
  templates: [
    ['شركة {B} {W} ش.م.م', 'Société {B} {W} SARL'],
    ['{B} {I} ش.م.م', '{B} {I} SARL'],
    ['شركة {B} {M} {I}', 'Société {B} {I} {M}'],
    ['{B} {M} {W}', '{B} {M} {W} SA'],
    ['شركة {P} {W}', 'Ets {P} {W}'],
  ],
}

const RU_BRANDS =
  'Восток=Vostok|Сибирь=Sibir|Альянс=Alliance|Прогресс=Progress|Гранит=Granit|Меридиан=Meridian|Вектор=Vektor|Импульс=Impuls|Стандарт=Standart|Техно=Tekhno|Евразия=Evraziya|Континент=Kontinent|Альфа=Alfa|Орион=Orion|Феникс=Feniks|Атлант=Atlant|Волга=Volga|Енисей=Yenisei|Азимут=Azimut|Горизонт=Gorizont|Элемент=Element|Спектр=Spektr|Север=Sever|Урал=Ural|Байкал=Baikal|Парус=Parus'

const RU_FIRST = parts(
  'Пром=Prom|Строй=Stroy|Тех=Tekh|Торг=Torg|Евро=Evro|Авто=Avto|Электро=Elektro|Спец=Spets|Мега=Mega|Сиб=Sib|Урал=Ural|Волга=Volga|Рос=Ros|Гранд=Grand|Глобал=Global|Нова=Nova|Энерго=Energo|Агро=Agro|Мир=Mir|Дон=Don',
)
const RU_SECOND = parts(
  'снаб=snab|импорт=import|сервис=servis|комплект=komplekt|маркет=market|торг=torg|логистик=logistik|групп=grupp|техника=tekhnika|опт=opt|ресурс=resurs|профи=profi|лайн=layn|стиль=stil|трейд=treyd',
)

const STYLE_RU: CompanyStyle = {
  brand: composed(parts(RU_BRANDS), RU_FIRST, RU_SECOND),
  words: parts('Трейд=Trade|Импорт=Import|Групп=Group|Снаб=Snab|Логистик=Logistic|Опт=Opt'),
  ind: 'ru',
  templates: [
    ['{L} «{B}»', '{B} {L}'],
    ['{L} «{B} {W}»', '{B} {W} {L}'],
    ['{L} «{B}-{I}»', '{B}-{I} {L}'],
    ['ТД «{B}»', 'TD {B}'],
    ['{L} «ТД {B}»', 'TD {B} {L}'],
  ],
}

const STYLE_KZ: CompanyStyle = {
  ...STYLE_RU,
  brand: composed(
    parts(`${RU_BRANDS}|Алтын=Altyn|Жетысу=Zhetysu|Казтрейд=KazTrade|Степь=Step|Тенгри=Tengri`),
    parts(
      'Каз=Kaz|Астана=Astana|Алатау=Alatau|Степь=Step|Евразия=Evraziya|Пром=Prom|Строй=Stroy|Тех=Tekh|Агро=Agro|Энерго=Energo',
    ),
    RU_SECOND,
  ),
}

const STYLE_UA: CompanyStyle = {
  brand: composed(
    parts(
      'Схід=Skhid|Альянс=Alians|Меридіан=Merydian|Прогрес=Progres|Галичина=Halychyna|Дніпро=Dnipro|Карпати=Karpaty|Вектор=Vektor|Світло=Svitlo|Техно=Tekhno|Поділля=Podillia|Полісся=Polissia|Славутич=Slavutych',
    ),
    parts(
      'Пром=Prom|Буд=Bud|Тех=Tekh|Торг=Torh|Євро=Yevro|Авто=Avto|Електро=Elektro|Агро=Ahro|Укр=Ukr|Спец=Spets|Мега=Meha|Енерго=Enerho|Світ=Svit|Зах=Zakh',
    ),
    parts(
      'трейд=treid|імпорт=import|сервіс=servis|постач=postach|маркет=market|торг=torh|збут=zbut|комплект=komplekt|ресурс=resurs|лайн=lain|груп=hrup',
    ),
  ),
  words: parts('Трейд=Trade|Імпорт=Import|Груп=Group|Постач=Postach'),
  ind: 'en',
  templates: [
    ['ТОВ «{B}»', '{B} LLC'],
    ['ТОВ «{B} {W}»', '{B} {W} LLC'],
    ['ПП «{B}»', '{B} PE'],
    ['ТОВ «{B}-{C}»', '{B}-{C} LLC'],
    ['ТОВ «Торговий дім «{B}»', 'Trading House {B} LLC'],
    ['ФОП {P}', 'PE {P}'],
  ],
}

/** Company style for latin-script countries: no original-script name. */
const latinStyle = (
  ind: IndKey,
  brands: string,
  words: string,
  templates: readonly string[],
  compose?: { first: string; second: string; sep?: string },
): CompanyStyle => {
  const list = parts(brands)
  return {
    brand: compose
      ? composed(list, parts(compose.first), parts(compose.second), compose.sep ?? '')
      : fromList(list),
    words: parts(words),
    ind,
    templates: templates.map((t) => [null, t] as const),
  }
}

const EN_BRANDS =
  'Pacific|Atlantic|Summit|Pinnacle|Evergreen|Blue Ridge|Red Oak|Silverline|Northstar|Eagle|Liberty|Keystone|Harbor|Crescent|Coastal|Lakeside|Highland|Apex|Prime|Union|Heritage|Sterling|Granite|Bright|Sunrise|Meridian|Frontier|Cardinal|Redwood|Ironwood|Bluewater|Oakridge|Westfield|Riverside|Horizon|Compass|Beacon|Trident'
const EN_WORDS =
  'Group|Supply|Imports|Distribution|Trading|Solutions|Wholesale|Sourcing|Industries|Brands|Enterprises|International|Products|Direct'
const EN_TEMPLATES = [
  '{F} {I} {L}',
  '{B} {I} {L}',
  '{B} {W} {L}',
  '{F} & {G} {L}',
  '{F} {W} {L}',
  '{C} {I} {W} {L}',
  '{B} {I} {W} {L}',
  '{B} {I} {W} {L}',
]
// Anglophone Africa coins names from two English words ('Royal Gate', 'Kings Point').
const AFRICA_SECOND = 'Star|Field|Gate|Point|Land|Way|Link|Hill|Stone|Light|Touch|Wave|Crest|Bridge'

const STYLE_US = latinStyle(
  'en',
  `${EN_BRANDS}|Lone Star|Golden State|Empire|Great Plains|Gulf Coast|Bay Area|Midwest`,
  EN_WORDS,
  EN_TEMPLATES,
)
const STYLE_GB = latinStyle(
  'en',
  `${EN_BRANDS}|Albion|Thames|Pennine|Britannia|Crown|Windsor|Cotswold|Mersey`,
  EN_WORDS,
  EN_TEMPLATES,
)
const STYLE_AU = latinStyle(
  'en',
  `${EN_BRANDS}|Southern Cross|Outback|Coral Coast|Eureka|Kookaburra|Murray|Top End`,
  EN_WORDS,
  EN_TEMPLATES,
)
const STYLE_CA = latinStyle(
  'en',
  `${EN_BRANDS}|Maple Leaf|Northern|Great Lakes|Rocky Mountain|True North|Laurentian`,
  EN_WORDS,
  EN_TEMPLATES,
)
const STYLE_IE = latinStyle(
  'en',
  `${EN_BRANDS}|Shamrock|Celtic|Emerald Isle|Liffey|Atlantic Way`,
  EN_WORDS,
  EN_TEMPLATES,
)
const STYLE_ZA = latinStyle(
  'en',
  `${EN_BRANDS}|Protea|Springbok|Highveld|Karoo|Ubuntu|Cape|Limpopo|Table Bay`,
  EN_WORDS,
  ['{B} {W} {L}', '{F} {I} {L}', '{B} {I} {L}', '{F} & {G} {L}', '{C} {I} {W} {L}'],
)
const STYLE_NG = latinStyle(
  'en',
  'Royal|Grace|Divine|Golden Eagle|Unity|Emerald|Crown|Excel|Prime Star|Jubilee|Mega|Ebony|Niger Delta|Eko|Zion|Covenant|Kingsway|Green Field',
  'Ventures|Global Enterprises|Integrated Services|Trading|Concepts|Resources|Merchants|Industries',
  ['{B} {W} {L}', '{F} & Sons {L}', '{F} {W} {L}', '{B} {I} Nigeria {L}', '{B} {I} {L}', '{B} {I} {W} {L}'],
  {
    first:
      'Royal|Grace|Divine|Golden|Unity|Emerald|Crown|Excel|Prime|Jubilee|Mega|Ebony|Eko|Zion|Kings|Green|Great|Bright|Rock|Life',
    second: AFRICA_SECOND,
    sep: ' ',
  },
)
const STYLE_GH = latinStyle(
  'en',
  'Adom|Nyame Dua|Akwaaba|Sika|Gye Nyame|Kente|Volta|Ashanti|Royal Gold|Blessed|Star|Golden Coast',
  'Ventures|Enterprise|Trading|Company|Merchants|Imports',
  ['{B} {W} {L}', '{F} {W} {L}', '{B} {I} {L}', '{F} & Sons {L}', '{B} {I} {W} {L}'],
  {
    first: 'Adom|Akwaaba|Sika|Kente|Volta|Ashanti|Royal|Blessed|Golden|Grace|Unity|Osagyefo',
    second: AFRICA_SECOND,
    sep: ' ',
  },
)
const STYLE_KE = latinStyle(
  'en',
  'Savannah|Rift Valley|Safari|Jambo|Umoja|Harambee|Simba|Tana|Mara|Kilima|Nyota|Baraka',
  'Supplies|Enterprises|Trading Company|Distributors|Agencies|Ventures',
  ['{B} {W} {L}', '{F} {W} {L}', '{B} {I} {L}', '{B} {I} {W} {L}'],
  {
    first: 'Savannah|Rift|Safari|Jambo|Umoja|Simba|Tana|Mara|Kilima|Nyota|Baraka|Amani',
    second: AFRICA_SECOND,
    sep: ' ',
  },
)
const STYLE_IN = latinStyle(
  'en',
  'Shree Ganesh|Lakshmi|Sai|Om|Krishna|Balaji|Shiv|Ganga|Sagar|Vishal|Mahalaxmi|Navkar|Kohinoor|Sun|Royal|Global|Indo|Shubh|Siddhi|Jai Hind|Bharat|Trimurti',
  'Exports|Enterprises|Traders|Impex|Industries|Overseas|International|Agencies',
  ['{F} {W} {L}', '{B} {W} {L}', '{B} {I} {L}', '{F} & Sons', '{B} {I} {W} {L}', '{F} {I} {W}', '{B} {W}'],
  {
    first: 'Shree|Sri|Jai|Om|Sai|Maha|Navi|Param|Nava|Dev|Raj|Indo|Sun|Star',
    second:
      'Ganesh|Lakshmi|Krishna|Balaji|Shiv|Ganga|Sagar|Vishal|Durga|Kaveri|Gayatri|Ambika|Mahavir|Tirupati',
    sep: ' ',
  },
)
const STYLE_PK = latinStyle(
  'en',
  'Al-Madina|Crescent|Star|Hilal|Shaheen|Indus|Punjab|Sialkot|Pak|Al-Rehman|Noor|Mehran|Khyber|Ravi',
  'Traders|Enterprises|Industries|Impex|International|Corporation|Sports',
  ['{F} {W} {L}', '{B} {W} {L}', '{B} {I} {L}', '{F} & Co.', '{B} {W}', '{B} {I} {W} {L}'],
  {
    first: 'Al|Pak|Crescent|Star|Shaheen|Indus|Punjab|Noor|Mehran|Khyber|Ravi|Royal|Sialkot|Faisal',
    second: 'Brothers|Star|Crown|Links|Tex|Crafts|Gate|Line|Pride',
    sep: ' ',
  },
)
const STYLE_BD = latinStyle(
  'en',
  'Bengal|Padma|Meghna|Jamuna|Karnaphuli|Sonar Bangla|Rupali|Delta|Sundarban|Green|Ananta|Bashundhara',
  'Group|Trading|Apparels|Enterprise|Industries|Knit Composite|Fashions',
  ['{B} {W} {L}', '{F} {W}', '{B} {I} {L}', '{B} {W}', '{B} {I} {W} {L}'],
  {
    first:
      'Bengal|Padma|Meghna|Jamuna|Karnaphuli|Sonar|Rupali|Delta|Sundarban|Green|Ananta|Dhaka|Chittagong|Surma',
    second: 'Tex|Knit|Star|Line|Design|Dyeing|Sweaters|Denim|Thread',
    sep: ' ',
  },
)
const STYLE_ID = latinStyle(
  'en',
  'Maju|Sinar|Cahaya|Berkah|Karya|Sukses|Mitra|Jaya|Sumber|Tunas|Bintang|Surya|Mega|Abadi',
  'Jaya Abadi|Makmur Sentosa|Sejahtera|Mandiri|Gemilang|Perkasa|Utama|Indah Lestari|Nusantara|Bersama',
  ['PT {B} {W}', 'PT {B} {W} Indonesia', 'CV {B} {W}', 'PT {B} {I} Indonesia', 'PT {B} {W} {I}'],
  {
    first: 'Maju|Sinar|Cahaya|Berkah|Karya|Sukses|Mitra|Sumber|Tunas|Bintang|Surya|Mega|Dwi|Tri|Putra|Indo',
    second: 'Jaya|Abadi|Makmur|Sentosa|Sejahtera|Mandiri|Gemilang|Perkasa|Utama|Lestari|Mulia|Baru',
    sep: ' ',
  },
)
const STYLE_MY = latinStyle(
  'en',
  'Mega|Gemilang|Perdana|Jaya|Cemerlang|Bintang|Harmoni|Mutiara|Sinar|Wawasan|Eastern|Golden Dragon|Klang Valley',
  'Trading|Enterprise|Resources|Industries|Marketing|Supplies|Holdings',
  ['{B} {W} {L}', '{F} Brothers {L}', '{B} {I} {L}', '{B} {I} {W} {L}'],
  {
    first:
      'Mega|Gemilang|Perdana|Jaya|Cemerlang|Bintang|Harmoni|Mutiara|Sinar|Wawasan|Eastern|Golden|Klang|Seri',
    second: 'Jaya|Maju|Emas|Timur|Murni|Indah|Setia|Dragon|Star|Bay',
    sep: ' ',
  },
)
const STYLE_SG = latinStyle(
  'en',
  'Lion City|Merlion|Orchard|Marina|Jurong|Straits|Temasek|Raffles|Keppel|Eastwind|Lucky Star|Prosper',
  EN_WORDS,
  ['{B} {W} {L}', '{B} {I} {L}', '{F} {W} {L}', '{B} {I} {W} {L}'],
)
const STYLE_PH = latinStyle(
  'en',
  'Luzon|Visayas|Manila Bay|Pacific|Golden Star|Bayanihan|Mabuhay|Sampaguita|Mindanao|Island|Perlas|Bagong Araw',
  'Trading|Enterprises|Marketing|Distributors|Industries|Merchandising',
  ['{F} {W} {L}', '{B} {I} {L}', '{B} {W} {L}', '{B} {I} {W} {L}'],
)
const STYLE_SE = latinStyle(
  'en',
  'Nordic|Norrland|Vasa|Svea|Fjäll|Baltic|Nova|Skandi|Kust|Polar|Göta|Vinga',
  'Trading|Import|Handel|Distribution|Group|Produkter',
  ['{F} {W} {L}', '{B} {W} {L}', '{B} {I} {L}', '{F} & {G} {L}', '{B} {I} {W} {L}'],
  {
    first: 'Nord|Syd|Väst|Öst|Svea|Skandi|Norr|Fjäll|Sjö|Berg|Sol|Ek',
    second: 'handel|import|trading|produkter|teknik|gruppen|lager|partner',
  },
)

const STYLE_FR = latinStyle(
  'fr',
  'Atlantique|Provence|Horizon|Europa|Alpes|Méditerranée|Azur|Lumière|Océane|Étoile|Hexagone|Armor|Loire|Garonne|Vauban|Occitane|Normandie|Rhône',
  'Import|Distribution|Négoce|Diffusion|International|Équipement',
  [
    'Société {F} {W} {L}',
    '{F} {W} {L}',
    'Ets {F} & Fils',
    '{B} {I} {L}',
    '{F} Frères {L}',
    'Groupe {F}',
    '{F} {I} {L}',
    '{B} {W} {L}',
    '{I} {F} {L}',
  ],
  {
    first: 'Euro|Franco|Inter|Hexa|Atlan|Medi|Sud|Nord|Ouest|Tech|Pro|Distri|Azur|Cap',
    second: 'com|tec|trade|diffusion|import|services|négoce|plast|lux|dis',
  },
)
const STYLE_DE = latinStyle(
  'de',
  'Nordstern|Rhein|Alpen|Elbe|Hansa|Sonnen|Euro|Prima|Weser|Süd|Ostsee|Adler|Falke|Lichtblick|Main|Donau|Spree|Isar',
  'Handels|Vertriebs|Import-Export|Großhandel|Versand|Trading',
  [
    '{F} {W} {L}',
    '{F} {I} {L}',
    '{B} {I} {L}',
    '{F} & {G} {L}',
    '{B} {W} {L}',
    '{F} {I} GmbH & Co. KG',
    '{B}-{I} {L}',
    '{F} {W} {L}',
  ],
  {
    first: 'Nord|Süd|West|Ost|Rhein|Elb|Main|Alpen|Hansa|Euro|Sonnen|Stahl|Licht|Tech|Inter|Pro',
    second: 'handel|tec|trade|line|logistik|werk|vertrieb|technik|plast|star|import|versand',
  },
)
const STYLE_ES = latinStyle(
  'es',
  'Del Sol|Andina|Pacífico|Iberia|Atlántico|Azteca|Mediterráneo|Cóndor|Sierra|Río Grande|Valle|Continental|Central|Nova|Luz|Aurora|Sur|Maya|Plata|Patagonia',
  'Distribuciones|Importaciones|Comercial|Suministros|Internacional',
  [
    'Distribuidora {F} {L}',
    'Comercial {F} {L}',
    'Importaciones {F} {L}',
    '{I} {B} {L}',
    'Grupo {F} {L}',
    '{F} e Hijos {L}',
    'Comercializadora {B} {L}',
    '{F} y {G} {L}',
    '{B} {W} {L}',
    '{I} {F} {L}',
    'Distribuidora {B} {L}',
    '{F} Hermanos {L}',
    '{I} {C} {L}',
  ],
  {
    first:
      'Nueva|Gran|Santa|Costa|Tierra|Mar|Sol|Valle|Río|Sierra|Puerto|Campo|Villa|Monte|Alta|Buena|Casa|Luna',
    second: 'Vista|Luz|Norte|Sur|Verde|Azul|Fuerte|Flor|Esperanza|Aurora|Estrella|Plata|Real|Unión|Mar|Sol',
    sep: ' ',
  },
)
const STYLE_PT = latinStyle(
  'pt',
  'Brasil Sul|Horizonte|Atlântico|Estrela|Nova Era|Aurora|Real|Primavera|Tropical|Paulista|Lusitana|Minas|Cruzeiro|Amazônia|Guanabara|Ipiranga',
  'Comércio e Importação|Distribuidora|Importadora|Comercial|Representações',
  [
    'Comercial {F} {L}',
    '{F} Importadora {L}',
    '{B} {I} {L}',
    'Distribuidora {B} {L}',
    '{B} {W} {L}',
    '{F} & Filhos {L}',
    '{F} {I} {L}',
    '{B} {I} {W} {L}',
  ],
  {
    first: 'Nova|Real|Grande|Bela|Alta|Boa|Santa|Costa|Terra|Mar|Sol|Vale|Rio|Serra|Porto|Campo|Vila|Casa',
    second: 'Vista|Luz|Norte|Sul|Verde|Azul|Forte|Flor|Esperança|Aurora|Estrela|Brasil|União|Mar|Sol|Prata',
    sep: ' ',
  },
)
const STYLE_IT = latinStyle(
  'it',
  'Italia|Adriatica|Tirrena|Lombarda|Stella|Sole|Alpina|Euro|Nova|Mediterranea|Padana|Toscana|Aurora|Vesuvio|Etna|Dolomiti',
  'Import|Forniture|Commerciale|Distribuzione|Trading',
  [
    '{F} {L}',
    '{F} {W} {L}',
    '{B} {I} {L}',
    'F.lli {F} {L}',
    '{F} & C. {L}',
    'Commerciale {F} {L}',
    '{I} {F} {L}',
    '{B} {W} {L}',
  ],
  {
    first: 'Euro|Ital|Medi|Tecno|Nord|Sud|Centro|Alpi|Sole|Terra|Mare|Gran|Elettro|Lux',
    second: 'tex|plast|trade|luce|forniture|import|commerce|service|sistemi|tecnica|stampi|metal',
  },
)
const STYLE_NL = latinStyle(
  'nl',
  'Holland|Noordzee|Delta|Oranje|Polder|Tulp|Rijnmond|Benelux|Maas|Zeeland|Schelde|Kempen|Brabant|Vlaanderen',
  'Trading|Import|Groothandel|Handelsonderneming|Distributie|Group',
  ['{F} {W} {L}', '{B} {W} {L}', '{F} & Zn. {L}', '{B} {I} {L}', '{F} {I} {L}', '{B} {I} {W} {L}'],
  {
    first: 'Holland|Noord|Zuid|West|Oost|Euro|Delta|Rijn|Maas|Polder|Oranje|Tulp|Zee|Hanze',
    second: 'trade|import|handel|groep|techniek|com|lux|line|star|port|land',
  },
)
const STYLE_PL = latinStyle(
  'pl',
  'Polmex|Wisła|Baltic|Mazowsze|Orzeł|Tatry|Amber|Pol-Trade|Eurotrans|Bałtyk|Karpaty|Warta|Odra|Sudety',
  'Import-Eksport|Handel|Dystrybucja|Trading|Hurt',
  ['{F} {W} {L}', '{B} {W} {L}', 'P.H.U. {F}', '{B} Polska {L}', '{B} {I} {L}', 'P.H.U. {B} {F}'],
  {
    first: 'Pol|Euro|Inter|Agro|Budo|Elektro|Trans|Tech|Mazo|Wielko|Mega|Stal|Bałt|Mar',
    second: 'mex|bud|pol|trans|tex|met|plast|hurt|trade|stal|med|sped|hand|lux',
  },
)
const STYLE_TR = latinStyle(
  'tr',
  'Anadolu|Marmara|Ege|Akdeniz|Karadeniz|Boğaziçi|Yıldız|Güneş|Ekin|Kartal|Doğu|Atlas|Vatan|Zirve|Umut|Toros|Pamukkale',
  'Dış Ticaret|İthalat İhracat|Pazarlama|Ticaret|Dağıtım',
  [
    '{F} {W} Ltd. Şti.',
    '{B} {W} San. ve Tic. A.Ş.',
    '{B} Grup A.Ş.',
    '{F} {W} A.Ş.',
    '{B} {I} San. ve Tic. Ltd. Şti.',
    '{F} {I} {W} Ltd. Şti.',
  ],
  {
    first: 'Ak|Kara|Yeni|Özer|Güven|Altın|Demir|Yıldız|Deniz|Ege|Anadolu|Başak|Ekin|Toprak|Gök|Tuna',
    second: 'kent|soy|han|pazar|yol|kaya|tan|er|tek|net|met|san|kon|lar',
  },
)

// ---------------------------------------------------------------------------------------------
// Phone numbers
//
// Patterns are national significant numbers: X any digit, N 2–9, [..] a set or range, A the city's
// area code (itself a pattern), R random digits up to `len`. They follow each numbering plan
// (verified against libphonenumber-js in the tests), and geographic numbers match the city.

type PhoneSpec = {
  cc: string
  mobile: readonly string[]
  land?: readonly string[]
  areas?: Readonly<Record<string, readonly string[]>>
  /** Total national length when a pattern ends with R. */
  len: number
}

const DIGITS = '0123456789'

function expandSet(body: string): string {
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (body[i + 1] === '-' && i + 2 < body.length) {
      for (let d = Number(c); d <= Number(body[i + 2]); d++) out += String(d)
      i += 2
    } else out += c
  }
  return out
}

type Tok = string // a set of digits to choose from; 'A' and 'R' are markers

const compiled = new Map<string, readonly Tok[]>()
function compile(p: string): readonly Tok[] {
  let toks = compiled.get(p)
  if (toks) return toks
  const out: Tok[] = []
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!
    if (c === '[') {
      const end = p.indexOf(']', i)
      out.push(expandSet(p.slice(i + 1, end)))
      i = end
    } else if (c === 'X') out.push(DIGITS)
    else if (c === 'N') out.push('23456789')
    else out.push(c)
  }
  toks = out
  compiled.set(p, toks)
  return toks
}

function expand(r: Rng, pattern: string, spec: PhoneSpec, city: string): string {
  let out = ''
  for (const t of compile(pattern)) {
    if (t === 'A') {
      const areas = spec.areas?.[city] ?? Object.values(spec.areas ?? {})[0] ?? ['']
      out += expand(r, pick(r, areas), spec, city)
    } else if (t === 'R') {
      while (out.length < spec.len) out += String(Math.floor(r() * 10))
    } else out += t.length === 1 ? t : t[Math.floor(r() * t.length)]!
  }
  return out
}

function phoneNumber(r: Rng, spec: PhoneSpec, city: string, kind: 'mobile' | 'land'): string {
  const list = kind === 'land' && spec.land ? spec.land : spec.mobile.length ? spec.mobile : spec.land!
  return `+${spec.cc}${expand(r, pick(r, list), spec, city)}`
}

// ---------------------------------------------------------------------------------------------
// Countries

type Messenger = 'whatsapp' | 'wechat' | 'line' | 'telegram' | 'viber' | 'zalo' | 'kakao'

type Country = {
  code: string
  weight: number
  culture: Culture
  style: CompanyStyle
  legal?: readonly Part[]
  langs: Weighted<Lang>
  currency: Weighted<Currency>
  phone: PhoneSpec
  tld: readonly string[]
  mail: readonly string[]
  /** Chance that a contact uses each messenger. */
  msg: Readonly<Partial<Record<Messenger, number>>>
  streets?: readonly string[]
  /** Address layout: {n} number, {S} street, {u} unit. */
  address?: readonly string[]
  /** Chinese-speaking customers are called by their Chinese name. */
  displayOriginal?: boolean
  /** Writes traditional characters (Hong Kong, Taiwan). */
  hant?: boolean
  /** Cities whose language and naming differ from the rest of the country (Geneva, Montreal). */
  byCity?: Readonly<Record<string, Partial<Country>>>
}

const L = parts
const eur: Weighted<Currency> = [
  ['EUR', 7],
  ['USD', 3],
]
const usd: Weighted<Currency> = [['USD', 1]]
const GMAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com']

const US_STREETS = [
  'Main Street',
  'Commerce Drive',
  'Industrial Parkway',
  'Market Street',
  'Broadway',
  'Oak Avenue',
  'Park Avenue',
  'Harbor Boulevard',
  'Lakeview Drive',
  'Enterprise Way',
]

const COUNTRIES: readonly Country[] = [
  {
    code: 'US',
    weight: 12,
    culture: EN,
    style: STYLE_US,
    legal: L('Inc.|LLC|Corp.|Co.|LLC'),
    langs: [['en', 1]],
    currency: usd,
    phone: {
      cc: '1',
      len: 10,
      mobile: ['ANR'],
      areas: {
        'New York': ['212', '646', '917', '718', '347'],
        'Los Angeles': ['213', '310', '323', '424', '818'],
        Chicago: ['312', '773', '872'],
        Houston: ['713', '832', '281'],
        Miami: ['305', '786'],
        Phoenix: ['602', '480', '623'],
        Seattle: ['206', '425'],
        Denver: ['303', '720'],
      },
    },
    tld: ['com', 'com', 'net', 'us'],
    mail: GMAIL,
    msg: { whatsapp: 0.35 },
    streets: US_STREETS,
    address: ['{n} {S}', '{n} {S}, Suite {u}'],
  },
  {
    code: 'CA',
    weight: 2,
    culture: EN,
    style: STYLE_CA,
    legal: L('Inc.|Ltd.|Corp.'),
    langs: [['en', 1]],
    currency: [
      ['USD', 3],
      ['CAD', 1],
    ],
    phone: {
      cc: '1',
      len: 10,
      mobile: ['ANR'],
      areas: {
        Toronto: ['416', '647', '437'],
        Montreal: ['514', '438'],
        Ottawa: ['613', '343'],
        Vancouver: ['604', '778', '236'],
        Calgary: ['403', '587'],
        Edmonton: ['780', '825'],
        Winnipeg: ['204', '431'],
        Halifax: ['902', '782'],
      },
    },
    tld: ['ca', 'com'],
    mail: GMAIL,
    msg: { whatsapp: 0.4 },
    streets: US_STREETS,
    address: ['{n} {S}', '{u}-{n} {S}'],
    byCity: {
      Montreal: {
        culture: FR,
        style: STYLE_FR,
        legal: L('Inc.|Ltée|S.E.N.C.'),
        langs: [
          ['fr', 8],
          ['en', 2],
        ],
        streets: ['rue Sainte-Catherine', 'boulevard Saint-Laurent', 'rue Sherbrooke', 'avenue du Parc'],
        address: ['{n}, {S}'],
      },
    },
  },
  {
    code: 'MX',
    weight: 3,
    culture: ES,
    style: STYLE_ES,
    legal: L('S.A. de C.V.|S.A. de C.V.|S. de R.L. de C.V.'),
    langs: [['es', 1]],
    currency: [
      ['USD', 9],
      ['MXN', 1],
    ],
    phone: {
      cc: '52',
      len: 10,
      mobile: ['ANR'],
      areas: {
        'Mexico City': ['55', '56'],
        Guadalajara: ['33'],
        Puebla: ['222'],
        Monterrey: ['81'],
        Tijuana: ['664'],
        'Ciudad Juárez': ['656'],
        Hermosillo: ['662'],
        Cancún: ['998'],
      },
    },
    tld: ['com.mx', 'mx', 'com'],
    mail: ['gmail.com', 'hotmail.com', 'outlook.com', 'prodigy.net.mx'],
    msg: { whatsapp: 0.9 },
    streets: [
      'Avenida Insurgentes Sur',
      'Avenida Juárez',
      'Calle Hidalgo',
      'Avenida Reforma',
      'Calle Morelos',
      'Boulevard Díaz Ordaz',
    ],
    address: ['{S} {n}', '{S} {n}, Int. {u}'],
  },
  {
    code: 'BR',
    weight: 4,
    culture: PT,
    style: STYLE_PT,
    legal: L('Ltda.|Ltda.|S.A.|ME'),
    langs: [['pt', 1]],
    currency: [
      ['USD', 85],
      ['BRL', 15],
    ],
    phone: {
      cc: '55',
      len: 11,
      mobile: ['A9[6-9]R'],
      land: ['A[23]XXXXXXX'],
      areas: {
        'São Paulo': ['11'],
        'Rio de Janeiro': ['21'],
        'Belo Horizonte': ['31'],
        Curitiba: ['41'],
        'Porto Alegre': ['51'],
        Recife: ['81'],
        Fortaleza: ['85'],
        Manaus: ['92'],
      },
    },
    tld: ['com.br'],
    mail: ['gmail.com', 'hotmail.com', 'uol.com.br', 'outlook.com'],
    msg: { whatsapp: 0.95 },
    streets: [
      'Avenida Paulista',
      'Rua Augusta',
      'Rua das Flores',
      'Avenida Brasil',
      'Rua XV de Novembro',
      'Rua da Indústria',
    ],
    address: ['{S}, {n}', '{S}, {n} - Sala {u}'],
  },
  {
    code: 'AR',
    weight: 1,
    culture: ES,
    style: STYLE_ES,
    legal: L('S.A.|S.R.L.'),
    langs: [['es', 1]],
    currency: usd,
    phone: {
      cc: '54',
      len: 11,
      mobile: ['9A[2-6]R'],
      areas: {
        'Buenos Aires': ['11'],
        Córdoba: ['351'],
        Rosario: ['341'],
        Mendoza: ['261'],
        Salta: ['387'],
        Tucumán: ['381'],
      },
    },
    tld: ['com.ar'],
    mail: GMAIL,
    msg: { whatsapp: 0.9 },
  },
  {
    code: 'CL',
    weight: 1,
    culture: ES,
    style: STYLE_ES,
    legal: L('SpA|Ltda.|S.A.'),
    langs: [['es', 1]],
    currency: usd,
    phone: { cc: '56', len: 9, mobile: ['9[2458]R'] },
    tld: ['cl'],
    mail: GMAIL,
    msg: { whatsapp: 0.9 },
  },
  {
    code: 'CO',
    weight: 1.2,
    culture: ES,
    style: STYLE_ES,
    legal: L('S.A.S.|S.A.S.|Ltda.'),
    langs: [['es', 1]],
    currency: usd,
    phone: { cc: '57', len: 10, mobile: ['30[0-5]R', '31R', '32[0-3]R', '35[01]R'] },
    tld: ['com.co', 'co'],
    mail: GMAIL,
    msg: { whatsapp: 0.9 },
  },
  {
    code: 'PE',
    weight: 1,
    culture: ES,
    style: STYLE_ES,
    legal: L('S.A.C.|E.I.R.L.|S.R.L.'),
    langs: [['es', 1]],
    currency: usd,
    phone: { cc: '51', len: 9, mobile: ['9R'] },
    tld: ['pe', 'com.pe'],
    mail: GMAIL,
    msg: { whatsapp: 0.9 },
  },
  {
    code: 'GB',
    weight: 4.5,
    culture: EN,
    style: STYLE_GB,
    legal: L('Ltd|Limited|Ltd.|Ltd'),
    langs: [['en', 1]],
    currency: [
      ['USD', 6],
      ['GBP', 4],
    ],
    phone: {
      cc: '44',
      len: 10,
      mobile: ['74[0-46-9]R', '75[13-8]R', '77[1-6]R', '78[014-8]R', '79[4-8]R'],
      land: ['AR'],
      areas: {
        London: ['20[378]'],
        Manchester: ['161N'],
        Birmingham: ['121[2-7]'],
        Glasgow: ['141N'],
        Leeds: ['113[2-5]'],
        Liverpool: ['151N'],
        Bristol: ['117[2-49]'],
        Edinburgh: ['131[2-8]'],
      },
    },
    tld: ['co.uk', 'co.uk', 'com', 'uk'],
    mail: ['gmail.com', 'outlook.com', 'btinternet.com', 'hotmail.co.uk'],
    msg: { whatsapp: 0.6 },
    streets: [
      'High Street',
      'Station Road',
      'Mill Lane',
      'Victoria Road',
      'Church Street',
      'King Street',
      'Park Road',
    ],
    address: ['{n} {S}', 'Unit {u}, {S}'],
  },
  {
    code: 'IE',
    weight: 0.5,
    culture: EN_IE,
    style: STYLE_IE,
    legal: L('Ltd|Limited|DAC'),
    langs: [['en', 1]],
    currency: eur,
    phone: {
      cc: '353',
      len: 9,
      mobile: ['8[3679]R'],
      land: ['A'],
      areas: { Dublin: ['1NXXXXXX'], Cork: ['214XXXXXX'], Galway: ['915XXXXX'], Limerick: ['613XXXXX'] },
    },
    tld: ['ie', 'com'],
    mail: GMAIL,
    msg: { whatsapp: 0.6 },
  },
  {
    code: 'AU',
    weight: 3,
    culture: EN,
    style: STYLE_AU,
    legal: L('Pty Ltd'),
    langs: [['en', 1]],
    currency: [
      ['USD', 7],
      ['AUD', 3],
    ],
    phone: {
      cc: '61',
      len: 9,
      mobile: ['4[0-36]R'],
      land: ['AR'],
      areas: {
        Sydney: ['29', '28'],
        Canberra: ['26[12]'],
        Melbourne: ['39', '38'],
        Brisbane: ['73'],
        Perth: ['89[2-9]', '86[0-8]'],
        Adelaide: ['88', '87'],
        Darwin: ['889[2-9]'],
        Hobart: ['362'],
      },
    },
    tld: ['com.au'],
    mail: ['gmail.com', 'bigpond.com', 'outlook.com'],
    msg: { whatsapp: 0.5 },
    streets: [
      'Industrial Drive',
      'Station Street',
      'Victoria Road',
      'Church Street',
      'Enterprise Avenue',
      'Bridge Road',
    ],
    address: ['{n} {S}', 'Unit {u}, {n} {S}'],
  },
  {
    code: 'NZ',
    weight: 0.5,
    culture: EN,
    style: STYLE_AU,
    legal: L('Limited|Ltd'),
    langs: [['en', 1]],
    currency: usd,
    phone: { cc: '64', len: 9, mobile: ['2[127]R'] },
    tld: ['co.nz', 'nz'],
    mail: GMAIL,
    msg: { whatsapp: 0.5 },
  },
  {
    code: 'DE',
    weight: 5,
    culture: DE,
    style: STYLE_DE,
    legal: L('GmbH|GmbH|GmbH|AG|e.K.'),
    langs: [
      ['de', 85],
      ['en', 15],
    ],
    currency: eur,
    phone: {
      cc: '49',
      len: 10,
      mobile: ['15[1279]XXXXXXXX', '16[023]R', '17R'],
      land: ['ANR'],
      areas: {
        Berlin: ['30'],
        Hamburg: ['40'],
        Munich: ['89'],
        Cologne: ['221'],
        Frankfurt: ['69'],
        Düsseldorf: ['211'],
        Stuttgart: ['711'],
        Nuremberg: ['911'],
      },
    },
    tld: ['de', 'de', 'com', 'eu'],
    mail: ['web.de', 'gmx.de', 't-online.de', 'gmail.com'],
    msg: { whatsapp: 0.55 },
    streets: [
      'Hauptstraße',
      'Industriestraße',
      'Bahnhofstraße',
      'Gewerbestraße',
      'Schillerstraße',
      'Hafenstraße',
      'Lindenallee',
    ],
    address: ['{S} {n}'],
  },
  {
    code: 'AT',
    weight: 0.7,
    culture: DE,
    style: STYLE_DE,
    legal: L('GmbH|GmbH|KG'),
    langs: [['de', 1]],
    currency: eur,
    phone: {
      cc: '43',
      len: 10,
      mobile: ['664XXXXXXX', '650XXXXXXX', '660XXXXXXX', '676XXXXXXX'],
      land: ['A'],
      areas: {
        Vienna: ['1[2-9]XXXXXX'],
        Graz: ['316[2-9]XXXXX'],
        Linz: ['732[2-9]XXXXX'],
        Salzburg: ['662[2-9]XXXXX'],
        Innsbruck: ['512[2-9]XXXXX'],
      },
    },
    tld: ['at'],
    mail: ['gmx.at', 'gmail.com', 'aon.at'],
    msg: { whatsapp: 0.55 },
  },
  {
    code: 'CH',
    weight: 0.8,
    culture: DE,
    style: STYLE_DE,
    legal: L('AG|GmbH'),
    langs: [['de', 1]],
    currency: [
      ['EUR', 4],
      ['USD', 4],
      ['CHF', 2],
    ],
    phone: {
      cc: '41',
      len: 9,
      mobile: ['7[6-9]R'],
      land: ['ANR'],
      areas: {
        Zurich: ['44'],
        Geneva: ['22'],
        Basel: ['61'],
        Bern: ['31'],
        Lausanne: ['21'],
        Lugano: ['91'],
      },
    },
    tld: ['ch'],
    mail: ['bluewin.ch', 'gmail.com', 'gmx.ch'],
    msg: { whatsapp: 0.6 },
    byCity: {
      Geneva: { culture: FR, style: STYLE_FR, legal: L('SA|Sàrl'), langs: [['fr', 1]] },
      Lausanne: { culture: FR, style: STYLE_FR, legal: L('SA|Sàrl'), langs: [['fr', 1]] },
      Lugano: { culture: IT, style: STYLE_IT, legal: L('SA|Sagl'), langs: [['it', 1]] },
    },
  },
  {
    code: 'FR',
    weight: 4,
    culture: FR,
    style: STYLE_FR,
    legal: L('SARL|SAS|SA|SAS|EURL'),
    langs: [
      ['fr', 9],
      ['en', 1],
    ],
    currency: eur,
    phone: {
      cc: '33',
      len: 9,
      mobile: ['6[0-24-8]R', '7[3-9]R'],
      land: ['AR'],
      areas: {
        Paris: ['14', '15', '18'],
        Lyon: ['472', '478'],
        Marseille: ['491'],
        Toulouse: ['561'],
        Lille: ['320'],
        Bordeaux: ['556', '557'],
        Nice: ['493'],
        Nantes: ['240'],
      },
    },
    tld: ['fr', 'fr', 'com'],
    mail: ['orange.fr', 'gmail.com', 'hotmail.fr', 'free.fr', 'wanadoo.fr'],
    msg: { whatsapp: 0.6 },
    streets: [
      'rue de la République',
      'avenue Jean Jaurès',
      'boulevard Voltaire',
      'rue Victor Hugo',
      'rue du Commerce',
      'avenue de la Gare',
      'rue Pasteur',
    ],
    address: ['{n} {S}', '{n} bis {S}'],
  },
  {
    code: 'BE',
    weight: 1,
    culture: NL,
    style: STYLE_NL,
    legal: L('BV|NV'),
    langs: [
      ['nl', 8],
      ['en', 2],
    ],
    currency: eur,
    phone: {
      cc: '32',
      len: 8,
      mobile: ['4[7-9]XXXXXXX'],
      land: ['AR'],
      areas: {
        Brussels: ['2[2-7]'],
        Antwerp: ['3[2-8]'],
        Ghent: ['9[2-3]'],
        Liège: ['4[2-3]'],
        Charleroi: ['71'],
      },
    },
    tld: ['be'],
    mail: ['telenet.be', 'skynet.be', 'gmail.com'],
    msg: { whatsapp: 0.6 },
    byCity: {
      Brussels: { culture: FR, style: STYLE_FR, legal: L('SRL|SA'), langs: [['fr', 1]] },
      Liège: { culture: FR, style: STYLE_FR, legal: L('SRL|SA'), langs: [['fr', 1]] },
      Charleroi: { culture: FR, style: STYLE_FR, legal: L('SRL|SA'), langs: [['fr', 1]] },
    },
  },
  {
    code: 'NL',
    weight: 2,
    culture: NL,
    style: STYLE_NL,
    legal: L('B.V.|B.V.|V.O.F.'),
    langs: [
      ['nl', 7],
      ['en', 3],
    ],
    currency: eur,
    phone: {
      cc: '31',
      len: 9,
      mobile: ['6[1-5]R'],
      land: ['ANR'],
      areas: {
        Amsterdam: ['20'],
        Rotterdam: ['10'],
        'The Hague': ['70'],
        Utrecht: ['30'],
        Eindhoven: ['40'],
        Venlo: ['77'],
      },
    },
    tld: ['nl', 'nl', 'com'],
    mail: ['gmail.com', 'ziggo.nl', 'kpnmail.nl', 'outlook.com'],
    msg: { whatsapp: 0.7 },
  },
  {
    code: 'IT',
    weight: 3,
    culture: IT,
    style: STYLE_IT,
    legal: L('S.r.l.|S.r.l.|S.p.A.|S.n.c.|S.a.s.'),
    langs: [
      ['it', 85],
      ['en', 15],
    ],
    currency: eur,
    phone: {
      cc: '39',
      len: 10,
      mobile: ['3[2-49]XR'],
      land: ['AR'],
      areas: {
        Milan: ['02'],
        Rome: ['06[3-5]'],
        Turin: ['011'],
        Naples: ['081'],
        Bologna: ['051'],
        Florence: ['055'],
        Prato: ['0574'],
      },
    },
    tld: ['it', 'it', 'com'],
    mail: ['libero.it', 'gmail.com', 'virgilio.it', 'alice.it'],
    msg: { whatsapp: 0.75 },
    streets: [
      'Via Roma',
      'Via Garibaldi',
      'Via Mazzini',
      'Corso Italia',
      "Via dell'Industria",
      'Viale Europa',
      'Via Cavour',
    ],
    address: ['{S} {n}', '{S} {n}/{u}'],
  },
  {
    code: 'ES',
    weight: 3,
    culture: ES,
    style: STYLE_ES,
    legal: L('S.L.|S.L.|S.A.|S.L.U.'),
    langs: [['es', 1]],
    currency: eur,
    phone: {
      cc: '34',
      len: 9,
      mobile: ['6R', '7[1-4]R'],
      land: ['AR'],
      areas: {
        Madrid: ['91'],
        Barcelona: ['93'],
        Valencia: ['96'],
        Seville: ['954', '955'],
        Bilbao: ['944'],
        Málaga: ['952'],
        Zaragoza: ['976'],
        'Las Palmas de Gran Canaria': ['928'],
      },
    },
    tld: ['es', 'es', 'com'],
    mail: ['gmail.com', 'hotmail.es', 'telefonica.net', 'yahoo.es'],
    msg: { whatsapp: 0.85 },
    streets: [
      'Calle Mayor',
      'Avenida de la Constitución',
      'Calle Real',
      'Calle de Alcalá',
      'Calle de la Industria',
      'Gran Vía',
    ],
    address: ['{S}, {n}', '{S}, {n}, {u}º'],
  },
  {
    code: 'PT',
    weight: 0.7,
    culture: PT,
    style: STYLE_PT,
    legal: L('Lda.|Lda.|S.A.'),
    langs: [['pt', 1]],
    currency: eur,
    phone: {
      cc: '351',
      len: 9,
      mobile: ['9[1236]R'],
      land: ['AR'],
      areas: { Lisbon: ['21'], Porto: ['22'], Braga: ['253'], Coimbra: ['239'], Funchal: ['291'] },
    },
    tld: ['pt'],
    mail: ['gmail.com', 'sapo.pt', 'hotmail.com'],
    msg: { whatsapp: 0.8 },
  },
  {
    code: 'PL',
    weight: 1.2,
    culture: PL,
    style: STYLE_PL,
    legal: L('Sp. z o.o.|Sp. z o.o.|S.A.'),
    langs: [
      ['pl', 8],
      ['en', 2],
    ],
    currency: [
      ['EUR', 5],
      ['USD', 4],
      ['PLN', 1],
    ],
    phone: {
      cc: '48',
      len: 9,
      mobile: ['5[0137]R', '6[069]R', '7[2389]R', '88R'],
      land: ['ANR'],
      areas: {
        Warsaw: ['22'],
        Kraków: ['12'],
        Łódź: ['42'],
        Wrocław: ['71'],
        Poznań: ['61'],
        Gdańsk: ['58'],
      },
    },
    tld: ['pl', 'com.pl'],
    mail: ['wp.pl', 'onet.pl', 'gmail.com', 'o2.pl'],
    msg: { whatsapp: 0.6 },
  },
  {
    code: 'SE',
    weight: 0.7,
    culture: SE,
    style: STYLE_SE,
    legal: L('AB'),
    langs: [['en', 1]],
    currency: [
      ['EUR', 5],
      ['USD', 5],
    ],
    phone: { cc: '46', len: 9, mobile: ['7[0236]R'] },
    tld: ['se'],
    mail: ['gmail.com', 'telia.com', 'outlook.com'],
    msg: { whatsapp: 0.5 },
  },
  {
    code: 'RU',
    weight: 3.5,
    culture: RU,
    style: STYLE_RU,
    legal: L('ООО=LLC|ООО=LLC|АО=JSC'),
    langs: [
      ['ru', 9],
      ['en', 1],
    ],
    // Since 2022 many Russian buyers settle in yuan.
    currency: [
      ['USD', 4],
      ['CNY', 4],
      ['RUB', 2],
    ],
    phone: {
      cc: '7',
      len: 10,
      mobile: ['9[0-24-8]R', '93[1-9]R'],
      land: ['ANR'],
      areas: {
        Moscow: ['495', '499'],
        'Saint Petersburg': ['812'],
        Kazan: ['843'],
        Krasnodar: ['861'],
        Samara: ['846'],
        Yekaterinburg: ['343'],
        Novosibirsk: ['383'],
        Vladivostok: ['423'],
      },
    },
    tld: ['ru', 'ru', 'com'],
    mail: ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru'],
    msg: { whatsapp: 0.5, telegram: 0.6, wechat: 0.15 },
    streets: [
      'ул. Ленина',
      'Ленинский проспект',
      'ул. Гагарина',
      'ул. Садовая',
      'пр. Мира',
      'ул. Промышленная',
    ],
    address: ['{S}, д. {n}', '{S}, д. {n}, офис {u}'],
  },
  {
    code: 'UA',
    weight: 0.8,
    culture: UK,
    style: STYLE_UA,
    langs: [
      ['en', 7],
      ['ru', 3],
    ],
    currency: usd,
    phone: {
      cc: '380',
      len: 9,
      mobile: ['50R', '6[3678]R', '73R', '9[35-8]R'],
      land: ['A[2-5]R'],
      areas: { Kyiv: ['44'], Kharkiv: ['57'], Odesa: ['48'], Dnipro: ['56'], Lviv: ['32'] },
    },
    tld: ['ua', 'com.ua', 'com'],
    mail: ['gmail.com', 'ukr.net', 'i.ua'],
    msg: { telegram: 0.6, viber: 0.5, whatsapp: 0.3 },
  },
  {
    code: 'KZ',
    weight: 0.6,
    culture: KZ,
    style: STYLE_KZ,
    legal: L('ТОО=LLP|ТОО=LLP|АО=JSC'),
    langs: [['ru', 1]],
    currency: [
      ['USD', 6],
      ['CNY', 4],
    ],
    phone: {
      cc: '7',
      len: 10,
      mobile: ['70[0-25-8]R', '747R', '77[15-8]R'],
      land: ['A2R'],
      areas: {
        Almaty: ['727'],
        Astana: ['717'],
        Shymkent: ['725'],
        Karaganda: ['721'],
        Aktobe: ['713'],
        Atyrau: ['712'],
      },
    },
    tld: ['kz'],
    mail: ['mail.ru', 'gmail.com', 'yandex.kz'],
    msg: { whatsapp: 0.8, telegram: 0.4 },
  },
  {
    code: 'TR',
    weight: 2,
    culture: TR,
    style: STYLE_TR,
    langs: [
      ['tr', 7],
      ['en', 3],
    ],
    currency: [
      ['USD', 8],
      ['EUR', 2],
    ],
    phone: {
      cc: '90',
      len: 10,
      mobile: ['50[5-7]R', '53[0-9]R', '54[2-9]R', '55[1-5]R'],
      land: ['ANR'],
      areas: {
        Istanbul: ['212', '216'],
        Ankara: ['312'],
        Izmir: ['232'],
        Bursa: ['224'],
        Antalya: ['242'],
        Gaziantep: ['342'],
        Konya: ['332'],
      },
    },
    tld: ['com.tr', 'com'],
    mail: ['gmail.com', 'hotmail.com', 'yandex.com.tr'],
    msg: { whatsapp: 0.9 },
  },
  {
    code: 'AE',
    weight: 4.5,
    culture: AR_GULF,
    style: STYLE_AE,
    langs: [
      ['en', 6],
      ['ar', 4],
    ],
    currency: [
      ['USD', 8],
      ['AED', 2],
    ],
    phone: {
      cc: '971',
      len: 9,
      mobile: ['5[024568]R'],
      land: ['A[2-8]XXXXXX'],
      areas: { Dubai: ['4'], 'Abu Dhabi': ['2'], Sharjah: ['6'], Ajman: ['6'], 'Ras Al Khaimah': ['7'] },
    },
    tld: ['ae', 'com', 'com'],
    mail: GMAIL,
    msg: { whatsapp: 0.95, wechat: 0.1 },
    streets: [
      'Sheikh Zayed Road',
      'Al Maktoum Road',
      'Jebel Ali Free Zone',
      'Al Qusais Industrial Area',
      'Business Bay',
      'Deira, Al Rigga Street',
    ],
    address: ['Office {u}, {S}', 'Warehouse {n}, {S}'],
  },
  {
    code: 'SA',
    weight: 3.5,
    culture: AR_GULF,
    style: STYLE_SA,
    langs: [
      ['ar', 6],
      ['en', 4],
    ],
    currency: [
      ['USD', 8],
      ['SAR', 2],
    ],
    phone: {
      cc: '966',
      len: 9,
      mobile: ['5[0345689]R'],
      land: ['AR'],
      areas: {
        Riyadh: ['11[2-8]'],
        Jeddah: ['12[24-8]'],
        Mecca: ['12[24-8]'],
        Medina: ['14[3-68]'],
        Dammam: ['13[35-8]'],
        Khobar: ['13[35-8]'],
      },
    },
    tld: ['com.sa', 'sa', 'com'],
    mail: GMAIL,
    msg: { whatsapp: 0.95 },
    streets: [
      'King Fahd Road',
      'Olaya Street',
      'Prince Sultan Street',
      'King Abdulaziz Road',
      'Industrial City 2',
    ],
    address: ['{n} {S}', 'Office {u}, {S}'],
  },
  {
    code: 'QA',
    weight: 0.6,
    culture: AR_GULF,
    style: STYLE_GULF,
    legal: L('ذ.م.م=W.L.L.'),
    langs: [
      ['en', 1],
      ['ar', 1],
    ],
    currency: usd,
    phone: { cc: '974', len: 8, mobile: ['3[0-3]R', '5[05]R', '66R', '7[07]R'], land: ['4[014]R'] },
    tld: ['qa', 'com'],
    mail: GMAIL,
    msg: { whatsapp: 0.95 },
  },
  {
    code: 'KW',
    weight: 0.6,
    culture: AR_GULF,
    style: STYLE_GULF,
    legal: L('ذ.م.م=W.L.L.'),
    langs: [
      ['en', 1],
      ['ar', 1],
    ],
    currency: usd,
    phone: { cc: '965', len: 8, mobile: ['5[05]R', '66R', '9[04679]R'], land: ['2[23]R'] },
    tld: ['com.kw', 'com'],
    mail: GMAIL,
    msg: { whatsapp: 0.95 },
  },
  {
    code: 'OM',
    weight: 0.4,
    culture: AR_GULF,
    style: STYLE_GULF,
    legal: L('ش.م.م=LLC'),
    langs: [
      ['en', 1],
      ['ar', 1],
    ],
    currency: usd,
    phone: { cc: '968', len: 8, mobile: ['9[1-9]R', '7[124-9]R'], land: ['2[2-6]R'] },
    tld: ['om', 'com'],
    mail: GMAIL,
    msg: { whatsapp: 0.95 },
  },
  {
    code: 'BH',
    weight: 0.3,
    culture: AR_GULF,
    style: STYLE_GULF,
    legal: L('ذ.م.م=W.L.L.'),
    langs: [
      ['en', 1],
      ['ar', 1],
    ],
    currency: usd,
    phone: { cc: '973', len: 8, mobile: ['3[3-7]R'], land: ['17R'] },
    tld: ['bh', 'com'],
    mail: GMAIL,
    msg: { whatsapp: 0.95 },
  },
  {
    code: 'EG',
    weight: 1.5,
    culture: AR_EG,
    style: STYLE_EG,
    langs: [
      ['ar', 7],
      ['en', 3],
    ],
    currency: usd,
    phone: { cc: '20', len: 10, mobile: ['1[0125]R'] },
    tld: ['com.eg', 'com'],
    mail: GMAIL,
    msg: { whatsapp: 0.9 },
  },
  {
    code: 'MA',
    weight: 1,
    culture: AR_MAGHREB,
    style: STYLE_MAGHREB,
    langs: [
      ['fr', 6],
      ['ar', 4],
    ],
    currency: [
      ['USD', 6],
      ['EUR', 4],
    ],
    phone: {
      cc: '212',
      len: 9,
      mobile: ['6[0-79]R', '7[016-8]R'],
      land: ['AR'],
      areas: {
        Casablanca: ['522'],
        Rabat: ['537'],
        Tangier: ['539[3-9]'],
        Marrakesh: ['524[02-46-8]'],
        Fez: ['535[02-9]'],
        Agadir: ['528[2-3]'],
      },
    },
    tld: ['ma', 'com'],
    mail: ['gmail.com', 'hotmail.fr', 'menara.ma'],
    msg: { whatsapp: 0.95 },
  },
  {
    code: 'DZ',
    weight: 0.5,
    culture: AR_MAGHREB,
    style: STYLE_MAGHREB,
    langs: [
      ['fr', 1],
      ['ar', 1],
    ],
    currency: [
      ['USD', 6],
      ['EUR', 4],
    ],
    phone: { cc: '213', len: 9, mobile: ['55R', '6R', '7[7-9]R'] },
    tld: ['dz', 'com'],
    mail: ['gmail.com', 'yahoo.fr', 'hotmail.fr'],
    msg: { whatsapp: 0.7, viber: 0.4 },
  },
  {
    code: 'NG',
    weight: 3,
    culture: NG,
    style: STYLE_NG,
    legal: L('Ltd|Limited|Nigeria Ltd|Ltd'),
    langs: [['en', 1]],
    currency: usd,
    phone: { cc: '234', len: 10, mobile: ['80[2-9]R', '81[0-8]R', '70[13-9]R', '90[2-9]R'] },
    tld: ['com.ng', 'ng', 'com'],
    mail: ['gmail.com', 'yahoo.com'],
    msg: { whatsapp: 0.95 },
    streets: [
      'Trade Fair Complex',
      'Broad Street',
      'Market Road',
      'Aba Road',
      'Airport Road',
      'Allen Avenue',
    ],
    address: ['{n} {S}', 'Block {u}, {S}'],
  },
  {
    code: 'GH',
    weight: 0.6,
    culture: GH,
    style: STYLE_GH,
    legal: L('Ltd|Company Limited'),
    langs: [['en', 1]],
    currency: usd,
    phone: { cc: '233', len: 9, mobile: ['2[034]R', '5[03-5]R'] },
    tld: ['com.gh', 'com'],
    mail: ['gmail.com', 'yahoo.com'],
    msg: { whatsapp: 0.95 },
  },
  {
    code: 'KE',
    weight: 1,
    culture: KE,
    style: STYLE_KE,
    legal: L('Ltd|Limited'),
    langs: [['en', 1]],
    currency: usd,
    phone: { cc: '254', len: 9, mobile: ['7[0-29]R', '11[0-5]R'] },
    tld: ['co.ke', 'com'],
    mail: ['gmail.com', 'yahoo.com'],
    msg: { whatsapp: 0.95 },
  },
  {
    code: 'ZA',
    weight: 1.5,
    culture: EN_ZA,
    style: STYLE_ZA,
    legal: L('(Pty) Ltd'),
    langs: [['en', 1]],
    currency: [
      ['USD', 85],
      ['ZAR', 15],
    ],
    phone: {
      cc: '27',
      len: 9,
      mobile: ['6[0-3]R', '7[1-46-9]R', '8[1-4]R'],
      land: ['ANR'],
      areas: {
        Johannesburg: ['11'],
        'Cape Town': ['21'],
        Durban: ['31'],
        Pretoria: ['12'],
        Gqeberha: ['41'],
      },
    },
    tld: ['co.za'],
    mail: ['gmail.com', 'webmail.co.za', 'outlook.com'],
    msg: { whatsapp: 0.9 },
  },
  {
    code: 'IN',
    weight: 4.5,
    culture: IN,
    style: STYLE_IN,
    legal: L('Pvt. Ltd.|Private Limited|LLP|Pvt. Ltd.'),
    langs: [
      ['en', 8],
      ['hi', 2],
    ],
    currency: [
      ['USD', 85],
      ['INR', 15],
    ],
    phone: {
      cc: '91',
      len: 10,
      mobile: ['9[0-9]R', '8[0-9]R', '7[0-9]R', '6[2-9]R'],
      land: ['A[2-7]R'],
      areas: {
        Mumbai: ['22'],
        Delhi: ['11'],
        Bengaluru: ['80'],
        Chennai: ['44'],
        Kolkata: ['33'],
        Ahmedabad: ['79'],
        Hyderabad: ['40'],
        Pune: ['20'],
      },
    },
    tld: ['in', 'co.in', 'com'],
    mail: ['gmail.com', 'rediffmail.com', 'yahoo.co.in'],
    msg: { whatsapp: 0.95 },
    streets: [
      'MG Road',
      'Nehru Place',
      'MIDC, Andheri East',
      'Linking Road',
      'Park Street',
      'Okhla Industrial Area Phase II',
    ],
    address: ['{n}, {S}', 'Plot {u}, {S}'],
  },
  {
    code: 'PK',
    weight: 1.5,
    culture: PK,
    style: STYLE_PK,
    legal: L('(Pvt.) Ltd.|(Pvt) Ltd'),
    langs: [['en', 1]],
    currency: usd,
    phone: {
      cc: '92',
      len: 10,
      mobile: ['30R', '31R', '32R', '33[0-7]R', '34R'],
      land: ['A[2-9]R'],
      areas: { Karachi: ['21'], Lahore: ['42'], Islamabad: ['51'], Faisalabad: ['41'], Sialkot: ['52'] },
    },
    tld: ['com.pk', 'com', 'pk'],
    mail: ['gmail.com', 'yahoo.com', 'hotmail.com'],
    msg: { whatsapp: 0.95 },
  },
  {
    code: 'BD',
    weight: 1.2,
    culture: BD,
    style: STYLE_BD,
    legal: L('Ltd.|Limited'),
    langs: [['en', 1]],
    currency: usd,
    phone: { cc: '880', len: 10, mobile: ['1[3-9]R'] },
    tld: ['com.bd', 'com'],
    mail: ['gmail.com', 'yahoo.com'],
    msg: { whatsapp: 0.9, viber: 0.2 },
  },
  {
    code: 'VN',
    weight: 2,
    culture: VI,
    style: STYLE_VN,
    langs: [
      ['vi', 7],
      ['en', 3],
    ],
    currency: [
      ['USD', 85],
      ['VND', 15],
    ],
    phone: { cc: '84', len: 9, mobile: ['9[0-46-8]R', '8[1-58]R', '3[2-9]R', '7[06-9]R'] },
    tld: ['vn', 'com.vn', 'com'],
    mail: ['gmail.com', 'yahoo.com'],
    msg: { zalo: 0.8, whatsapp: 0.3, wechat: 0.2 },
  },
  {
    code: 'TH',
    weight: 1.5,
    culture: TH,
    style: STYLE_TH,
    langs: [
      ['th', 6],
      ['en', 4],
    ],
    currency: [
      ['USD', 85],
      ['THB', 15],
    ],
    phone: {
      cc: '66',
      len: 9,
      mobile: ['8[0-9]R', '9[0-9]R', '6[1-5]R'],
      land: ['A'],
      areas: {
        Bangkok: ['2[1-9]XXXXXX'],
        Nonthaburi: ['2[1-9]XXXXXX'],
        'Chiang Mai': ['53[2-9]XXXXX'],
        Chonburi: ['38[2-9]XXXXX'],
        Phuket: ['76[2-9]XXXXX'],
      },
    },
    tld: ['co.th', 'com'],
    mail: ['gmail.com', 'hotmail.com'],
    msg: { line: 0.85, whatsapp: 0.2 },
  },
  {
    code: 'MY',
    weight: 1.5,
    culture: MY,
    style: STYLE_MY,
    legal: L('Sdn. Bhd.|Sdn Bhd'),
    langs: [['en', 1]],
    currency: [
      ['USD', 85],
      ['MYR', 15],
    ],
    phone: { cc: '60', len: 9, mobile: ['12R', '16R', '13[1-9]R', '17[1-9]R', '19R'] },
    tld: ['com.my', 'my'],
    mail: ['gmail.com', 'yahoo.com'],
    msg: { whatsapp: 0.95, wechat: 0.25 },
  },
  {
    code: 'SG',
    weight: 1,
    culture: SG,
    style: STYLE_SG,
    legal: L('Pte. Ltd.|Pte Ltd'),
    langs: [['en', 1]],
    currency: [
      ['USD', 8],
      ['SGD', 2],
    ],
    phone: { cc: '65', len: 8, mobile: ['8[1-8]R', '9[0-8]R'], land: ['6[1-578]R'] },
    tld: ['com.sg', 'sg'],
    mail: ['gmail.com', 'singnet.com.sg'],
    msg: { whatsapp: 0.95, wechat: 0.3 },
  },
  {
    code: 'ID',
    weight: 2,
    culture: ID,
    style: STYLE_ID,
    langs: [
      ['id', 7],
      ['en', 3],
    ],
    currency: [
      ['USD', 9],
      ['IDR', 1],
    ],
    phone: { cc: '62', len: 11, mobile: ['81[1-3]R', '82[1-3]R', '85[2-3]R', '87[7-8]R', '89[5-9]R'] },
    tld: ['co.id', 'com'],
    mail: ['gmail.com', 'yahoo.co.id'],
    msg: { whatsapp: 0.95 },
  },
  {
    code: 'PH',
    weight: 1.2,
    culture: PH,
    style: STYLE_PH,
    legal: L('Inc.|Corporation|Corp.'),
    langs: [['en', 1]],
    currency: usd,
    phone: {
      cc: '63',
      len: 10,
      mobile: ['91[5-9]R', '92[0-9]R', '93[5-9]R', '94[5-9]R', '97[5-9]R', '99[5-8]R'],
    },
    tld: ['com.ph', 'ph', 'com'],
    mail: ['gmail.com', 'yahoo.com'],
    msg: { viber: 0.6, whatsapp: 0.5 },
  },
  {
    code: 'JP',
    weight: 2,
    culture: JA,
    style: STYLE_JP,
    langs: [['ja', 1]],
    currency: [
      ['USD', 6],
      ['JPY', 4],
    ],
    phone: {
      cc: '81',
      len: 10,
      mobile: ['[789]0[1-9]R'],
      land: ['A'],
      areas: {
        Tokyo: ['3[2-9]XXXXXXX'],
        Yokohama: ['45[2-9]XXXXXX'],
        Osaka: ['6[2-9]XXXXXXX'],
        Nagoya: ['52[2-9]XXXXXX'],
        Fukuoka: ['92[2-9]XXXXXX'],
        Kobe: ['78[2-9]XXXXXX'],
        Sapporo: ['11[235-8]XXXXXX'],
      },
    },
    tld: ['co.jp', 'jp', 'com'],
    mail: ['yahoo.co.jp', 'gmail.com', 'nifty.com'],
    msg: { line: 0.5, whatsapp: 0.1, wechat: 0.1 },
  },
  {
    code: 'KR',
    weight: 2,
    culture: KO,
    style: STYLE_KR,
    langs: [['ko', 1]],
    currency: [
      ['USD', 8],
      ['KRW', 2],
    ],
    phone: {
      cc: '82',
      len: 10,
      mobile: ['10[2-46-9]R'],
      land: ['A'],
      areas: {
        Seoul: ['2[2-9]XXXXXXX'],
        Busan: ['51[2-9]XXXXXX'],
        Incheon: ['32[2-9]XXXXXX'],
        Daegu: ['53[2-9]XXXXXX'],
        Daejeon: ['42[2-9]XXXXXX'],
        Gwangju: ['62[2-9]XXXXXX'],
      },
    },
    tld: ['co.kr', 'com'],
    mail: ['naver.com', 'daum.net', 'gmail.com'],
    msg: { kakao: 0.8, whatsapp: 0.15, wechat: 0.15 },
  },
  {
    code: 'CN',
    weight: 2.5,
    culture: ZH_CN,
    style: STYLE_CN,
    langs: [['zh', 1]],
    currency: [
      ['CNY', 9],
      ['USD', 1],
    ],
    phone: {
      cc: '86',
      len: 11,
      mobile: ['13[0-9]R', '15[0-35-9]R', '18[0-9]R', '17[3678]R', '19[89]R'],
      land: ['A'],
      areas: {
        Shanghai: ['21[2-6]XXXXXXX'],
        Beijing: ['10[5-7]XXXXXXX'],
        Shenzhen: ['755[2-8]XXXXXXX'],
        Guangzhou: ['20[38]XXXXXXX'],
        Hangzhou: ['571[8]XXXXXXX'],
        Ningbo: ['574[8]XXXXXXX'],
        Yiwu: ['579[8]XXXXXXX'],
        Xiamen: ['592[2-8]XXXXXX'],
      },
    },
    tld: ['com', 'cn', 'com.cn'],
    mail: ['qq.com', '163.com', '126.com', 'sina.com'],
    msg: { wechat: 1 },
    displayOriginal: true,
    streets: ['科技园南路', '工业大道', '解放路', '人民路', '中山路', '建设路', '滨江大道', '高新大道'],
    address: ['{S}{n}号', '{S}{n}号{u}室'],
  },
  {
    code: 'HK',
    weight: 2,
    culture: ZH_HK,
    style: STYLE_HK,
    langs: [
      ['zh', 6],
      ['en', 4],
    ],
    currency: [
      ['USD', 7],
      ['HKD', 3],
    ],
    phone: {
      cc: '852',
      len: 8,
      mobile: ['5[1-4][0-46-9]R', '6[13-59]R', '9[467]R', '9[2358][0-8]R'],
      land: ['2[13-9]R', '3[15][0-24-9]R'],
    },
    tld: ['com.hk', 'com', 'hk'],
    mail: ['gmail.com', 'yahoo.com.hk', 'netvigator.com'],
    msg: { wechat: 0.6, whatsapp: 0.8 },
    displayOriginal: true,
    hant: true,
  },
  {
    code: 'TW',
    weight: 1,
    culture: ZH_TW,
    style: STYLE_TW,
    langs: [['zh', 1]],
    currency: usd,
    phone: {
      cc: '886',
      len: 9,
      mobile: ['9[0-8]R'],
      land: ['A'],
      areas: {
        Taipei: ['2[2-8]XXXXXXX'],
        'New Taipei': ['2[2-8]XXXXXXX'],
        Taichung: ['4[2]XXXXXXX'],
        Kaohsiung: ['7[2-8]XXXXXX'],
        Taoyuan: ['3[3-4]XXXXXX'],
        Tainan: ['6[2-3]XXXXXX'],
      },
    },
    tld: ['com.tw', 'com'],
    mail: ['gmail.com', 'yahoo.com.tw', 'hotmail.com'],
    msg: { line: 0.85, wechat: 0.4 },
    displayOriginal: true,
    hant: true,
  },
]

// ---------------------------------------------------------------------------------------------
// Team, sources, titles, tags

const OWNERS: Weighted<string> = [
  ['Li Na', 25],
  ['Chen Hao', 25],
  ['Wang Fang', 20],
  ['Zhang Wei', 20],
  ['Sophie Martin', 10],
]
// Sophie is the team's French speaker, so French-speaking accounts go to her.
const FRANCOPHONE = new Set(['FR', 'MA', 'DZ'])

const BUSINESS_TYPES_W: Weighted<BusinessType> = [
  ['importer', 25],
  ['wholesaler', 20],
  ['distributor', 20],
  ['agent', 5],
  ['brand_owner', 10],
  ['retailer', 8],
  ['ecommerce_seller', 8],
  ['end_user', 4],
]
const SIZES_W: Weighted<SizeBand> = [
  ['micro', 15],
  ['small', 35],
  ['medium', 30],
  ['large', 15],
  ['enterprise', 5],
]
const QUALITY_W: Weighted<Quality> = [
  ['high_end_custom', 20],
  ['standard', 50],
  ['mass_market', 30],
]
const SOURCES_W: Weighted<Source> = [
  ['trade_fair', 30],
  ['b2b_platform', 30],
  ['website_inquiry', 15],
  ['referral', 12],
  ['cold_outreach', 8],
  ['other', 5],
]
const SOURCE_DETAILS: Readonly<Record<Source, readonly string[]>> = {
  trade_fair: [
    'Canton Fair 2025',
    'Canton Fair 2024',
    'Canton Fair Spring 2025',
    'Canton Fair Autumn 2024',
    'HKTDC Electronics Fair 2024',
    'Global Sources Hong Kong 2025',
    'Automechanika Frankfurt 2024',
    'Big 5 Global Dubai 2024',
    'Ambiente Frankfurt 2025',
    'CES Las Vegas 2025',
    'Hannover Messe 2025',
    'Light + Building 2024',
    'Intertextile Shanghai 2025',
  ],
  b2b_platform: [
    'Alibaba.com',
    'Alibaba.com',
    'Made-in-China.com',
    'Global Sources',
    'DHgate',
    'Tradekey',
    '1688.com',
  ],
  website_inquiry: [
    'Website contact form',
    'Google Ads inquiry',
    'Website live chat',
    'Product page inquiry',
  ],
  referral: [
    'Referred by existing customer',
    'Referred by freight forwarder',
    'Agent referral',
    'Referred by partner factory',
  ],
  cold_outreach: [
    'LinkedIn outreach',
    'Email campaign',
    'Customs data lead',
    'Instagram DM',
    'Facebook group',
  ],
  other: ['Walk-in at showroom', 'Phone call', 'Visited our factory'],
}
const TAGS = [
  'VIP',
  'OEM',
  'ODM',
  'sample sent',
  'Canton Fair',
  'price sensitive',
  'repeat buyer',
  'new lead',
  'L/C payment',
  'key account',
  '重点客户',
  '样品已寄',
]
const CUSTOMER_NOTES = [
  'Prefers FOB Ningbo, 30% deposit and balance against B/L copy.',
  'Pays by L/C at sight; check documents carefully.',
  'Asked for CE and RoHS certificates before the first order.',
  'Needs private-label packaging and barcodes.',
  'Visited our booth at the Canton Fair, interested in the new models.',
  'Orders peak before Q4; send the new catalogue in July.',
  'Very price sensitive, compares with Vietnamese suppliers.',
  'Uses their own freight forwarder in Shenzhen.',
  'Requested samples by DHL; courier account number on file.',
  'Third-party inspection (SGS) required before shipment.',
  'Wants exclusive distribution for their country.',
  'Small trial order first, potential for one 40HQ per month.',
  '客户要求每月更新报价单。',
  '去年来工厂验厂，对质量很满意。',
  '付款较慢，注意控制账期。',
  '喜欢微信沟通，邮件回复慢。',
  'Client très réactif, préfère les échanges en français.',
  'Demande une remise à partir de deux conteneurs.',
]
const CONTACT_NOTES = [
  'Prefers WhatsApp over email.',
  'Speaks some Mandarin.',
  'Best reached in the morning, local time.',
  'Decision maker for new suppliers.',
  'Handles payments and invoices.',
  'Met at the Canton Fair.',
  'Travels to China twice a year.',
  'Slow on email; follow up by phone.',
  '喜欢语音沟通',
]

// Masculine|feminine where the language marks gender. The first five are buying/decision roles,
// which is what the primary contact usually holds.
const TITLES: Readonly<Partial<Record<Lang, readonly string[]>>> = {
  en: [
    'Purchasing Manager',
    'CEO',
    'Managing Director',
    'Owner',
    'Procurement Manager',
    'Sourcing Manager',
    'Import Manager',
    'General Manager',
    'Buyer',
    'Senior Buyer',
    'Product Manager',
    'Operations Manager',
    'Logistics Coordinator',
    'Finance Manager',
    'Quality Control Manager',
    'Purchasing Assistant',
  ],
  zh: [
    '采购经理',
    '总经理',
    '董事长',
    '老板',
    '采购总监',
    '外贸经理',
    '采购专员',
    '业务经理',
    '副总经理',
    '财务经理',
    '跟单员',
    '物流主管',
  ],
  // Traditional-character titles (Hong Kong, Taiwan) are in TITLES_ZH_HANT.
  fr: [
    'Directeur des achats|Directrice des achats',
    'Gérant|Gérante',
    'PDG',
    'Responsable des achats',
    'Directeur général|Directrice générale',
    'Acheteur|Acheteuse',
    'Chef de produit|Cheffe de produit',
    'Responsable logistique',
    'Assistant achats|Assistante achats',
    'Responsable qualité',
  ],
  de: [
    'Einkaufsleiter|Einkaufsleiterin',
    'Geschäftsführer|Geschäftsführerin',
    'Inhaber|Inhaberin',
    'Leiter Einkauf|Leiterin Einkauf',
    'Prokurist|Prokuristin',
    'Einkäufer|Einkäuferin',
    'Produktmanager|Produktmanagerin',
    'Logistikleiter|Logistikleiterin',
    'Qualitätsmanager|Qualitätsmanagerin',
    'Sachbearbeiter Einkauf|Sachbearbeiterin Einkauf',
  ],
  es: [
    'Gerente de Compras',
    'Director General|Directora General',
    'Propietario|Propietaria',
    'Jefe de Compras|Jefa de Compras',
    'Gerente General',
    'Comprador|Compradora',
    'Jefe de Importaciones|Jefa de Importaciones',
    'Gerente de Producto',
    'Coordinador de Logística|Coordinadora de Logística',
    'Asistente de Compras',
  ],
  pt: [
    'Gerente de Compras',
    'Diretor|Diretora',
    'Sócio-Proprietário|Sócia-Proprietária',
    'Diretor Comercial|Diretora Comercial',
    'Gerente Geral',
    'Comprador|Compradora',
    'Analista de Importação',
    'Gerente de Produto',
    'Coordenador de Logística|Coordenadora de Logística',
    'Assistente de Compras',
  ],
  it: [
    'Responsabile Acquisti',
    'Amministratore Delegato|Amministratrice Delegata',
    'Titolare',
    'Direttore Acquisti|Direttrice Acquisti',
    'Direttore Generale|Direttrice Generale',
    'Buyer',
    'Product Manager',
    'Responsabile Logistica',
    'Ufficio Acquisti',
    'Responsabile Qualità',
  ],
  ru: [
    'Менеджер по закупкам',
    'Генеральный директор',
    'Директор по закупкам',
    'Коммерческий директор',
    'Руководитель отдела закупок',
    'Менеджер ВЭД',
    'Логист',
    'Бухгалтер',
    'Специалист по закупкам',
  ],
  ar: [
    'مدير المشتريات|مديرة المشتريات',
    'المدير العام|المديرة العامة',
    'مالك الشركة|مالكة الشركة',
    'الرئيس التنفيذي|الرئيسة التنفيذية',
    'مدير المبيعات|مديرة المبيعات',
    'مسؤول المشتريات|مسؤولة المشتريات',
    'مدير العمليات|مديرة العمليات',
    'محاسب|محاسبة',
  ],
  ja: [
    '購買部長',
    '代表取締役',
    '代表取締役社長',
    '取締役',
    '購買課長',
    '営業部長',
    '購買担当',
    '貿易担当',
    '商品開発担当',
    '物流担当',
  ],
  ko: [
    '구매팀장',
    '대표이사',
    '이사',
    '부장',
    '구매과장',
    '영업부장',
    '구매담당',
    '수입담당',
    '대리',
    '상무',
  ],
  vi: [
    'Trưởng phòng mua hàng',
    'Giám đốc',
    'Tổng giám đốc',
    'Chủ doanh nghiệp',
    'Phó giám đốc',
    'Nhân viên mua hàng',
    'Trưởng phòng xuất nhập khẩu',
    'Kế toán trưởng',
    'Nhân viên xuất nhập khẩu',
  ],
  tr: [
    'Satın Alma Müdürü',
    'Genel Müdür',
    'Firma Sahibi',
    'Satın Alma Direktörü',
    'Dış Ticaret Müdürü',
    'Satın Alma Uzmanı',
    'Ürün Müdürü',
    'Lojistik Sorumlusu',
    'Muhasebe Müdürü',
  ],
  pl: [
    'Kierownik Zakupów|Kierowniczka Zakupów',
    'Prezes Zarządu',
    'Właściciel|Właścicielka',
    'Dyrektor Zakupów|Dyrektorka Zakupów',
    'Dyrektor Handlowy|Dyrektorka Handlowa',
    'Specjalista ds. zakupów|Specjalistka ds. zakupów',
    'Kupiec',
    'Koordynator logistyki|Koordynatorka logistyki',
  ],
  nl: [
    'Inkoopmanager',
    'Directeur|Directrice',
    'Eigenaar|Eigenaresse',
    'Hoofd Inkoop',
    'Algemeen Directeur',
    'Inkoper|Inkoopster',
    'Productmanager',
    'Logistiek Coördinator',
    'Financieel Manager',
  ],
  id: [
    'Manajer Pembelian',
    'Direktur Utama',
    'Pemilik',
    'Direktur',
    'Manajer Impor',
    'Staf Pembelian',
    'Manajer Produk',
    'Staf Logistik',
  ],
  th: [
    'ผู้จัดการฝ่ายจัดซื้อ',
    'กรรมการผู้จัดการ',
    'เจ้าของกิจการ',
    'ผู้อำนวยการ',
    'ผู้จัดการฝ่ายนำเข้า',
    'เจ้าหน้าที่จัดซื้อ',
    'ผู้จัดการผลิตภัณฑ์',
  ],
}

const TITLES_ZH_HANT = [
  '採購經理',
  '總經理',
  '董事長',
  '老闆',
  '採購總監',
  '外貿經理',
  '採購專員',
  '業務經理',
  '副總經理',
  '財務經理',
  '跟單員',
  '物流主管',
]

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

// ---------------------------------------------------------------------------------------------
// Generation

type Person = { name: string; given: string; family: string; female: boolean }

function person(r: Rng, c: Culture): Person {
  const female = r() < 0.45
  const given = pick(r, female ? c.female : c.male)
  let family = pick(r, c.family)
  if (female && c.feminize) family = c.feminize(family)
  if (c.english && r() < c.english.share) {
    const en = pick(r, female ? c.english.female : c.english.male)
    return { name: `${en} ${family.l}`, given: en, family: family.l, female }
  }
  const latinGiven = c.lastGiven ? given.l.split(' ').pop()! : given.l
  if (c.script && r() < c.script) {
    const name = c.familyFirst ? family.s + (c.join ?? ' ') + given.s : `${given.s} ${family.s}`
    return { name, given: latinGiven, family: family.l, female }
  }
  let name = c.latinFamilyFirst ? `${family.l} ${given.l}` : `${given.l} ${family.l}`
  if (c.doubleFamily && r() < c.doubleFamily) {
    const second = pick(r, c.family)
    if (second !== family) name += ` ${second.l}`
  }
  return { name, given: latinGiven, family: family.l, female }
}

type Company = { original: string | null; latin: string; key: string }

const DEFAULT_LEGAL = parts('Ltd.')

function company(r: Rng, country: Country, industry: Industry, city: CityInfo): Company {
  const style = country.style
  const tpl = pick(r, style.templates)
  const values = new Map<string, Part>()
  const draw = (k: string): Part => {
    let v = values.get(k)
    if (v) return v
    switch (k) {
      case 'B':
        v = style.brand(r)
        break
      case 'F':
      case 'G': {
        const other = values.get(k === 'F' ? 'G' : 'F')
        do v = pick(r, country.culture.family)
        while (v === other)
        break
      }
      case 'P': {
        const g = pick(r, country.culture.male)
        const f = pick(r, country.culture.family)
        v = { s: `${g.s} ${f.s}`, l: `${g.l} ${f.l.replace('-', ' ')}` }
        break
      }
      case 'W':
        v = pick(r, style.words)
        break
      case 'M':
        v = pick(r, style.mods ?? style.words)
        break
      case 'I':
        v = industryPart(industry, style.ind)
        break
      case 'C':
        v = { s: city.local ?? city.name, l: city.name }
        break
      case 'L':
        v = pick(r, country.legal ?? DEFAULT_LEGAL)
        break
      default:
        v = { s: k, l: k }
    }
    values.set(k, v)
    return v
  }
  const latinName = tpl[1].replace(/\{([A-Z])\}/g, (_, k: string) => draw(k).l)
  const original = tpl[0] ? tpl[0].replace(/\{([A-Z])\}/g, (_, k: string) => draw(k).s) : null
  // The distinctive word names the web domain: the brand, else the family or person, else the city.
  const key = values.get('B') ?? values.get('F') ?? values.get('P') ?? values.get('C')
  return { original, latin: latinName, key: key?.l ?? latinName }
}

function emailLocal(r: Rng, p: Person): string {
  const g = slug(p.given) || 'info'
  const f = slug(p.family)
  if (!f) return g
  switch (Math.floor(r() * 8)) {
    case 0:
    case 1:
    case 2:
      return `${g}.${f}`
    case 3:
      return g
    case 4:
      return `${g[0]}${f}`
    case 5:
      return `${g}${f[0]}`
    case 6:
      return `${g}_${f}`
    default:
      return `${f}.${g}`
  }
}

function freeEmail(r: Rng, p: Person, domain: string): string {
  // QQ addresses are the account number, which is how most Chinese small businesses mail.
  if (domain === 'qq.com' && r() < 0.6) return `${int(r, 10000, 3999999999)}@qq.com`
  const base = emailLocal(r, p)
  const suffix = r() < 0.6 ? String(int(r, 1, 99)) : r() < 0.5 ? String(int(r, 1965, 2002)) : ''
  return `${base}${suffix}@${domain}`
}

function messaging(r: Rng, country: Country, p: Person, mobile: string): Messaging[] {
  const out: Messaging[] = []
  const handle = `${slug(p.given)}${slug(p.family)}`.slice(0, 24) || 'user'
  for (const [kind, chance] of Object.entries(country.msg) as [Messenger, number][]) {
    if (r() >= chance) continue
    switch (kind) {
      case 'whatsapp':
      case 'viber':
        out.push({ kind, handle: mobile })
        break
      case 'wechat': {
        const x = r()
        const id =
          x < 0.4
            ? mobile
            : x < 0.7
              ? `wxid_${Math.floor(r() * 36 ** 8)
                  .toString(36)
                  .padStart(8, '0')}${int(r, 10, 99)}`
              : `${handle}${int(r, 1, 9999)}`
        out.push({ kind: 'wechat', handle: id })
        break
      }
      case 'line':
        out.push({ kind: 'line', handle: r() < 0.5 ? `${handle}.${int(r, 1, 99)}` : mobile })
        break
      case 'telegram':
        out.push({ kind: 'telegram', handle: `@${slug(p.given)}_${slug(p.family)}`.slice(0, 32) })
        break
      // Zalo and KakaoTalk have no kind of their own; the label keeps the handle meaningful.
      case 'zalo':
        out.push({ kind: 'other', handle: `Zalo ${mobile}` })
        break
      case 'kakao':
        out.push({ kind: 'other', handle: `KakaoTalk ${handle}${int(r, 1, 99)}` })
        break
    }
  }
  if (r() < 0.04) out.push({ kind: 'skype', handle: `live:${handle}${int(r, 1, 999)}` })
  return out
}

function title(
  r: Rng,
  lang: Lang,
  primary: boolean,
  female: boolean,
  hant: boolean,
  taken: Set<string>,
): string {
  // Many non-English buyers still put an English title in their signature.
  const native = lang === 'zh' && hant ? TITLES_ZH_HANT : TITLES[lang]
  const list = (lang !== 'zh' && r() < 0.3 ? undefined : native) ?? TITLES.en!
  // One company rarely has two CEOs: re-draw a title a colleague already holds.
  let t = ''
  for (let tries = 0; tries < 3 && (!t || taken.has(t)); tries++)
    t = primary ? list[Math.floor(r() * Math.min(5, list.length))]! : pick(r, list)
  taken.add(t)
  const [m, f] = t.split('|') as [string, string?]
  return female && f ? f : m
}

/** A ~uniform number in [0, n) biased towards the start: the first cities are the busiest. */
const biased = (r: Rng, n: number): number => Math.floor(r() ** 1.6 * n)

const CONTACT_COUNTS: Weighted<number> = [
  [1, 12],
  [2, 25],
  [3, 28],
  [4, 18],
  [5, 10],
  [6, 7],
]

function resolveCountry(r: Rng): { country: Country; city: CityInfo } {
  const base = weighted(r, COUNTRY_TABLE)
  const cities = CITIES[base.code] ?? []
  const city = cities[biased(r, cities.length)]!
  const override = base.byCity?.[city.name]
  return { country: override ? { ...base, ...override } : base, city }
}

const COUNTRY_TABLE: Weighted<Country> = COUNTRIES.map((c) => [c, c.weight] as const)

function websiteSlug(r: Rng, key: string, industry: Industry): string {
  const words = ascii(key)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  const base = r() < 0.5 ? words.join('') : words.join('-')
  switch (Math.floor(r() * 6)) {
    case 0:
    case 1:
      return `${base}-${industry.slug}`
    case 2:
      return `${base}${industry.slug}`
    case 3:
      return `${base}-group`
    case 4:
      return `${base}-intl`
    default:
      return base
  }
}

/**
 * Generates `count` demo customers with their contacts. The same seed always yields the same
 * sequence; names, domains and display names are kept distinct across one run.
 */
export function* generateDemoCustomers(count: number, seed = 1): Generator<DemoCustomer> {
  const r = createRng(seed)
  const usedNames = new Set<string>()
  const usedDomains = new Set<string>()

  for (let n = 0; n < count; n++) {
    const { country, city } = resolveCountry(r)
    const industry = pick(r, INDUSTRIES)

    // Re-draw a taken name a few times; only then distinguish it by city as salespeople do.
    let co = company(r, country, industry, city)
    let displayName = country.displayOriginal && co.original ? co.original : co.latin
    for (let tries = 0; usedNames.has(displayName) && tries < 6; tries++) {
      co = company(r, country, industry, city)
      displayName = country.displayOriginal && co.original ? co.original : co.latin
    }
    if (usedNames.has(displayName)) {
      const base = displayName
      displayName = `${base} (${city.local && country.displayOriginal ? city.local : city.name})`
      for (let k = 2; usedNames.has(displayName); k++) displayName = `${base} (${city.name} ${k})`
    }
    usedNames.add(displayName)

    let domain: string | null = null
    if (r() < 0.7) {
      const tld = pick(r, country.tld)
      let s = websiteSlug(r, co.key, industry)
      if (usedDomains.has(`${s}.${tld}`)) s = `${s}-${slug(city.name)}`
      for (let k = 2; usedDomains.has(`${s}.${tld}`); k++) s = `${s.replace(/\d+$/, '')}${k}`
      domain = `${s}.${tld}`
      usedDomains.add(domain)
    }

    const contactCount = weighted(r, CONTACT_COUNTS)
    const contacts: ContactInput[] = []
    const takenTitles = new Set<string>()
    const officePhone =
      country.phone.land && r() < 0.5 ? phoneNumber(r, country.phone, city.name, 'land') : null
    for (let i = 0; i < contactCount; i++) {
      const p = person(r, country.culture)
      const lang = weighted(r, country.langs)
      const mobile = phoneNumber(r, country.phone, city.name, 'mobile')
      const phones: string[] = []
      const x = r()
      if (x < 0.75) phones.push(mobile)
      else if (x < 0.92) phones.push(mobile, officePhone ?? phoneNumber(r, country.phone, city.name, 'land'))
      else if (officePhone) phones.push(officePhone)

      const emails: string[] = []
      const e = r()
      if (e < 0.9) {
        emails.push(
          domain && r() < 0.85 ? `${emailLocal(r, p)}@${domain}` : freeEmail(r, p, pick(r, country.mail)),
        )
        const personal = e < 0.12 && domain ? freeEmail(r, p, pick(r, country.mail)) : null
        if (personal && personal !== emails[0]) emails.push(personal)
      }

      const contact: ContactInput = {
        name: p.name,
        title: r() < 0.85 ? title(r, lang, i === 0, p.female, country.hant === true, takenTitles) : null,
        emails,
        phones,
        messaging: messaging(r, country, p, mobile),
        language: lang,
        isPrimary: i === 0,
      }
      if (r() < 0.6) {
        const month = int(r, 1, 12)
        contact.birthdayMonth = month
        contact.birthdayDay = int(r, 1, month === 2 ? 28 : MONTH_DAYS[month - 1]!)
        if (r() < 0.35) contact.birthdayYear = int(r, 1960, 2000)
      }
      if (r() < 0.06) contact.notes = pick(r, CONTACT_NOTES)
      contacts.push(contact)
    }

    const source = weighted(r, SOURCES_W)
    const primaryLang = contacts[0]!.language ?? 'en'
    const street = country.streets && country.address && r() < 0.5 ? pick(r, country.streets) : null
    const address = street
      ? pick(r, country.address!)
          .replace('{S}', street)
          .replace('{n}', String(int(r, 1, 399)))
          .replace('{u}', String(int(r, 1, 40) * 10 + int(r, 1, 9)))
      : null

    const customer: CustomerInput = {
      displayName,
      originalName: co.original,
      latinName: co.latin,
      country: country.code,
      city: city.name,
      address,
      website: domain ? (r() < 0.9 ? `https://www.${domain}` : `https://${domain}`) : null,
      businessType: weighted(r, BUSINESS_TYPES_W),
      industry: industry.code,
      sizeBand: weighted(r, SIZES_W),
      productCategories: some(r, industry.products, int(r, 1, 3)),
      quality: weighted(r, QUALITY_W),
      source,
      sourceDetail: source === 'other' && r() < 0.5 ? null : pick(r, SOURCE_DETAILS[source]),
      owner:
        FRANCOPHONE.has(country.code) || primaryLang === 'fr'
          ? r() < 0.7
            ? 'Sophie Martin'
            : weighted(r, OWNERS)
          : weighted(r, OWNERS),
      preferredLanguage: r() < 0.9 ? primaryLang : 'en',
      currency: weighted(r, country.currency),
      tags: some(
        r,
        TAGS,
        weighted(r, [
          [0, 35],
          [1, 35],
          [2, 20],
          [3, 10],
        ] as const),
      ),
      notes: r() < 0.25 ? pick(r, CUSTOMER_NOTES) : null,
      // The zone is derived from country and city elsewhere; only a manual override is stored.
      timezone: null,
    }
    yield { customer, contacts }
  }
}
