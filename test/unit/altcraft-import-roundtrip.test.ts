/**
 * The import precondition: for every managed remote Altcraft segment, `toDefinition` (plus its
 * name) is a valid definition, and planning those definitions against the same state changes
 * nothing. Static segments are read-only: never imported, never planned. Altcraft documents no
 * field holding a segment id, so no `{ $segment }` appears: an "in segment" rule keeps its raw
 * value and the dependency is declared with dependsOn.
 */
import {describe, expect, it} from 'vitest'
import {diffWorkspace} from '../../src/core/diff/diff-workspace.js'
import type {Definition} from '../../src/core/model.js'
import {schemaValidator} from '../../src/core/validate/schema.js'
import {altcraft} from '../../src/providers/altcraft/index.js'
import {schemaPath} from '../../src/util/package-root.js'
import {altcraftClient, altcraftEmulator, messyState, query} from '../helpers/altcraft.js'

const definitionOf = (file: Record<string, unknown>, extra: Partial<Definition> = {}): Definition => {
  const {name, ...body} = file
  return {name: String(name), renamedFrom: [], dependsOn: [], protected: false, ensure: 'present', body, source: {file: `segments/${String(name)}.json`, kind: 'json', locate: () => undefined}, ...extra}
}

describe('Altcraft import round trip', () => {
  it('turns every managed remote segment into a definition that validates and plans to zero changes', async () => {
    const client = await altcraftClient(await altcraftEmulator(messyState))
    const remotes = await client.listSegments()
    expect(remotes).toHaveLength(messyState.segments.length)
    const managed = remotes.filter((r) => !r.readOnly)
    expect(remotes.filter((r) => r.readOnly).map((r) => r.name)).toEqual(['Control group (static)'])
    const validator = schemaValidator(schemaPath('altcraft/segment.schema.json'))
    const definitions = managed.map((remote) => {
      const body = altcraft.toDefinition(remote)
      // What import writes is JSON: nothing may be lost on the way to a file.
      const file = JSON.parse(JSON.stringify({name: remote.name, ...body}))
      expect(file).toEqual({name: remote.name, ...body})
      expect(validator.validate(file)).toEqual([])
      expect(altcraft.check(body)).toEqual([])
      return definitionOf(file, remote.name === 'In Yahoo users' ? {dependsOn: ['Yahoo users']} : {})
    })
    const diff = diffWorkspace({definitions, remotes, provider: altcraft, prune: false})
    expect(diff.changes).toEqual([])
    expect(diff.unmanaged).toEqual([])
    expect(diff.readOnly.map((r) => r.name)).toEqual(['Control group (static)'])
    expect(diff.unchanged.sort()).toEqual(managed.map((r) => r.name).sort())
  })

  it('writes what a user would: no server ids, counts, block defaults, repeated list_id or empty query defaults', async () => {
    const client = await altcraftClient(await altcraftEmulator(messyState))
    const byName = new Map((await client.listSegments()).map((r) => [r.name, altcraft.toDefinition(r)]))
    expect(byName.get('Yahoo users')).toEqual({list_id: 5, segment: [{condition: 'or', queries: [{compo: 'domaingroup', name: 'email', operator: 'equal', type: 'email', value: [{name: 'domaingroup', value: 'Yahoo! (US)'}]}]}]})
    const eu = byName.get('EU women, subscribed') as {is_static: boolean; is_refresh_daily: boolean; segment: Array<Record<string, unknown>>}
    expect(eu).toMatchObject({list_id: 5, is_static: true, is_refresh_daily: true})
    expect(eu.segment[0]).toMatchObject({condition: 'and', percent_from: 10, percent_to: 60, limit: 5000})
    expect(eu.segment[0]!.list_id).toBeUndefined()
    expect((eu.segment[0]!.queries as unknown[])[0]).toEqual({
      ...query('_region', 'equal', 'EU'),
      child: [{...query('_sex', 'equal', 'f'), child: [query('_age', 'gte', '18'), query('_age', 'lte', '65')], condition: 'and'}, query('_sex', 'equal', 'x')],
      condition: 'or',
    })
    expect(JSON.stringify(byName.get('Buyers (objects)'))).not.toMatch(/"child":\[\]|"condition":""/)
    expect(byName.get('In Yahoo users')).toMatchObject({segment: [{queries: [{value: [{name: 'segment_id', value: 3}]}]}]})
  })
})
