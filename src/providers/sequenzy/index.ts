import type {Provider} from '../../core/provider.js'
import {checkBody} from './check.js'
import {describeChange} from './describe.js'
import {evaluate} from './evaluate.js'
import {normalizeBody, readsAs, remoteReferences, toDefinitionBody} from './mapping.js'

/** Sequenzy (email): seed 002, vendors.md §3. */
export const sequenzy = {
  id: 'sequenzy',
  label: 'Sequenzy',
  schema: 'sequenzy/segment.schema.json',
  defaults: {
    endpoint: 'https://api.sequenzy.com',
    apiKeyEnv: 'SEQUENZY_API_KEY',
    // "100 requests per minute per API key and 20 requests per second burst" (Sequenzy/mcp README).
    rateLimit: {perSecond: 20, perMinute: 100},
  },
  deletes: {supported: true},
  cosmeticFields: ['name'],
  check: checkBody,
  toDefinition: (remote, nameOf) => toDefinitionBody(remote.raw, nameOf),
  readsAs: (remote, body, nameOf) => readsAs(remote.raw, body, nameOf),
  remoteReferences: (remote) => remoteReferences(remote.raw),
  normalize: normalizeBody,
  describe: describeChange,
  evaluation: {supported: true, profileSchema: 'sequenzy/profile.schema.json', testSchema: 'sequenzy/segtest.schema.json', evaluate},
  connect: async (options) => (await import('./client.js')).connectSequenzy(options),
} satisfies Provider
