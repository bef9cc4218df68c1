// Words of the import wizard that no screen test reaches in every language: each field the
// importer can fill has a label (a field added to shared/import.ts without words would show its
// code name in the mapping), and a failed preview says what failed rather than blaming the file.
import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import { translations } from '../../shared/i18n/resources'
import { IMPORT_FIELDS } from '../../shared/import'
import { previewFailure } from '../../renderer/src/features/import/failure'

const LANGS = ['zh', 'fr', 'en'] as const

async function tFor(lang: (typeof LANGS)[number]) {
  const i18n = i18next.createInstance()
  await i18n.init({ lng: lang, resources: { [lang]: { translation: translations[lang] } } })
  return i18n.t
}

describe('import wizard text', () => {
  const fields = [...new Set(Object.values(IMPORT_FIELDS).flat())]
  for (const lang of LANGS) {
    it(`names every import field in ${lang}`, () => {
      const labels = (translations[lang] as { import: { fields: Record<string, unknown> } }).import.fields
      const unnamed = fields.filter((f) => typeof labels[f] !== 'string' || labels[f] === '')
      expect(unnamed).toEqual([])
    })

    it(`says "could not be read" in ${lang} only when the file could not be read`, async () => {
      const t = await tFor(lang)
      const unreadable = t('import.map.fixFile').replace(/[.。]$/, '')
      const internal = previewFailure(t, { code: 'internal' })
      expect(internal).toBe(t('errors.internal'))
      expect(internal).not.toContain(unreadable)
      expect(previewFailure(t, { code: 'busy' })).toBe(t('errors.busy'))
      const gone = previewFailure(t, { code: 'import_file_gone' })
      expect(gone).toContain(unreadable)
      expect(gone).toContain(t('errors.import_file_gone'))
    })
  }
})
