// Attachment bytes in the data directory: attachments/<sha256>.<ext>. Named by content, so a photo
// sent twice (or by two devices) is one file, and a synced row can name the file it needs.
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { AppFailure } from '../../../../shared/errors'
import { ATTACHMENT_MAX_BYTES, IMAGE_TYPES } from '../../../../shared/fair'
import type { ImageMime, PhotoInput } from '../../../../shared/fair'

export const ATTACHMENTS_DIR = 'attachments'

export type Photo = { bytes: Buffer; mime: ImageMime; sha256: string; fileName: string }

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * The image type the bytes really are (what the window declared is not trusted): JPEG, PNG, GIF,
 * WebP or HEIC by their signatures; null for anything else.
 */
export function sniffImage(b: Buffer): ImageMime | null {
  const ascii = (from: number, to: number) => b.subarray(from, to).toString('latin1')
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png'
  if (b.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'image/gif'
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  if (b.length >= 12 && ascii(4, 8) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1'].includes(ascii(8, 12)))
    return 'image/heic'
  return null
}

/** Decodes and checks a photo; throws a translated error (nothing written) when it is refused. */
export function readPhoto(input: PhotoInput): Photo {
  const clean = input.base64.replace(/\s+/g, '')
  // Buffer.from skips characters it does not know: a garbled upload would pass as other bytes.
  if (!BASE64.test(clean) || clean.length % 4 !== 0) throw new AppFailure('attachment_not_image')
  // The size is known from the text alone, before decoding a huge upload.
  const size = (clean.length / 4) * 3 - (clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0)
  if (size > ATTACHMENT_MAX_BYTES)
    throw new AppFailure('attachment_too_large', undefined, { maxBytes: ATTACHMENT_MAX_BYTES, size })
  const bytes = Buffer.from(clean, 'base64')
  const mime = sniffImage(bytes)
  if (!mime || !input.mime.toLowerCase().startsWith('image/')) throw new AppFailure('attachment_not_image')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return { bytes, mime, sha256, fileName: path.basename(input.fileName) }
}

export function attachmentPath(dataDir: string, sha256: string, mime: string): string {
  const ext = IMAGE_TYPES[mime as ImageMime] ?? 'bin'
  return path.join(dataDir, ATTACHMENTS_DIR, `${sha256}.${ext}`)
}

/**
 * Writes the photo under its hash unless that file is already there. Written to a temporary name
 * and renamed, so a crash never leaves a half file under the real name; the temporary file is
 * removed on failure.
 */
export function storePhoto(dataDir: string, photo: Photo): string {
  const target = attachmentPath(dataDir, photo.sha256, photo.mime)
  if (fs.existsSync(target)) return target
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    const fd = fs.openSync(temp, 'wx')
    try {
      fs.writeFileSync(fd, photo.bytes)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(temp, target)
  } catch (err) {
    fs.rmSync(temp, { force: true })
    throw err
  }
  return target
}
