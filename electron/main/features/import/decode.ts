// Which encoding a file was saved in, and its text. Excel writes CSV in the machine's ANSI code
// page: GBK on a Chinese Windows, cp1252 on a French one; newer Excel and every web CRM write
// UTF-8, often with a BOM. Nothing in a CSV says which, so the bytes decide.
import { isUtf8 } from 'node:buffer'
import iconv from 'iconv-lite'
import type { Encoding } from '../../../../shared/import'

/** The encoding of a file's bytes: BOM first, then valid UTF-8, then GB18030 vs Windows-1252. */
export function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (isUtf8(bytes)) return 'utf-8'
  // Chinese text is runs of two-byte characters (a lead 0x81–0xFE and a trail 0x40–0xFE), while
  // French text has single accented letters between ASCII ones. Count both shapes.
  let pairs = 0
  let lone = 0
  const n = bytes.length
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b < 0x80) continue
    const next = i + 1 < n ? bytes[i + 1]! : 0
    const prev = i > 0 ? bytes[i - 1]! : 0
    if (prev < 0x80 && next < 0x80) {
      // One high byte alone between ASCII: an accented letter (or GBK lead + ASCII trail, rarer).
      lone++
      continue
    }
    if (b >= 0x81 && b <= 0xfe && next >= 0x40 && next <= 0xfe && next !== 0x7f) {
      pairs++
      i++
    }
  }
  return pairs > lone ? 'gb18030' : 'windows-1252'
}

/** The text of the bytes in `encoding`, without its BOM. */
export function decodeText(bytes: Uint8Array, encoding: Encoding): string {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const text = iconv.decode(buf, encoding, { stripBOM: true })
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
