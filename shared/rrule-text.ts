// Repeat rules of reminders (SPEC R1) as the reminder dialog builds them and as people read them.
// The dialog offers a few presets, each one RFC 5545 rule (the due date is its DTSTART); this file
// turns a preset into its rule, reads a rule back into its preset, and writes a rule as a sentence
// in zh, fr or en. rrule's own toText is English only and reads oddly for the working-day rule, so
// the sentences are written here, for the subset the presets produce (and what else comes close).

export type RuleLang = 'zh' | 'fr' | 'en'

/** RFC 5545 weekday codes, Monday first. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** Which occurrence of a weekday in its month: 1st to 4th, or the last (-1). */
export type Nth = 1 | 2 | 3 | 4 | -1

export type RulePreset =
  | { kind: 'none' }
  | { kind: 'daily'; interval: number }
  | { kind: 'weekly'; interval: number; days: Weekday[] }
  | { kind: 'monthlyDay'; interval: number; day: number }
  | { kind: 'monthlyNth'; nth: Nth; weekday: Weekday }
  | { kind: 'lastWorkingDay' }
  | { kind: 'lastDay' }
  | { kind: 'yearly' }

export type PresetKind = RulePreset['kind']
export const PRESET_KINDS: PresetKind[] = [
  'none',
  'daily',
  'weekly',
  'monthlyDay',
  'monthlyNth',
  'lastWorkingDay',
  'lastDay',
  'yearly',
]

const WORKING_DAYS = 'MO,TU,WE,TH,FR'

/** The preset's rule (null for no repeat). An interval of 1 is left out, as RFC 5545 allows. */
export function buildRule(p: RulePreset): string | null {
  const every = (n: number) => (n > 1 ? `;INTERVAL=${n}` : '')
  switch (p.kind) {
    case 'none':
      return null
    case 'daily':
      return `FREQ=DAILY${every(p.interval)}`
    case 'weekly':
      return `FREQ=WEEKLY${every(p.interval)}${p.days.length ? `;BYDAY=${sortDays(p.days).join(',')}` : ''}`
    case 'monthlyDay':
      return `FREQ=MONTHLY${every(p.interval)};BYMONTHDAY=${p.day}`
    case 'monthlyNth':
      return `FREQ=MONTHLY;BYDAY=${p.nth > 0 ? '+' : ''}${p.nth}${p.weekday}`
    case 'lastWorkingDay':
      return `FREQ=MONTHLY;BYDAY=${WORKING_DAYS};BYSETPOS=-1`
    case 'lastDay':
      return 'FREQ=MONTHLY;BYMONTHDAY=-1'
    case 'yearly':
      return 'FREQ=YEARLY'
  }
}

/** The preset a rule is, or null for a rule the presets cannot show (it is kept as it is). */
export function parseRule(rule: string | null | undefined): RulePreset | null {
  if (!rule) return { kind: 'none' }
  const r = parts(rule)
  if (!r || r.count || r.until || r.bymonth) return null
  const interval = r.interval
  switch (r.freq) {
    case 'DAILY':
      return r.byday || r.bymonthday || r.bysetpos ? null : { kind: 'daily', interval }
    case 'WEEKLY': {
      if (r.bymonthday || r.bysetpos) return null
      const days = r.byday?.map((d) => (d.n === null ? d.day : null))
      if (days?.some((d) => d === null)) return null
      return { kind: 'weekly', interval, days: (days ?? []) as Weekday[] }
    }
    case 'MONTHLY': {
      if (r.bymonthday && !r.byday && !r.bysetpos && r.bymonthday.length === 1) {
        const day = r.bymonthday[0]!
        if (day === -1 && interval === 1) return { kind: 'lastDay' }
        return day >= 1 ? { kind: 'monthlyDay', interval, day } : null
      }
      if (interval !== 1 || r.bymonthday) return null
      if (r.byday?.map((d) => d.day).join(',') === WORKING_DAYS && r.bysetpos?.join() === '-1')
        return r.byday.every((d) => d.n === null) ? { kind: 'lastWorkingDay' } : null
      if (r.byday?.length === 1 && !r.bysetpos) {
        const { n, day } = r.byday[0]!
        if (n !== null && (n === -1 || (n >= 1 && n <= 4)))
          return { kind: 'monthlyNth', nth: n as Nth, weekday: day }
      }
      return null
    }
    case 'YEARLY':
      return interval === 1 && !r.byday && !r.bymonthday && !r.bysetpos ? { kind: 'yearly' } : null
  }
}

