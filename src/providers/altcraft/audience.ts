/**
 * Members of Altcraft segments: `count` in segments/get (vendors.md §5.3, e.g. `"count": 100`),
 * which the plan has already read for every segment (the list carries no rules), so counting
 * costs no call. Altcraft counts only saved rules: the members after a change are not exposed,
 * and a new segment has no count yet.
 */
import type {AudienceCount, AudienceQuery} from '../../core/provider.js'
import type {Segment} from '../../generated/altcraft-responses.js'
import {fieldCount} from '../kit/audience.js'

const SOURCE = 'count in segments/get'

export function altcraftAudience(queries: AudienceQuery[]): AudienceCount[] {
  return queries.map(({remote}) => (remote ? fieldCount((remote.raw as Segment).count, SOURCE, `Altcraft's segments/get of segment ${remote.id}`) : {current: null, proposed: null, source: SOURCE}))
}
