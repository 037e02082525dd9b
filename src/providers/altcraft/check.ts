/** What the schema cannot say about an Altcraft segment (Altcraft refuses these, or they mean nothing). */
import type {CheckIssue, SegmentBody} from '../../core/provider.js'
import type {AltcraftSegmentDefinition} from '../../generated/altcraft-segment.js'
import {BLOCK_DEFAULTS} from './mapping.js'

/** Checks the schema cannot express (Altcraft refuses these, or they mean nothing). */
export function checkBody(body: SegmentBody): CheckIssue[] {
  // The schema has already passed: the body has the definition's shape.
  const b = body as Partial<AltcraftSegmentDefinition>
  const issues: CheckIssue[] = []
  if (b.is_refresh_daily === true && b.is_static !== true) {
    issues.push({path: ['is_refresh_daily'], message: 'is_refresh_daily applies only to updatable segments (is_static: true)', hint: 'Set is_static: true to make the segment updatable, or remove is_refresh_daily.'})
  }
  b.segment?.forEach((block, i) => {
    if (block.list_id !== undefined && block.list_id !== b.list_id) {
      issues.push({
        path: ['segment', i, 'list_id'],
        message: `block list_id ${block.list_id} differs from the segment's list_id ${String(b.list_id)}`,
        hint: 'An Altcraft segment selects from one profile database: remove the block list_id (segsync sends the segment one) or make them equal.',
      })
    }
    const from = block.percent_from ?? BLOCK_DEFAULTS.percent_from
    const to = block.percent_to ?? BLOCK_DEFAULTS.percent_to
    if (from >= to) issues.push({path: ['segment', i, 'percent_from'], message: `percent_from (${from}) must be less than percent_to (${to})`, hint: 'The sample is the range percent_from–percent_to of the database (default 0–100).'})
  })
  return issues
}
