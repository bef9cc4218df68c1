// i18next for zh / fr / en. The chosen language is stored by main (settings:set) so it survives
// restarts and is the same in every window; the browser language is only the first guess.
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { translations } from '../../../shared/i18n/resources'
import { UI_LANGUAGES } from '../../../shared/vocabulary'
import type { UiLanguage } from '../../../shared/vocabulary'

export const resources = {
  en: { translation: translations.en },
  fr: { translation: translations.fr },
  zh: { translation: translations.zh },
} as const

/** Best UI language for a BCP 47 tag: zh-TW → zh, fr-CA → fr, anything else → en. */
export function pickLanguage(tag: string | null | undefined): UiLanguage {
  const base = (tag ?? '').toLowerCase().split('-')[0] ?? ''
  return (UI_LANGUAGES as readonly string[]).includes(base) ? (base as UiLanguage) : 'en'
}

/** BCP 47 locale for Intl formatting in a UI language. */
export function intlLocale(lang: string): string {
  return lang === 'zh' ? 'zh-CN' : lang === 'fr' ? 'fr-FR' : 'en-US'
}

export async function initI18n(initial: UiLanguage): Promise<typeof i18n> {
  await i18n.use(initReactI18next).init({
    resources,
    lng: initial,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = intlLocale(initial)
  i18n.on('languageChanged', (lng) => (document.documentElement.lang = intlLocale(lng)))
  return i18n
}
