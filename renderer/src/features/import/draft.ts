// What the user chose in the wizard, and the import options it makes.
import { REQUIRED_FIELDS } from '../../../../shared/import'
import type {
  DateOrder,
  DuplicateChoice,
  Encoding,
  ImportKind,
  ImportOptions,
  Mapping,
  MonthlyRate,
  Separator,
} from '../../../../shared/import'

export type Draft = {
  encoding?: Encoding
  separator?: Separator
  sheet?: number
  mapping?: Mapping
  preset?: string
  dateOrder?: DateOrder
  /** The user said which way round ambiguous dates are (or picked the order themselves). */
  dateOrderConfirmed: boolean
  duplicates: DuplicateChoice
  rowChoices: Record<string, DuplicateChoice>
  skipInvalid: boolean
  monthlyRates: MonthlyRate[]
}

export const emptyDraft: Draft = {
  dateOrderConfirmed: false,
  duplicates: 'skip',
  rowChoices: {},
  skipInvalid: false,
  monthlyRates: [],
}

export function optionsOf(kind: ImportKind, d: Draft): ImportOptions {
  return {
    kind,
    encoding: d.encoding,
    separator: d.separator,
    sheet: d.sheet,
    mapping: d.mapping,
    preset: d.mapping ? undefined : d.preset,
    dateOrder: d.dateOrder,
    duplicates: d.duplicates,
    rowChoices: Object.keys(d.rowChoices).length > 0 ? d.rowChoices : undefined,
    skipInvalid: d.skipInvalid,
    monthlyRates: d.monthlyRates,
  }
}

/**
 * Required fields no column maps to. An order or interaction also needs its customer: an external
 * id or a name, either will do.
 */
export function missingRequired(kind: ImportKind, mapping: Mapping): string[] {
  const missing = REQUIRED_FIELDS[kind].filter((f) => mapping[f] === undefined)
  if (
    kind !== 'customers' &&
    mapping['customerExternalId'] === undefined &&
    mapping['customerName'] === undefined
  )
    missing.unshift('customerName')
  return missing
}
