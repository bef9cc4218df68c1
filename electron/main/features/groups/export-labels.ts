// The words an export is written in: column headers, tier / segment / stage / business type /
// source names and country names in the user's language. They come from the window's own locale
// files (shared/i18n, the merged tree the renderer uses) and shared/countries, where the window's
// country names come from, so a file and a screen never name a thing differently and no
// third copy of the vocabulary exists.
import { translations } from '../../../../shared/i18n/resources'
import { countryName } from '../../../../shared/countries'
import type { UiLanguage } from '../../../../shared/vocabulary'

type Tree = { [key: string]: unknown }

function lookup(tree: Tree, key: string): string | undefined {
  let node: unknown = tree
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Tree)[part]
  }
  return typeof node === 'string' ? node : undefined
}

export type ExportLabels = {
  language: UiLanguage
  /** The translated text of a locale key; English when the language lacks it (the i18n test forbids that). */
  t: (key: string) => string
  /** A closed-list code ("mid", "at_risk", "importer") by its name; null and unknown codes as they are. */
  code: (list: string, value: string | null) => string | null
  /** A country code by its name in the language ("MY" → "马来西亚"); unknown codes as they are. */
  country: (code: string | null) => string | null
}

/** The export vocabulary of one UI language. */
export function exportLabels(language: UiLanguage): ExportLabels {
  const t = (key: string) => lookup(translations[language], key) ?? lookup(translations.en, key) ?? key
  return {
    language,
    t,
    code: (list, value) =>
      value === null ? null : (lookup(translations[language], `enum.${list}.${value}`) ?? value),
    country: (code) => (code ? countryName(code, language) : null),
  }
}
