/**
 * The apply stage against the fake provider's in-memory client: dependency order, references
 * resolved to ids created in the same run, the write contract (changed and cleared fields), and
 * what a failure leaves undone.
 */
import {describe, expect, it} from 'vitest'
import {applyWorkspace, segmentWrite} from '../../../src/core/apply/apply-workspace.js'
import {planWorkspace} from '../../../src/core/plan/build-plan.js'
import type {Definition, RemoteSegment} from '../../../src/core/model.js'
import {usage} from '../../helpers/builders.js'
import {change} from '../../helpers/plan-document.js'
import {fake, fakeAbsent, fakeClient, fakeDefinition as def, fakeRemote as remote} from '../../helpers/fake-provider.js'

function planAndApply(definitions: Definition[], remotes: RemoteSegment[], fail: string[] = []) {
  const plan = planWorkspace({workspace: {name: 'w'}, endpoint: 'embedded', provider: fake, definitions, remotes, usage: usage(), policy: {campaignImpact: 'block', unknownUsage: 'warn'}})
  const client = fakeClient(remotes, {fail})
  const run = applyWorkspace(plan, {client, provider: fake, remotesById: new Map(remotes.map((r) => [r.id, r])), concurrency: 4})
  return {plan, client, run}
}

describe('apply', () => {
  it('creates what a definition references first and writes the new id into the reference', async () => {
    const {client, run} = planAndApply([def('Top', ['x'], {uses: ['Base']}), def('Base', ['a'])], [])
    const outcomes = await run
    expect(outcomes.map((o) => `${o.status} ${o.action} ${o.name}`)).toEqual(['applied create Base', 'applied create Top'])
    expect(client.writes.map((w) => [w.op, w.body])).toEqual([
      ['create', {rules: ['a']}],
      ['create', {rules: ['x'], uses: ['fake_1']}],
    ])
  })

  it('sends an update as the fields it changes and the fields the definition dropped', async () => {
    const {client, run} = planAndApply([def('S2', ['b'], {renamedFrom: ['S']})], [remote('s1', 'S', ['a'], {note: 'old'})])
    await run
    expect(client.writes).toEqual([{op: 'update', id: 's1', write: {desired: {name: 'S2', rules: ['b']}, changed: ['name', 'rules'], cleared: ['note']}}])
    expect(client.segments.get('s1')).toEqual({id: 's1', name: 'S2', rules: ['b']})
  })

  it('deletes last, and not at all after a failed create or update', async () => {
    const remotes = [remote('s1', 'Old', ['a']), remote('s2', 'Kept', ['a'])]
    const clean = planAndApply([fakeAbsent('Old'), def('Kept', ['b'])], remotes)
    expect((await clean.run).map((o) => `${o.status} ${o.action} ${o.name}`)).toEqual(['applied update Kept', 'applied delete Old'])

    const failed = planAndApply([fakeAbsent('Old'), def('Kept', ['b'])], remotes, ['Kept'])
    const outcomes = await failed.run
    expect(outcomes.map((o) => `${o.status} ${o.action} ${o.name}`)).toEqual(['failed update Kept', 'not-attempted delete Old'])
    expect(failed.client.writes).toEqual([])
  })
})

describe('the write contract', () => {
  it('puts "name" first on a rename and splits the other fields by whether the definition has them', () => {
    const update = change('update', 'New', {changed: ['name', 'note', 'rules']})
    expect(segmentWrite(update, {rules: ['x']})).toEqual({desired: {name: 'New', rules: ['x']}, changed: ['name', 'rules'], cleared: ['note']})
  })
})
