import type {Provider} from '../../core/provider.js'
import {checkBody} from './check.js'
import {describeChange} from './describe.js'
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
  toDefinition: (remote) => toDefinitionBody(remote.raw),
  remoteReferences: () => [],
  normalize: (body) => normalizeBody(body),
  describe: describeChange,
  updatedAt: (remote) => updatedAt(remote.raw),
  connect: async (options) => (await import('./client.js')).connectPush0(options),
} satisfies Provider
