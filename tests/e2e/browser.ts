// Which Chromium the browser tests drive, on any machine:
//   1. CHROMIUM_PATH, when set;
//   2. else Debian's /usr/bin/chromium, when it exists (the CI machine, containers);
//   3. else Playwright's own Chromium (a developer's macOS or Windows machine).
// playwright.config.ts asks chromiumPath(); `npm run test:e2e` runs this file first, and it installs
// Playwright's Chromium (`playwright install chromium`, a no-op once installed) only in case 3.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/** The browser binary to launch, or undefined for Playwright's own Chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH
  if (fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM
  return undefined
}

/**
 * How every browser run here starts Chromium: headless, and without the background connections
 * (updates, sync, QUIC) that a closed network refuses many times over at every start.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Makes sure the browser chromiumPath() names can start; returns the exit status. */
function ensureBrowser(): number {
  const chosen = chromiumPath()
  if (chosen) {
    if (fs.existsSync(chosen)) return 0
    console.error(`CHROMIUM_PATH is ${chosen}, which does not exist.`)
    return 1
  }
  console.log(`No Chromium at CHROMIUM_PATH or ${DEBIAN_CHROMIUM}: using Playwright's own Chromium.`)
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli')
  const install = spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit' })
  if (install.status === 0) return 0
  console.error(
    "Could not install Playwright's Chromium (is the network reachable?). Run `npx playwright install chromium` " +
      'once online, or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  )
  return install.status ?? 1
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(ensureBrowser())
}
