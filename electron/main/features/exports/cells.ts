// The rules every exported cell and file name follows (CSV injection, safe file names).
// A sign followed by a plain number ("-500", "-12,5") or by a phone number ("+8613800574321",
// "+33 1 23 45 67 89") is data a spreadsheet reads as a number at worst: no function, reference or
// DDE call can hide in digits and phone punctuation, so such cells keep their exact text.
const SIGNED_NUMBER = /^[+-]\d+(?:[.,]\d+)?$/
const PHONE = /^\+\d[\d ().-]*$/

/**
 * Whether a spreadsheet opening a CSV would run this text as a formula (CSV injection): it starts
 * with = @ tab or carriage return, or with + or - not followed by a plain number or a phone number.
 */
export function runsAsFormula(value: string): boolean {
  if (/^[=@\t\r]/.test(value)) return true
  if (!/^[+-]/.test(value)) return false
  return !SIGNED_NUMBER.test(value) && !PHONE.test(value)
}

/**
 * A CSV cell that would run as a formula gets a leading apostrophe, so a customer name like
 * "=HYPERLINK(…)" stays text. Only for CSV: XLSX cells are typed strings, which Excel never runs,
 * so there the text is written exactly.
 */
export function neutralise(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value
  return runsAsFormula(value) ? `'${value}` : value
}

/** A safe ASCII file-name part: "Key Asia 重点" → "key-asia"; nothing left → "customers". */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return slug || 'customers'
}
