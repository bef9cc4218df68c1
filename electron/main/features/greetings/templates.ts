// Greeting templates (R4): built-in texts in code, the team's edits as rows of the synced
// greeting_templates table written through the SyncWriter. A row's id is a hash of its occasion
// and language, so two people editing "Eid in French" on two laptops edit one row (the later edit
// wins per cell) instead of leaving two rows that disagree; a reset is that row's tombstone.
import { createHash } from 'node:crypto'
import type { Db } from '../../db/connection'
import type { SyncWriter } from '../../db/writer'
import { AppFailure } from '../../../../shared/errors'
import {
  BUILTIN_LANGS,
  BUILTIN_TEMPLATES,
  GREETING_OCCASIONS,
  unknownFields,
  type GreetingOccasion,
  type GreetingTemplate,
  type TemplateLang,
} from '../../../../shared/greetings'

type Row = { id: string; occasion: string; lang: string; subject: string | null; body: string | null }

export function templateId(occasion: GreetingOccasion, lang: string): string {
  return createHash('sha256').update(`greeting\u0000${occasion}\u0000${lang}`).digest('hex').slice(0, 32)
}

const builtinOf = (occasion: GreetingOccasion, lang: string) =>
  (BUILTIN_LANGS as readonly string[]).includes(lang)
    ? BUILTIN_TEMPLATES[occasion][lang as (typeof BUILTIN_LANGS)[number]]
    : null

export class GreetingTemplates {
  private readonly q

  constructor(
    db: Db,
    private readonly writer: SyncWriter,
    private readonly now: () => Date,
  ) {
    this.q = {
      live: db.prepare(
        'SELECT id, occasion, lang, subject, body FROM greeting_templates WHERE deleted_at IS NULL',
      ),
      one: db.prepare(
        'SELECT id, occasion, lang, subject, body FROM greeting_templates WHERE occasion = ? AND lang = ? AND deleted_at IS NULL',
      ),
      exists: db.prepare('SELECT 1 FROM greeting_templates WHERE id = ?').pluck(),
    }
  }

  private override(occasion: GreetingOccasion, lang: string): Row | undefined {
    return this.q.one.get(occasion, lang) as Row | undefined
  }

  /** Every occasion in the built-in languages and any other the team wrote, built-in or edited. */
  list(): GreetingTemplate[] {
    const rows = (this.q.live.all() as Row[]).filter((r) =>
      (GREETING_OCCASIONS as readonly string[]).includes(r.occasion),
    )
    const out: GreetingTemplate[] = []
    const langs = [...new Set<string>([...BUILTIN_LANGS, ...rows.map((r) => r.lang)])]
    for (const occasion of GREETING_OCCASIONS) {
      for (const lang of langs) {
        const t = this.get(occasion, lang, rows)
        if (t) out.push(t)
      }
    }
    return out
  }

  /** The text for an occasion in a language (the team's, else the built-in one), or null. */
  get(occasion: GreetingOccasion, lang: string, rows?: Row[]): GreetingTemplate | null {
    const row = rows
      ? rows.find((r) => r.occasion === occasion && r.lang === lang)
      : this.override(occasion, lang)
    const builtin = builtinOf(occasion, lang)
    if (!row && !builtin) return null
    return {
      occasion,
      lang: lang as TemplateLang,
      subject: row ? (row.subject ?? '') : builtin!.subject,
      body: row ? (row.body ?? '') : builtin!.body,
      custom: Boolean(row),
      builtin: builtin ? { ...builtin } : null,
    }
  }

  /**
   * The template a greeting for `occasion` in `lang` uses: its own, else for a holiday the generic
   * holiday text in that language; null when the language has neither.
   */
  resolve(occasion: GreetingOccasion, lang: string): GreetingTemplate | null {
    return (
      this.get(occasion, lang) ??
      (occasion !== 'birthday' && occasion !== 'holiday' ? this.get('holiday', lang) : null)
    )
  }

  /** Languages a greeting for `occasion` can be written in. */
  langsFor(occasion: GreetingOccasion): string[] {
    const rows = this.q.live.all() as Row[]
    const generic = occasion !== 'birthday'
    const extra = rows
      .filter((r) => r.occasion === occasion || (generic && r.occasion === 'holiday'))
      .map((r) => r.lang)
    return [...new Set<string>([...BUILTIN_LANGS, ...extra])]
  }

  /** Saves the team's text; a field the app cannot fill is refused by name, nothing written. */
  save(occasion: GreetingOccasion, lang: TemplateLang, subject: string, body: string): GreetingTemplate {
    for (const [path, text] of [
      ['subject', subject],
      ['body', body],
    ] as const) {
      const unknown = unknownFields(text)
      if (unknown.length > 0)
        throw new AppFailure('validation', [{ path: [path], code: 'invalid_value' }], {
          unknownField: unknown[0],
        })
    }
    if (body.trim() === '') throw new AppFailure('validation', [{ path: ['body'], code: 'required' }])
    const id = templateId(occasion, lang)
    const isNew = !this.q.exists.get(id)
    this.writer.write([
      {
        table: 'greeting_templates',
        id,
        values: {
          occasion,
          lang,
          subject,
          body,
          deleted_at: null,
          ...(isNew ? { created_at: this.now().toISOString() } : {}),
        },
      },
    ])
    return this.get(occasion, lang)!
  }

  /** Back to the built-in text (in a language without one, the template is gone). */
  reset(occasion: GreetingOccasion, lang: TemplateLang): GreetingTemplate | null {
    if (this.override(occasion, lang))
      this.writer.write([
        {
          table: 'greeting_templates',
          id: templateId(occasion, lang),
          values: { deleted_at: this.now().toISOString() },
        },
      ])
    return this.get(occasion, lang)
  }
}
