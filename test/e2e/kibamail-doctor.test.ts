/**
 * `segsync doctor` for Kibamail through the built CLI: the embedded endpoint passes every check,
 * a live account whose segment list leaves its contract fails it (exit 1), the --json report
 * follows schemas/doctor-report.schema.json, the key never shows, and nothing is written.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {packageRoot} from '../../src/util/package-root.js'
import {runCli} from '../helpers/cli.js'
import {KB_KEY, kibamailEmulator, properties, topics} from '../helpers/kibamail.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {KIBAMAIL_API_KEY: KB_KEY}

function expectValidReport(report: unknown): void {
  const validate = new Ajv2020({strict: true}).compile(JSON.parse(readFileSync(join(packageRoot, 'schemas/doctor-report.schema.json'), 'utf8')))
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
}

describe('segsync doctor (Kibamail)', () => {
  it('passes the embedded endpoint: no check fails, exit 0', async () => {
    const repo = tempRepo({'segsync.config.json': jsonConfig('embedded', {}, undefined, 'kibamail')})
    const res = await runCli(['doctor', '--json'], {cwd: repo.dir, env: {KIBAMAIL_API_KEY: undefined}})
    expect(res.code, res.stderr).toBe(0)
    const report = JSON.parse(res.stdout)
    expectValidReport(report)
    const checks = report.workspaces[0].checks as Array<{id: string; status: string}>
    expect(checks.map((c) => c.id)).toEqual(['connect', 'segments-list', 'conditions-form', 'topics-list', 'write-scope', 'campaigns', 'rate-limit-headers'])
    expect(checks.filter((c) => c.status === 'fail')).toEqual([])
  })

  it('fails a segment list in another envelope with exit 1, says where, and writes nothing', async () => {
    const emulator = await kibamailEmulator({properties, topics})
    emulator.faults.add({method: 'GET', path: '/v1/segments', fault: {type: 'answer', body: '<!DOCTYPE html><html><body>Sign in</body></html>', contentType: 'text/html'}})
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'kibamail')})
    const res = await runCli(['doctor'], {cwd: repo.dir, env})
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('✗ Segment list (read:segments): GET /v1/segments answered outside its contract: at (the whole body) expected the body to be an object, got "<!DOCTYPE html><html><body>Sign in</body></html>"')
    expect(res.stdout).toContain('✓ Topic list (read:topics)')
    expect(res.stdout + res.stderr).not.toContain(KB_KEY)
    expect(emulator.requests.every((r) => r.method === 'GET')).toBe(true)

    const json = await runCli(['doctor', '--json'], {cwd: repo.dir, env})
    expect(json.code).toBe(1)
    expectValidReport(JSON.parse(json.stdout))
  })
})
