/** Exit codes, validation output, secrets and the embedded endpoint, through the built CLI. */
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
    for (const command of ['validate', 'plan', 'apply', 'import', 'emulator']) expect(help.stdout).toContain(command)
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

  it('exits 4 with the variable to set when the key is missing, and when the vendor refuses it', async () => {
    const emulator = await sequenzyEmulator()
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), 'segments/a.json': {name: 'A', root: ok}})
    const missing = await runCli(['plan'], {cwd: repo.dir, env: {SEQUENZY_API_KEY: undefined}})
    expect(missing.code).toBe(4)
    expect(missing.stderr).toContain('environment variable SEQUENZY_API_KEY is empty')
    const refused = await runCli(['plan'], {cwd: repo.dir, env: {SEQUENZY_API_KEY: 'sk_live_not_the_right_one'}})
    expect(refused.code).toBe(4)
    expect(refused.stderr).toContain('Sequenzy refused the request (401')
  })

  it('exits 3 on an invalid config, naming the file, line and path', async () => {
    const repo = tempRepo({'segsync.config.json': {provider: 'sequenzy', segments: 'segments', endpoint: 'api.sequenzy.com'}})
    const res = await runCli(['validate'], {cwd: repo.dir})
    expect(res.code).toBe(3)
    expect(res.stderr).toMatch(/segsync\.config\.json:4:15 {2}error {2}endpoint "api\.sequenzy\.com" does not match the expected format/)
  })
})

describe('segsync validate', () => {
  it('reports a cycle with its full path and a five-mistake definition in one run (exit 3), offline', async () => {
    const repo = tempRepo({
      'segsync.config.json': jsonConfig('http://127.0.0.1:9'),
      'segments/a.json': {name: 'A', root: ref('B')},
      'segments/b.json': {name: 'B', root: ref('C')},
      'segments/c.json': {name: 'C', root: ref('A')},
      'segments/broken.json': {name: 'Broken', rooot: 1, root: {kind: 'group', joinOperator: 'andd', children: [{kind: 'filter', field: 'status', operator: 'at_least', value: 'x'}, {kind: 'filter', field: 'stauts', operator: 'is', value: 'x'}, {kind: 'filter', field: 'tag', operator: 'contains', value: 3}]}},
      'segments/dup.ts': `export default {name: 'A', root: ${JSON.stringify(ok)}}\n`,
    })
    const res = await runCli(['validate'], {cwd: repo.dir})
    expect(res.code).toBe(3)
    const err = res.stderr
    expect(err).toContain('segments/a.json:2:11  error  dependency cycle: "A" → "B" → "C" → "A"')
    expect(err).toContain('unknown property "rooot"')
    expect(err).toContain('hint: did you mean "root"?')
    expect(err).toContain('joinOperator "andd" is not allowed here')
    expect(err).toContain('operator "at_least" is not allowed here; expected one of: is, is_not')
    expect(err).toContain('unknown field "stauts"')
    expect(err).toContain('value must be a string')
    expect(err).toContain('segments/dup.ts:1:23  error  duplicate segment name "A": also defined in segments/a.json:2:11')
    expect(err).toContain('Error: 8 problems in 3 files; nothing was sent to any vendor')
  })

  it('returns the problems as JSON with --json', async () => {
    const repo = tempRepo({'segsync.config.json': jsonConfig('embedded'), 'segments/a.json': {name: 'A', root: ref('Missing')}})
    const res = await runCli(['validate', '--json'], {cwd: repo.dir})
    expect(res.code).toBe(3)
    expect(JSON.parse(res.stdout).error).toMatchObject({exitCode: 3, problems: [{file: 'segments/a.json', path: '/root/children/0/value/$segment'}]})
  })
})

describe('secrets', () => {
  it('never prints the API key, even when the vendor echoes it and --debug dumps every request', async () => {
    const key = 'sk_live_SuperSecretKey_42/+='
    const emulator = await sequenzyEmulator({apiKeys: [key]})
    emulator.faults.add({method: 'POST', fault: {type: 'status', status: 401, body: {success: false, error: `Key ${key} (${encodeURIComponent(key)}) lacks write access`}}})
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), 'segments/a.json': {name: 'A', root: ok}})
    const res = await runCli(['apply', '--auto-approve', '--debug'], {cwd: repo.dir, env: {SEQUENZY_API_KEY: key}})
    expect(res.code).toBe(4)
    const output = res.stdout + res.stderr
    expect(output).toContain('lacks write access')
    expect(output).toContain('authorization')
    for (const form of [key, encodeURIComponent(key), JSON.stringify(key).slice(1, -1), Buffer.from(key).toString('base64')]) expect(output).not.toContain(form)
  })
})

describe('embedded endpoint', () => {
  it('plans and applies against the built-in emulator with state kept in .segsync/', async () => {
    const repo = tempRepo({
      'segsync.config.json': {provider: 'sequenzy', segments: 'segments', endpoint: 'embedded'},
      'segments/a.json': {name: 'A', root: ok},
      'segments/b.json': {name: 'B', root: ref('A')},
    })
    const plan = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env: {SEQUENZY_API_KEY: undefined}})
    expect(plan.code).toBe(2)
    expect(plan.stdout).toContain('Workspace default (sequenzy, embedded)')
    const apply = await runCli(['apply', '--auto-approve'], {cwd: repo.dir})
    expect(apply.code).toBe(0)
    const state = JSON.parse(readFileSync(join(repo.dir, '.segsync/default.sequenzy.json'), 'utf8'))
    expect(state.segments.map((s: {name: string}) => s.name)).toEqual(['A', 'B'])
    expect((await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir})).code).toBe(0)
  })

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
