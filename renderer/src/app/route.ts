// Hash routes (#/customers, #/customers/<id>): deep-linkable, and they work the same under
// app:// and the harness without server-side routing.
import { useEffect, useState } from 'react'

export type Route = { name: 'customers' } | { name: 'customer'; id: string }

export function parseRoute(hash: string): Route {
  const m = /^#\/customers\/([\w-]+)$/.exec(hash)
  return m ? { name: 'customer', id: m[1]! } : { name: 'customers' }
}

export function hrefFor(route: Route): string {
  return route.name === 'customer' ? `#/customers/${route.id}` : '#/customers'
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
