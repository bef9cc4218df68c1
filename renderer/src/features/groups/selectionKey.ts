// What the groups screen shows, as the route's key: 'all', 'g:<groupId>', 'b:<grouping>:<value>'
// (value URI-encoded, '~' for "none"), or 'grouping:<grouping>' for the overview with that
// grouping's buckets open. Anything else reads as the overview.
import { BUILTIN_GROUPINGS } from '../../../../shared/groups'
import type { BuiltinGrouping, Selection } from '../../../../shared/groups'

export type GroupsView = { selection: Selection | null; grouping: BuiltinGrouping }

const isGrouping = (s: string): s is BuiltinGrouping => (BUILTIN_GROUPINGS as readonly string[]).includes(s)

export function selectionKey(selection: Selection): string {
  switch (selection.kind) {
    case 'all':
      return 'all'
    case 'group':
      return `g:${selection.id}`
    case 'builtin':
      return `b:${selection.grouping}:${selection.value === null ? '~' : encodeURIComponent(selection.value)}`
    case 'rules':
      return 'all'
  }
}

export function groupingKey(grouping: BuiltinGrouping): string {
  return `grouping:${grouping}`
}

export function parseSelectionKey(key: string | null): GroupsView {
  const fallback: GroupsView = { selection: null, grouping: 'tier' }
  if (!key) return fallback
  if (key === 'all') return { selection: { kind: 'all' }, grouping: 'tier' }
  if (key.startsWith('g:') && key.length > 2 && key.length <= 66)
    return { selection: { kind: 'group', id: key.slice(2) }, grouping: 'tier' }
  const grouping = /^grouping:(\w+)$/.exec(key)
  if (grouping && isGrouping(grouping[1]!)) return { selection: null, grouping: grouping[1] }
  const builtin = /^b:(\w+):(.*)$/.exec(key)
  if (builtin && isGrouping(builtin[1]!)) {
    let value: string | null = null
    if (builtin[2] !== '~') {
      try {
        value = decodeURIComponent(builtin[2]!)
      } catch {
        return fallback
      }
    }
    return { selection: { kind: 'builtin', grouping: builtin[1], value }, grouping: builtin[1] }
  }
  return fallback
}
