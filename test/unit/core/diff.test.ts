/**
 * The diff stage against the fake provider: what changes, in which shape, and what an update says
 * it changes (the list apply sends and impact reads).
 */
import {describe, expect, it} from 'vitest'
import {diffWorkspace} from '../../../src/core/diff/diff-workspace.js'
import type {Definition, RemoteSegment} from '../../../src/core/model.js'
import {fake, fakeAbsent, fakeDefinition as def, fakeRemote as remote} from '../../helpers/fake-provider.js'

const diff = (defs: Definition[], remotes: RemoteSegment[], prune = false) => diffWorkspace({definitions: defs, remotes, provider: fake, prune})

describe('diff', () => {
  it('shows no change when only the order of rules differs', () => {
    const result = diff([def('VIP', ['status=active', 'tag=vip'])], [remote('s1', 'VIP', ['tag=vip', 'status=active'])])
    expect(result.changes).toEqual([])
    expect(result.unchanged).toEqual(['VIP'])
  })

  it('normalises neither side of a segment whose body reads back as the file wrote it, and both when it does not', () => {
    let normalized = 0
    const counting = {...fake, normalize: (...args: Parameters<typeof fake.normalize>) => (normalized++, fake.normalize(...args))}
    const same = diffWorkspace({definitions: [def('VIP', ['status=active', 'tag=vip'])], remotes: [remote('s1', 'VIP', ['status=active', 'tag=vip'])], provider: counting, prune: false})
    expect(same.unchanged).toEqual(['VIP'])
    expect(normalized).toBe(0)
    const reordered = diffWorkspace({definitions: [def('VIP', ['status=active', 'tag=vip'])], remotes: [remote('s1', 'VIP', ['tag=vip', 'status=active'])], provider: counting, prune: false})
    expect(reordered.unchanged).toEqual(['VIP'])
    expect(normalized).toBe(2)
    // Same body under the old name (a rename): an update, never "unchanged".
    const renamed = diffWorkspace({definitions: [def('VIP', ['tag=vip'], {renamedFrom: ['Old VIP']})], remotes: [remote('s1', 'Old VIP', ['tag=vip'])], provider: counting, prune: false})
    expect(renamed.changes).toMatchObject([{action: 'update', name: 'VIP', previousName: 'Old VIP', changed: ['name']}])
  })

  it('reads a removed rule as exactly one removal, and records the one top-level field it changes', () => {
    const [change] = diff([def('VIP', ['tag=vip'])], [remote('s1', 'VIP', ['status=active', 'tag=vip'])]).changes
    expect(change).toMatchObject({action: 'update', id: 's1', changed: ['rules'], after: {rules: ['tag=vip']}, before: {rules: {'status=active': 'status=active', 'tag=vip': 'tag=vip'}}})
    expect(change!.fields).toEqual([{path: 'rules[status=active]', kind: 'remove', before: 'status=active', text: 'removes rule `status=active`'}])
  })

  it("keeps the definition's body normalised as the vendor's is (afterNormalized), for the before/after diff; the fingerprint is the remote's alone", () => {
    const [change] = diff([def('VIP', ['tag=vip', 'status=active'])], [remote('s1', 'VIP', ['status=active'])]).changes
    expect(change).toMatchObject({action: 'update', before: {rules: {'status=active': 'status=active'}}, afterNormalized: {rules: {'status=active': 'status=active', 'tag=vip': 'tag=vip'}}})
    expect(change).not.toHaveProperty('afterNormalized.name')
    const [other] = diff([def('VIP', ['tag=other'])], [remote('s1', 'VIP', ['status=active'])]).changes
    expect(other!.action === 'update' && change!.action === 'update' && other!.fingerprint === change!.fingerprint).toBe(true)
  })

  it('lists a field the definition dropped as changed, and keeps the vendor body without the name', () => {
    const [change] = diff([def('VIP', ['tag=vip'])], [remote('s1', 'VIP', ['tag=vip'], {note: 'old words'})]).changes
    expect(change).toMatchObject({action: 'update', changed: ['note'], after: {rules: ['tag=vip']}, before: {note: 'old words'}})
    expect(change).not.toHaveProperty('after.name')
    expect(change).not.toHaveProperty('before.name')
  })

  it('compares references by name, whatever the remote id', () => {
    const remotes = [remote('s_base', 'Base', ['a']), remote('s_2', 'Derived', ['b'], {uses: ['s_base']})]
    expect(diff([def('Base', ['a']), def('Derived', ['b'], {uses: ['Base']})], remotes).changes).toEqual([])
  })

  it('plans a create with its rules in words and its references as dependencies', () => {
    const [change] = diff([def('New', ['x'], {uses: ['Base']}), def('Base', ['a'])], [remote('s_b', 'Base', ['a'])]).changes
    expect(change).toMatchObject({action: 'create', name: 'New', dependsOn: ['Base'], after: {rules: ['x'], uses: [{$segment: 'Base'}]}})
    expect(change!.fields.map((f) => f.text)).toContain('adds rule `x`')
  })

  it('treats renamedFrom as an update of the old segment, worded by core, changing only the name', () => {
    const result = diff([def('New name', ['a'], {renamedFrom: ['Old name']})], [remote('s1', 'Old name', ['a'])])
    expect(result.changes).toEqual([expect.objectContaining({action: 'update', id: 's1', previousName: 'Old name', name: 'New name', changed: ['name']})])
    expect(result.changes[0]!.fields).toEqual([{path: 'name', kind: 'change', before: 'Old name', after: 'New name', text: 'renames "Old name" to "New name"'}])
  })

  it('fingerprints the remote it read, so an edit in the vendor changes the fingerprint', () => {
    const a = diff([def('S', ['x'])], [remote('s1', 'S', ['a'])]).changes[0]!
    const b = diff([def('S', ['x'])], [remote('s1', 'S', ['b'])]).changes[0]!
    expect(a.action === 'update' && b.action === 'update' && a.fingerprint !== b.fingerprint).toBe(true)
  })

  it("deletes an ensure: 'absent' segment that exists, ignores one that does not", () => {
    const result = diff([fakeAbsent('Gone'), fakeAbsent('Never existed')], [remote('s1', 'Gone', ['a'])])
    expect(result.changes).toEqual([expect.objectContaining({action: 'delete', id: 's1', reason: 'ensure-absent', before: {rules: {a: 'a'}}})])
  })

  it('counts remote segments without a file as unmanaged, or deletes them under prune', () => {
    const r = remote('s1', 'Hand made', ['a'])
    expect(diff([], [r]).unmanaged).toEqual([{id: 's1', name: 'Hand made'}])
    expect(diff([], [r], true).changes).toEqual([expect.objectContaining({action: 'delete', reason: 'prune'})])
  })

  it('lists read-only remote segments apart, never as unmanaged or deleted', () => {
    const r = {...remote('s1', 'Static', ['a']), readOnly: 'a static list'}
    expect(diff([], [r], true)).toMatchObject({changes: [], unmanaged: [], readOnly: [{id: 's1', name: 'Static', note: 'a static list'}]})
  })

  it('stops when two remote segments share a managed name', () => {
    expect(() => diff([def('Dup', ['a'])], [remote('s2', 'Dup', ['a']), remote('s1', 'Dup', ['a'])])).toThrow(/s1, s2/)
    // A name only an old name (renamedFrom) reaches is just as ambiguous; one no definition names is not.
    expect(() => diff([def('New', ['a'], {renamedFrom: ['Old']})], [remote('s1', 'Old', ['a']), remote('s2', 'Old', ['a'])])).toThrow(/2 Fake segments are named "Old" \(ids s1, s2\)/)
    expect(diff([def('A', ['a'])], [remote('s1', 'A', ['a']), remote('s2', 'Twin', ['a']), remote('s3', 'Twin', ['a'])]).unmanaged).toEqual([{id: 's2', name: 'Twin'}, {id: 's3', name: 'Twin'}])
    // The segment is already matched by its own name: its old names are never asked for.
    expect(diff([def('Kept', ['a'], {renamedFrom: ['Old']})], [remote('s1', 'Kept', ['a']), remote('s2', 'Old', ['a']), remote('s3', 'Old', ['a'])]).unmanaged).toHaveLength(2)
  })

  it('matches by name before any rename, and lets one rename take an old segment', () => {
    const result = diff(
      [def('B', ['b'], {renamedFrom: ['A']}), def('A', ['a']), def('C', ['c'], {renamedFrom: ['Gone', 'Old']}), def('D', ['d'], {renamedFrom: ['Old']}), fakeAbsent('Old')],
      [remote('s1', 'A', ['a']), remote('s2', 'Old', ['x']), remote('s3', 'Other', ['o'])],
    )
    // A is A's own, not B's old name; Old is named by an absent definition (a delete), so no rename takes it.
    expect(result.changes.map((c) => [c.action, c.name, c.action === 'update' ? (c.previousName ?? null) : null])).toEqual([
      ['create', 'B', null],
      ['create', 'C', null],
      ['create', 'D', null],
      ['delete', 'Old', null],
    ])
    expect(result.unchanged).toEqual(['A'])
    expect(result.unmanaged).toEqual([{id: 's3', name: 'Other'}])
    // Without the delete, the first definition that names Old as its old name takes it; the next does not.
    const renamed = diff([def('C', ['c'], {renamedFrom: ['Gone', 'Old']}), def('D', ['d'], {renamedFrom: ['Old']})], [remote('s2', 'Old', ['x']), remote('s3', 'Other', ['o'])])
    expect(renamed.changes.map((c) => [c.action, c.name, c.action === 'update' ? (c.previousName ?? null) : null])).toEqual([
      ['update', 'C', 'Old'],
      ['create', 'D', null],
    ])
    expect(renamed.unmanaged).toEqual([{id: 's3', name: 'Other'}])
  })
})
