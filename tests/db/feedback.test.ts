import { describe, it, expect, afterEach } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import { caller, data, tempDir } from '../helpers/tmp'
import type { OrderStatus } from '../../shared/tiering'

let s: Services
afterEach(() => s?.close())

const call = caller(() => s)
const today = () => new Date().toLocaleDateString('en-CA')
type Listing = {
  feedback: { id: string; kind: string; resolved: boolean }[]
  openComplaints: number
  returnRate: number | null
}

describe('feedback and return rate', () => {
  it('counts open complaints until they are resolved, and lists open ones first', async () => {
    s = createServices(tempDir())
    const { id } = data<{ id: string }>(
      await call('customers:create', { customer: { displayName: 'Complaints Inc', country: 'FR' } }),
    )
    const c1 = data<{ id: string }>(
      await call('feedback:add', {
        customerId: id,
        feedback: {
          kind: 'complaint',
          severity: 'high',
          date: '2026-11-01',
          summary: 'Cartons crushed on arrival',
        },
      }),
    )
    data(
      await call('feedback:add', {
        customerId: id,
        feedback: { kind: 'praise', severity: 'low', date: '2026-11-05', summary: 'Great colour match' },
      }),
    )
    expect(data<Listing>(await call('feedback:list', { customerId: id })).openComplaints).toBe(1)
    data(await call('feedback:resolve', { id: c1.id, resolved: true }))
    const after = data<Listing>(await call('feedback:list', { customerId: id }))
    expect(after.openComplaints).toBe(0)
    expect(after.feedback.map((f) => [f.kind, f.resolved])).toEqual([
      ['praise', false],
      ['complaint', true],
    ])
  })

  it('gives the 12-month return rate in USD over revenue orders only', async () => {
    s = createServices(tempDir())
    const { id } = data<{ id: string }>(
      await call('customers:create', { customer: { displayName: 'Returns Ltd', country: 'GB' } }),
    )
    expect(data<Listing>(await call('feedback:list', { customerId: id })).returnRate).toBeNull()
    const order = (amount: number, returned: number, status: OrderStatus) =>
      call('orders:create', {
        customerId: id,
        order: { date: today(), amount, returned, currency: 'USD', status },
      })
    data(await order(100_000, 5_000, 'paid'))
    data(await order(100_000, 0, 'shipped'))
    data(await order(900_000, 900_000, 'quoted')) // not revenue: ignored
    expect(data<Listing>(await call('feedback:list', { customerId: id })).returnRate).toBeCloseTo(0.025, 10)
  })

  it('refuses feedback without a summary', async () => {
    s = createServices(tempDir())
    const { id } = data<{ id: string }>(
      await call('customers:create', { customer: { displayName: 'Quiet Co', country: 'US' } }),
    )
    const res = await call('feedback:add', {
      customerId: id,
      feedback: { kind: 'suggestion', severity: 'low', date: '2026-11-01', summary: '' },
    })
    expect(res.ok ? null : res.error.issues).toEqual([{ path: ['feedback', 'summary'], code: 'required' }])
    expect(s.db.prepare('SELECT count(*) FROM feedback').pluck().get()).toBe(0)
  })
})
