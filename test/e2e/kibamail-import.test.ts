/**
 * `segsync import` against a messy Kibamail state: every managed segment is written (JSON and TS),
 * the raw-MongoDB one is skipped as read-only, and a plan right after shows no changes.
 */
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {and, field, KB_KEY, kibamailEmulator, not, or, properties, topics, writes} from '../helpers/kibamail.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {KIBAMAIL_API_KEY: KB_KEY}

const seed = {
  properties,
  topics,
  segments: [
    {id: 'segment_flat', name: 'Flat', description: null, conditions: field('country', 'eq', 'US')},
    {id: 'segment_deep', name: 'Deep', description: 'Nested', conditions: and(or(field('plan', 'in', ['team', 'pro']), not({subscribedToTopic: ['topic_news']})), field('email', 'exists', null))},
    {id: 'segment_app', name: 'App query', conditions: {country: {$in: ['US', 'CA']}}},
  ],
}

describe('segsync import (Kibamail)', () => {
  it.each(['json', 'ts'])('writes %s definitions that plan to zero changes, skipping the read-only segment', async (format) => {
    const emulator = await kibamailEmulator(seed)
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'kibamail'), 'segments/.keep': ''})
    const res = await runCli(['import', '--format', format], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('skipped "App query" (segment_app): read-only')
    expect(readdirSync(join(repo.dir, 'segments')).filter((f) => f !== '.keep').sort()).toEqual([`deep.${format}`, `flat.${format}`])
    const flat = repo.read(`segments/flat.${format}`)
    expect(flat).not.toMatch(/description|segment_flat|"object"/)
    const plan = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(plan.stdout).toContain('No changes. 2 segments up to date.')
    expect(plan.code).toBe(0)
    expect(writes(emulator)).toEqual([])
  })
})
