/**
 * The plan names drift where the vendor says when a segment last changed: an update whose remote
 * was edited after its definition file's last commit probably reverts an edit made in the UI.
 * Through the built CLI, in a real git repository; without git the plan is the same, minus the hint.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {expectValidPlan} from '../helpers/plan-schema.js'
import {condition, filter, MAILGLYPH_KEY, mailglyphEmulator} from '../helpers/mailglyph.js'
import {commitAll, jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {MAILGLYPH_API_KEY: MAILGLYPH_KEY}
const COUNT_READS = fileURLToPath(new URL('../helpers/count-reads.mjs', import.meta.url))
const COMMITTED = '2026-03-01T12:00:00Z'

const seed = (baseUpdatedAt: string) => ({
  segments: [
    {id: 'seg_base', name: 'Base', condition: condition('AND', [filter('data.plan', 'equals', 'team')]), createdAt: '2025-01-01T00:00:00.000Z', updatedAt: baseUpdatedAt},
    {id: 'seg_other', name: 'Other', condition: condition('AND', [filter('data.plan', 'equals', 'free')]), createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z'},
  ],
})
const files = {
  'segments/base.json': {name: 'Base', condition: condition('AND', [filter('data.plan', 'equals', 'pro')])},
  'segments/other.json': {name: 'Other', condition: condition('AND', [filter('data.plan', 'equals', 'free'), filter('subscribed', 'equals', true)])},
}

describe('plan: drift in words', () => {
  it('says when an update would revert an edit made in the vendor after the file was last committed', async () => {
    const emulator = await mailglyphEmulator(seed('2026-04-02T09:30:00.000Z'))
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'mailglyph'), ...files})
    commitAll(repo.dir, '-A', COMMITTED)
    const res = await runCli(['plan'], {cwd: repo.dir, env})
    expect(res.stderr).not.toContain('Error')
    expect(res.code).toBe(0)
    const [base, other] = res.stdout.split('~ update "Other"')
    expect(base).toContain(`! drift: changed in the vendor at 2026-04-02 09:30 UTC, after this file's last commit (2026-03-01 12:00 UTC): this update would revert that edit; \`segsync pull\` writes it into the file instead`)
    // "Other" was last changed in MailGlyph before the commit: the file is ahead, no hint.
    expect(other).not.toContain('drift')
    const json = await runCli(['plan', '--json'], {cwd: repo.dir, env})
    const plan = JSON.parse(json.stdout)
    expectValidPlan(plan)
    const changes = plan.workspaces[0].changes as Array<{name: string; drift?: unknown}>
    expect(changes.find((c) => c.name === 'Base')!.drift).toEqual({remoteUpdatedAt: '2026-04-02T09:30:00.000Z', fileCommittedAt: '2026-03-01T12:00:00.000Z'})
    expect(changes.find((c) => c.name === 'Other')).not.toHaveProperty('drift')
  })

  it('reads every file once: the definitions, the schemas, and the files git is asked about', async () => {
    const emulator = await mailglyphEmulator(seed('2026-04-02T09:30:00.000Z'))
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'mailglyph'), ...files})
    commitAll(repo.dir, '-A', COMMITTED)
    const reads = join(repo.dir, 'reads.json')
    const res = await runCli(['plan', '--json'], {cwd: repo.dir, env: {...env, NODE_OPTIONS: `--import ${pathToFileURL(COUNT_READS).href}`, SEGSYNC_TEST_READS: reads}})
    expect(res.code).toBe(0)
    // The drift hint was asked of git for "Base", whose file the plan had read already.
    expect(JSON.parse(res.stdout).workspaces[0].changes.find((c: {name: string}) => c.name === 'Base').drift).toBeDefined()
    const counts = JSON.parse(readFileSync(reads, 'utf8')) as Record<string, number>
    for (const file of Object.keys(files)) expect(counts[join(repo.dir, file)], file).toBe(1)
    expect(Object.keys(counts).filter((f) => f.endsWith('.schema.json')).length).toBeGreaterThan(0)
    // Code is Node's to load (an ES module importing a CommonJS one reads its source twice).
    expect(Object.entries(counts).filter(([f, n]) => n > 1 && !/\.[cm]?js$/.test(f))).toEqual([])
  })

  it('gives no hint, and plans the same, outside a git repository', async () => {
    const emulator = await mailglyphEmulator(seed('2026-04-02T09:30:00.000Z'))
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'mailglyph'), ...files})
    const res = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(res.code).toBe(2)
    expect(res.stdout).toContain('~ update "Base" (seg_base)')
    expect(res.stdout).not.toContain('drift')
  })

  it('a saved plan made before an edit in the vendor says so, and points at pull', async () => {
    const emulator = await mailglyphEmulator(seed('2025-01-01T00:00:00.000Z'))
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'mailglyph'), ...files})
    expect((await runCli(['plan', '--out', 'plan.json'], {cwd: repo.dir, env})).code).toBe(0)
    emulator.state.segments[0]!.condition!.groups[0]!.filters[0]!.value = 'enterprise'
    const res = await runCli(['apply', 'plan.json', '--auto-approve'], {cwd: repo.dir, env})
    expect(res.code).toBe(7)
    expect(res.stderr).toContain('main: "Base" (seg_base) was edited in the vendor since the plan: condition')
    expect(res.stderr).toContain('(to keep that edit, segsync pull writes it into the definition file)')
  })
})
