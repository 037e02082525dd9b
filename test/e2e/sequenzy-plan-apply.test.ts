/**
 * The built CLI, run as a user would, against a Sequenzy emulator on loopback: output, exit codes
 * and the emulator's final state.
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {expectConverged, expectValidPlan} from '../helpers/plan-schema.js'
import {sequenzyEmulator, TEST_KEY, writes} from '../helpers/emulators.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {SEQUENZY_API_KEY: TEST_KEY}
const filter = (field: string, operator: string, value?: unknown) => ({kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})})
const group = (joinOperator: string, ...children: unknown[]) => ({kind: 'group', joinOperator, children})

// Remote: Base (used by an active campaign) ← Mid (used by a live sequence)
const seed = {
  segments: [
    {id: 'seg_base', name: 'Base', root: group('and', filter('status', 'is', 'active'))},
    {id: 'seg_mid', name: 'Mid', root: group('and', filter('segment', 'is', 'seg_base'), filter('tag', 'contains', 'x'))},
    {id: 'seg_old', name: 'Old', root: group('and', filter('status', 'is', 'old'))},
    {id: 'seg_hand', name: 'Hand made', root: group('and', filter('status', 'is', 'hand'))},
  ],
  campaigns: [{id: 'cmp_1', name: 'Spring sale', status: 'scheduled', targetLists: {type: 'segment', segmentId: 'seg_base'}}],
  sequences: [{id: 'seq_1', name: 'Onboarding', status: 'active', effectiveStatus: 'live', trigger: {type: 'segment_entered', segmentId: 'seg_mid'}}],
}

function repoFor(url: string, policy?: Record<string, unknown>) {
  return tempRepo({
    'segsync.config.json': jsonConfig(url, {}, policy),
    'segments/base.json': {name: 'Base', root: group('and', filter('status', 'is', 'active'), filter('event', 'is_not', 'saas.purchase:30d'))},
    'segments/mid.json': {name: 'Mid', root: group('and', filter('segment', 'is', {$segment: 'Base'}), filter('tag', 'contains', 'x'))},
    'segments/old.json': {name: 'Old', ensure: 'absent'},
    // A new segment referencing another new one: both are created in one apply.
    'segments/new-parent.ts': `import {defineSegment} from 'segsync/sequenzy'\nexport default defineSegment({name: 'New parent', root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'tag', operator: 'contains', value: 'new'}]}})\n`,
    'segments/new-child.ts': `import {defineSegment, segment} from 'segsync/sequenzy'\nexport default defineSegment({name: 'New child', root: {kind: 'group', joinOperator: 'or', children: [{kind: 'filter', field: 'segment', operator: 'is', value: segment('New parent')}, {kind: 'filter', field: 'segment', operator: 'is_not', value: segment('Mid')}]}})\n`,
  })
}

describe('segsync plan and apply (Sequenzy)', () => {
  it('plans creates, updates and deletes with their transitive campaign impact', async () => {
    const emulator = await sequenzyEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['plan'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    const out = res.stdout
    expect(out).toContain('~ update "Base" (seg_base)')
    expect(out).toContain('+ adds filter `event is_not saas.purchase:30d`')
    expect(out).toContain('campaign "Spring sale" (scheduled) directly')
    expect(out).toContain('sequence "Onboarding" (live) through "Mid"')
    expect(out).toContain('+ create "New parent" (id known after apply)')
    expect(out).toContain('+ adds filter `segment is segment "New parent"`')
    expect(out).toContain('- delete "Old" (seg_old)')
    expect(out).toContain('1 unmanaged segment (no definition file; not touched): "Hand made"')
    expect(out).toContain('Plan: 2 to create, 1 to update, 1 to delete. 2 active campaigns affected. 2 blocked unless allowed.')
    expect(writes(emulator)).toEqual([])
  })

  it('refuses a blocked apply before any write (exit 6), naming what blocks and the flag that allows it', async () => {
    const emulator = await sequenzyEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env})
    expect(res.code).toBe(6)
    expect(res.stderr).toContain('apply refused before any write: 2 blocked changes')
    expect(res.stderr).toContain('update "Base": changes the audience of 2 active campaigns ("Spring sale", "Onboarding") (allow with --allow-campaign-impact)')
    expect(res.stderr).toContain('delete "Old"')
    expect(res.stderr).toContain('--allow-delete')
    expect(writes(emulator)).toEqual([])
    // Allowing only one of the two is still refused.
    expect((await runCli(['apply', '--auto-approve', '--allow-delete'], {cwd: repo.dir, env})).code).toBe(6)
    expect(writes(emulator)).toEqual([])
  })

  it('applies in dependency order, resolving a reference to a segment created in the same run, then converges to no changes', async () => {
    const emulator = await sequenzyEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['apply', '--auto-approve', '--allow-campaign-impact', '--allow-delete'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('Apply complete! 2 created, 1 updated, 1 deleted.')
    const state = emulator.state.segments
    const parent = state.find((s) => s.name === 'New parent')!
    const child = state.find((s) => s.name === 'New child')!
    expect(child.root.children.map((c) => ('value' in c ? c.value : undefined))).toEqual([parent.id, 'seg_mid'])
    expect(state.find((s) => s.name === 'Old')).toBeUndefined()
    expect(state.find((s) => s.name === 'Hand made')).toBeDefined()
    const posts = emulator.requests.filter((r) => r.method === 'POST').map((r) => (r.body as {name: string}).name)
    expect(posts).toEqual(['New parent', 'New child'])

    await expectConverged(repo.dir, env, () => writes(emulator))
  })

  it('prints --json output that the plan schema accepts, and exits 2 with --detailed-exitcode', async () => {
    const emulator = await sequenzyEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['plan', '--json', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(res.code).toBe(2)
    const plan = JSON.parse(res.stdout)
    expectValidPlan(plan)
    expect(plan.summary).toMatchObject({create: 2, update: 1, delete: 1, blocked: 2, affectedCampaigns: 2, unmanaged: 1})
    const base = plan.workspaces[0].changes.find((c: {name: string}) => c.name === 'Base')
    expect(base.impact.campaigns).toEqual([
      {kind: 'campaign', id: 'cmp_1', name: 'Spring sale', status: 'scheduled', active: true, via: []},
      {kind: 'sequence', id: 'seq_1', name: 'Onboarding', status: 'live', active: true, via: ['Mid']},
    ])
  })

  it("only warns under policy campaignImpact: 'warn', and reports a partial failure with exit 8", async () => {
    const emulator = await sequenzyEmulator(seed)
    const repo = repoFor(emulator.url, {campaignImpact: 'warn'})
    // The child's create is rejected (non-retryable): the rest goes through, deletes do not run.
    emulator.faults.add({method: 'POST', path: '/api/v1/segments', skip: 1, fault: {type: 'status', status: 422, body: {success: false, error: 'quota reached'}}})
    const res = await runCli(['apply', '--auto-approve', '--allow-delete', '--json'], {cwd: repo.dir, env})
    expect(res.code).toBe(8)
    const report = JSON.parse(res.stdout)
    expect(report.status).toBe('partial')
    const status = Object.fromEntries(report.workspaces[0].outcomes.map((o: {name: string; status: string}) => [o.name, o.status]))
    expect(status).toEqual({'Base': 'applied', 'New parent': 'applied', 'New child': 'failed', 'Old': 'not-attempted'})
    expect(emulator.state.segments.find((s) => s.name === 'Old')).toBeDefined()
    // A re-run converges.
    emulator.faults.clear()
    const rerun = await runCli(['apply', '--auto-approve', '--allow-delete'], {cwd: repo.dir, env})
    expect(rerun.code).toBe(0)
    expect(rerun.stdout).toContain('Apply complete! 1 created, 0 updated, 1 deleted.')
  })
})
