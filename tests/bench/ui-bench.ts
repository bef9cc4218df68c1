// UI benchmark: from a user's click to a settled screen, in the built renderer driven through the
// harness by Playwright on a large demo base (not a test: prints JSON lines, asserts nothing).
//
//   npm run build && npm run bench:ui -- [--customers 100000] [--data-dir .tmp/bench-ui-100000] [--runs 20]
//
// "Settled" is measured inside the page: the time from the pointer-down that started the action
// to the later of the last DOM mutation and the last IPC response that followed it, once the
// expected element shows and nothing has moved for QUIET_MS with no IPC call in flight. That is
// what a user sees (data loaded and painted), not when main answered.
// The data directory is built once (`npm run seed:demo`) and reused; runs add a few customers,
// orders and interactions to it.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { stats } from './jobs-bench'
import type { Locator, Page } from '@playwright/test'
import { startHarness } from '../e2e/helpers'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser'

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    'data-dir': { type: 'string' },
    runs: { type: 'string', default: '20' },
  },
})
const customers = Number(values.customers)
const runs = Number(values.runs)
const dataDir = path.resolve(values['data-dir'] ?? `.tmp/bench-ui-${customers}`)
const QUIET_MS = 300

if (!fs.existsSync(path.join(dataDir, 'tradetier.db'))) {
  console.error(`building ${customers} demo customers in ${dataDir} (once)…`)
  const seeded = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/dev/seed-demo.ts', '--customers', String(customers), '--data-dir', dataDir],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  )
  if (seeded.status !== 0) process.exit(seeded.status ?? 1)
}

// Injected before the app's scripts: counts IPC calls in flight and remembers when the last one
// ended and when the DOM last changed, so the page itself says when it settled.
const INSTRUMENT = `
  window.__bench = { start: 0, lastIpc: 0, lastDom: 0, pending: 0 };
  const realFetch = window.fetch.bind(window);
  window.fetch = async (...args) => {
    const url = String(args[0] && args[0].url ? args[0].url : args[0]);
    if (!url.includes('/ipc')) return realFetch(...args);
    window.__bench.pending++;
    try {
      const res = await realFetch(...args);
      await res.clone().text();
      return res;
    } finally {
      window.__bench.pending--;
      window.__bench.lastIpc = performance.now();
    }
  };
  addEventListener('pointerdown', (e) => { window.__bench.start = e.timeStamp; }, true);
  // Toasts are left out: one slides in (and older ones slide out) for a few hundred ms after a
  // save, over a screen that is already settled and usable.
  const TOASTS = '.mantine-Notifications-root';
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && el.closest && el.closest(TOASTS)) continue;
      window.__bench.lastDom = performance.now();
      return;
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`

type BenchState = { start: number; lastIpc: number; lastDom: number; pending: number }

/** Clicks `target` and waits for `expected` and a quiet page; returns click → settled in ms. */
async function timed(page: Page, target: Locator, expected: () => Promise<void>): Promise<number> {
  await target.click()
  await expected()
  await page.waitForFunction(
    (quiet) => {
      const b = (globalThis as unknown as { __bench: BenchState }).__bench
      return b.pending === 0 && performance.now() - Math.max(b.lastDom, b.lastIpc) >= quiet
    },
    QUIET_MS,
    { polling: 50 },
  )
  return page.evaluate(() => {
    const b = (globalThis as unknown as { __bench: BenchState }).__bench
    return Math.max(b.lastDom, b.lastIpc) - b.start
  })
}

function emit(metric: string, samples: number[]) {
  console.log(JSON.stringify({ metric, ...stats(samples), customers }))
}

/**
 * Waits until the harness has used no CPU for `stillMs` (its start-up jobs done: the integrity
 * check, the day's backup and daily pass take a 100k base tens of seconds of CPU): the goals are
 * for a window in use, not for the first minute after an upgrade. Linux only; elsewhere it returns.
 */
async function harnessIdle(pid: number | undefined, stillMs = 3000, timeoutMs = 300_000): Promise<void> {
  const cpu = () => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      return Number(fields[11]) + Number(fields[12]) // utime + stime, in clock ticks
    } catch {
      return null
    }
  }
  const started = Date.now()
  let last = cpu()
  let stillSince = Date.now()
  while (last !== null && Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 500))
    const now = cpu()
    // A tick or two a second is the idle server; a job uses a whole core.
    if (now === null || now - last > 5) stillSince = Date.now()
    else if (Date.now() - stillSince >= stillMs) break
    last = now
  }
  console.error(`harness idle after ${Date.now() - started} ms`)
}

