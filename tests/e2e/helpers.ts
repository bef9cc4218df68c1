import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, expect } from '@playwright/test'
import type { Page } from '@playwright/test'

export { expect }

// ---- one harness per spec file ----

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** A running harness: its address and its own data directory. */
export type Harness = {
  url: string
  dataDir: string
  /** The harness process (its worker threads included): benchmarks wait for it to go idle. */
  pid: number | undefined
  stop: () => Promise<void>
}

/** Data written into a fresh data directory before its harness starts (by any means, any clock). */
export type HarnessData = { name: string; seed: (dataDir: string) => void | Promise<void> }

/** A port nothing listens on right now; the harness takes it a moment later (retried if lost). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

function launch(port: number, dataDir: string, keep: boolean): Promise<Harness> {
  // The harness under the Node that runs the tests (the pinned Node 22 under npm and npx), with
  // tsx as a loader in the same process, so stopping it stops everything on every platform.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/dev/harness.ts',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      // A renderer built elsewhere (`electron-vite build --outDir <dir>`), so work in progress on
      // one build does not swap files under a test running on another.
      ...(process.env.RENDERER_DIR ? ['--renderer', process.env.RENDERER_DIR] : []),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    process.stderr.write(`[harness :${port}] ${chunk.toString()}`)
  })
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 })
  }
  return new Promise<Harness>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`the harness did not start within 60 s\n${output}`))
    }, 60_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('TradeTier harness on')) {
        clearTimeout(timer)
        resolve({ url: `http://127.0.0.1:${port}`, dataDir, pid: child.pid, stop })
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(Object.assign(new Error(`the harness exited (${code}) before listening\n${output}`), { output }))
    })
  })
}

/**
 * Starts a harness on a free port over `dataDir` (by default a new, empty one), deleted when it
 * stops unless `keep` (a benchmark's data, built once and reused).
 */
export async function startHarness(dataDir = freshDataDir(), { keep = false } = {}): Promise<Harness> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(await freePort(), dataDir, keep)
    } catch (err) {
      // Another process took the port between the probe and the harness: try another one.
      const taken = String((err as { output?: string }).output ?? '').includes('EADDRINUSE')
      if (!taken || attempt === 3) throw err
    }
  }
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tradetier-e2e-'))
}

/**
 * The worker's harness, replaced whenever a test of another spec file (or another HarnessData)
 * comes: every spec file starts from its own empty data directory, whatever ran before it.
 */
class HarnessPool {
  private current: { key: string; harness: Harness } | null = null

  async for(key: string, data: HarnessData | null): Promise<Harness> {
    if (this.current?.key === key) return this.current.harness
    await this.stop()
    const dataDir = freshDataDir()
    await data?.seed(dataDir)
    this.current = { key, harness: await startHarness(dataDir) }
    return this.current.harness
  }

  async stop(): Promise<void> {
    const harness = this.current?.harness
    this.current = null
    await harness?.stop()
  }
}

/**
 * Playwright's `test` with a harness per spec file behind `page`, `request` and `baseURL`. A file
 * or a describe block that needs data from before today (which the IPC cannot write, since every
 * write is stamped now) says `test.use({ harnessData: { name, seed } })` and gets a harness of its
 * own over the seeded directory.
 */
export const test = base.extend<
  { harnessData: HarnessData | null; harness: Harness },
  { harnessPool: HarnessPool }
>({
  harnessPool: [
    // Playwright reads a fixture's dependencies from this pattern; it must be an object, even empty.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const pool = new HarnessPool()
      await use(pool)
      await pool.stop()
    },
    { scope: 'worker' },
  ],
  harnessData: [null, { option: true }],
  harness: [
    async ({ harnessPool, harnessData }, use, testInfo) => {
      await use(await harnessPool.for(`${testInfo.file}#${harnessData?.name ?? ''}`, harnessData))
    },
    { timeout: 90_000 },
  ],
  baseURL: async ({ harness }, use) => {
    await use(harness.url)
  },
})

