/**
 * MailGlyph answering outside its contract, through the built CLI: a broken read stops plan and
 * apply before any write, a broken write answer is uncertain and a re-run converges, and
 * `segsync doctor` tells a faithful endpoint (the embedded demo) from a broken one.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {packageRoot} from '../../src/util/package-root.js'
import {runCli} from '../helpers/cli.js'
import {writes} from '../helpers/emulators.js'
import {condition, filter, MAILGLYPH_KEY, mailglyphEmulator} from '../helpers/mailglyph.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {MAILGLYPH_API_KEY: MAILGLYPH_KEY, SEGSYNC_RETRY_BASE_MS: '1', SEGSYNC_RETRY_MAX_MS: '5'}
const plan = (value: string) => condition('AND', [filter('data.plan', 'equals', value)])
const seed = {
  segments: [{id: 'seg_a', name: 'A', condition: plan('old')}, {id: 'seg_b', name: 'B', condition: plan('old')}],
  campaigns: [{id: 'cmp_1', name: 'Spring sale', status: 'SCHEDULED', audienceType: 'SEGMENT', segmentId: 'seg_a'}],
}
const files = (url: string) => ({
  'segsync.config.json': jsonConfig(url, {}, {campaignImpact: 'warn'}, 'mailglyph'),
  'segments/a.json': {name: 'A', condition: plan('new')},
  'segments/b.json': {name: 'B', condition: plan('new')},
})

describe('MailGlyph answers outside the contract (CLI)', () => {
  it('stops apply before any write when a campaign page is off, and never calls that "no campaigns" (exit 1; --json carries the facts)', async () => {
    const emulator = await mailglyphEmulator(seed)
    emulator.faults.add({method: 'GET', path: '/campaigns', fault: {type: 'answer', body: JSON.stringify({data: [{id: 'cmp_1', name: 'Spring sale', status: 'SCHEDULED'}], totalPages: 1})}})
    const repo = tempRepo(files(emulator.url))
    const res = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env})
    expect(res.code).toBe(1)
    expect(res.stderr).toContain('Error: MailGlyph answered GET /campaigns outside the contract segsync relies on: at /data/0 expected a property "audienceType"')
    expect(res.stderr).toContain('Nothing was written.')
    expect(res.stderr).toContain('Hint: Run `segsync doctor`')
    const json = await runCli(['plan', '--json'], {cwd: repo.dir, env})
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout).error).toMatchObject({exitCode: 1, contract: {vendor: 'MailGlyph', route: 'GET /campaigns', path: '/data/0', expected: expect.stringContaining('"audienceType"')}})
    expect(writes(emulator)).toEqual([])
  })

  it('reports an update answered with a sign-in page as uncertain (exit 8), re-reads, starts nothing new; a re-run converges', async () => {
    const emulator = await mailglyphEmulator(seed)
    emulator.faults.add({method: 'PATCH', times: 1, fault: {type: 'answer', status: 200, body: '<html><body>Sign in</body></html>', contentType: 'text/html', commit: true}})
    const repo = tempRepo(files(emulator.url))
    const res = await runCli(['apply', '--auto-approve', '--parallelism', '1'], {cwd: repo.dir, env})
    expect(res.code).toBe(8)
    expect(res.stdout).toContain('update "A" is uncertain: MailGlyph answered PATCH /segments/{id} outside the contract segsync relies on')
    expect(res.stdout).toContain('a re-read shows the update landed')
    expect(emulator.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
    const again = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env})
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('~ update "B"')
    expect(again.stdout).not.toContain('~ update "A"')
    expect((await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})).code).toBe(0)
  })

  it('segsync doctor: the embedded demo passes every check (exit 0, schema-valid --json); a broken endpoint fails (exit 1) without printing the key', async () => {
    const demoSeed = join(packageRoot, 'segments', 'emulator-seeds', 'mailglyph.json')
    const demo = tempRepo({'segsync.config.json': {provider: 'mailglyph', segments: 'segments', endpoint: 'embedded', emulatorSeed: demoSeed}})
    const res = await runCli(['doctor', '--json'], {cwd: demo.dir})
    expect(res.code).toBe(0)
    const report = JSON.parse(res.stdout) as {workspaces: Array<{checks: Array<{id: string; status: string}>}>}
    const validate = new Ajv2020({strict: true}).compile(JSON.parse(readFileSync(join(packageRoot, 'schemas', 'doctor-report.schema.json'), 'utf8')))
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
    const checks = report.workspaces[0]!.checks
    expect(checks.filter((c) => c.status === 'fail')).toEqual([])
    expect(checks.map((c) => c.id)).toEqual(['connect', 'secret-key', 'segments-list', 'segment-type', 'static-segments', 'undocumented-operators', 'campaigns-scheduled', 'campaigns-sending', 'campaigns-draft', 'rate-limit-headers'])

    const emulator = await mailglyphEmulator(seed)
    emulator.faults.add({method: 'GET', path: '/segments', fault: {type: 'answer', body: `{"error": "key ${MAILGLYPH_KEY} is not allowed here"}`}})
    const broken = tempRepo(files(emulator.url))
    const failed = await runCli(['doctor'], {cwd: broken.dir, env})
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain('Segment list: GET /segments answered outside its contract: at (the whole body) expected')
    expect(failed.stdout + failed.stderr).not.toContain(MAILGLYPH_KEY)
    expect(writes(emulator)).toEqual([])
  })
})
