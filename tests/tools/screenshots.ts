// Screenshots of every main screen in zh, fr and en at 1440×900 and 1280×720, for looking at what
// a change did (not a test). Starts its own harness on a data directory that is kept between runs
// (demo data loads once), writes PNGs to the output folder.
//   npx tsx tests/tools/screenshots.ts --out .tmp/shots/before [--screens customers,customer] [--langs zh] [--sizes 1280x720]
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { startHarness } from '../e2e/helpers'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser'

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.tmp/shots/now' },
    data: { type: 'string', default: '.tmp/shots-data' },
    screens: { type: 'string', default: '' },
    langs: { type: 'string', default: 'zh,fr,en' },
    sizes: { type: 'string', default: '1440x900,1280x720' },
    customers: { type: 'string', default: '500' },
  },
})

const out = path.resolve(values.out)
const dataDir = path.resolve(values.data)
fs.mkdirSync(out, { recursive: true })
fs.mkdirSync(dataDir, { recursive: true })

// Copy the kept data dir so the harness (which deletes its dir on stop) never eats the original.
const workDir = fs.mkdtempSync(path.join(path.dirname(dataDir), 'shots-run-'))
fs.cpSync(dataDir, workDir, { recursive: true })
const harness = await startHarness(workDir)
const post = async (channel: string, body: unknown) => {
  const res = await fetch(`${harness.url}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: harness.url },
    body: JSON.stringify(body),
  })
  return ((await res.json()) as { ok: boolean; data: unknown }).data as Record<string, unknown>
}
try {
  const info = await post('customers:count', {})
  if ((info.count as number) === 0) {
    await post('demo:load', { customers: Number(values.customers) })
    fs.cpSync(workDir, dataDir, { recursive: true })
  }
  const list = (await post('customers:list', { limit: 5, offset: 0 })) as { rows: { id: string }[] }
  const firstId = list.rows[0]?.id ?? ''
  const all: Record<string, string> = {
    customers: '#/customers',
    customer: `#/customers/${firstId}`,
    dashboard: '#/dashboard',
    groups: '#/groups',
    group: '#/groups/b%3Atier%3Amid',
    policy: '#/settings',
    review: '#/review',
    backups: '#/backups',
    team: '#/team',
    today: '#/today',
    calendar: '#/calendar',
  }
  const wanted = values.screens ? values.screens.split(',') : Object.keys(all)
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  })
  for (const lang of values.langs.split(',')) {
    await post('settings:set', { language: lang })
    for (const size of values.sizes.split(',')) {
      const [width, height] = size.split('x').map(Number) as [number, number]
      const page = await browser.newPage({ viewport: { width, height } })
      for (const name of wanted) {
        await page.goto(`${harness.url}/${all[name] ?? name}`)
        await page.waitForLoadState('networkidle')
        await page.waitForTimeout(600)
        const file = path.join(out, `${name}-${lang}-${width}x${height}.png`)
        await page.screenshot({ path: file })
        console.log(file)
      }
      await page.close()
    }
  }
  await browser.close()
} finally {
  await harness.stop()
}
