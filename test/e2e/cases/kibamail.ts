/** Kibamail's telling of the shared end-to-end stories: no campaign API, order-free conditions, PUT of changed fields. */
import {expect} from 'vitest'
import {and, field, KB_KEY, keys, kibamailEmulator, not, or, properties, topics, writes} from '../../helpers/kibamail.js'
import {writeKindByMethod, type VendorCase} from './vendor-case.js'

type KibamailEmulator = Awaited<ReturnType<typeof kibamailEmulator>>

const us = field('country', 'eq', 'US')
const ltv = field('lifetime_value', 'gte', 100)
const pro = field('plan', 'in', ['pro', 'team'])
/** Kibamail's error envelope. */
const failure = (status: number, type: string, code: string, message: string) => ({type: 'status' as const, status, body: {error: {type, code, message, requestId: 'req_0123456789abcdef01'}}})

const seed = {
  properties,
  topics,
  segments: [
    {id: 'segment_old', name: 'Old', conditions: {subscribedToTopic: ['topic_product']}},
    {id: 'segment_hand', name: 'Hand made', conditions: field('email', 'contains', '@acme.com')},
    {id: 'segment_app', name: 'App query', conditions: {email: {$regex: 'acme'}}},
    {id: 'segment_readers', name: 'Readers', conditions: or({subscribedToTopic: ['topic_news']}, us)},
    {id: 'segment_base', name: 'Base', description: 'Old words', conditions: and(us, ltv)},
  ],
}