const harness = await startHarness(dataDir, { keep: true })
await harnessIdle(harness.pid)
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS,
})
try {
  await fetch(`${harness.url}/ipc/settings:set`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: harness.url },
    body: JSON.stringify({ language: 'en' }),
  })
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.addInitScript(INSTRUMENT)
  const openList = async () => {
    await page.goto(`${harness.url}/#/customers`)
    await page.getByTestId('customer-row').first().waitFor()
  }
  const customerPage = () => page.getByTestId('customer-title').waitFor()
  const dialogClosed = () => page.getByRole('dialog').waitFor({ state: 'detached' })

  // Opening a customer from the list (a different row each time: nothing cached).
  const open: number[] = []
  for (let i = 0; i < runs + 1; i++) {
    await openList()
    const row = page.getByTestId('customer-row').nth(i % 12)
    open.push(await timed(page, row.getByRole('link').first(), customerPage))
  }
  // The first open after the window loads also fetches the page's code (once per session, unless
  // the window was idle long enough to have fetched it already): reported on its own.
  emit('ui_open_customer_first', open.slice(0, 1))
  emit('ui_open_customer', open.slice(1))

  // Saving a new customer: from the Save click to the new customer's page.
  const create: number[] = []
  for (let i = 0; i < runs; i++) {
    await openList()
    await page.getByTestId('new-customer').first().click()
    const dialog = page.getByRole('dialog')
    await dialog.getByTestId('field-displayName').fill(`Bench Trading ${Date.now()}-${i}`)
    await dialog.getByTestId('field-country').click()
    // As a user does: type the country's name and take the best match with Enter.
    await dialog.getByTestId('field-country').fill('Germany')
    await page.getByRole('option', { name: 'Germany', exact: true }).waitFor()
    await dialog.getByTestId('field-country').press('Enter')
    await dialog.getByTestId('field-city').fill('Hamburg')
    create.push(await timed(page, dialog.getByTestId('save-customer'), customerPage))
  }
  emit('ui_save_customer', create)

  // Saving an order and logging an interaction, on the page of the customer just created: every
  // run starts from a customer with no history, so runs on the same data stay comparable.
  const order: number[] = []
  for (let i = 0; i < runs; i++) {
    await page.getByTestId('add-order').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByTestId('order-amount').fill(String(1000 + i))
    order.push(await timed(page, dialog.getByTestId('save-order'), dialogClosed))
  }
  emit('ui_save_order', order)
  const interaction: number[] = []
  for (let i = 0; i < runs; i++) {
    await page.getByTestId('log-interaction').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByTestId('interaction-summary').fill(`Call about the spring order, run ${i}`)
    interaction.push(await timed(page, dialog.getByTestId('save-interaction'), dialogClosed))
  }
  emit('ui_log_interaction', interaction)

  // Applying a filter (the first tier), then taking it off: both are a filter change.
  await openList()
  const filter: number[] = []
  for (let i = 0; i < runs; i++) {
    // The MultiSelect's pill area lies over its input: click through to open the dropdown.
    await page.getByTestId('filter-tier').click({ force: true })
    const option = page.getByRole('option').first()
    filter.push(await timed(page, option, () => page.getByTestId('customer-row').first().waitFor()))
    await page.keyboard.press('Escape')
  }
  emit('ui_apply_filter', filter)

  // Switching language on the customer list, back and forth.
  await openList()
  const language: number[] = []
  for (let i = 0; i < runs; i++) {
    const label = i % 2 === 0 ? 'Français' : 'English'
    await page.getByTestId('language-switcher').click()
    const option = page.getByRole('option', { name: label })
    const heading = label === 'Français' ? 'Clients' : 'Customers'
    language.push(
      await timed(page, option, () => page.getByRole('heading', { name: heading, exact: true }).waitFor()),
    )
  }
  emit('ui_switch_language', language)
} finally {
  await browser.close()
  await harness.stop()
}
