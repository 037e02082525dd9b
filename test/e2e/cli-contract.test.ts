/**
 * What the CLI promises whatever the vendor, through the built CLI: version and help, usage exit
 * codes, config errors, validate --json, `segsync emulator start`. The key never printed, exit 4
 * for a missing or refused key, offline validation and the embedded endpoint run for every vendor
 * in vendors.test.ts.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {spawn} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {BIN, runCli} from '../helpers/cli.js'
import {sequenzyEmulator, TEST_KEY, writes} from '../helpers/emulators.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {SEQUENZY_API_KEY: TEST_KEY}
const ok = {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'status', operator: 'is', value: 'active'}]}
const ref = (name: string) => ({kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'segment', operator: 'is', value: {$segment: name}}]})

describe('--version and --help', () => {
  it('prints the version the way oclif does, and help that lists every command', async () => {
    const repo = tempRepo()
    const version = await runCli(['--version'], {cwd: repo.dir})
    expect(version.code).toBe(0)
    expect(version.stdout).toBe(`segsync/${JSON.parse(readFileSync(join(BIN, '../../package.json'), 'utf8')).version} ${process.platform}-${process.arch} node-${process.version}\n`)
    const help = await runCli(['--help'], {cwd: repo.dir})
    expect(help.code).toBe(0)
    for (const command of ['validate', 'plan', 'apply', 'import', 'pull', 'graph', 'emulator']) expect(help.stdout).toContain(command)
  })
})

describe('exit codes', () => {
  it('maps usage errors to 64, not 2 (bad flag, unknown command, missing argument)', async () => {
    const repo = tempRepo({'segsync.config.json': jsonConfig('embedded'), 'segments/a.json': {name: 'A', root: ok}})
    const badFlag = await runCli(['plan', '--no-such-flag'], {cwd: repo.dir})
    expect(badFlag.code).toBe(64)
    expect(badFlag.stderr).toContain('--no-such-flag')
    expect((await runCli(['plna'], {cwd: repo.dir})).code).toBe(64)
    expect((await runCli(['emulator', 'start'], {cwd: repo.dir})).code).toBe(64)
    expect((await runCli(['apply', '--parallelism', 'lots'], {cwd: repo.dir})).code).toBe(64)
  })

  it('needs --auto-approve to apply without a terminal (64), before any write', async () => {
    const emulator = await sequenzyEmulator()
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), 'segments/a.json': {name: 'A', root: ok}})
    const res = await runCli(['apply'], {cwd: repo.dir, env})
    expect(res.code).toBe(64)
    expect(res.stderr).toContain('apply needs --auto-approve')
    expect(writes(emulator)).toEqual([])
  })

  it('exits 3 on an invalid config, naming the file, line and path', async () => {
    const repo = tempRepo({'segsync.config.json': {provider: 'sequenzy', segments: 'segments', endpoint: 'api.sequenzy.com'}})
    const res = await runCli(['validate'], {cwd: repo.dir})
    expect(res.code).toBe(3)
    expect(res.stderr).toMatch(/segsync\.config\.json:4:15 {2}error {2}endpoint "api\.sequenzy\.com" does not match the expected format/)
  })
})

describe('segsync validate', () => {
  it('returns the problems as JSON with --json', async () => {
    const repo = tempRepo({'segsync.config.json': jsonConfig('embedded'), 'segments/a.json': {name: 'A', root: ref('Missing')}})
    const res = await runCli(['validate', '--json'], {cwd: repo.dir})
    expect(res.code).toBe(3)
    expect(JSON.parse(res.stdout).error).toMatchObject({exitCode: 3, problems: [{file: 'segments/a.json', path: '/root/children/0/value/$segment'}]})
  })
})

describe('segsync emulator start', () => {
  it('serves an emulator with `segsync emulator start` until it is stopped', async () => {
    const repo = tempRepo({'seed.json': {segments: [{id: 'seg_1', name: 'Seeded', root: ok}]}})
    const child = spawn(process.execPath, [BIN, 'emulator', 'start', 'sequenzy', '--seed', 'seed.json', '--state', 'state.json'], {cwd: repo.dir, env: {...process.env, NO_COLOR: '1'}})
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString()
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
        if (m) resolve(m[1]!)
      })
      child.on('exit', () => reject(new Error(`emulator exited: ${out}`)))
    })
    const res = await fetch(`${url}/api/v1/segments`, {method: 'POST', headers: {authorization: 'Bearer anything', 'content-type': 'application/json'}, body: JSON.stringify({name: 'Added', root: ok})})
    expect(res.status).toBe(201)
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    const saved = JSON.parse(readFileSync(join(repo.dir, 'state.json'), 'utf8'))
    expect(saved.segments.map((s: {name: string}) => s.name)).toEqual(['Seeded', 'Added'])
    expect(existsSync(join(repo.dir, 'state.json'))).toBe(true)
  })
})
