// The import as a command, for administrators moving a team's data in (issue 11): the very code
// the wizard runs (features/import), on a data directory, printing one JSON line.
//
//   npm run import -- --data-dir D --file F --kind customers|orders|interactions
//     [--preset NAME] [--mapping M.json] [--encoding E] [--separator ';'] [--date-order dmy|mdy|ymd]
//     [--duplicates skip|fill_empty|overwrite|create] [--skip-invalid] [--dry-run]
//
// Exit 0 on success; 1 when the import is refused (nothing written); 2 on bad arguments.
// --mapping: a JSON object field → column, the column by its header text or its 0-based index.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createServices } from '../main/services'
import { runImport } from '../main/features/import/apply'
import { clearImportFiles, saveImportFile } from '../main/features/import/files'
import { readTable } from '../main/features/import/table'
import { importOptionsSchema } from '../../shared/import'
import type { Mapping } from '../../shared/import'
import { AppFailure } from '../../shared/errors'

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    file: { type: 'string' },
    kind: { type: 'string' },
    preset: { type: 'string' },
    mapping: { type: 'string' },
    encoding: { type: 'string' },
    separator: { type: 'string' },
    'date-order': { type: 'string' },
    duplicates: { type: 'string' },
    'skip-invalid': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
})
if (!values['data-dir'] || !values.file || !values.kind) fail('--data-dir, --file and --kind are required')
const file = path.resolve(values.file)
if (!fs.existsSync(file)) fail(`no such file: ${file}`)
const bytes = fs.readFileSync(file)

let mapping: Mapping | undefined
if (values.mapping) {
  const raw = JSON.parse(fs.readFileSync(path.resolve(values.mapping), 'utf8')) as Record<
    string,
    string | number
  >
  const { headers } = await readTable(bytes, path.basename(file), {
    encoding: values.encoding as never,
    separator: values.separator as never,
  })
  mapping = {}
  for (const [field, col] of Object.entries(raw)) {
    const index = typeof col === 'number' ? col : headers.indexOf(col)
    if (index < 0 || index >= headers.length)
      fail(`--mapping: no column "${col}" in the file (columns: ${headers.join(', ')})`)
    mapping[field] = index
  }
}
const parsed = importOptionsSchema.safeParse({
  kind: values.kind,
  preset: values.preset,
  mapping,
  encoding: values.encoding,
  separator: values.separator,
  dateOrder: values['date-order'],
  duplicates: values.duplicates,
  skipInvalid: values['skip-invalid'],
})
if (!parsed.success)
  fail(`bad option: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)

const dataDir = path.resolve(values['data-dir'])
const services = createServices(dataDir)
let exitCode = 0
try {
  const fileId = saveImportFile(dataDir, path.basename(file), bytes)
  const result = await runImport(
    services,
    dataDir,
    fileId,
    parsed.data,
    undefined,
    undefined,
    values['dry-run'],
  )
  const { rows, created, updated, skipped, refused, errors } = result
  console.log(JSON.stringify({ rows, created, updated, skipped, refused, errors }))
} catch (err) {
  if (!(err instanceof AppFailure)) throw err
  const details = (err.details ?? {}) as { rows?: number; refused?: number; errors?: unknown[] }
  console.log(
    JSON.stringify({
      rows: details.rows ?? 0,
      created: 0,
      updated: 0,
      skipped: 0,
      refused: details.refused ?? 0,
      errors: details.errors ?? [{ line: 0, column: null, code: err.code }],
    }),
  )
  exitCode = 1
} finally {
  clearImportFiles(dataDir)
  await services.close()
}
process.exit(exitCode)
