/**
 * Altcraft ↔ definitions. A definition holds the segment as the API names it (`list_id`,
 * `is_static`, `is_refresh_daily`, `segment`: seed 004). What Altcraft adds on its own is dropped:
 * block defaults (no limit, the whole percentage range), a block `list_id` that repeats the
 * segment's, and empty query defaults (`child: []`, `condition: ""`, as the segments/get example
 * shows). Queries are otherwise kept verbatim: their vocabulary is not documented (vendors.md §5.4).
 */
import {keyed} from '../../core/diff/keyed.js'
import type {SegmentBody} from '../../core/provider.js'
import type {Block, Query, Segment} from '../../generated/altcraft-responses.js'
import type {SegmentBlock} from '../../generated/altcraft-segment.js'
import {segmentType} from './segment-type.js'

/**
 * The fields mapping reads, common to a remote segment (segments/get `data`, schemas/altcraft/
 * responses.schema.json) and a definition body (schemas/altcraft/segment.schema.json).
 * `is_static: null` marks a remote segment of unknown type (see toDefinitionBody).
 */
type SegmentFields = Pick<Segment, 'list_id' | 'is_refresh_daily'> & {is_static?: boolean | null; segment?: Array<Block | SegmentBlock> | null}

type DefinitionQuery = SegmentBlock['queries'][number]

/** What a left-out block field means: no limit, the whole database (vendors.md §5.4). */
export const BLOCK_DEFAULTS = {limit: 0, percent_from: 0, percent_to: 100} as const
/** Query keys Altcraft answers as "" when unused. */
const EMPTY_STRING_KEYS = new Set(['condition', 'object_path', 'object_type'])

/** The profile database of a remote segment: top-level `list_id`, else its first block's. */
export function databaseOf(raw: Pick<Segment, 'list_id' | 'segment'>): number | undefined {
  return raw.list_id ?? raw.segment?.[0]?.list_id
}

/**
 * Ids of segments a remote segment's rules select on. The API encoding of "in segment" is not
 * documented (vendors.md §5.5, assumption a): any query whose compo, name or type mentions
 * "segment" and whose values hold an integer is read as a reference to that id; ids that are no
 * known segment are dropped by the caller. Definitions order such segments with `dependsOn`.
 */
export function remoteReferences(raw: Pick<Segment, 'segment'>): string[] {
  const ids: string[] = []
  const visit = (queries: Query[] | undefined): void => {
    for (const q of queries ?? []) {
      if ([q.compo, q.name, q.type].some((k) => /segment/i.test(k))) {
        for (const v of q.value) if (Number.isInteger(v.value)) ids.push(String(v.value))
      }
      visit(q.child)
    }
  }
  for (const block of raw.segment ?? []) visit(block.queries)
  return ids
}

/**
 * The remote segment as a user would write it. A segment of unknown type (segment-type.ts) keeps
 * `is_static: null`, which no definition can have: it never passes for a dynamic one, and the plan
 * says its type is unknown instead of guessing.
 */
export function toDefinitionBody(raw: Segment): SegmentBody {
  const body = definitionBody(raw)
  return segmentType(raw) === 'unknown' ? {...body, is_static: null} : body
}

function definitionBody(r: SegmentFields): SegmentBody {
  const db = r.list_id ?? r.segment?.[0]?.list_id
  const blocks = r.segment ?? []
  return {
    ...(db !== undefined ? {list_id: db} : {}),
    ...(r.is_static === true || r.is_static === null ? {is_static: r.is_static} : {}),
    ...(r.is_static === true && r.is_refresh_daily === true ? {is_refresh_daily: true} : {}),
    ...(blocks.length > 0 ? {segment: blocks.map((b) => cleanBlock(b, db))} : {}),
  }
}

function cleanBlock(block: Block | SegmentBlock, db: number | undefined): SegmentBlock {
  const out: Record<string, unknown> = {condition: block.condition}
  if (block.list_id !== undefined && block.list_id !== db) out.list_id = block.list_id
  for (const [key, fallback] of Object.entries(BLOCK_DEFAULTS)) {
    const v = block[key as keyof typeof BLOCK_DEFAULTS]
    if (v !== undefined && v !== fallback) out[key] = v
  }
  out.queries = block.queries.map(cleanQuery)
  return out as unknown as SegmentBlock
}

function cleanQuery(query: Query | DefinitionQuery): Query {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(query)) {
    if (key === 'child') {
      if (Array.isArray(value) && value.length > 0) out.child = (value as Query[]).map(cleanQuery)
    } else if (!(EMPTY_STRING_KEYS.has(key) && value === '')) {
      out[key] = value
    }
  }
  return out as Query
}

/**
 * Comparable form: defaults dropped, blocks by position (`block #1`), queries keyed by content
 * (`email equal Yahoo! (US)`), nested queries too, so their order carries no meaning.
 */
export function normalizeBody(body: SegmentBody): SegmentBody {
  // A definition body has passed its schema, a remote one its contract: both have SegmentFields.
  const b = definitionBody(body) as {segment?: SegmentBlock[]}
  const blocks = b.segment?.map((block, i) => [`block #${i + 1}`, {...block, queries: keyedQueries(block.queries)}] as const)
  return {...b, ...(blocks ? {segment: Object.fromEntries(blocks)} : {})}
}

function keyedQueries(queries: ReadonlyArray<Query | DefinitionQuery>): Record<string, unknown> {
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
