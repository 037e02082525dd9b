import type {Provider} from '../../core/provider.js'
import {describeChange} from './describe.js'
import {evaluate} from './evaluate.js'
import {normalizeBody, toDefinitionBody} from './mapping.js'

/** Kibamail (email): seed 001, vendors.md §2. */
export const kibamail = {
  id: 'kibamail',
  label: 'Kibamail',
  schema: 'kibamail/segment.schema.json',
  defaults: {
    endpoint: 'https://api.kibamail.com',
    apiKeyEnv: 'KIBAMAIL_API_KEY',
    // "Rate Limit: 1000 requests per minute per API key", "Burst Limit: 100 requests per second" (vendors.md §2.4).
    rateLimit: {perSecond: 100, perMinute: 1000},
  },
  deletes: {supported: true},
  cosmeticFields: ['name', 'description'],
  // Kibamail conditions hold no segment ids (vendors.md §2.5): `nameOf` has nothing to name.
  toDefinition: (remote, _nameOf) => toDefinitionBody(remote.raw),
  // A segment that holds these as the file writes them reads back the same (mapping.ts): a null
  // description stands for none.
  asWritten: {description: null, conditions: undefined},
  remoteReferences: () => [],
  normalize: (body, _nameOf) => normalizeBody(body),
  describe: describeChange,
  evaluation: {supported: true, profileSchema: 'kibamail/profile.schema.json', testSchema: 'kibamail/segtest.schema.json', evaluate},
  connect: async (options) => (await import('./client.js')).connectKibamail(options),
} satisfies Provider
