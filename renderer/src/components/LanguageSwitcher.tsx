import { Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { IconLanguage } from '@tabler/icons-react'
import { call } from '../api/client'
import { UI_LANGUAGES } from '../../../shared/vocabulary'
import type { UiLanguage } from '../../../shared/vocabulary'

/** Switches the UI language at once and asks main to remember it. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  return (
    <Select
      aria-label={t('language.label')}
      data-testid="language-switcher"
      w={130}
      allowDeselect={false}
      leftSection={<IconLanguage size={16} aria-hidden />}
      value={i18n.language}
      data={UI_LANGUAGES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
      onChange={(value) => {
        if (!value) return
        void i18n.changeLanguage(value)
        void call('settings:set', { language: value as UiLanguage })
      }}
    />
  )
}
