// Devices for sync tests: each its own data directory and SQLite file, closed after the test that
// made it (a vitest helper: call it at the top of a test file).
import { afterEach } from 'vitest'
import type { Services } from '../../electron/main/services'
import { tempServices } from './tmp'

export function devicesPerTest(): {
  device: () => Services
  /** Closes these devices now (a property's run makes and ends its own). */
  release: (devices: readonly Services[]) => Promise<void>
} {
  let open: Services[] = []
  afterEach(async () => {
    await Promise.all(open.map((s) => s.close()))
    open = []
  })
  return {
    device: () => {
      const s = tempServices()
      open.push(s)
      return s
    },
    release: async (devices) => {
      open = open.filter((s) => !devices.includes(s))
      await Promise.all(devices.map((d) => d.close()))
    },
  }
}
