// The test harness: the real main-process services (same handlers, same SQLite code) behind an
// HTTP bridge on 127.0.0.1, serving the built renderer. For machines without an Electron binary
// and for browser tests; never part of the packaged app.
//
//   npm run harness -- --port 5174 --data-dir ./.tmp/harness
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createServices } from '../main/services'
import type { Services } from '../main/services'
import { dispatch } from '../main/ipc/dispatch'
import { DatabaseDamagedError, migrationCount } from '../main/db/connection'
import { ServicesHost, restoreLatestOffline } from '../main/features/backups/host'
import { AppFailure } from '../../shared/errors'
import type { Result } from '../../shared/errors'
import { TABLES } from '../../shared/tables'
import { CONTENT_SECURITY_POLICY, MIME_TYPES, resolveUnderRoot, servedFile } from '../main/security'
import { EVENT_SEQ_HEADER } from '../../shared/channels'
import type { EventName } from '../../shared/channels'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5174' },
    'data-dir': { type: 'string', default: path.resolve('.tmp/harness-data') },
    renderer: { type: 'string', default: path.resolve('out/renderer') },
  },
  allowPositionals: false,
})

const port = Number(values.port)
const dataDir = path.resolve(values['data-dir'])
const rendererRoot = path.resolve(values.renderer)
const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
const allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`))
const MAX_BODY = 5 * 1024 * 1024

if (!fs.existsSync(path.join(rendererRoot, 'index.html'))) {
  console.error(`No built renderer in ${rendererRoot}. Run \`npm run build\` first.`)
  process.exit(1)
}

