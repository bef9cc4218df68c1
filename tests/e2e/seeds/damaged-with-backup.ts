// Seeds a data directory whose live database is damaged (its header overwritten, so start-up
// cannot open it) while backups/ holds a good backup with two customers (see 11-backups.spec.ts).
// Run as its own process (node --import tsx … <dataDir>), like the other seeds.
import fs from 'node:fs'
import path from 'node:path'
import { createServices } from '../../../electron/main/services'
import { DB_FILE_NAME } from '../../../electron/main/db/connection'
import { caller, data } from '../../helpers/tmp'

export async function damagedWithBackup(dataDir: string) {
  const s = createServices(dataDir, { appVersion: '0.0.1' })
  const call = caller(() => s)
  try {
    for (const displayName of ['Atelier Lumière', '宁波海运贸易'])
      data(await call('customers:create', { customer: { displayName, country: 'FR' }, contacts: [] }))
    data(await call('backups:create', {}))
    data(
      await call('customers:create', {
        customer: { displayName: 'After the backup', country: 'FR' },
        contacts: [],
      }),
    )
  } finally {
    await s.close()
  }
  const fd = fs.openSync(path.join(dataDir, DB_FILE_NAME), 'r+')
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0)
  fs.closeSync(fd)
}

if (process.argv[2]) await damagedWithBackup(process.argv[2])
