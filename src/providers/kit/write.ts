/**
 * The write side every provider shares: what a partial update sends, and the check that a write
 * came back with the segment it wrote.
 */
import {SegsyncError} from '../../errors.js'
import type {SegmentBody, SegmentWrite} from '../../core/provider.js'

/**
 * The body of a partial update (PATCH, or Kibamail's partial PUT): the changed fields with their
 * new values, and each cleared field with the value that resets it at this vendor. `clearedAs`
 * is the provider's one statement of what "cleared" means there; a cleared field it does not
 * name is a segsync bug, not something to send as `undefined`.
 */
export function partialUpdate(write: SegmentWrite, clearedAs: Readonly<Record<string, unknown>>, vendor: string): SegmentBody {
  const body: SegmentBody = {}
  for (const field of write.changed) body[field] = write.desired[field]
  for (const field of write.cleared) {
    if (!(field in clearedAs)) throw new SegsyncError(`segsync does not know how to clear ${JSON.stringify(field)} at ${vendor}: this is a segsync bug, please report it`)
    body[field] = clearedAs[field]
  }
  return body
}

/** The segment a create or update answered with, or a clear failure when the answer lacks it. */
export function written<T>(segment: T | undefined, hasId: (s: T) => boolean, vendor: string, route: string): T {
  if (segment === undefined || segment === null || !hasId(segment)) throw new SegsyncError(`${vendor} answered ${route} without the segment it wrote`)
  return segment
}
