// The Electron shell: lifecycle, one hardened window, the app:// protocol and IPC registration.
// Kept thin on purpose: everything it calls runs under plain Node too (services.ts), where tests
// and the harness exercise it without an Electron binary.
import fs from 'node:fs'
import path from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron'
import { pathToFileURL } from 'node:url'
import { createServices } from './services'
import type { Services } from './services'
import { dispatch } from './ipc/dispatch'
import { CHANNELS } from '../../shared/channels'
import { DatabaseDamagedError } from './db/connection'
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isSafeExternalUrl,
  resolveAppFile,
  resolveDataDir,
} from './security'

const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererRoot = path.join(import.meta.dirname, '../renderer')
const preloadPath = path.join(import.meta.dirname, '../preload/index.cjs')

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

let mainWindow: BrowserWindow | null = null
let services: Services | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => services?.close())
  app.whenReady().then(start, (err: unknown) => fatal(err))
}

function start() {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
  try {
    services = createServices(dataDir, {
      appVersion: app.getVersion(),
      background: true,
      migrationsDir: app.isPackaged ? path.join(process.resourcesPath, 'migrations') : undefined,
      emit: (event, payload) => mainWindow?.webContents.send(event, payload),
    })
  } catch (err) {
    fatal(err)
    return
  }
  hardenSessions()
  registerProtocol()
  registerIpc(services)
  createWindow()
}

function fatal(err: unknown) {
  // This can happen before any window (and so before i18n) exists, so the one message main shows
  // on its own is written in all three UI languages.
  const detail =
    err instanceof DatabaseDamagedError
      ? [
          `数据库文件已损坏：${err.file}`,
          '请退出 TradeTier，并用旁边 backups 文件夹中的备份替换它。',
          '',
          `Le fichier de base de données est endommagé : ${err.file}`,
          'Quittez TradeTier et remplacez-le par une copie du dossier backups situé à côté.',
          '',
          `The database file is damaged: ${err.file}`,
          'Quit TradeTier and replace it with a copy from the backups folder next to it.',
          '',
          err.detail,
        ].join('\n')
      : String(err)
  dialog.showErrorBox('TradeTier', detail)
  app.exit(1)
}

function registerProtocol() {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    const target = fs.existsSync(file) ? file : path.join(rendererRoot, 'index.html')
    const res = await net.fetch(pathToFileURL(target).toString())
    const headers = new Headers(res.headers)
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(res.body, { status: res.status, headers })
  })
}

function registerIpc(s: Services) {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      // Only our own window, showing our own page, may call in: not a frame, not a navigated page.
      const frameUrl = event.senderFrame?.url ?? ''
      const trusted = event.sender === mainWindow?.webContents && isAppUrl(frameUrl, devServer)
      return dispatch(s.handlers, channel, input, trusted, (err) => console.error(channel, err))
    })
  }
}

function hardenSessions() {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServer)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServer)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}

function createWindow() {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'TradeTier',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  void mainWindow.loadURL(devServer ?? `${APP_ORIGIN}/index.html`)
}
