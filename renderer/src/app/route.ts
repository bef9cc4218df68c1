// Hash routes (#/customers, #/customers/<id>, #/groups/<key>, #/dashboard, #/today, #/calendar, #/settings, #/review, #/import):
// deep-linkable, and they work the same under app:// and the harness without server-side routing.
import { useEffect, useState } from 'react'

export type Route =
  | { name: 'customers' }
  | { name: 'customer'; id: string }
  | { name: 'dashboard' }
  /** `key` names what the group view shows (see features/groups/selectionKey.ts); null: the overview. */
  | { name: 'groups'; key: string | null }
  | { name: 'settings' }
  | { name: 'review' }
  | { name: 'import' }
  | { name: 'backups' }
  | { name: 'calendar' }
  | { name: 'today' }

export function parseRoute(hash: string): Route {
  const customer = /^#\/customers\/([\w-]+)$/.exec(hash)
  if (customer) return { name: 'customer', id: customer[1]! }
  const groups = /^#\/groups(?:\/(.+))?$/.exec(hash)
  if (groups) return { name: 'groups', key: groups[1] ? safeDecode(groups[1]) : null }
  if (hash === '#/dashboard') return { name: 'dashboard' }
  if (hash === '#/settings') return { name: 'settings' }
  if (hash === '#/review') return { name: 'review' }
  if (hash === '#/import') return { name: 'import' }
  if (hash === '#/backups') return { name: 'backups' }
  if (hash === '#/calendar') return { name: 'calendar' }
  if (hash === '#/today') return { name: 'today' }
  return { name: 'customers' }
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'customer':
      return `#/customers/${route.id}`
    case 'groups':
      return route.key === null ? '#/groups' : `#/groups/${encodeURIComponent(route.key)}`
    case 'dashboard':
    case 'settings':
    case 'review':
    case 'import':
    case 'backups':
    case 'calendar':
    case 'today':
      return `#/${route.name}`
    default:
      return '#/customers'
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route)
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
