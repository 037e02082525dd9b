import type {Provider} from '../../core/provider.js'
import {checkBody} from './check.js'
import {describeChange} from './describe.js'
import {evaluate} from './evaluate.js'
import {normalizeBody, remoteReferences, toDefinitionBody, updatedAt} from './mapping.js'

/** MailGlyph (email): seed 000, vendors.md §1. */
export const mailglyph = {
  id: 'mailglyph',
  label: 'MailGlyph',
  schema: 'mailglyph/segment.schema.json',
  defaults: {
    endpoint: 'https://api.mailglyph.com',
    apiKeyEnv: 'MAILGLYPH_API_KEY',
    // No documented request budget (vendors.md §1.4): no client-side limit unless the workspace
    // sets `rateLimit`; 429 + Retry-After is honoured by the HTTP layer.
  },
  deletes: {supported: true},
  // Who is in the segment depends on `condition` alone.
  cosmeticFields: ['name', 'description', 'trackMembership'],
  check: checkBody,
  toDefinition: (remote, nameOf) => toDefinitionBody(remote.raw, nameOf),
  // A segment that holds these as the file writes them reads back the same (mapping.ts): null and
  // false stand for a field the file leaves out.
  asWritten: {description: null, condition: null, trackMembership: false},
  remoteReferences: (remote) => remoteReferences(remote.raw),
  normalize: normalizeBody,
  describe: describeChange,
  evaluation: {supported: true, profileSchema: 'mailglyph/profile.schema.json', testSchema: 'mailglyph/segtest.schema.json', evaluate},
  updatedAt: (remote) => updatedAt(remote.raw),
  connect: async (options) => (await import('./client.js')).connectMailGlyph(options),
} satisfies Provider
