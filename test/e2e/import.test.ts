/** `segsync import` through the built CLI: files written, never overwritten, and a plan right after shows zero changes. */
import {existsSync, readdirSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {providerIds} from '../../src/providers/registry.js'
import {packageRoot} from '../../src/util/package-root.js'
import {runCli} from '../helpers/cli.js'
import {sequenzyEmulator, TEST_KEY, writes} from '../helpers/emulators.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {SEQUENZY_API_KEY: TEST_KEY}
const f = (field: string, operator: string, value?: string, id?: string) => ({kind: 'filter', ...(id ? {id} : {}), field, operator, ...(value !== undefined ? {value} : {})})

// Realistically messy: server ids everywhere, nested groups, references (to an imported and to a
// managed segment), an empty check with value "", a legacy filters-only segment.
const messy = {
  segments: [
    {id: 'seg_base', name: 'Base', root: {kind: 'group', id: 'root', joinOperator: 'and', children: [f('status', 'is', 'active', 'f1')]}},
    {id: 'seg_managed', name: 'Managed already', root: {kind: 'group', id: 'root', joinOperator: 'and', children: [f('tag', 'contains', 'x', 'f1')]}},
    {
      id: 'seg_nested',
      name: 'Nested / VIP',
      root: {
        kind: 'group',
        id: 'root',
        joinOperator: 'or',
        children: [f('segment', 'is', 'seg_base', 'f1'), {kind: 'group', id: 'g2', joinOperator: 'and', children: [f('phone', 'is_empty', '', 'f2'), f('segment', 'is_not', 'seg_managed', 'f3'), f('event', 'at_least', 'app.open:3:30d', 'f4')]}],
      },
    },
    {id: 'seg_legacy', name: 'Legacy', filters: [{id: 'l1', field: 'email', operator: 'contains', value: '@example.com'}], filterJoinOperator: 'or'},
  ],
}

describe('segsync import (Sequenzy)', () => {
  it.each(['json', 'ts'])('writes %s files that plan to zero changes, with references by name', async (format) => {
    const emulator = await sequenzyEmulator(messy)
    const repo = tempRepo({
      'segsync.config.json': jsonConfig(emulator.url),
      'segments/managed.json': {name: 'Managed already', root: {kind: 'group', joinOperator: 'and', children: [f('tag', 'contains', 'x')]}},
    })
    const res = await runCli(['import', '--format', format], {cwd: repo.dir, env})
    expect(res.stderr).not.toContain('Error')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('Wrote 3 files into segments:')
    expect(res.stdout).toContain('✓ round trip checked')
    const nested = repo.read(`segments/nested-vip.${format}`)
    expect(nested).toContain(format === 'json' ? '"$segment": "Base"' : "segment('Base')")
    expect(nested).toContain(format === 'json' ? '"$segment": "Managed already"' : "segment('Managed already')")
    expect(nested).not.toContain('seg_')
    if (format === 'json') expect(JSON.parse(repo.read('segments/base.json')).$schema).toBe(relative(join(repo.dir, 'segments'), join(packageRoot, 'schemas/sequenzy/segment.schema.json')))
    expect((await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})).code).toBe(0)
    expect(writes(emulator)).toEqual([])
  })

  it('never overwrites an existing file, supports --name and --dry-run, and imports into an empty workspace', async () => {
    const emulator = await sequenzyEmulator(messy)
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), 'notes/base.json': 'not mine'})
    const dry = await runCli(['import', '--dry-run', '--name', 'B*,Leg?cy'], {cwd: repo.dir, env})
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('Would write 2 files into segments:')
    expect(existsSync(join(repo.dir, 'segments'))).toBe(false)
    const res = await runCli(['import', '--dir', 'notes', '--name', 'Base'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(repo.read('notes/base.json')).toBe('not mine')
    expect(res.stdout).toContain('notes/base-2.json')
    expect(readdirSync(join(repo.dir, 'notes')).sort()).toEqual(['base-2.json', 'base.json'])
  })

  it('says there is nothing to import when every segment is managed', async () => {
    const emulator = await sequenzyEmulator({segments: []})
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url)})
    const res = await runCli(['import'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('Nothing to import: 0 remote segments are already managed')
  })
})

describe.each(providerIds)('import round trip on the %s demo seed', (provider) => {
  const seed = join(packageRoot, 'segments', 'emulator-seeds', `${provider}.json`)
  it.each(['json', 'ts'])('imports every segment as %s and plans zero changes', async (format) => {
    expect(existsSync(seed), `segments/emulator-seeds/${provider}.json`).toBe(true)
    const repo = tempRepo({'segsync.config.json': {provider, segments: 'segments', endpoint: 'embedded', emulatorSeed: seed}})
    const res = await runCli(['import', '--format', format], {cwd: repo.dir})
    expect(res.stderr).not.toContain('Error')
    expect(res.code).toBe(0)
    expect(readdirSync(join(repo.dir, 'segments')).length).toBeGreaterThan(0)
    const plan = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir})
    expect(plan.stdout).toContain('No changes.')
    expect(plan.code).toBe(0)
  })
})
