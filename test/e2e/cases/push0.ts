/** Push0's telling of the shared end-to-end stories: no delete endpoint (manual steps), no campaign API, id-in-body PATCH. */
import {expect} from 'vitest'
import {constraint, group, messyState, PUSH0_KEY, push0Emulator, push0Writes, type Push0Emulator} from '../../helpers/push0.js'
import {writeKindByMethod, type VendorCase} from './vendor-case.js'

const pl = constraint('country', '==', 'PL')
/** Push0's error envelope. */
const failure = (status: number, message: string) => ({type: 'status' as const, status, body: {error: message}})

export const push0: VendorCase<Push0Emulator> = {
  provider: 'push0',
  label: 'Push0',
  key: PUSH0_KEY,
  start: (seed) => push0Emulator(seed),
  writes: push0Writes,
  writeKind: writeKindByMethod,

  // Remote: Poland (to update; written with an upper-case alias), Power users (unchanged, other
  // order), Old promo (to delete: by hand), Hand made (no definition: unmanaged).
  seed: {
    segments: [
      {id: 'sg_poland', name: 'Poland', description: 'Polish devices', constraints: [group('AND', constraint('country', 'EQUALS', 'PL'))]},
      {id: 'sg_power', name: 'Power users', constraints: [group('AND', constraint('sessionCount', '>=', 50)), group('OR', constraint('deviceManufacturer', '==', 'Samsung'), constraint('deviceManufacturer', '==', 'Google'))]},
      {id: 'sg_old', name: 'Old promo', constraints: [group('AND', constraint('tags', 'contains', 'promo-2024'))]},
      {id: 'sg_hand', name: 'Hand made', constraints: []},
    ],
  },
  files: {
    'segments/poland.json': {name: 'Poland', description: 'Polish devices on app 120+', constraints: [group('AND', pl), group('AND', constraint('appVersionCode', '>=', 120))]},
    'segments/power.json': {name: 'Power users', constraints: [group('OR', constraint('deviceManufacturer', '==', 'Google'), constraint('deviceManufacturer', '==', 'Samsung')), group('AND', constraint('sessionCount', '>=', 50))]},
    'segments/old.json': {name: 'Old promo', ensure: 'absent'},
    'segments/lapsed.ts': `import {defineSegment} from 'segsync/push0'
export default defineSegment({
  name: 'Lapsed',
  constraints: [{type: 'OR', constraints: [{field: 'lastSession', relation: '<', value: 1767225600000}, {field: 'sessionCount', relation: '<=', value: 1}]}],
})
`,
  },

  plan: {
    says: [
      '! campaign usage cannot be verified for push0: Push0 documents no campaign or notification API',
      '~ update "Poland" (sg_poland)',
      '+ adds constraint group `AND(appVersionCode >= 120)`',
      '~ changes the description from "Polish devices" to "Polish devices on app 120+"',
      '+ create "Lapsed" (id known after apply)',
      '+ adds constraint group `OR(lastSession < 1767225600000, sessionCount <= 1)`',
      '- delete "Old promo" (sg_old)',
      'manual step: delete in the Push0 dashboard',
      '1 unmanaged segment (no definition file; not touched): "Hand made"',
      'Plan: 1 to create, 1 to update, 0 to delete, 1 manual step.',
    ],
    // EQUALS is read as ==: the country constraint shows no change.
    never: ['country'],
  },
  json: {summary: {create: 1, update: 1}, change: 'Poland', impact: {usage: 'unknown', audience: true, campaigns: [], note: 'Push0 documents no campaign or notification API, so which sends use a segment cannot be read'}},
  blocked: {
    policy: {unknownUsage: 'block'},
    flags: [],
    says: [
      // The manual delete is not blocked: segsync writes nothing for it.
      'apply refused before any write: 1 blocked change',
      'update "Poland": campaign usage cannot be verified for push0 (Push0 documents no campaign or notification API, so which sends use a segment cannot be read) (allow with --allow-campaign-impact)',
    ],
    allowedWith: ['--allow-campaign-impact'],
  },
  apply: {
    flags: [],
    summary: 'Apply complete! 1 created, 1 updated, 0 deleted. 1 manual step left for you (see above).',
    says: ['! main: delete "Old promo" is a manual step: delete in the Push0 dashboard'],
    writes: {
      creates: ['Lapsed'],
      // The id goes in the body; only the fields that changed.
      updates: [{path: '/v1/segments', body: {id: 'sg_poland', description: 'Polish devices on app 120+', constraints: [group('AND', pl), group('AND', constraint('appVersionCode', '>=', 120))]}}],
      // No DELETE is ever sent: Push0 has no such endpoint.
      deletes: [],
    },
    segments: {
      'Old promo': {id: 'sg_old'},
      'Lapsed': {id: expect.stringMatching(/^sg_/), description: null, updatedAt: null, constraints: [group('OR', constraint('lastSession', '<', 1767225600000), constraint('sessionCount', '<=', 1))]},
    },
    manual: {
      pending: 'Plan: 0 to create, 0 to update, 0 to delete, 1 manual step.',
      // The user deletes it in the dashboard.
      doByHand: (emulator) => void (emulator.state.segments = emulator.state.segments.filter((s) => s.id !== 'sg_old')),
    },
  },
  partial: {
    flags: [],
    fault: {method: 'POST', path: '/v1/segments', fault: failure(422, 'Segment limit reached')},
    // The delete is a manual step whatever happens to the rest.
    outcomes: {'Poland': 'applied', 'Lapsed': 'failed', 'Old promo': 'manual'},
    message: 'Push0 rejected POST /v1/segments (422): Segment limit reached',
    rerun: 'Apply complete! 1 created, 0 updated, 0 deleted. 1 manual step left for you (see above).',
  },
  import: {
    seed: messyState,
    written: ['all', 'polish-speakers-in-warsaw', 'recent-first-sessions', 'ten-version-codes', 'xiaomi-or-samsung-phones'],
    says: [],
  },
  secrets: {
    key: 'push0_SuperSecretKey_42/+=',
    seed: {},
    files: {'segments/a.json': {name: 'A', constraints: [group('AND', pl)]}},
    echo: (key) => ({method: 'POST', fault: failure(401, `Key ${key} (${encodeURIComponent(key)}) lacks write access`)}),
    code: 4,
    says: ['lacks write access', 'authorization'],
    json: {status: 'failed', workspaces: [{outcomes: [{action: 'create', name: 'A', status: 'failed', message: 'Push0 refused the request (401 on POST /v1/segments): Key *** (***) lacks write access (Check that the workspace apiKeyEnv variable holds a valid key with the permissions segsync needs.)'}]}]},
  },
  refusedKey: {files: {'segments/a.json': {name: 'A', constraints: [group('AND', pl)]}}, key: 'push0_not_the_right_one', says: 'Push0 refused the request (401'},
  embedded: {
    files: {'segments/a.json': {name: 'A', constraints: [group('AND', pl)]}, 'segments/b.json': {name: 'B', constraints: []}},
    summary: 'Apply complete! 2 created, 0 updated, 0 deleted.',
    saved: {segments: [expect.objectContaining({name: 'A'}), expect.objectContaining({name: 'B'})]},
  },
  invalid: {
    // A group holds at most 10 constraints.
    files: {
      'segments/too-many.json': `{\n  "name": "Too many",\n  "constraints": [\n    {\n      "type": "AND",\n      "constraints": [\n${Array.from({length: 11}, (_, i) => `        {"field": "appVersionCode", "relation": "!=", "value": ${i}}`).join(',\n')}\n      ]\n    }\n  ]\n}\n`,
    },
    problems: ['segments/too-many.json:6:22  error  constraints may have at most 10 items (has 11)  at /constraints/0/constraints'],
  },
}
