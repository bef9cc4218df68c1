// Security decisions as pure functions (no Electron import), so tests can pin them down.
import fs from 'node:fs'
import path from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'tradetier'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** The CSP for the renderer: only our own origin; Mantine injects style tags, hence 'unsafe-inline' for styles. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The URL to hand to the OS (normalised by the URL parser, so the OS sees what we checked), or
 * null. Allowed: https and http to public hosts, mailto and tel. Loopback and private hosts are
 * refused even over https, so a customer's website field cannot reach a service on this machine
 * or the office network; credentials are refused because they disguise the real host
 * (`https://bank.com@evil.example`). Names that only resolve to a private address through DNS
 * cannot be told apart here.
 */
export function toExternalUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.username || url.password) return null
  switch (url.protocol) {
    case 'https:':
    case 'http:':
      return url.hostname.length > 0 && !isLocalHost(url.hostname) ? url.href : null
    case 'mailto:':
    case 'tel:':
      // A real mail or phone link has no authority part; one with a host is not what it looks like.
      return url.host === '' ? url.href : null
    default:
      return null
  }
}

export function isSafeExternalUrl(raw: string): boolean {
  return toExternalUrl(raw) !== null
}

/**
 * Loopback, private, link-local and unspecified hosts. Takes a hostname as the URL parser leaves
 * it: numeric IPv4 forms (`2130706433`, `0x7f.1`) are already dotted decimal, IPv6 is bracketed
 * and compressed, names are lower-case.
 */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/\.+$/, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  const v4 = parseIPv4(host)
  if (v4) return isLocalIPv4(v4)
  if (host.startsWith('[') && host.endsWith(']')) {
    const v6 = parseIPv6(host.slice(1, -1))
    // An address we cannot read is refused rather than guessed at.
    return v6 ? isLocalIPv6(v6) : true
  }
  return false
}

function parseIPv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  if (!m) return null
  const parts = m.slice(1).map(Number)
  return parts.every((p) => p <= 255) ? parts : null
}

function isLocalIPv4([a, b = -1]: readonly number[]): boolean {
  return (
    a === 0 || // "this network": 0.0.0.0 reaches the local machine
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  )
}

/** Eight 16-bit groups; handles `::` and a dotted IPv4 tail. */
function parseIPv6(text: string): number[] | null {
  let body = text
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(body)
  if (dotted) {
    const v4 = parseIPv4(dotted[1]!)
    if (!v4) return null
    const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16)
    body = `${body.slice(0, dotted.index)}${hex(v4[0]!, v4[1]!)}:${hex(v4[2]!, v4[3]!)}`
  }
  const halves = body.split('::')
  if (halves.length > 2) return null
  const read = (s: string) =>
    s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN))
  const head = read(halves[0]!)
  const rest = halves.length === 2 ? read(halves[1]!) : []
  const missing = 8 - head.length - rest.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null
  const groups = [...head, ...new Array<number>(missing).fill(0), ...rest]
  return groups.every((g) => !Number.isNaN(g)) ? groups : null
}

