// A virtualised list fetched a page at a time as rows scroll into view, shared by the customer
// list and the group member table: only the visible rows are in the DOM and only the pages they
// fall in are loaded, so 100,000 rows scroll like 100.
import { useEffect, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

export const PAGE = 100
export const ROW_HEIGHT = 44

export function usePagedRows<T>(
  /** What is listed (filters, sort): a change starts over from the first page. */
  key: string,
  /** The data version: a change reloads. */
  version: number,
  load: (offset: number, limit: number) => Promise<{ rows: T[]; total: number }>,
  onTotal: (total: number | null) => void = () => undefined,
) {
  const parentRef = useRef<HTMLDivElement>(null)
  const [pages, setPages] = useState<Map<number, T[]>>(new Map())
  const [total, setTotal] = useState<number | null>(null)
  const loading = useRef(new Set<number>())
  const generation = useRef(0)

  const loadPage = (page: number, gen: number) => {
    if (loading.current.has(page)) return
    loading.current.add(page)
    load(page * PAGE, PAGE).then(
      (res) => {
        // A page that arrives after the query changed belongs to the old list.
        if (gen !== generation.current) return
        setPages((prev) => new Map(prev).set(page, res.rows))
        setTotal(res.total)
        onTotal(res.total)
      },
      () => {
        if (gen === generation.current) loading.current.delete(page)
      },
    )
  }

  useEffect(() => {
    generation.current++
    loading.current = new Set()
    setPages(new Map())
    loadPage(0, generation.current)
    parentRef.current?.scrollTo({ top: 0 })
    // `load` is recreated every render; `key` and `version` say when it loads something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version])

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()

  useEffect(() => {
    for (const p of new Set(items.map((i) => Math.floor(i.index / PAGE))))
      if (!pages.has(p)) loadPage(p, generation.current)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items.map((i) => i.index).join(',')])

  return {
    parentRef,
    total,
    totalSize: virtualizer.getTotalSize(),
    items,
    rowAt: (index: number): T | undefined => pages.get(Math.floor(index / PAGE))?.[index % PAGE],
  }
}
