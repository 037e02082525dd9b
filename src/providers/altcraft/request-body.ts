/**
 * What segsync sends to segments/add and segments/update: the full definition, with integers
 * where Altcraft expects them and every block field explicit, so whatever the server's own
 * defaults are, the stored segment is exactly the one the definition describes.
 */
import {SegsyncError} from '../../errors.js'
import type {SegmentBody} from '../../core/provider.js'
import type {Block, Segment} from '../../generated/altcraft-responses.js'
import type {SegmentBlock} from '../../generated/altcraft-segment.js'
import {BLOCK_DEFAULTS} from './mapping.js'

export interface SegmentRequest {
  list_id: number
  is_static: boolean
  is_refresh_daily: boolean
  segment: Array<Required<SegmentBlock>>
}

export function segmentRequest(body: SegmentBody): SegmentRequest {
  const b = body as {list_id?: unknown; is_static?: boolean; is_refresh_daily?: boolean; segment?: SegmentBlock[]}
  if (typeof b.list_id !== 'number' || !Number.isInteger(b.list_id)) throw new SegsyncError(`Altcraft needs an integer list_id, got ${JSON.stringify(b.list_id)}`)
  const listId = b.list_id
  const isStatic = b.is_static === true
  return {
    // The seed's update example sends list_id both at the top and in every block.
    list_id: listId,
    is_static: isStatic,
    is_refresh_daily: isStatic && b.is_refresh_daily === true,
    segment: (b.segment ?? []).map((block) => ({
      condition: block.condition,
      limit: block.limit ?? BLOCK_DEFAULTS.limit,
      list_id: block.list_id ?? listId,
      percent_from: block.percent_from ?? BLOCK_DEFAULTS.percent_from,
      percent_to: block.percent_to ?? BLOCK_DEFAULTS.percent_to,
      queries: block.queries,
    })),
  }
}

/**
 * The segment as Altcraft holds it once a write of `request` succeeded: what segments/get answers
 * has the request's fields (the get example and seed 004's update example carry the same ones).
 */
export function asWritten(id: number, name: string, request: SegmentRequest, before: Partial<Segment> = {}): Segment {
  // A definition's query is an answer's query that allows no extra keys: the same JSON.
  const segment = request.segment as unknown as Block[]
  return {...before, id, name, ...request, segment}
}
