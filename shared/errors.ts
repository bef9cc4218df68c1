// Errors cross IPC as codes, never as prose: the renderer owns the words (`errors.<code>`) in
// every language, and main never leaks a stack trace or SQL to the window.
import type { IssueCode } from './domain'
import { ISSUE_CODES } from './domain'

export const ERROR_CODES = [
  'validation',
  'not_found',
  'duplicate_suspected',
  'forbidden_sender',
  'unknown_channel',
  'db_damaged',
  'busy',
  'already_decided',
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
