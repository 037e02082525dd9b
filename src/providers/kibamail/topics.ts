/**
 * Before apply: do the topic ids that TopicConditions reference exist? Kibamail documents
 * `GET /v1/topics` (scope read:topics; "Includes both active and archived topics";
 * https://kibamail.com/docs/api/topics/get-topics), so they are checked, not guessed. An unknown id
 * blocks: the segment would silently match nobody (or everybody, under notSubscribedToTopic).
 * When the key may not read topics (the documented refusal: 401 INSUFFICIENT_SCOPE), the ids are
 * reported as unverifiable instead of failing the plan. Anything else (an answer outside its
 * contract, another error) stops the plan: "could not read" never becomes "the ids are fine".
 */
import {AuthError} from '../../errors.js'
import type {SegmentBody, VendorFinding} from '../../core/provider.js'
import {assumptions} from './assumptions.js'
import {topicIds} from './conditions.js'

export async function verifyTopics(definitions: Array<{name: string; body: SegmentBody}>, listTopics: () => Promise<Array<{id: string}>>): Promise<VendorFinding[]> {
  const wanted = definitions.map((d) => ({name: d.name, ids: topicIds(d.body.conditions)})).filter((w) => w.ids.length > 0)
  if (wanted.length === 0) return []
  let known: Set<string>
  try {
    known = new Set((await listTopics()).map((t) => t.id))
  } catch (error) {
    if (!(error instanceof AuthError && error.status === assumptions.topicsRefusedWith)) throw error
    return wanted.map((w) => ({name: w.name, level: 'warn', message: `${idList(w.ids)} could not be verified: ${error.message}`}))
  }
  return wanted.flatMap((w): VendorFinding[] => {
    const missing = w.ids.filter((id) => !known.has(id))
    if (missing.length === 0) return []
    return [{name: w.name, level: 'block', message: `conditions reference ${idList(missing)} that Kibamail does not have (GET /v1/topics); create the topic or fix the id`}]
  })
}

function idList(ids: string[]): string {
  return `topic id${ids.length === 1 ? '' : 's'} ${ids.map((id) => JSON.stringify(id)).join(', ')}`
}
