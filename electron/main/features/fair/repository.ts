// Trade fairs and their leads (F1) through the write path. A capture is one transaction: the
// customer (new, or the existing one the user picked from the duplicate suggestions), its
// contact, the fair's tag and source, the lead, the follow-up reminder and the photo's row.
import { createHash } from 'node:crypto'
import { newId } from '../../core/ids'
import type { z } from 'zod'
import type { AppContext } from '../../context'
import type { RowChange } from '../../db/writer'
import { AppFailure, fieldIssues } from '../../../../shared/errors'
import type { FieldIssue } from '../../../../shared/errors'
import { contactInputSchema, customerInputSchema } from '../../../../shared/domain'
import type { ContactValues, CustomerValues, DuplicateCandidate } from '../../../../shared/domain'
import type {
  Attachment,
  CaptureInput,
  Fair,
  FairValues,
  Lead,
  Temperature,
  captureResultSchema,
  duplicateQuerySchema,
} from '../../../../shared/fair'
import { captureInputSchema } from '../../../../shared/fair'
import { checkContact, checkCustomer, normalizePhone } from '../../core/validate'
import { addDays } from '../../core/holidays'
import { readPhoto, storePhoto } from './files'
import type { Photo } from './files'

type FairRow = {
  id: string
  name: string
  city: string | null
  country: string | null
  start_date: string
  end_date: string
  lead_count: number
}

type LeadRow = {
  id: string
  customer_id: string
  contact_id: string | null
  temperature: Temperature | null
  interests: string | null
  note: string | null
  captured_by: string | null
  created_at: string
  customer_name: string | null
  country: string | null
  owner: string | null
  contact_name: string | null
  photo_id: string | null
}

type AttachmentRow = {
  id: string
  customer_id: string
  kind: string
  sha256: string
  file_name: string | null
  mime: string
  size: number
  created_at: string
}

const FAIR_SQL = `SELECT f.id, f.name, f.city, f.country, f.start_date, f.end_date,
  (SELECT count(*) FROM fair_leads l WHERE l.fair_id = f.id AND l.deleted_at IS NULL) AS lead_count
  FROM fairs f WHERE f.deleted_at IS NULL`

/** One attachment row per customer and content: the same card photographed twice is kept once. */
export function attachmentId(customerId: string, sha256: string): string {
  return createHash('sha256').update(`${customerId}\u0000${sha256}`).digest('hex').slice(0, 32)
}

const toFair = (r: FairRow): Fair => ({
  id: r.id,
  name: r.name,
  city: r.city,
  country: r.country,
  startDate: r.start_date,
  endDate: r.end_date,
  leadCount: r.lead_count,
})

const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  customerId: r.customer_id,
  kind: r.kind,
  sha256: r.sha256,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  createdAt: r.created_at,
})

/** Issue paths of the customer and contact schemas, as the capture form names its fields. */
const CAPTURE_FIELD: Record<string, string> = {
  displayName: 'company',
  country: 'country',
  name: 'person',
  emails: 'email',
  phones: 'phone',
}
const onCaptureField = (issues: FieldIssue[]): FieldIssue[] =>
  issues.map((i) => {
    const field = i.path.find((p) => typeof p === 'string' && p in CAPTURE_FIELD) as string | undefined
    return { path: [field ? CAPTURE_FIELD[field]! : String(i.path.at(-1) ?? '')], code: i.code }
  })

export class FairRepository {
  private readonly q

  constructor(private readonly ctx: AppContext) {
    const { db } = ctx
    this.q = {
      fairs: db.prepare(`${FAIR_SQL} ORDER BY f.start_date DESC, f.name`),
      fair: db.prepare(`${FAIR_SQL} AND f.id = ?`),
      leads: db.prepare(
        `SELECT l.id, l.customer_id, l.contact_id, l.temperature, l.interests, l.note, l.captured_by,
           l.created_at, c.display_name AS customer_name, c.country, c.owner, ct.name AS contact_name,
           (SELECT a.id FROM attachments a WHERE a.customer_id = l.customer_id AND a.deleted_at IS NULL
              AND a.kind = 'business_card' ORDER BY a.created_at DESC LIMIT 1) AS photo_id
         FROM fair_leads l
         LEFT JOIN customers c ON c.id = l.customer_id
         LEFT JOIN contacts ct ON ct.id = l.contact_id AND ct.deleted_at IS NULL
         WHERE l.fair_id = ? AND l.deleted_at IS NULL
         ORDER BY l.created_at, l.id`,
      ),
      lead: db.prepare('SELECT id, customer_id FROM fair_leads WHERE id = ? AND deleted_at IS NULL'),
      attachments: db.prepare(
        'SELECT * FROM attachments WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at DESC',
      ),
      attachment: db.prepare('SELECT * FROM attachments WHERE id = ? AND deleted_at IS NULL'),
    }
  }

