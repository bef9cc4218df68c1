// Greetings (R4): the texts a salesperson sends a customer for a holiday or a contact's birthday.
// Built-in templates live here, one per occasion and language; the team's edits are rows of the
// synced `greeting_templates` table that override them. Pure: main fills the drafts, the window
// previews with the same code.
import { z } from 'zod'
import { HOLIDAY_KINDS } from './holidays'
import type { HolidayKind } from './holidays'
import { LANGUAGE_CODES } from './vocabulary'

/** Holiday kinds with a template of their own, 'holiday' for any other holiday, and birthdays. */
export const GREETING_OCCASIONS = [
  ...HOLIDAY_KINDS.filter((k): k is Exclude<HolidayKind, 'other'> => k !== 'other'),
  'holiday',
  'birthday',
] as const
export type GreetingOccasion = (typeof GREETING_OCCASIONS)[number]

/** The occasion whose template and lead time a holiday of `kind` uses. */
export const occasionOf = (kind: HolidayKind): GreetingOccasion => (kind === 'other' ? 'holiday' : kind)

/** Languages with built-in texts; a team may add templates in any of LANGUAGE_CODES. */
export const BUILTIN_LANGS = ['zh', 'fr', 'en'] as const
export type TemplateLang = (typeof LANGUAGE_CODES)[number]

export const GREETING_FIELDS = ['contact', 'company', 'holiday', 'sender'] as const
export type GreetingField = (typeof GREETING_FIELDS)[number]

/** Days before an occasion its greeting is due (R3), unless set otherwise per occasion. */
export const DEFAULT_LEAD_DAYS = 3
export const MAX_LEAD_DAYS = 30

const FIELD = /\{([^{}\s]*)\}/g

/** The `{name}` fields of a text that are not one of GREETING_FIELDS, in order, once each. */
export function unknownFields(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(FIELD)) {
    const name = m[1]!
    if (!(GREETING_FIELDS as readonly string[]).includes(name) && !out.includes(name)) out.push(name)
  }
  return out
}

/**
 * The text with its fields filled. An empty value leaves no gap: a line that held only that field
 * (the signature without a sender name) goes, and "Dear {contact}," without a name reads "Dear,"
 * rather than "Dear ,".
 */
