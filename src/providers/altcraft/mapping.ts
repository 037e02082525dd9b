/**
 * Altcraft ↔ definitions. A definition holds the segment as the API names it (`list_id`,
 * `is_static`, `is_refresh_daily`, `segment`: seed 004). What Altcraft adds on its own is dropped:
 * block defaults (no limit, the whole percentage range), a block `list_id` that repeats the
 * segment's, and empty query defaults (`child: []`, `condition: ""`, as the segments/get example
 * shows). Queries are otherwise kept verbatim: their vocabulary is not documented (vendors.md §5.4).
 */
import {keyed} from '../../core/diff/keyed.js'
import type {SegmentBody} from '../../core/provider.js'

export interface ApiQuery {
  compo: string
  name: string
  operator: string
  type: string
  value: Array<{name: string; value: unknown}>
  child?: ApiQuery[]
  condition?: string
  [key: string]: unknown
}

export interface ApiBlock {
  condition: 'and' | 'or'
  list_id?: number
  limit?: number
  percent_from?: number
  percent_to?: number
  queries: ApiQuery[]
}

/** A segment as segments/get answers it (type flags and top-level list_id may be missing). */
export interface SegmentRaw {
  id?: number
  name?: string
  count?: number
  list_id?: number
  is_static?: boolean
  is_refresh_daily?: boolean
  segment?: ApiBlock[]
}

/** What a left-out block field means: no limit, the whole database (vendors.md §5.4). */
export const BLOCK_DEFAULTS = {limit: 0, percent_from: 0, percent_to: 100} as const
/** Query keys Altcraft answers as "" when unused. */
const EMPTY_STRING_KEYS = new Set(['condition', 'object_path', 'object_type'])

/** The profile database of a remote segment: top-level `list_id`, else its first block's. */
export function databaseOf(raw: unknown): number | undefined {
  const r = (raw ?? {}) as SegmentRaw
  return r.list_id ?? r.segment?.[0]?.list_id
}

/** A segment without rules is static: its members are added by hand, by import or by API. */
export function isStaticRaw(raw: unknown): boolean {
  return !((raw as SegmentRaw | undefined)?.segment?.length)
}

/**
 * Ids of segments a remote segment's rules select on. The API encoding of "in segment" is not
 * documented (vendors.md §5.5, assumption a): any query whose compo, name or type mentions
 * "segment" and whose values hold an integer is read as a reference to that id; ids that are no
 * known segment are dropped by the caller. Definitions order such segments with `dependsOn`.
 */
export function remoteReferences(raw: unknown): string[] {
  const ids: string[] = []
  const visit = (queries: ApiQuery[] | undefined): void => {
    for (const q of queries ?? []) {
      if ([q.compo, q.name, q.type].some((k) => typeof k === 'string' && /segment/i.test(k))) {
        for (const v of q.value ?? []) if (Number.isInteger(v?.value)) ids.push(String(v.value))
      }
      visit(q.child)
    }
  }
  for (const block of ((raw ?? {}) as SegmentRaw).segment ?? []) visit(block.queries)
  return ids
}

/** The remote segment as a user would write it. */
export function toDefinitionBody(raw: unknown): SegmentBody {
  const r = (raw ?? {}) as SegmentRaw
  const db = databaseOf(r)
  const blocks = r.segment ?? []
  return {
    ...(db !== undefined ? {list_id: db} : {}),
    ...(r.is_static === true ? {is_static: true} : {}),
    ...(r.is_static === true && r.is_refresh_daily === true ? {is_refresh_daily: true} : {}),
    ...(blocks.length > 0 ? {segment: blocks.map((b) => cleanBlock(b, db))} : {}),
  }
}

function cleanBlock(block: ApiBlock, db: number | undefined): ApiBlock {
  const out: Record<string, unknown> = {condition: block.condition}
  if (block.list_id !== undefined && block.list_id !== db) out.list_id = block.list_id
  for (const [key, fallback] of Object.entries(BLOCK_DEFAULTS)) {
    const v = block[key as keyof typeof BLOCK_DEFAULTS]
    if (v !== undefined && v !== fallback) out[key] = v
  }
  out.queries = (block.queries ?? []).map(cleanQuery)
  return out as unknown as ApiBlock
}

function cleanQuery(query: ApiQuery): ApiQuery {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(query)) {
    if (key === 'child') {
      if (Array.isArray(value) && value.length > 0) out.child = value.map(cleanQuery)
    } else if (!(EMPTY_STRING_KEYS.has(key) && value === '')) {
      out[key] = value
    }
  }
  return out as ApiQuery
}

/**
 * Comparable form: defaults dropped, blocks by position (`block #1`), queries keyed by content
 * (`email equal Yahoo! (US)`), nested queries too, so their order carries no meaning.
 */
export function normalizeBody(body: SegmentBody): SegmentBody {
  const b = toDefinitionBody(body) as {segment?: ApiBlock[]}
  const blocks = b.segment?.map((block, i) => [`block #${i + 1}`, {...block, queries: keyedQueries(block.queries)}] as const)
  return {...b, ...(blocks ? {segment: Object.fromEntries(blocks)} : {})}
}

function keyedQueries(queries: ApiQuery[]): Record<string, unknown> {
  return keyed(
    queries.map((q) => (q.child ? {...q, child: keyedQueries(q.child)} : q)),
    (q) => queryText(q),
  )
}

/** A query's key and name for people: `email equal Yahoo! (US)`; several values as `field=subscriptions, resource_id=1`. */
export function queryText(query: {name?: unknown; operator?: unknown; value?: unknown}): string {
  const values = Array.isArray(query.value) ? (query.value as Array<{name?: unknown; value?: unknown}>) : []
  const shown = values.length === 1 ? String(values[0]?.value) : values.map((v) => `${String(v?.name)}=${String(v?.value)}`).join(', ')
  return [query.name, query.operator, shown].filter((p) => p !== undefined && p !== '').map(String).join(' ')
}