/**
 * A preset of `kind` fitting a due date (YYYY-MM-DD): weekly on its weekday, monthly on its day or
 * on its weekday's place in the month (the 5th Monday becomes the last one).
 */
export function presetFor(kind: PresetKind, dueDate: string | null): RulePreset {
  const d = dueDate && /^\d{4}-\d{2}-\d{2}$/.test(dueDate) ? new Date(`${dueDate}T00:00:00Z`) : null
  const weekday: Weekday = d ? WEEKDAYS[(d.getUTCDay() + 6) % 7]! : 'MO'
  const day = d ? d.getUTCDate() : 1
  switch (kind) {
    case 'none':
    case 'lastWorkingDay':
    case 'lastDay':
    case 'yearly':
      return { kind }
    case 'daily':
      return { kind, interval: 1 }
    case 'weekly':
      return { kind, interval: 1, days: [weekday] }
    case 'monthlyDay':
      return { kind, interval: 1, day }
    case 'monthlyNth': {
      const nth = Math.ceil(day / 7)
      return { kind, nth: nth > 4 ? -1 : (nth as Nth), weekday }
    }
  }
}

type Parts = {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY'
  interval: number
  byday?: { n: number | null; day: Weekday }[]
  bymonthday?: number[]
  bymonth?: number[]
  bysetpos?: number[]
  count?: number
  until?: string
}

/** The parts of a rule this file reads, or null when it holds anything else. */
function parts(rule: string): Parts | null {
  const out: Partial<Parts> = { interval: 1 }
  const ints = (v: string) => {
    const list = v.split(',').map((x) => (/^[+-]?\d+$/.test(x) ? Number(x) : NaN))
    return list.some((n) => Number.isNaN(n) || n === 0) ? null : list
  }
  for (const part of rule.trim().split(';')) {
    const [key, value] = part.split('=') as [string, string | undefined]
    if (!value) return null
    switch (key.toUpperCase()) {
      case 'FREQ':
        if (!['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(value)) return null
        out.freq = value as Parts['freq']
        break
      case 'INTERVAL':
        if (!/^\d+$/.test(value) || Number(value) < 1) return null
        out.interval = Number(value)
        break
      case 'BYDAY': {
        const days = value.split(',').map((x) => /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(x))
        if (days.some((m) => !m)) return null
        out.byday = days.map((m) => ({ n: m![1] ? Number(m![1]) : null, day: m![2] as Weekday }))
        break
      }
      case 'BYMONTHDAY':
      case 'BYMONTH':
      case 'BYSETPOS': {
        const list = ints(value)
        if (!list) return null
        out[key.toLowerCase() as 'bymonthday' | 'bymonth' | 'bysetpos'] = list
        break
      }
      case 'COUNT':
        if (!/^\d+$/.test(value)) return null
        out.count = Number(value)
        break
      case 'UNTIL': {
        const m = /^(\d{4})(\d{2})(\d{2})/.exec(value)
        if (!m) return null
        out.until = `${m[1]}-${m[2]}-${m[3]}`
        break
      }
      case 'WKST':
        break
      default:
        return null
    }
  }
  return out.freq ? (out as Parts) : null
}

const sortDays = (days: Weekday[]) =>
  [...new Set(days)].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b))

// ---- sentences ----

type Words = {
  day: Record<Weekday, string>
  list: (items: string[]) => string
  nth: (n: number) => string
  month: (m: number) => string
  monthDay: (d: number) => string
  every: Record<Parts['freq'], (n: number) => string>
  onDays: (every: string, days: string) => string
  onMonthDays: (every: string, days: string) => string
  onNth: (every: string, nth: string, day: string) => string
  lastDay: (every: string) => string
  lastWorkingDay: (every: string) => string
  yearlyOn: (months: string, day: string | null) => string
  setPos: (every: string, pos: string, days: string) => string
  count: (n: number) => string
  until: (date: string) => string
}

