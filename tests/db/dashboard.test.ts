// The dashboard counts what the screens it links to show: tier moves of a customer's first day
// (its history being entered, the demo load) are its starting tier, not promotions; the churn-risk
// numbers equal the risk grouping's buckets.
import fs from 'node:fs'
import { describe, it, expect, afterEach } from 'vitest'
import { tempDir } from '../helpers/tmp'
import type { Services } from '../../electron/main/services'
import { createServices } from '../../electron/main/services'
import type { Dashboard } from '../../shared/dashboard'

let clock = new Date('2026-12-01T10:00:00Z')
let s: Services | undefined
afterEach(async () => {
  await s?.close()
  s = undefined
})

function open(): Services {
  s = createServices(tempDir(), { now: () => clock })
  return s
}

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const res = await s!.call(channel, input)
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data as T
}

const dashboard = () => ok<Dashboard>('dashboard:get', {})

async function customer(name: string): Promise<string> {
  return (await ok<{ id: string }>('customers:create', { customer: { displayName: name, country: 'FR' } })).id
}

async function order(customerId: string, date: string, amount: number) {
  await ok('orders:create', { customerId, order: { date, amount, currency: 'USD', status: 'paid' } })
}

describe('tier movements', () => {
  it('count a customer’s first-day tier moves as initial tiering, later ones as promotions and demotions', async () => {
    open()
    // Day one: a customer and its past orders, typed in (or loaded as demo data) the same day.
    const a = await customer('Lumière SARL')
    await order(a, '2026-06-01', 150_000) // Ordinary → Small
    await order(a, '2026-07-01', 1_000_000) // Small → Mid
    const b = await customer('Rivage SAS')
    await order(b, '2026-10-01', 6_000_000) // Ordinary → Key
    let month = (await dashboard()).movements.at(-1)!
    expect(month).toEqual({ month: '2026-12', promotions: 0, demotions: 0, initial: 3 })

    // Three days later: a real promotion, and a real demotion (the order is cancelled).
    clock = new Date('2026-12-04T09:00:00Z')
    await order(a, '2026-12-03', 4_000_000) // Mid → Key
    const orders = await ok<{ orders: { id: string; amount: number }[] }>('orders:list', { customerId: b })
    await ok('orders:update', { id: orders.orders[0]!.id, patch: { status: 'cancelled' } }) // Key → Ordinary
    month = (await dashboard()).movements.at(-1)!
    expect(month).toEqual({ month: '2026-12', promotions: 1, demotions: 1, initial: 3 })
    // Eleven earlier months, all without moves.
    expect(
      (await dashboard()).movements.slice(0, 11).every((m) => m.promotions + m.demotions + m.initial === 0),
    ).toBe(true)
  })

  it('recounts existing months by the same rule when the database is upgraded', async () => {
    clock = new Date('2026-12-01T10:00:00Z')
    const services = open()
    const a = await customer('Lumière SARL')
    await order(a, '2026-06-01', 150_000)
    clock = new Date('2026-12-05T10:00:00Z')
    await order(a, '2026-12-05', 1_000_000)
    // What migration 0011 found: months counted by the first trigger, every move a promotion.
    services.db.exec(
      "DELETE FROM tier_movements; INSERT INTO tier_movements (month, promotions, demotions) VALUES ('2026-12', 2, 0)",
    )
    const recount = services.db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'tier_events_movements'")
      .pluck()
      .get() as string
    expect(recount).toContain("'+1 day'")
    // The migration's own recount statement, run again over the stored events.
    const sql = fs
      .readFileSync(new URL('../../migrations/0012_tier_movements_cause.sql', import.meta.url), 'utf8')
      .split('--> statement-breakpoint')
    for (const statement of sql.slice(-2)) services.db.exec(statement)
    expect((await dashboard()).movements.at(-1)).toEqual({
      month: '2026-12',
      promotions: 1,
      demotions: 0,
      initial: 1,
    })
  })
})

