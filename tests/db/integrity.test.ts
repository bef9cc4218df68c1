// The integrity check of a backup's copy on two threads (electron/main/db/integrity.ts) finds what
// SQLite's integrity_check finds: here an index whose entry no longer matches its row, which
// quick_check alone does not see. Real files, damaged byte by byte.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { checkCopyIntegrity, useIntegrityHelper } from '../../electron/main/db/integrity'
import { tempDir } from '../helpers/tmp'
import { HELPER_MARK } from '../helpers/integrity-helper-marked'

const HELPER = {
  file: fileURLToPath(new URL('../../electron/main/db/integrity-worker.ts', import.meta.url)),
  execArgv: ['--import', 'tsx'],
}

afterEach(() => useIntegrityHelper(null))

/**
 * A file with `tables` tables of three rows, each with an index on `a`; in the tables named in
 * `damaged`, the index entry of the last row says 1000004 where the row says 1000003 (the b-tree
 * stays well formed and in order).
 */
function build(tables: number, damaged: number[]): string {
  const file = path.join(tempDir(), 'copy.db')
  const db = new Database(file)
  for (let t = 0; t < tables; t++)
    db.exec(
      `CREATE TABLE t${t}(a, b); CREATE INDEX t${t}_a ON t${t}(a);
       INSERT INTO t${t} VALUES (1000001, 'x'), (1000002, 'y'), (1000003, 'z');`,
    )
  const roots = damaged.map(
    (t) => db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(`t${t}_a`) as number,
  )
  const size = db.pragma('page_size', { simple: true }) as number
  db.close()
  const bytes = fs.readFileSync(file)
  for (const root of roots) {
    const page = bytes.subarray((root - 1) * size, root * size)
    // 1000003 is stored as the three bytes 0F 42 43.
    const at = page.indexOf(Buffer.from([0x0f, 0x42, 0x43]))
    expect(at).toBeGreaterThan(0)
    page[at + 2] = 0x44
  }
  fs.writeFileSync(file, bytes)
  return file
}

const quickCheck = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return db.pragma('quick_check', { simple: true })
  } finally {
    db.close()
  }
}

describe.each([
  ['on two threads', HELPER],
  ['on one thread (no helper)', null],
])('checkCopyIntegrity %s', (_how, helper) => {
  it('passes a sound file', async () => {
    useIntegrityHelper(helper)
    expect(await checkCopyIntegrity(build(6, []))).toEqual([])
  })

  it('finds index entries that no longer match their rows, in every table, which quick_check misses', async () => {
    useIntegrityHelper(helper)
    const file = build(6, [0, 2, 5])
    expect(quickCheck(file)).toBe('ok')
    const problems = await checkCopyIntegrity(file)
    expect(problems.filter((p) => p.includes('row 3 missing from index')).sort()).toEqual([
      'row 3 missing from index t0_a',
      'row 3 missing from index t2_a',
      'row 3 missing from index t5_a',
    ])
  })
})

it("on two threads the answer is the helper's and this thread's together, not the one-thread fallback", async () => {
  useIntegrityHelper({
    file: fileURLToPath(new URL('../helpers/integrity-helper-marked.ts', import.meta.url)),
    execArgv: ['--import', 'tsx'],
  })
  // Damage in many tables: the two threads share them, and every one is still reported.
  const problems = await checkCopyIntegrity(build(8, [0, 3, 6]))
  expect(problems).toContain(HELPER_MARK)
  expect(problems.filter((p) => p.includes('row 3 missing from index')).sort()).toEqual([
    'row 3 missing from index t0_a',
    'row 3 missing from index t3_a',
    'row 3 missing from index t6_a',
  ])
})

it('a helper that cannot start leaves the whole check to this thread', async () => {
  useIntegrityHelper({ file: path.join(tempDir(), 'missing-worker.js'), execArgv: [] })
  const problems = await checkCopyIntegrity(build(3, [1]))
  expect(problems.some((p) => p.includes('row 3 missing from index t1_a'))).toBe(true)
})

it('the helper thread alone checks the whole file and every table it takes from the queue', async () => {
  const file = build(3, [1])
  const queue = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(HELPER.file, {
    workerData: { file, tables: ['t0', 't1', 't2'], queue },
    execArgv: HELPER.execArgv,
  })
  const problems = await new Promise<string[]>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  expect(problems).toEqual(['row 3 missing from index t1_a'])
  // It took all three tables (and asked once more to find the queue empty).
  expect(Atomics.load(queue, 0)).toBe(4)
})
