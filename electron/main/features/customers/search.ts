// The local search index (DERIVED, never synced): an FTS5 trigram table for queries of three or
// more characters, and a table of 1–2 character grams for the short queries trigram cannot answer
// (a single Chinese surname, "李", or the first letters typed). Both are rebuilt for a customer
// inside the transaction that changed it.
import type { Db } from '../../db/connection'
import { writeScope } from '../../db/writer'
import { metaRead } from '../../db/device'
import {
  digitsOnly,
  emailDomain,
  hasHan,
  joinedWords,
  nameKey,
  normalizeText,
  pinyinForms,
  sortKey,
  spelledOut,
  websiteDomain,
  withoutPlaceUnits,
} from '../../core/text'
import type { SearchHit } from '../../../../shared/contract'
import { cityNames } from '../../core/cities'

type IndexSource = {
  display_name: string
  original_name: string | null
  latin_name: string | null
  country: string | null
  city: string | null
  website: string | null
  deleted_at: string | null
}
type ContactSource = { name: string; emails: string; phones: string; messaging: string }

type HitRow = Omit<IndexSource, 'deleted_at'> & {
  id: string
  owner: string | null
  sort_name: string
  tier: SearchHit['tier']
}

const NAME_SEPARATOR = '\n'

/**
 * Everything a user may type to find a customer: names (also found by pinyin), the city in each
 * of its known names (上海, Shanghai; Pékin, Beijing) and the rest (domains, emails, phone
 * digits, messaging handles).
 */
export function searchFields(
  c: IndexSource,
  contacts: readonly ContactSource[],
): { names: string[]; places: string[]; other: string[] } {
  const names = [c.display_name, c.original_name, c.latin_name, ...contacts.map((k) => k.name)].filter(
    (s): s is string => !!s,
  )
  const places = c.city ? cityNames(c.country, c.city) : []
  const other: string[] = []
  const domain = websiteDomain(c.website)
  if (domain) other.push(domain)
  for (const k of contacts) {
    for (const e of JSON.parse(k.emails) as string[]) other.push(e, emailDomain(e))
    for (const p of JSON.parse(k.phones) as string[]) other.push(digitsOnly(p))
    for (const m of JSON.parse(k.messaging) as { handle: string }[]) other.push(m.handle)
  }
  return { names, places, other }
}

/** The trigram document and the short grams for one customer. */
export function buildIndexEntry(
  c: IndexSource,
  contacts: readonly ContactSource[],
): { body: string; grams: Set<string> } {
  const { names, places, other } = searchFields(c, contacts)
  const lines: string[] = []
  const grams = new Set<string>()
  for (const raw of names) {
    const n = normalizeText(raw)
    lines.push(n)
    addWordPrefixes(n, grams)
    const spelled = spelledOut(raw)
    if (spelled && spelled !== n) {
      lines.push(spelled)
      addWordPrefixes(spelled, grams)
    }
    // "Al-Noor" is also typed "al noor", "O'Brien" "o brien".
    const spaced = withoutJoiners(n)
    if (spaced) lines.push(spaced)
    if (!hasHan(n)) continue
    // 深圳市立诚 is also typed 深圳立诚, "shenzhen licheng" or "szlc": the form without the unit
    // of its place goes in beside the name as written.
    const short = withoutPlaceUnits(n)
    for (const form of short ? [n, short] : [n]) {
      if (form !== n) lines.push(form)
      addHanGrams(form, grams)
      const py = pinyinForms(form)
      if (py) {
        // "zhangwei", "zhang wei" and the initials "zw" are all ways people type 张伟.
        lines.push(py.joined, py.syllables.join(' '), py.initials)
        for (const s of py.syllables) addPrefixes(s, grams)
        addPrefixes(py.initials, grams)
      }
    }
  }
  for (const raw of places) {
    const n = normalizeText(raw)
    lines.push(n)
    addWordPrefixes(n, grams)
    // "上海" is two characters: only the short grams can answer it.
    if (hasHan(n)) addHanGrams(n, grams)
  }
  for (const raw of other) {
    const n = normalizeText(raw)
    lines.push(n)
    addWordPrefixes(n, grams)
  }
  return { body: lines.join(NAME_SEPARATOR), grams }
}

