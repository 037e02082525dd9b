/**
 * The built CLI, run as a user would, against a MailGlyph emulator on loopback: output, exit
 * codes and the emulator's final state.
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {expectConverged, expectValidPlan} from '../helpers/plan-schema.js'
import {writes} from '../helpers/emulators.js'
import {condition, filter, MAILGLYPH_KEY, mailglyphEmulator, messySeed} from '../helpers/mailglyph.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {MAILGLYPH_API_KEY: MAILGLYPH_KEY}
const pro = filter('data.plan', 'equals', 'pro')

// Remote: Base (SCHEDULED campaign) ← Mid (memberOfSegment Base; SENDING campaign).
const seed = {
  segments: [
    {id: 'seg_base', name: 'Base', condition: condition('AND', [pro])},
    {id: 'seg_mid', name: 'Mid', trackMembership: true, condition: condition('AND', [filter('seg_base', 'memberOfSegment'), filter('event.login', 'triggered')])},
    {id: 'seg_old', name: 'Old', condition: condition('AND', [filter('data.plan', 'equals', 'legacy')])},
    {id: 'seg_legacy', name: 'Legacy name', description: 'kept', condition: condition('AND', [filter('email', 'contains', '@acme.com')])},
    {id: 'seg_hand', name: 'Hand made', condition: condition('AND', [filter('subscribed', 'equals', false)])},
    {id: 'seg_static', name: 'Imported list', type: 'STATIC', memberCount: 12},
  ],
  campaigns: [
    {id: 'cmp_spring', name: 'Spring sale', status: 'SCHEDULED', audienceType: 'SEGMENT', segmentId: 'seg_base'},
    {id: 'cmp_digest', name: 'Digest', status: 'SENDING', audienceType: 'SEGMENT', segmentId: 'seg_mid'},
    {id: 'cmp_draft', name: 'Idea', status: 'DRAFT', audienceType: 'SEGMENT', segmentId: 'seg_base'},
  ],
}

function repoFor(url: string, policy?: Record<string, unknown>) {
  return tempRepo({
    'segsync.config.json': jsonConfig(url, {}, policy, 'mailglyph'),
    'segments/base.json': {name: 'Base', condition: condition('AND', [pro, filter('createdAt', 'within', 90, 'days')])},
    'segments/mid.json': {name: 'Mid', trackMembership: true, condition: condition('AND', [filter('event.login', 'triggered'), filter({$segment: 'Base'}, 'memberOfSegment')])},
    'segments/old.json': {name: 'Old', ensure: 'absent'},
    'segments/new-name.json': {name: 'New name', renamedFrom: ['Legacy name'], description: 'kept', condition: condition('AND', [filter('email', 'contains', '@acme.com')])},
    // A new segment that must exist before another new one (MailGlyph publishes no segment reference: dependsOn).
    'segments/new-parent.ts': `import {defineSegment} from 'segsync/mailglyph'\nexport default defineSegment({name: 'New parent', condition: {logic: 'OR', groups: [{filters: [{field: 'data.team', operator: 'exists'}]}]}})\n`,
    'segments/new-child.ts': `import {defineSegment} from 'segsync/mailglyph'\nexport default defineSegment({name: 'New child', dependsOn: ['New parent'], description: 'Teams that logged in', condition: {logic: 'AND', groups: [{filters: [{field: 'data.team', operator: 'exists'}, {field: 'event.login', operator: 'triggeredWithin', value: 7, unit: 'days'}]}]}})\n`,
  })
}

describe('segsync plan and apply (MailGlyph)', () => {
  it('stops when two remote segments carry a managed name (MailGlyph allows it), naming both ids, and writes nothing', async () => {
    const emulator = await mailglyphEmulator({
      segments: [
        {id: 'seg_a', name: 'Twins', condition: condition('AND', [pro])},
        {id: 'seg_b', name: 'Twins', condition: condition('AND', [pro])},
      ],
    })
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'mailglyph'), 'segments/twins.json': {name: 'Twins', condition: condition('AND', [filter('data.plan', 'equals', 'team')])}})
    const res = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env})
    expect(res.code).toBe(1)
    expect(res.stderr).toContain('2 MailGlyph segments are named "Twins" (ids seg_a, seg_b); segsync cannot tell which one the definition manages')
    expect(res.stderr).toContain('Rename or delete the extra ones in MailGlyph')
    expect(writes(emulator)).toEqual([])
  })

  it('plans creates, updates, a rename and a delete with their transitive campaign impact, writing nothing', async () => {
    const emulator = await mailglyphEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['plan'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    const out = res.stdout
    expect(out).toContain('~ update "Base" (seg_base)')
    expect(out).toContain('+ adds filter `createdAt within 90 days` in group #1')
    expect(out).toContain('campaign "Spring sale" (SCHEDULED) directly')
    expect(out).toContain('campaign "Digest" (SENDING) through "Mid"')
    expect(out).toContain('campaign "Idea" (DRAFT) directly')
    expect(out).toContain('renames "Legacy name" to "New name"')
    expect(out).toContain('+ create "New parent" (id known after apply)')
    expect(out).toContain('- delete "Old" (seg_old)')
    expect(out).toContain('1 read-only segment listed, never modified: "Imported list"')
    expect(out).toContain('1 unmanaged segment (no definition file; not touched): "Hand made"')
    expect(out).toContain('Plan: 2 to create, 2 to update, 1 to delete. 2 active campaigns affected. 2 blocked unless allowed.')
    expect(writes(emulator)).toEqual([])
  })

  it('refuses a blocked apply before any write (exit 6)', async () => {
    const emulator = await mailglyphEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env})
    expect(res.code).toBe(6)
    expect(res.stderr).toContain('update "Base": changes the audience of 2 active campaigns ("Spring sale", "Digest") (allow with --allow-campaign-impact)')
    expect(res.stderr).toContain('--allow-delete')
    expect(writes(emulator)).toEqual([])
  })

  it('creates, updates with only the changed fields, renames and deletes in order, then re-plans to zero changes', async () => {
    const emulator = await mailglyphEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['apply', '--auto-approve', '--allow-campaign-impact', '--allow-delete'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('Apply complete! 2 created, 2 updated, 1 deleted.')
    expect(emulator.requests.filter((r) => r.method === 'POST').map((r) => (r.body as {name: string}).name)).toEqual(['New parent', 'New child'])
    const patches = Object.fromEntries(emulator.requests.filter((r) => r.method === 'PATCH').map((r) => [r.path, r.body]))
    expect(patches).toEqual({
      '/segments/seg_base': {condition: condition('AND', [pro, filter('createdAt', 'within', 90, 'days')])},
      '/segments/seg_legacy': {name: 'New name'},
    })
    const byName = new Map(emulator.state.segments.map((s) => [s.name, s]))
    expect(byName.has('Old')).toBe(false)
    expect(byName.get('New name')).toMatchObject({id: 'seg_legacy', description: 'kept'})
    expect(byName.get('New child')).toMatchObject({type: 'DYNAMIC', description: 'Teams that logged in', trackMembership: false})
    expect(byName.get('Imported list')).toMatchObject({type: 'STATIC', memberCount: 12})
    expect(byName.has('Hand made')).toBe(true)

    await expectConverged(repo.dir, env, () => writes(emulator))
  })

  it('prints --json that the plan schema accepts, with DRAFT campaigns as inactive users', async () => {
    const emulator = await mailglyphEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['plan', '--json', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(res.code).toBe(2)
    const plan = JSON.parse(res.stdout)
    expectValidPlan(plan)
    expect(plan.summary).toMatchObject({create: 2, update: 2, delete: 1, blocked: 2, affectedCampaigns: 2, unmanaged: 1})
    const base = plan.workspaces[0].changes.find((c: {name: string}) => c.name === 'Base')
    expect(base.impact.campaigns).toEqual([
      {kind: 'campaign', id: 'cmp_spring', name: 'Spring sale', status: 'SCHEDULED', active: true, via: []},
      {kind: 'campaign', id: 'cmp_digest', name: 'Digest', status: 'SENDING', active: true, via: ['Mid']},
      {kind: 'campaign', id: 'cmp_draft', name: 'Idea', status: 'DRAFT', active: false, via: []},
    ])
  })

  it('reports a delete MailGlyph refuses (a DRAFT campaign still targets it) as a failed apply (exit 1)', async () => {
    const emulator = await mailglyphEmulator({
      segments: [{id: 'seg_idea', name: 'Idea audience', condition: condition('AND', [pro])}],
      campaigns: [{id: 'cmp_draft', name: 'Idea', status: 'DRAFT', audienceType: 'SEGMENT', segmentId: 'seg_idea'}],
    })
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'mailglyph'), 'segments/idea.json': {name: 'Idea audience', ensure: 'absent'}})
    const res = await runCli(['apply', '--auto-approve', '--allow-delete'], {cwd: repo.dir, env})
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('campaign "Idea" (DRAFT) directly')
    expect(res.stdout).toContain('delete "Idea audience" failed: MailGlyph rejected DELETE /segments/seg_idea (409): Conflict: Cannot delete segment: it is currently used in 1 active campaign(s)')
    expect(emulator.state.segments.map((s) => s.id)).toEqual(['seg_idea'])
  })

  it('resolves membership references to ids in `field`, creating the referenced segment first (upstream-Plunk reading, vendors.md §1.6)', async () => {
    const emulator = await mailglyphEmulator({}, {assumptions: {acceptMembershipOperators: true}})
    const repo = tempRepo({
      'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'mailglyph'),
      'segments/a-derived.ts': `import {defineSegment, segment} from 'segsync/mailglyph'\nexport default defineSegment({name: 'Derived', condition: {logic: 'AND', groups: [{filters: [{field: segment('Base'), operator: 'notMemberOfSegment'}, {field: 'data.trial', operator: 'equals', value: true}]}]}})\n`,
      'segments/base.json': {name: 'Base', condition: condition('AND', [pro])},
    })
    const res = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    const [base, derived] = emulator.state.segments
    expect([base!.name, derived!.name]).toEqual(['Base', 'Derived'])
    expect(derived!.condition!.groups[0]!.filters[0]).toEqual({field: base!.id, operator: 'notMemberOfSegment'})
    expect((await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})).code).toBe(0)
  })

  it('validates offline, every problem with its position: a missing unit, a field MailGlyph cannot filter on', async () => {
    const repo = tempRepo({
      'segsync.config.json': jsonConfig('http://127.0.0.1:9', {}, undefined, 'mailglyph'),
      'segments/bad-unit.json': '{\n  "name": "Bad unit",\n  "condition": {"logic": "AND", "groups": [{"filters": [\n    {"field": "createdAt", "operator": "within", "value": 3}\n  ]}]}\n}\n',
      'segments/bad-field.json': '{\n  "name": "Bad field",\n  "condition": {"logic": "AND", "groups": [{"filters": [\n    {"field": "plan", "operator": "equals", "value": "pro"}\n  ]}]}\n}\n',
    })
    const res = await runCli(['validate'], {cwd: repo.dir, env: {}})
    expect(res.code).toBe(3)
    expect(res.stderr).toMatch(/segments\/bad-unit\.json:4:5 .*missing required property "unit"/)
    expect(res.stderr).toMatch(/segments\/bad-field\.json:4:15 .*MailGlyph cannot filter on "plan"/)
    expect(res.stderr).toContain('2 problems in 2 files')
  })

  it.each(['json', 'ts'])('imports a messy account as %s files that plan to zero changes', async (format) => {
    const emulator = await mailglyphEmulator(messySeed)
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'mailglyph')})
    const imported = await runCli(['import', '--format', format], {cwd: repo.dir, env})
    expect(imported.stderr).not.toContain('Error')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain('skipped "Webinar attendees"')
    expect(repo.read(`segments/upsell-targets.${format}`)).toContain(format === 'ts' ? "field: segment('Engaged readers')" : '"$segment": "Engaged readers"')
    const plan = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(plan.code).toBe(0)
    expect(plan.stdout).toContain('No changes.')
    expect(writes(emulator)).toEqual([])
  })
})
