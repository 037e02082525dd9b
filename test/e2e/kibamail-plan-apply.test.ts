/**
 * Kibamail's own stories through the built CLI, against its emulator on loopback: scoped keys and
 * topic ids checked before apply. The stories every vendor tells are in vendors.test.ts (Kibamail's
 * account and files, used here too: cases/kibamail.ts).
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {KB_KEY, KB_READ_ONLY_KEY, kibamailEmulator, writes} from '../helpers/kibamail.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'
import {kibamail} from './cases/kibamail.js'

const env = {KIBAMAIL_API_KEY: KB_KEY}

function repoFor(url: string, extra: Record<string, string | object> = {}) {
  return tempRepo({'segsync.config.json': jsonConfig(url, {}, undefined, 'kibamail'), ...kibamail.files, ...extra})
}

describe('segsync plan and apply (Kibamail)', () => {
  it('refuses apply with a read-only key: exit 4, a message naming the missing scope, nothing written', async () => {
    const emulator = await kibamailEmulator(kibamail.seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['apply', '--auto-approve', '--allow-delete'], {cwd: repo.dir, env: {KIBAMAIL_API_KEY: KB_READ_ONLY_KEY}})
    expect(res.code).toBe(4)
    const out = res.stdout + res.stderr
    expect(out).toContain("Kibamail refused the request (401 on POST /v1/segments): INSUFFICIENT_SCOPE: API key lacks 'write:segments' scope")
    expect(out).toContain('segsync needs a Kibamail API key with read:segments to plan, write:segments to apply')
    expect(out).toContain('Apply failed. 0 created, 0 updated, 0 deleted')
    expect(out).not.toContain(KB_READ_ONLY_KEY)
    expect(emulator.state.segments.map((s) => s.name).sort()).toEqual(['App query', 'Base', 'Hand made', 'Old', 'Readers'])
    expect(emulator.state.segments.find((s) => s.name === 'Base')!.description).toBe('Old words')
  })

  it('blocks a definition that references a topic id Kibamail does not have, before any write', async () => {
    const emulator = await kibamailEmulator(kibamail.seed)
    const repo = repoFor(emulator.url, {'segments/typo.json': {name: 'Typo', conditions: {subscribedToTopic: ['topic_nwes', 'topic_news']}}})
    const plan = await runCli(['plan'], {cwd: repo.dir, env})
    expect(plan.stdout).toContain('✖ blocked: conditions reference topic id "topic_nwes" that Kibamail does not have (GET /v1/topics); create the topic or fix the id')
    const res = await runCli(['apply', '--auto-approve', '--allow-delete', '--allow-campaign-impact'], {cwd: repo.dir, env})
    expect(res.code).toBe(6)
    expect(res.stderr).toContain('create "Typo": conditions reference topic id "topic_nwes"')
    expect(res.stderr).toContain('Some changes no flag allows: change the definitions.')
    expect(writes(emulator)).toEqual([])
  })
})
