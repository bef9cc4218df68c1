// Screenshots of the import wizard (mapping, check with refused rows, summary), then of the
// Backups screen and a restore's preview, in zh, fr and en
// at 1440×900 and 1280×720, for looking at the screen (not a test). Starts its own harness on an
// empty data directory; honours RENDERER_DIR like the other tools.
//   npx tsx tests/tools/import-screens.ts --out .tmp/shots/import [--langs zh,fr,en]
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import type { Page } from '@playwright/test'
import { freshDataDir, startHarness } from '../e2e/helpers'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser'

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.tmp/shots/import' },
    langs: { type: 'string', default: 'zh,fr,en' },
  },
})
const out = path.resolve(values.out)
fs.mkdirSync(out, { recursive: true })

const CSV = [
  'Company,Country,Contact,Email,City,Tags',
  'Lumen Trading GmbH,Germany,Anna Weber,anna@lumen.example,Hamburg,VIP',
  'Atlas Imports,Atlantis,Omar Haddad,omar@atlas,Nowhere,',
  'Maison Verte SARL,FR,Claire Dubois,claire@maisonverte.example,Lyon,Canton Fair 2025',
  '深圳华达贸易有限公司,中国,王丽,wangli@huada.example,深圳,VIP;Canton Fair 2025',
].join('\r\n')
const SIZES = [
  [1440, 900],
  [1280, 720],
] as const

const harness = await startHarness(freshDataDir())
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
try {
  for (const lang of values.langs.split(',')) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, baseURL: harness.url })
    await page.goto('/#/import')
    await page.evaluate(async (language) => {
      await fetch('/ipc/settings:set', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ language }),
      })
    }, lang)
    await page.reload()
    await page.getByTestId('import-screen').waitFor()
    await page
      .getByTestId('import-dropzone')
      .locator('input[type="file"]')
      .setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') })
    await page.getByTestId('import-next').click({ trial: false })
    await page.getByTestId('import-column').first().waitFor()
    // The first column as the display name, the second as the country, whatever was recognised.
    const map = async (row: number, option: number) => {
      await page.getByTestId('import-column').nth(row).getByTestId('import-field').click()
      await page.getByRole('option').nth(option).click()
    }
    await map(0, 2) // displayName (after "not imported" and externalId)
    await map(1, 5) // country
    await page.waitForTimeout(600)
    await shootBoth(page, lang, 'mapping')
    // The field list open at its end, where the contact fields are (first and last name too).
    await page.getByTestId('import-column').nth(2).getByTestId('import-field').click()
    await page.getByRole('option').last().scrollIntoViewIfNeeded()
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(out, `import-fields-${lang}-1440x900.png`) })
    await page.keyboard.press('Escape')
    await page.getByTestId('import-next').click()
    await page.getByTestId('import-preview').waitFor()
    await page.waitForTimeout(600)
    await shootBoth(page, lang, 'preview')
    await page.getByTestId('import-skip-invalid').check()
    await page.getByTestId('import-run').click()
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 })
    await shootBoth(page, lang, 'summary')
    // The way back: the Backups screen (the automatic backup made at start, before the import),
    // then the preview a restore asks to confirm.
    await page.goto('/#/backups')
    await page.getByTestId('backup-row').first().waitFor({ timeout: 30_000 })
    await page.waitForTimeout(400)
    await shootBoth(page, lang, 'backups')
    // The oldest row: the automatic backup made at start, before this language's import.
    await page.getByTestId('backup-row').last().getByRole('button').first().click()
    await page.getByTestId('backup-preview').waitFor()
    await page.waitForTimeout(400)
    await shootBoth(page, lang, 'restore')
    // Restored, the next language imports into the same empty database (and its summary shows
    // customers created, not skipped as duplicates of this language's import).
    await page
      .getByTestId('backup-preview')
      .locator('xpath=ancestor::section')
      .getByRole('button')
      .last()
      .click()
    await page.getByTestId('backup-preview').waitFor({ state: 'detached' })
    await page
      .locator('[data-testid="backup-row"][data-kind="before-restore"]')
      .first()
      .waitFor({ timeout: 30_000 })
    await page.close()
  }
} finally {
  await browser.close()
  await harness.stop()
}

async function shootBoth(page: Page, lang: string, name: string) {
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h })
    await page.waitForTimeout(200)
    await page.screenshot({ path: path.join(out, `import-${name}-${lang}-${w}x${h}.png`) })
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}