function addPrefixes(word: string, grams: Set<string>) {
  if (word.length >= 1) grams.add(word.slice(0, 1))
  if (word.length >= 2) grams.add(word.slice(0, 2))
}

function addWordPrefixes(text: string, grams: Set<string>) {
  for (const w of text.split(/[^\p{L}\p{N}]+/u)) if (w && !hasHan(w)) addPrefixes(w, grams)
}

function addHanGrams(text: string, grams: Set<string>) {
  const chars = [...text]
  for (let i = 0; i < chars.length; i++) {
    if (!hasHan(chars[i]!)) continue
    grams.add(chars[i]!)
    if (i + 1 < chars.length && hasHan(chars[i + 1]!)) grams.add(chars[i]! + chars[i + 1]!)
  }
}

export type MatchKind = 'name' | 'email' | 'phone' | 'domain'

// Shared by strangers, so they say nothing about which company an email belongs to.
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'icloud.com',
  'aol.com',
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'foxmail.com',
  'mail.ru',
  'yandex.ru',
  'gmx.de',
  'web.de',
  'orange.fr',
  'free.fr',
])

/** The exact-match key for one value, or null when the value says too little to match on. */
export function matchKey(kind: MatchKind, value: string): string | null {
  switch (kind) {
    case 'name': {
      const key = nameKey(value)
      return key.length >= 2 ? `n:${key}` : null
    }
    case 'email':
      return value.includes('@') ? `e:${value.trim().toLowerCase()}` : null
    case 'phone': {
      const digits = digitsOnly(value)
      return digits.length >= 7 ? `p:${digits}` : null
    }
    case 'domain': {
      const d = value.trim().toLowerCase()
      return d.includes('.') && !FREE_MAIL.has(d) ? `d:${d}` : null
    }
  }
}

function matchKeys(c: IndexSource, contacts: readonly ContactSource[]): Set<string> {
  const keys = new Set<string>()
  const add = (k: string | null) => k && keys.add(k)
  for (const name of [c.display_name, c.original_name, c.latin_name]) if (name) add(matchKey('name', name))
  const site = websiteDomain(c.website)
  if (site) add(matchKey('domain', site))
  for (const k of contacts) {
    for (const e of JSON.parse(k.emails) as string[]) {
      add(matchKey('email', e))
      add(matchKey('domain', emailDomain(e)))
    }
    for (const p of JSON.parse(k.phones) as string[]) add(matchKey('phone', p))
  }
  return keys
}

