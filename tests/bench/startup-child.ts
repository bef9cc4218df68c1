// One start-up as the app does it, for the startup_ms benchmark (jobs-bench.ts): open the data
// directory with the background jobs scheduled, answer the first customer list, report how many ms
// after this process started that was, and exit.
import { performance } from 'node:perf_hooks'
import { createServices } from '../../electron/main/services'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: startup-child.ts <data-dir>')
const s = createServices(dataDir, { background: true })
const res = await s.call('customers:list', {})
const firstListMs = performance.now()
if (!res.ok) throw new Error(JSON.stringify(res.error))
console.log(JSON.stringify({ firstListMs: Number(firstListMs.toFixed(1)) }))
await s.close()
