// The three UI locales stay in step: same keys, the plural forms each language needs, the same
// {{variables}}, real translations rather than copies of English, and every key the renderer asks for.
import { describe, it, expect } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { translations } from '../../shared/i18n/resources'
import { ERROR_CODES } from '../../shared/errors'
import { ISSUE_CODES } from '../../shared/domain'
import i18next from 'i18next'
import { makeFormatters } from '../../renderer/src/i18n/format'
import { INDUSTRIES, PRODUCT_CATEGORIES } from '../../shared/vocabulary'
import {
  industryFromInput,
  industryLabel,
  productCategoriesFromInput,
  productCategoryLabel,
} from '../../renderer/src/i18n/vocabulary'

type Tree = { [key: string]: unknown }
type Locale = 'en' | 'fr' | 'zh'

const LOCALES: Record<Locale, { tree: Tree; intl: string }> = {
  zh: { tree: translations.zh, intl: 'zh-CN' },
  fr: { tree: translations.fr, intl: 'fr-FR' },
  en: { tree: translations.en, intl: 'en-US' },
}
const LOCALE_NAMES = Object.keys(LOCALES) as Locale[]

// Brand names, language autonyms and punctuation-only templates: allowed without Chinese
// characters in zh.json, and left out of the "copied from English" count.
const BRAND_KEYS = new Set([
  'app.name',
  'common.listSeparator',
  'common.percentSuffix',
  'validation.fieldIssue',
  // A holiday's own name with its country: only placeholders and punctuation.
  'calendar.holiday.fallback',
  'calendar.entry.reminder',
  'groups.viewTitle',
  'contacts.handle',
  'language.zh',
  'language.fr',
  'language.en',
  'enum.messaging.whatsapp',
  'enum.messaging.wechat',
  'enum.messaging.line',
  'enum.messaging.telegram',
  'enum.messaging.skype',
  'enum.messaging.viber',
])

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/
const CJK = /\p{Script=Han}/u

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every leaf (anything that is not a nested object) by its dotted key path. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key
    if (isTree(value)) for (const [p, v] of leaves(value, `${path}.`)) out.set(p, v)
    else out.set(path, value)
  }
  return out
}

const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, '')

function variables(value: unknown): string[] {
  if (typeof value !== 'string') return []
  return [...value.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!.split(',')[0]!.trim())
}

/** Value at a dotted path, or undefined. */
function lookup(tree: Tree, path: string): unknown {
  let node: unknown = tree
  for (const part of path.split('.')) {
    if (!isTree(node)) return undefined
    node = node[part]
  }
  return node
}

const FLAT = Object.fromEntries(LOCALE_NAMES.map((l) => [l, leaves(LOCALES[l].tree)])) as Record<
  Locale,
  Map<string, unknown>
>
const ALL_BASE_KEYS = [...new Set(LOCALE_NAMES.flatMap((l) => [...FLAT[l].keys()].map(baseKey)))].sort()
const PLURAL_BASE_KEYS = [
  ...new Set(
    LOCALE_NAMES.flatMap((l) => [...FLAT[l].keys()].filter((k) => PLURAL_SUFFIX.test(k)).map(baseKey)),
  ),
].sort()

