/** `plan --out` then `apply PLANFILE` through the built CLI: applied exactly, refused when stale (exit 7). */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {sequenzyEmulator, TEST_KEY, writes} from '../helpers/emulators.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {SEQUENZY_API_KEY: TEST_KEY}
const root = (value: string) => ({kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'status', operator: 'is', value}]})

describe('saved plans', () => {
  it('applies a saved plan without asking, then refuses it as already applied with no writes', async () => {
    const emulator = await sequenzyEmulator({segments: [{id: 'seg_a', name: 'A', root: root('old')}]})
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), 'segments/a.json': {name: 'A', root: root('new')}, 'segments/b.json': {name: 'B', root: root('b')}})
    const plan = await runCli(['plan', '--out', 'plan.json'], {cwd: repo.dir, env})
    expect(plan.code).toBe(0)
    expect(plan.stderr).toContain('Saved the plan to plan.json')
    const saved = JSON.parse(readFileSync(join(repo.dir, 'plan.json'), 'utf8'))
    expect(saved.workspaces[0].changes.find((c: {name: string}) => c.name === 'A')).toMatchObject({fingerprint: expect.stringMatching(/^sha256:/), before: expect.any(Object)})
    expect(JSON.stringify(saved)).not.toContain(TEST_KEY)
    const apply = await runCli(['apply', 'plan.json'], {cwd: repo.dir, env})
    expect(apply.code).toBe(0)
    expect(apply.stdout).toContain('Apply complete! 1 created, 1 updated, 0 deleted.')
    const before = writes(emulator).length
    const again = await runCli(['apply', 'plan.json'], {cwd: repo.dir, env})
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('plan.json was already applied')
    expect(writes(emulator)).toHaveLength(before)
  })

  it('refuses a saved plan (exit 7, 0 writes) when the segment was edited in the vendor since, naming it and the changed path', async () => {
    const emulator = await sequenzyEmulator({segments: [{id: 'seg_a', name: 'A', root: root('old')}]})
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), 'segments/a.json': {name: 'A', root: root('new')}})
    expect((await runCli(['plan', '--out', 'plan.json'], {cwd: repo.dir, env})).code).toBe(0)
    ;(emulator.state.segments[0]!.root.children[0] as {value: string}).value = 'edited-in-ui'
    const res = await runCli(['apply', 'plan.json'], {cwd: repo.dir, env})
    expect(res.code).toBe(7)
    expect(res.stderr).toContain('the saved plan plan.json is stale; nothing was written')
    expect(res.stderr).toContain('main: "A" (seg_a) was edited in the vendor since the plan: root.children[status is edited-in-ui], root.children[status is old]')
    expect(writes(emulator)).toEqual([])
  })

  it('rejects a file that is not a plan', async () => {
    const repo = tempRepo({'segsync.config.json': jsonConfig('embedded'), 'segments/a.json': {name: 'A', root: root('a')}, 'plan.json': {formatVersion: 99}})
    const res = await runCli(['apply', 'plan.json'], {cwd: repo.dir})
    expect(res.code).toBe(7)
    expect(res.stderr).toContain('has plan format 99; this segsync reads format 2')
  })
})