const listeners = new Set<http.ServerResponse>()
// Events are numbered (the stream's `id:`), and every answer names the last one sent before it
// (EVENT_SEQ_HEADER, or `seq` on a batch line): the page holds an answer until it has that event.
// Electron delivers a write's change event and its answer in order on one pipe; here they travel
// on two connections, and an answer handled first had the page read the new customer's data at
// the old table versions, then read it all again when the event came.
let eventSeq = 0
const emit = (event: EventName, payload: unknown) => {
  eventSeq++
  const frame = `id: ${eventSeq}\nevent: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
  if (process.env.TT_TRACE_IPC && event === 'data:changed')
    console.error(`event at ${Date.now()} ${frame.split('\n')[2]}`)
  for (const res of listeners) res.write(frame)
}

const appVersion = process.env.npm_package_version
// One Services object at a time: a restore closes it and opens another over the same directory,
// then tells the page that every table changed so each screen reads again.
const host = new ServicesHost<Services>(
  (restart) => createServices(dataDir, { harness: true, background: true, emit, appVersion, restart }),
  () => emit('data:changed', { tables: [...TABLES] }),
)
try {
  host.start()
} catch (err) {
  if (!(err instanceof DatabaseDamagedError)) throw err
  // Damaged at start: the harness stays up with no services, and answers only
  // backups:restoreLatest (the damaged-start way out the app offers), so tests can drive it.
  console.error(
    `The database file is damaged: ${err.file}\n${err.detail}\nPOST /ipc/backups:restoreLatest restores the latest good backup from ${path.join(dataDir, 'backups')}.`,
  )
}

/** The damaged-start restore: no services to close, only the file to replace, then a normal start. */
function restoreAtStart(): unknown {
  const restored = restoreLatestOffline(dataDir, {
    appVersion: appVersion ?? '0.0.0',
    schemaVersion: migrationCount(),
  })
  if (!restored) throw new AppFailure('backup_none')
  host.start()
  emit('data:changed', { tables: [...TABLES] })
  return { restored }
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    [EVENT_SEQ_HEADER]: String(eventSeq),
  })
  res.end(body)
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  send(res, status, JSON.stringify(body), 'application/json')
}

function serveStatic(url: URL, res: http.ServerResponse) {
  const resolved = resolveUnderRoot(rendererRoot, url.pathname)
  if (!resolved) return send(res, 404, 'Not found')
  const file = servedFile(rendererRoot, resolved)
  res.writeHead(200, {
    'Content-Type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  })
  // A file removed between stat and read must end this response, not the process.
  fs.createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}

const INTERNAL_RESULT: Result<unknown> = { ok: false, error: { code: 'internal' } }
const INTERNAL = { result: INTERNAL_RESULT, json: JSON.stringify(INTERNAL_RESULT) }

/** Most calls one batch may carry (a customer page reads about ten together). */
const MAX_BATCH = 64

/** One call's answer, as Electron's handler gives it, and its JSON; never rejects. */
function answerCall(
  channel: string,
  input: unknown,
  trusted: boolean,
): Promise<{ result: Result<unknown>; json: string }> {
  const services = host.current
  const began = performance.now()
  const answer = services
    ? dispatch(services.ipc, channel, input, trusted, (err) => console.error(channel, err))
    : Promise.resolve().then((): Result<unknown> => {
        if (!trusted) return { ok: false, error: { code: 'forbidden_sender' } }
        if (channel !== 'backups:restoreLatest') return { ok: false, error: { code: 'db_damaged' } }
        try {
          return { ok: true, data: restoreAtStart() }
        } catch (err) {
          if (err instanceof AppFailure) return { ok: false, error: { code: err.code } }
          console.error(channel, err)
          return { ok: false, error: { code: 'internal' } }
        }
      })
  return answer.then(
    (result) => {
      // TT_TRACE_IPC=1 prints each call's main-process time and each change event, to tell
      // main's share of a slow screen from the renderer's.
      if (process.env.TT_TRACE_IPC)
        console.error(
          `ipc ${channel} ${(performance.now() - began).toFixed(1)} ms (from ${(performance.timeOrigin + began).toFixed(0)})`,
        )
      // A result that cannot be serialised (dispatch itself never throws) is a bug: answered as one.
      try {
        return { result, json: JSON.stringify(result) }
      } catch (err) {
        console.error(channel, err)
        return INTERNAL
      }
    },
    (err: unknown) => {
      console.error(channel, err)
      return INTERNAL
    },
  )
}

const server = http.createServer((req, res) => {
  // A foreign Host means DNS rebinding; a foreign Origin means another web page. Both are refused,
  // so only the renderer this harness serves can drive it.
  if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 403, 'Forbidden host')
  // Anything that throws in this callback or the ones below kills the harness, and any web page
  // can send it a request (a form post needs no preflight): bad input is answered, never thrown.
  let url: URL
  try {
    url = new URL(req.url ?? '/', `http://${req.headers.host}`)
  } catch {
    return send(res, 400, 'Bad request')
  }
  if (url.pathname.startsWith('/ipc/') || url.pathname === '/ipc-batch') {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed')
    const origin = req.headers.origin ?? ''
    const trusted =
      allowedOrigins.has(origin) && (req.headers['content-type'] ?? '').startsWith('application/json')
    const batch = url.pathname === '/ipc-batch'
    let channel = ''
    if (!batch) {
      try {
        channel = decodeURIComponent(url.pathname.slice('/ipc/'.length))
      } catch {
        return trusted
          ? sendJson(res, 400, { ok: false, error: { code: 'validation' } })
          : sendJson(res, 403, { ok: false, error: { code: 'forbidden_sender' } })
      }
    }
    req.on('error', () => res.destroy())
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) req.destroy()
      else chunks.push(c)
    })
    req.on('end', () => {
      let input: unknown
      try {
        input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'validation' } })
      }
      if (!batch) {
        void answerCall(channel, input, trusted).then(({ result, json }) =>
          send(
            res,
            result.ok || result.error.code !== 'forbidden_sender' ? 200 : 403,
            json,
            'application/json; charset=utf-8',
          ),
        )
        return
      }
      // Calls the window made together (a page's reads): one request instead of one each, as
      // Electron's IPC has no per-host connection limit and Chromium allows six, one of them
      // held by the event stream. Each answer is a line written as soon as it is ready, so a
      // slow call does not hold up the others.
      if (!trusted) return sendJson(res, 403, { ok: false, error: { code: 'forbidden_sender' } })
      const calls = Array.isArray(input) ? input : null
      const valid = calls?.every(
        (c): c is { channel: string; input: unknown } =>
          typeof c === 'object' && c !== null && typeof (c as { channel?: unknown }).channel === 'string',
      )
      if (!calls || !valid || calls.length === 0 || calls.length > MAX_BATCH)
        return sendJson(res, 400, { ok: false, error: { code: 'validation' } })
      res.writeHead(200, {
        'Content-Type': 'application/x-ndjson',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      })
      let left = calls.length
      calls.forEach((c, i) => {
        void answerCall(c.channel, c.input, trusted).then(({ json }) => {
          res.write(`{"i":${i},"seq":${eventSeq},"result":${json}}\n`)
          if (--left === 0) res.end()
        })
      })
    })
    return
  }
  if (url.pathname === '/events') {
    const site = req.headers['sec-fetch-site']
    if (site && site !== 'same-origin') return send(res, 403, 'Forbidden')
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    // The number of the last event already sent: answers naming it or less wait for nothing.
    res.write(`id: ${eventSeq}\nevent: hello\ndata: {}\n\n`)
    listeners.add(res)
    req.on('close', () => listeners.delete(res))
    return
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
  serveStatic(url, res)
})

server.listen(port, '127.0.0.1', () => {
  console.log(`TradeTier harness on http://127.0.0.1:${port}/ (data: ${dataDir})`)
})

const shutdown = () => {
  server.close()
  for (const res of listeners) res.end()
  void (host.current?.close() ?? Promise.resolve()).finally(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
