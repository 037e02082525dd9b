/**
 * The import precondition: for every remote Push0 segment, `toDefinition` (plus its name) is a
 * valid definition, and planning those definitions against the same state changes nothing.
 * The state is messy on purpose: upper-case relation aliases, null and empty descriptions,
 * server timestamps, the "All" segment with no constraints, full and repeated groups. (Push0 has
 * no segment references and no static segments, so there are none to round-trip.)
 */
import {describe, expect, it} from 'vitest'
import {diffWorkspace} from '../../src/core/diff/diff-workspace.js'
import type {Definition} from '../../src/core/model.js'
import {schemaValidator} from '../../src/core/validate/schema.js'
import {push0} from '../../src/providers/push0/index.js'
import {schemaPath} from '../../src/util/package-root.js'
import {constraint, group, messyState, push0Client, push0Emulator} from '../helpers/push0.js'

describe('Push0 import round trip', () => {
  it('turns every remote segment into a definition that validates and plans to zero changes', async () => {
    const client = await push0Client(await push0Emulator(messyState))
    const remotes = await client.listSegments()
    expect(remotes).toHaveLength(messyState.segments.length)
    const validator = schemaValidator(schemaPath('push0/segment.schema.json'))
    const definitions: Definition[] = remotes.map((remote) => {
      const body = push0.toDefinition(remote)
      // What import writes is JSON: nothing may be lost on the way to a file.
      const file = JSON.parse(JSON.stringify({name: remote.name, ...body}))
      expect(file).toEqual({name: remote.name, ...body})
      expect(validator.validate(file)).toEqual([])
      expect(push0.check(body)).toEqual([])
      expect(Object.keys(body).filter((k) => !['description', 'constraints'].includes(k))).toEqual([])
      const {name, ...rest} = file
      return {name, renamedFrom: [], dependsOn: [], protected: false, ensure: 'present', body: rest, source: {file: `segments/${name}.json`, kind: 'json', locate: () => undefined}}
    })
    const diff = diffWorkspace({definitions, remotes, provider: push0, prune: false})
    expect(diff.changes).toEqual([])
    expect(diff.unmanaged).toEqual([])
    expect(diff.unchanged.sort()).toEqual(messyState.segments.map((s) => s.name).sort())
  })

  it('writes what a user would: table symbols, no server ids, timestamps or empty descriptions', async () => {
    const client = await push0Client(await push0Emulator(messyState))
    const byName = new Map((await client.listSegments()).map((r) => [r.name, push0.toDefinition(r)]))
    expect(byName.get('All')).toEqual({description: 'Targeting all devices', constraints: []})
    expect(byName.get('Recent first sessions')).toEqual({constraints: messyState.segments[2]!.constraints})
    expect(byName.get('Xiaomi or Samsung phones')).toEqual({
      constraints: [
        group('AND', constraint('deviceManufacturer', '==', 'Xiaomi'), constraint('deviceModel', '==', 'Redmi Note XXXXX')),
        group('AND', constraint('osVersion', '==', '13')),
        group('OR', constraint('deviceManufacturer', 'starts_with', 'Sams'), constraint('type', '==', 'phone'), constraint('type', '==', 'phone')),
      ],
    })
  })
})
