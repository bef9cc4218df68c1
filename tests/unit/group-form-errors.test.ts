// Every validation error the group forms can show (new/renamed static group, smart-group rule
// builder, bulk owner/tag), produced by the real schemas and rule compiler, reads as words in zh,
// fr and en: no raw key ("fields.values"), no unfilled {{variable}}, and the field named as the
// form labels it ("分组名称", not the customer form's "姓名").
import { describe, it, expect } from 'vitest'
import i18next from 'i18next'
import type { TFunction } from 'i18next'
import { translations } from '../../shared/i18n/resources'
import { groupFieldLabel, groupIssueText } from '../../renderer/src/features/groups/formErrors'
import { bulkActionSchema, groupInputSchema, RULE_FIELD_NAMES } from '../../shared/groups'
import type { GroupRules, RuleField } from '../../shared/groups'
import { AppFailure, fieldIssues } from '../../shared/errors'
import type { FieldIssue } from '../../shared/errors'
import { compileRules } from '../../electron/main/features/groups/group-sql'

const LANGS = ['zh', 'fr', 'en'] as const
const RAW_KEY = /\b(fields|groups|validation|errors|enum|common)\.[A-Za-z_]/

async function tFor(lang: (typeof LANGS)[number]): Promise<TFunction> {
  const i18n = i18next.createInstance()
  await i18n.init({
    lng: lang,
    resources: { [lang]: { translation: translations[lang] } },
    fallbackLng: false,
    interpolation: { escapeValue: false },
  })
  return i18n.t
}

const cond = (c: Record<string, unknown>) => ({
  kind: 'smart',
  name: 'G',
  rules: { match: 'all', conditions: [c] },
})

/** Inputs each form can send that the schemas refuse. */
const BAD_GROUPS: unknown[] = [
  { kind: 'static', name: '' },
  { kind: 'static', name: '   ' },
  { kind: 'static', name: 'x'.repeat(121) },
  { kind: 'smart', name: '', rules: { match: 'all', conditions: [] } },
  { kind: 'smart', name: 'G', rules: { match: 'xor', conditions: [{ field: 'tier', op: 'empty' }] } },
  {
    kind: 'smart',
    name: 'G',
    rules: { match: 'all', conditions: Array.from({ length: 31 }, () => ({ field: 'tier', op: 'empty' })) },
  },
  cond({ field: 'tier', op: 'in', values: [] }),
  cond({ field: 'country', op: 'not_in', values: [] }),
  cond({ field: 'industry', op: 'in', values: ['x'.repeat(201)] }),
  cond({ field: 'industry', op: 'in', values: ['a\u0000b'] }),
  cond({ field: 'name', op: 'contains', text: '' }),
  cond({ field: 'revenue_usd', op: 'gte', number: Number.NaN }),
  cond({ field: 'revenue_usd', op: 'gte', number: -1 }),
  cond({ field: 'order_count', op: 'lte', number: 1e14 }),
  cond({ field: 'nope', op: 'in', values: ['a'] }),
  cond({ field: 'tier', op: 'raw' }),
]

/** Rules the schema accepts but main's compiler refuses (a wrong operator, a value off a closed list). */
const BAD_RULES: GroupRules[] = [
  { match: 'all', conditions: [{ field: 'tier', op: 'gte', number: 1 }] },
  { match: 'all', conditions: [{ field: 'tier', op: 'in', values: ['bogus'] }] },
  { match: 'any', conditions: [{ field: 'revenue_usd', op: 'contains', text: 'x' }] },
]

function allIssues(): { issue: FieldIssue; field?: RuleField }[] {
  const out: { issue: FieldIssue; field?: RuleField }[] = []
  for (const input of BAD_GROUPS) {
    const parsed = groupInputSchema.safeParse(input)
    expect(parsed.success, JSON.stringify(input)).toBe(false)
    const conditions = (input as { rules?: { conditions?: { field?: string }[] } }).rules?.conditions ?? []
    for (const issue of fieldIssues(parsed.error!.issues, ['group'])) {
      const index = issue.path[issue.path.indexOf('conditions') + 1]
      const field = typeof index === 'number' ? conditions[index]?.field : undefined
      out.push({
        issue,
        field: (RULE_FIELD_NAMES as string[]).includes(field ?? '') ? (field as RuleField) : undefined,
      })
    }
  }
  for (const rules of BAD_RULES) {
    try {
      compileRules(rules, '2026-11-25', ['group', 'rules'])
      throw new Error(`accepted ${JSON.stringify(rules)}`)
    } catch (err) {
      expect(err).toBeInstanceOf(AppFailure)
      for (const issue of (err as AppFailure).issues ?? [])
        out.push({ issue, field: rules.conditions[0]!.field })
    }
  }
  for (const action of [
    { kind: 'tag', tag: '' },
    { kind: 'tag', tag: 'x'.repeat(61) },
    { kind: 'owner', owner: 'x'.repeat(121) },
  ]) {
    const parsed = bulkActionSchema.safeParse(action)
    expect(parsed.success).toBe(false)
    for (const issue of fieldIssues(parsed.error!.issues, ['action'])) out.push({ issue })
  }
  return out
}

describe('group form errors', () => {
  const issues = allIssues()

  it('cover names, every kind of condition input, the match, and the bulk fields', () => {
    const paths = new Set(
      issues.map(({ issue }) => issue.path.filter((p) => typeof p === 'string').join('.')),
    )
    for (const p of [
      'group.name',
      'group.rules.conditions',
      'group.rules.match',
      'group.rules.conditions.values',
      'group.rules.conditions.text',
      'group.rules.conditions.number',
      'group.rules.conditions.field',
      'group.rules.conditions.op',
      'action.tag',
      'action.owner',
    ])
      expect(paths, p).toContain(p)
  })

  for (const lang of LANGS) {
    it(`read as words in ${lang}, naming each field as the form labels it`, async () => {
      const t = await tFor(lang)
      for (const { issue, field } of issues) {
        const text = groupIssueText(t, issue, () => field)
        expect(text, JSON.stringify(issue)).not.toMatch(RAW_KEY)
        expect(text).not.toContain('{{')
        expect(text).toContain(t(`validation.${issue.code}`))
        // Each issue names its field: no issue shows a bare "required" with no idea where.
        expect(
          groupFieldLabel(t, issue.path, () => field),
          JSON.stringify(issue),
        ).not.toBeNull()
        const last = issue.path[issue.path.length - 1]
        if (issue.path[0] === 'group' && last === 'name') {
          expect(text).toContain(t('groups.name'))
          expect(text).not.toBe(
            t('validation.fieldIssue', { field: t('fields.name'), problem: t(`validation.${issue.code}`) }),
          )
        }
        if (field && issue.path.includes('conditions')) expect(text).toContain(t(`groups.fields.${field}`))
      }
    })
  }

  it('names a group name "分组名称" in Chinese, and a condition by its number and field', async () => {
    const t = await tFor('zh')
    expect(groupIssueText(t, { path: ['group', 'name'], code: 'required' })).toBe(
      t('validation.fieldIssue', { field: '分组名称', problem: t('validation.required') }),
    )
    expect(
      groupIssueText(
        t,
        { path: ['group', 'rules', 'conditions', 1, 'values'], code: 'required' },
        () => 'country',
      ),
    ).toContain('条件 2')
  })
})
