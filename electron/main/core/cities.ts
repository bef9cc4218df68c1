// Major commercial cities per country (ISO 3166-1 alpha-2) with their IANA zone. A country's zone
// is ambiguous when it spans several (US, BR, RU, AU…), so the city is what pins the customer's local
// time down. Zones use the current canonical names (Asia/Kolkata, Europe/Kyiv): ICU still reports some
// legacy aliases, but every name here constructs an Intl.DateTimeFormat.

export type CityInfo = {
  /** Usual English/latin spelling. */
  name: string
  /** Name in the local script, only when that script is not latin. */
  local?: string
  /** IANA time zone of the city. */
  tz: string
}

// Most countries sit in a single zone, so rows are written compactly and expanded once at load.
const same = (tz: string, rows: readonly (readonly [string, string?])[]): readonly CityInfo[] =>
  rows.map(([name, local]) => (local ? { name, local, tz } : { name, tz }))

export const CITIES: Readonly<Record<string, readonly CityInfo[]>> = {
  // East Asia
  CN: same('Asia/Shanghai', [
    ['Shanghai', '上海'],
    ['Beijing', '北京'],
    ['Shenzhen', '深圳'],
    ['Guangzhou', '广州'],
    ['Hangzhou', '杭州'],
    ['Ningbo', '宁波'],
    ['Yiwu', '义乌'],
    ['Xiamen', '厦门'],
  ]),
  HK: same('Asia/Hong_Kong', [
    ['Hong Kong', '香港'],
    ['Kowloon', '九龍'],
    ['Kwun Tong', '觀塘'],
    ['Tsuen Wan', '荃灣'],
  ]),
  TW: same('Asia/Taipei', [
    ['Taipei', '臺北'],
    ['New Taipei', '新北'],
    ['Taichung', '臺中'],
    ['Kaohsiung', '高雄'],
    ['Taoyuan', '桃園'],
    ['Tainan', '臺南'],
  ]),
  JP: same('Asia/Tokyo', [
    ['Tokyo', '東京'],
    ['Osaka', '大阪'],
    ['Yokohama', '横浜'],
    ['Nagoya', '名古屋'],
    ['Fukuoka', '福岡'],
    ['Kobe', '神戸'],
    ['Sapporo', '札幌'],
  ]),
  KR: same('Asia/Seoul', [
    ['Seoul', '서울'],
    ['Busan', '부산'],
    ['Incheon', '인천'],
    ['Daegu', '대구'],
    ['Daejeon', '대전'],
    ['Gwangju', '광주'],
  ]),
  // South and South-East Asia
  IN: same('Asia/Kolkata', [
    ['Mumbai', 'मुंबई'],
    ['Delhi', 'दिल्ली'],
    ['Bengaluru', 'ಬೆಂಗಳೂರು'],
    ['Chennai', 'சென்னை'],
    ['Kolkata', 'কলকাতা'],
    ['Ahmedabad', 'અમદાવાદ'],
    ['Hyderabad', 'హైదరాబాద్'],
    ['Pune', 'पुणे'],
  ]),
  PK: same('Asia/Karachi', [
    ['Karachi', 'کراچی'],
    ['Lahore', 'لاہور'],
    ['Islamabad', 'اسلام آباد'],
    ['Faisalabad', 'فیصل آباد'],
    ['Sialkot', 'سیالکوٹ'],
  ]),
  BD: same('Asia/Dhaka', [
    ['Dhaka', 'ঢাকা'],
    ['Chittagong', 'চট্টগ্রাম'],
    ['Gazipur', 'গাজীপুর'],
    ['Narayanganj', 'নারায়ণগঞ্জ'],
  ]),
  LK: same('Asia/Colombo', [
    ['Colombo', 'කොළඹ'],
    ['Kandy', 'මහනුවර'],
    ['Galle', 'ගාල්ල'],
  ]),
  VN: same('Asia/Ho_Chi_Minh', [
    ['Ho Chi Minh City'],
    ['Hanoi'],
    ['Da Nang'],
    ['Hai Phong'],
    ['Can Tho'],
    ['Bien Hoa'],
  ]),
  TH: same('Asia/Bangkok', [
    ['Bangkok', 'กรุงเทพมหานคร'],
    ['Chiang Mai', 'เชียงใหม่'],
    ['Chonburi', 'ชลบุรี'],
    ['Phuket', 'ภูเก็ต'],
    ['Nonthaburi', 'นนทบุรี'],
  ]),
  KH: same('Asia/Phnom_Penh', [
    ['Phnom Penh', 'ភ្នំពេញ'],
    ['Siem Reap', 'សៀមរាប'],
    ['Sihanoukville', 'ក្រុងព្រះសីហនុ'],
  ]),
  MM: same('Asia/Yangon', [
    ['Yangon', 'ရန်ကုန်'],
    ['Mandalay', 'မန္တလေး'],
    ['Naypyidaw', 'နေပြည်တော်'],
  ]),
  MY: [
    { name: 'Kuala Lumpur', tz: 'Asia/Kuala_Lumpur' },
    { name: 'George Town', tz: 'Asia/Kuala_Lumpur' },
    { name: 'Johor Bahru', tz: 'Asia/Kuala_Lumpur' },
    { name: 'Shah Alam', tz: 'Asia/Kuala_Lumpur' },
    // Borneo has its own zone entry.
    { name: 'Kuching', tz: 'Asia/Kuching' },
    { name: 'Kota Kinabalu', tz: 'Asia/Kuching' },
  ],
  SG: same('Asia/Singapore', [['Singapore'], ['Jurong'], ['Woodlands'], ['Tampines']]),
  ID: [
    { name: 'Jakarta', tz: 'Asia/Jakarta' },
    { name: 'Surabaya', tz: 'Asia/Jakarta' },
    { name: 'Bandung', tz: 'Asia/Jakarta' },
    { name: 'Medan', tz: 'Asia/Jakarta' },
    { name: 'Semarang', tz: 'Asia/Jakarta' },
    { name: 'Makassar', tz: 'Asia/Makassar' },
    { name: 'Denpasar', tz: 'Asia/Makassar' },
    { name: 'Jayapura', tz: 'Asia/Jayapura' },
  ],
  PH: same('Asia/Manila', [['Manila'], ['Quezon City'], ['Makati'], ['Cebu City'], ['Davao City']]),
  // Middle East
  AE: same('Asia/Dubai', [
    ['Dubai', 'دبي'],
    ['Abu Dhabi', 'أبوظبي'],
    ['Sharjah', 'الشارقة'],
    ['Ajman', 'عجمان'],
    ['Ras Al Khaimah', 'رأس الخيمة'],
  ]),
  SA: same('Asia/Riyadh', [
    ['Riyadh', 'الرياض'],
    ['Jeddah', 'جدة'],
    ['Dammam', 'الدمام'],
    ['Khobar', 'الخبر'],
    ['Mecca', 'مكة المكرمة'],
    ['Medina', 'المدينة المنورة'],
  ]),
  QA: same('Asia/Qatar', [
    ['Doha', 'الدوحة'],
    ['Al Rayyan', 'الريان'],
    ['Al Wakrah', 'الوكرة'],
  ]),
  KW: same('Asia/Kuwait', [
    ['Kuwait City', 'مدينة الكويت'],
    ['Hawalli', 'حولي'],
    ['Farwaniya', 'الفروانية'],
    ['Al Ahmadi', 'الأحمدي'],
  ]),
  OM: same('Asia/Muscat', [
    ['Muscat', 'مسقط'],
    ['Salalah', 'صلالة'],
    ['Sohar', 'صحار'],
    ['Nizwa', 'نزوى'],
  ]),
  BH: same('Asia/Bahrain', [
    ['Manama', 'المنامة'],
    ['Muharraq', 'المحرق'],
    ['Riffa', 'الرفاع'],
  ]),
  IQ: same('Asia/Baghdad', [
    ['Baghdad', 'بغداد'],
    ['Erbil', 'أربيل'],
    ['Basra', 'البصرة'],
  ]),
  JO: same('Asia/Amman', [
    ['Amman', 'عمّان'],
    ['Zarqa', 'الزرقاء'],
    ['Irbid', 'إربد'],
  ]),
  IL: same('Asia/Jerusalem', [
    ['Tel Aviv', 'תל אביב'],
    ['Jerusalem', 'ירושלים'],
    ['Haifa', 'חיפה'],
    ['Ashdod', 'אשדוד'],
    ['Petah Tikva', 'פתח תקווה'],
  ]),
  IR: same('Asia/Tehran', [
    ['Tehran', 'تهران'],
    ['Mashhad', 'مشهد'],
    ['Isfahan', 'اصفهان'],
    ['Tabriz', 'تبریز'],
    ['Shiraz', 'شیراز'],
  ]),
  TR: same('Europe/Istanbul', [
    ['Istanbul'],
    ['Ankara'],
    ['Izmir'],
    ['Bursa'],
    ['Antalya'],
    ['Gaziantep'],
    ['Konya'],
  ]),
  // Africa
  EG: same('Africa/Cairo', [
    ['Cairo', 'القاهرة'],
    ['Alexandria', 'الإسكندرية'],
    ['Giza', 'الجيزة'],
    ['Port Said', 'بورسعيد'],
  ]),
  MA: same('Africa/Casablanca', [
    ['Casablanca', 'الدار البيضاء'],
    ['Rabat', 'الرباط'],
    ['Tangier', 'طنجة'],
    ['Marrakesh', 'مراكش'],
    ['Fez', 'فاس'],
    ['Agadir', 'أكادير'],
  ]),
  DZ: same('Africa/Algiers', [
    ['Algiers', 'الجزائر'],
    ['Oran', 'وهران'],
    ['Constantine', 'قسنطينة'],
    ['Setif', 'سطيف'],
  ]),
  TN: same('Africa/Tunis', [
    ['Tunis', 'تونس'],
    ['Sfax', 'صفاقس'],
    ['Sousse', 'سوسة'],
  ]),
  NG: same('Africa/Lagos', [['Lagos'], ['Abuja'], ['Kano'], ['Port Harcourt'], ['Ibadan'], ['Onitsha']]),
  GH: same('Africa/Accra', [['Accra'], ['Kumasi'], ['Tema'], ['Takoradi']]),
  KE: same('Africa/Nairobi', [['Nairobi'], ['Mombasa'], ['Kisumu'], ['Nakuru']]),
  TZ: same('Africa/Dar_es_Salaam', [['Dar es Salaam'], ['Arusha'], ['Dodoma'], ['Mwanza']]),
  ET: same('Africa/Addis_Ababa', [
    ['Addis Ababa', 'አዲስ አበባ'],
    ['Dire Dawa', 'ድሬ ዳዋ'],
    ['Hawassa', 'ሀዋሳ'],
    ['Mekelle', 'መቀሌ'],
  ]),
  ZA: same('Africa/Johannesburg', [['Johannesburg'], ['Cape Town'], ['Durban'], ['Pretoria'], ['Gqeberha']]),
  // Europe
  DE: same('Europe/Berlin', [
    ['Berlin'],
    ['Hamburg'],
    ['Munich'],
    ['Cologne'],
    ['Frankfurt'],
    ['Düsseldorf'],
    ['Stuttgart'],
    ['Nuremberg'],
  ]),
  FR: same('Europe/Paris', [
    ['Paris'],
    ['Lyon'],
    ['Marseille'],
    ['Toulouse'],
    ['Lille'],
    ['Bordeaux'],
    ['Nice'],
    ['Nantes'],
  ]),
  IT: same('Europe/Rome', [['Milan'], ['Rome'], ['Turin'], ['Naples'], ['Bologna'], ['Florence'], ['Prato']]),
  ES: [
    { name: 'Madrid', tz: 'Europe/Madrid' },
    { name: 'Barcelona', tz: 'Europe/Madrid' },
    { name: 'Valencia', tz: 'Europe/Madrid' },
    { name: 'Seville', tz: 'Europe/Madrid' },
    { name: 'Bilbao', tz: 'Europe/Madrid' },
    { name: 'Málaga', tz: 'Europe/Madrid' },
    { name: 'Zaragoza', tz: 'Europe/Madrid' },
    // The Canaries keep Atlantic time, one hour behind the mainland.
    { name: 'Las Palmas de Gran Canaria', tz: 'Atlantic/Canary' },
  ],
  PT: [
    { name: 'Lisbon', tz: 'Europe/Lisbon' },
    { name: 'Porto', tz: 'Europe/Lisbon' },
    { name: 'Braga', tz: 'Europe/Lisbon' },
    { name: 'Coimbra', tz: 'Europe/Lisbon' },
    { name: 'Funchal', tz: 'Atlantic/Madeira' },
  ],
  NL: same('Europe/Amsterdam', [
    ['Amsterdam'],
    ['Rotterdam'],
    ['The Hague'],
    ['Utrecht'],
    ['Eindhoven'],
    ['Venlo'],
  ]),
  BE: same('Europe/Brussels', [['Brussels'], ['Antwerp'], ['Ghent'], ['Liège'], ['Charleroi']]),
  GB: same('Europe/London', [
    ['London'],
    ['Manchester'],
    ['Birmingham'],
    ['Glasgow'],
    ['Leeds'],
    ['Liverpool'],
    ['Bristol'],
    ['Edinburgh'],
  ]),
  IE: same('Europe/Dublin', [['Dublin'], ['Cork'], ['Galway'], ['Limerick']]),
  PL: same('Europe/Warsaw', [['Warsaw'], ['Kraków'], ['Łódź'], ['Wrocław'], ['Poznań'], ['Gdańsk']]),
  CZ: same('Europe/Prague', [['Prague'], ['Brno'], ['Ostrava']]),
  HU: same('Europe/Budapest', [['Budapest'], ['Debrecen'], ['Szeged']]),
  RO: same('Europe/Bucharest', [['Bucharest'], ['Cluj-Napoca'], ['Timișoara'], ['Constanța']]),
  GR: same('Europe/Athens', [
    ['Athens', 'Αθήνα'],
    ['Thessaloniki', 'Θεσσαλονίκη'],
    ['Piraeus', 'Πειραιάς'],
  ]),
  SE: same('Europe/Stockholm', [['Stockholm'], ['Gothenburg'], ['Malmö'], ['Uppsala']]),
  DK: same('Europe/Copenhagen', [['Copenhagen'], ['Aarhus'], ['Odense']]),
  NO: same('Europe/Oslo', [['Oslo'], ['Bergen'], ['Trondheim']]),
  FI: same('Europe/Helsinki', [['Helsinki'], ['Espoo'], ['Tampere']]),
  CH: same('Europe/Zurich', [['Zurich'], ['Geneva'], ['Basel'], ['Bern'], ['Lausanne'], ['Lugano']]),
  AT: same('Europe/Vienna', [['Vienna'], ['Graz'], ['Linz'], ['Salzburg'], ['Innsbruck']]),
  RU: [
    { name: 'Moscow', local: 'Москва', tz: 'Europe/Moscow' },
    { name: 'Saint Petersburg', local: 'Санкт-Петербург', tz: 'Europe/Moscow' },
    { name: 'Kazan', local: 'Казань', tz: 'Europe/Moscow' },
    { name: 'Krasnodar', local: 'Краснодар', tz: 'Europe/Moscow' },
    { name: 'Samara', local: 'Самара', tz: 'Europe/Samara' },
    { name: 'Yekaterinburg', local: 'Екатеринбург', tz: 'Asia/Yekaterinburg' },
    { name: 'Novosibirsk', local: 'Новосибирск', tz: 'Asia/Novosibirsk' },
    { name: 'Vladivostok', local: 'Владивосток', tz: 'Asia/Vladivostok' },
  ],
  UA: same('Europe/Kyiv', [
    ['Kyiv', 'Київ'],
    ['Kharkiv', 'Харків'],
    ['Odesa', 'Одеса'],
    ['Dnipro', 'Дніпро'],
    ['Lviv', 'Львів'],
  ]),
  KZ: [
    { name: 'Almaty', local: 'Алматы', tz: 'Asia/Almaty' },
    { name: 'Astana', local: 'Астана', tz: 'Asia/Almaty' },
    { name: 'Shymkent', local: 'Шымкент', tz: 'Asia/Almaty' },
    { name: 'Karaganda', local: 'Караганда', tz: 'Asia/Almaty' },
    { name: 'Aktobe', local: 'Актобе', tz: 'Asia/Aqtobe' },
    { name: 'Atyrau', local: 'Атырау', tz: 'Asia/Atyrau' },
  ],
  // Americas
  US: [
    { name: 'New York', tz: 'America/New_York' },
    { name: 'Los Angeles', tz: 'America/Los_Angeles' },
    { name: 'Chicago', tz: 'America/Chicago' },
    { name: 'Houston', tz: 'America/Chicago' },
    { name: 'Miami', tz: 'America/New_York' },
    { name: 'Phoenix', tz: 'America/Phoenix' },
    { name: 'Seattle', tz: 'America/Los_Angeles' },
    { name: 'Denver', tz: 'America/Denver' },
  ],
  CA: [
    { name: 'Toronto', tz: 'America/Toronto' },
    { name: 'Montreal', tz: 'America/Toronto' },
    { name: 'Ottawa', tz: 'America/Toronto' },
    { name: 'Vancouver', tz: 'America/Vancouver' },
    { name: 'Calgary', tz: 'America/Edmonton' },
    { name: 'Edmonton', tz: 'America/Edmonton' },
    { name: 'Winnipeg', tz: 'America/Winnipeg' },
    { name: 'Halifax', tz: 'America/Halifax' },
  ],
  MX: [
    { name: 'Mexico City', tz: 'America/Mexico_City' },
    { name: 'Guadalajara', tz: 'America/Mexico_City' },
    { name: 'Puebla', tz: 'America/Mexico_City' },
    { name: 'Monterrey', tz: 'America/Monterrey' },
    { name: 'Tijuana', tz: 'America/Tijuana' },
    { name: 'Ciudad Juárez', tz: 'America/Ciudad_Juarez' },
    { name: 'Hermosillo', tz: 'America/Hermosillo' },
    { name: 'Cancún', tz: 'America/Cancun' },
  ],
  BR: [
    { name: 'São Paulo', tz: 'America/Sao_Paulo' },
    { name: 'Rio de Janeiro', tz: 'America/Sao_Paulo' },
    { name: 'Belo Horizonte', tz: 'America/Sao_Paulo' },
    { name: 'Curitiba', tz: 'America/Sao_Paulo' },
    { name: 'Porto Alegre', tz: 'America/Sao_Paulo' },
    { name: 'Recife', tz: 'America/Recife' },
    { name: 'Fortaleza', tz: 'America/Fortaleza' },
    { name: 'Manaus', tz: 'America/Manaus' },
  ],
  AR: [
    { name: 'Buenos Aires', tz: 'America/Argentina/Buenos_Aires' },
    { name: 'Córdoba', tz: 'America/Argentina/Cordoba' },
    { name: 'Rosario', tz: 'America/Argentina/Cordoba' },
    { name: 'Mendoza', tz: 'America/Argentina/Mendoza' },
    { name: 'Salta', tz: 'America/Argentina/Salta' },
    { name: 'Tucumán', tz: 'America/Argentina/Tucuman' },
  ],
  CL: [
    { name: 'Santiago', tz: 'America/Santiago' },
    { name: 'Valparaíso', tz: 'America/Santiago' },
    { name: 'Concepción', tz: 'America/Santiago' },
    { name: 'Antofagasta', tz: 'America/Santiago' },
    // Magallanes stays on summer time all year, hence its own zone.
    { name: 'Punta Arenas', tz: 'America/Punta_Arenas' },
  ],
  CO: same('America/Bogota', [['Bogotá'], ['Medellín'], ['Cali'], ['Barranquilla'], ['Cartagena']]),
  PE: same('America/Lima', [['Lima'], ['Arequipa'], ['Trujillo'], ['Cusco']]),
  EC: same('America/Guayaquil', [['Guayaquil'], ['Quito'], ['Cuenca']]),
  PA: same('America/Panama', [['Panama City'], ['Colón'], ['David']]),
  DO: same('America/Santo_Domingo', [['Santo Domingo'], ['Santiago de los Caballeros'], ['Punta Cana']]),
  // Oceania
  AU: [
    { name: 'Sydney', tz: 'Australia/Sydney' },
    { name: 'Melbourne', tz: 'Australia/Melbourne' },
    { name: 'Brisbane', tz: 'Australia/Brisbane' },
    { name: 'Perth', tz: 'Australia/Perth' },
    { name: 'Adelaide', tz: 'Australia/Adelaide' },
    { name: 'Canberra', tz: 'Australia/Sydney' },
    { name: 'Darwin', tz: 'Australia/Darwin' },
    { name: 'Hobart', tz: 'Australia/Hobart' },
  ],
  NZ: same('Pacific/Auckland', [['Auckland'], ['Wellington'], ['Christchurch'], ['Hamilton']]),
}

// Letters that NFKD does not decompose but people type without the mark (Łódź → lodz).
const FOLD: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
}
const FOLD_RE = /[łøđðıßæœþ]/g

/** Lower case, accents removed, punctuation and spacing collapsed: 'São  Paulo' → 'sao paulo'. */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(FOLD_RE, (c) => FOLD[c] ?? c)
    .replace(/[\s\-'’.]+/g, ' ')
    .trim()
}

// Folded lookup tables, built lazily: most processes never look a city up.
let index: Map<string, Map<string, CityInfo>> | undefined

function buildIndex(): Map<string, Map<string, CityInfo>> {
  const out = new Map<string, Map<string, CityInfo>>()
  for (const [country, cities] of Object.entries(CITIES)) {
    const byName = new Map<string, CityInfo>()
    for (const c of cities) {
      byName.set(fold(c.name), c)
      if (c.local) byName.set(fold(c.local), c)
    }
    out.set(country, byName)
  }
  return out
}

/** Finds a city of `country` by its latin or local name, ignoring case and accents. */
export function findCity(country: string, city: string): CityInfo | undefined {
  index ??= buildIndex()
  return index.get(country.trim().toUpperCase())?.get(fold(city))
}