// ---- calling the app ----

/** Calls a channel from inside the page, exactly as the renderer's HTTP client does. */
export async function ipc<T = unknown>(
  page: Page,
  channel: string,
  input: unknown = {},
): Promise<{ ok: boolean; data?: T; error?: { code: string } }> {
  return page.evaluate<{ ok: boolean; data?: T; error?: { code: string } }, readonly [string, unknown]>(
    async ([c, i]) => {
      const res = await fetch(`/ipc/${c}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(i),
      })
      return (await res.json()) as { ok: boolean; data?: T; error?: { code: string } }
    },
    [channel, input] as const,
  )
}

export async function customerTotal(page: Page): Promise<number> {
  const res = await ipc<{ total: number }>(page, 'customers:list', { limit: 1 })
  return res.data!.total
}

/** Picks a UI language through the header's switcher. */
export async function switchLanguage(page: Page, label: '中文' | 'Français' | 'English') {
  const switcher = page.getByTestId('language-switcher')
  const before = await switcher.inputValue()
  await switcher.click()
  await page.getByRole('option', { name: label }).click()
  // The language already shown: nothing changes, nothing is saved.
  if (before === label) return
  // Main remembers the choice a moment later. The harness's fetch, unlike Electron's IPC message,
  // is dropped by a reload that comes first, so wait until main has it.
  const code = { 中文: 'zh', Français: 'fr', English: 'en' }[label]
  await expect
    .poll(async () => (await ipc<{ language: string }>(page, 'settings:get')).data?.language)
    .toBe(code)
}

export async function openSearch(page: Page) {
  await page.keyboard.press('Control+K')
  await expect(page.getByTestId('search-input')).toBeVisible()
}

type Tree = { [k: string]: string | Tree }
const locales: Record<string, Tree> = {}

/** The translated text of a key, read from the shipped locale files (so tests follow wording changes). */
export function tr(lang: 'zh' | 'fr' | 'en', key: string): string {
  // The base file and the feature files (groups.fr.json…), merged as the app merges them.
  const dir = path.resolve('shared/i18n/locales')
  locales[lang] ??= fs
    .readdirSync(dir)
    .filter((f) => f === `${lang}.json` || f.endsWith(`.${lang}.json`))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Tree)
    .reduce(merge, {})
  let node: string | Tree | undefined = locales[lang]
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  if (typeof node !== 'string') throw new Error(`missing ${lang} key ${key}`)
  return node
}

function merge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const existing = out[k]
    out[k] = typeof v === 'object' && typeof existing === 'object' ? merge(existing, v) : v
  }
  return out
}

export type Lang = 'zh' | 'fr' | 'en'
/** The BCP 47 locale the app sets on <html> (and formats with) in each UI language. */
export const LOCALE: Record<Lang, string> = { zh: 'zh-CN', fr: 'fr-FR', en: 'en-US' }

/** The UI language as the settings store it, then the page reloaded in it. */
export async function useLanguage(page: Page, lang: Lang) {
  expect((await ipc(page, 'settings:set', { language: lang })).ok).toBe(true)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', LOCALE[lang])
}

/** Today in this machine's zone (the harness runs here too), plus `days`, as YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  const now = new Date()
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days))
    .toISOString()
    .slice(0, 10)
}

/** A translated text with its {{placeholders}} filled; one not given stays, to be filled later. */
export const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (all, k: string) => (k in vars ? String(vars[k]) : all))

/** The screen sizes every look is checked at (1440×900, then 1280×720). */
export const SHOT_SIZES = [
  [1440, 900],
  [1280, 720],
] as const

/** `<dir>/<name>-<w>x<h>.png` at each size in SHOT_SIZES, then back to 1440×900. */
export async function shootSizes(page: Page, dir: string, name: string, { fullPage = false } = {}) {
  fs.mkdirSync(dir, { recursive: true })
  for (const [width, height] of SHOT_SIZES) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: `${dir}/${name}-${width}x${height}.png`, fullPage })
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}
