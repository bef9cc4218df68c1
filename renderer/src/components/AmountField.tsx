// The one input for amounts (orders, returns, policy thresholds, exchange rates): typed and shown
// the UI language's way ("12 500,50" in French, "500,000.00" in Chinese and English). What was
// typed is never changed behind the user's back: a text that is not a number stays as typed, is
// reported under the field, and reaches the form as NaN so it cannot be saved as 0.
import { useState } from 'react'
import { TextInput } from '@mantine/core'
import type { TextInputProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../i18n/format'
import { amountExample, formatAmount, parseAmount } from './amountText'

export type AmountFieldProps = Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'type'> & {
  /** The amount shown; null for none, NaN while the field holds a text that is not a number. */
  value: number | null
  /** Called on every edit: the number typed, null when emptied, NaN when the text is not a number. */
  onChange: (value: number | null) => void
  /** Most decimals accepted; more is an error, never a rounding. Default 2. */
  maxDecimals?: number
}

const same = (a: number | null, b: number | null) => Object.is(a, b)

/** A locale-aware amount input; see the file comment. */
export function AmountField({
  value,
  onChange,
  maxDecimals = 2,
  error,
  onBlur,
  onFocus,
  ...rest
}: AmountFieldProps) {
  const { t } = useTranslation()
  const { locale } = useFormatters()
  const show = (v: number | null) =>
    v === null || Number.isNaN(v) ? '' : formatAmount(v, locale, maxDecimals)
  const [text, setText] = useState(() => show(value))
  const [focused, setFocused] = useState(false)
  // The value and locale the text was written for. A new value from outside (another order, a
  // reset) or another language rewrites the text; the user's own edits never do.
  const [basis, setBasis] = useState({ value, locale })
  if (!same(basis.value, value) || basis.locale !== locale) {
    setBasis({ value, locale })
    if (!Number.isNaN(value)) setText(show(value))
  }

  const parsed = parseAmount(text, locale, maxDecimals)
  // Shown once the user leaves the field (or the form was refused), so a half-typed "-" or "12,"
  // is not flagged mid-word.
  const own = parsed.ok
    ? null
    : parsed.reason === 'decimals'
      ? t('amountInput.decimals', { count: maxDecimals })
      : t('amountInput.invalid', { example: amountExample(locale) })

  return (
    <TextInput
      {...rest}
      inputMode="decimal"
      autoComplete="off"
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value
        const read = parseAmount(next, locale, maxDecimals)
        const v = read.ok ? read.value : Number.NaN
        setText(next)
        setBasis({ value: v, locale })
        onChange(v)
      }}
      onFocus={(e) => {
        setFocused(true)
        onFocus?.(e)
      }}
      onBlur={(e) => {
        setFocused(false)
        onBlur?.(e)
      }}
      // Main's or the form's message, if any, gives way to the field's own: it says what to type.
      error={own && (!focused || error) ? own : error}
    />
  )
}
