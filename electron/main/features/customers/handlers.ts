// Customers and their contacts over IPC (P1, P2, P7, P8): forms are checked in full (every field's
// problem at once) before anything is written; a new customer is compared with the base first.
import type { AppContext } from '../../context'
import type { HandlerModule } from '../../ipc/combine'
import { AppFailure } from '../../../../shared/errors'
import type { FieldIssue } from '../../../../shared/errors'
import type { ContactValues, CustomerValues } from '../../../../shared/domain'
import { checkContact, checkCustomer } from '../../core/validate'
import { CustomerMerge } from './merge'
import { peopleByDevice, teamMembers } from '../team/sync'
import { customerHistory } from './history'

/** The customer and its contacts checked together; throws `validation` with every issue found. */
function validateNew(customer: CustomerValues, contacts: ContactValues[]) {
  const checked = checkCustomer(customer, ['customer'])
  const issues: FieldIssue[] = [...checked.issues]
  const checkedContacts = contacts.map((c, i) => {
    const r = checkContact(c, checked.value.country, ['contacts', i])
    issues.push(...r.issues)
    return r.value
  })
  if (issues.length > 0) throw new AppFailure('validation', issues)
  return { value: checked.value, contacts: checkedContacts }
}

export function customerHandlers(ctx: AppContext): HandlerModule {
  const { customers } = ctx
  const merges = new CustomerMerge(ctx)
  return {
    'customers:list': (input) => customers.list(input),
    'customers:count': () => ({ count: customers.count() }),
    'customers:facets': () => ({ ...customers.facets(), people: teamMembers(ctx.db) }),
    'customers:history': ({ id }) => {
      customers.get(id) // not_found or merged, as the page itself
      return customerHistory(ctx.db, id, ctx.deviceId, peopleByDevice(ctx.db, ctx.deviceId), ctx.now())
    },
    'customers:search': (input) => ({ hits: customers.searchCustomers(input.query, input.limit) }),
    'customers:get': (input) => customers.get(input.id),
    'customers:create': (input) => {
      const { value, contacts } = validateNew(input.customer, input.contacts)
      if (!input.allowDuplicates) {
        const candidates = customers.findDuplicates(value, contacts)
        if (candidates.length > 0) throw new AppFailure('duplicate_suspected', undefined, { candidates })
      }
      return { id: customers.create(value, contacts) }
    },
    'customers:update': (input) => {
      const { value, issues } = checkCustomer(input.patch, ['patch'])
      if (issues.length > 0) throw new AppFailure('validation', issues)
      customers.update(input.id, value)
      return customers.get(input.id)
    },
    'customers:delete': (input) => {
      customers.delete(input.id)
      return { id: input.id }
    },
    'customers:mergePreview': (input) => merges.preview(input.aId, input.bId),
    'customers:merge': (input) => merges.merge(input),
  }
}

export function contactHandlers({ customers }: AppContext): HandlerModule {
  return {
    'contacts:create': (input) => {
      // A contact added for a merged-away customer goes to its survivor (P8).
      const customerId = customers.requireLive(input.customerId)
      const country = customers.values(customerId).country
      const { value, issues } = checkContact(input.contact, country, ['contact'])
      if (issues.length > 0) throw new AppFailure('validation', issues)
      return customers.addContact(customerId, value)
    },
    'contacts:update': (input) => {
      const current = customers.contact(input.id)
      const country = customers.values(current.customerId).country
      // Birthday month and day are checked together, so the patch is checked over the stored values.
      const merged = { ...current, ...input.patch }
      const { issues } = checkContact(
        { ...input.patch, birthdayMonth: merged.birthdayMonth, birthdayDay: merged.birthdayDay },
        country,
        ['patch'],
      )
      if (issues.length > 0) throw new AppFailure('validation', issues)
      const { value } = checkContact(input.patch, country, ['patch'])
      return customers.updateContact(input.id, value)
    },
    'contacts:delete': (input) => {
      customers.deleteContact(input.id)
      return { id: input.id }
    },
  }
}
