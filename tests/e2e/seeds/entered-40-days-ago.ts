// Seeds a data directory with customers entered 40 days ago (see 07-policy.spec.ts), through the
// same IPC calls under the services' clock set to that day. Run as its own process
// (node --import tsx … <dataDir>): the services read JSON modules (the locale files an export
// uses), which Node loads only through tsx, not through the test runner's loader.
import { createServices } from '../../../electron/main/services'
import { localToday } from '../../../shared/dates'
import type { OrderStatus } from '../../../shared/tiering'
import { caller, data } from '../../helpers/tmp'

const dayOf = (day: string, delta: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10)

export async function enteredFortyDaysAgo(dataDir: string) {
  const T = localToday()
  const S = dayOf(T, -40)
  const s = createServices(dataDir, { now: () => new Date(`${S}T12:00:00`) })
  const call = caller(() => s)
  try {
    const customer = async (
      displayName: string,
      country: string,
      orders: [string, number, OrderStatus][],
    ) => {
      const { id } = data(
        await call('customers:create', { customer: { displayName, country }, contacts: [] }),
      )
      for (const [date, amount, status] of orders)
        data(
          await call('orders:create', { customerId: id, order: { date, amount, currency: 'USD', status } }),
        )
      return id
    }
    await customer('Nordlicht Handels GmbH', 'DE', [
      [dayOf(S, -20), 80_000, 'paid'],
      [dayOf(T, -30), 1_000_000, 'confirmed'],
    ])
    await customer('Falcon Gulf Trading', 'AE', [
      [dayOf(T, -380), 1_200_000, 'paid'],
      [dayOf(S, -5), 150_000, 'paid'],
    ])
    await customer('Band Keeper Ltd', 'GB', [
      [dayOf(T, -380), 100_000, 'paid'],
      [dayOf(S, -10), 980_000, 'paid'],
    ])
    const locked = await customer('Harbour Lock Trading', 'SG', [[dayOf(T, -380), 2_000_000, 'paid']])
    data(
      await call('tiers:lock', {
        customerId: locked,
        locked: true,
        tier: 'mid',
        reason: 'Framework contract',
      }),
    )
    await customer('Steady Key Imports', 'US', [[dayOf(T, -100), 6_000_000, 'paid']])
    // As entered on S: the moves above are all still ahead.
    const rows = data(await call('customers:list', { limit: 10 })).rows
    const tiers = JSON.stringify(Object.fromEntries(rows.map((r) => [r.displayName, r.tier]).sort()))
    const expected = JSON.stringify(
      Object.fromEntries(
        Object.entries({
          'Nordlicht Handels GmbH': 'ordinary',
          'Falcon Gulf Trading': 'mid',
          'Band Keeper Ltd': 'mid',
          'Harbour Lock Trading': 'mid',
          'Steady Key Imports': 'key',
        }).sort(),
      ),
    )
    if (tiers !== expected) throw new Error(`seeded tiers ${tiers}, expected ${expected}`)
  } finally {
    await s.close()
  }
}

const dir = process.argv[2]
if (!dir) throw new Error('usage: entered-40-days-ago.ts <dataDir>')
await enteredFortyDaysAgo(dir)
