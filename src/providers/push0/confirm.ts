/**
 * An update Push0 answered with anything but the id it was sent. The update page says it "Returns
 * segment id or error message" and shows `seg_jfe34NrGegjL3`, `No message` and `Error message`
 * (its example id is not the request's), so such an answer says nothing certain: segsync reads
 * that one segment back and judges by what is there (assumptions.ts). Landed → applied; unchanged →
 * failed, quoting the answer; anything else, or a re-read that fails → uncertain (apply re-reads
 * again, starts nothing new, exit 8).
 */
import {UncertainWriteError, VendorError} from '../../errors.js'
import type {RemoteSegment} from '../../core/model.js'
import type {SegmentBody} from '../../core/provider.js'
import type {HttpClient, HttpResponse} from '../../http/client.js'
import type {Segment} from '../../generated/push0-responses.js'
import {stableStringify} from '../../util/hash.js'
import {shown} from '../kit/contract.js'
import {SEGMENTS} from './assumptions.js'
import {normalizeBody, type Push0Body} from './mapping.js'
import {readById} from './reads.js'

export async function confirmUpdate(http: HttpClient, remote: RemoteSegment, sent: SegmentBody, res: HttpResponse): Promise<RemoteSegment> {
  const who = `${JSON.stringify(remote.name)} (${remote.id})`
  const answered = `answered PATCH ${SEGMENTS} for ${who} with ${shown(res.body ?? res.text)} instead of its id`
  let now: Segment | undefined
  try {
    now = await readById(http, remote.id)
  } catch (error) {
    throw new UncertainWriteError(`Push0 ${answered}, and reading it back failed (${error instanceof Error ? error.message : String(error)}): the update may or may not have landed`)
  }
  if (!now) throw new UncertainWriteError(`Push0 ${answered}, and a re-read no longer finds it: the update may or may not have landed`)
  const fields = Object.keys(sent).filter((k) => k !== 'id')
  if (same(now, sent, fields)) return {id: remote.id, name: now.name, raw: now}
  if (same(now, remote.raw, fields)) throw new VendorError(`Push0 did not apply the update: it ${answered}, and a re-read shows the segment unchanged`, res.status, res.body)
  throw new UncertainWriteError(`Push0 ${answered}, and a re-read shows it matching neither what was sent nor what was there before (changed elsewhere meanwhile?)`)
}

/** Do `a` and `b` agree on these fields, compared as the diff compares them (mapping.ts)? */
function same(a: unknown, b: unknown, fields: string[]): boolean {
  const view = (body: unknown) => {
    const {name, description, constraints} = (body ?? {}) as Push0Body & {name?: unknown}
    const normal = normalizeBody({description, constraints})
    return fields.map((f) => (f === 'name' ? name : normal[f]))
  }
  return stableStringify(view(a)) === stableStringify(view(b))
}
