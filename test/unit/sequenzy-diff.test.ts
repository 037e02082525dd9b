import {describe, expect, it} from 'vitest'
import {diffWorkspace} from '../../../src/core/diff/diff-workspace.js'
import {sequenzy} from '../../../src/providers/sequenzy/index.js'
import {absent, definition, group, leaf, remote} from '../../helpers/builders.js'

const diff = (defs: Parameters<typeof diffWorkspace>[0]['definitions'], remotes: Parameters<typeof diffWorkspace>[0]['remotes'], prune = false) =>
  diffWorkspace({definitions: defs, remotes, provider: sequenzy, prune})

describe('diff', () => {
  it('shows no change when only server-added ids, legacy filters and child order differ', () => {
    const r = remote('seg_1', 'VIP', group('and', leaf('tag', 'contains', 'vip'), leaf('status', 'is', 'active')))
    const d = definition('VIP', group('and', leaf('status', 'is', 'active'), leaf('tag', 'contains', 'vip')))
    const result = diff([d], [r])
    expect(result.changes).toEqual([])
    expect(result.unchanged).toEqual(['VIP'])
  })

  it('reads a removed filter as exactly one removal', () => {
    const r = remote('seg_1', 'VIP', group('and', leaf('status', 'is', 'active'), leaf('tag', 'contains', 'vip'), leaf('event', 'is_not', 'saas.purchase:30d')))
    const d = definition('VIP', group('and', leaf('tag', 'contains', 'vip'), leaf('event', 'is_not', 'saas.purchase:30d')))
    const [change] = diff([d], [r]).changes
    expect(change!.action).toBe('update')
    expect(change!.fields).toHaveLength(1)
    expect(change!.fields[0]).toMatchObject({kind: 'remove', path: 'root.children[status is active]', text: 'removes filter `status is active`'})
  })

  it('describes a join change and an added filter in words', () => {
    const r = remote('seg_1', 'VIP', group('and', leaf('status', 'is', 'active')))
    const d = definition('VIP', group('or', leaf('status', 'is', 'active'), leaf('event', 'is_not', 'saas.purchase:30d')))
    const texts = diff([d], [r]).changes[0]!.fields.map((f) => f.text)
    expect(texts).toContain('join changes from and to or')
    expect(texts).toContain('adds filter `event is_not saas.purchase:30d`')
  })

  it('sees a change inside a nested group at its path', () => {
    const r = remote('seg_1', 'N', group('and', leaf('status', 'is', 'active'), group('or', leaf('tag', 'contains', 'a'))))
    const d = definition('N', group('and', leaf('status', 'is', 'active'), group('or', leaf('tag', 'contains', 'a'), leaf('tag', 'contains', 'b'))))
    const [f] = diff([d], [r]).changes[0]!.fields
    expect(f).toMatchObject({kind: 'add', path: 'root.children[group #1].children[tag contains b]', text: 'adds filter `tag contains b` in group #1'})
  })

  it('compares segment references by name, whatever the remote id', () => {
    const base = remote('seg_base', 'Base', group('and', leaf('status', 'is', 'active')))
    const r = remote('seg_2', 'Derived', group('and', leaf('segment', 'is', 'seg_base')))
    const d = definition('Derived', group('and', leaf('segment', 'is', {$segment: 'Base'})))
    const b = definition('Base', group('and', leaf('status', 'is', 'active')))
    expect(diff([b, d], [base, r]).changes).toEqual([])
  })

  it('plans a create for a new definition, with its filters in words and its references as dependencies', () => {
    const d = definition('New', group('and', leaf('segment', 'is', {$segment: 'Base'}), leaf('tag', 'contains', 'x')))
    const [change] = diff([d, definition('Base', group('and', leaf('status', 'is', 'a')))], [remote('seg_b', 'Base', group('and', leaf('status', 'is', 'a')))]).changes
    expect(change).toMatchObject({action: 'create', name: 'New', dependsOn: ['Base']})
    expect(change!.fields.map((f) => f.text)).toContain('adds filter `segment is segment "Base"`')
  })

  it('treats renamedFrom as an update of the old segment, not a delete and a create', () => {
    const r = remote('seg_1', 'Old name', group('and', leaf('status', 'is', 'active')))
    const d = definition('New name', group('and', leaf('status', 'is', 'active')), {renamedFrom: ['Old name']})
    const result = diff([d], [r])
    expect(result.changes).toHaveLength(1)
    expect(result.changes[0]).toMatchObject({action: 'update', id: 'seg_1', previousName: 'Old name', name: 'New name'})
    expect(result.changes[0]!.fields).toEqual([expect.objectContaining({path: 'name', kind: 'change', before: 'Old name', after: 'New name'})])
  })

  it("deletes an ensure: 'absent' segment that exists, ignores one that does not", () => {
    const r = remote('seg_1', 'Gone', group('and', leaf('status', 'is', 'active')))
    const result = diff([absent('Gone'), absent('Never existed')], [r])
    expect(result.changes).toEqual([expect.objectContaining({action: 'delete', id: 'seg_1', reason: 'ensure-absent'})])
  })

  it('counts remote segments without a file as unmanaged, or deletes them under prune', () => {
    const r = remote('seg_1', 'Hand made', group('and', leaf('status', 'is', 'active')))
    expect(diff([], [r]).unmanaged).toEqual([{id: 'seg_1', name: 'Hand made'}])
    expect(diff([], [r], true).changes).toEqual([expect.objectContaining({action: 'delete', reason: 'prune'})])
  })

  it('stops when two remote segments share a managed name', () => {
    const a = remote('seg_1', 'Dup', group('and', leaf('status', 'is', 'a')))
    const b = remote('seg_2', 'Dup', group('and', leaf('status', 'is', 'a')))
    expect(() => diff([definition('Dup', group('and', leaf('status', 'is', 'a')))], [a, b])).toThrow(/seg_1, seg_2/)
  })
})
