/**
 * Provider.remoteReferences reads segment-to-segment references straight from vendor bodies (the
 * plan runs it over every remote segment). It must find exactly the references toDefinition turns
 * into `{ $segment }`, and Altcraft's "in segment"-looking rules must reach campaign impact.
 */
import {describe, expect, it} from 'vitest'
import {planWorkspace} from '../../src/core/plan/build-plan.js'
import {findSegmentRefs} from '../../src/core/graph/references.js'
import type {RemoteSegment} from '../../src/core/model.js'
import {altcraft} from '../../src/providers/altcraft/index.js'
import {kibamail} from '../../src/providers/kibamail/index.js'
import {toRemote as mailglyphRemote} from '../../src/providers/mailglyph/client.js'
import {MEMBERSHIP_OPERATORS, membershipIds, type Condition} from '../../src/providers/mailglyph/conditions.js'
import {mailglyph} from '../../src/providers/mailglyph/index.js'
import type {Provider} from '../../src/core/provider.js'
import {push0} from '../../src/providers/push0/index.js'
import {sequenzy} from '../../src/providers/sequenzy/index.js'
import {messyState} from '../helpers/altcraft.js'
import {group, leaf, remote, usage} from '../helpers/builders.js'
import {condition, filter} from '../helpers/mailglyph.js'

function agreesWithToDefinition(provider: Provider, remotes: RemoteSegment[]) {
  const names = new Map(remotes.map((r) => [r.id, r.name]))
  const nameOf = (id: string) => names.get(id)
  for (const r of remotes) {
    const viaDefinition = findSegmentRefs(provider.toDefinition(r, nameOf)).map((ref) => ref.name)
    const direct = provider.remoteReferences(r).flatMap((id) => nameOf(id) ?? [])
    expect(direct, r.name).toEqual(viaDefinition)
  }
}

describe('remote references', () => {
  it('Sequenzy: segment filters anywhere in the tree, and in legacy filters', () => {
    const remotes = [
      remote('s1', 'Base', group('and', leaf('status', 'is', 'active'))),
      remote('s2', 'Nested', group('or', leaf('email', 'contains', 'x'), group('and', leaf('segment', 'is', 's1'), group('or', leaf('segment', 'is_not', 's3'))))),
      remote('s3', 'Unknown target', group('and', leaf('segment', 'is', 'seg_gone'))),
      {id: 's4', name: 'Legacy', raw: {id: 's4', name: 'Legacy', filters: [{field: 'segment', operator: 'is', value: 's1'}], filterJoinOperator: 'and'}},
    ]
    agreesWithToDefinition(sequenzy, remotes)
    expect(sequenzy.remoteReferences(remotes[1]!)).toEqual(['s1', 's3'])
    expect(sequenzy.remoteReferences(remotes[3]!)).toEqual(['s1'])
  })

  it('MailGlyph: membership filters, bare or segment.<id>, in nested conditions', () => {
    const seg = (id: string, name: string, cond: unknown) => mailglyphRemote({id, name, type: 'DYNAMIC', description: null, condition: cond, trackMembership: false} as never)
    const remotes = [
      seg('m1', 'Base', condition('AND', [filter('data.plan', 'equals', 'pro')])),
      seg('m2', 'Members', condition('AND', [filter('segment.m1', 'memberOfSegment')])),
      seg('m3', 'Deep', {logic: 'OR', groups: [{filters: [filter('email', 'contains', 'a')], conditions: condition('AND', [filter('m2', 'notMemberOfSegment'), filter('seg_gone', 'memberOfSegment')])}]}),
    ]
    agreesWithToDefinition(mailglyph, remotes)
    expect(mailglyph.remoteReferences(remotes[2]!)).toEqual(['m2', 'seg_gone'])
    // The walk names the operators itself: it must know every one the mapping does.
    for (const operator of MEMBERSHIP_OPERATORS) expect(membershipIds(condition('AND', [filter('segment.x', operator)]) as Condition)).toEqual(['x'])
  })

  it('Kibamail and Push0 bodies hold no segment ids', () => {
    expect((kibamail as Provider).remoteReferences({id: 'k', name: 'K', raw: {conditions: [{type: 'tag', value: 'k2'}]}})).toEqual([])
    expect((push0 as Provider).remoteReferences({id: 'p', name: 'P', raw: {constraints: []}})).toEqual([])
  })

  it('Altcraft: an "in segment" rule makes the campaigns of the segment that holds it part of the impact', () => {
    const remotes = messyState.segments.map((raw) => ({id: String(raw.id), name: raw.name, raw}))
    const inYahoo = remotes.find((r) => r.name === 'In Yahoo users')!
    expect(altcraft.remoteReferences(inYahoo)).toEqual(['3'])
    const yahoo = messyState.segments.find((s) => s.id === 3)!
    const changed = {name: 'Yahoo users', renamedFrom: [], dependsOn: [], protected: false, ensure: 'present' as const, body: {list_id: 5, segment: [{condition: 'or', queries: [{compo: 'domaingroup', name: 'email', operator: 'equal', type: 'email', value: [{name: 'domaingroup', value: 'Gmail'}]}]}]}, source: {file: 'segments/yahoo.json', kind: 'json' as const, locate: () => undefined}}
    expect(yahoo.name).toBe(changed.name)
    const wp = planWorkspace({workspace: {name: 'w'}, endpoint: 'http://x', provider: altcraft, definitions: [changed], remotes, usage: usage({id: '41', segmentIds: [inYahoo.id]}), policy: {campaignImpact: 'block', unknownUsage: 'warn'}})
    const change = wp.changes.find((c) => c.name === 'Yahoo users')!
    expect(change.action).toBe('update')
    expect(change.impact.campaigns).toEqual([expect.objectContaining({id: '41', via: ['In Yahoo users']})])
  })
})
