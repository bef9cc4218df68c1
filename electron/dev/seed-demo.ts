// Fills a data directory with generated demo customers, through the same write path as the app.
//
//   npm run seed:demo -- --customers 5000 --data-dir ./.tmp/harness-data [--seed 1]
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createServices } from '../main/services'
import { loadDemo } from '../main/features/demo/load'

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '500' },
    'data-dir': { type: 'string', default: path.resolve('.tmp/harness-data') },
    seed: { type: 'string', default: '1' },
    // Orders make the demo show tiers; leave them out for a quick base of profiles only.
    'no-orders': { type: 'boolean', default: false },
  },
})

const count = Number(values.customers)
if (!Number.isInteger(count) || count < 1) {
  console.error('--customers must be a positive whole number')
  process.exit(2)
}
const services = createServices(path.resolve(values['data-dir']))
const started = Date.now()
const created = await loadDemo(
  services.db,
  { customers: services.customers, orders: values['no-orders'] ? undefined : services.orders },
  count,
  (done: number, total: number) => {
    if (done % 5000 === 0 || done === total) process.stdout.write(`\r${done}/${total}`)
  },
  Number(values.seed),
)
// One pass over the base stores RFM segments, stages and risk flags with the base's quintiles.
await services.retier.daily()
console.log(
  `\nCreated ${created} customers in ${((Date.now() - started) / 1000).toFixed(1)} s in ${services.dataDir}`,
)
await services.close()
