import path from 'node:path'
import { defineConfig } from '@playwright/test'

// Browser tests drive the built renderer through the harness (real main-process services, real
// SQLite) in Debian's Chromium. The Electron test runs only where an Electron binary exists.
const port = Number(process.env.HARNESS_PORT ?? 5199)
const dataDir = path.resolve('.tmp/e2e-data')

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.tmp/playwright-output',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1440, height: 900 },
    trace: 'off',
  },
  webServer: {
    // A fresh data directory for every run, so tests start from an empty app.
    command: `node -e "require('fs').rmSync('${dataDir}',{recursive:true,force:true})" && tsx electron/dev/harness.ts --port ${port} --data-dir ${dataDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
})
