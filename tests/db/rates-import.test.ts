// Exchange rates from CSV: header aliases, a BOM and French decimals read right; one bad row
// refuses the whole file with its line number, and nothing is written.
import { describe, it, expect, afterEach } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import type { Rate } from '../../shared/tiering'
import { caller, data, tempDir } from '../helpers/tmp'

let s: Services
afterEach(() => s?.close())
const call = caller(() => s)
const rates = async () => data<{ rates: Rate[] }>(await call('rates:list', {})).rates

describe('rates from CSV', () => {
  it('imports a file with a BOM, another header wording and a decimal comma', async () => {
    s = createServices(tempDir())
    const csv =
      '\uFEFFDevise;Date;Taux\r\neur;2026-01-01;"1,08"\r\nCNY;2026-01-01;0.14\r\n\r\nGBP;2026-06-30;1.27\r\n'
    const res = data<{ imported: number }>(await call('rates:import', { csv }))
    expect(res.imported).toBe(3)
    const list = await rates()
    expect(list.map((r) => [r.currency, r.date, r.usdPerUnit]).sort()).toEqual([
      ['CNY', '2026-01-01', 0.14],
      ['EUR', '2026-01-01', 1.08],
      ['GBP', '2026-06-30', 1.27],
    ])
    // The imported rate is the one an order of that date snapshots.
    const { id } = data<{ id: string }>(
      await call('customers:create', { customer: { displayName: 'Rate User' } }),
    )
    const order = data<{ usdRate: number }>(
      await call('orders:create', {
        customerId: id,
        order: { date: '2026-03-01', amount: 100, currency: 'EUR', status: 'paid' },
      }),
    )
    expect(order.usdRate).toBe(1.08)
  })

  it('refuses the whole file when one row is wrong, naming the line, and writes nothing', async () => {
    s = createServices(tempDir())
    const csv =
      'currency,date,usd_per_unit\nEUR,2026-01-01,1.08\nXXX,2026-01-01,2\nJPY,2026-13-01,0.0067\nAED,2026-01-01,-1\n'
    const res = await call('rates:import', { csv })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('validation')
    expect(res.error.issues).toEqual([
      { path: ['csv', 3, 'currency'], code: 'invalid_choice' },
      { path: ['csv', 4, 'date'], code: 'invalid_date' },
      { path: ['csv', 5, 'usdPerUnit'], code: 'invalid_value' },
    ])
    expect(await rates()).toEqual([])
    const noColumn = await call('rates:import', { csv: 'currency,when\nEUR,2026-01-01\n' })
    expect(noColumn.ok ? null : noColumn.error.issues).toEqual([
      { path: ['csv', 'date'], code: 'required' },
      { path: ['csv', 'usdPerUnit'], code: 'required' },
    ])
    const empty = await call('rates:import', { csv: '' })
    expect(empty.ok).toBe(false)
  })
})
