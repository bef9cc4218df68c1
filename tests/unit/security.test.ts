import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { execFileSync } from 'node:child_process'
import { describe, it, expect, vi } from 'vitest'
import {
  ALLOW_DATA_DIR_SWITCH,
  allowsDataDirOverride,
  downloadFileName,
  isAllowedDownload,
  isAllowedPermission,
  isAppUrl,
  isLocalHost,
  isSafeExternalUrl,
  navigationDecision,
  resolveAppFile,
  resolveDataDir,
  resolveUnderRoot,
  servedFile,
  toExternalUrl,
  windowOpenDecision,
} from '../../electron/main/security'

describe('links handed to the OS', () => {
  it('allows https, http to public hosts, mailto and tel', () => {
    for (const good of [
      'https://www.alibaba.com/supplier',
      'http://example.fr',
      'HTTP://Example.COM/path?q=1',
      'https://8.8.8.8/',
      'http://172.32.0.1/', // just outside 172.16/12
      'http://11.0.0.1/',
      'http://[2001:db8::1]/',
      'https://localhost.example.com/', // only the localhost TLD is local
      'mailto:buyer@example.com',
      'mailto:?bcc=a%40example.com,b%40example.fr',
      'tel:+33123456789',
    ]) {
      expect(isSafeExternalUrl(good), good).toBe(true)
    }
  })

  it('refuses other schemes, credentials and malformed input', () => {
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://share/x',
      'ms-msdt:/id PCWDiagnostic',
      'app://tradetier/index.html',
      'ftp://example.com/',
      'https://user:pass@example.com',
      'https://user@example.com',
      'https://www.bank.com@evil.example/',
      'mailto://user:pass@example.com',
      'mailto://example.com/', // a mail link has no host part
      'tel://example.com/',
      'http://[fe80::1%25eth0]/',
      'not a url',
      '',
    ]) {
      expect(isSafeExternalUrl(bad), bad).toBe(false)
    }
  })

  it('refuses loopback and private hosts over http and https, in every spelling', () => {
    const hosts = [
      '127.0.0.1',
      '127.8.9.10',
      'localhost',
      'LOCALHOST',
      'localhost.',
      'ｌｏｃａｌｈｏｓｔ', // full-width, folded by the URL parser
      'api.localhost',
      'api.localhost.',
      '0.0.0.0',
      '0',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '2130706433', // 127.0.0.1 as one number
      '0x7f.0.0.1',
      '0x7f000001',
      '0177.0.0.1',
      '017700000001',
      '127.1',
      '%31%32%37.0.0.1',
      '[::1]',
      '[0:0:0:0:0:0:0:1]',
      '[::]',
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:1]',
      '[::ffff:10.0.0.1]',
      '[::ffff:192.168.0.1]',
      '[::127.0.0.1]',
      '[64:ff9b::127.0.0.1]',
      '[fc00::1]',
      '[fd12:3456:789a::1]',
      '[fe80::1]',
      '[febf::1]',
    ]
    for (const host of hosts) {
      for (const scheme of ['http', 'https']) {
        const url = `${scheme}://${host}:8080/admin`
        expect(isSafeExternalUrl(url), url).toBe(false)
      }
    }
    // The URL parser turns the numeric forms into dotted decimal before we look at them.
    expect(new URL('http://2130706433/').hostname).toBe('127.0.0.1')
    expect(new URL('http://0x7f.0.0.1/').hostname).toBe('127.0.0.1')
    expect(new URL('http://[::ffff:127.0.0.1]/').hostname).toBe('[::ffff:7f00:1]')
  })

  it('tells local hosts from public ones as the URL parser leaves them', () => {
    expect(isLocalHost('127.0.0.1')).toBe(true)
    expect(isLocalHost('[::ffff:a00:1]')).toBe(true)
    expect(isLocalHost('[::ffff:808:808]')).toBe(false) // 8.8.8.8, mapped
    expect(isLocalHost('[2606:4700::1111]')).toBe(false)
    expect(isLocalHost('[not:an:address]')).toBe(true) // unreadable is refused
    expect(isLocalHost('example.com')).toBe(false)
    expect(isLocalHost('notlocalhost')).toBe(false)
  })

  it('hands the OS the normalised URL it checked', () => {
    expect(toExternalUrl('HTTPS://Example.COM')).toBe('https://example.com/')
    expect(toExternalUrl('http:/\\example.com/a')).toBe('http://example.com/a')
    expect(toExternalUrl('http://127.0.0.1/')).toBeNull()
  })

  it('lets a long BCC mail draft through (the renderer caps it at 1800 characters)', () => {
    const emails = Array.from({ length: 60 }, (_, i) => `buyer.${i}@example-trading.com`)
    const url = `mailto:?bcc=${emails.map(encodeURIComponent).join(',')}`
    expect(url.length).toBeGreaterThan(1700)
    expect(toExternalUrl(url)).toBe(url)
    expect(windowOpenDecision(url)).toBe('external')
    expect(navigationDecision(url)).toBe('external')
  })
})

