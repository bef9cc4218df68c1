// Trade-fair mode (F1): the fair, a lead captured at the booth, the triage after it, and the
// business-card photo kept as an attachment named by its content hash.
import { z } from 'zod'
import { isProductCategoryCode } from './vocabulary'

export const TEMPERATURES = ['hot', 'warm', 'cold'] as const
export type Temperature = (typeof TEMPERATURES)[number]

/** The largest photo accepted (a phone's full-size JPEG is 3–6 MB). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024

/** Image types a business card may come as, with the extension its file is stored under. */
export const IMAGE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
} as const
export type ImageMime = keyof typeof IMAGE_TYPES

/** Days after the fair's last day the follow-up reminder of each lead falls on, unless told. */
export const FOLLOW_UP_DAYS = 3

const isoDate = z.iso.date({ error: 'invalid_date' })
const text = (max: number) => z.string().trim().max(max, { error: 'too_long' })
const id = z.string().min(1).max(64)

export const fairInputSchema = z
  .object({
    // A fair's name is also the tag its leads get, and a tag holds 60 characters.
    name: text(60).min(1, { error: 'required' }),
    city: text(120).nullish(),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => v === '' || /^[A-Z]{2}$/.test(v), { error: 'invalid_country' })
      .nullish()
      .transform((v) => v || null),
    startDate: isoDate,
    endDate: isoDate,
  })
  .refine((f) => f.endDate >= f.startDate, { path: ['endDate'], error: 'invalid_range' })
export type FairInput = z.input<typeof fairInputSchema>
export type FairValues = z.output<typeof fairInputSchema>

export const fairSchema = z.object({
  id: z.string(),
  name: z.string(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  leadCount: z.number(),
})
export type Fair = z.infer<typeof fairSchema>

/**
 * A photo as the window sends it. The transport cap is generous on purpose: main measures the
 * decoded bytes and refuses an oversized or non-image file with its own translated error.
 */
export const photoInputSchema = z.object({
  fileName: text(260).min(1, { error: 'required' }),
  mime: text(100),
  base64: z.string().min(1, { error: 'required' }).max(40_000_000, { error: 'too_long' }),
})
export type PhotoInput = z.infer<typeof photoInputSchema>

const productCategory = z.string().refine(isProductCategoryCode, { error: 'invalid_choice' })

/**
 * One lead captured at the booth. Without `customerId` a new customer is made from company and
 * country (with a contact when a person, email or phone was typed); with it, the lead is added
 * to that existing customer (one the duplicate suggestions proposed).
 */
export const captureInputSchema = z.object({
  fairId: id,
  customerId: id.nullish(),
  company: text(200).default(''),
  country: z.string().trim().max(8).nullish(),
  person: text(200).nullish(),
  email: text(254).nullish(),
  phone: text(40).nullish(),
  interests: z.array(productCategory).max(50).default([]),
  note: text(5000).nullish(),
  photo: photoInputSchema.nullish(),
  capturedBy: text(120).nullish(),
  followUpDays: z.number().int().min(0).max(365).default(FOLLOW_UP_DAYS),
})
export type CaptureInput = z.input<typeof captureInputSchema>

export const captureResultSchema = z.object({
  leadId: z.string(),
  customerId: z.string(),
  contactId: z.string().nullable(),
  reminderId: z.string(),
  attachmentId: z.string().nullable(),
  /** The customer existed before (the lead was added to it). */
  existing: z.boolean(),
  leadCount: z.number(),
})

/** What the duplicate suggestions compare while the user types (P8 rules). */
export const duplicateQuerySchema = z.object({
  company: text(200).default(''),
  country: z.string().trim().max(8).nullish(),
  email: text(254).nullish(),
  phone: text(40).nullish(),
})

export const leadSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  country: z.string().nullable(),
  interests: z.array(z.string()),
  temperature: z.enum(TEMPERATURES).nullable(),
  owner: z.string().nullable(),
  note: z.string().nullable(),
  capturedBy: z.string().nullable(),
  /** The customer's latest business-card photo, if any. */
  photoId: z.string().nullable(),
  createdAt: z.string(),
})
export type Lead = z.infer<typeof leadSchema>

export const triageInputSchema = z
  .object({
    ids: z.array(id).min(1, { error: 'required' }).max(5000),
    /** null clears the temperature; absent leaves it. */
    temperature: z.enum(TEMPERATURES, { error: 'invalid_choice' }).nullish(),
    /** The customers' owner; null or '' clears it; absent leaves it. */
    owner: text(120).nullish(),
  })
  .refine((t) => t.temperature !== undefined || t.owner !== undefined, {
    path: ['temperature'],
    error: 'required',
  })

export const attachmentSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  kind: z.string(),
  sha256: z.string(),
  fileName: z.string().nullable(),
  mime: z.string(),
  size: z.number(),
  createdAt: z.string(),
})
export type Attachment = z.infer<typeof attachmentSchema>
