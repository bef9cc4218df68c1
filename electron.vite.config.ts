import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Three bundles: main (ESM, dependencies external — better-sqlite3 is native and must stay so),
// preload (CommonJS, self-contained: sandboxed preloads cannot load ESM or node_modules), renderer.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      // The job worker and the integrity check's helper are their own entries: worker_threads
      // threads load them from out/main/worker.js and out/main/integrity-worker.js.
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          worker: resolve(import.meta.dirname, 'electron/main/jobs/worker.ts'),
          'integrity-worker': resolve(import.meta.dirname, 'electron/main/db/integrity-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
      // Screens are split (lazy routes); the first screen's script must stay under 1 MB.
      minify: process.env.NO_MINIFY ? false : true,
      chunkSizeWarningLimit: 1000,
    },
  },
})
