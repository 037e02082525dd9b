/**
 * Topics, read side: segsync checks the topic ids a segment names before it applies
 * (vendors.md §2.5: "Segments referencing this topic may need updates").
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {ok} from './errors.js'
import {isPage, paginate} from './paging.js'
import type {KibamailState} from './state.js'

/** GET /v1/topics: "Returns all topics in alphabetical order by name", active and archived. */
export function listTopics(state: KibamailState, req: EmulatorRequest): EmulatorResponse {
  const sorted = [...state.topics].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  const page = paginate(sorted, req.query)
  if (!isPage(page)) return page
  return ok({object: assumptions.listObject.topics, hasMore: page.hasMore, data: page.data.map((t) => ({object: 'topic', ...t}))})
}
