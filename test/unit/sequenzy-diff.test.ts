/** Sequenzy bodies through the diff stage: server ids and legacy filters ignored, changes in Sequenzy's words. */
import {describe, expect, it} from 'vitest'
import {diffWorkspace} from '../../src/core/diff/diff-workspace.js'
import {sequenzy} from '../../src/providers/sequenzy/index.js'
import {definition, group, leaf, remote} from '../helpers/builders.js'

const diff = (defs: Parameters<typeof diffWorkspace>[0]['definitions'], remotes: Parameters<typeof diffWorkspace>[0]['remotes'], prune = false) =>
  diffWorkspace({definitions: defs, remotes, provider: sequenzy, prune})

describe('Sequenzy diff', () => {
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
    expect(change!.fields.map((f) => f.text)).toContain('adds filter `in segment "Base"`')
  })
})
