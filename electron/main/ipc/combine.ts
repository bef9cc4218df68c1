// Handlers by domain, combined at one root (Actual Budget's app.combine): each feature exports
// its part of the map, and the composition root merges them. A channel claimed twice, or left
// without a handler, stops the app at start rather than answering the wrong call.
import type { Handlers } from './dispatch'
import { CHANNELS } from '../../../shared/channels'

/** A feature's handlers: its share of the contract's channels. */
export type HandlerModule = Partial<Handlers>

export function combine(...modules: HandlerModule[]): Handlers {
  const out: Partial<Handlers> = {}
  for (const m of modules) {
    for (const channel of Object.keys(m) as (keyof Handlers)[]) {
      if (out[channel]) throw new Error(`two handlers for ${channel}`)
      Object.assign(out, { [channel]: m[channel] })
    }
  }
  const missing = CHANNELS.filter((c) => !out[c])
  if (missing.length > 0) throw new Error(`no handler for ${missing.join(', ')}`)
  return out as Handlers
}
