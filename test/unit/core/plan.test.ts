import {describe, expect, it} from 'vitest'
import {createHash} from 'node:crypto'
import {definitionsHash, planWorkspace} from '../../../src/core/plan/build-plan.js'
import type {Policy} from '../../../src/core/model.js'
import {usage} from '../../helpers/builders.js'
import {fake, fakeAbsent as absent, fakeDefinition as definition, fakeRemote as remote} from '../../helpers/fake-provider.js'

const block: Policy = {campaignImpact: 'block', unknownUsage: 'warn'}

// Base ← Mid ← Top (Mid references Base, Top references Mid)
const remotes = [remote('seg_base', 'Base', ['status=active']), remote('seg_mid', 'Mid', [], {uses: ['seg_base']}), remote('seg_top', 'Top', [], {uses: ['seg_mid']})]
const defs = (baseValue = 'active') => [definition('Base', [`status=${baseValue}`]), definition('Mid', [], {uses: ['Base']}), definition('Top', [], {uses: ['Mid']})]

function plan(input: Partial<Parameters<typeof planWorkspace>[0]>) {
  return planWorkspace({workspace: {name: 'w'}, endpoint: 'embedded', provider: fake, definitions: defs('inactive'), remotes, usage: usage(), policy: block, ...input})
}

describe('impact and policy', () => {
  it('finds campaigns that use a changed segment directly and through segments that reference it', () => {
    const wp = plan({usage: usage({id: 'cmp_direct', segmentIds: ['seg_base']}, {id: 'cmp_far', kind: 'sequence', status: 'live', segmentIds: ['seg_top']}, {id: 'cmp_other', segmentIds: ['seg_unrelated']})})
    const change = wp.changes.find((c) => c.name === 'Base')!
    expect(change.impact.campaigns).toEqual([
      {kind: 'campaign', id: 'cmp_direct', name: 'cmp_direct', status: 'scheduled', active: true, via: []},
      {kind: 'sequence', id: 'cmp_far', name: 'cmp_far', status: 'live', active: true, via: ['Mid', 'Top']},
    ])
    expect(change.risks).toEqual([expect.objectContaining({rule: 'campaign-impact', level: 'block', allowFlag: '--allow-campaign-impact'})])
    expect(wp.summary).toMatchObject({update: 1, blocked: 1, affectedCampaigns: 2})
  })

  it('names each campaign once, by its shortest chain (the first its segments list among equals), in the order campaigns were read', () => {
    // Side and Mid both reference Base; Top references Mid.
    const side = remote('seg_side', 'Side', [], {uses: ['seg_base']})
    const wp = plan({
      remotes: [...remotes, side],
      definitions: [...defs('inactive'), definition('Side', [], {uses: ['Base']})],
      usage: usage(
        {id: 'cmp_side_first', segmentIds: ['seg_side', 'seg_mid']},
        {id: 'cmp_mid_first', segmentIds: ['seg_mid', 'seg_side']},
        {id: 'cmp_far_then_direct', segmentIds: ['seg_top', 'seg_base', 'seg_gone']},
        {id: 'cmp_twin', name: 'Twin', segmentIds: ['seg_top']},
        {id: 'cmp_twin_2', name: 'Twin', segmentIds: ['seg_mid']},
        {id: 'cmp_unknown', segmentIds: ['seg_gone']},
      ),
    })
    const campaigns = wp.changes.find((c) => c.name === 'Base')!.impact.campaigns
    expect(campaigns.map((c) => [c.id, c.via])).toEqual([
      ['cmp_far_then_direct', []],
      ['cmp_mid_first', ['Mid']],
      ['cmp_side_first', ['Side']],
      ['cmp_twin_2', ['Mid']],
      ['cmp_twin', ['Mid', 'Top']],
    ])
  })

  it('lists the reference edges among the segments a change reaches, for the impact picture, and no others', () => {
    const other = [remote('seg_x', 'X', ['a=b']), remote('seg_y', 'Y', [], {uses: ['seg_x']})]
    const wp = plan({remotes: [...remotes, ...other], definitions: [...defs('inactive'), definition('X', ['a=b']), definition('Y', [], {uses: ['X']})]})
    expect(wp.changes.map((c) => c.name)).toEqual(['Base'])
    expect(wp.references).toEqual([
      {from: 'Mid', to: 'Base'},
      {from: 'Top', to: 'Mid'},
    ])
    expect(plan({definitions: defs('active')}).references).toEqual([])
  })

  it('lists campaigns that are not active (e.g. drafts) without blocking on them', () => {
    const wp = plan({usage: usage({id: 'draft', status: 'DRAFT', active: false, segmentIds: ['seg_base']})})
    const change = wp.changes[0]!
    expect(change.impact.campaigns).toEqual([expect.objectContaining({id: 'draft', active: false})])
    expect(change.risks).toEqual([expect.objectContaining({rule: 'campaign-impact', level: 'info', message: 'also used by 1 campaign that is not active'})])
    expect(wp.summary).toMatchObject({blocked: 0, affectedCampaigns: 0})
  })

  it('attaches what the vendor says about a definition (ProviderClient.verify) to its change', () => {
    const wp = plan({findings: [{name: 'Base', level: 'warn', message: 'topic top_1 could not be verified'}]})
    expect(wp.changes[0]!.risks).toEqual([expect.objectContaining({rule: 'vendor-check', level: 'warn', message: 'topic top_1 could not be verified'})])
  })

  it("only warns under policy campaignImpact: 'warn'", () => {
    const wp = plan({usage: usage({id: 'c', segmentIds: ['seg_base']}), policy: {campaignImpact: 'warn', unknownUsage: 'warn'}})
    expect(wp.changes[0]!.risks).toEqual([expect.objectContaining({rule: 'campaign-impact', level: 'warn'})])
    expect(wp.summary.blocked).toBe(0)
  })

  it('does not block a rename: the audience stays the same', () => {
    const renamed = [{...defs()[0]!, name: 'Base 2', renamedFrom: ['Base']}, ...defs().slice(1)]
    renamed[1] = definition('Mid', [], {uses: ['Base 2']})
    const wp = plan({definitions: renamed, usage: usage({id: 'c', segmentIds: ['seg_base']})})
    const change = wp.changes.find((c) => c.name === 'Base 2')!
    expect(change.impact.audience).toBe(false)
    expect(change.risks).toEqual([expect.objectContaining({rule: 'campaign-impact', level: 'info'})])
  })

  it('does not block a change of a cosmetic field (the note): its campaigns are listed for information', () => {
    const wp = plan({definitions: [definition('Base', ['status=active'], {note: 'new words'}), ...defs().slice(1)], usage: usage({id: 'c', segmentIds: ['seg_base']})})
    const change = wp.changes.find((c) => c.name === 'Base')!
    expect(change).toMatchObject({action: 'update', changed: ['note'], impact: {audience: false}})
    expect(change.risks).toEqual([expect.objectContaining({rule: 'campaign-impact', level: 'info'})])
  })

  it('says campaign usage cannot be verified on every change when it is unknown, and blocks under unknownUsage: block', () => {
    const unknown = {known: false as const, reason: 'no API'}
    const warn = plan({usage: unknown})
    expect(warn.changes[0]!.risks).toEqual([expect.objectContaining({rule: 'unknown-usage', level: 'warn', message: 'campaign usage cannot be verified for fake (no API)'})])
    const blocked = plan({usage: unknown, policy: {campaignImpact: 'block', unknownUsage: 'block'}})
    expect(blocked.changes[0]!.risks[0]).toMatchObject({level: 'block', allowFlag: '--allow-campaign-impact'})
  })

  it('needs --allow-delete for every delete, never deletes a protected segment, and refuses to delete a segment still referenced', () => {
    const wp = plan({definitions: [absent('Base', {protected: true}), ...defs().slice(1)]})
    const del = wp.changes.find((c) => c.action === 'delete')!
    expect(del.risks.map((r) => r.rule)).toEqual(['protected', 'referenced', 'delete'])
    expect(del.risks.find((r) => r.rule === 'protected')!.allowFlag).toBeUndefined()
    expect(del.risks.find((r) => r.rule === 'referenced')!.message).toContain('"Mid"')
  })

  it('orders creates and updates by reference, deletes after them with dependents first', () => {
    const wp = planWorkspace({
      workspace: {name: 'w'},
      endpoint: 'embedded',
      provider: fake,
      remotes: [remotes[0]!, remotes[1]!, remote('seg_x', 'X', ['status=x'])],
      definitions: [definition('Z', [], {uses: ['A']}), definition('A', ['status=a']), absent('Base'), absent('Mid'), definition('X', ['status=changed'])],
      usage: usage(),
      policy: block,
    })
    expect(wp.changes.map((c) => `${c.action} ${c.name}`)).toEqual(['create A', 'update X', 'create Z', 'delete Mid', 'delete Base'])
    expect(wp.changes.find((c) => c.name === 'Base')!.dependsOn).toEqual(['Mid'])
  })
})

describe('definitionsHash', () => {
  it('hashes every file once, in code point order of its path, whatever order they were read in', () => {
    const files = [
      {file: 'segments/b.json', content: '{"name": "b"}'},
      {file: 'segments/B.json', content: '{"name": "B"}'},
      {file: 'segments/a.json', content: '{"name": "a"}'},
      {file: 'segments/a.json', content: '{"name": "a"}'},
    ]
    const expected = createHash('sha256').update('segments/B.json\0{"name": "B"}\0segments/a.json\0{"name": "a"}\0segments/b.json\0{"name": "b"}').digest('hex')
    expect(definitionsHash(files)).toBe(`sha256:${expected}`)
    expect(definitionsHash([...files].reverse())).toBe(`sha256:${expected}`)
    expect(definitionsHash([{...files[0]!, content: '{"name": "c"}'}, ...files.slice(1)])).not.toBe(`sha256:${expected}`)
  })
})
