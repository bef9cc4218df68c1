// Original-script names (شركة النور, 深圳华晟电子, ООО Восток) carry the language their script
// suggests, so screen readers pick the right voice and the browser the right font; `dir="auto"`
// beside it makes Arabic and Hebrew read right to left inside a left-to-right page.

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Devanagari}/u, 'hi'],
]

/** The language a name's script suggests (Japanese before Chinese: kana marks it); undefined for Latin or unknown. */
export function scriptLang(text: string | null | undefined): string | undefined {
  if (!text) return undefined
  for (const [re, lang] of SCRIPTS) if (re.test(text)) return lang
  return undefined
}

/** Props for an element showing a name that may be in any script. */
export function nameProps(text: string | null | undefined): { lang?: string; dir: 'auto' } {
  const lang = scriptLang(text)
  return lang ? { lang, dir: 'auto' } : { dir: 'auto' }
}
