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
  locales[lang] ??= JSON.parse(
    fs.readFileSync(path.resolve('renderer/src/i18n/locales', `${lang}.json`), 'utf8'),
  ) as Tree
  let node: string | Tree | undefined = locales[lang]
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  if (typeof node !== 'string') throw new Error(`missing ${lang} key ${key}`)
  return node
}