describe('navigation and window.open decisions', () => {
  const dev = 'http://localhost:5173'

  it('keeps our pages, sends allowed links to the OS and drops the rest', () => {
    expect(navigationDecision('app://tradetier/index.html#/groups')).toBe('allow')
    expect(navigationDecision('http://localhost:5173/#/customers', dev)).toBe('allow')
    expect(navigationDecision('mailto:a@example.com')).toBe('external')
    expect(navigationDecision('tel:+861012345678')).toBe('external')
    expect(navigationDecision('https://www.example.com/')).toBe('external')
    expect(navigationDecision('http://localhost:5173/')).toBe('deny') // not in a packaged build
    expect(navigationDecision('http://localhost:8080/', dev)).toBe('deny')
    expect(navigationDecision('file:///etc/passwd')).toBe('deny')
    expect(navigationDecision('app://other/index.html')).toBe('deny')
    expect(navigationDecision('javascript:alert(1)')).toBe('deny')
  })

  it('never opens a window: allowed links go to the OS', () => {
    expect(windowOpenDecision('https://www.example.com/')).toBe('external')
    expect(windowOpenDecision('mailto:a@example.com')).toBe('external')
    expect(windowOpenDecision('app://tradetier/index.html')).toBe('deny')
    expect(windowOpenDecision('http://192.168.0.10/')).toBe('deny')
    expect(windowOpenDecision('about:blank')).toBe('deny')
  })
})

describe('permissions', () => {
  it('grants clipboard writes to our own pages and nothing else', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://tradetier/index.html')).toBe(true)
    // The check handler passes an origin rather than a page URL.
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://tradetier')).toBe(true)
    expect(
      isAllowedPermission('clipboard-sanitized-write', 'http://localhost:5173', 'http://localhost:5173'),
    ).toBe(true)
    expect(isAllowedPermission('clipboard-sanitized-write', 'http://localhost:5173')).toBe(false)
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    expect(isAllowedPermission('clipboard-sanitized-write', undefined)).toBe(false)
    expect(isAllowedPermission('clipboard-sanitized-write', '')).toBe(false)
    for (const p of [
      'clipboard-read',
      'media',
      'notifications',
      'openExternal',
      'geolocation',
      'fullscreen',
      'unknown',
    ]) {
      expect(isAllowedPermission(p, 'app://tradetier/index.html'), p).toBe(false)
    }
  })
})

