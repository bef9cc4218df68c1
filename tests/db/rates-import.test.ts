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
      await call('customers:create', { customer: { displayName: 'Rate User', country: 'FR' } }),
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

describe('rates CSV: lines, numbers and duplicates', () => {
  const issuesOf = async (csv: string) => {
    const res = await call('rates:import', { csv })
    expect(res.ok).toBe(false)
    return res.ok ? [] : res.error.issues
  }

  it('names the real line of the file, counting blank lines and quoted line breaks', async () => {
    s = createServices(tempDir())
    const csv = [
      'currency,date,usd_per_unit,note', // 1
      '', // 2
      'EUR,2026-01-01,1.08,"from the bank', // 3
      'second line of the note"', // 4
      '', // 5
      'JPY,2026-13-01,0.0067,x', // 6
      'CNY,2026-01-01,0.14,"a\r\nb\r\nc"', // 7, 8, 9
      '   ,  ,  ,  ', // 10: blank
      'GBP,2026-01-01,abc,x', // 11
    ].join('\n')
    expect(await issuesOf(csv)).toEqual([
      { path: ['csv', 6, 'date'], code: 'invalid_date' },
      { path: ['csv', 11, 'usdPerUnit'], code: 'invalid_value' },
    ])
    const crlf = 'currency;date;rate\r\n\r\n\r\nEUR;2026-01-01;"1,08"\r\nXXX;2026-01-01;2\r\n'
    expect(await issuesOf(crlf)).toEqual([{ path: ['csv', 5, 'currency'], code: 'invalid_choice' }])
    expect(await rates()).toEqual([])
  })

  it.each(['0x10', '0b11', '0o7', '1e3', '1E-2', 'Infinity', '-Infinity', '+1.5', '1.2.3', '1_000', '.5'])(
    'refuses the rate %j: plain decimal numbers only',
    async (value) => {
      s = createServices(tempDir())
      const csv = `currency,date,usd_per_unit\nEUR,2026-01-01,1.08\nCNY,2026-01-01,${value}\n`
      expect(await issuesOf(csv)).toEqual([{ path: ['csv', 3, 'usdPerUnit'], code: 'invalid_value' }])
      expect(await rates()).toEqual([])
    },
  )

  it('accepts plain decimals with a point or a comma, and spaces between digits', async () => {
    s = createServices(tempDir())
    const csv =
      'currency;date;rate\nEUR;2026-01-01;1.08\nCNY;2026-01-01;"0,14"\nJPY;2026-01-01;0.0067\nKRW;2026-01-01;1\nIDR;2026-01-01;"0,000 061"\n'
    expect(data<{ imported: number }>(await call('rates:import', { csv })).imported).toBe(5)
    expect((await rates()).map((r) => [r.currency, r.usdPerUnit]).sort()).toEqual([
      ['CNY', 0.14],
      ['EUR', 1.08],
      ['IDR', 0.000061],
      ['JPY', 0.0067],
      ['KRW', 1],
    ])
  })

  it('refuses two rows for the same currency and date, naming both lines', async () => {
    s = createServices(tempDir())
    const csv = [
      'currency,date,usd_per_unit', // 1
      'EUR,2026-01-01,1.08', // 2
      'CNY,2026-01-01,0.14', // 3
      '', // 4
      'eur,2026-01-01,1.09', // 5
      'EUR,2026-01-02,1.09', // 6
      'EUR,2026-01-01,1.08', // 7
    ].join('\n')
    expect(await issuesOf(csv)).toEqual([
      { path: ['csv', 2, 'date'], code: 'duplicate_rate' },
      { path: ['csv', 5, 'date'], code: 'duplicate_rate' },
      { path: ['csv', 7, 'date'], code: 'duplicate_rate' },
    ])
    expect(await rates()).toEqual([])
  })
})
