/**
 * Members of MailGlyph segments: `memberCount` on every segment of the list the plan has already
 * read (seed 000, vendors.md §1.3), so counting costs no call. MailGlyph counts only saved
 * conditions: the members after a change are not exposed, and a new segment has no count yet.
 */
import type {AudienceCount, AudienceQuery} from '../../core/provider.js'
import type {Segment} from '../../generated/mailglyph-responses.js'
import {fieldCount} from '../kit/audience.js'

const SOURCE = 'memberCount'

export function mailglyphAudience(queries: AudienceQuery[]): AudienceCount[] {
  return queries.map(({remote}) => (remote ? fieldCount((remote.raw as Segment).memberCount, SOURCE, `MailGlyph's segment ${remote.id}`) : {current: null, proposed: null, source: SOURCE}))
}
