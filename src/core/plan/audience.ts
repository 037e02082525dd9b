/**
 * Audience stage: how many people each change reaches, from the vendor's own counts. Read only
 * for the segments the plan changes, all at once (the client keeps inside the vendor's budget),
 * as soon as the diff is known, so it rides beside the campaign reads. A count that cannot be read
 * never fails the plan: it is unknown, with the reason in --debug. Counts are information, not
 * part of a saved plan's staleness check.
 */
import type {Change} from '../../generated/plan.js'
import {replaceSegmentRefs, segmentRefsOf} from '../graph/references.js'

import type {RemoteSegment} from '../model.js'
import type {AudienceCount, Provider, ProviderClient, SegmentBody} from '../provider.js'

export type Audiences = Map<string, AudienceCount>

export async function readAudiences(changes: Change[], remotesById: ReadonlyMap<string, RemoteSegment>, client: ProviderClient, provider: Provider, debug?: (line: string) => void): Promise<Audiences> {
  const out: Audiences = new Map()
  if (!client.audience) {
    for (const c of changes) out.set(c.name, {current: null, proposed: c.action === 'delete' ? 0 : null, source: `not exposed by ${provider.label}`})
    return out
  }
  // Remote ids by name, built only when a changed body references another segment: most do not,
  // and a repository that manages every segment would index thousands of names for nothing.
  let ids: Map<string, string> | undefined
  const idOf = (name: string) => {
    ids ??= new Map([...remotesById.values()].map((r) => [r.name, r.id]))
    return ids.get(name)
  }
  const queries = changes.map((c) => ({
    action: c.action,
    ...(c.action === 'create' ? {} : {remote: remotesById.get(c.id)}),
    ...(c.action === 'delete' ? {} : {body: withKnownIds(c.after, idOf)}),
  }))
  let counts: AudienceCount[]
  try {
    counts = await client.audience(queries)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    counts = changes.map(() => ({current: null, proposed: null, source: `${provider.label} counts`, reason}))
  }
  changes.forEach((c, i) => {
    const count = counts[i] ?? {current: null, proposed: null, source: 'not read', reason: 'no answer'}
    if (count.reason) debug?.(`audience of ${JSON.stringify(c.name)}: ${count.reason}`)
    // A delete leaves no one, whatever the vendor says.
    if (c.action === 'delete') out.set(c.name, {...count, proposed: 0})
    // A change of fields that never alter who is in the segment (a rename, a description) keeps its members.
    else if (c.action === 'update' && count.proposed === null && count.current !== null && c.changed.every((f) => provider.cosmeticFields.includes(f))) out.set(c.name, {...count, proposed: count.current})
    else out.set(c.name, count)
  })
  return out
}

/** `{ $segment }` references to segments that exist, as their remote ids (a count needs ids); a body without any as it is. */
function withKnownIds(body: SegmentBody, idOf: (name: string) => string | undefined): SegmentBody {
  if (segmentRefsOf(body).length === 0) return body
  const out: SegmentBody = {}
  for (const [key, value] of Object.entries(body)) out[key] = replaceSegmentRefs(value, (name) => idOf(name) ?? {$segment: name})
  return out
}

/** Attach the counts; a change without one keeps what diff gave it. */
export function withAudiences(changes: Change[], audiences: Audiences | undefined): Change[] {
  if (!audiences) return changes
  return changes.map((c) => {
    const a = audiences.get(c.name)
    if (!a) return c
    const {reason: _reason, ...audience} = a
    return {...c, audience}
  })
}

