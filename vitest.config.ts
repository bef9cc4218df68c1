import { defineConfig } from 'vitest/config'

// Unit, db and ipc suites run under Node against real SQLite files; e2e belongs to Playwright.
export default defineConfig({
  test: {
    include: ['tests/{unit,db,ipc}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
  },
})