function isLocalIPv6(g: readonly number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g
  const embedded = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]
  const zeroPrefix = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0
  // IPv4-mapped (::ffff:a.b.c.d) and the old IPv4-compatible form (::a.b.c.d, which also covers
  // :: and ::1) reach the IPv4 address they carry; so does NAT64 (64:ff9b::a.b.c.d).
  if (zeroPrefix && (g5 === 0xffff || g5 === 0)) return isLocalIPv4(embedded)
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0)
    return isLocalIPv4(embedded)
  return (
    (g0 & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (g0 & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (g0 & 0xffc0) === 0xfec0 // the retired site-local fec0::/10
  )
}

/** Where a navigation of one of our pages goes: stays in the window, goes to the OS, or nowhere. */
export function navigationDecision(url: string, devServer?: string): 'allow' | 'external' | 'deny' {
  if (isAppUrl(url, devServer)) return 'allow'
  return isSafeExternalUrl(url) ? 'external' : 'deny'
}

/** window.open and target=_blank never open an Electron window: allowed links go to the OS. */
export function windowOpenDecision(url: string): 'external' | 'deny' {
  return isSafeExternalUrl(url) ? 'external' : 'deny'
}

/**
 * The one permission the renderer gets: writing text to the clipboard ("copy emails"), and only
 * for our own pages. Everything else (camera, notifications, clipboard reads, openExternal…)
 * stays denied.
 */
export function isAllowedPermission(
  permission: string,
  requestingUrl: string | undefined,
  devServer?: string,
): boolean {
  return permission === 'clipboard-sanitized-write' && !!requestingUrl && isAppUrl(requestingUrl, devServer)
}

/** True for pages of the app itself (our custom protocol, or the dev server in development). */
export function isAppUrl(raw: string, devServer?: string): boolean {
  try {
    const url = new URL(raw)
    if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true
    if (devServer) return url.origin === new URL(devServer).origin
    return false
  } catch {
    return false
  }
}

/**
 * Whether the window may save this download: only blob: URLs the app's own page made (an export's
 * bytes, see renderer features/exports/download.ts). Anything else (a link to a web file, a
 * blob from another origin) is refused, so a page or link cannot drop files on the disk.
 */
export function isAllowedDownload(raw: string, devServer?: string): boolean {
  if (!raw.startsWith('blob:')) return false
  // A blob URL carries its creator's origin: blob:app://tradetier/<uuid>.
  const inner = raw.slice('blob:'.length)
  try {
    const url = new URL(inner)
    if (url.username || url.password) return false
    return isAppUrl(`${url.protocol}//${url.host}/`, devServer)
  } catch {
    return false
  }
}

/**
 * The name the save dialog proposes: the file name the window gave (no folders, no characters a
 * file system refuses), or a plain "export" when nothing is left.
 */
export function downloadFileName(suggested: string): string {
  const base = suggested.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f<>:"|?*]/g, '').replace(/^[.\s]+|[.\s]+$/g, '')
  return clean || 'export'
}

/**
 * Maps an app:// request to a file under `root`; null for anything that would escape it
 * (`..`, encoded separators, absolute paths). Unknown routes fall back to index.html.
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  try {
    const url = new URL(requestUrl)
    return url.host === APP_HOST ? resolveUnderRoot(root, url.pathname) : null
  } catch {
    return null
  }
}

/**
 * Maps a URL path (still percent-encoded) to a file under `root`, for both app:// and the harness;
 * null for malformed encoding, NUL bytes or anything that would leave `root`. "/" is index.html.
 */
export function resolveUnderRoot(root: string, encodedPathname: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(encodedPathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const rel = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '')
  const full = path.resolve(root, rel)
  if (full !== root && !full.startsWith(root + path.sep)) return null
  return full
}

/**
 * What to send for a path from resolveUnderRoot: a regular file as it is; anything else gets
 * index.html, so unknown routes still reach the single-page app while a directory, a device or a
 * pipe (reading one could hang or leak) is never opened.
 */
export function servedFile(root: string, file: string): string {
  try {
    if (fs.statSync(file).isFile()) return file
  } catch {
    // Missing or unreadable: an app route, not a file.
  }
  return path.join(root, 'index.html')
}

/** Lets a packaged build take `--data-dir` / TRADETIER_DATA_DIR (documented in the README). */
export const ALLOW_DATA_DIR_SWITCH = '--allow-data-dir'

/**
 * A packaged build keeps its database where the user expects it: a shortcut or an environment
 * variable set by someone else must not silently point it at another database, so the override
 * needs the explicit switch. Development builds always take it.
 */
export function allowsDataDirOverride(argv: readonly string[], packaged: boolean): boolean {
  return !packaged || argv.includes(ALLOW_DATA_DIR_SWITCH)
}

/**
 * `--data-dir D` or `--data-dir=D` on the command line, else TRADETIER_DATA_DIR, else the
 * fallback; only the fallback when overrides are not allowed.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  fallback: string,
  allowOverride: boolean,
): string {
  if (!allowOverride) return fallback
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]!)
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length))
  }
  if (env.TRADETIER_DATA_DIR) return path.resolve(env.TRADETIER_DATA_DIR)
  return fallback
}

export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}
