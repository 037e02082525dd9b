/**
 * Keyset paging as Altcraft's list methods do it (vendors.md §5.3): `from_id` (inclusive, default
 * 1), `limit` (default 1000), and `next_from_id` / `total_count` next to `data`.
 */
import {assumptions} from './assumptions.js'
import {ApiError} from './errors.js'
import {int, type Params} from './params.js'

export interface Page<T> {
  page: T[]
  extra: {next_from_id: number; total_count: number}
}

/** One page of `items` (already filtered), by ascending id. */
export function keysetPage<T extends {id: number}>(items: T[], p: Params): Page<T> {
  const fromId = int(p, 'from_id') ?? assumptions.defaultFromId
  const limit = int(p, 'limit') ?? assumptions.defaultLimit
  if (limit < 1) throw new ApiError(assumptions.codes.badRequest, 'limit must be a positive integer')
  const sorted = [...items].sort((a, b) => a.id - b.id)
  const page = sorted.filter((item) => item.id >= fromId).slice(0, limit)
  const last = page[page.length - 1]
  return {page, extra: {next_from_id: last ? assumptions.nextFromId(last.id) : fromId, total_count: sorted.length}}
}

/** List filters: an item matches when it has any of the asked tags/groups (none asked: all match; see assumptions). */
export function matchesFilters(item: {ui_tags: string[]; groups: Array<{id: number; name: string}>}, filters: {ui_tags?: string[]; groups?: string[]; groups_id?: number[]}): boolean {
  const any = <T>(asked: T[] | undefined, has: T[]) => !asked || asked.length === 0 || (assumptions.filterMatchesAny ? asked.some((a) => has.includes(a)) : asked.every((a) => has.includes(a)))
  return any(filters.ui_tags, item.ui_tags) && any(filters.groups, item.groups.map((g) => g.name)) && any(filters.groups_id, item.groups.map((g) => g.id))
}