  list(): Fair[] {
    return (this.q.fairs.all() as FairRow[]).map(toFair)
  }

  get(id: string): Fair {
    const row = this.q.fair.get(id) as FairRow | undefined
    if (!row) throw new AppFailure('not_found')
    return toFair(row)
  }

  save(id: string | null, v: FairValues): Fair {
    if (id) this.get(id)
    const fairId = id ?? newId()
    this.ctx.writer.write([
      {
        table: 'fairs',
        id: fairId,
        values: {
          name: v.name,
          city: v.city ?? null,
          country: v.country ?? null,
          start_date: v.startDate,
          end_date: v.endDate,
          ...(id ? {} : { created_at: this.ctx.now().toISOString() }),
        },
      },
    ])
    return this.get(fairId)
  }

  /** Likely duplicates of what the user is typing, by the rules the new-customer form warns with (P8). */
  duplicates(input: z.output<typeof duplicateQuerySchema>): DuplicateCandidate[] {
    const country = input.country?.toUpperCase() || null
    const email = input.email?.toLowerCase() || null
    // Stored phones are E.164: "138 0013 8000" typed at a Chinese booth matches "+8613800138000".
    const phone = input.phone ? (normalizePhone(input.phone, country) ?? input.phone) : null
    return this.ctx.customers.findDuplicates({ displayName: input.company || undefined }, [
      { emails: email?.includes('@') ? [email] : [], phones: phone ? [phone] : [] },
    ])
  }

  /**
   * Checks everything first (so a refusal writes nothing, not even the photo's file), then stores
   * the photo's file, then writes every row in one transaction.
   */
  capture(raw: CaptureInput): z.output<typeof captureResultSchema> {
    const input = captureInputSchema.parse(raw)
    const { customers, writer, reminders, db } = this.ctx
    const fair = this.get(input.fairId)
    const at = this.ctx.now().toISOString()
    const existingId = input.customerId ? customers.requireLive(input.customerId) : null
    const existing = existingId ? customers.values(existingId) : null
    const country = existing?.country ?? input.country?.trim().toUpperCase() ?? ''

    const issues: FieldIssue[] = []
    let newCustomer: CustomerValues | null = null
    if (!existing) {
      const parsed = customerInputSchema.safeParse({
        displayName: input.company,
        country,
        source: 'trade_fair',
        sourceDetail: fair.name,
        productCategories: input.interests,
        tags: [fair.name],
      })
      if (!parsed.success) issues.push(...onCaptureField(fieldIssues(parsed.error.issues, ['customer'])))
      else {
        const checked = checkCustomer(parsed.data, ['customer'])
        issues.push(...onCaptureField(checked.issues))
        newCustomer = checked.value
      }
    }
    let contact: ContactValues | null = null
    const hasContact = [input.person, input.email, input.phone].some((s) => s && s.trim())
    if (hasContact) {
      const parsed = contactInputSchema.safeParse({
        name: input.person ?? '',
        emails: input.email ? [input.email] : [],
        phones: input.phone ? [input.phone] : [],
        isPrimary: !existing,
        notes: null,
      })
      if (!parsed.success) issues.push(...onCaptureField(fieldIssues(parsed.error.issues, ['contact'])))
      else {
        const checked = checkContact(parsed.data, country, ['contact'])
        issues.push(...onCaptureField(checked.issues))
        contact = checked.value
      }
    }
    if (issues.length > 0) throw new AppFailure('validation', issues)
    // Refused photos throw here, before any file or row is written.
    const photo: Photo | null = input.photo ? readPhoto(input.photo) : null

    const changes: RowChange[] = []
    let customerId: string
    let contactId: string | null = null
    if (newCustomer) {
      const created = customers.creation(newCustomer, contact ? [contact] : [])
      customerId = created.id
      changes.push(...created.changes)
      contactId = created.changes.find((c) => c.table === 'contacts')?.id ?? null
    } else {
      customerId = existingId!
      const patch: Partial<CustomerValues> = {}
      const tags = existing!.tags
      if (!tags.some((t) => t.toLowerCase() === fair.name.toLowerCase())) patch.tags = [...tags, fair.name]
      // Where a known customer came from stays as it was: the fair is only its first source if none.
      if (!existing!.source) {
        patch.source = 'trade_fair'
        patch.sourceDetail = fair.name
      }
      const interests = input.interests.filter((i) => !existing!.productCategories.includes(i))
      if (interests.length > 0) patch.productCategories = [...existing!.productCategories, ...interests]
      if (Object.keys(patch).length > 0) changes.push(...customers.updating(customerId, patch))
      if (contact) {
        const added = customers.contactAddition(customerId, contact)
        contactId = added.id
        changes.push(...added.changes)
      }
    }
    const leadId = newId()
    changes.push({
      table: 'fair_leads',
      id: leadId,
      values: {
        fair_id: fair.id,
        customer_id: customerId,
        contact_id: contactId,
        interests: JSON.stringify(input.interests),
        note: input.note || null,
        captured_by: input.capturedBy || null,
        created_at: at,
      },
    })
    let attachment: string | null = null
    if (photo) {
      attachment = attachmentId(customerId, photo.sha256)
      changes.push({
        table: 'attachments',
        id: attachment,
        values: {
          customer_id: customerId,
          kind: 'business_card',
          sha256: photo.sha256,
          file_name: photo.fileName,
          mime: photo.mime,
          size: photo.bytes.length,
          created_at: at,
          deleted_at: null,
        },
      })
      // The file first: a row never names a missing file. Should the transaction fail, the file
      // stays without a row, which is harmless (and reused if the same photo comes again).
      storePhoto(this.ctx.dataDir, photo)
    }
    const reminderId = db
      .transaction(() => {
        writer.write(changes)
        return reminders.create(customerId, {
          kind: 'fair_follow_up',
          dueDate: addDays(fair.endDate, input.followUpDays),
          contactId,
          note: fair.name,
          assignee: null,
        }).id
      })
      .immediate()
    return {
      leadId,
      customerId,
      contactId,
      reminderId,
      attachmentId: attachment,
      existing: existing !== null,
      leadCount: this.get(fair.id).leadCount,
    }
  }