describe('locale files', () => {
  it('have the same keys in every locale (a plural family counts as one key)', () => {
    const missing = Object.fromEntries(
      LOCALE_NAMES.map((l) => {
        const own = new Set([...FLAT[l].keys()].map(baseKey))
        return [l, ALL_BASE_KEYS.filter((k) => !own.has(k))]
      }),
    )
    expect(missing).toEqual({ zh: [], fr: [], en: [] })
  })

  it('have every plural category each language needs', () => {
    expect(PLURAL_BASE_KEYS.length).toBeGreaterThan(0)
    const missing: string[] = []
    for (const l of LOCALE_NAMES) {
      const categories = new Intl.PluralRules(LOCALES[l].intl).resolvedOptions().pluralCategories
      for (const base of PLURAL_BASE_KEYS) {
        for (const category of categories) {
          if (!FLAT[l].has(`${base}_${category}`)) missing.push(`${l}: ${base}_${category}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('have only non-empty strings as values', () => {
    const bad: string[] = []
    for (const l of LOCALE_NAMES) {
      for (const [key, value] of FLAT[l]) {
        if (typeof value !== 'string') bad.push(`${l}: ${key} is ${JSON.stringify(value)}`)
        else if (value.trim() === '') bad.push(`${l}: ${key} is empty`)
      }
    }
    expect(bad).toEqual([])
  })

  it('use the same {{variables}} for the same key in every locale', () => {
    const varsByBase = (l: Locale) => {
      const out = new Map<string, Set<string>>()
      for (const [key, value] of FLAT[l]) {
        const set = out.get(baseKey(key)) ?? new Set<string>()
        for (const v of variables(value)) set.add(v)
        out.set(baseKey(key), set)
      }
      return out
    }
    const byLocale = Object.fromEntries(LOCALE_NAMES.map((l) => [l, varsByBase(l)])) as Record<
      Locale,
      Map<string, Set<string>>
    >
    const mismatches: string[] = []
    for (const base of ALL_BASE_KEYS) {
      const sets = LOCALE_NAMES.map((l) => [...(byLocale[l].get(base) ?? [])].sort().join(','))
      if (new Set(sets).size > 1) {
        mismatches.push(`${base}: ${LOCALE_NAMES.map((l, i) => `${l}=[${sets[i]}]`).join(' ')}`)
      }
    }
    expect(mismatches).toEqual([])
  })

  it('have Chinese characters in every zh value except brand names', () => {
    const latinOnly = [...FLAT.zh]
      .filter(([key, value]) => !BRAND_KEYS.has(key) && typeof value === 'string' && !CJK.test(value))
      .map(([key, value]) => `${key}: ${String(value)}`)
    expect(latinOnly).toEqual([])
  })

  it('keeps the brand allow-list pointing at real keys', () => {
    const stale = [...BRAND_KEYS].filter((k) => !FLAT.en.has(k))
    expect(stale).toEqual([])
  })

  for (const l of ['fr', 'zh'] as const) {
    it(`${l} is translated, not a copy of English (fewer than 10% of values equal en)`, () => {
      const compared = [...FLAT[l]].filter(([key]) => !BRAND_KEYS.has(key) && FLAT.en.has(key))
      const same = compared.filter(([key, value]) => value === FLAT.en.get(key)).map(([key]) => key)
      expect(compared.length).toBeGreaterThan(0)
      expect(same.length / compared.length, `same as English: ${same.join(', ')}`).toBeLessThan(0.1)
    })
  }
})

describe('renderer translation keys', () => {
  const srcDir = fileURLToPath(new URL('../../renderer/src/', import.meta.url))
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(srcDir, f))
  // t('a.b', …), t("a.b", …) and t(`a.${x}`, …); not set(, split(, i18n.t( and the like.
  const CALL = /(?<![\w$.])t\(\s*(?:'([^'\\\n]*)'|"([^"\\\n]*)"|`([^`\\]*)`)/g

  type Use = { key: string; dynamic: boolean; where: string }
  const uses: Use[] = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(CALL)) {
      const raw = m[1] ?? m[2] ?? m[3] ?? ''
      const line = text.slice(0, m.index).split('\n').length
      const where = `${file.slice(srcDir.length)}:${line}`
      const dynamic = m[3] !== undefined && raw.includes('${')
      uses.push({ key: dynamic ? raw.slice(0, raw.indexOf('${')) : raw, dynamic, where })
    }
  }

  it('finds the t() calls', () => {
    expect(files.length).toBeGreaterThan(0)
    expect(uses.length).toBeGreaterThan(20)
  })

  it('uses only keys that exist in en.json', () => {
    const tree = LOCALES.en.tree
    const missing: string[] = []
    for (const { key, where } of uses.filter((u) => !u.dynamic)) {
      const found =
        typeof lookup(tree, key) === 'string' ||
        (typeof lookup(tree, `${key}_one`) === 'string' && typeof lookup(tree, `${key}_other`) === 'string')
      if (!found) missing.push(`${key} (${where})`)
    }
    expect(missing).toEqual([])
  })

  it('builds dynamic keys under objects that exist in en.json', () => {
    const tree = LOCALES.en.tree
    const missing: string[] = []
    for (const { key: prefix, where } of uses.filter((u) => u.dynamic)) {
      if (prefix === '') continue
      const cut = prefix.lastIndexOf('.')
      const parentPath = cut === -1 ? '' : prefix.slice(0, cut)
      const partial = prefix.slice(cut + 1)
      const parent = parentPath === '' ? tree : lookup(tree, parentPath)
      const ok = isTree(parent) && (partial === '' || Object.keys(parent).some((k) => k.startsWith(partial)))
      if (!ok) missing.push(`${prefix}… (${where})`)
    }
    expect(missing).toEqual([])
  })
})

describe('errors from main', () => {
  // Main sends codes, never prose: every code it can send must read in every language.
  it.each([
    ['errors', ERROR_CODES],
    ['validation', ISSUE_CODES],
  ] as const)('every %s code has a translation in zh, fr and en', (group, codes) => {
    for (const [name, tree] of [
      ['zh', translations.zh],
      ['fr', translations.fr],
      ['en', translations.en],
    ] as const) {
      const table = (tree as Record<string, Record<string, unknown>>)[group]!
      const missing = codes.filter((code) => typeof table[code] !== 'string' || table[code] === '')
      expect(missing, `${name}.${group}`).toEqual([])
    }
  })
})

// The glossary (shared/i18n/glossary.md) is the one place a domain term is chosen; the
// locale files must say exactly that, and never fall back to a replaced synonym.
describe('glossary', () => {
  const glossary = readFileSync(
    fileURLToPath(new URL('../../shared/i18n/glossary.md', import.meta.url)),
    'utf8',
  )

  /** Rows of the markdown table under a `## <title>` heading, header and rule lines dropped. */
  function table(title: string): string[][] {
    const section = glossary.split(/^## /m).find((s) => s.startsWith(`${title}\n`))
    if (section === undefined) throw new Error(`glossary has no "## ${title}" section`)
    return section
      .split('\n')
      .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
      .slice(1)
      .map((line) =>
        line
          .slice(1, -1)
          .split('|')
          .map((cell) => cell.trim()),
      )
  }

  const terms = table('Terms').map(([concept, keys, zh, fr, en]) => ({
    concept: concept!,
    keys: keys!.split(',').map((k) => k.trim().replace(/^`|`$/g, '')),
    values: { zh: zh!, fr: fr!, en: en! },
  }))
  const avoid = table('Avoid').map(([lang, text]) => ({ lang: lang as Locale, text: text! }))

  it('has terms and words to avoid', () => {
    expect(terms.length).toBeGreaterThan(80)
    expect(avoid.length).toBeGreaterThan(20)
    expect(avoid.every((a) => LOCALE_NAMES.includes(a.lang) && a.text !== '')).toBe(true)
  })

  it('is what the locale files say for every listed key', () => {
    const wrong: string[] = []
    for (const { concept, keys, values } of terms) {
      for (const key of keys) {
        for (const l of LOCALE_NAMES) {
          const actual = FLAT[l].get(key)
          if (actual !== values[l]) {
            wrong.push(
              `${concept} ${l} ${key}: ${JSON.stringify(actual)}, glossary ${JSON.stringify(values[l])}`,
            )
          }
        }
      }
    }
    expect(wrong).toEqual([])
  })

  it('has no replaced synonym left in any value', () => {
    const found: string[] = []
    for (const { lang, text } of avoid) {
      for (const [key, value] of FLAT[lang]) {
        if (typeof value === 'string' && value.includes(text))
          found.push(`${lang} ${key} has "${text}": ${value}`)
      }
    }
    expect(found).toEqual([])
  })
})

describe('typography', () => {
  const strings = (l: Locale) => [...FLAT[l]].filter((e): e is [string, string] => typeof e[1] === 'string')

  it('fr puts a no-break space (narrow or not) before : ; ? ! » and after «', () => {
    // A plain space lets the mark wrap to the next line alone; no space at all is English style.
    const NB = '\u202f\u00a0'
    const bad = new RegExp(
      `[^\\s${NB}][;?!»]|[^\\s${NB}]:(?=\\s|$)| [:;?!»]|« |«[^\\s${NB}]|\\u00a0\\u202f|\\u202f\\u00a0`,
    )
    const wrong = strings('fr')
      .filter(([, v]) => bad.test(v))
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    expect(wrong).toEqual([])
  })

  it('zh puts a space between the weekday and the time of a customer’s local time', () => {
    const at = new Date('2026-12-06T03:13:00Z')
    expect(makeFormatters('zh').timeIn('Asia/Shanghai', at)).toBe('星期日 11:13')
    expect(makeFormatters('fr').timeIn('Europe/Paris', at)).toBe('dimanche 04:13')
  })

  it('en writes a percentage without a space before %', () => {
    const wrong = strings('en')
      .filter(([, v]) => /\s%/.test(v))
      .map(([k, v]) => `${k}: ${v}`)
    expect(wrong).toEqual([])
  })

  it('zh separates Chinese characters from Latin letters and digits with a space', () => {
    const wrong = strings('zh')
      .filter(([, v]) => /\p{Script=Han}[0-9A-Za-z]|[0-9A-Za-z]\p{Script=Han}/u.test(v))
      .map(([k, v]) => `${k}: ${v}`)
    expect(wrong).toEqual([])
  })
})

describe('industries and product interests', () => {
  const names = (l: Locale, table: string) =>
    (lookup(LOCALES[l].tree, `enum.${table}`) ?? {}) as Record<string, string>

  it.each([
    ['industry', INDUSTRIES],
    ['productCategory', PRODUCT_CATEGORIES],
  ] as const)('name every %s code in each language, each name once', (table, codes) => {
    for (const l of LOCALE_NAMES) {
      const own = names(l, table)
      expect(Object.keys(own).sort(), `${l} ${table}`).toEqual([...codes].sort())
      // Two codes with one name could not be told apart when typed back in.
      const values = Object.values(own).map((v) => v.toLocaleLowerCase())
      expect(
        values.filter((v, i) => values.indexOf(v) !== i),
        `${l} ${table}`,
      ).toEqual([])
    }
  })

  it('stores a listed name typed in any language as its code, and other text as typed', () => {
    expect(industryFromInput('电子产品')).toBe('electronics')
    expect(industryFromInput(' électronique ')).toBe('electronics')
    expect(industryFromInput('Medical supplies')).toBe('medical_supplies')
    expect(industryFromInput('solar_energy')).toBe('solar_energy')
    expect(industryFromInput('Widgets & gadgets')).toBe('Widgets & gadgets')
    expect(industryFromInput('  ')).toBeNull()
    expect(
      productCategoriesFromInput(['护肤品', 'Skin care', 'Soins de la peau', 'Bespoke perfume']),
    ).toEqual(['skin_care', 'Bespoke perfume'])
  })

  it('shows a code in the UI language and free text as typed', () => {
    const zh = i18next.createInstance()
    void zh.init({ lng: 'zh', resources: { zh: { translation: translations.zh } }, initAsync: false })
    expect(industryLabel(zh.t, 'cosmetics')).toBe('化妆品')
    expect(productCategoryLabel(zh.t, 'disposable_gloves')).toBe('一次性手套')
    expect(industryLabel(zh.t, 'Widgets')).toBe('Widgets')
    expect(industryLabel(zh.t, null)).toBe('')
  })
})
