// Amounts as people type them in their language: fr "12 500,50", zh and en "500,000.00". Pure
// functions (no DOM, no React), so every locale's rules are unit-tested on their own.
//
// The rule throughout: a text either means one number, or it is an error shown to the user. No
// character is dropped and no value is rounded or clamped on the way, so "-500" stays -500 (and the
// form says why it cannot be saved) and "1.000" in French is not quietly read as 1.

/** What a typed amount means: a number, nothing (empty), or why it is not one. */
export type AmountParse = { ok: true; value: number | null } | { ok: false; reason: 'invalid' | 'decimals' }

/** The decimal and grouping characters a locale writes ("," and U+202F in fr-FR). */
export function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6)
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  }
}

// Every space a keyboard or a copied figure may hold: plain, no-break, narrow no-break, thin.
const SPACES = /[\s\u00a0\u202f\u2009]/g
const MINUS = /^[-\u2212]/

/** A whole-number part with grouping: 1–3 digits, then groups of exactly three. */
function groupedInteger(text: string, group: string): string | null {
  if (/^\d+$/.test(text)) return text
  const parts = text.split(group)
  if (!/^\d{1,3}$/.test(parts[0]!)) return null
  return parts.slice(1).every((p) => /^\d{3}$/.test(p)) ? parts.join('') : null
}

/**
 * Reads `text` as an amount in `locale`: the locale's decimal mark, its grouping (and spaces as
 * grouping, which every locale accepts), a leading minus. At most `maxDecimals` decimals; more is
 * an error, never a rounding.
 */
export function parseAmount(text: string, locale: string, maxDecimals = 2): AmountParse {
  let t = text.trim()
  if (t === '') return { ok: true, value: null }
  const negative = MINUS.test(t)
  if (negative) t = t.slice(1).trimStart()
  else if (t.startsWith('+')) t = t.slice(1).trimStart()
  const { decimal } = separators(locale)
  const other = decimal === ',' ? '.' : ','
  t = t.replace(SPACES, ' ')
  let dec = decimal
  if (t.includes(other)) {
    if (other === ',') {
      // en/zh: a comma groups thousands; mixed with spaces it means nothing clear.
      if (t.includes(' ')) return { ok: false, reason: 'invalid' }
    } else {
      // fr: a point is not the French decimal mark, but "12.5" is plainly 12,5. "1.000" could be a
      // thousand written the German way: refused rather than guessed.
      const dots = t.split('.').length - 1
      const after = t.slice(t.lastIndexOf('.') + 1)
      if (dots > 1 || t.includes(',') || /^\d{3}$/.test(after)) return { ok: false, reason: 'invalid' }
      dec = '.'
    }
  }
  const pieces = t.split(dec)
  if (pieces.length > 2) return { ok: false, reason: 'invalid' }
  const [whole = '', fraction = ''] = pieces
  // Spaces group in every locale; otherwise the comma does where the point is the decimal mark.
  const group = whole.includes(' ') || dec === ',' ? ' ' : ','
  const digits = whole === '' && pieces.length === 2 ? '0' : groupedInteger(whole, group)
  if (digits === null || !/^\d*$/.test(fraction)) return { ok: false, reason: 'invalid' }
  if (pieces.length === 2 && fraction === '') return { ok: false, reason: 'invalid' }
  if (fraction.length > maxDecimals) return { ok: false, reason: 'decimals' }
  const value = Number(`${digits}.${fraction || '0'}`)
  if (!Number.isFinite(value)) return { ok: false, reason: 'invalid' }
  return { ok: true, value: negative ? -value : value }
}

/**
 * An amount written the locale's way, with its decimals kept up to `maxDecimals` (12500.5 →
 * "12 500,50" in fr with 2 decimals; whole amounts without decimals).
 */
export function formatAmount(value: number, locale: string, maxDecimals = 2): string {
  const decimals = Number.isInteger(value) ? 0 : Math.min(maxDecimals, 2)
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: maxDecimals,
  }).format(value)
}

/** An example the error message shows: 12 500,50 / 12,500.50. */
export function amountExample(locale: string): string {
  return formatAmount(12500.5, locale)
}

/**
 * An exchange rate with enough significant digits to mean something: 0.000039 (VND) stays
 * 0.000039 instead of the 0 a fixed number of decimals gives; 1.0825 stays 1.0825.
 */
export function formatRate(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 6 }).format(value)
}
