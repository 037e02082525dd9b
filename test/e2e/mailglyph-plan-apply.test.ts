/**
 * MailGlyph's own stories through the built CLI, against its emulator on loopback: names MailGlyph
 * lets two segments share, a delete MailGlyph refuses, segment-in-segment references. The stories
 * every vendor tells are in vendors.test.ts (MailGlyph's data: cases/mailglyph.ts).
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {writes} from '../helpers/emulators.js'
import {condition, filter, MAILGLYPH_KEY, mailglyphEmulator} from '../helpers/mailglyph.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {MAILGLYPH_API_KEY: MAILGLYPH_KEY}
const pro = filter('data.plan', 'equals', 'pro')

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
})
