// The reminder dialog's repeat presets and their sentences in zh, fr and en (SPEC R1), checked
// against what the rrule library itself makes of each rule, so a sentence cannot describe dates
// the reminder does not fall on.
import { describe, expect, it } from 'vitest'
import { RRule } from 'rrule'
import { buildRule, describeRule, parseRule, presetFor, PRESET_KINDS } from '../../shared/rrule-text'
import type { RulePreset } from '../../shared/rrule-text'

const dates = (rule: string, start: string, n: number) =>
  new RRule({ ...RRule.parseString(rule), dtstart: new Date(`${start}T00:00:00Z`) })
    .all((_, i) => i < n)
    .map((d) => d.toISOString().slice(0, 10))

describe('buildRule', () => {
  it('writes every preset as the RFC 5545 rule rrule reads', () => {
    const cases: [RulePreset, string | null][] = [
      [{ kind: 'none' }, null],
      [{ kind: 'daily', interval: 3 }, 'FREQ=DAILY;INTERVAL=3'],
      [{ kind: 'weekly', interval: 1, days: ['TH', 'MO', 'MO'] }, 'FREQ=WEEKLY;BYDAY=MO,TH'],
      [{ kind: 'weekly', interval: 2, days: ['MO'] }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO'],
      [{ kind: 'monthlyDay', interval: 1, day: 15 }, 'FREQ=MONTHLY;BYMONTHDAY=15'],
      [{ kind: 'monthlyNth', nth: 3, weekday: 'MO' }, 'FREQ=MONTHLY;BYDAY=+3MO'],
      [{ kind: 'monthlyNth', nth: -1, weekday: 'FR' }, 'FREQ=MONTHLY;BYDAY=-1FR'],
      [{ kind: 'lastWorkingDay' }, 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'],
      [{ kind: 'lastDay' }, 'FREQ=MONTHLY;BYMONTHDAY=-1'],
      [{ kind: 'yearly' }, 'FREQ=YEARLY'],
    ]
    for (const [preset, rule] of cases) {
      expect(buildRule(preset)).toBe(rule)
      expect(parseRule(rule)).toEqual(
        preset.kind === 'weekly'
          ? {
              ...preset,
              days: [...new Set(preset.days)].sort(
                (a, b) => 'MOTUWETHFRSASU'.indexOf(a) - 'MOTUWETHFRSASU'.indexOf(b),
              ),
            }
          : preset,
      )
    }
  })

  it('gives the dates the presets promise', () => {
    // 2027-01: the 3rd Monday is the 18th; the last working day of July 2027 is Friday the 30th
    // (the 31st is a Saturday); February 2028 has 29 days.
    expect(dates('FREQ=MONTHLY;BYDAY=+3MO', '2027-01-01', 2)).toEqual(['2027-01-18', '2027-02-15'])
    expect(dates(buildRule({ kind: 'lastWorkingDay' })!, '2027-07-01', 1)).toEqual(['2027-07-30'])
    expect(dates(buildRule({ kind: 'lastDay' })!, '2028-02-01', 2)).toEqual(['2028-02-29', '2028-03-31'])
  })

  it('reads rules the presets cannot show as null, so the dialog keeps them as they are', () => {
    expect(parseRule('FREQ=MONTHLY;BYDAY=+3MO;COUNT=4')).toBeNull()
    expect(parseRule('FREQ=YEARLY;BYMONTH=3')).toBeNull()
    expect(parseRule('FREQ=MONTHLY;BYDAY=MO,FR')).toBeNull()
    expect(parseRule('FREQ=HOURLY')).toBeNull()
    expect(parseRule(null)).toEqual({ kind: 'none' })
  })
})

describe('presetFor', () => {
  it('fits the preset to the due date', () => {
    // 2027-03-29 is the fifth Monday of March: "the last Monday".
    expect(presetFor('weekly', '2027-03-29')).toEqual({ kind: 'weekly', interval: 1, days: ['MO'] })
    expect(presetFor('monthlyNth', '2027-03-29')).toEqual({ kind: 'monthlyNth', nth: -1, weekday: 'MO' })
    expect(presetFor('monthlyNth', '2027-03-15')).toEqual({ kind: 'monthlyNth', nth: 3, weekday: 'MO' })
    expect(presetFor('monthlyDay', '2027-03-15')).toEqual({ kind: 'monthlyDay', interval: 1, day: 15 })
    for (const kind of PRESET_KINDS) expect(presetFor(kind, null).kind).toBe(kind)
  })
})

describe('describeRule', () => {
  const table: [string, string, string, string][] = [
    ['FREQ=DAILY', 'Every day', 'Tous les jours', '每天'],
    ['FREQ=DAILY;INTERVAL=3', 'Every 3 days', 'Tous les 3 jours', '每 3 天'],
    ['FREQ=WEEKLY;BYDAY=MO', 'Every week on Monday', 'Toutes les semaines, le lundi', '每周一'],
    [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR',
      'Every 2 weeks on Monday, Wednesday and Friday',
      'Toutes les 2 semaines, le lundi, mercredi et vendredi',
      '每 2 周的周一、周三、周五',
    ],
    ['FREQ=MONTHLY;BYMONTHDAY=1', 'Every month on the 1st', 'Tous les mois, le 1er', '每月 1 日'],
    [
      'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=22',
      'Every 2 months on the 22nd',
      'Tous les 2 mois, le 22',
      '每 2 个月 22 日',
    ],
    [
      'FREQ=MONTHLY;BYDAY=+3MO',
      'Every month on the third Monday',
      'Tous les mois, le troisième lundi',
      '每月第三个周一',
    ],
    [
      'FREQ=MONTHLY;BYDAY=-1FR',
      'Every month on the last Friday',
      'Tous les mois, le dernier vendredi',
      '每月最后一个周五',
    ],
    [
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'Every month on the last working day',
      'Tous les mois, le dernier jour ouvré',
      '每月最后一个工作日',
    ],
    [
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      'Every month on the last day',
      'Tous les mois, le dernier jour',
      '每月最后一天',
    ],
    ['FREQ=YEARLY', 'Every year', 'Tous les ans', '每年'],
    [
      'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1',
      'Every year on March 1',
      'Tous les ans, le 1er mars',
      '每年 3 月 1 日',
    ],
    [
      'FREQ=WEEKLY;BYDAY=TU;COUNT=5',
      'Every week on Tuesday, 5 times',
      'Toutes les semaines, le mardi, 5\u00a0fois',
      '每周二，共 5 次',
    ],
    [
      'FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20271231T000000Z',
      'Every month on the last day, until December 31, 2027',
      'Tous les mois, le dernier jour, jusqu’au 31 décembre 2027',
      '每月最后一天，直到 2027 年 12 月 31 日',
    ],
  ]
  for (const [rule, en, fr, zh] of table) {
    it(rule, () => {
      expect(describeRule(rule, 'en')).toBe(en)
      expect(describeRule(rule, 'fr')).toBe(fr)
      expect(describeRule(rule, 'zh')).toBe(zh)
    })
  }

  it('falls back to the translated "custom rule" sentence for what it cannot read', () => {
    const t = (key: string, vars: Record<string, string>) => `${key}:${vars.rule}`
    expect(describeRule('FREQ=HOURLY;INTERVAL=2', 'fr', t)).toBe(
      'calendarui.rule.custom:FREQ=HOURLY;INTERVAL=2',
    )
    expect(describeRule('FREQ=DAILY;BYDAY=+1MO', 'en')).toBe('FREQ=DAILY;BYDAY=+1MO')
    expect(describeRule(null, 'zh')).toBe('')
  })
})
