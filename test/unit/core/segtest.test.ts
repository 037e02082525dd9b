/**
 * Segment tests against the fake provider: expectations per profile, references through their
 * definitions, three-valued verdicts (never a guess), the explanation tree, and validation of test
 * files with positions.
 */
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {explain} from '../../../src/core/segtest/explain.js'
import {runTests} from '../../../src/core/segtest/run-tests.js'
import type {SegmentTestFile} from '../../../src/core/segtest/model.js'
import {validateTests} from '../../../src/core/segtest/validate-tests.js'
import {loadDefinitions} from '../../../src/core/load/load-definitions.js'
import {all, any, not} from '../../../src/providers/kit/truth.js'
import {fake, fakeDefinition as def} from '../../helpers/fake-provider.js'
import {tempRepo} from '../../helpers/temp-repo.js'

const source = {file: 'segments/a.segtest.json', kind: 'json' as const, locate: (path: Array<string | number>) => ({line: 10 + Number(path[3] ?? 0), column: 1})}
const test = (profiles: SegmentTestFile['profiles'], expect: SegmentTestFile['expect']): SegmentTestFile => ({source, profiles, expect})

describe('segment tests', () => {
  const definitions = [def('Active', ['status=active']), def('Active VIP', ['tag=vip'], {uses: ['Active']})]

  it('evaluates each expected member and non-member, through references, and explains a failure', () => {
    const results = runTests('w', fake, definitions, [
      test(
        [{id: 'alice', status: 'active', tag: 'vip'}, {id: 'bob', status: 'inactive', tag: 'vip'}],
        [{segment: 'Active VIP', members: ['alice', 'bob'], nonMembers: []}],
      ),
    ])
    expect(results).toEqual([
      {workspace: 'w', file: 'segments/a.segtest.json', line: 10, segment: 'Active VIP', profile: 'alice', expected: 'member', actual: 'member', explanation: 'AND(tag=vip ✓, AND(status=active ✓))'},
      {workspace: 'w', file: 'segments/a.segtest.json', line: 11, segment: 'Active VIP', profile: 'bob', expected: 'member', actual: 'nonMember', explanation: 'AND(tag=vip ✓, AND(status=active ✗))'},
    ])
  })

  it('never guesses: a condition it cannot decide skips the expectation and names it, unless the rest decides', () => {
    const results = runTests('w', fake, definitions, [test([{id: 'carl', tag: 'vip'}, {id: 'dora', tag: 'basic'}], [{segment: 'Active VIP', members: ['carl'], nonMembers: ['dora']}])])
    expect(results.map((r) => [r.profile, r.actual, r.explanation])).toEqual([
      ['carl', 'skipped', 'not evaluable offline: status=active: the profile has no status'],
      // false AND unknown is false: dora is decided without her status.
      ['dora', 'nonMember', 'AND(tag=vip ✗, AND(status=active ? (not evaluable: the profile has no status)))'],
    ])
  })

  it('skips every expectation of a vendor whose segments cannot be evaluated, with the reason', () => {
    const unsupported = {...fake, evaluation: {supported: false as const, reason: 'no published vocabulary', testSchema: 'x'}}
    expect(runTests('w', unsupported, definitions, [test([{id: 'a'}], [{segment: 'Active', members: ['a'], nonMembers: []}])])).toEqual([expect.objectContaining({actual: 'skipped', explanation: 'no published vocabulary'})])
  })

  it('uses the file\'s now as the clock', () => {
    let seen: Date | undefined
    const clocked = {...fake, evaluation: {...fake.evaluation, evaluate: (_b: unknown, _p: unknown, ctx: {now: Date}) => ((seen = ctx.now), {text: 'x', value: true})}}
    runTests('w', clocked, definitions, [{...test([{id: 'a'}], [{segment: 'Active', members: ['a'], nonMembers: []}]), now: new Date('2026-11-30T12:00:00Z')}])
    expect(seen?.toISOString()).toBe('2026-11-30T12:00:00.000Z')
  })

  it('combines in three values as Kleene does', () => {
    expect([all([true, 'unknown']), all([false, 'unknown']), any([true, 'unknown']), any([false, 'unknown']), not('unknown')]).toEqual(['unknown', false, true, 'unknown', 'unknown'])
    expect(explain({text: 'NOT', join: 'NOT', value: false, children: [{text: 'a', value: true}]})).toBe('NOT(a ✓) ✗')
  })

  it('validates test files: unknown segment and profile ids, duplicate ids, with positions and hints', async () => {
    const repo = tempRepo({
      'segments/a.json': {name: 'Active', rules: ['status=active']},
      'segments/a.segtest.json': {profiles: [{id: 'alice'}, {id: 'alice'}], expect: [{segment: 'Actve', members: ['alcie']}, {segment: 'Active'}]},
      'segments/b.segtest.json': {profiles: [], expect: []},
    })
    const loaded = await loadDefinitions(`${repo.dir}/segments`, {cwd: repo.dir, tests: true})
    expect(loaded.files.map((f) => f.source.file)).toEqual(['segments/a.json'])
    const schema = fileURLToPath(new URL('../../fixtures/fake-segtest.schema.json', import.meta.url))
    const {tests, problems} = validateTests(loaded.tests, fake, [def('Active', ['status=active'])], schema)
    expect(tests).toEqual([])
    expect(problems.map((p) => `${p.file}:${p.line} ${p.path} ${p.message}${p.hint ? ` | ${p.hint}` : ''}`)).toEqual([
      'segments/a.segtest.json:7 /profiles/1/id duplicate profile id "alice" | Give each profile of a test file its own id.',
      'segments/a.segtest.json:12 /expect/0/segment no definition of Fake in this workspace is named "Actve" | did you mean "Active"?',
      'segments/a.segtest.json:14 /expect/0/members/0 no profile in this file has the id "alcie" | did you mean "alice"?',
      'segments/a.segtest.json:17 /expect/1 an expectation needs members or nonMembers (profile ids)',
      'segments/b.segtest.json:2 /profiles profiles must have at least 1 item',
      'segments/b.segtest.json:3 /expect expect must have at least 1 item',
    ])
  })
})