// Hyphens, apostrophes and dots that join or shorten words: people type them or a space.
const JOINERS_RE = /(?<=\p{L})[-'’.](?=\p{L})/gu

/** The text with word joiners between letters as spaces; null when it has none. */
function withoutJoiners(text: string): string | null {
  const out = text.replace(JOINERS_RE, ' ')
  return out === text ? null : out
}

/** Turns what the user typed into the form the index holds; phone-like input becomes digits. */
export function normalizeQuery(query: string): string {
  const q = normalizeText(query)
  // A website typed whole ("https://www.mueller-handel.de/") is found by its domain, as indexed.
  if (/^(https?:\/\/|www\.)\S+$/.test(q)) return websiteDomain(q) ?? q
  if (/^[+\d][\d\s().-]{2,}$/.test(q) && digitsOnly(q).length >= 3) return phoneDigits(q)
  return q
}

/**
 * The digits of a typed phone number as they appear in a stored one (E.164 digits): a salesperson
 * types the national form with its trunk 0 ("0755 8888 1234", "040 1234567") or the 00 of an
 * international call, and neither is in "+86 755…". Leading zeros go, unless too little is left.
 */
function phoneDigits(typed: string): string {
  const digits = digitsOnly(typed)
  const bare = digits.replace(/^0+/, '')
  return bare.length >= 3 ? bare : digits
}

const GRAMS_ADD = 'INSERT OR IGNORE INTO search_grams (gram, doc) VALUES'
const KEYS_ADD = 'INSERT OR IGNORE INTO match_keys (key, customer_id) VALUES'
const PAIRS_PER_INSERT = 200

export class SearchIndex {
  private readonly stmts

  constructor(private readonly db: Db) {
    this.stmts = {
      source: db.prepare(
        'SELECT display_name, original_name, latin_name, country, city, website, deleted_at FROM customers WHERE id = ?',
      ),
      contacts: db.prepare(
        'SELECT name, emails, phones, messaging FROM contacts WHERE customer_id = ? AND deleted_at IS NULL',
      ),
      docGet: db.prepare('SELECT doc FROM search_docs WHERE customer_id = ?').pluck(),
      docAdd: db.prepare('INSERT INTO search_docs (customer_id) VALUES (?)'),
      docDel: db.prepare('DELETE FROM search_docs WHERE doc = ?'),
      ftsDel: db.prepare('DELETE FROM customer_fts WHERE rowid = ?'),
      ftsAdd: db.prepare('INSERT INTO customer_fts (rowid, body) VALUES (?, ?)'),
      gramsDel: db.prepare('DELETE FROM search_grams WHERE doc = ?'),
      trigram: db.prepare(`${TRIGRAM_IDS} LIMIT ?`).pluck(),
      short: db.prepare(`${SHORT_IDS} LIMIT ?`).pluck(),
      hitRows: db.prepare(
        `SELECT c.id, c.display_name, c.original_name, c.latin_name, c.country, c.city, c.website, c.owner, c.sort_name,
           coalesce((SELECT t.tier FROM customer_tiers t WHERE t.customer_id = c.id), 'ordinary') AS tier
         FROM customers c WHERE c.id IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL`,
      ),
      keysDel: db.prepare('DELETE FROM match_keys WHERE customer_id = ?'),
      byKey: db.prepare('SELECT customer_id FROM match_keys WHERE key = ? LIMIT 50').pluck(),
    }
  }

  /** Rebuilds the entries of these customers from their current rows (removes deleted ones). */
  reindex(customerIds: Iterable<string>): void {
    const s = this.stmts
    // One write can ask twice for the same customer (its row, then its contacts): an entry
    // already written in this write from the very same values is left as it is.
    const scope = writeScope(this.db)
    if (this.written.scope !== scope) this.written = { scope, sources: new Map() }
    for (const id of customerIds) {
      const src = s.source.get(id) as IndexSource | undefined
      const contacts = src && !src.deleted_at ? (s.contacts.all(id) as ContactSource[]) : null
      const source = contacts ? JSON.stringify([src, contacts]) : null
      if (scope && source !== null && this.written.sources.get(id) === source) continue
      this.written.sources.delete(id)
      // A customer keeps its doc number for life, so re-indexing rewrites rows in place.
      let doc = s.docGet.get(id) as number | undefined
      if (doc !== undefined) {
        s.ftsDel.run(doc)
        s.gramsDel.run(doc)
      }
      s.keysDel.run(id)
      if (!src || !contacts) {
        if (doc !== undefined) s.docDel.run(doc)
        continue
      }
      this.insertPairs(
        KEYS_ADD,
        [...matchKeys(src, contacts)].map((key) => [key, id]),
      )
      const { body, grams } = buildIndexEntry(src, contacts)
      doc ??= Number(s.docAdd.run(id).lastInsertRowid)
      s.ftsAdd.run(doc, body)
      this.insertPairs(
        GRAMS_ADD,
        [...grams].map((g) => [g, doc]),
      )
      if (scope && source !== null) this.written.sources.set(id, source)
    }
  }

  /** What reindex wrote during the write in progress: the source of each customer's entry. */
  private written: { scope: object | undefined; sources: Map<string, string> } = {
    scope: undefined,
    sources: new Map(),
  }

  private readonly multiRow = new Map<string, ReturnType<Db['prepare']>>()

  /** Inserts a customer's grams or keys a few hundred rows a statement instead of one. */
  private insertPairs(head: string, rows: readonly [string, string | number][]): void {
    for (let i = 0; i < rows.length; i += PAIRS_PER_INSERT) {
      const chunk = rows.slice(i, i + PAIRS_PER_INSERT)
      const sql = `${head} ${chunk.map(() => '(?, ?)').join(', ')}`
      let stmt = this.multiRow.get(sql)
      if (!stmt) {
        stmt = this.db.prepare(sql)
        this.multiRow.set(sql, stmt)
      }
      stmt.run(chunk.flat())
    }
  }

  /** Customers sharing an exact match key (see matchKeys); at most 50. */
  sameKey(kind: MatchKind, value: string): string[] {
    const key = matchKey(kind, value)
    return key ? (this.stmts.byKey.all(key) as string[]) : []
  }

  /**
   * Bumped when what the index holds changes. A database indexed by an older version keeps
   * answering from its index while a background job rebuilds it after start (jobs/background.ts);
   * the version in meta moves only when that job ends, so a rebuild cut short runs again.
   * 5: cities in all their names, messaging handles, Chinese names without their place's unit.
   * 6: latin names with ü, ß, ø… also spelled out (mueller, weiss, sorensen).
   * 7: names with a hyphen, apostrophe or dot between letters also with a space there.
   */
  static readonly VERSION = 7
  /** The meta key holding the version the index was last built by. */
  static readonly VERSION_KEY = 'search_index_version'

  /** Whether the index was built by an older version and a rebuild is due. */
  static rebuildDue(db: Db): boolean {
    return metaRead(db, SearchIndex.VERSION_KEY) !== String(SearchIndex.VERSION)
  }

  /**
   * Rebuilds every customer's entry from its rows, a batch per transaction, yielding between
   * batches (a background job after an upgrade that changed what is indexed). The index answers
   * all along: each entry is replaced whole, the old form until the new one is written.
   */
  async reindexAll(
    progress: (done: number, total: number) => void = () => undefined,
    batch = 100,
  ): Promise<number> {
    const ids = this.db.prepare('SELECT id FROM customers').pluck().all() as string[]
    for (let i = 0; i < ids.length; i += batch) {
      // IMMEDIATE: the rows are read under the write lock, so a customer the window saves
      // meanwhile cannot be overwritten by an entry built from its older row. A hundred customers
      // hold the lock about 0.1 s, so a save in the window waits no longer than that.
      this.db.transaction(() => this.reindex(ids.slice(i, i + batch))).immediate()
      progress(Math.min(i + batch, ids.length), ids.length)
      await new Promise((resolve) => setImmediate(resolve))
    }
    return ids.length
  }

  /** Rebuilds the whole index from empty, in one transaction (a base found with no index). */
  rebuildAll(): number {
    let ids: string[] = []
    this.db
      .transaction(() => {
        // Read under the write lock: a customer another connection saves meanwhile is either
        // here or written after, with its own entry — never wiped out by the delete below.
        ids = this.db.prepare('SELECT id FROM customers WHERE deleted_at IS NULL').pluck().all() as string[]
        this.written = { scope: undefined, sources: new Map() }
        this.db.exec(
          'DELETE FROM customer_fts; DELETE FROM search_docs; DELETE FROM search_grams; DELETE FROM match_keys',
        )
        this.reindex(ids)
      })
      .immediate()
    return ids.length
  }

  /** Search-as-you-type: the customers a query finds, best matches first (at most `limit`). */
  hits(query: string, limit: number): SearchHit[] {
    const ids = this.candidates(query, 150)
    if (ids.length === 0) return []
    const q = normalizeText(query)
    // As the index was asked: a website typed whole is its domain, a phone number its digits.
    const asked = normalizeQuery(query)
    const rows = this.stmts.hitRows.all(JSON.stringify(ids)) as HitRow[]
    // Ranking runs on every keystroke over up to 150 candidates, so it avoids pinyin and
    // script conversion: the stored sort key already holds the pinyin of the display name.
    const qCompact = sortKey(q).replace(/\s+/g, '')
    const scored = rows.map((r) => {
      const names = [r.display_name, r.original_name, r.latin_name]
        .filter((s): s is string => !!s)
        .map(quickFold)
      const sortCompact = r.sort_name.replace(/\s+/g, '')
      let score = 3
      if (names.some((n) => n === q) || sortCompact === qCompact) score = 0
      else if (names.some((n) => n.startsWith(q)) || sortCompact.startsWith(qCompact)) score = 1
      else if (names.some((n) => n.includes(q)) || sortCompact.includes(qCompact)) score = 2
      return { r, score }
    })
    scored.sort((a, b) => a.score - b.score || a.r.sort_name.localeCompare(b.r.sort_name))
    return scored.slice(0, limit).map(({ r, score }) => ({
      id: r.id,
      displayName: r.display_name,
      originalName: r.original_name,
      country: r.country,
      city: r.city,
      tier: r.tier,
      owner: r.owner,
      matched: score <= 2 ? null : this.matchedField(r, q, asked),
    }))
  }

  /** Names the field that matched when it is not the customer's own name (a contact, an email…). */
  private matchedField(r: HitRow, q: string, asked: string): string | null {
    // Only a query typed as a phone number is matched against phones ("junzhao7891" is not).
    const qDigits = /^\d+$/.test(asked) ? asked : ''
    // The city as the customer's record holds it, whichever of its names was typed.
    if (r.city && cityNames(r.country, r.city).some((n) => normalizeText(n).includes(q))) return r.city
    const domain = websiteDomain(r.website)
    if (domain && (domain.includes(q) || domain.includes(asked))) return domain
    const joined = joinedWords(q)
    for (const k of this.stmts.contacts.all(r.id) as ContactSource[]) {
      const py = pinyinForms(k.name)?.joined ?? ''
      if (normalizeText(k.name).includes(q) || py.includes(q) || (joined && py.includes(joined)))
        return k.name
      for (const e of JSON.parse(k.emails) as string[]) if (e.includes(q)) return e
      for (const p of JSON.parse(k.phones) as string[])
        if (qDigits.length >= 3 && digitsOnly(p).includes(qDigits)) return p
      for (const m of JSON.parse(k.messaging) as { handle: string }[])
        if (normalizeText(m.handle).includes(q)) return m.handle
    }
    return null
  }

  /** Candidate customer ids for a query (unordered, at most `limit`); empty for an empty query. */
  candidates(query: string, limit: number): string[] {
    const m = queryMatch(query)
    if (!m) return []
    return (m.short ? this.stmts.short : this.stmts.trigram).all(m.param, limit) as string[]
  }
}

const TRIGRAM_IDS =
  'SELECT d.customer_id FROM customer_fts f JOIN search_docs d ON d.doc = f.rowid WHERE customer_fts MATCH ?'
const SHORT_IDS =
  'SELECT d.customer_id FROM search_grams g JOIN search_docs d ON d.doc = g.doc WHERE g.gram = ?'

/** How the index answers a query: a short gram (1–2 characters) or a trigram MATCH expression. */
function queryMatch(query: string): { short: boolean; param: string } | null {
  const q = normalizeQuery(query)
  if (!q) return null
  if ([...q].length < 3) return { short: true, param: q }
  // A quoted FTS5 string is matched as a substring by the trigram tokenizer; quotes are doubled
  // so nothing the user types is read as query syntax.
  const phrase = (s: string) => `"${s.replaceAll('"', '""')}"`
  // Other ways the index may hold what was typed: pinyin words run together, a hyphen as a
  // space. Trigrams cannot match fewer than three characters, so a shorter form adds nothing.
  const forms = [q, joinedWords(q), withoutJoiners(q)].filter((f): f is string => !!f && f.length >= 3)
  return { short: false, param: [...new Set(forms)].map(phrase).join(' OR ') }
}

/**
 * The customers a query finds, as an SQL condition on `c.id` with its parameter: the customer
 * list filters by exactly what search-as-you-type finds (null for a query that finds everyone).
 */
export function searchCondition(query: string): { sql: string; params: string[] } | null {
  const m = queryMatch(query)
  if (!m) return null
  return { sql: `c.id IN (${m.short ? SHORT_IDS : TRIGRAM_IDS})`, params: [m.param] }
}

/** Lower case without accents: the cheap part of normalizeText, for ranking. */
function quickFold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
}
