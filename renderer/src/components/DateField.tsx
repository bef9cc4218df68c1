// The one date input: shows and accepts the UI language's form (2026/12/06, 06/12/2026, Dec 6,
// 2026), never a two-digit year, with a calendar in that language. It replaces the browser's date
// field, whose format follows the operating system rather than the app. A text that is not a date
// stays as typed with an error under it, and the form receives null, so nothing wrong is saved.
import { useState } from 'react'
import { DateInput } from '@mantine/dates'
import type { DateInputProps } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
// Here rather than at the root: the styles load with the first screen that has a date field.
import '@mantine/dates/styles.css'
import { localToday } from '../../../shared/dates'
import { dateStyle, formatDateText, parseDateText } from './dateText'

export type DateFieldProps = Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'locale' | 'fixOnBlur'
> & {
  /** The date as YYYY-MM-DD; null for none. */
  value: string | null
  /** Called with the date typed or picked (YYYY-MM-DD); null when emptied or not a date. */
  onChange: (value: string | null) => void
}

/** A language-aware date input; see the file comment. */
export function DateField({ value, onChange, error, ...rest }: DateFieldProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const style = dateStyle(lang)
  const [unreadable, setUnreadable] = useState(false)
  const example = formatDateText(localToday(), lang)
  return (
    <DateInput
      leftSection={<IconCalendar size={16} aria-hidden />}
      placeholder={example}
      {...rest}
      value={value}
      onChange={(v) => {
        setUnreadable(false)
        onChange(v)
      }}
      valueFormat={style.display}
      dateParser={(text) => parseDateText(text, lang)}
      locale={style.dayjs}
      firstDayOfWeek={style.firstDayOfWeek}
      // Mantine puts the last good date back on blur; the text stays as typed instead, with its error.
      fixOnBlur={false}
      onInput={(e) => {
        const text = e.currentTarget.value
        const read = text.trim() === '' ? null : parseDateText(text, lang)
        setUnreadable(text.trim() !== '' && read === null)
        // The picker reports readable dates itself; an emptied or unreadable text clears the value.
        if (read === null) onChange(null)
      }}
      error={unreadable ? t('dateInput.invalid', { example }) : error}
    />
  )
}
