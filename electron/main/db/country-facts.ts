// The country lookup (region, continent) that groups and filters join against: derived from the
// shipped country data, refilled when it differs from what is stored.
import type { Db } from './connection'
import { allCountryFacts } from '../core/geo'

/** Fills the country lookup when it is missing or was filled from other data; a no-op otherwise. */
export function refreshCountryFacts(db: Db): void {
  const facts = allCountryFacts()
  if ((db.prepare('SELECT count(*) FROM country_facts').pluck().get() as number) === facts.length) return
  const upsert = db.prepare(
    'INSERT OR REPLACE INTO country_facts (code, region, subregion, continent) VALUES (?, ?, ?, ?)',
  )
  db.transaction(() => {
    for (const [code, f] of facts) upsert.run(code, f.region, f.subregion, f.continent)
  }).immediate()
}
