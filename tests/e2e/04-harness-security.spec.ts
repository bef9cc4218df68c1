import { expect, test } from './helpers'

// The harness must not be drivable by any other web page or by DNS rebinding.
test('refuses IPC from a foreign origin and writes nothing', async ({ request, baseURL }) => {
  const res = await request.post(`${baseURL}/ipc/customers:create`, {
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
    data: { customer: { displayName: 'Evil Corp' } },
  })
  expect(res.status()).toBe(403)
  expect(await res.json()).toEqual({ ok: false, error: { code: 'forbidden_sender' } })
  const list = await request.post(`${baseURL}/ipc/customers:search`, {
    headers: { Origin: baseURL!, 'Content-Type': 'application/json' },
    data: { query: 'Evil Corp' },
  })
  expect((await list.json()).data.hits).toEqual([])
})

test('refuses IPC without an Origin, or as a form post', async ({ request, baseURL }) => {
  const noOrigin = await request.post(`${baseURL}/ipc/app:info`, {
    headers: { 'Content-Type': 'application/json' },
    data: {},
  })
  expect(noOrigin.status()).toBe(403)
  const form = await request.post(`${baseURL}/ipc/app:info`, {
    headers: { Origin: baseURL!, 'Content-Type': 'text/plain' },
    data: '{}',
  })
  expect(form.status()).toBe(403)
})

test('refuses a foreign Host header (DNS rebinding)', async ({ request, baseURL }) => {
  const res = await request.get(`${baseURL}/`, { headers: { Host: 'attacker.example:5199' } })
  expect(res.status()).toBe(403)
})

test('serves the renderer with a Content-Security-Policy', async ({ request, baseURL }) => {
  const res = await request.get(`${baseURL}/`)
  expect(res.headers()['content-security-policy']).toContain("default-src 'self'")
})

test('answers a malformed path with 404 and keeps serving', async ({ request, baseURL }) => {
  expect((await request.get(`${baseURL}/%E0%A4%A`)).status()).toBe(404)
  expect((await request.get(`${baseURL}/`)).status()).toBe(200)
})

// Any web page can send this without a preflight; it used to throw inside the body callback and
// take the harness down.
test('answers malformed %-encoding in an IPC channel and keeps serving', async ({ request, baseURL }) => {
  const foreign = await request.post(`${baseURL}/ipc/%E0%A4%A`, {
    headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
    data: '{}',
  })
  expect(foreign.status()).toBe(403)
  expect(await foreign.json()).toEqual({ ok: false, error: { code: 'forbidden_sender' } })
  const own = await request.post(`${baseURL}/ipc/%E0%A4%A`, {
    headers: { Origin: baseURL!, 'Content-Type': 'application/json' },
    data: {},
  })
  expect(own.status()).toBe(400)
  expect(await own.json()).toEqual({ ok: false, error: { code: 'validation' } })
  const info = await request.post(`${baseURL}/ipc/app:info`, {
    headers: { Origin: baseURL!, 'Content-Type': 'application/json' },
    data: {},
  })
  expect(info.status()).toBe(200)
  expect((await info.json()).ok).toBe(true)
})

// The batch endpoint the window uses for calls made together answers under the same rules.
test('a batch of calls: refused from a foreign origin, answered line by line from the window', async ({
  request,
  baseURL,
}) => {
  const calls = [
    { channel: 'customers:create', input: { customer: { displayName: 'Evil Batch', country: 'FR' } } },
    { channel: 'app:info', input: {} },
  ]
  const foreign = await request.post(`${baseURL}/ipc-batch`, {
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
    data: calls,
  })
  expect(foreign.status()).toBe(403)
  const malformed = await request.post(`${baseURL}/ipc-batch`, {
    headers: { Origin: baseURL!, 'Content-Type': 'application/json' },
    data: { channel: 'app:info' },
  })
  expect(malformed.status()).toBe(400)
  const own = await request.post(`${baseURL}/ipc-batch`, {
    headers: { Origin: baseURL!, 'Content-Type': 'application/json' },
    data: [
      { channel: 'customers:search', input: { query: 'Evil Batch' } },
      { channel: 'no:such', input: {} },
    ],
  })
  expect(own.status()).toBe(200)
  const lines = (await own.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { i: number; result: { ok: boolean; data?: { hits: unknown[] } } })
    .sort((a, b) => a.i - b.i)
  expect(lines.map((l) => l.i)).toEqual([0, 1])
  // The foreign batch wrote nothing; an unknown channel is refused on its own line.
  expect(lines[0]!.result.data?.hits).toEqual([])
  expect(lines[1]!.result.ok).toBe(false)
})
