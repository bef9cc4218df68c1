// Benchmarks of what long jobs cost the user (issue 9 parts 3 and 4), shared by bench.ts and
// bench-tiering.ts: how soon a started process answers its first customer list, how long the daily
// pass takes and how long it ever holds main's event loop, and how searches answer while a full
// re-tier runs in the worker. Prints JSON lines like the other metrics.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import type { Services } from '../../electron/main/services'

type Line = Record<string, unknown>

/** n, p50, p95 and max of a metric's samples in ms: the fields every benchmark line carries. */
export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
  return {
    n: samples.length,
    p50_ms: Number(q(0.5).toFixed(3)),
    p95_ms: Number(q(0.95).toFixed(3)),
    max_ms: Number((sorted[sorted.length - 1] ?? 0).toFixed(3)),
  }
}

/**
 * Starts a fresh process on `dataDir` (the app's start-up: open, upgrade checks, services, the
 * background jobs scheduled) and reads how many ms after its own process start the first
 * `customers:list` answered. `runs` separate processes; the data directory must not be open
 * elsewhere for writing.
 */
export async function startupMs(dataDir: string, runs = 3): Promise<Line> {
  const child = path.join(import.meta.dirname, 'startup-child.ts')
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const out = await new Promise<string>((resolve, reject) => {
      const p = spawn(process.execPath, ['--import', 'tsx', child, dataDir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      let text = ''
      p.stdout.on('data', (b: Buffer) => (text += b.toString()))
      p.on('error', reject)
      p.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`startup child exited ${code}`))))
    })
    const line = JSON.parse(out.trim().split('\n').pop()!) as { firstListMs: number }
    samples.push(line.firstListMs)
  }
  return { metric: 'startup_ms', ...stats(samples), goal_ms: 2000, meets_goal: stats(samples).p95_ms < 2000 }
}

/**
 * The daily pass as the app runs it (a job in the worker) on a day after the last one, with the
 * longest stall of main's event loop while it ran.
 */
export async function dailyPass(s: Services): Promise<Line> {
  // Pretend the last pass ran yesterday, so the roll-over and the whole-base pass really run.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
  s.db.prepare("UPDATE meta SET value = ? WHERE key IN ('figures_as_of', 'daily_pass_on')").run(yesterday)
  // The app starts its worker at start-up; the pass is measured with it running, as there.
  await s.jobs.warm()
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const t0 = performance.now()
  await s.jobs.run('daily', {})
  const ms = performance.now() - t0
  delay.disable()
  const maxBlock = delay.max / 1e6
  return {
    metric: 'daily_pass_ms',
    ms: Number(ms.toFixed(1)),
    max_block_ms: Number(maxBlock.toFixed(1)),
    goal_block_ms: 50,
    meets_goal: maxBlock < 50,
  }
}

/**
 * Searches typed while a full re-tier runs in the worker (a saved policy with another window, so
 * figures are rebuilt from the orders and every customer is evaluated), through the IPC loop as the
 * window calls it. The policy in force is restored afterwards.
 */
export async function searchDuringRetier(s: Services, queries: readonly string[]): Promise<Line> {
  const before = s.policies.current()
  const save = (windowMonths: number) =>
    s.call('policy:save', { policy: { ...before, windowMonths }, note: 'benchmark' })
  const samples: number[] = []
  let running = true
  const job = save(before.windowMonths === 12 ? 18 : 12).finally(() => (running = false))
  const t0 = performance.now()
  let i = 0
  while (running) {
    const q = queries[i++ % queries.length]!
    const started = performance.now()
    await s.call('customers:search', { query: q })
    samples.push(performance.now() - started)
    // A person types a key every 100–200 ms, not in a tight loop.
    await new Promise((r) => setTimeout(r, 20))
  }
  const res = await job
  const retierMs = performance.now() - t0
  await s.call('policy:save', { policy: before, note: 'benchmark: restored' })
  const st = stats(samples)
  return {
    metric: 'search_during_retier',
    ...st,
    retier_ms: Number(retierMs.toFixed(0)),
    retier_ok: res.ok,
    goal_ms: 50,
    meets_goal: st.p95_ms < 50,
  }
}

/** Every customer's figures rebuilt from all orders, as a job in the worker. */
export async function figuresRebuild(s: Services, runs = 3): Promise<Line> {
  // Measured with the worker running, as the app has it from start-up on.
  await s.jobs.warm()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await s.jobs.run('rebuildFigures', {})
    samples.push(performance.now() - t0)
  }
  return {
    metric: 'figures_rebuild_from_orders',
    ...stats(samples),
    goal_ms: 5000,
    meets_goal: stats(samples).p95_ms < 5000,
  }
}
