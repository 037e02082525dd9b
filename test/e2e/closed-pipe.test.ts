/**
 * A reader that leaves early (`segsync plan --json | head`) closes the pipe under segsync's
 * output. The run must not end in a stack trace and exit code 1: the output is dropped, the run
 * finishes (an apply makes every change) and exits with its own code. Through the built CLI, on
 * the fast path and through oclif. oclif swallows EPIPE on stdout when its Command module loads;
 * the fast path loads no oclif (it crashed here before), and neither covered stderr, where apply
 * writes its progress (`segsync apply 2>&1 | head` crashed mid-apply).
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const group = (value: string) => ({kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'status', operator: 'is', value}]})

function repo() {
  const files: Record<string, object> = {'segsync.config.json': jsonConfig('embedded')}
  for (let i = 0; i < 40; i++) files[`segments/s${i}.json`] = {name: `Segment ${i}`, root: group(`v${i}`)}
  return tempRepo(files)
}

describe('output to a reader that left', () => {
  for (const [way, env] of [
    ['the fast path', {}],
    ['oclif', {SEGSYNC_FAST_PATH: '0'}],
  ] as const) {
    it(`plan --json and plan drop their output and exit 0, without a stack trace (${way})`, async () => {
      const r = repo()
      for (const args of [['plan', '--json'], ['plan']]) {
        const run = await runCli(args, {cwd: r.dir, env, closed: ['stdout']})
        expect(run.stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /)
        expect(run.code).toBe(0)
      }
      // The exit code is still the plan's own: pending changes with --detailed-exitcode.
      expect((await runCli(['plan', '--detailed-exitcode'], {cwd: r.dir, env, closed: ['stdout']})).code).toBe(2)
    })
  }

  it('apply finishes every change when its reader left, and exits 0', async () => {
    const r = repo()
    const run = await runCli(['apply', '--auto-approve', '--json'], {cwd: r.dir, closed: ['stdout']})
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /)
    expect(run.code).toBe(0)
    const after = await runCli(['plan', '--json'], {cwd: r.dir})
    expect(JSON.parse(after.stdout).summary).toMatchObject({create: 0, update: 0, delete: 0, unchanged: 40})
  })

  it('apply finishes every change when stderr, where its progress goes, is closed too (2>&1 | head)', async () => {
    const r = repo()
    const run = await runCli(['apply', '--auto-approve'], {cwd: r.dir, closed: ['stdout', 'stderr']})
    expect(run.code).toBe(0)
    const after = await runCli(['plan', '--json'], {cwd: r.dir})
    expect(JSON.parse(after.stdout).summary).toMatchObject({create: 0, update: 0, delete: 0, unchanged: 40})
  })
})
