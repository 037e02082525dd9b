/**
 * `validate` and `plan` with plain flags skip oclif (src/cli/fast-path.ts). Through the built CLI,
 * each run here is made twice, on the fast path and through oclif (SEGSYNC_FAST_PATH=0), and
 * must give the same exit code, stdout and stderr: valid and invalid definitions, text and
 * --json, a plan with changes (--detailed-exitcode, --out), a missing config, and what the fast
 * path leaves to oclif (--help, a misspelt flag).
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, startCli, type CliResult} from '../helpers/cli.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const group = (value: string) => ({kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'status', operator: 'is', value}]})
const ref = (name: string) => ({kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'segment', operator: 'is', value: {$segment: name}}]})

/** A plan's createdAt is the one thing two runs may not share. */
const sameRun = (r: CliResult) => ({...r, stdout: r.stdout.replace(/"createdAt": "[^"]+"/g, '"createdAt": "…"')})

async function bothWays(args: string[], cwd: string): Promise<CliResult> {
  const fast = await runCli(args, {cwd})
  const oclif = await runCli(args, {cwd, env: {SEGSYNC_FAST_PATH: '0'}})
  expect(sameRun(fast)).toEqual(sameRun(oclif))
  return fast
}

describe('the fast path answers as oclif does', () => {
  it('validate and plan of valid definitions, text and --json, with changes pending', async () => {
    const repo = tempRepo({
      'segsync.config.json': jsonConfig('embedded'),
      'segments/active.json': {name: 'Active', root: group('active')},
      'segments/uses-active.json': {name: 'Uses active', root: ref('Active')},
    })
    const text = await bothWays(['validate'], repo.dir)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('main: 2 definitions valid')
    const json = await bothWays(['validate', '--json', '-w', 'main'], repo.dir)
    expect(JSON.parse(json.stdout)).toMatchObject({valid: true, workspaces: [{name: 'main', definitions: 2}]})

    const plan = await bothWays(['plan', '--detailed-exitcode'], repo.dir)
    expect(plan.code).toBe(2)
    expect(plan.stdout).toContain('+ create')
    const planJson = await bothWays(['plan', '--json', '--out=plan.json'], repo.dir)
    expect(planJson.code).toBe(0)
    expect(JSON.parse(planJson.stdout).summary).toMatchObject({create: 2})
    expect(existsSync(join(repo.dir, 'plan.json'))).toBe(true)
    expect(JSON.parse(readFileSync(join(repo.dir, 'plan.json'), 'utf8')).summary).toMatchObject({create: 2})
  })

  it('invalid definitions: every problem, exit 3, as text and as --json', async () => {
    const repo = tempRepo({
      'segsync.config.json': jsonConfig('embedded'),
      'segments/a.json': {name: 'A', root: ref('Missing')},
      'segments/b.json': {name: 'B', root: {kind: 'group', joinOperator: 'xor', children: []}},
    })
    for (const args of [['validate'], ['validate', '--json'], ['plan'], ['plan', '--json', '--no-color']]) {
      const res = await bothWays(args, repo.dir)
      expect(res.code).toBe(3)
      expect(res.stdout + res.stderr).toContain('Missing')
    }
  })

  it('a missing config, and what it leaves to oclif: --help and a misspelt flag', async () => {
    const empty = tempRepo()
    expect((await bothWays(['validate'], empty.dir)).code).toBe(3)
    const repo = tempRepo({'segsync.config.json': jsonConfig('embedded'), 'segments/a.json': {name: 'A', root: group('active')}})
    const help = await bothWays(['validate', '--help'], repo.dir)
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--no-code')
    const misspelt = await bothWays(['plan', '--detailed-exit-code'], repo.dir)
    expect(misspelt.code).toBe(64)
    expect(misspelt.stderr).toContain('--detailed-exit-code')
  })
})

describe('the fast path exits once its output is flushed', () => {
  it('a plan larger than a pipe holds reaches a reader that starts late, whole', async () => {
    const files: Record<string, string | object> = {'segsync.config.json': jsonConfig('embedded')}
    for (let i = 0; i < 300; i++) files[`segments/s${i}.json`] = {name: `Segment ${i}`, root: group(`value ${i} `.repeat(20))}
    const repo = tempRepo(files)
    const child = startCli(['plan', '--json'], {cwd: repo.dir})
    child.stdin.end()
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
    // Nobody reads for a while: the pipe fills, and the rest of the plan waits in the process.
    child.stdout.pause()
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const chunks: Buffer[] = []
    child.stdout.on('data', (d: Buffer) => chunks.push(d))
    child.stdout.resume()
    child.stderr.resume()
    expect(await closed).toBe(0)
    const out = Buffer.concat(chunks)
    expect(out.length).toBeGreaterThan(1 << 17) // twice a Linux pipe's 64 KiB
    expect(JSON.parse(out.toString()).summary).toMatchObject({create: 300})
  })
})
