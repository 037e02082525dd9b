/** Push0 normalisation and change descriptions, through the diff stage (pure, no network). */
import {describe, expect, it} from 'vitest'
import {diffWorkspace} from '../../src/core/diff/diff-workspace.js'
import type {Definition, RemoteSegment} from '../../src/core/model.js'
import {push0} from '../../src/providers/push0/index.js'
import {constraint, group} from '../helpers/push0.js'

function definition(name: string, body: Record<string, unknown>): Definition {
  return {name, renamedFrom: [], dependsOn: [], protected: false, ensure: 'present', body, source: {file: `segments/${name}.json`, kind: 'json', locate: () => undefined}}
}

function remote(name: string, raw: Record<string, unknown>): RemoteSegment {
  const id = `sg_${name}`
  return {id, name, raw: {id, name, description: null, updatedAt: null, createdAt: 1771924000000, ...raw}}
}

function diff(def: Record<string, unknown>, raw: Record<string, unknown>) {
  return diffWorkspace({definitions: [definition('S', def)], remotes: [remote('S', raw)], provider: push0, prune: false})
}

const a = constraint('country', '==', 'PL')
const b = constraint('sessionCount', '>', 5)
const c = constraint('tags', 'contains', 'beta')

describe('Push0 normalisation', () => {
  it('gives group order and constraint order no meaning', () => {
    const result = diff({constraints: [group('OR', c), group('AND', b, a)]}, {constraints: [group('AND', a, b), group('OR', c)]})
    expect(result.changes).toEqual([])
    expect(result.unchanged).toEqual(['S'])
  })

  it('reads upper-case relation aliases as their symbols, and a null or empty description as none', () => {
    const aliased = group('AND', constraint('country', 'EQUALS', 'PL'), constraint('email', 'EXISTS', ''), constraint('osVersion', 'NOT_EQUALS', '13'))
    const symbols = group('AND', constraint('country', '==', 'PL'), constraint('email', 'exists', ''), constraint('osVersion', '!=', '13'))
    expect(diff({constraints: [symbols]}, {constraints: [aliased]}).changes).toEqual([])
    expect(diff({constraints: [symbols]}, {description: '', constraints: [aliased]}).changes).toEqual([])
  })

  it('tells a number from a string, and AND from OR', () => {
    expect(diff({constraints: [group('AND', constraint('osApi', '==', '35'))]}, {constraints: [group('AND', {field: 'osApi', relation: '==', value: 35})]}).changes).toHaveLength(1)
    expect(diff({constraints: [group('OR', a, b)]}, {constraints: [group('AND', a, b)]}).changes).toHaveLength(1)
  })

  it('describes an update as constraint groups removed and added, and a description change', () => {
    const [change] = diff({description: 'Polish power users', constraints: [group('AND', a, b)]}, {description: 'Polish users', constraints: [group('AND', a)]}).changes
    expect(change!.fields.map((f) => `${f.kind} ${f.path}: ${f.text}`)).toEqual([
      'remove constraints[AND(country == "PL")]: removes constraint group `AND(country == "PL")`',
      'add constraints[AND(country == "PL", sessionCount > 5)]: adds constraint group `AND(country == "PL", sessionCount > 5)`',
      'change description: changes the description from "Polish users" to "Polish power users"',
    ])
  })

  it('describes a create, including one that targets all devices', () => {
    const result = diffWorkspace({definitions: [definition('New', {description: 'd', constraints: [group('OR', c, a)]}), definition('All', {constraints: []})], remotes: [], provider: push0, prune: false})
    expect(result.changes.map((ch) => ch.fields.map((f) => f.text))).toEqual([
      ['named "New"', 'sets the description to "d"', 'adds constraint group `OR(country == "PL", tags contains "beta")`'],
      ['named "All"', 'targets all devices (no constraints)'],
    ])
  })

  it('shows a description removed from the definition as a removal', () => {
    const [change] = diff({constraints: []}, {description: 'old', constraints: []}).changes
    expect(change!.fields).toEqual([{path: 'description', kind: 'remove', before: 'old', text: 'removes the description (was "old")'}])
  })
})
