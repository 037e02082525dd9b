import type {Provider} from '../../core/provider.js'
import type {Segment} from '../../generated/push0-responses.js'
import {checkBody} from './check.js'
import {describeChange} from './describe.js'
import {evaluate} from './evaluate.js'
import {normalizeBody, toDefinitionBody, updatedAt} from './mapping.js'

/** Push0 (push notifications): seed 003, vendors.md §4. */
export const push0 = {
  id: 'push0',
  label: 'Push0',
  schema: 'push0/segment.schema.json',
  defaults: {
    // "API url -> https://api.push0.com/v1": the origin; the client adds /v1/segments.
    endpoint: 'https://api.push0.com',
    apiKeyEnv: 'PUSH0_API_KEY',
    // No rate limit is documented (vendors.md §4.2): no client-side budget; 429 is still retried.
  },
  // No delete endpoint is documented (vendors.md §4.3): a planned delete is a manual step.
  deletes: {supported: false, manual: 'delete in the Push0 dashboard'},
  cosmeticFields: ['name', 'description'],
  check: checkBody,
  // Push0 segments cannot reference each other (vendors.md §4.4), so ids never become { $segment }.
  // Every remote segment was read through the Segment contract (reads.ts) or built from what a write sent.
  toDefinition: (remote) => toDefinitionBody(remote.raw as Segment),
  remoteReferences: () => [],
  normalize: (body) => normalizeBody(body),
  describe: describeChange,
  evaluation: {supported: true, profileSchema: 'push0/profile.schema.json', testSchema: 'push0/segtest.schema.json', evaluate},
  updatedAt: (remote) => updatedAt(remote.raw),
  connect: async (options) => (await import('./client.js')).connectPush0(options),
} satisfies Provider
