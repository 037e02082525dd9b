/**
 * Validation of the `segment` array of segments/add and segments/update (vendors.md §5.4, the
 * create page's "Parameters of the segment array" and "Parameters of the queries object").
 * Queries are opaque: only their documented skeleton is checked, and they are kept verbatim.
 */
import {assumptions} from './assumptions.js'
import {ApiError} from './errors.js'
import {int, type Params} from './params.js'
import {withQueryDefaults, type StoredBlock, type StoredQuery} from './state.js'

const bad = (message: string) => new ApiError(assumptions.codes.badRequest, message)
const isObject = (v: unknown): v is Params => typeof v === 'object' && v !== null && !Array.isArray(v)

/** True when the request carries rules (a non-empty `segment`). */
export function hasRules(p: Params): boolean {
  return p.segment !== undefined && p.segment !== null && !(Array.isArray(p.segment) && p.segment.length === 0)
}

/** The blocks as stored, and the one database they use. */
export function parseRules(p: Params, databases: number[]): {blocks: StoredBlock[]; listId: number} {
  if (!Array.isArray(p.segment)) throw bad('segment must be an array of segment blocks')
  const blocks = p.segment.map((b, i) => parseBlock(b, `segment[${i}]`, databases))
  const ids = new Set(blocks.map((b) => b.list_id))
  const top = int(p, 'list_id')
  if (top !== undefined) ids.add(top)
  if (assumptions.oneDatabasePerSegment && ids.size > 1) throw bad(`all blocks of a segment must use the same database (list_id); got ${[...ids].join(', ')}`)
  return {blocks, listId: blocks[0]!.list_id}
}

export function checkDatabase(listId: number, databases: number[]): void {
  if (databases.length > 0 && !databases.includes(listId)) throw new ApiError(assumptions.codes.notFound, `Database ${listId} not found`)
}

function parseBlock(raw: unknown, where: string, databases: number[]): StoredBlock {
  if (!isObject(raw)) throw bad(`${where} must be an object`)
  if (raw.condition !== 'and' && raw.condition !== 'or') throw bad(`${where}.condition must be "and" or "or"`)
  const listId = int(raw, 'list_id', `${where}.list_id`)
  if (listId === undefined) throw bad(`${where}.list_id is required`)
  checkDatabase(listId, databases)
  const d = assumptions.blockDefaults
  const limit = int(raw, 'limit', `${where}.limit`) ?? d.limit
  const from = int(raw, 'percent_from', `${where}.percent_from`) ?? d.percent_from
  const to = int(raw, 'percent_to', `${where}.percent_to`) ?? d.percent_to
  if (limit < 0) throw bad(`${where}.limit must be 0 (no limit) or more`)
  if (from < 0 || from > 99) throw bad(`${where}.percent_from must be between 0 and 99`)
  if (to < 1 || to > 100) throw bad(`${where}.percent_to must be between 1 and 100`)
  if (assumptions.percentFromBelowTo && from >= to) throw bad(`${where}.percent_from must be less than percent_to`)
  if (!Array.isArray(raw.queries)) throw bad(`${where}.queries is required`)
  if (assumptions.requireQueries && raw.queries.length === 0) throw bad(`${where}.queries must contain at least one query`)
  const queries = raw.queries.map((q, i) => parseQuery(q, `${where}.queries[${i}]`))
  return {condition: raw.condition, limit, list_id: listId, percent_from: from, percent_to: to, queries}
}

function parseQuery(raw: unknown, where: string): StoredQuery {
  if (!isObject(raw)) throw bad(`${where} must be an object`)
  for (const key of ['compo', 'name', 'operator', 'type']) {
    if (typeof raw[key] !== 'string') throw bad(`${where}.${key} is required`)
  }
  if (!Array.isArray(raw.value)) throw bad(`${where}.value must be an array`)
  if (raw.child !== undefined && !Array.isArray(raw.child)) throw bad(`${where}.child must be an array`)
  if (raw.condition !== undefined && typeof raw.condition !== 'string') throw bad(`${where}.condition must be a string`)
  const child = ((raw.child as unknown[] | undefined) ?? []).map((c, i) => parseQuery(c, `${where}.child[${i}]`))
  return withQueryDefaults({...raw, child})
}