const join = (items: string[], sep: string, last: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(sep)}${last}${items.at(-1)}`

const EN_ORD = ['', 'first', 'second', 'third', 'fourth', 'fifth']
const FR_ORD = ['', 'premier', 'deuxième', 'troisième', 'quatrième', 'cinquième']
const ZH_NUM = ['', '一', '二', '三', '四', '五']

const enSuffix = (d: number) =>
  d % 100 >= 11 && d % 100 <= 13
    ? 'th'
    : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[d % 10] ?? 'th')

const WORDS: Record<RuleLang, Words> = {
  en: {
    day: {
      MO: 'Monday',
      TU: 'Tuesday',
      WE: 'Wednesday',
      TH: 'Thursday',
      FR: 'Friday',
      SA: 'Saturday',
      SU: 'Sunday',
    },
    list: (items) => join(items, ', ', ' and '),
    nth: (n) =>
      n === -1 ? 'last' : n < -1 ? `${EN_ORD[-n] ?? -n} to last` : (EN_ORD[n] ?? `${n}${enSuffix(n)}`),
    month: (m) =>
      [
        'January',
        'February',
        'March',
        'April',
        'May',
        'June',
        'July',
        'August',
        'September',
        'October',
        'November',
        'December',
      ][m - 1]!,
    monthDay: (d) =>
      d === -1 ? 'the last day' : d < 0 ? `the ${EN_ORD[-d] ?? -d} to last day` : `the ${d}${enSuffix(d)}`,
    every: {
      DAILY: (n) => (n === 1 ? 'Every day' : `Every ${n} days`),
      WEEKLY: (n) => (n === 1 ? 'Every week' : `Every ${n} weeks`),
      MONTHLY: (n) => (n === 1 ? 'Every month' : `Every ${n} months`),
      YEARLY: (n) => (n === 1 ? 'Every year' : `Every ${n} years`),
    },
    onDays: (every, days) => `${every} on ${days}`,
    onMonthDays: (every, days) => `${every} on ${days}`,
    onNth: (every, nth, day) => `${every} on the ${nth} ${day}`,
    lastDay: (every) => `${every} on the last day`,
    lastWorkingDay: (every) => `${every} on the last working day`,
    yearlyOn: (months, day) => (day ? `Every year on ${months} ${day}` : `Every year in ${months}`),
    setPos: (every, pos, days) => `${every} on the ${pos} of ${days}`,
    count: (n) => (n === 1 ? ', once' : `, ${n} times`),
    until: (date) => `, until ${date}`,
  },
  fr: {
    day: {
      MO: 'lundi',
      TU: 'mardi',
      WE: 'mercredi',
      TH: 'jeudi',
      FR: 'vendredi',
      SA: 'samedi',
      SU: 'dimanche',
    },
    list: (items) => join(items, ', ', ' et '),
    nth: (n) =>
      n === -1 ? 'dernier' : n < -1 ? `${FR_ORD[-n] ?? -n} avant-dernier` : (FR_ORD[n] ?? `${n}e`),
    month: (m) =>
      [
        'janvier',
        'février',
        'mars',
        'avril',
        'mai',
        'juin',
        'juillet',
        'août',
        'septembre',
        'octobre',
        'novembre',
        'décembre',
      ][m - 1]!,
    monthDay: (d) =>
      d === -1 ? 'le dernier jour' : d < 0 ? `le ${-d}e jour avant la fin` : d === 1 ? 'le 1er' : `le ${d}`,
    every: {
      DAILY: (n) => (n === 1 ? 'Tous les jours' : `Tous les ${n} jours`),
      WEEKLY: (n) => (n === 1 ? 'Toutes les semaines' : `Toutes les ${n} semaines`),
      MONTHLY: (n) => (n === 1 ? 'Tous les mois' : `Tous les ${n} mois`),
      YEARLY: (n) => (n === 1 ? 'Tous les ans' : `Tous les ${n} ans`),
    },
    onDays: (every, days) => `${every}, le ${days}`,
    onMonthDays: (every, days) => `${every}, ${days}`,
    onNth: (every, nth, day) => `${every}, le ${nth} ${day}`,
    lastDay: (every) => `${every}, le dernier jour`,
    lastWorkingDay: (every) => `${every}, le dernier jour ouvré`,
    yearlyOn: (months, day) =>
      day ? `Tous les ans, le ${day === '1' ? '1er' : day} ${months}` : `Tous les ans, en ${months}`,
    setPos: (every, pos, days) => `${every}, le ${pos} jour parmi ${days}`,
    count: (n) => `, ${n}\u00a0fois`,
    until: (date) => `, jusqu’au ${date}`,
  },
  zh: {
    day: { MO: '周一', TU: '周二', WE: '周三', TH: '周四', FR: '周五', SA: '周六', SU: '周日' },
    list: (items) => items.join('、'),
    nth: (n) =>
      n === -1 ? '最后一个' : n < -1 ? `倒数第${ZH_NUM[-n] ?? -n}个` : `第${ZH_NUM[n] ?? ` ${n} `}个`,
    month: (m) => `${m} 月`,
    monthDay: (d) => (d === -1 ? '最后一天' : d < 0 ? `倒数第 ${-d} 天` : `${d} 日`),
    every: {
      DAILY: (n) => (n === 1 ? '每天' : `每 ${n} 天`),
      WEEKLY: (n) => (n === 1 ? '每周' : `每 ${n} 周`),
      MONTHLY: (n) => (n === 1 ? '每月' : `每 ${n} 个月`),
      YEARLY: (n) => (n === 1 ? '每年' : `每 ${n} 年`),
    },
    // 每周一、周四 rather than 每周周一: the weekday's own 周 is enough after 每周.
    onDays: (every, days) => (every === '每周' ? `每${days}` : `${every}的${days}`),
    onMonthDays: (every, days) => `${every}${/^\d/.test(days) ? ' ' : ''}${days}`,
    onNth: (every, nth, day) => `${every}${nth}${day}`,
    lastDay: (every) => `${every}最后一天`,
    lastWorkingDay: (every) => `${every}最后一个工作日`,
    yearlyOn: (months, day) => (day ? `每年 ${months} ${day} 日` : `每年 ${months}`),
    setPos: (every, pos, days) => `${every}${days}中的${pos}`,
    count: (n) => `，共 ${n} 次`,
    until: (date) => `，直到 ${date}`,
  },
}

function untilText(iso: string, lang: RuleLang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  if (lang === 'zh') return `${y} 年 ${m} 月 ${d} 日`
  if (lang === 'fr') return `${d === 1 ? '1er' : d} ${WORDS.fr.month(m)} ${y}`
  return `${WORDS.en.month(m)} ${d}, ${y}`
}

/**
 * The rule as a sentence in `lang` ("Every 2 weeks on Monday and Thursday", "Tous les mois, le
 * troisième lundi", "每月最后一个工作日"). A rule outside what this file reads comes back through
 * `t('calendarui.rule.custom', { rule })` when `t` is given, else as the rule itself.
 */
export function describeRule(
  rule: string | null | undefined,
  lang: RuleLang,
  t?: (key: string, vars: Record<string, string>) => string,
): string {
  const w = WORDS[lang] ?? WORDS.en
  if (!rule) return ''
  const r = parts(rule)
  const text = r ? sentence(r, w, lang) : null
  if (text === null) return t ? t('calendarui.rule.custom', { rule }) : rule
  const tail = (r!.count ? w.count(r!.count) : '') + (r!.until ? w.until(untilText(r!.until, lang)) : '')
  return text + tail
}

function sentence(r: Parts, w: Words, lang: RuleLang): string | null {
  const every = w.every[r.freq](r.interval)
  const days = r.byday
  if (r.freq === 'YEARLY') {
    if (r.interval !== 1 || days || r.bysetpos) return r.bymonth || r.bymonthday || days ? null : every
    if (!r.bymonth) return r.bymonthday ? null : every
    const months = w.list(r.bymonth.map((m) => w.month(m)))
    if (r.bymonthday && (r.bymonthday.length !== 1 || r.bymonthday[0]! < 1)) return null
    return w.yearlyOn(months, r.bymonthday ? String(r.bymonthday[0]) : null)
  }
  if (r.bymonth) return null
  if (r.bysetpos) {
    if (!days || days.some((d) => d.n !== null) || r.bysetpos.length !== 1 || r.bymonthday) return null
    const pos = r.bysetpos[0]!
    if (r.freq === 'MONTHLY' && pos === -1 && days.map((d) => d.day).join(',') === WORKING_DAYS)
      return w.lastWorkingDay(every)
    return w.setPos(every, w.nth(pos), w.list(days.map((d) => w.day[d.day])))
  }
  if (r.bymonthday) {
    if (days || r.freq !== 'MONTHLY') return null
    if (r.bymonthday.length === 1 && r.bymonthday[0] === -1) return w.lastDay(every)
    return w.onMonthDays(
      every,
      lang === 'zh' ? zhMonthDays(r.bymonthday, w) : w.list(r.bymonthday.map(w.monthDay)),
    )
  }
  if (!days) return every
  if (days.every((d) => d.n === null)) {
    if (r.freq === 'DAILY') return null
    return w.onDays(every, w.list(sortDays(days.map((d) => d.day)).map((d) => w.day[d])))
  }
  if (r.freq !== 'MONTHLY' || days.length !== 1) return null
  return w.onNth(every, w.nth(days[0]!.n!), w.day[days[0]!.day])
}

// 每月 1 日、15 日: each day keeps its 日, the list reads as one phrase.
function zhMonthDays(list: number[], w: Words): string {
  return w.list(list.map((d) => w.monthDay(d)))
}
