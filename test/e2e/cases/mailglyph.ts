/** MailGlyph's telling of the shared end-to-end stories: STATIC segments, DRAFT campaigns, PATCH of changed fields only. */
import {expect} from 'vitest'
import {writes} from '../../helpers/emulators.js'
import {condition, filter, MAILGLYPH_KEY, mailglyphEmulator, messySeed} from '../../helpers/mailglyph.js'
import {writeKindByMethod, type VendorCase} from './vendor-case.js'

type MailGlyphEmulator = Awaited<ReturnType<typeof mailglyphEmulator>>

const pro = filter('data.plan', 'equals', 'pro')
/** MailGlyph's error envelope (OpenAPI `Error`). */
const failure = (code: number, error: string, message: string) => ({type: 'status' as const, status: code, body: {code, error, message, time: 1767225600000}})

export const mailglyph: VendorCase<MailGlyphEmulator> = {
  provider: 'mailglyph',
  label: 'MailGlyph',
  key: MAILGLYPH_KEY,
  start: (seed) => mailglyphEmulator(seed),
  writes,
  writeKind: writeKindByMethod,

  // Remote: Base (SCHEDULED campaign) ← Mid (memberOfSegment Base; SENDING campaign).
  seed: {
    segments: [
      {id: 'seg_base', name: 'Base', condition: condition('AND', [pro])},
      {id: 'seg_mid', name: 'Mid', trackMembership: true, condition: condition('AND', [filter('seg_base', 'memberOfSegment'), filter('event.login', 'triggered')])},
      {id: 'seg_old', name: 'Old', condition: condition('AND', [filter('data.plan', 'equals', 'legacy')])},
      {id: 'seg_legacy', name: 'Legacy name', description: 'kept', condition: condition('AND', [filter('email', 'contains', '@acme.com')])},
      {id: 'seg_hand', name: 'Hand made', condition: condition('AND', [filter('subscribed', 'equals', false)])},
      {id: 'seg_static', name: 'Imported list', type: 'STATIC', members: ['list@example.com']},
    ],
    campaigns: [
      {id: 'cmp_spring', name: 'Spring sale', status: 'SCHEDULED', audienceType: 'SEGMENT', segmentId: 'seg_base'},
      {id: 'cmp_digest', name: 'Digest', status: 'SENDING', audienceType: 'SEGMENT', segmentId: 'seg_mid'},
      {id: 'cmp_draft', name: 'Idea', status: 'DRAFT', audienceType: 'SEGMENT', segmentId: 'seg_base'},
    ],
  },
  files: {
    'segments/base.json': {name: 'Base', condition: condition('AND', [pro, filter('createdAt', 'within', 90, 'days')])},
    'segments/mid.json': {name: 'Mid', trackMembership: true, condition: condition('AND', [filter('event.login', 'triggered'), filter({$segment: 'Base'}, 'memberOfSegment')])},
    'segments/old.json': {name: 'Old', ensure: 'absent'},
    'segments/new-name.json': {name: 'New name', renamedFrom: ['Legacy name'], description: 'kept', condition: condition('AND', [filter('email', 'contains', '@acme.com')])},
    // A new segment that must exist before another new one (MailGlyph publishes no segment reference: dependsOn).
    'segments/new-parent.ts': `import {defineSegment} from 'segsync/mailglyph'\nexport default defineSegment({name: 'New parent', condition: {logic: 'OR', groups: [{filters: [{field: 'data.team', operator: 'exists'}]}]}})\n`,
    'segments/new-child.ts': `import {defineSegment} from 'segsync/mailglyph'\nexport default defineSegment({name: 'New child', dependsOn: ['New parent'], description: 'Teams that logged in', condition: {logic: 'AND', groups: [{filters: [{field: 'data.team', operator: 'exists'}, {field: 'event.login', operator: 'triggeredWithin', value: 7, unit: 'days'}]}]}})\n`,
  },

  plan: {
    says: [
      '~ update "Base" (seg_base)',
      '+ adds filter `createdAt within 90 days` in group #1',
      'campaign "Spring sale" (SCHEDULED) directly',
      'campaign "Digest" (SENDING) through "Mid"',
      // DRAFT campaigns are shown, for information.
      'campaign "Idea" (DRAFT) directly',
      'renames "Legacy name" to "New name"',
      '+ create "New parent" (id known after apply)',
      '- delete "Old" (seg_old)',
      '1 read-only segment listed, never modified: "Imported list"',
      '1 unmanaged segment (no definition file; not touched): "Hand made"',
      'Plan: 2 to create, 2 to update, 1 to delete. 2 active campaigns affected. 2 blocked unless allowed.',
    ],
  },
  json: {
    summary: {create: 2, update: 2, delete: 1, blocked: 2, affectedCampaigns: 2, unmanaged: 1},
    change: 'Base',
    impact: {
      usage: 'known',
      audience: true,
      // DRAFT campaigns are inactive users: listed, never blocking.
      campaigns: [
        {kind: 'campaign', id: 'cmp_spring', name: 'Spring sale', status: 'SCHEDULED', active: true, via: []},
        {kind: 'campaign', id: 'cmp_digest', name: 'Digest', status: 'SENDING', active: true, via: ['Mid']},
        {kind: 'campaign', id: 'cmp_draft', name: 'Idea', status: 'DRAFT', active: false, via: []},
      ],
    },
  },
  blocked: {
    flags: [],
    says: ['update "Base": changes the audience of 2 active campaigns ("Spring sale", "Digest") (allow with --allow-campaign-impact)', '--allow-delete'],
    allowedWith: ['--allow-campaign-impact', '--allow-delete'],
  },
  apply: {
    flags: ['--allow-campaign-impact', '--allow-delete'],
    summary: 'Apply complete! 2 created, 2 updated, 1 deleted.',
    writes: {
      creates: ['New parent', 'New child'],
      // PATCHes of the changed fields only; a rename sends the name alone.
      updates: [
        {path: '/segments/seg_base', body: {condition: condition('AND', [pro, filter('createdAt', 'within', 90, 'days')])}},
        {path: '/segments/seg_legacy', body: {name: 'New name'}},
      ],
      deletes: [{path: '/segments/seg_old'}],
    },
    segments: {
      'Old': null,
      'New name': {id: 'seg_legacy', description: 'kept'},
      'New child': {type: 'DYNAMIC', description: 'Teams that logged in', trackMembership: false},
      'Imported list': {type: 'STATIC', members: ['list@example.com']},
      'Hand made': {},
    },
  },
  partial: {
    flags: ['--allow-campaign-impact', '--allow-delete'],
    fault: {method: 'POST', path: '/segments', skip: 1, fault: failure(422, 'Unprocessable Entity', 'Segment limit reached')},
    outcomes: {'Base': 'applied', 'New name': 'applied', 'New parent': 'applied', 'New child': 'failed', 'Old': 'not-attempted'},
    message: 'MailGlyph rejected POST /segments (422): Unprocessable Entity: Segment limit reached',
    rerun: 'Apply complete! 1 created, 0 updated, 1 deleted.',
  },
  import: {
    seed: messySeed,
    // STATIC segments are never imported.
    written: ['engaged-readers', 'paying-customers', 'upsell-targets'],
    says: ['skipped "Webinar attendees"'],
    contents: (format) => ({'upsell-targets': {has: [format === 'ts' ? "field: segment('Engaged readers')" : '"$segment": "Engaged readers"']}}),
  },
  secrets: {
    key: 'sk_live_SuperSecretKey_42/+=',
    seed: {},
    files: {'segments/a.json': {name: 'A', condition: condition('AND', [pro])}},
    echo: (key) => ({method: 'POST', fault: failure(401, 'Unauthorized', `Key ${key} (${encodeURIComponent(key)}) lacks write access`)}),
    code: 4,
    says: ['lacks write access', 'authorization'],
    json: {status: 'failed', workspaces: [{outcomes: [{action: 'create', name: 'A', status: 'failed', message: 'MailGlyph refused the request (401 on POST /segments): Unauthorized: Key *** (***) lacks write access (Check that the workspace apiKeyEnv variable holds a valid key with the permissions segsync needs.)'}]}]},
  },
  refusedKey: {files: {'segments/a.json': {name: 'A', condition: condition('AND', [pro])}}, key: 'sk_not_the_right_one', says: 'MailGlyph refused the request (401'},
  embedded: {
    files: {'segments/a.json': {name: 'A', condition: condition('AND', [pro])}, 'segments/b.json': {name: 'B', dependsOn: ['A'], condition: condition('AND', [filter('event.login', 'triggered')])}},
    summary: 'Apply complete! 2 created, 0 updated, 0 deleted.',
    saved: {segments: [expect.objectContaining({name: 'A'}), expect.objectContaining({name: 'B'})]},
  },
  invalid: {
    // A missing unit, a field MailGlyph cannot filter on.
    files: {
      'segments/bad-unit.json': '{\n  "name": "Bad unit",\n  "condition": {"logic": "AND", "groups": [{"filters": [\n    {"field": "createdAt", "operator": "within", "value": 3}\n  ]}]}\n}\n',
      'segments/bad-field.json': '{\n  "name": "Bad field",\n  "condition": {"logic": "AND", "groups": [{"filters": [\n    {"field": "plan", "operator": "equals", "value": "pro"}\n  ]}]}\n}\n',
    },
    problems: [/segments\/bad-unit\.json:4:5 .*missing required property "unit"/, /segments\/bad-field\.json:4:15 .*MailGlyph cannot filter on "plan"/, '2 problems in 2 files'],
  },
}