describe('app:// pages and files', () => {
  const root = path.resolve('/opt/tradetier/renderer')

  it('recognises our own origin and the dev server only', () => {
    expect(isAppUrl('app://tradetier/index.html')).toBe(true)
    expect(isAppUrl('app://evil/index.html')).toBe(false)
    expect(isAppUrl('https://example.com/')).toBe(false)
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })

  it('maps requests inside the renderer folder and refuses traversal', () => {
    expect(resolveAppFile(root, 'app://tradetier/')).toBe(path.join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://tradetier/assets/index.js')).toBe(path.join(root, 'assets/index.js'))
    expect(resolveAppFile(root, 'app://tradetier/..%2f..%2fetc/passwd')).toBeNull()
    // The URL parser folds encoded dot segments at the root, so this stays inside the folder.
    expect(resolveAppFile(root, 'app://tradetier/%2e%2e/%2e%2e/secret')).toBe(path.join(root, 'secret'))
    expect(resolveAppFile(root, 'app://tradetier/a%00b')).toBeNull()
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull()
    // Malformed percent-encoding is refused, not thrown (the harness serves with the same function).
    expect(resolveAppFile(root, 'app://tradetier/%E0%A4%A')).toBeNull()
    expect(resolveUnderRoot(root, '/%E0%A4%A')).toBeNull()
    expect(resolveUnderRoot(root, '/..%2f..%2fetc/passwd')).toBeNull()
  })

  it('serves regular files only; routes, folders, devices and pipes get index.html', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradetier-renderer-'))
    try {
      const index = path.join(dir, 'index.html')
      fs.writeFileSync(index, '<!doctype html>')
      fs.mkdirSync(path.join(dir, 'assets'))
      fs.writeFileSync(path.join(dir, 'assets', 'app.js'), '')
      fs.symlinkSync('/dev/null', path.join(dir, 'null.js'))
      fs.symlinkSync(path.join(dir, 'assets'), path.join(dir, 'linked'))
      const served = (url: string) => servedFile(dir, resolveAppFile(dir, url)!)
      expect(served('app://tradetier/assets/app.js')).toBe(path.join(dir, 'assets', 'app.js'))
      expect(served('app://tradetier/')).toBe(index)
      expect(served('app://tradetier/customers/123')).toBe(index)
      expect(served('app://tradetier/assets')).toBe(index)
      expect(served('app://tradetier/assets/')).toBe(index)
      expect(served('app://tradetier/linked')).toBe(index)
      expect(served('app://tradetier/null.js')).toBe(index)
      let fifo = true
      try {
        execFileSync('mkfifo', [path.join(dir, 'pipe.js')])
      } catch {
        fifo = false // no mkfifo on this system; the device case above covers non-files
      }
      if (fifo) expect(served('app://tradetier/pipe.js')).toBe(index)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('data directory', () => {
  it('takes --data-dir, then TRADETIER_DATA_DIR, then the default', () => {
    expect(resolveDataDir(['electron', '.', '--data-dir', '/tmp/a'], {}, '/def', true)).toBe(
      path.resolve('/tmp/a'),
    )
    expect(resolveDataDir(['--data-dir=/tmp/b'], { TRADETIER_DATA_DIR: '/tmp/c' }, '/def', true)).toBe(
      path.resolve('/tmp/b'),
    )
    expect(resolveDataDir([], { TRADETIER_DATA_DIR: '/tmp/c' }, '/def', true)).toBe(path.resolve('/tmp/c'))
    expect(resolveDataDir([], {}, '/def', true)).toBe('/def')
  })

  it('ignores both overrides when they are not allowed', () => {
    expect(resolveDataDir(['--data-dir', '/tmp/a'], { TRADETIER_DATA_DIR: '/tmp/c' }, '/def', false)).toBe(
      '/def',
    )
    expect(resolveDataDir(['--data-dir=/tmp/b'], {}, '/def', false)).toBe('/def')
  })

  it('allows them in development, and in a packaged build only with the switch', () => {
    expect(ALLOW_DATA_DIR_SWITCH).toBe('--allow-data-dir')
    expect(allowsDataDirOverride(['tradetier', '--data-dir', '/x'], false)).toBe(true)
    expect(allowsDataDirOverride(['tradetier', '--data-dir', '/x'], true)).toBe(false)
    expect(allowsDataDirOverride(['tradetier', '--allow-data-dir', '--data-dir', '/x'], true)).toBe(true)
  })
})

// The shell itself, with a stand-in for the Electron API: proves its handlers are wired to the
// decisions above rather than to something that merely looks like them.
type NavigationEvent = { preventDefault: () => void }
type Contents = {
  on: (event: string, listener: (event: NavigationEvent, url: string) => void) => void
  setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => void
}
type PermissionRequestHandler = (
  wc: { getURL: () => string },
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void
type PermissionCheckHandler = (
  wc: null,
  permission: string,
  origin: string,
  details: { isMainFrame: boolean },
) => boolean

const shellFake = vi.hoisted(() => {
  const state = {
    appListeners: new Map<string, (...args: never[]) => void>(),
    permissionRequest: null as PermissionRequestHandler | null,
    permissionCheck: null as PermissionCheckHandler | null,
    protocolHandler: null as ((request: { url: string }) => Promise<Response>) | null,
    sessionListeners: new Map<string, (...args: never[]) => void>(),
    windowOptions: null as { webPreferences: Record<string, unknown> } | null,
    dataDirs: [] as string[],
    opened: [] as string[],
    fetched: [] as string[],
  }
  const app = {
    isPackaged: true,
    on: (name: string, listener: (...args: never[]) => void) => state.appListeners.set(name, listener),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: () => '/home/user/.config/tradetier',
    getVersion: () => '0.0.0-test',
    quit: () => undefined,
    exit: () => undefined,
  }
  class BrowserWindow {
    webContents = { send: () => undefined }
    constructor(options: { webPreferences: Record<string, unknown> }) {
      state.windowOptions = options
    }
    once() {}
    on() {}
    loadURL() {
      return Promise.resolve()
    }
  }
  const electron = {
    app,
    BrowserWindow,
    dialog: {
      showErrorBox: (_title: string, detail: string) => {
        throw new Error(detail)
      },
    },
    ipcMain: { handle: () => undefined },
    net: {
      fetch: (url: string) => {
        state.fetched.push(url)
        return Promise.resolve(new Response('ok'))
      },
    },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (_scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
        state.protocolHandler = handler
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: PermissionRequestHandler) => (state.permissionRequest = h),
        setPermissionCheckHandler: (h: PermissionCheckHandler) => (state.permissionCheck = h),
        on: (name: string, listener: (...args: never[]) => void) =>
          state.sessionListeners.set(name, listener),
      },
    },
    shell: {
      openExternal: (url: string) => {
        state.opened.push(url)
        return Promise.resolve()
      },
    },
  }
  return { state, electron }
})

vi.mock('electron', () => shellFake.electron)
vi.mock('../../electron/main/services', () => ({
  createServices: (dir: string) => {
    shellFake.state.dataDirs.push(dir)
    return { handlers: {}, close: () => undefined }
  },
}))

describe('the Electron shell (electron/main/index.ts) with a stand-in Electron', () => {
  const boot = async () => {
    const saved = process.env.TRADETIER_DATA_DIR
    process.env.TRADETIER_DATA_DIR = '/tmp/somewhere-else'
    // Electron sets this for a packaged app; the shell reads its migrations from there.
    Object.assign(process, { resourcesPath: '/opt/tradetier/resources' })
    try {
      await import('../../electron/main/index')
      await vi.waitFor(() => expect(shellFake.state.windowOptions).not.toBeNull())
    } finally {
      if (saved === undefined) delete process.env.TRADETIER_DATA_DIR
      else process.env.TRADETIER_DATA_DIR = saved
    }
    const created = shellFake.state.appListeners.get('web-contents-created') as unknown as (
      e: unknown,
      c: Contents,
    ) => void
    const listeners = new Map<string, (event: NavigationEvent, url: string) => void>()
    let windowOpen: ((details: { url: string }) => { action: string }) | null = null
    created({}, { on: (name, l) => listeners.set(name, l), setWindowOpenHandler: (h) => (windowOpen = h) })
    const navigate = (url: string) => {
      let prevented = false
      listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    return { navigate, windowOpen: windowOpen! }
  }

  it('wires navigation, window.open, permissions, the window, app:// and the data directory', async () => {
    const { navigate, windowOpen } = await boot()
    const { state } = shellFake

    expect(navigate('app://tradetier/index.html#/groups')).toBe(false)
    expect(navigate('mailto:?bcc=a%40example.com,b%40example.com')).toBe(true)
    expect(navigate('tel:+33123456789')).toBe(true)
    expect(navigate('http://localhost:3000/')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(windowOpen({ url: 'https://www.example.com/' })).toEqual({ action: 'deny' })
    expect(windowOpen({ url: 'http://2130706433/' })).toEqual({ action: 'deny' })
    expect(state.opened).toEqual([
      'mailto:?bcc=a%40example.com,b%40example.com',
      'tel:+33123456789',
      'https://www.example.com/',
    ])

    const granted = (permission: string, requestingUrl: string) => {
      let answer: boolean | null = null
      state.permissionRequest!({ getURL: () => requestingUrl }, permission, (g) => (answer = g), {
        requestingUrl,
        isMainFrame: true,
      })
      return answer
    }
    expect(granted('clipboard-sanitized-write', 'app://tradetier/index.html')).toBe(true)
    expect(granted('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    expect(granted('media', 'app://tradetier/index.html')).toBe(false)
    expect(granted('openExternal', 'app://tradetier/index.html')).toBe(false)
    expect(
      state.permissionCheck!(null, 'clipboard-sanitized-write', 'app://tradetier', { isMainFrame: true }),
    ).toBe(true)
    expect(state.permissionCheck!(null, 'clipboard-read', 'app://tradetier', { isMainFrame: true })).toBe(
      false,
    )
    expect(
      state.permissionCheck!(null, 'clipboard-sanitized-write', 'https://evil.example', {
        isMainFrame: true,
      }),
    ).toBe(false)

    expect(state.windowOptions!.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    })

    // Downloads: an export's blob: URL gets a save dialog named after the file; anything else is cancelled.
    const willDownload = state.sessionListeners.get('will-download') as unknown as (
      event: { preventDefault: () => void },
      item: { getURL: () => string; getFilename: () => string; setSaveDialogOptions: (o: unknown) => void },
    ) => void
    const download = (url: string) => {
      const seen = { prevented: false, dialog: null as unknown }
      willDownload(
        { preventDefault: () => (seen.prevented = true) },
        {
          getURL: () => url,
          getFilename: () => 'tradetier-customers-2026-12-06.xlsx',
          setSaveDialogOptions: (o) => (seen.dialog = o),
        },
      )
      return seen
    }
    const allowed = download('blob:app://tradetier/0b6f6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b')
    expect(allowed.prevented).toBe(false)
    expect(allowed.dialog).toMatchObject({ defaultPath: expect.stringContaining('tradetier-customers') })
    expect(download('https://evil.example/payload.exe').prevented).toBe(true)

    // A packaged build without --allow-data-dir keeps the user-data folder despite the variable.
    expect(state.dataDirs).toEqual(['/home/user/.config/tradetier'])

    expect((await state.protocolHandler!({ url: 'app://tradetier/%E0%A4%A' })).status).toBe(404)
    await state.protocolHandler!({ url: 'app://tradetier/customers/1' })
    // From source the shell looks for the renderer in electron/renderer; a route is not a file there.
    const rendererRoot = path.resolve('electron/renderer')
    expect(state.fetched).toEqual([pathToFileURL(path.join(rendererRoot, 'index.html')).href])
  })
})

describe('downloads (exports saved through a dialog)', () => {
  it('allows only blob: URLs made by the app page itself', () => {
    expect(isAllowedDownload('blob:app://tradetier/0b6f6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b')).toBe(true)
    expect(isAllowedDownload('blob:http://localhost:5173/0b6f6a2e', 'http://localhost:5173')).toBe(true)
    // The dev server is trusted only while running under it.
    expect(isAllowedDownload('blob:http://localhost:5173/0b6f6a2e')).toBe(false)
    expect(isAllowedDownload('blob:https://evil.example/0b6f6a2e')).toBe(false)
    expect(isAllowedDownload('blob:app://other/0b6f6a2e')).toBe(false)
    expect(isAllowedDownload('blob:app://user@tradetier/0b6f6a2e')).toBe(false)
    expect(isAllowedDownload('blob:null/0b6f6a2e')).toBe(false)
    // Files from the web, data: URLs and the app's own files are not exports.
    expect(isAllowedDownload('https://example.com/report.xlsx')).toBe(false)
    expect(isAllowedDownload('data:text/csv;base64,YQ==')).toBe(false)
    expect(isAllowedDownload('app://tradetier/index.html')).toBe(false)
    expect(isAllowedDownload('file:///etc/passwd')).toBe(false)
  })

  it('proposes the export name without folders or characters a file system refuses', () => {
    expect(downloadFileName('tradetier-customers-2026-12-06.xlsx')).toBe(
      'tradetier-customers-2026-12-06.xlsx',
    )
    expect(downloadFileName('../../etc/passwd')).toBe('passwd')
    expect(downloadFileName('C:\\Windows\\evil.csv')).toBe('evil.csv')
    expect(downloadFileName('a<b>:c?.csv')).toBe('abc.csv')
    expect(downloadFileName('..')).toBe('export')
    expect(downloadFileName('')).toBe('export')
  })
})