export function fillTemplate(text: string, values: Partial<Record<GreetingField, string>>): string {
  return text
    .split('\n')
    .filter(
      (line) =>
        !/^\s*\{(\w+)\}\s*$/.test(line) || (values[line.trim().slice(1, -1) as GreetingField] ?? '') !== '',
    )
    .join('\n')
    .replace(FIELD, (all, name: string) =>
      (GREETING_FIELDS as readonly string[]).includes(name) ? (values[name as GreetingField] ?? '') : all,
    )
    .replace(/ +([,，])/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

type Text = { subject: string; body: string }

// Written as an exporter writes to a buyer he knows: short, warm, about the relationship, never a
// sales pitch. French with a narrow no-break space before : ; ? ! (U+202F).
const S = '\u202f'
const EN_END = '\n\nWarm regards,\n{sender}'
const FR_END = `\n\nBien cordialement,\n{sender}`
const ZH_END = '\n\n顺颂商祺！\n{sender}'

export const BUILTIN_TEMPLATES: Record<GreetingOccasion, Record<(typeof BUILTIN_LANGS)[number], Text>> = {
  new_year: {
    en: {
      subject: 'Happy New Year from {sender}',
      body: `Dear {contact},\n\nAs the new year begins, thank you for the trust {company} placed in us this past year. I wish you, your family and your team health, happiness and success in the year ahead, and I look forward to doing even more together.${EN_END}`,
    },
    fr: {
      subject: 'Meilleurs vœux pour la nouvelle année',
      body: `Bonjour {contact},\n\nÀ l’aube de cette nouvelle année, je tiens à vous remercier pour la confiance que {company} nous a accordée. Je vous présente, ainsi qu’à vos proches et à toute votre équipe, mes meilleurs vœux de santé, de bonheur et de réussite. Au plaisir de poursuivre et de développer notre collaboration${S}!${FR_END}`,
    },
    zh: {
      subject: '新年快乐，恭贺新禧',
      body: `尊敬的{contact}：\n\n您好！新年伊始，感谢贵司（{company}）过去一年的信任与支持。谨祝您和家人新年快乐、身体健康、万事如意，也祝贵司生意兴隆！期待新的一年与您继续携手合作。${ZH_END}`,
    },
  },
  lunar_new_year: {
    en: {
      subject: 'Happy Lunar New Year!',
      body: `Dear {contact},\n\nWith the Lunar New Year approaching, I want to thank you for working with us and send my warmest wishes to you and your family: good health, happiness and prosperity in the new year. Please note our factory will slow down around the holiday; do tell me early about any order you plan, and we will make sure it ships on time.${EN_END}`,
    },
    fr: {
      subject: `Bonne année lunaire${S}!`,
      body: `Bonjour {contact},\n\nÀ l’approche du Nouvel An lunaire, je vous adresse, à vous et à vos proches, mes vœux les plus chaleureux de santé, de bonheur et de prospérité. Notre usine tourne au ralenti pendant les fêtes${S}: n’hésitez pas à me faire part de vos projets de commande dès maintenant, nous veillerons à ce qu’ils partent à temps.${FR_END}`,
    },
    zh: {
      subject: '恭贺新春，阖家幸福',
      body: `尊敬的{contact}：\n\n您好！新春佳节将至，衷心感谢您一直以来对我们的信任与支持。恭祝您和家人新春快乐、身体健康、万事如意！春节前后工厂放假，如有订货计划请尽早告知，我们会提前安排，确保按时发货。${ZH_END}`,
    },
  },
  mid_autumn: {
    en: {
      subject: 'Happy Mid-Autumn Festival',
      body: `Dear {contact},\n\nThe Mid-Autumn Festival is a time for family and reunion under the full moon. I wish you and your loved ones a joyful festival, and thank you for the partnership between {company} and us.${EN_END}`,
    },
    fr: {
      subject: 'Bonne fête de la mi-automne',
      body: `Bonjour {contact},\n\nLa fête de la mi-automne est un moment de retrouvailles en famille sous la pleine lune. Je vous souhaite, à vous et à vos proches, une très belle fête, et je vous remercie pour le partenariat entre {company} et notre équipe.${FR_END}`,
    },
    zh: {
      subject: '中秋快乐，花好月圆',
      body: `尊敬的{contact}：\n\n您好！值此中秋佳节，祝您和家人花好月圆、阖家团圆、幸福安康！感谢贵司（{company}）一直以来的支持与合作。${ZH_END}`,
    },
  },
  dragon_boat: {
    en: {
      subject: 'Happy Dragon Boat Festival',
      body: `Dear {contact},\n\nBest wishes to you and your family for the Dragon Boat Festival. May it bring you good health and peace. Thank you for your continued support.${EN_END}`,
    },
    fr: {
      subject: 'Bonne fête des bateaux-dragons',
      body: `Bonjour {contact},\n\nÀ l’occasion de la fête des bateaux-dragons, je vous adresse, à vous et à vos proches, mes vœux de santé et de sérénité. Merci pour votre fidélité.${FR_END}`,
    },
    zh: {
      subject: '端午安康',
      body: `尊敬的{contact}：\n\n您好！端午佳节到来之际，祝您和家人端午安康、万事顺遂！感谢您一直以来的关照与支持。${ZH_END}`,
    },
  },
  eid_al_fitr: {
    en: {
      subject: 'Eid Mubarak!',
      body: `Dear {contact},\n\nEid Mubarak! As Ramadan comes to an end, I send my warmest wishes to you, your family and everyone at {company}. May this Eid bring you joy, peace and prosperity.${EN_END}`,
    },
    fr: {
      subject: `Aïd Moubarak${S}!`,
      body: `Bonjour {contact},\n\nAïd Moubarak${S}! En cette fin de ramadan, je vous adresse mes vœux les plus chaleureux, à vous, à votre famille et à toute l’équipe de {company}. Que cette fête vous apporte joie, paix et prospérité.${FR_END}`,
    },
    zh: {
      subject: '开斋节快乐（Eid Mubarak）',
      body: `尊敬的{contact}：\n\n您好！斋月圆满结束，值此开斋节之际，向您、您的家人以及{company}全体同事致以最诚挚的祝福：Eid Mubarak！愿节日为您带来喜悦、平安与兴旺。${ZH_END}`,
    },
  },
  eid_al_adha: {
    en: {
      subject: 'Eid al-Adha Mubarak',
      body: `Dear {contact},\n\nOn the occasion of Eid al-Adha, I wish you and your family a blessed celebration filled with peace, health and happiness. Thank you for the trust {company} places in us.${EN_END}`,
    },
    fr: {
      subject: `Aïd el-Adha Moubarak${S}!`,
      body: `Bonjour {contact},\n\nÀ l’occasion de l’Aïd el-Adha, je vous souhaite, à vous et à votre famille, une fête bénie, pleine de paix, de santé et de bonheur. Merci pour la confiance que {company} nous accorde.${FR_END}`,
    },
    zh: {
      subject: '古尔邦节快乐（Eid al-Adha Mubarak）',
      body: `尊敬的{contact}：\n\n您好！值此古尔邦节（宰牲节）之际，祝您和家人节日吉祥、平安健康、幸福美满！感谢{company}对我们的信任与支持。${ZH_END}`,
    },
  },
  ramadan_start: {
    en: {
      subject: 'Ramadan Kareem',
      body: `Dear {contact},\n\nRamadan Kareem! I wish you and your family a peaceful and blessed month. We will keep our messages light during Ramadan; whenever you need us, we are here.${EN_END}`,
    },
    fr: {
      subject: 'Ramadan Moubarak',
      body: `Bonjour {contact},\n\nRamadan Moubarak${S}! Je vous souhaite, à vous et à votre famille, un mois paisible et béni. Nous nous ferons discrets pendant le ramadan${S}; nous restons bien sûr à votre disposition.${FR_END}`,
    },
    zh: {
      subject: '斋月吉祥（Ramadan Kareem）',
      body: `尊敬的{contact}：\n\n您好！斋月到来之际，祝您和家人斋月吉祥、平安喜乐（Ramadan Kareem）！斋月期间我们会尽量少打扰您，如有任何需要，请随时联系我。${ZH_END}`,
    },
  },
  islamic_new_year: {
    en: {
      subject: 'Happy Islamic New Year',
      body: `Dear {contact},\n\nOn the Islamic New Year, I wish you and your family peace, health and success in the year ahead. Thank you for working with us.${EN_END}`,
    },
    fr: {
      subject: 'Bonne année de l’hégire',
      body: `Bonjour {contact},\n\nÀ l’occasion du Nouvel An de l’hégire, je vous souhaite, à vous et à votre famille, paix, santé et réussite pour l’année qui commence. Merci pour votre confiance.${FR_END}`,
    },
    zh: {
      subject: '伊斯兰新年快乐',
      body: `尊敬的{contact}：\n\n您好！值此伊斯兰新年之际，祝您和家人新年平安、健康顺遂、事业兴旺！感谢您一直以来的合作。${ZH_END}`,
    },
  },
  mawlid: {
    en: {
      subject: 'Warm wishes for the Mawlid',
      body: `Dear {contact},\n\nOn the occasion of the Mawlid, I send you and your family my warmest wishes of peace and happiness.${EN_END}`,
    },
    fr: {
      subject: 'Meilleurs vœux pour le Mawlid',
      body: `Bonjour {contact},\n\nÀ l’occasion du Mawlid, je vous adresse, à vous et à votre famille, mes vœux chaleureux de paix et de bonheur.${FR_END}`,
    },
    zh: {
      subject: '圣纪节祝福',
      body: `尊敬的{contact}：\n\n您好！值此圣纪节之际，向您和家人致以诚挚的祝福，祝您平安喜乐、幸福安康！${ZH_END}`,
    },
  },
  christmas: {
    en: {
      subject: "Merry Christmas and Season's Greetings",
      body: `Dear {contact},\n\nAs the year draws to a close, thank you for a great year working together with {company}. I wish you and your family a Merry Christmas and a happy, healthy New Year.${EN_END}`,
    },
    fr: {
      subject: 'Joyeux Noël et belles fêtes de fin d’année',
      body: `Bonjour {contact},\n\nAlors que l’année touche à sa fin, je tiens à vous remercier pour cette belle année de collaboration avec {company}. Je vous souhaite, ainsi qu’à vos proches, un joyeux Noël et d’excellentes fêtes de fin d’année.${FR_END}`,
    },
    zh: {
      subject: '圣诞快乐，新年吉祥',
      body: `尊敬的{contact}：\n\n您好！岁末将至，衷心感谢今年与{company}的愉快合作。祝您和家人圣诞快乐、新年吉祥、幸福安康！${ZH_END}`,
    },
  },
  easter: {
    en: {
      subject: 'Happy Easter',
      body: `Dear {contact},\n\nI wish you and your family a happy Easter and a restful holiday. Thank you for your continued trust.${EN_END}`,
    },
    fr: {
      subject: 'Joyeuses Pâques',
      body: `Bonjour {contact},\n\nJe vous souhaite, à vous et à vos proches, de joyeuses fêtes de Pâques et un agréable week-end prolongé. Merci pour votre fidélité.${FR_END}`,
    },
    zh: {
      subject: '复活节快乐',
      body: `尊敬的{contact}：\n\n您好！祝您和家人复活节快乐，假期愉快！感谢您一直以来的信任与支持。${ZH_END}`,
    },
  },
  good_friday: {
    en: {
      subject: 'Wishing you a peaceful Easter',
      body: `Dear {contact},\n\nAs the Easter holiday begins, I wish you and your family a peaceful and restful time together.${EN_END}`,
    },
    fr: {
      subject: 'Belles fêtes de Pâques',
      body: `Bonjour {contact},\n\nÀ l’approche du week-end de Pâques, je vous souhaite, à vous et à vos proches, des moments paisibles et reposants en famille.${FR_END}`,
    },
    zh: {
      subject: '复活节假期愉快',
      body: `尊敬的{contact}：\n\n您好！复活节假期即将开始，祝您和家人假期平安、温馨愉快！${ZH_END}`,
    },
  },
  thanksgiving: {
    en: {
      subject: 'Happy Thanksgiving',
      body: `Dear {contact},\n\nThanksgiving is a good moment to say it: we are grateful for your business and for the partnership with {company}. Happy Thanksgiving to you and your family.${EN_END}`,
    },
    fr: {
      subject: 'Joyeux Thanksgiving',
      body: `Bonjour {contact},\n\nThanksgiving est l’occasion de vous le dire${S}: merci pour votre confiance et pour notre partenariat avec {company}. Je vous souhaite, à vous et à votre famille, un joyeux Thanksgiving.${FR_END}`,
    },
    zh: {
      subject: '感恩节快乐',
      body: `尊敬的{contact}：\n\n您好！感恩节到来之际，衷心感谢您对我们的信任以及与{company}的良好合作。祝您和家人感恩节快乐、幸福安康！${ZH_END}`,
    },
  },
  diwali: {
    en: {
      subject: 'Happy Diwali!',
      body: `Dear {contact},\n\nWishing you and your family a very happy Diwali. May the festival of lights bring joy, prosperity and success to you and to {company}.${EN_END}`,
    },
    fr: {
      subject: `Joyeux Diwali${S}!`,
      body: `Bonjour {contact},\n\nJe vous souhaite, à vous et à votre famille, un très joyeux Diwali. Que la fête des lumières apporte joie, prospérité et réussite à vous et à {company}.${FR_END}`,
    },
    zh: {
      subject: '排灯节快乐（Happy Diwali）',
      body: `尊敬的{contact}：\n\n您好！值此排灯节之际，祝您和家人节日快乐！愿光明之节为您和{company}带来喜悦、繁荣与成功。${ZH_END}`,
    },
  },
  labour_day: {
    en: {
      subject: 'Enjoy the Labour Day holiday',
      body: `Dear {contact},\n\nWishing you and your team a well-deserved rest over the Labour Day holiday. Thank you for all the work we do together.${EN_END}`,
    },
    fr: {
      subject: 'Bonne fête du Travail',
      body: `Bonjour {contact},\n\nJe vous souhaite, à vous et à votre équipe, un excellent 1er Mai et un repos bien mérité. Merci pour tout le travail accompli ensemble.${FR_END}`,
    },
    zh: {
      subject: '劳动节快乐',
      body: `尊敬的{contact}：\n\n您好！五一劳动节将至，祝您和团队节日快乐、假期愉快！感谢我们一直以来的携手努力。${ZH_END}`,
    },
  },
  national_day: {
    en: {
      subject: 'Happy {holiday}',
      body: `Dear {contact},\n\nOn {holiday}, warm congratulations to you and everyone at {company}. I wish you and your country peace and prosperity.${EN_END}`,
    },
    fr: {
      // No {holiday} here: the library's names take either gender ("le Jour de l’Indépendance",
      // "la Fête nationale"), so "votre fête nationale" is the one phrasing right for every country.
      subject: 'Meilleurs vœux pour votre fête nationale',
      body: `Bonjour {contact},\n\nÀ l’occasion de votre fête nationale, j’adresse mes chaleureuses félicitations à vous et à toute l’équipe de {company}. Je vous souhaite, ainsi qu’à votre pays, paix et prospérité.${FR_END}`,
    },
    zh: {
      subject: '{holiday}快乐',
      body: `尊敬的{contact}：\n\n您好！值此{holiday}之际，向您及{company}全体同仁致以热烈的祝贺，祝贵国繁荣昌盛、人民幸福安康！${ZH_END}`,
    },
  },
  holiday: {
    en: {
      // Any holiday, solemn ones too (Qingming, a remembrance day): peace and rest, never "happy".
      subject: 'Best wishes for {holiday}',
      body: `Dear {contact},\n\nWith {holiday} coming, I wish you and your family a peaceful and restful day. Thank you for your continued trust in us.${EN_END}`,
    },
    fr: {
      subject: `{holiday}${S}: meilleurs vœux`,
      body: `Bonjour {contact},\n\nÀ l’occasion de ce jour férié ({holiday}), je vous souhaite, à vous et à vos proches, une journée paisible et reposante. Merci pour votre confiance renouvelée.${FR_END}`,
    },
    zh: {
      subject: '{holiday}安康',
      body: `尊敬的{contact}：\n\n您好！{holiday}将至，祝您和家人假期平安、身体健康、万事顺遂！感谢您一直以来的信任与支持。${ZH_END}`,
    },
  },
  birthday: {
    en: {
      subject: 'Happy birthday, {contact}!',
      body: `Dear {contact},\n\nHappy birthday! I wish you a wonderful day with the people you love, and a year full of health, happiness and success. It is always a pleasure working with you.${EN_END}`,
    },
    fr: {
      subject: `Joyeux anniversaire, {contact}${S}!`,
      body: `Bonjour {contact},\n\nJoyeux anniversaire${S}! Je vous souhaite une excellente journée auprès de vos proches, et une année pleine de santé, de bonheur et de réussite. C’est toujours un plaisir de travailler avec vous.${FR_END}`,
    },
    zh: {
      subject: '{contact}，生日快乐！',
      body: `亲爱的{contact}：\n\n生日快乐！祝您生日愉快、身体健康、万事顺意，新的一岁事业更上一层楼！很高兴与您合作，期待我们继续携手共进。${ZH_END}`,
    },
  },
}

const occasion = z.enum(GREETING_OCCASIONS, { error: 'invalid_choice' })
const lang = z.enum(LANGUAGE_CODES, { error: 'invalid_choice' })
const isoDate = z.iso.date({ error: 'invalid_date' })
const country = z.string().regex(/^[A-Z]{2}$/, { error: 'invalid_country' })

export const templateSchema = z.object({
  occasion,
  lang,
  subject: z.string(),
  body: z.string(),
  /** The team's own text (a row of greeting_templates), else the built-in one. */
  custom: z.boolean(),
  /** The built-in text, for "reset"; null in a language without one. */
  builtin: z.object({ subject: z.string(), body: z.string() }).nullable(),
})
export type GreetingTemplate = z.infer<typeof templateSchema>

export const greetingSettingsSchema = z.object({
  /** Days before each occasion its greeting is due; absent: DEFAULT_LEAD_DAYS. */
  leadDays: z.partialRecord(occasion, z.number()),
  /** The name signing greetings ({sender}); null: the customer's owner. */
  sender: z.string().nullable(),
})
export type GreetingSettings = z.infer<typeof greetingSettingsSchema>

export const templateInputSchema = z.object({
  occasion,
  lang,
  subject: z.string().trim().max(300, { error: 'too_long' }),
  body: z.string().trim().min(1, { error: 'required' }).max(5000, { error: 'too_long' }),
})

/** What a greeting is for: a contact's birthday, or a holiday of a country on its date. */
export const greetingTargetSchema = z.object({
  occasion: z.enum(['birthday', 'holiday']),
  date: isoDate,
  /** holiday: its country and kind (several holidays may fall on one day). */
  country: country.optional(),
  holidayKind: z.enum(HOLIDAY_KINDS).optional(),
})
export type GreetingTarget = z.infer<typeof greetingTargetSchema>

export const LANG_REASONS = ['chosen', 'contact', 'customer', 'country', 'ui'] as const
export type LangReason = (typeof LANG_REASONS)[number]

export const greetingDraftSchema = z.object({
  customerId: z.string(),
  customerName: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  /** The customer's contacts, to send to another one. */
  contacts: z.array(z.object({ id: z.string(), name: z.string(), language: z.string().nullable() })),
  occasion: z.enum(GREETING_OCCASIONS),
  /** The holiday's name in the draft's language (the `{holiday}` field). */
  holiday: z.string(),
  lang: z.string(),
  /** Why this language: asked for, the contact's, the customer's, the country's, the user's. */
  reason: z.enum(LANG_REASONS),
  /** Languages a template exists in for this occasion. */
  langs: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  to: z.string().nullable(),
  mailto: z.string(),
  /** A greeting_sent interaction for this occasion was logged already. */
  sent: z.boolean(),
})
export type GreetingDraft = z.infer<typeof greetingDraftSchema>

export const recipientSchema = z.object({
  customerId: z.string(),
  customerName: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  sent: z.boolean(),
})
export type GreetingRecipient = z.infer<typeof recipientSchema>

/** A mailto: URL with the subject and body (RFC 6068: percent-encoded, CRLF line breaks). */
export function mailtoOf(to: string | null, subject: string, body: string): string {
  const enc = (s: string) => encodeURIComponent(s)
  return `mailto:${to ? enc(to).replace(/%40/g, '@') : ''}?subject=${enc(subject)}&body=${enc(body.replace(/\r?\n/g, '\r\n'))}`
}
