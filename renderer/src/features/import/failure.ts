// The words for a wizard step that failed, apart from the screen so they can be checked alone.
import type { TFunction } from 'i18next'
import type { AppError, ErrorCode } from '../../../../shared/errors'

/** Codes that mean the file itself could not be read; any other failure says what it was. */
const FILE_FAILURES: ReadonlySet<ErrorCode> = new Set(['import_empty_file', 'import_file_gone'])

/**
 * Why the mapping cannot go on when the preview failed: "the file could not be read" only when
 * that is what happened, with the reason; otherwise the failure's own message (busy, internal…),
 * so an internal error is not blamed on the user's file.
 */
export function previewFailure(t: TFunction, error: AppError): string {
  const message = t(`errors.${error.code}`)
  return FILE_FAILURES.has(error.code) ? t('import.map.fixFileBecause', { reason: message }) : message
}
