// A virtualised list fetched a page at a time as rows scroll into view, shared by the customer
// list and the group member table: only the visible rows are in the DOM and only the pages they
// fall in are loaded, so 100,000 rows scroll like 100.
import { useEffect, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

export const PAGE = 100
export const ROW_HEIGHT = 44

/** The pages read for one generation (one list at one data version). */
type Pages<T> = { gen: number; map: Map<number, T[]> }

export function usePagedRows<T>(
  /** What is listed (filters, sort): a change starts over from the first page. */
  key: string,
  /** The data version: a change reloads. */
  version: number,
  load: (offset: number, limit: number) => Promise<{ rows: T[]; total: number }>,
  onTotal: (total: number | null) => void = () => undefined,
) {
  const parentRef = useRef<HTMLDivElement>(null)
  // The rows on screen stay until the first page of a new generation comes, then all go at once:
  // emptying the list first painted a screenful of placeholder rows between the old rows and the
  // new (two full renders per filter change or save, and a flash on every write).
  const [pages, setPages] = useState<Pages<T>>({ gen: 0, map: new Map() })
  const [total, setTotal] = useState<number | null>(null)
  const loading = useRef(new Set<number>())
  const generation = useRef(0)
  const shownKey = useRef(key)

  const loadPage = (page: number, gen: number) => {
    if (loading.current.has(page)) return
    loading.current.add(page)
    load(page * PAGE, PAGE).then(
      (res) => {
        // A page that arrives after the query changed belongs to the old list.
        if (gen !== generation.current) return
        setPages((prev) => ({
          gen,
          map: new Map(prev.gen === gen ? prev.map : []).set(page, res.rows),
        }))
        setTotal(res.total)
        onTotal(res.total)
      },
      () => {
        if (gen === generation.current) loading.current.delete(page)
      },
    )
  }

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const visiblePages = [...new Set(items.map((i) => Math.floor(i.index / PAGE)))]

  useEffect(() => {
    const gen = ++generation.current
    loading.current = new Set()
    if (shownKey.current !== key) {
      // Another list (filter, sort, search): from its top.
      shownKey.current = key
      parentRef.current?.scrollTo({ top: 0 })
      loadPage(0, gen)
    } else {
      // The same list at a new data version (a save here, a job, a teammate's change): the rows
      // the user is looking at reload where they are.
      for (const p of visiblePages.length ? visiblePages : [0]) loadPage(p, gen)
    }
    // `load` is recreated every render; `key` and `version` say when it loads something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version])

  useEffect(() => {
    for (const p of visiblePages)
      if (pages.gen !== generation.current || !pages.map.has(p)) loadPage(p, generation.current)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items.map((i) => i.index).join(',')])

  return {
    parentRef,
    total,
    totalSize: virtualizer.getTotalSize(),
    items,
    rowAt: (index: number): T | undefined => pages.map.get(Math.floor(index / PAGE))?.[index % PAGE],
  }
}
