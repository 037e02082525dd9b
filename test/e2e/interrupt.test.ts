/** Matrix row A8: SIGTERM/SIGINT during apply (a cancelled CI job): in-flight work finishes, nothing new starts, the report is printed. */
import {spawn} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {BIN} from '../helpers/cli.js'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const root = (value: string) => ({kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'status', operator: 'is', value}]})

describe.each(['SIGTERM', 'SIGINT'] as const)('apply interrupted by %s', (signal) => {
  it('finishes the change in flight, starts no other, prints the report and exits 8', async () => {
    const names = ['A', 'B', 'C', 'D']
    const emulator = await sequenzyEmulator({segments: names.map((n, i) => ({id: `seg_${i}`, name: n, root: root('old')}))})
    emulator.faults.add({method: 'PATCH', fault: {type: 'latency', ms: 600}})
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), ...Object.fromEntries(names.map((n) => [`segments/${n}.json`, {name: n, root: root('new')}]))})
    const child = spawn(process.execPath, [BIN, 'apply', '--auto-approve', '--parallelism', '1'], {cwd: repo.dir, env: {...process.env, NO_COLOR: '1', SEQUENZY_API_KEY: TEST_KEY}})
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    while (!emulator.requests.some((r) => r.method === 'PATCH')) await new Promise((r) => setTimeout(r, 10))
    const signalledAt = Date.now()
    child.kill(signal)
    expect(await exited).toBe(8)
    const patches = emulator.requests.filter((r) => r.method === 'PATCH')
    expect(patches).toHaveLength(1)
    expect(patches.filter((r) => r.at > signalledAt)).toEqual([])
    expect(emulator.state.segments.filter((s) => (s.root.children[0] as {value: string}).value === 'new')).toHaveLength(1)
    expect(stdout).toContain('✓ main: updated "A"')
    expect(stdout).toContain('Apply interrupted. 0 created, 1 updated, 0 deleted; 3 not attempted. Run apply again to finish.')
  })
})
