/**
 * The pull stage against the fake provider: which files change into what, in the plan's words
 * from the file's side, and what is left alone and why.
 */
import {describe, expect, it} from 'vitest'
import type {Definition, RemoteSegment} from '../../../src/core/model.js'
import {globFilter} from '../../../src/core/import/select.js'
import {planPull} from '../../../src/core/pull/plan-pull.js'
import {fake, fakeAbsent, fakeDefinition as def, fakeRemote as remote} from '../../helpers/fake-provider.js'

const pull = (defs: Definition[], remotes: RemoteSegment[], names?: string) => planPull({provider: fake, definitions: defs, remotes, nameFilter: globFilter(names)})
const byName = (entries: ReturnType<typeof pull>) => Object.fromEntries(entries.map((e) => [e.segment, e]))

describe('pull stage', () => {
  it('leaves a file alone when the vendor says the same thing in another order', () => {
    expect(pull([def('VIP', ['a', 'b'])], [remote('s1', 'VIP', ['b', 'a'])])).toEqual([{file: 'segments/VIP.json', segment: 'VIP', id: 's1', status: 'unchanged'}])
  })

  it("takes the vendor's body, in the file's order, and says what the file gains in the plan's words", () => {
    const [entry] = pull([def('VIP', ['a', 'b', 'c'], {note: 'old'})], [remote('s1', 'VIP', ['d', 'c', 'a'], {note: 'new'})])
    expect(entry).toMatchObject({status: 'updated', segment: 'VIP', id: 's1'})
    // The file had a, b, c; b is gone and d is new: d takes b's place, a and c stay where they were.
    expect(entry!.edit!.keys).toEqual([
      {key: 'note', before: 'old', after: 'new'},
      {key: 'rules', before: ['a', 'b', 'c'], after: ['a', 'd', 'c']},
    ])
    expect(entry!.fields!.map((f) => f.text)).toEqual(['changes note from "old" to "new"', 'removes rule `b`', 'adds rule `d`'])
  })

  it('drops a key the vendor cleared', () => {
    const [entry] = pull([def('VIP', ['a'], {note: 'old'})], [remote('s1', 'VIP', ['a'])])
    expect(entry!.edit!.keys).toEqual([{key: 'note', before: 'old', after: undefined}])
    expect(entry!.edit!.definition).toEqual({name: 'VIP', rules: ['a']})
  })

  it('turns ids into references by the name the file will carry', () => {
    const [, entry] = pull([def('Base', ['a']), def('VIP', ['v'], {uses: ['Base']})], [remote('s1', 'Base', ['a']), remote('s2', 'VIP', ['v', 'w'], {uses: ['s1']})])
    expect(entry!.edit!.definition).toEqual({name: 'VIP', rules: ['v', 'w'], uses: [{$segment: 'Base'}]})
  })

  it('takes a rename made in the UI: the new name, the old one kept in renamedFrom, and dependsOn and references follow', () => {
    const defs = [def('Base', ['a'], {renamedFrom: ['Older']}), def('VIP', ['v'], {uses: ['Base']}), def('Later', ['l'], {dependsOn: ['Base']})]
    const entries = byName(pull(defs, [remote('s1', 'Base v2', ['a']), remote('s2', 'VIP', ['v'], {uses: ['s1']}), remote('s3', 'Later', ['l'])]))
    expect(entries['Base v2']).toMatchObject({status: 'updated', file: 'segments/Base.json', previousName: 'Base', id: 's1'})
    expect(entries['Base v2']!.edit!.keys).toEqual([
      {key: 'name', before: 'Base', after: 'Base v2'},
      {key: 'renamedFrom', before: ['Older'], after: ['Older', 'Base']},
    ])
    expect(entries['Base v2']!.fields!.map((f) => f.text)).toEqual(['renames "Base" to "Base v2"', 'keeps "Base" in renamedFrom'])
    expect(entries.VIP!.edit!.keys).toEqual([{key: 'uses', before: [{$segment: 'Base'}], after: [{$segment: 'Base v2'}]}])
    expect(entries.Later!.edit!.keys).toEqual([{key: 'dependsOn', before: ['Base'], after: ['Base v2']}])
  })

  it('does not guess a rename when the body changed too, or when two segments could be it', () => {
    const edited = byName(pull([def('Base', ['a'])], [remote('s1', 'Base v2', ['a', 'b'])]))
    expect(edited.Base).toMatchObject({status: 'skipped', reason: expect.stringContaining('not found in Fake: deleted there, or not created yet')})
    expect(edited['Base v2']).toMatchObject({status: 'skipped', file: null, reason: expect.stringContaining('unmanaged')})
    const twins = pull([def('Base', ['a'])], [remote('s1', 'Copy 1', ['a']), remote('s2', 'Copy 2', ['a'])])
    expect(twins.map((e) => [e.segment, e.status])).toEqual([['Base', 'skipped'], ['Copy 1', 'skipped'], ['Copy 2', 'skipped']])
  })

  it('keeps a rename the file asks for (renamedFrom, not applied yet) and pulls only the body', () => {
    const [entry] = pull([def('New', ['a'], {renamedFrom: ['Old']})], [remote('s1', 'Old', ['a', 'b'])])
    expect(entry).toMatchObject({status: 'updated', segment: 'New'})
    expect(entry!.edit!.keys.map((k) => k.key)).toEqual(['rules'])
    expect(entry!.fields!.map((f) => f.text)).toEqual(['adds rule `b`'])
  })

  it("leaves alone, each with a reason: ensure: 'absent', deleted in the vendor, read-only and unmanaged segments", () => {
    const entries = byName(
      pull([fakeAbsent('Gone'), def('Deleted', ['a']), def('Static', ['s'])], [remote('s1', 'Gone', ['x']), {...remote('s2', 'Static', ['t']), readOnly: 'a static list'}, remote('s3', 'Hand made', ['h']), {...remote('s4', 'List', ['l']), readOnly: 'a static list'}]),
    )
    expect(entries.Gone).toMatchObject({status: 'skipped', file: 'segments/Gone.json', reason: expect.stringContaining("ensure: 'absent'")})
    expect(entries.Deleted).toMatchObject({status: 'skipped', file: 'segments/Deleted.json', reason: expect.stringContaining('The file stays')})
    expect(entries.Static).toMatchObject({status: 'skipped', file: 'segments/Static.json', reason: 'read-only in Fake: a static list'})
    expect(entries['Hand made']).toMatchObject({status: 'skipped', file: null, id: 's3', reason: 'unmanaged: no definition file manages it (`segsync import` writes one)'})
    expect(entries.List).toMatchObject({status: 'skipped', file: null, reason: 'read-only in Fake: a static list'})
  })

  it('pulls only the segments --name selects, by the name in the file or in the vendor', () => {
    const entries = pull([def('VIP', ['a']), def('Base', ['b'])], [remote('s1', 'VIP', ['x']), remote('s2', 'Base', ['y']), remote('s3', 'Vintage', ['v'])], 'V*')
    expect(entries.map((e) => [e.segment, e.status])).toEqual([['VIP', 'updated'], ['Vintage', 'skipped']])
  })
})
