// Errors cross IPC as codes, never as prose: the renderer owns the words (`errors.<code>`) in
// every language, and main never leaks a stack trace or SQL to the window.
import type { IssueCode } from './vocabulary'
import { ISSUE_CODES } from './vocabulary'

export const ERROR_CODES = [
  'validation',
  'not_found',
  'duplicate_suspected',
  'forbidden_sender',
  'unknown_channel',
  'db_damaged',
  'busy',
  'already_decided',
  'not_empty',
  /** A bulk action named customers that are not (or no longer) in the selection it acts on. */
  'not_in_selection',
  /** The import file is no longer kept (another session, or the app restarted): pick it again. */
  'import_file_gone',
  'import_empty_file',
  /** Rows were refused and the user did not choose to import only the valid ones: nothing written. */
  'import_refused',
  'import_cancelled',
  /** A save came while an import holds the database for its single transaction: not saved, try after. */
  'busy_import',
  /** The backup was made by a newer app version or schema: restoring it is refused, nothing changed. */
  'backup_too_new',
  /** The backup file fails SQLite's integrity check (or is not a database). */
  'backup_damaged',
  /** No backup passes the checks (restore the latest good backup). */
  'backup_none',
  'backup_cancelled',
  /** The customer was merged into another (P8); details.survivorId names it. */
  'merged',
  /** A customer cannot be merged with itself. */
  'merge_self',
  /** One of the two customers is deleted: nothing to merge. */
  'merge_deleted',
  /** A photo over the size limit (details.maxBytes): nothing written. */
  'attachment_too_large',
  /** A file that is not a JPEG, PNG, WebP, GIF or HEIC image: nothing written. */
  'attachment_not_image',
  /** The attachment's file is not in this data directory (not copied from another device yet). */
  'attachment_missing',
  /** The team folder cannot be created, joined or synced with: details.problem says why (shared/team.ts). */
  'team_folder',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export type FieldIssue = { path: (string | number)[]; code: IssueCode }

export type AppError = { code: ErrorCode; issues?: FieldIssue[]; details?: unknown }

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError }

/** An error a handler throws on purpose; the IPC loop turns it into `{ok:false, error}`. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly issues?: FieldIssue[],
    readonly details?: unknown,
  ) {
    super(code)
    this.name = 'AppFailure'
  }
}

const issueCodes: ReadonlySet<string> = new Set(ISSUE_CODES)

/** Maps one zod issue (code + message) to our issue vocabulary; unknown ones become invalid_value. */
export function toIssueCode(zodCode: string, message: string): IssueCode {
  if (issueCodes.has(message)) return message as IssueCode
  if (zodCode === 'too_big') return 'too_long'
  if (zodCode === 'invalid_value') return 'invalid_choice'
  return 'invalid_value'
}

/** The parts of a zod issue the mapping reads (zod's own type, without importing zod here). */
type ZodIssueLike = { code: string; message: string; path: readonly PropertyKey[] }

/**
 * Zod issues as our field issues, each path under `prefix` (where the checked value sits in the
 * form or file). The one mapping for main's IPC loop, its file imports and the window's own checks.
 */
export function fieldIssues(issues: readonly ZodIssueLike[], prefix: (string | number)[] = []): FieldIssue[] {
  return issues.map((i) => ({
    path: [...prefix, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')],
    code: toIssueCode(i.code, i.message),
  }))
}
