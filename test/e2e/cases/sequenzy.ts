/** Sequenzy's telling of the shared end-to-end stories: segment-in-segment references, campaigns and sequences. */
import {expect} from 'vitest'
import {sequenzyEmulator, TEST_KEY, writes} from '../../helpers/emulators.js'
import {writeKindByMethod, type VendorCase} from './vendor-case.js'

type SequenzyEmulator = Awaited<ReturnType<typeof sequenzyEmulator>>

const filter = (field: string, operator: string, value?: unknown) => ({kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})})
const group = (joinOperator: string, ...children: unknown[]) => ({kind: 'group', joinOperator, children})
const active = group('and', filter('status', 'is', 'active'))
const inSegment = (name: string) => group('and', filter('segment', 'is', {$segment: name}))
const f = (field: string, operator: string, value?: string, id?: string) => ({kind: 'filter', ...(id ? {id} : {}), field, operator, ...(value !== undefined ? {value} : {})})

export const sequenzy: VendorCase<SequenzyEmulator> = {
  provider: 'sequenzy',
  label: 'Sequenzy',
  key: TEST_KEY,
  start: (seed) => sequenzyEmulator(seed),
  writes,
  writeKind: writeKindByMethod,

  // Remote: Base (used by an active campaign) ← Mid (used by a live sequence)
  seed: {
    segments: [
      {id: 'seg_base', name: 'Base', root: group('and', filter('status', 'is', 'active'))},
      {id: 'seg_mid', name: 'Mid', root: group('and', filter('segment', 'is', 'seg_base'), filter('tag', 'contains', 'x'))},
      {id: 'seg_old', name: 'Old', root: group('and', filter('status', 'is', 'old'))},
      {id: 'seg_hand', name: 'Hand made', root: group('and', filter('status', 'is', 'hand'))},
    ],
    campaigns: [{id: 'cmp_1', name: 'Spring sale', status: 'scheduled', targetLists: {type: 'segment', segmentId: 'seg_base'}}],
    sequences: [{id: 'seq_1', name: 'Onboarding', status: 'active', effectiveStatus: 'live', trigger: {type: 'segment_entered', segmentId: 'seg_mid'}}],
  },
  files: {
    'segments/base.json': {name: 'Base', root: group('and', filter('status', 'is', 'active'), filter('event', 'is_not', 'saas.purchase:30d'))},
    'segments/mid.json': {name: 'Mid', root: group('and', filter('segment', 'is', {$segment: 'Base'}), filter('tag', 'contains', 'x'))},
    'segments/old.json': {name: 'Old', ensure: 'absent'},
    // A new segment referencing another new one: both are created in one apply.
    'segments/new-parent.ts': `import {defineSegment} from 'segsync/sequenzy'\nexport default defineSegment({name: 'New parent', root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'tag', operator: 'contains', value: 'new'}]}})\n`,
    'segments/new-child.ts': `import {defineSegment, segment} from 'segsync/sequenzy'\nexport default defineSegment({name: 'New child', root: {kind: 'group', joinOperator: 'or', children: [{kind: 'filter', field: 'segment', operator: 'is', value: segment('New parent')}, {kind: 'filter', field: 'segment', operator: 'is_not', value: segment('Mid')}]}})\n`,
  },

  plan: {
    says: [
      '~ update "Base" (seg_base)',
      '+ adds filter `event is_not saas.purchase:30d`',
      'campaign "Spring sale" (scheduled) directly',
      // Transitive: Onboarding starts from Mid, and Mid references Base.
      'sequence "Onboarding" (live) through "Mid"',
      '+ create "New parent" (id known after apply)',
      '+ adds filter `in segment "New parent"`',
      '- delete "Old" (seg_old)',
      '1 unmanaged segment (no definition file; not touched): "Hand made"',
      'Plan: 2 to create, 1 to update, 1 to delete. 2 active campaigns affected. 2 blocked unless allowed.',
    ],
  },
  json: {
    summary: {create: 2, update: 1, delete: 1, blocked: 2, affectedCampaigns: 2, unmanaged: 1},
    change: 'Base',
    impact: {
      usage: 'known',
      audience: true,
      campaigns: [
        {kind: 'campaign', id: 'cmp_1', name: 'Spring sale', status: 'scheduled', active: true, via: []},
        {kind: 'sequence', id: 'seq_1', name: 'Onboarding', status: 'live', active: true, via: ['Mid']},
      ],
    },
  },
  blocked: {
    flags: [],
    says: [
      'apply refused before any write: 2 blocked changes',
      'update "Base": changes the audience of 2 active campaigns ("Spring sale", "Onboarding") (allow with --allow-campaign-impact)',
      'delete "Old"',
      '--allow-delete',
    ],
    // Allowing only one of the two is still refused.
    stillRefusedWith: [['--allow-delete']],
    allowedWith: ['--allow-campaign-impact', '--allow-delete'],
  },
  apply: {
    flags: ['--allow-campaign-impact', '--allow-delete'],
    summary: 'Apply complete! 2 created, 1 updated, 1 deleted.',
    writes: {
      // Dependency order: the parent exists before the child that references it.
      creates: ['New parent', 'New child'],
      // The whole root, without the server's node ids.
      updates: [{path: '/api/v1/segments/seg_base', body: {root: group('and', filter('status', 'is', 'active'), filter('event', 'is_not', 'saas.purchase:30d'))}}],
      deletes: [{path: '/api/v1/segments/seg_old'}],
    },
    segments: {'Old': null, 'Hand made': {}},
    check(emulator) {
      // The reference to a segment created in the same run resolves to its new id.
      const parent = emulator.state.segments.find((s) => s.name === 'New parent')!
      const child = emulator.state.segments.find((s) => s.name === 'New child')!
      expect(child.root.children.map((c) => ('value' in c ? c.value : undefined))).toEqual([parent.id, 'seg_mid'])
    },
  },
  partial: {
    // Under policy campaignImpact: 'warn' the campaign impact only warns: no flag needed for it.
    policy: {campaignImpact: 'warn'},
    flags: ['--allow-delete'],
    // The child's create is rejected (non-retryable): the rest goes through, deletes do not run.
    fault: {method: 'POST', path: '/api/v1/segments', skip: 1, fault: {type: 'status', status: 422, body: {success: false, error: 'quota reached'}}},
    outcomes: {'Base': 'applied', 'New parent': 'applied', 'New child': 'failed', 'Old': 'not-attempted'},
    message: 'Sequenzy rejected POST /api/v1/segments (422): quota reached',
    rerun: 'Apply complete! 1 created, 0 updated, 1 deleted.',
  },
  import: {
    // Realistically messy: server ids everywhere, nested groups, references (to an imported and to a
    // managed segment), an empty check with value "", a legacy filters-only segment.
    seed: {
      segments: [
        {id: 'seg_base', name: 'Base', root: {kind: 'group', id: 'root', joinOperator: 'and', children: [f('status', 'is', 'active', 'f1')]}},
        {id: 'seg_managed', name: 'Managed already', root: {kind: 'group', id: 'root', joinOperator: 'and', children: [f('tag', 'contains', 'x', 'f1')]}},
        {
          id: 'seg_nested',
          name: 'Nested / VIP',
          root: {
            kind: 'group',
            id: 'root',
            joinOperator: 'or',
            children: [f('segment', 'is', 'seg_base', 'f1'), {kind: 'group', id: 'g2', joinOperator: 'and', children: [f('phone', 'is_empty', '', 'f2'), f('segment', 'is_not', 'seg_managed', 'f3'), f('event', 'at_least', 'app.open:3:30d', 'f4')]}],
          },
        },
        {id: 'seg_legacy', name: 'Legacy', filters: [{id: 'l1', field: 'email', operator: 'contains', value: '@example.com'}], filterJoinOperator: 'or'},
      ],
    },
    files: {'segments/managed.json': {name: 'Managed already', root: {kind: 'group', joinOperator: 'and', children: [f('tag', 'contains', 'x')]}}},
    written: ['base', 'legacy', 'nested-vip'],
    says: [],
    contents: (format) => ({
      // References by name, to an imported and to a managed segment; no ids left.
      'nested-vip': {has: format === 'json' ? ['"$segment": "Base"', '"$segment": "Managed already"'] : ["segment('Base')", "segment('Managed already')"], hasNot: ['seg_']},
    }),
  },
  secrets: {
    key: 'sk_live_SuperSecretKey_42/+=',
    seed: {},
    files: {'segments/a.json': {name: 'A', root: active}},
    echo: (key) => ({method: 'POST', fault: {type: 'status', status: 401, body: {success: false, error: `Key ${key} (${encodeURIComponent(key)}) lacks write access`}}}),
    code: 4,
    says: ['lacks write access', 'authorization'],
    json: {
      status: 'failed',
      workspaces: [{outcomes: [{action: 'create', name: 'A', status: 'failed', message: 'Sequenzy refused the request (401 on POST /api/v1/segments): Key *** (***) lacks write access (Check that the workspace apiKeyEnv variable holds a valid key with the permissions segsync needs.)'}]}],
    },
  },
  refusedKey: {files: {'segments/a.json': {name: 'A', root: active}}, key: 'sk_live_not_the_right_one', says: 'Sequenzy refused the request (401'},
  embedded: {
    files: {'segments/a.json': {name: 'A', root: active}, 'segments/b.json': {name: 'B', root: inSegment('A')}},
    summary: 'Apply complete! 2 created, 0 updated, 0 deleted.',
    saved: {segments: [expect.objectContaining({name: 'A'}), expect.objectContaining({name: 'B'})]},
  },
  invalid: {
    // A cycle, and one definition with five mistakes, and a duplicate name: all in one run.
    files: {
      'segments/a.json': {name: 'A', root: inSegment('B')},
      'segments/b.json': {name: 'B', root: inSegment('C')},
      'segments/c.json': {name: 'C', root: inSegment('A')},
      'segments/broken.json': {name: 'Broken', rooot: 1, root: {kind: 'group', joinOperator: 'andd', children: [{kind: 'filter', field: 'status', operator: 'at_least', value: 'x'}, {kind: 'filter', field: 'stauts', operator: 'is', value: 'x'}, {kind: 'filter', field: 'tag', operator: 'contains', value: 3}]}},
      'segments/dup.ts': `export default {name: 'A', root: ${JSON.stringify(active)}}\n`,
    },
    problems: [
      'segments/a.json:2:11  error  dependency cycle: "A" → "B" → "C" → "A"',
      'unknown property "rooot"',
      'hint: did you mean "root"?',
      'joinOperator "andd" is not allowed here',
      'operator "at_least" is not allowed here; expected one of: is, is_not',
      'unknown field "stauts"',
      'value must be a string',
      'segments/dup.ts:1:23  error  duplicate segment name "A": also defined in segments/a.json:2:11',
      'Error: 8 problems in 3 files; nothing was sent to any vendor',
    ],
  },
}