  leads(fairId: string): { fair: Fair; leads: Lead[] } {
    const fair = this.get(fairId)
    const leads = (this.q.leads.all(fairId) as LeadRow[]).map((r): Lead => ({
      id: r.id,
      customerId: r.customer_id,
      customerName: r.customer_name ?? '',
      contactId: r.contact_id,
      contactName: r.contact_name,
      country: r.country,
      interests: r.interests ? (JSON.parse(r.interests) as string[]) : [],
      temperature: r.temperature,
      owner: r.owner,
      note: r.note,
      capturedBy: r.captured_by,
      photoId: r.photo_id,
      createdAt: r.created_at,
    }))
    return { fair, leads }
  }

  /** Sets the temperature of the leads and/or the owner of their customers, in one transaction. */
  triage(
    ids: readonly string[],
    temperature: Temperature | null | undefined,
    owner: string | null | undefined,
  ) {
    const rows = ids.map((id) => {
      const row = this.q.lead.get(id) as { id: string; customer_id: string } | undefined
      if (!row) throw new AppFailure('not_found')
      return row
    })
    const changes: RowChange[] = []
    if (temperature !== undefined)
      for (const r of rows) changes.push({ table: 'fair_leads', id: r.id, values: { temperature } })
    if (owner !== undefined) {
      const customerIds = new Set(rows.map((r) => this.ctx.customers.resolve(r.customer_id) ?? r.customer_id))
      for (const c of customerIds)
        changes.push(...this.ctx.customers.updating(c, { owner: owner?.trim() || null }))
    }
    this.ctx.writer.write(changes)
    return { updated: rows.length }
  }

  attachments(customerId: string): Attachment[] {
    const id = this.ctx.customers.resolve(customerId)
    if (!id) throw new AppFailure('not_found')
    return (this.q.attachments.all(id) as AttachmentRow[]).map(toAttachment)
  }

  attachment(id: string): Attachment {
    const row = this.q.attachment.get(id) as AttachmentRow | undefined
    if (!row) throw new AppFailure('not_found')
    return toAttachment(row)
  }
}
