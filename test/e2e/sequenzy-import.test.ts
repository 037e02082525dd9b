/**
 * `segsync import` options through the built CLI, against a Sequenzy emulator: files are never
 * overwritten, --name, --dir and --dry-run, and an account with nothing left to import. Import's
 * round trip (files written, a plan right after shows no changes) runs for every vendor in
 * vendors.test.ts.
 */
import {existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'
import {sequenzy} from './cases/sequenzy.js'

const env = {SEQUENZY_API_KEY: TEST_KEY}

describe('segsync import (Sequenzy)', () => {
  it('never overwrites an existing file, supports --name and --dry-run, and imports into an empty workspace', async () => {
    const emulator = await sequenzyEmulator(sequenzy.import.seed)
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

  it('skips a remote segment whose rules no definition can hold (email is), saying why, and imports the rest', async () => {
    const emailIs = {kind: 'group', id: 'root', joinOperator: 'and', children: [{kind: 'filter', id: 'f1', field: 'email', operator: 'is', value: 'ceo@acme.co'}]}
    const tagged = {kind: 'group', id: 'root', joinOperator: 'and', children: [{kind: 'filter', id: 'f1', field: 'tag', operator: 'contains', value: 'vip'}]}
    const emulator = await sequenzyEmulator({segments: [{id: 'seg_ceo', name: 'CEO', root: emailIs}, {id: 'seg_vip', name: 'VIP', root: tagged}]})
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url)})
    const res = await runCli(['import'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('"CEO" (seg_ceo): a definition cannot hold its rules (/root/children/0/operator: operator "is" is not allowed here; expected one of: contains, not_contains); keep editing it in Sequenzy')
    expect(readdirSync(join(repo.dir, 'segments'))).toEqual(['vip.json'])
    const plan = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(plan.code).toBe(0)
    expect(plan.stdout).toContain('1 unmanaged segment')
  })

  it('says there is nothing to import when every segment is managed', async () => {
    const emulator = await sequenzyEmulator({segments: []})
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url)})
    const res = await runCli(['import'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('Nothing to import: 0 remote segments are already managed')
  })
})