export const kibamail: VendorCase<KibamailEmulator> = {
  provider: 'kibamail',
  label: 'Kibamail',
  key: KB_KEY,
  start: (account) => kibamailEmulator(account),
  writes,
  writeKind: writeKindByMethod,

  seed,
  files: {
    // Same conditions in another order, one more, and no description any more.
    'segments/base.json': {$schema: '../schemas/kibamail/segment.schema.json', name: 'Base', conditions: and(pro, ltv, us)},
    // Readers in another order: no change.
    'segments/readers.ts': `import {defineSegment} from 'segsync/kibamail'\nexport default defineSegment({name: 'Readers', conditions: {$or: [{field: 'country', operator: 'eq', value: 'US'}, {subscribedToTopic: ['topic_news']}]}})\n`,
    'segments/new.json': {name: 'New', description: 'Fresh', conditions: and({notSubscribedToTopic: ['topic_product']}, not(or(us, field('plan', 'eq', 'free'))))},
    'segments/old.json': {name: 'Old', ensure: 'absent'},
  },

  plan: {
    says: [
      '! campaign usage cannot be verified for kibamail: Kibamail has no API to list broadcasts or automations',
      '+ create "New" (id known after apply)',
      '+ adds condition `notSubscribedToTopic [topic_product]`',
      '~ update "Base" (segment_base)',
      '+ adds condition `plan in ["pro","team"]`',
      '- removes the description (was "Old words")',
      '- delete "Old" (segment_old)',
      '1 read-only segment listed, never modified: "App query"',
      '1 unmanaged segment (no definition file; not touched): "Hand made"',
      'Plan: 1 to create, 1 to update, 1 to delete. 1 blocked unless allowed.',
    ],
    never: ['"Readers"'],
    // The update and the delete each warn; the create reaches no campaign yet.
    times: {'! warning: campaign usage cannot be verified for kibamail': 2},
  },
  json: {summary: {create: 1, update: 1, delete: 1, blocked: 1, unmanaged: 1}, change: 'Base', impact: {usage: 'unknown', audience: true, campaigns: [], note: 'Kibamail has no API to list broadcasts or automations'}},
  blocked: {
    // Campaign usage cannot be verified: under unknownUsage 'block' that is a block.
    policy: {unknownUsage: 'block'},
    flags: ['--allow-delete'],
    says: [
      'apply refused before any write: 2 blocked changes',
      'update "Base": campaign usage cannot be verified for kibamail (Kibamail has no API to list broadcasts or automations) (allow with --allow-campaign-impact)',
      'delete "Old": campaign usage cannot be verified for kibamail',
    ],
    allowedWith: ['--allow-delete', '--allow-campaign-impact'],
  },
  apply: {
    flags: ['--allow-delete'],
    summary: 'Apply complete! 1 created, 1 updated, 1 deleted.',
    writes: {
      creates: ['New'],
      // Only the fields that changed: conditions replace all conditions, a removed description is cleared with null.
      updates: [{path: '/v1/segments/segment_base', body: {conditions: and(pro, ltv, us), description: null}}],
      deletes: [{path: '/v1/segments/segment_old'}],
    },
    segments: {
      'Base': {description: null, conditions: and(pro, ltv, us)},
      'New': {id: expect.stringMatching(/^segment_/), description: 'Fresh'},
      'Old': null,
      'Hand made': {},
      // Read-only (raw MongoDB query): untouched.
      'App query': {conditions: {email: {$regex: 'acme'}}},
    },
  },
  partial: {
    flags: ['--allow-delete'],
    fault: {method: 'POST', path: '/v1/segments', fault: failure(422, 'validation_error', 'VALIDATION_ERROR', 'Segment limit reached')},
    outcomes: {Base: 'applied', New: 'failed', Old: 'not-attempted'},
    message: 'Kibamail rejected POST /v1/segments (422): VALIDATION_ERROR: Segment limit reached [request req_0123456789abcdef01]',
    rerun: 'Apply complete! 1 created, 0 updated, 1 deleted.',
  },
  import: {
    seed: {
      properties,
      topics,
      segments: [
        {id: 'segment_flat', name: 'Flat', description: null, conditions: field('country', 'eq', 'US')},
        {id: 'segment_deep', name: 'Deep', description: 'Nested', conditions: and(or(field('plan', 'in', ['team', 'pro']), not({subscribedToTopic: ['topic_news']})), field('email', 'exists', null))},
        {id: 'segment_app', name: 'App query', conditions: {country: {$in: ['US', 'CA']}}},
      ],
    },
    files: {'segments/.keep': ''},
    // The raw-MongoDB segment is read-only: skipped.
    written: ['deep', 'flat'],
    says: ['skipped "App query" (segment_app): read-only'],
    contents: () => ({flat: {hasNot: [/description|segment_flat|"object"/]}}),
  },
  // The round trip through toDefinition runs on the plan's account (its read-only segment is left out).
  roundTripSeed: seed,
  secrets: {
    key: 'kb_live_SuperSecretKey_42/+=',
    seed: {},
    files: {'segments/a.json': {name: 'A', conditions: us}},
    echo: (key) => ({method: 'POST', path: '/v1/segments', fault: failure(401, 'authentication_error', 'INVALID_API_KEY', `Key ${key} (${encodeURIComponent(key)}) lacks write access`)}),
    code: 4,
    says: ['lacks write access', 'authorization'],
    json: {status: 'failed', workspaces: [{outcomes: [{action: 'create', name: 'A', status: 'failed', message: 'Kibamail refused the request (401 on POST /v1/segments): INVALID_API_KEY: Key *** (***) lacks write access [request req_0123456789abcdef01] (Check that the workspace apiKeyEnv variable holds a valid key with the permissions segsync needs.)'}]}]},
  },
  refusedKey: {files: {'segments/a.json': {name: 'A', conditions: us}}, key: 'kb_live_not_the_right_one', says: 'Kibamail refused the request (401'},
  embedded: {
    // Scoped keys in the seed: the saved state keeps them as objects, and the next run reads them back.
    seed: {...seed, apiKeys: keys},
    files: {'segments/base.json': {name: 'Base', conditions: and(pro, ltv, us)}},
    summary: 'Apply complete! 0 created, 1 updated, 0 deleted.',
    saved: {apiKeys: [{key: KB_KEY, scopes: keys[0]!.scopes}, keys[1]]},
  },
  invalid: {
    // An operator from another vocabulary, a single value where `in` takes a list.
    files: {'segments/bad.json': '{\n  "name": "Bad",\n  "conditions": {"$and": [\n    {"field": "country", "operator": "equals", "value": "US"},\n    {"field": "plan", "operator": "in", "value": "pro"}\n  ]}\n}\n'},
    problems: [
      'segments/bad.json:4:38  error  operator "equals" is not allowed here; expected one of: eq, ne, gt, gte, lt, lte, contains, startsWith, endsWith  at /conditions/$and/0/operator',
      'segments/bad.json:5:50  error  value must be an array  at /conditions/$and/1/value',
      'Error: 2 problems in 1 file; nothing was sent to any vendor',
    ],
  },
}
