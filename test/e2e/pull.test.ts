/**
 * `segsync pull` through the built CLI, as a user runs it, against each vendor's emulator on
 * loopback: an edit made in the vendor's UI comes back as a change of the definition files (JSON
 * and TS, byte for byte), a plan right after shows no change, and nothing was written to the vendor.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {packageRoot} from '../../src/util/package-root.js'
import {runCli} from '../helpers/cli.js'
import {sequenzyEmulator, TEST_KEY, writes} from '../helpers/emulators.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'
import {vendorCases} from './cases/index.js'
import {pullCases} from './pull-cases.js'

const ajv = new Ajv2020({strict: true})
const validReport = ajv.compile(JSON.parse(readFileSync(join(packageRoot, 'schemas/pull-report.schema.json'), 'utf8')))

describe.each(pullCases.map((c) => [c.provider, c] as const))('segsync pull (%s)', (_provider, c) => {
  const vendor = vendorCases.find((v) => v.provider === c.provider)!
  const env = {[`${c.provider.toUpperCase()}_API_KEY`]: vendor.key}

  it('turns an edit made in the UI (conditions, description, flags) into file changes that plan to zero, and writes nothing to the vendor', async () => {
    const emulator = await vendor.start(c.seed)
    const files = Object.fromEntries(Object.entries(c.files).map(([name, text]) => [`segments/${name}`, text]))
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, c.provider), ...files})

    const before = await runCli(['pull', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(before.stderr).not.toContain('Error')
    expect(before.stdout).toContain('No drift.')
    expect(before.code).toBe(0)

    c.edit(emulator.app.state as Parameters<typeof c.edit>[0])
    const res = await runCli(['pull', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(res.stderr).not.toContain('Error')
    for (const line of c.says) expect(res.stdout).toContain(line)
    expect(res.stdout).toContain('✓ round trip checked')
    expect(res.code).toBe(2)
    for (const [name, text] of Object.entries(c.after)) expect(repo.read(`segments/${name}`), name).toBe(text)

    const plan = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(plan.stdout).toContain('No changes.')
    expect(plan.code).toBe(0)
    expect(vendor.writes(emulator)).toEqual([])
    for (const out of [res.stdout, res.stderr, ...Object.keys(c.after).map((n) => repo.read(`segments/${n}`))]) expect(out).not.toContain(vendor.key)
  }, 120_000)
})

const env = {SEQUENZY_API_KEY: TEST_KEY}
const f = (field: string, operator: string, value?: string) => ({kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})})
const group = (...children: unknown[]) => ({kind: 'group', joinOperator: 'and', children})

describe('segsync pull (Sequenzy stories)', () => {
  const seed = () => ({
    segments: [
      {id: 'seg_base', name: 'Base', root: group(f('status', 'is', 'active'))},
      {id: 'seg_vip', name: 'VIP', root: group(f('segment', 'is', 'seg_base'), f('tag', 'contains', 'vip'))},
      {id: 'seg_later', name: 'Later', root: group(f('tag', 'contains', 'later'))},
      {id: 'seg_hand', name: 'Hand made', root: group(f('tag', 'contains', 'hand'))},
      {id: 'seg_gone', name: 'Gone', root: group(f('tag', 'contains', 'gone'))},
    ],
  })
  const managed = {
    'segments/base.json': {name: 'Base', renamedFrom: ['Basis'], protected: true, root: group(f('status', 'is', 'active'))},
    'segments/vip.ts': `import {defineSegment, segment} from 'segsync/sequenzy'\n\nexport default defineSegment({\n  name: 'VIP',\n  root: {kind: 'group', joinOperator: 'and', children: [\n    {kind: 'filter', field: 'segment', operator: 'is', value: segment('Base')}, // members of Base\n    {kind: 'filter', field: 'tag', operator: 'contains', value: 'vip'},\n  ]},\n})\n`,
    'segments/later.json': {name: 'Later', dependsOn: ['Base'], root: group(f('tag', 'contains', 'later'))},
  }
  const files = {
    ...managed,
    'segments/gone.json': {name: 'Gone', ensure: 'absent'},
    'segments/deleted.json': {name: 'Deleted', root: group(f('tag', 'contains', 'deleted'))},
  }

  it('takes a rename made in the UI: the new name, the old one in renamedFrom, and every reference to it follows', async () => {
    const emulator = await sequenzyEmulator(seed())
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), ...managed})
    emulator.state.segments[0]!.name = 'Active base'
    const res = await runCli(['pull'], {cwd: repo.dir, env})
    expect(res.stderr).not.toContain('Error')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('~ updated segments/base.json  "Active base" (seg_base) renamed in Sequenzy from "Base"')
    expect(res.stdout).toContain('~ renames "Base" to "Active base"')
    expect(res.stdout).toContain('+ keeps "Base" in renamedFrom')
    expect(res.stdout).toContain('dependsOn "Base" is now "Active base" (renamed in Sequenzy)')
    expect(JSON.parse(repo.read('segments/base.json'))).toEqual({name: 'Active base', renamedFrom: ['Basis', 'Base'], protected: true, root: group(f('status', 'is', 'active'))})
    expect(repo.read('segments/vip.ts')).toBe(managed['segments/vip.ts'].replace("segment('Base')", "segment('Active base')"))
    expect(JSON.parse(repo.read('segments/later.json')).dependsOn).toEqual(['Active base'])
    const plan = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(plan.stdout).toContain('No changes.')
    expect(plan.code).toBe(0)
    expect(writes(emulator)).toEqual([])
  })

  it('says what it leaves alone and why, and --json follows schemas/pull-report.schema.json', async () => {
    const emulator = await sequenzyEmulator(seed())
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), ...files})
    const res = await runCli(['pull'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain(`· left alone: segments/gone.json  "Gone" (seg_gone): ensure: 'absent'`)
    expect(res.stdout).toContain('· left alone: segments/deleted.json  "Deleted": not found in Sequenzy: deleted there, or not created yet. The file stays')
    expect(res.stdout).toContain('· left alone: "Hand made" (seg_hand): unmanaged: no definition file manages it (`segsync import` writes one)')
    expect(res.stdout).toContain('No drift.')
    const json = await runCli(['pull', '--json'], {cwd: repo.dir, env})
    const report = JSON.parse(json.stdout)
    expect(validReport.errors ?? [], JSON.stringify(validReport(report) || validReport.errors)).toEqual([])
    expect(report).toMatchObject({version: 1, dryRun: false, summary: {updated: 0, unchanged: 3, skipped: 3, refused: 0}})
    expect(report.files).toContainEqual({workspace: 'main', file: null, segment: 'Hand made', id: 'seg_hand', status: 'skipped', reason: 'unmanaged: no definition file manages it (`segsync import` writes one)'})
  })

  it('--dry-run writes nothing and reports the same, exiting 2 with --detailed-exitcode', async () => {
    const emulator = await sequenzyEmulator(seed())
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), ...files})
    Object.assign(emulator.state.segments[1]!.root.children[1]!, {value: 'gold'})
    const res = await runCli(['pull', '--dry-run', '--detailed-exitcode', '--json'], {cwd: repo.dir, env})
    expect(res.code).toBe(2)
    const report = JSON.parse(res.stdout)
    expect(validReport(report), JSON.stringify(validReport.errors)).toBe(true)
    expect(report.dryRun).toBe(true)
    expect(report.files.find((x: {segment: string}) => x.segment === 'VIP')).toEqual({
      workspace: 'main',
      file: 'segments/vip.ts',
      segment: 'VIP',
      id: 'seg_vip',
      status: 'updated',
      changes: [
        {path: 'root.children[tag contains gold]', kind: 'add', text: 'adds filter `tag contains gold`'},
        {path: 'root.children[tag contains vip]', kind: 'remove', text: 'removes filter `tag contains vip`'},
      ],
    })
    expect(repo.read('segments/vip.ts')).toBe(managed['segments/vip.ts'])
    const text = await runCli(['pull', '--dry-run', '--name', 'V*'], {cwd: repo.dir, env})
    expect(text.stdout).toContain('~ would update segments/vip.ts  "VIP" (seg_vip)')
    expect(text.stdout).toContain('Dry run: 1 file would change. Nothing was written.')
    expect(text.stdout).not.toContain('Hand made')
    expect(text.code).toBe(0)
  })

  it('refuses a TS file whose body is computed, showing what it would hold, writes the others, and exits 1', async () => {
    const emulator = await sequenzyEmulator(seed())
    const computed = `import {defineSegment} from 'segsync/sequenzy'\n\nconst tags = ['vip']\nexport default defineSegment({\n  name: 'VIP',\n  root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'segment', operator: 'is', value: {$segment: 'Base'}}, ...tags.map((t) => ({kind: 'filter' as const, field: 'tag' as const, operator: 'contains' as const, value: t}))]},\n})\n`
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), ...files, 'segments/vip.ts': computed})
    Object.assign(emulator.state.segments[1]!.root.children[1]!, {value: 'gold'})
    Object.assign(emulator.state.segments[2]!.root.children[0]!, {value: 'soon'})
    const res = await runCli(['pull', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('✖ refused segments/vip.ts  "VIP" (seg_vip)')
    expect(res.stdout).toContain('not written: root.children has a spread or a hole, so segsync cannot tell which item is which')
    expect(res.stdout).toContain("It would hold:\n        import {defineSegment, segment} from 'segsync/sequenzy'")
    expect(res.stdout).toContain("value: 'gold',")
    expect(res.stdout).toContain('~ updated segments/later.json  "Later" (seg_later)')
    expect(repo.read('segments/vip.ts')).toBe(computed)
    expect(JSON.parse(repo.read('segments/later.json')).root.children[0].value).toBe('soon')
  })

  it('exits 3 before reading the vendor when a definition is invalid', async () => {
    const emulator = await sequenzyEmulator(seed())
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), 'segments/bad.json': {name: 'Bad', root: group(f('status', 'is_bogus', 'x'))}})
    const res = await runCli(['pull'], {cwd: repo.dir, env})
    expect(res.code).toBe(3)
    expect(emulator.requests).toEqual([])
    expect(existsSync(join(repo.dir, 'segments/bad.json'))).toBe(true)
  })
})
