import { describe, it, expect, afterEach } from 'vitest'
import { createServices } from '../../electron/main/services'
import type { Services } from '../../electron/main/services'
import type { CustomerDetail } from '../../shared/domain'
import { caller, data, tempDir } from '../helpers/tmp'
import { STREAM } from '../helpers/stream'

let s: Services
afterEach(() => s?.close())

const call = caller(() => s)

async function customerWithContact(name: string) {
  const { id } = data<{ id: string }>(
    await call('customers:create', {
      customer: { displayName: name, country: 'AE' },
      contacts: [{ name: 'Omar' }],
      allowDuplicates: true,
    }),
  )
  const detail = data<CustomerDetail>(await call('customers:get', { id }))
  return { id, contactId: detail.contacts[0]!.id }
}

describe('interaction log', () => {
  it('logs events newest first, gives the last contact date, and syncs them', async () => {
    s = createServices(tempDir())
    const { id, contactId } = await customerWithContact('Gulf Lights LLC')
    data(
      await call('interactions:log', {
        customerId: id,
        interaction: {
          kind: 'trade_fair',
          date: '2026-10-16',
          contactId,
          summary: 'Met at Canton Fair booth 12.1 C21',
        },
      }),
    )
    data(
      await call('interactions:log', {
        customerId: id,
        interaction: {
          kind: 'sample_sent',
          date: '2026-10-20',
          summary: 'Sent 3 LED panels by DHL',
          nextStep: 'Call on 1 Nov',
        },
      }),
    )
    const list = data(await call('interactions:list', { customerId: id }))
    expect(list.interactions.map((i) => i.kind)).toEqual(['sample_sent', 'trade_fair'])
    expect(list.lastContact).toBe('2026-10-20')
    expect(
      s.db.prepare(`SELECT count(DISTINCT row_id) FROM ${STREAM} WHERE tbl = 'interactions'`).pluck().get(),
    ).toBe(2)
  })

  it('refuses an empty summary and a contact of another customer, writing nothing', async () => {
    s = createServices(tempDir())
    const a = await customerWithContact('Alpha Trading')
    const b = await customerWithContact('Beta Trading')
    const empty = await call('interactions:log', {
      customerId: a.id,
      interaction: { kind: 'call', date: '2026-11-01', summary: '  ' },
    })
    expect(empty.ok ? null : empty.error.issues).toEqual([
      { path: ['interaction', 'summary'], code: 'required' },
    ])
    const wrong = await call('interactions:log', {
      customerId: a.id,
      interaction: { kind: 'call', date: '2026-11-01', contactId: b.contactId, summary: 'x' },
    })
    expect(wrong.ok ? null : wrong.error.issues).toEqual([
      { path: ['interaction', 'contactId'], code: 'invalid_choice' },
    ])
    expect(s.db.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(0)
  })

  it('deletes by tombstone, and the last contact moves back', async () => {
    s = createServices(tempDir())
    const { id } = await customerWithContact('Gamma GmbH')
    data(
      await call('interactions:log', {
        customerId: id,
        interaction: { kind: 'call', date: '2026-09-01', summary: 'Price check' },
      }),
    )
    const late = data<{ id: string }>(
      await call('interactions:log', {
        customerId: id,
        interaction: { kind: 'email', date: '2026-11-01', summary: 'Sent catalogue' },
      }),
    )
    data(await call('interactions:delete', { id: late.id }))
    const list = data(await call('interactions:list', { customerId: id }))
    expect(list.lastContact).toBe('2026-09-01')
    expect(
      s.db.prepare('SELECT deleted_at IS NOT NULL FROM interactions WHERE id = ?').pluck().get(late.id),
    ).toBe(1)
  })
})
