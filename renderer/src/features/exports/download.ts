// Hands an export's bytes to the browser as a download. In Electron the session's will-download
// handler (electron/main/index.ts) turns it into a save dialog named after the file.
import type { ExportFile } from '../../../../shared/exports'
import type { UiLanguage } from '../../../../shared/vocabulary'

export function saveExport(file: Omit<ExportFile, 'rows'> & { rows?: number }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  // The download has its bytes once it starts; a while later the blob can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The window's language as an export language. */
export function exportLanguage(language: string): UiLanguage {
  return language === 'zh' || language === 'fr' ? language : 'en'
}
