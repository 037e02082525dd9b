/**
 * Offset pages, as Sequenzy's campaign list answers them (vendors.md §3.4): `limit` and `offset`
 * in the query, `pagination: {limit, offset, count, total, hasMore}` in the body.
 */
export interface OffsetPage<T> {
  page: T[]
  pagination: {limit: number; offset: number; count: number; total: number; hasMore: boolean}
}

/** One page of `items` (already filtered). Out-of-range values are clamped, not refused. */
export function offsetPage<T>(items: T[], query: URLSearchParams): OffsetPage<T> {
  // "The default page size is 50, and limit is capped at 100."
  const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50) || 50))
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0)
  const page = items.slice(offset, offset + limit)
  return {page, pagination: {limit, offset, count: page.length, total: items.length, hasMore: offset + page.length < items.length}}
}
