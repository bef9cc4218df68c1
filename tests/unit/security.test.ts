import path from 'node:path'
import { describe, it, expect } from 'vitest'
import {
  isAppUrl,
  isSafeExternalUrl,
  resolveAppFile,
  resolveDataDir,
  resolveUnderRoot,
} from '../../electron/main/security'

describe('links handed to the OS browser', () => {
  it('allows only well-formed http and https URLs', () => {
    expect(isSafeExternalUrl('https://www.alibaba.com/supplier')).toBe(true)
    expect(isSafeExternalUrl('http://example.fr')).toBe(true)
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://share/x',
      'ms-msdt:/id PCWDiagnostic',
      'https://user:pass@example.com',
      'not a url',
      '',
    ]) {
      expect(isSafeExternalUrl(bad), bad).toBe(false)
    }
  })
})

describe('app:// pages and files', () => {
  const root = path.resolve('/opt/tradetier/renderer')

  it('recognises our own origin and the dev server only', () => {
    expect(isAppUrl('app://tradetier/index.html')).toBe(true)
    expect(isAppUrl('app://evil/index.html')).toBe(false)
    expect(isAppUrl('https://example.com/')).toBe(false)
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })

  it('maps requests inside the renderer folder and refuses traversal', () => {
    expect(resolveAppFile(root, 'app://tradetier/')).toBe(path.join(root, 'index.html'))
    expect(resolveAppFile(root, 'app://tradetier/assets/index.js')).toBe(path.join(root, 'assets/index.js'))
    expect(resolveAppFile(root, 'app://tradetier/..%2f..%2fetc/passwd')).toBeNull()
    // The URL parser folds encoded dot segments at the root, so this stays inside the folder.
    expect(resolveAppFile(root, 'app://tradetier/%2e%2e/%2e%2e/secret')).toBe(path.join(root, 'secret'))
    expect(resolveAppFile(root, 'app://tradetier/a%00b')).toBeNull()
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull()
    // Malformed percent-encoding is refused, not thrown (the harness serves with the same function).
    expect(resolveAppFile(root, 'app://tradetier/%E0%A4%A')).toBeNull()
    expect(resolveUnderRoot(root, '/%E0%A4%A')).toBeNull()
    expect(resolveUnderRoot(root, '/..%2f..%2fetc/passwd')).toBeNull()
  })
})

describe('data directory', () => {
  it('takes --data-dir, then TRADETIER_DATA_DIR, then the default', () => {
    expect(resolveDataDir(['electron', '.', '--data-dir', '/tmp/a'], {}, '/def')).toBe(path.resolve('/tmp/a'))
    expect(resolveDataDir(['--data-dir=/tmp/b'], { TRADETIER_DATA_DIR: '/tmp/c' }, '/def')).toBe(
      path.resolve('/tmp/b'),
    )
    expect(resolveDataDir([], { TRADETIER_DATA_DIR: '/tmp/c' }, '/def')).toBe(path.resolve('/tmp/c'))
    expect(resolveDataDir([], {}, '/def')).toBe('/def')
  })
})
