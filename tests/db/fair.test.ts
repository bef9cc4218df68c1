// Trade-fair mode (F1) through the IPC loop on a real SQLite file and a real data directory: a
// capture's rows, the duplicate a second capture of the same lead is offered, refused photos
// leaving nothing behind, one file per photo content, and the triage.
import fs from 'node:fs'
import path from 'node:path'
import { describe, it, expect, afterEach } from 'vitest'
import type { Services } from '../../electron/main/services'
import { caller, data, tempServices } from '../helpers/tmp'
import { ATTACHMENT_MAX_BYTES } from '../../shared/fair'

let s: (Services & { dir: string }) | undefined
afterEach(async () => {
  await s?.close()
  s = undefined
})
const call = caller(() => s!)

function open() {
  s = tempServices({ now: () => new Date('2026-10-16T12:00:00Z') })
  return s
}

// A real 1×1 PNG, and another (a different pixel) so contents differ.
const PNG_A =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
const PNG_B =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

const count = (table: string) => s!.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
const files = () => {
  const dir = path.join(s!.dir, 'attachments')
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []
}

async function fair(name = 'Canton Fair 2026') {
  return data(
    await call('fairs:create', {
      fair: { name, city: 'Guangzhou', country: 'CN', startDate: '2026-10-15', endDate: '2026-10-19' },
    }),
  )
}

