/**
 * What `segsync doctor` learns from the segments MailGlyph listed: whether each says its type
 * (segsync changes only segments it knows are DYNAMIC), which are STATIC, and which operators
 * outside the published enum the account's segments use (vendors.md §1.3, §1.6).
 */
import type {DoctorCheck} from '../../core/provider.js'
import type {Segment} from '../../generated/mailglyph-responses.js'
import {eachFilter, MEMBERSHIP_OPERATORS, PUBLISHED_OPERATORS} from './conditions.js'

export function segmentChecks(segments: Segment[] | undefined): DoctorCheck[] {
  return [typeCheck(segments), staticCheck(segments), operatorCheck(segments)]
}

const unread = {status: 'skip' as const, message: 'the segment list could not be read (see above)'}
const names = (list: Segment[]) => list.slice(0, 5).map((s) => JSON.stringify(s.name)).join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '')

function typeCheck(segments: Segment[] | undefined): DoctorCheck {
  const base = {id: 'segment-type', title: 'Segment type (DYNAMIC or STATIC)', basis: 'OpenAPI Segment.type, enum DYNAMIC, STATIC (seed 000\'s generated example leaves it out; providers/mailglyph/assumptions.ts)'}
  if (!segments) return {...base, ...unread}
  if (segments.length === 0) return {...base, status: 'skip', message: 'no segment to look at'}
  const untyped = segments.filter((s) => s.type === undefined)
  if (untyped.length === 0) return {...base, status: 'pass', message: 'every segment says whether it is DYNAMIC or STATIC'}
  return {...base, status: 'fail', message: `${untyped.length} segment${untyped.length === 1 ? ' has' : 's have'} no type (${names(untyped)}): segsync lists ${untyped.length === 1 ? 'it' : 'them'} read-only and will not change ${untyped.length === 1 ? 'it' : 'them'}`}
}

function staticCheck(segments: Segment[] | undefined): DoctorCheck {
  const base = {id: 'static-segments', title: 'STATIC segments', basis: 'vendors.md §1.3 ASSUMPTION: segsync manages DYNAMIC segments; STATIC ones (member lists) are listed read-only, never modified'}
  if (!segments) return {...base, ...unread}
  const lists = segments.filter((s) => s.type === 'STATIC')
  if (lists.length === 0) return {...base, status: 'skip', message: 'no STATIC segment in this account'}
  return {...base, status: 'pass', message: `${lists.length} STATIC segment${lists.length === 1 ? '' : 's'} (${names(lists)}): listed read-only in every plan, never modified or imported`}
}

/** Information only: segsync reads these operators, it never needs them. */
function operatorCheck(segments: Segment[] | undefined): DoctorCheck {
  const base = {id: 'undocumented-operators', title: 'Operators outside the published enum', basis: 'OpenAPI SegmentFilter.operator enum; vendors.md §1.6: memberOfSegment/notMemberOfSegment come from upstream Plunk, not MailGlyph\'s documents'}
  if (!segments) return {...base, ...unread}
  const users = new Map<string, Segment[]>()
  for (const s of segments) {
    const found = new Set<string>()
    eachFilter(s.condition, (f) => {
      if (!PUBLISHED_OPERATORS.includes(f.operator)) found.add(f.operator)
    })
    for (const operator of found) users.set(operator, [...(users.get(operator) ?? []), s])
  }
  if (users.size === 0) return {...base, status: 'pass', message: 'every filter uses a documented operator'}
  const parts = [...users].map(([operator, list]) => `${operator} in ${names(list)}`)
  const membership = [...users.keys()].some((o) => MEMBERSHIP_OPERATORS.includes(o))
  const others = [...users.keys()].filter((o) => !MEMBERSHIP_OPERATORS.includes(o))
  const notes = [
    membership ? 'segsync reads memberOfSegment/notMemberOfSegment as references to other segments, for campaign impact and ordering' : '',
    others.length ? `segsync compares ${others.join(', ')} as written but cannot tell whether ${others.length === 1 ? 'it names' : 'they name'} other segments` : '',
  ].filter(Boolean)
  return {...base, status: 'pass', message: `undocumented operators in use: ${parts.join('; ')}. ${notes.join('; ')}`}
}
