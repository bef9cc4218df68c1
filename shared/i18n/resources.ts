// The UI strings per language: a base file plus one file per feature (groups, dashboard, policy),
// so features can grow their strings without editing one shared file. Merged at load; a key
// defined in two files is a mistake and fails loudly rather than one silently winning.
import en from './locales/en.json'
import fr from './locales/fr.json'
import zh from './locales/zh.json'
import groupsEn from './locales/groups.en.json'
import groupsFr from './locales/groups.fr.json'
import groupsZh from './locales/groups.zh.json'
import dashboardEn from './locales/dashboard.en.json'
import dashboardFr from './locales/dashboard.fr.json'
import dashboardZh from './locales/dashboard.zh.json'
import policyEn from './locales/policy.en.json'
import policyFr from './locales/policy.fr.json'
import policyZh from './locales/policy.zh.json'
import customerEn from './locales/customer.en.json'
import customerFr from './locales/customer.fr.json'
import customerZh from './locales/customer.zh.json'
import layoutEn from './locales/layout.en.json'
import layoutFr from './locales/layout.fr.json'
import layoutZh from './locales/layout.zh.json'
import vocabEn from './locales/vocab.en.json'
import vocabFr from './locales/vocab.fr.json'
import vocabZh from './locales/vocab.zh.json'
import importErrorsEn from './locales/importerrors.en.json'
import importErrorsFr from './locales/importerrors.fr.json'
import importErrorsZh from './locales/importerrors.zh.json'
import importCodesEn from './locales/importcodes.en.json'
import importCodesFr from './locales/importcodes.fr.json'
import importCodesZh from './locales/importcodes.zh.json'
import importEn from './locales/import.en.json'
import importFr from './locales/import.fr.json'
import importZh from './locales/import.zh.json'
import exportsEn from './locales/exports.en.json'
import exportsFr from './locales/exports.fr.json'
import exportsZh from './locales/exports.zh.json'
import backupsEn from './locales/backups.en.json'
import backupsFr from './locales/backups.fr.json'
import backupsZh from './locales/backups.zh.json'
import mergeEn from './locales/merge.en.json'
import mergeFr from './locales/merge.fr.json'
import mergeZh from './locales/merge.zh.json'
import calendarEn from './locales/calendar.en.json'
import calendarFr from './locales/calendar.fr.json'
import calendarZh from './locales/calendar.zh.json'
import todayEn from './locales/today.en.json'
import todayFr from './locales/today.fr.json'
import todayZh from './locales/today.zh.json'
import remindersEn from './locales/reminders.en.json'
import remindersFr from './locales/reminders.fr.json'
import remindersZh from './locales/reminders.zh.json'
import calendarUiEn from './locales/calendarui.en.json'
import calendarUiFr from './locales/calendarui.fr.json'
import calendarUiZh from './locales/calendarui.zh.json'
import fairEn from './locales/fair.en.json'
import fairFr from './locales/fair.fr.json'
import fairZh from './locales/fair.zh.json'
import greetingsEn from './locales/greetings.en.json'
import greetingsFr from './locales/greetings.fr.json'
import greetingsZh from './locales/greetings.zh.json'
import teamEn from './locales/team.en.json'
import teamFr from './locales/team.fr.json'
import teamZh from './locales/team.zh.json'
import notifyEn from './locales/notify.en.json'
import notifyFr from './locales/notify.fr.json'
import notifyZh from './locales/notify.zh.json'

export type Tree = { [key: string]: unknown }

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Deep merge of translation trees; throws on a leaf defined twice. */
export function mergeTrees(...trees: Tree[]): Tree {
  const out: Tree = {}
  const put = (target: Tree, source: Tree, path: string) => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key]
      if (isTree(value) && (existing === undefined || isTree(existing))) {
        const child = existing ?? {}
        target[key] = child
        put(child, value, `${path}${key}.`)
      } else if (existing !== undefined) {
        throw new Error(`translation key ${path}${key} is defined twice`)
      } else {
        target[key] = value
      }
    }
  }
  for (const t of trees) put(out, t, '')
  return out
}

export const translations = {
  en: mergeTrees(
    en,
    groupsEn,
    dashboardEn,
    policyEn,
    customerEn,
    layoutEn,
    vocabEn,
    importErrorsEn,
    importEn,
    exportsEn,
    backupsEn,
    mergeEn,
    importCodesEn,
    calendarEn,
    todayEn,
    remindersEn,
    calendarUiEn,
    fairEn,
    greetingsEn,
    notifyEn,
    teamEn,
  ),
  fr: mergeTrees(
    fr,
    groupsFr,
    dashboardFr,
    policyFr,
    customerFr,
    layoutFr,
    vocabFr,
    importErrorsFr,
    importFr,
    exportsFr,
    backupsFr,
    mergeFr,
    importCodesFr,
    calendarFr,
    todayFr,
    remindersFr,
    calendarUiFr,
    fairFr,
    greetingsFr,
    notifyFr,
    teamFr,
  ),
  zh: mergeTrees(
    zh,
    groupsZh,
    dashboardZh,
    policyZh,
    customerZh,
    layoutZh,
    vocabZh,
    importErrorsZh,
    importZh,
    exportsZh,
    backupsZh,
    mergeZh,
    importCodesZh,
    calendarZh,
    todayZh,
    remindersZh,
    calendarUiZh,
    fairZh,
    greetingsZh,
    notifyZh,
    teamZh,
  ),
}