describe('trade-fair capture', () => {
  it('creates the customer, contact, tag, source, lead and a follow-up 3 days after the fair', async () => {
    open()
    const f = await fair()
    const r = data(
      await call('fair:capture', {
        fairId: f.id,
        company: 'Sahara Lighting LLC',
        country: 'ae',
        person: 'Omar Haddad',
        email: 'omar@sahara-lighting.ae',
        phone: '+971 50 123 4567',
        interests: ['led_panels', 'street_lights'],
        note: 'Wants a quote for 2,000 panels',
      }),
    )
    expect(r.existing).toBe(false)
    expect(r.leadCount).toBe(1)
    const detail = data(await call('customers:get', { id: r.customerId }))
    expect(detail.customer).toMatchObject({
      displayName: 'Sahara Lighting LLC',
      country: 'AE',
      source: 'trade_fair',
      sourceDetail: 'Canton Fair 2026',
      tags: ['Canton Fair 2026'],
      productCategories: ['led_panels', 'street_lights'],
    })
    expect(detail.contacts).toHaveLength(1)
    expect(detail.contacts[0]).toMatchObject({
      id: r.contactId,
      name: 'Omar Haddad',
      emails: ['omar@sahara-lighting.ae'],
      phones: ['+971501234567'],
      isPrimary: true,
    })
    const { reminders } = data(await call('reminders:list', { customerId: r.customerId }))
    expect(reminders).toHaveLength(1)
    expect(reminders[0]).toMatchObject({
      id: r.reminderId,
      kind: 'fair_follow_up',
      dueDate: '2026-10-22',
      contactId: r.contactId,
    })
    const { leads } = data(await call('fair:leads', { fairId: f.id }))
    expect(leads).toEqual([
      expect.objectContaining({
        id: r.leadId,
        customerName: 'Sahara Lighting LLC',
        contactName: 'Omar Haddad',
        country: 'AE',
        interests: ['led_panels', 'street_lights'],
        temperature: null,
        note: 'Wants a quote for 2,000 panels',
      }),
    ])
    expect(data(await call('fairs:list', {})).fairs).toEqual([expect.objectContaining({ leadCount: 1 })])
  })

  it('proposes the first capture as a duplicate of the second, and adding to it makes no second customer', async () => {
    open()
    const f = await fair()
    const first = data(
      await call('fair:capture', {
        fairId: f.id,
        company: '深圳华盛电子有限公司',
        country: 'CN',
        person: '王伟',
        email: 'wang@huasheng.cn',
        phone: '138 0013 8000',
      }),
    )
    // The same visitor again at the booth: by phone typed another way, by email, by the name less its legal form.
    for (const q of [
      { company: '', phone: '13800138000', country: 'CN' },
      { company: '', email: 'WANG@huasheng.cn' },
      { company: '深圳华盛电子' },
    ]) {
      const { candidates } = data(await call('fair:duplicates', q))
      expect(
        candidates.map((c) => c.id),
        JSON.stringify(q),
      ).toEqual([first.customerId])
    }
    const customersBefore = count('customers')
    const second = data(
      await call('fair:capture', {
        fairId: f.id,
        customerId: first.customerId,
        person: 'Li Na',
        email: 'li.na@huasheng.cn',
        interests: ['power_banks'],
      }),
    )
    expect(second).toMatchObject({ customerId: first.customerId, existing: true, leadCount: 2 })
    expect(count('customers')).toBe(customersBefore)
    const detail = data(await call('customers:get', { id: first.customerId }))
    // One tag for the fair, the new contact beside the first (which stays primary).
    expect(detail.customer.tags).toEqual([f.name])
    expect(detail.contacts.map((c) => [c.name, c.isPrimary])).toEqual([
      ['王伟', true],
      ['Li Na', false],
    ])
    expect(detail.customer.productCategories).toEqual(['power_banks'])
    expect(data(await call('reminders:list', { customerId: first.customerId })).reminders).toHaveLength(2)
  })

  it("keeps an existing customer's own source", async () => {
    open()
    const f = await fair()
    const { id } = data(
      await call('customers:create', {
        customer: {
          displayName: 'Nordic Import AB',
          country: 'SE',
          source: 'b2b_platform',
          sourceDetail: 'Alibaba',
        },
      }),
    )
    data(await call('fair:capture', { fairId: f.id, customerId: id }))
    const c = data(await call('customers:get', { id })).customer
    expect(c).toMatchObject({ source: 'b2b_platform', sourceDetail: 'Alibaba', tags: [f.name] })
  })

  it('refuses a bad lead or a bad photo with a translated error and writes nothing', async () => {
    open()
    const f = await fair()
    const before = () => [
      count('customers'),
      count('contacts'),
      count('fair_leads'),
      count('reminders'),
      count('attachments'),
    ]
    const empty = before()
    const base = { fairId: f.id, company: 'Andes Import SAC', country: 'PE' }
    const refused = [
      [
        {
          ...base,
          photo: {
            fileName: 'card.pdf',
            mime: 'application/pdf',
            base64: Buffer.from('%PDF-1.7 …').toString('base64'),
          },
        },
        'attachment_not_image',
      ],
      // Declared an image, but the bytes are text.
      [
        {
          ...base,
          photo: {
            fileName: 'card.jpg',
            mime: 'image/jpeg',
            base64: Buffer.from('not a jpeg').toString('base64'),
          },
        },
        'attachment_not_image',
      ],
      [
        {
          ...base,
          photo: {
            fileName: 'huge.png',
            mime: 'image/png',
            base64: Buffer.concat([
              Buffer.from(PNG_A, 'base64'),
              Buffer.alloc(ATTACHMENT_MAX_BYTES),
            ]).toString('base64'),
          },
        },
        'attachment_too_large',
      ],
    ] as const
    for (const [input, code] of refused) {
      const res = await call('fair:capture', input)
      expect(res).toMatchObject({ ok: false, error: { code } })
    }
    // A lead with no company and a contact without a name: every field's problem at once.
    const bad = await call('fair:capture', {
      fairId: f.id,
      company: '',
      country: 'PE',
      email: 'x@andes.pe',
      photo: { fileName: 'a.png', mime: 'image/png', base64: PNG_A },
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } })
    if (!bad.ok)
      expect(bad.error.issues).toEqual(
        expect.arrayContaining([
          { path: ['company'], code: 'required' },
          { path: ['person'], code: 'required' },
        ]),
      )
    const unknownFair = await call('fair:capture', { ...base, fairId: 'nope' })
    expect(unknownFair).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(before()).toEqual(empty)
    expect(files()).toEqual([])
  })

  it('stores the same photo once, named by its hash, and serves its bytes', async () => {
    open()
    const f = await fair()
    const photo = { fileName: 'card.png', mime: 'image/png', base64: PNG_A }
    const a = data(
      await call('fair:capture', { fairId: f.id, company: 'Lumière SARL', country: 'FR', photo }),
    )
    const b = data(
      await call('fair:capture', { fairId: f.id, company: 'Nordlicht GmbH', country: 'DE', photo }),
    )
    const again = data(await call('fair:capture', { fairId: f.id, customerId: a.customerId, photo }))
    const sha = (await import('node:crypto'))
      .createHash('sha256')
      .update(Buffer.from(PNG_A, 'base64'))
      .digest('hex')
    expect(files()).toEqual([`${sha}.png`])
    // One row per customer and content: the card photographed again is not listed twice.
    expect(again.attachmentId).toBe(a.attachmentId)
    expect(data(await call('attachments:list', { customerId: a.customerId })).attachments).toHaveLength(1)
    expect(count('attachments')).toBe(2)
    data(
      await call('fair:capture', {
        fairId: f.id,
        customerId: b.customerId,
        photo: { ...photo, base64: PNG_B },
      }),
    )
    expect(files()).toHaveLength(2)
    const got = data(await call('attachments:get', { id: a.attachmentId! }))
    expect(got.attachment).toMatchObject({ mime: 'image/png', fileName: 'card.png', kind: 'business_card' })
    expect(got.base64).toBe(PNG_A)
    // No temporary file left behind.
    expect(files().some((n) => n.endsWith('.tmp'))).toBe(false)
    const { leads } = data(await call('fair:leads', { fairId: f.id }))
    expect(leads[0]!.photoId).toBe(a.attachmentId)
  })

  it('triage sets the temperature of several leads and the owner of their customers', async () => {
    open()
    const f = await fair()
    const ids = []
    for (const [company, country] of [
      ['Lumière SARL', 'FR'],
      ['Nordlicht GmbH', 'DE'],
      ['Andes Import SAC', 'PE'],
    ] as const)
      ids.push(data(await call('fair:capture', { fairId: f.id, company, country })).leadId)
    expect(
      data(await call('fair:triage', { ids: [ids[0]!, ids[1]!], temperature: 'hot', owner: 'Chen Jing' })),
    ).toEqual({
      updated: 2,
    })
    data(await call('fair:triage', { ids: [ids[2]!], temperature: 'cold' }))
    data(await call('fair:triage', { ids: [ids[1]!], temperature: 'warm' }))
    const { leads } = data(await call('fair:leads', { fairId: f.id }))
    expect(leads.map((l) => [l.customerName, l.temperature, l.owner])).toEqual([
      ['Lumière SARL', 'hot', 'Chen Jing'],
      ['Nordlicht GmbH', 'warm', 'Chen Jing'],
      ['Andes Import SAC', 'cold', null],
    ])
    // Neither a temperature nor an owner: refused; an unknown lead: nothing changed.
    expect(await call('fair:triage', { ids: [ids[2]!] })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    expect(await call('fair:triage', { ids: [ids[2]!, 'gone'], owner: 'Li' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(data(await call('fair:leads', { fairId: f.id })).leads[2]!.owner).toBeNull()
  })

  it('refuses a fair ending before it starts', async () => {
    open()
    const res = await call('fairs:create', {
      fair: { name: 'Gitex', startDate: '2026-10-15', endDate: '2026-10-12' },
    })
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: ['fair', 'endDate'], code: 'invalid_range' }] },
    })
    expect(count('fairs')).toBe(0)
  })
})
