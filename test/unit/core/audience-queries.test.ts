/**
 * What the audience stage asks the vendor to count: each change's body, its `{ $segment }`
 * references as remote ids where that segment exists (a count needs ids), a body without any
 * reference handed over as it is.
 */
import {expect, it} from 'vitest'
import type {Change} from '../../../src/generated/plan.js'
import type {AudienceQuery, ProviderClient} from '../../../src/core/provider.js'
import {diffRemotes} from '../../../src/core/plan/build-plan.js'
import {readAudiences} from '../../../src/core/plan/audience.js'
import {fake, fakeClient, fakeDefinition as def, fakeRemote as remote} from '../../helpers/fake-provider.js'

it('asks with remote ids for the segments a changed body references, and passes a body without references as it is', async () => {
  const remotes = [remote('r1', 'Base', ['a']), remote('r2', 'Uses base', ['a']), remote('r3', 'Plain', ['a'])]
  const definitions = [def('Base', ['a']), def('Uses base', ['b'], {uses: ['Base', 'Not there']}), def('Plain', ['c']), def('New', ['d'], {uses: ['Plain']})]
  const {diff, remotesById} = diffRemotes({workspace: {name: 'w'}, provider: fake, definitions, remotes})
  const asked: AudienceQuery[] = []
  const client = {...fakeClient(remotes), audience: async (queries: AudienceQuery[]) => (asked.push(...queries), queries.map(() => ({current: 1, proposed: 2, source: 'fake'})))} as ProviderClient
  const counts = await readAudiences(diff.changes, remotesById, client, fake)

  const byName = new Map(diff.changes.map((c: Change, i) => [c.name, asked[i]!]))
  expect([...byName.keys()].sort()).toEqual(['New', 'Plain', 'Uses base'])
  expect(byName.get('Uses base')!.body).toEqual({rules: ['b'], uses: ['r1', {$segment: 'Not there'}]})
  expect(byName.get('New')).toMatchObject({action: 'create', body: {rules: ['d'], uses: ['r3']}})
  expect(byName.get('Plain')!.remote?.id).toBe('r3')
  // No reference: the definition's own body, not a copy.
  expect(byName.get('Plain')!.body).toBe(definitions[2]!.body)
  expect(counts.get('Plain')).toEqual({current: 1, proposed: 2, source: 'fake'})
})
