import type {RemoteSegment} from '../../core/model.js'
import type {Provider} from '../../core/provider.js'
import type {Segment} from '../../generated/altcraft-responses.js'
import {checkBody} from './check.js'
import {describeChange} from './describe.js'
import {normalizeBody, remoteReferences, toDefinitionBody} from './mapping.js'

/** Altcraft Platform (marketing automation, self-hosted or cloud): seed 004, vendors.md §5. */
export const altcraft = {
  id: 'altcraft',
  label: 'Altcraft',
  schema: 'altcraft/segment.schema.json',
  defaults: {
    // No default endpoint: Altcraft is mostly self-hosted, so each workspace names its own origin
    // (Altcraft Cloud customers use theirs too). No documented rate limit either (vendors.md §5.2).
    apiKeyEnv: 'ALTCRAFT_API_TOKEN',
  },
  deletes: {supported: true},
  cosmeticFields: ['name'],
  check: checkBody,
  toDefinition: (remote) => toDefinitionBody(rawOf(remote)),
  remoteReferences: (remote) => remoteReferences(rawOf(remote)),
  normalize: (body) => normalizeBody(body),
  describe: describeChange,
  // Altcraft publishes no query vocabulary (vendors.md §5.4): its segments are never evaluated, never guessed.
  evaluation: {supported: false, reason: 'Altcraft does not publish its query vocabulary (compo, name, operator, type), so segsync cannot tell who is in an Altcraft segment', testSchema: 'altcraft/segtest.schema.json'},
  connect: async (options) => (await import('./client.js')).connectAltcraft(options),
} satisfies Provider

/** A remote segment's body: the client builds every one from a segments/get answer inside its contract (read-segments.ts). */
function rawOf(remote: RemoteSegment): Segment {
  return remote.raw as Segment
}
