import { describe, it, expect, afterEach } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { CHANNELS } from '../../shared/channels'
import { contract } from '../../shared/contract'
import { tempServices } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'

let s: Services
afterEach(async () => {
  await s?.close()
})

const customers = (svc: Services) => svc.db.prepare('SELECT count(*) FROM customers').pluck().get() as number
const logRows = (svc: Services) => svc.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number

describe('the IPC loop', () => {
  it('has a schema for every channel and a handler for every schema', () => {
    s = tempServices()
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort())
    expect(Object.keys(s.handlers).sort()).toEqual([...CHANNELS].sort())
  })

  it('refuses an untrusted sender before parsing or running anything', async () => {
    s = tempServices()
    const res = await dispatch(s.ipc, 'customers:create', { customer: { displayName: 'Evil Corp' } }, false)
    expect(res).toEqual({ ok: false, error: { code: 'forbidden_sender' } })
    expect(customers(s)).toBe(0)
  })

  it('refuses an unknown channel', async () => {
    s = tempServices()
    expect(await dispatch(s.ipc, 'db:exec', { sql: 'DROP TABLE customers' }, true)).toEqual({
      ok: false,
      error: { code: 'unknown_channel' },
    })
  })

  it('turns invalid input into a validation error with field issues and writes nothing', async () => {
    s = tempServices()
    const res = await dispatch(
      s.ipc,
      'customers:create',
      {
        customer: { displayName: '', country: 'France' },
        contacts: [{ name: 'A', emails: ['not-an-email'] }],
      },
      true,
    )
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('validation')
    expect(res.error.issues).toEqual(
      expect.arrayContaining([
        { path: ['customer', 'displayName'], code: 'required' },
        { path: ['customer', 'country'], code: 'invalid_country' },
        { path: ['contacts', 0, 'emails', 0], code: 'invalid_email' },
      ]),
    )
    expect(customers(s)).toBe(0)
    expect(logRows(s)).toBe(0)
  })

  it('checks meaning after shape: an unknown country code and a bad phone are refused, nothing written', async () => {
    s = tempServices()
    const res = await dispatch(
      s.ipc,
      'customers:create',
      { customer: { displayName: 'Acme', country: 'XX' }, contacts: [{ name: 'A', phones: ['12'] }] },
      true,
    )
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.issues).toEqual([
      { path: ['customer', 'country'], code: 'invalid_country' },
      { path: ['contacts', 0, 'phones', 0], code: 'invalid_phone' },
    ])
    expect(customers(s)).toBe(0)
  })

  it('refuses a website that is not a web address', async () => {
    s = tempServices()
    const res = await dispatch(
      s.ipc,
      'customers:create',
      { customer: { displayName: 'Acme', country: 'FR', website: 'not a site' } },
      true,
    )
    expect(res.ok ? null : res.error.issues).toEqual([{ path: ['customer', 'website'], code: 'invalid_url' }])
    const js = await dispatch(
      s.ipc,
      'customers:create',
      { customer: { displayName: 'Acme', country: 'FR', website: 'javascript:alert(1)' } },
      true,
    )
    expect(js.ok).toBe(false)
    expect(customers(s)).toBe(0)
  })

  it('rejects extra keys on strict inputs (settings) and unknown enum values', async () => {
    s = tempServices()
    const res = await dispatch(s.ipc, 'settings:set', { language: 'de' }, true)
    expect(res.ok).toBe(false)
    const res2 = await dispatch(s.ipc, 'customers:list', { sort: 'display_name; DROP TABLE customers' }, true)
    expect(res2.ok).toBe(false)
  })

  it('returns not_found as a code for a missing customer', async () => {
    s = tempServices()
    expect(await dispatch(s.ipc, 'customers:get', { id: 'nope' }, true)).toEqual({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('never leaks an internal error message', async () => {
    s = tempServices()
    const errors: unknown[] = []
    const broken = {
      ...s.handlers,
      'app:info': () => {
        throw new Error('SQLITE_IOERR: disk I/O error at /secret/path')
      },
    }
    const res = await dispatch({ ...s.ipc, handlers: broken }, 'app:info', {}, true, (e) => errors.push(e))
    expect(res).toEqual({ ok: false, error: { code: 'internal' } })
    expect(errors).toHaveLength(1)
  })

  it('round-trips a valid call and validates the output against the contract', async () => {
    s = tempServices()
    const created = await dispatch(
      s.ipc,
      'customers:create',
      { customer: { displayName: 'Acme', country: 'fr' } },
      true,
    )
    expect(created.ok).toBe(true)
    if (!created.ok) return
    const got = await dispatch(s.ipc, 'customers:get', { id: (created.data as { id: string }).id }, true)
    expect(got.ok).toBe(true)
    if (!got.ok) return
    const parsed = contract['customers:get'].output.parse(got.data)
    expect(parsed.customer.country).toBe('FR')
    expect(parsed.derived.continent).toBe('EU')
    expect(parsed.derived.timezone).toBe('Europe/Paris')
  })

  it('remembers the UI language', async () => {
    s = tempServices()
    await dispatch(s.ipc, 'settings:set', { language: 'zh' }, true)
    expect(await dispatch(s.ipc, 'settings:get', {}, true)).toEqual({
      ok: true,
      data: { language: 'zh' },
    })
  })
})
