import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'

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
  await page.getByTestId('language-switcher').click()
  await page.getByRole('option', { name: label }).click()
}

export async function openSearch(page: Page) {
  await page.keyboard.press('Control+K')
  await expect(page.getByTestId('search-input')).toBeVisible()
}

import fs from 'node:fs'
import path from 'node:path'

type Tree = { [k: string]: string | Tree }
const locales: Record<string, Tree> = {}

/** The translated text of a key, read from the shipped locale files (so tests follow wording changes). */
export function tr(lang: 'zh' | 'fr' | 'en', key: string): string {
  // The base file and the feature files (groups.fr.json…), merged as the app merges them.
  const dir = path.resolve('renderer/src/i18n/locales')
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
