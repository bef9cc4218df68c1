// Greeting settings of this device (meta, like the UI language): the lead time of each occasion
// and the name that signs greetings. today.ts reads the lead times to list greetings coming.
import type { Db } from '../../db/connection'
import { metaRead, metaSet } from '../../db/device'
import { AppFailure } from '../../../../shared/errors'
import {
  DEFAULT_LEAD_DAYS,
  GREETING_OCCASIONS,
  MAX_LEAD_DAYS,
  type GreetingOccasion,
  type GreetingSettings,
} from '../../../../shared/greetings'

const LEAD_KEY = 'greeting_lead_days'
const SENDER_KEY = 'greeting_sender'

/** The lead days set per occasion (only those set; the rest use DEFAULT_LEAD_DAYS). */
export function readLeadDays(db: Db): Partial<Record<GreetingOccasion, number>> {
  const raw = metaRead(db, LEAD_KEY)
  if (!raw) return {}
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>
    const out: Partial<Record<GreetingOccasion, number>> = {}
    // A value another version wrote outside the range is ignored rather than trusted.
    for (const o of GREETING_OCCASIONS) {
      const v = parsed[o]
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_LEAD_DAYS) out[o] = v
    }
    return out
  } catch {
    return {}
  }
}

/** Days before `occasion` its greeting is due. */
export function leadDaysOf(leads: Partial<Record<GreetingOccasion, number>>, occasion: GreetingOccasion) {
  return leads[occasion] ?? DEFAULT_LEAD_DAYS
}

export function readSettings(db: Db): GreetingSettings {
  const sender = metaRead(db, SENDER_KEY)
  return { leadDays: readLeadDays(db), sender: sender ? sender : null }
}

/** Saves what is given; a lead time outside 0–30 refuses the whole call, nothing written. */
export function saveSettings(
  db: Db,
  patch: { leadDays?: Partial<Record<GreetingOccasion, number>>; sender?: string | null },
): GreetingSettings {
  const leads = readLeadDays(db)
  for (const [occasion, days] of Object.entries(patch.leadDays ?? {}) as [GreetingOccasion, number][]) {
    if (!Number.isInteger(days) || days < 0 || days > MAX_LEAD_DAYS)
      throw new AppFailure('validation', [{ path: ['leadDays', occasion], code: 'invalid_value' }], {
        leadDays: { occasion, min: 0, max: MAX_LEAD_DAYS },
      })
    leads[occasion] = days
  }
  db.transaction(() => {
    if (patch.leadDays) metaSet(db, LEAD_KEY, JSON.stringify(leads))
    if (patch.sender !== undefined) metaSet(db, SENDER_KEY, patch.sender?.trim() ?? '')
  })()
  return readSettings(db)
}
