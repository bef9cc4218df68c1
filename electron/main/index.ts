// The Electron shell: lifecycle, one hardened window, the app:// protocol and IPC registration.
// Kept thin on purpose: everything it calls runs under plain Node too (services.ts), where tests
// and the harness exercise it without an Electron binary.
import path from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, net, Notification, protocol, session, shell } from 'electron'
import { pathToFileURL } from 'node:url'
import { createServices } from './services'
import type { Services } from './services'
import { dispatch } from './ipc/dispatch'
import { CHANNELS } from '../../shared/channels'
import { DatabaseDamagedError, migrationCount } from './db/connection'
import { ServicesHost, restoreLatestOffline } from './features/backups/host'
import { TABLES } from '../../shared/tables'
import { showDesktopNotices } from './features/notify/desktop'
import type { NoticeBatch } from '../../shared/notify'
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  allowsDataDirOverride,
  downloadFileName,
  isAllowedDownload,
  isAllowedPermission,
  isAppUrl,
  navigationDecision,
  resolveAppFile,
  resolveDataDir,
  servedFile,
  toExternalUrl,
  windowOpenDecision,
} from './security'

const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererRoot = path.join(import.meta.dirname, '../renderer')
const preloadPath = path.join(import.meta.dirname, '../preload/index.cjs')

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

let mainWindow: BrowserWindow | null = null
let host: ServicesHost<Services> | null = null

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
  // Quitting waits for the job worker to stop and the database to close (a job mid-way keeps its
  // committed batches; a pending re-tier resumes at the next start).
  let closing = false
  app.on('will-quit', (event) => {
    const services = host?.current
    if (!services || closing) return
    closing = true
    event.preventDefault()
    void services.close().finally(() => app.quit())
  })
  app.whenReady().then(start, (err: unknown) => fatal(err))
}

function start() {
  const dataDir = resolveDataDir(
    process.argv,
    process.env,
    app.getPath('userData'),
    allowsDataDirOverride(process.argv, app.isPackaged),
  )
  const migrationsDir = app.isPackaged ? path.join(process.resourcesPath, 'migrations') : undefined
  // A restore replaces the Services object; the window then reads every table again.
  host = new ServicesHost<Services>(
    (restart) =>
      createServices(dataDir, {
        appVersion: app.getVersion(),
        background: true,
        migrationsDir,
        // Due reminders become desktop notifications; the harness sends them to the page instead.
        emit: (event, payload) =>
          event === 'notify:due'
            ? showDesktopNotices(payload as NoticeBatch, Notification, () => mainWindow)
            : mainWindow?.webContents.send(event, payload),
        restart,
        chooseBackupPath: async (defaultName) => {
          const options = {
            defaultPath: defaultName,
            filters: [{ name: 'TradeTier backup', extensions: ['db'] }],
          }
          const res = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options)
          return res.canceled || !res.filePath ? null : res.filePath
        },
        chooseTeamFolder: async () => {
          const options = {
            properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
          }
          const res = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options)
          return res.canceled ? null : (res.filePaths[0] ?? null)
        },
      }),
    () => mainWindow?.webContents.send('data:changed', { tables: [...TABLES] }),
  )
  try {
    host.start()
  } catch (err) {
    if (!(err instanceof DatabaseDamagedError) || !offerRestore(err, dataDir, migrationsDir)) {
      fatal(err)
      return
    }
  }
  hardenSessions()
  registerProtocol()
  registerIpc(host)
  createWindow()
}

/**
 * The damaged-start message offers the latest good backup in place of the damaged file (kept in
 * replaced/). True when it was restored and the services opened over it.
 */
function offerRestore(err: DatabaseDamagedError, dataDir: string, migrationsDir?: string): boolean {
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: 'TradeTier',
    message: [
      `数据库文件已损坏：${err.file}`,
      `Le fichier de base de données est endommagé : ${err.file}`,
      `The database file is damaged: ${err.file}`,
    ].join('\n'),
    detail: err.detail,
    buttons: [
      '恢复最近一个完好的备份 / Restaurer la dernière sauvegarde valide / Restore the latest good backup',
      '退出 / Quitter / Quit',
    ],
    defaultId: 0,
    cancelId: 1,
  })
  if (choice !== 0) return false
  try {
    const restored = restoreLatestOffline(dataDir, {
      appVersion: app.getVersion(),
      schemaVersion: migrationCount(migrationsDir),
    })
    if (!restored) return false
    host?.start()
    return true
  } catch (restoreErr) {
    console.error('restore at start failed', restoreErr)
    return false
  }
}

function fatal(err: unknown) {
  // This can happen before any window (and so before i18n) exists, so the one message main shows
  // on its own is written in all three UI languages.
  const detail =
    err instanceof DatabaseDamagedError
      ? [
          `数据库文件已损坏：${err.file}`,
          '没有可用的完好备份。请退出 TradeTier，并用旁边 backups 文件夹中的备份替换它。',
          '',
          `Le fichier de base de données est endommagé : ${err.file}`,
          'Aucune sauvegarde valide n’a pu être restaurée. Quittez TradeTier et remplacez-le par une copie du dossier backups situé à côté.',
          '',
          `The database file is damaged: ${err.file}`,
          'No good backup could be restored. Quit TradeTier and replace it with a copy from the backups folder next to it.',
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
    const res = await net.fetch(pathToFileURL(servedFile(rendererRoot, file)).toString())
    const headers = new Headers(res.headers)
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(res.body, { status: res.status, headers })
  })
}

function registerIpc(h: ServicesHost<Services>) {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      // Only our own window, showing our own page, may call in: not a frame, not a navigated page.
      const frameUrl = event.senderFrame?.url ?? ''
      const trusted = event.sender === mainWindow?.webContents && isAppUrl(frameUrl, devServer)
      // Looked up per call: a restore replaces the services.
      const s = h.current
      if (!s) return { ok: false, error: { code: 'busy' } }
      return dispatch(s.ipc, channel, input, trusted, (err) => console.error(channel, err))
    })
  }
}

function openExternal(url: string) {
  const safe = toExternalUrl(url)
  if (safe) void shell.openExternal(safe).catch((err: unknown) => console.error('openExternal', err))
}

function hardenSessions() {
  // Both handlers decide alike: web APIs check a permission first and request it only when the
  // check says no, so one handler alone would leave clipboard writes failing or half-allowed.
  session.defaultSession.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(isAllowedPermission(permission, details.requestingUrl || wc.getURL(), devServer)),
  )
  session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    isAllowedPermission(permission, requestingOrigin, devServer),
  )
  // Exports reach the disk as downloads of blob: URLs the window made; Electron shows a save
  // dialog when no path is set, here proposing the export's own name. Any other download is refused.
  session.defaultSession.on('will-download', (event, item) => {
    if (!isAllowedDownload(item.getURL(), devServer)) return event.preventDefault()
    item.setSaveDialogOptions({ defaultPath: downloadFileName(item.getFilename()) })
  })
  app.on('web-contents-created', (_e, contents) => {
    // mailto:, tel: and web links arrive here as page navigations (location.href, <a href>); the
    // window never leaves the app, and allowed ones open in the OS instead.
    contents.on('will-navigate', (event, url) => {
      const decision = navigationDecision(url, devServer)
      if (decision === 'allow') return
      event.preventDefault()
      if (decision === 'external') openExternal(url)
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServer)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (windowOpenDecision(url) === 'external') openExternal(url)
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
      // The app has no use for middle clicks, and they have been a way around the navigation handlers.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  void mainWindow.loadURL(devServer ?? `${APP_ORIGIN}/index.html`)
}
