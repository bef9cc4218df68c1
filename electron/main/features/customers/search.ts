// The local search index (DERIVED, never synced): an FTS5 trigram table for queries of three or
// more characters, and a table of 1–2 character grams for the short queries trigram cannot answer
// (a single Chinese surname, "李", or the first letters typed). Both are rebuilt for a customer
// inside the transaction that changed it.
import type { Db } from '../../db/connection'
import { writeScope } from '../../db/writer'
import {
  digitsOnly,
  emailDomain,
  hasHan,
  nameKey,
  normalizeText,
  pinyinForms,
  websiteDomain,
} from '../../core/text'

type IndexSource = {
  display_name: string
  original_name: string | null
  latin_name: string | null
  city: string | null
  website: string | null
  deleted_at: string | null
}
type ContactSource = { name: string; emails: string; phones: string }

const NAME_SEPARATOR = '\n'

/** Everything a user may type to find a customer, normalised, one field per line. */
export function searchFields(
  c: IndexSource,
  contacts: readonly ContactSource[],
): { names: string[]; other: string[] } {
  const names = [c.display_name, c.original_name, c.latin_name, ...contacts.map((k) => k.name)].filter(
    (s): s is string => !!s,
  )
  const other: string[] = []
  if (c.city) other.push(c.city)
  const domain = websiteDomain(c.website)
  if (domain) other.push(domain)
  for (const k of contacts) {
    for (const e of JSON.parse(k.emails) as string[]) other.push(e, emailDomain(e))
    for (const p of JSON.parse(k.phones) as string[]) other.push(digitsOnly(p))
  }
  return { names, other }
}

/** The trigram document and the short grams for one customer. */
export function buildIndexEntry(
  c: IndexSource,
  contacts: readonly ContactSource[],
): { body: string; grams: Set<string> } {
  const { names, other } = searchFields(c, contacts)
  const lines: string[] = []
  const grams = new Set<string>()
  for (const raw of names) {
    const n = normalizeText(raw)
    lines.push(n)
    addWordPrefixes(n, grams)
    if (hasHan(n)) {
      addHanGrams(n, grams)
      const py = pinyinForms(n)
      if (py) {
        // "zhangwei", "zhang wei" and the initials "zw" are all ways people type 张伟.
        lines.push(py.joined, py.syllables.join(' '), py.initials)
        for (const s of py.syllables) addPrefixes(s, grams)
        addPrefixes(py.initials, grams)
      }
    }
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

/** Turns what the user typed into the form the index holds; phone-like input becomes digits. */
export function normalizeQuery(query: string): string {
  const q = normalizeText(query)
  if (/^[+\d][\d\s().-]{2,}$/.test(q) && digitsOnly(q).length >= 3) return digitsOnly(q)
  return q
}

const GRAMS_ADD = 'INSERT OR IGNORE INTO search_grams (gram, doc) VALUES'
const KEYS_ADD = 'INSERT OR IGNORE INTO match_keys (key, customer_id) VALUES'
const PAIRS_PER_INSERT = 200

export class SearchIndex {
  private readonly stmts

  constructor(private readonly db: Db) {
    this.stmts = {
      source: db.prepare(
        'SELECT display_name, original_name, latin_name, city, website, deleted_at FROM customers WHERE id = ?',
      ),
      contacts: db.prepare(
        'SELECT name, emails, phones FROM contacts WHERE customer_id = ? AND deleted_at IS NULL',
      ),
      docGet: db.prepare('SELECT doc FROM search_docs WHERE customer_id = ?').pluck(),
      docAdd: db.prepare('INSERT INTO search_docs (customer_id) VALUES (?)'),
      docDel: db.prepare('DELETE FROM search_docs WHERE doc = ?'),
      ftsDel: db.prepare('DELETE FROM customer_fts WHERE rowid = ?'),
      ftsAdd: db.prepare('INSERT INTO customer_fts (rowid, body) VALUES (?, ?)'),
      gramsDel: db.prepare('DELETE FROM search_grams WHERE doc = ?'),
      trigram: db
        .prepare(
          'SELECT d.customer_id FROM customer_fts f JOIN search_docs d ON d.doc = f.rowid WHERE customer_fts MATCH ? LIMIT ?',
        )
        .pluck(),
      short: db
        .prepare(
          'SELECT d.customer_id FROM search_grams g JOIN search_docs d ON d.doc = g.doc WHERE g.gram = ? LIMIT ?',
        )
        .pluck(),
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

  /** Bumped when what the index holds changes; a database indexed by an older version is rebuilt. */
  static readonly VERSION = 4

  /** Rebuilds the whole index (after an upgrade that changed it), in one transaction. */
  rebuildAll(): number {
    const ids = this.db.prepare('SELECT id FROM customers WHERE deleted_at IS NULL').pluck().all() as string[]
    this.db.transaction(() => {
      this.written = { scope: undefined, sources: new Map() }
      this.db.exec(
        'DELETE FROM customer_fts; DELETE FROM search_docs; DELETE FROM search_grams; DELETE FROM match_keys',
      )
      this.reindex(ids)
    })()
    return ids.length
  }

  /** Candidate customer ids for a query (unordered, at most `limit`); empty for an empty query. */
  candidates(query: string, limit: number): string[] {
    const q = normalizeQuery(query)
    if (!q) return []
    if ([...q].length < 3) return this.stmts.short.all(q, limit) as string[]
    // A quoted FTS5 string is matched as a substring by the trigram tokenizer; quotes are doubled
    // so nothing the user types is read as query syntax.
    return this.stmts.trigram.all(`"${q.replaceAll('"', '""')}"`, limit) as string[]
  }
}