describe('tier moves a decision caused', () => {
  it('count as promotions and demotions even on the customer’s first day (a policy saved after the demo load)', async () => {
    clock = new Date('2026-12-01T10:00:00Z')
    open()
    const big = await customer('Six Millions SA')
    await order(big, '2026-10-01', 6_000_000) // Ordinary → Key: its starting tier
    const mid = await customer('Deux Millions SARL')
    await order(mid, '2026-10-01', 2_000_000) // Ordinary → Mid: its starting tier
    clock = new Date('2026-12-01T11:00:00Z')
    // The same day, a stricter policy: Key from 8M (Key → Mid), Mid from 1.5M (unchanged).
    const { policy } = await ok<{ policy: { thresholdsUsd: Record<string, number> } }>('policy:get', {})
    await ok('policy:save', {
      policy: { ...policy, thresholdsUsd: { ...policy.thresholdsUsd, key: 8_000_000 } },
      note: null,
    })
    // And a lock, by hand: Mid → Key.
    await ok('tiers:lock', { customerId: mid, locked: true, tier: 'key', reason: 'Strategic account' })
    expect((await dashboard()).movements.at(-1)).toEqual({
      month: '2026-12',
      promotions: 1,
      demotions: 1,
      initial: 2,
    })
  })
})

describe('churn-risk counts', () => {
  it('equal the risk grouping’s buckets and the customers with either flag', async () => {
    clock = new Date('2026-12-01T10:00:00Z')
    open()
    // Overdue reorder only: a monthly buyer silent since March 2025 (nothing in either half-year).
    const gap = await customer('Silence SA')
    for (const d of ['2025-01-01', '2025-02-01', '2025-03-01']) await order(gap, d, 20_000)
    // Revenue drop only: still ordering every month, a tenth of what it did.
    const drop = await customer('Décrue SARL')
    for (const d of ['2026-01-10', '2026-02-10', '2026-03-10', '2026-04-10', '2026-05-10'])
      await order(drop, d, 100_000)
    for (const d of ['2026-07-10', '2026-08-10', '2026-09-10', '2026-10-10', '2026-11-10'])
      await order(drop, d, 10_000)
    // Both: stopped in April 2026 after a regular rhythm.
    const both = await customer('Arrêt SAS')
    for (const d of ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']) await order(both, d, 50_000)
    // Neither.
    const fine = await customer('Régulier SA')
    for (const d of ['2026-09-01', '2026-10-01', '2026-11-01']) await order(fine, d, 30_000)

    const d = await dashboard()
    expect(d.atRiskCount).toBe(3)
    expect(d.riskCounts).toEqual({ gap: 2, drop: 2 })
    expect(d.atRisk.map((r) => r.id).sort()).toEqual([gap, drop, both].sort())

    // The buckets the dashboard's links open hold the same numbers…
    const { buckets } = await ok<{ buckets: { value: string | null; count: number }[] }>('groups:buckets', {
      grouping: 'risk',
    })
    const count = (v: string | null) => buckets.find((b) => b.value === v)?.count ?? 0
    expect(count('gap')).toBe(d.riskCounts.gap)
    expect(count('drop')).toBe(d.riskCounts.drop)
    expect(count(null)).toBe(d.customers - d.atRiskCount)
    // …and their members are those customers.
    const members = async (value: string) =>
      (
        await ok<{ rows: { id: string }[]; total: number }>('groups:members', {
          selection: { kind: 'builtin', grouping: 'risk', value },
        })
      ).rows
        .map((r) => r.id)
        .sort()
    expect(await members('gap')).toEqual([gap, both].sort())
    expect(await members('drop')).toEqual([drop, both].sort())
    // A smart group "has a churn risk" counts the dashboard's total.
    const anyRisk = await ok<{ total: number }>('groups:members', {
      selection: { kind: 'rules', rules: { match: 'all', conditions: [{ field: 'risk', op: 'not_empty' }] } },
    })
    expect(anyRisk.total).toBe(d.atRiskCount)
  })
})
