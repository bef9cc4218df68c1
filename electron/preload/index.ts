// The preload exposes one allow-listed `invoke` over the contract's channels and one event
// subscription over its events — nothing raw (no ipcRenderer, no send, no arbitrary channel).
// It runs sandboxed, so it imports only electron and the plain list of channel names.
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, EVENTS } from '../../shared/channels'
import type { Channel, EventName } from '../../shared/channels'

const channels: ReadonlySet<string> = new Set(CHANNELS)
const events: ReadonlySet<string> = new Set(EVENTS)

const api = {
  invoke(channel: Channel, input: unknown): Promise<unknown> {
    if (!channels.has(channel)) throw new Error(`unknown channel: ${String(channel)}`)
    return ipcRenderer.invoke(channel, input)
  },
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`unknown event: ${String(event)}`)
    const wrapped = (_e: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => ipcRenderer.removeListener(event, wrapped)
  },
}

contextBridge.exposeInMainWorld('tradetier', api)
