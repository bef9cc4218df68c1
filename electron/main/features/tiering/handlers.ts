// Tiering over IPC (T1–T7): a customer's tier with its reasons, manager locks, the versioned policy
// with its preview, and re-evaluation runs. Whole-base passes are jobs in the worker.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { metaSet } from '../../db/device'
import { RETIER_PENDING } from '../../jobs/definitions'
import { evaluateCustomer } from '../../core/tiering'

export function tieringHandlers(ctx: AppContext): HandlerModule {
  const { db, customers, tiers, figures, policies, retier, jobs, changes } = ctx

  /**
   * The stored tier and its history, with segment, stage and risk flags explained from the stored
   * figures by the pure engine: nothing is written, so a read can never move a tier.
   */
  function tierState(customerId: string) {
    const stored = tiers.state(customerId)
    const policy = policies.current()
    const e = evaluateCustomer(
      customerId,
      figures.stored(customerId),
      ctx.today(),
      policy,
      stored.tier,
      tiers.lockOf(customerId),
      tiers.rfmBounds(),
    )
    return {
      ...stored,
      segment: e.segment,
      stage: e.stage,
      risks: e.risks,
      service: policy.service[stored.tier],
    }
  }

  return {
    'tiers:get': (input) => {
      customers.requireLive(input.customerId)
      return tierState(input.customerId)
    },
    'tiers:lock': (input) => {
      if (input.locked) tiers.setLock(input.customerId, input.tier, input.reason, null)
      else tiers.setLock(input.customerId, null, null, null)
      return tierState(input.customerId)
    },
    'policy:get': () => ({ policy: policies.current(), versions: policies.versions() }),
    // A whole-base evaluation (with a new window, from every customer's orders): a worker job.
    'policy:preview': (input) => jobs.run('preview', { policy: input.policy }),
    'policy:save': async (input) => {
      const preview = await jobs.run('preview', { policy: input.policy })
      // The version and "re-tier pending" commit together: a start-up that finds the flag (the app
      // was closed or crashed mid-way) runs the re-tier again, so no half-tiered base survives.
      const version = db
        .transaction(() => {
          const v = policies.save(input.policy, input.note ?? null)
          metaSet(db, RETIER_PENDING, String(v))
          return v
        })
        .immediate()
      // The re-tier's own tier events lie between these two ids: the moves listed for the version.
      const afterEventId = policies.lastEventId()
      const result = await jobs.run('retier', {})
      policies.recordRetier(version, {
        moved: result.moves,
        afterEventId,
        upToEventId: policies.lastEventId(),
      })
      changes.touch('meta')
      return { version, preview, moved: result.moves }
    },
    'policy:moves': (input) => policies.moves(input.version, input.limit),
    'reviews:run': () => jobs.run('review', {}),
    'reviews:get': (input) => retier.review(input.id),
    'reviews:decide': (input) => retier.decide(input.id, input.decision, input.customerIds),
  }
}
