// Hash routes (#/customers, #/customers/<id>, #/groups/<key>, #/dashboard, #/today, #/calendar, #/greetings, #/settings, #/review, #/import):
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
  | { name: 'team' }
  | { name: 'calendar' }
  | { name: 'today' }
  | { name: 'greetings' }
  /** Trade-fair mode (F1): the fairs (id null), a fair's capture screen or its triage list. */
  | { name: 'fair'; id: string | null; view: 'capture' | 'triage' }

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
  if (hash === '#/team') return { name: 'team' }
  if (hash === '#/calendar') return { name: 'calendar' }
  if (hash === '#/today') return { name: 'today' }
  if (hash === '#/greetings') return { name: 'greetings' }
  const fair = /^#\/fair(?:\/([\w-]+)(\/triage)?)?$/.exec(hash)
  if (fair) return { name: 'fair', id: fair[1] ?? null, view: fair[2] ? 'triage' : 'capture' }
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
    case 'fair':
      return route.id === null ? '#/fair' : `#/fair/${route.id}${route.view === 'triage' ? '/triage' : ''}`
    case 'groups':
      return route.key === null ? '#/groups' : `#/groups/${encodeURIComponent(route.key)}`
    case 'dashboard':
    case 'settings':
    case 'review':
    case 'import':
    case 'backups':
    case 'team':
    case 'calendar':
    case 'today':
    case 'greetings':
      return `#/${route.name}`
    default:
      return '#/customers'
  }
}

const routeListeners = new Set<(hash: string) => void>()

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route)
  // Told at once rather than at the later hashchange task: after a save, the change event of the
  // save is due at the next frame, and the screen being left would reload and re-render for it
  // first (a customer list re-rendered for nothing before the new customer's page).
  for (const listener of routeListeners) listener(window.location.hash)
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    // Kept while the address is the same, so the second notice of one navigation renders nothing;
    // any other address is a new route, even one naming the same screen (the bare start address
    // and #/customers both show the list, but only the first is the landing).
    let last = window.location.hash
    const onHash = (hash: string) => {
      if (hash === last) return
      last = hash
      setRoute(parseRoute(hash))
    }
    const onChange = () => onHash(window.location.hash)
    routeListeners.add(onHash)
    window.addEventListener('hashchange', onChange)
    return () => {
      routeListeners.delete(onHash)
      window.removeEventListener('hashchange', onChange)
    }
  }, [])
  return route
}
