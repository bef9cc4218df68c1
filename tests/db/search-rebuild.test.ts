import { describe, it, expect } from 'vitest'
import { createServices } from '../../electron/main/services'
import { tempDir } from '../helpers/tmp'
import { dispatch } from '../../electron/main/ipc/dispatch'

describe('derived search data', () => {
  it('is rebuilt from the synced facts when the index version changes', async () => {
    const dir = tempDir()
    const first = createServices(dir)
    const res = await dispatch(
      first.ipc,
      'customers:create',
      {
        customer: { displayName: '青岛海韵贸易有限公司', country: 'CN' },
        contacts: [{ name: 'Wang', emails: ['w@haiyun.cn'] }],
      },
      true,
    )
    expect(res.ok).toBe(true)
    // Simulate a database indexed by an older app: derived tables empty, old version recorded.
    first.db.exec(
      "DELETE FROM customer_fts; DELETE FROM search_docs; DELETE FROM search_grams; DELETE FROM match_keys; UPDATE meta SET value = '1' WHERE key = 'search_index_version'",
    )
    expect(first.customers.searchCustomers('haiyun', 5)).toEqual([])
    await first.close()

    const second = createServices(dir)
    expect(second.customers.searchCustomers('haiyun', 5).map((h) => h.displayName)).toEqual([
      '青岛海韵贸易有限公司',
    ])
    expect(second.customers.findDuplicates({}, [{ emails: ['W@haiyun.cn'] }]).map((d) => d.reasons)).toEqual([
      ['email', 'domain'],
    ])
    await second.close()
  })
})
