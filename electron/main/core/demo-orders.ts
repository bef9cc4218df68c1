// Demo order histories, so a demo base shows real tiers: a few Key accounts, some Mid, many Small
// and Ordinary customers, with quotes, cancellations and returns among the orders. Pure and
// deterministic for a given random source.
import type { OrderInput } from '../../../shared/tiering'
import type { RateInput } from '../../../shared/tiering'
import { addMonths } from './tiering'

/** USD per unit, rounded 2025 levels: enough for demo figures, and editable like any rate. */
export const DEMO_RATES: Record<string, number> = {
  EUR: 1.08,
  CNY: 0.14,
  GBP: 1.27,
  JPY: 0.0067,
  HKD: 0.128,
  AED: 0.2723,
  SAR: 0.2667,
  INR: 0.012,
  BRL: 0.18,
  MXN: 0.055,
  CAD: 0.73,
  AUD: 0.66,
  CHF: 1.13,
  RUB: 0.011,
  TRY: 0.029,
  KRW: 0.00073,
  SGD: 0.74,
  ZAR: 0.054,
  EGP: 0.02,
  NGN: 0.00065,
  VND: 0.000039,
  THB: 0.028,
  IDR: 0.000063,
  MYR: 0.22,
  PLN: 0.25,
}

/** The demo rates as rate inputs effective from `date`. */
export function demoRates(date: string): Required<RateInput>[] {
  return Object.entries(DEMO_RATES).map(([currency, usdPerUnit]) => ({
    currency: currency as Required<RateInput>['currency'],
    date,
    usdPerUnit,
  }))
}

// Yearly revenue bands in USD and how often each occurs: roughly 2 % Key, 8 % Mid, 30 % Small.
const PROFILES = [
  { share: 0.3, yearlyUsd: [0, 0] },
  { share: 0.3, yearlyUsd: [5_000, 95_000] },
  { share: 0.3, yearlyUsd: [110_000, 900_000] },
  { share: 0.08, yearlyUsd: [1_100_000, 4_500_000] },
  { share: 0.02, yearlyUsd: [5_500_000, 12_000_000] },
] as const

/**
 * About three years of orders for one customer in its currency, ending `today`. Prospects (a
 * third) get none or only quotes; buyers order at their own rhythm, some slow down or stop.
 */
export function generateDemoOrders(rng: () => number, currency: string, today: string): OrderInput[] {
  let r = rng()
  const profile = PROFILES.find((p) => (r -= p.share) < 0) ?? PROFILES[0]
  const rate = currency === 'USD' ? 1 : (DEMO_RATES[currency] ?? 1)
  const code = (currency in DEMO_RATES || currency === 'USD' ? currency : 'USD') as OrderInput['currency']
  const orders: OrderInput[] = []
  if (profile.yearlyUsd[1] === 0) {
    if (rng() < 0.4)
      orders.push({
        date: addMonths(today, -Math.floor(rng() * 6)),
        amount: round(20_000 + rng() * 80_000, rate),
        currency: code,
        status: 'quoted',
      })
    return orders
  }
  const yearly = profile.yearlyUsd[0] + rng() * (profile.yearlyUsd[1] - profile.yearlyUsd[0])
  const perYear = 2 + Math.floor(rng() * 10)
  // Some customers fade: their recent year is much smaller, which the churn rules should notice.
  const fading = rng() < 0.15
  const months = 36
  const gap = 12 / perYear
  for (let m = months - rng() * gap; m > 0; m -= gap * (0.6 + rng() * 0.8)) {
    const monthsAgo = Math.floor(m)
    const recent = monthsAgo < 12
    if (fading && recent && rng() < 0.7) continue
    const date = addMonths(today, -monthsAgo)
    const usd = (yearly / perYear) * (0.5 + rng())
    const roll = rng()
    const status: OrderInput['status'] =
      roll < 0.06
        ? 'quoted'
        : roll < 0.09
          ? 'cancelled'
          : monthsAgo < 1
            ? 'confirmed'
            : monthsAgo < 2
              ? 'shipped'
              : 'paid'
    const amount = round(usd, rate)
    const returned = status === 'paid' && rng() < 0.05 ? Math.round(amount * (0.02 + rng() * 0.1)) : 0
    orders.push({
      date,
      amount,
      currency: code,
      status,
      returned,
      reference: `PO-${date.slice(0, 4)}-${Math.floor(rng() * 90_000 + 10_000)}`,
    })
  }
  return orders
}

function round(usd: number, rate: number): number {
  return Math.round(usd / rate / 10) * 10
}
