// Text normalisation for search, sorting and duplicate detection. One function decides what
// "the same text" means, and both the index and the query go through it, so 貿易 finds 贸易,
// "Müller" finds "muller" and "ZHANG wei" finds 张伟.
import { Converter } from 'opencc-js/t2cn'
import { pinyin } from 'pinyin-pro'

const toSimplified = Converter({ from: 't', to: 'cn' })

const HAN_RE = /\p{Script=Han}/u
const HAN_RUN_RE = /\p{Script=Han}+/gu
const MARKS_RE = /\p{M}+/gu

export function hasHan(s: string): boolean {
  return HAN_RE.test(s)
}

/**
 * NFKC (full-width → half-width), traditional → simplified Chinese, lower case, diacritics
 * removed, whitespace collapsed.
 */
export function normalizeText(s: string): string {
  let out = s.normalize('NFKC')
  if (hasHan(out)) out = toSimplified(out)
  return out
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
}

export type PinyinForms = { syllables: string[]; joined: string; initials: string }

/** Toneless pinyin of the Han characters in `s` (other characters dropped); null if there are none. */
export function pinyinForms(s: string): PinyinForms | null {
  const runs = s.match(HAN_RUN_RE)
  if (!runs) return null
  const syllables = runs.flatMap((run) => pinyin(run, { toneType: 'none', type: 'array' }))
  const initials = runs.flatMap((run) => pinyin(run, { pattern: 'first', toneType: 'none', type: 'array' }))
  return { syllables, joined: syllables.join(''), initials: initials.join('') }
}

// Chinese company names usually open with where the company is registered, unit and all
// (深圳市立诚建材, 广东省佛山市…), and people leave the unit out when they type ("深圳立诚",
// "szlc"). A unit is a 省/市/县/区 after two to seven leading Han characters. When that character
// is part of a word instead (新华超市) the extra form costs a little index space and loses no
// match: the name as written is indexed too.
const PLACE_UNIT_RE = /(?<=^\p{Script=Han}{2,7})[省市县区]/gu

/** The name without the administrative units of its place prefix; null when it has none. */
export function withoutPlaceUnits(s: string): string | null {
  const out = s.replace(PLACE_UNIT_RE, '')
  return out === s ? null : out
}

/**
 * Latin words typed with spaces, run together ("licheng jiancai" → "lichengjiancai"): pinyin is
 * indexed as one run per name, and people split it where the words of the name end, not the
 * syllables. Null when the query is not latin words separated by spaces.
 */
export function joinedWords(q: string): string | null {
  return /^[a-z]+( [a-z]+)+$/.test(q) ? q.replaceAll(' ', '') : null
}

// Letters a keyboard without them spells out: Müller is typed "mueller", Weiß "weiss", Sørensen
// "sorensen", Łódź "lodz". Removing accents (normalizeText) already gives "muller"; these are the
// spellings it cannot give.
const SPELLED: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}
const SPELLED_RE = /[äöüßøæœłđðþı]/g

/** The text with such letters spelled out, normalised; null when it has none. */
export function spelledOut(s: string): string | null {
  const lower = s.normalize('NFC').toLowerCase()
  if (!SPELLED_RE.test(lower)) return null
  SPELLED_RE.lastIndex = 0
  return normalizeText(lower.replace(SPELLED_RE, (c) => SPELLED[c] ?? c))
}

/** Digits only: phones are indexed and searched as digit strings so any formatting matches. */
export function digitsOnly(s: string): string {
  return s.replace(/\D+/g, '')
}

/** Host of a website without `www.`, lower case; null when it does not parse. */
export function websiteDomain(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`
    const host = new URL(withScheme).hostname.toLowerCase()
    return host.replace(/^www\./, '') || null
  } catch {
    return null
  }
}

/** Domain part of an email, lower case. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase()
}

// Legal-form words carry no identity: "Huasheng Electronics Co., Ltd." and "HUASHENG ELECTRONICS"
// are the same company for duplicate detection.
const LEGAL_WORDS = new Set([
  'co',
  'ltd',
  'limited',
  'llc',
  'inc',
  'corp',
  'corporation',
  'company',
  'gmbh',
  'ag',
  'kg',
  'sarl',
  'sas',
  'sa',
  'srl',
  'spa',
  'bv',
  'nv',
  'plc',
  'pvt',
  'pte',
  'pty',
  'ltda',
  'de',
  'cv',
  'the',
  'trading',
  'group',
  'international',
])
const CN_LEGAL_RE = /(有限责任公司|股份有限公司|有限公司|公司|集团|株式会社)/g

/** A company name reduced to what identifies it, for duplicate detection. */
export function nameKey(name: string): string {
  const n = normalizeText(name).replace(CN_LEGAL_RE, ' ')
  return n
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !LEGAL_WORDS.has(w))
    .join(' ')
}

/** Sort key for lists: normalised, with Chinese names sorted by their pinyin. */
export function sortKey(name: string): string {
  const n = normalizeText(name)
  if (!hasHan(n)) return n
  return n.replace(HAN_RUN_RE, (run) => pinyin(run, { toneType: 'none', type: 'array' }).join(''))
}
