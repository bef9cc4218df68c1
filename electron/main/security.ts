// Security decisions as pure functions (no Electron import), so tests can pin them down.
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

/** Only well-formed http(s) URLs may be handed to the OS browser; never file:, javascript:, custom schemes. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.hostname.length > 0 &&
      !url.username &&
      !url.password
    )
  } catch {
    return false
  }
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

/** `--data-dir D` or `--data-dir=D` on the command line, else TRADETIER_DATA_DIR, else the fallback. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
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
