import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/browser'

// Browser tests drive the built renderer (`npm run test:e2e` builds it first) through the harness:
// real main-process services, real SQLite. Each spec file starts its own harness on a fresh data
// directory (tests/e2e/helpers.ts), so any file passes alone and none depends on another. The
// browser is CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own (tests/e2e/browser.ts).
// The Electron test runs only where an Electron binary exists.
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
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
    viewport: { width: 1440, height: 900 },
    trace: 'off',
  },
})
