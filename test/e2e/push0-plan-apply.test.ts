/**
 * The built CLI, run as a user would, against a Push0 emulator on loopback: output, exit codes
 * and the emulator's final state. Push0 has no delete endpoint and no campaign API, and both show.
 */
import {describe, expect, it} from 'vitest'
import {push0} from '../../src/providers/push0/index.js'
import {schemaPath} from '../../src/util/package-root.js'
import {runCli} from '../helpers/cli.js'
import {constraint, group, messyState, PUSH0_KEY, push0Client, push0Emulator, push0Writes} from '../helpers/push0.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {PUSH0_API_KEY: PUSH0_KEY}

// Remote: Poland (to update; written with an upper-case alias), Power users (unchanged, other
// order), Old promo (to delete: by hand), Hand made (no definition: unmanaged).
const seed = {
  segments: [
    {id: 'sg_poland', name: 'Poland', description: 'Polish devices', constraints: [group('AND', constraint('country', 'EQUALS', 'PL'))]},
    {id: 'sg_power', name: 'Power users', constraints: [group('AND', constraint('sessionCount', '>=', 50)), group('OR', constraint('deviceManufacturer', '==', 'Samsung'), constraint('deviceManufacturer', '==', 'Google'))]},
    {id: 'sg_old', name: 'Old promo', constraints: [group('AND', constraint('tags', 'contains', 'promo-2024'))]},
    {id: 'sg_hand', name: 'Hand made', constraints: []},
  ],
}

function repoFor(url: string) {
  return tempRepo({
    'segsync.config.json': jsonConfig(url, {}, undefined, 'push0'),
    'segments/poland.json': {name: 'Poland', description: 'Polish devices on app 120+', constraints: [group('AND', constraint('country', '==', 'PL')), group('AND', constraint('appVersionCode', '>=', 120))]},
    'segments/power.json': {name: 'Power users', constraints: [group('OR', constraint('deviceManufacturer', '==', 'Google'), constraint('deviceManufacturer', '==', 'Samsung')), group('AND', constraint('sessionCount', '>=', 50))]},
    'segments/old.json': {name: 'Old promo', ensure: 'absent'},
    'segments/lapsed.ts': `import {defineSegment} from 'segsync/push0'
export default defineSegment({
  name: 'Lapsed',
  constraints: [{type: 'OR', constraints: [{field: 'lastSession', relation: '<', value: 1767225600000}, {field: 'sessionCount', relation: '<=', value: 1}]}],
})
`,
  })
}

describe('segsync plan and apply (Push0)', () => {
  it('plans the create, the update, and the delete as a manual step, saying campaign usage cannot be verified', async () => {
    const emulator = await push0Emulator(seed)
    const res = await runCli(['plan'], {cwd: repoFor(emulator.url).dir, env})
    expect(res.code).toBe(0)
    const out = res.stdout
    expect(out).toContain('! campaign usage cannot be verified for push0: Push0 documents no campaign or notification API')
    expect(out).toContain('~ update "Poland" (sg_poland)')
    expect(out).toContain('+ adds constraint group `AND(appVersionCode >= 120)`')
    expect(out).toContain('~ changes the description from "Polish devices" to "Polish devices on app 120+"')
    expect(out).not.toContain('country')
    expect(out).toContain('+ create "Lapsed" (id known after apply)')
    expect(out).toContain('+ adds constraint group `OR(lastSession < 1767225600000, sessionCount <= 1)`')
    expect(out).toContain('- delete "Old promo" (sg_old)')
    expect(out).toContain('manual step: delete in the Push0 dashboard')
    expect(out).toContain('1 unmanaged segment (no definition file; not touched): "Hand made"')
    expect(out).toContain('Plan: 1 to create, 1 to update, 0 to delete, 1 manual step.')
    expect(push0Writes(emulator)).toEqual([])
  })

  it('applies creates and updates, reports the delete as a manual step with exit 0, and converges once it is done by hand', async () => {
    const emulator = await push0Emulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('! main: delete "Old promo" is a manual step: delete in the Push0 dashboard')
    expect(res.stdout).toContain('Apply complete! 1 created, 1 updated, 0 deleted. 1 manual step left for you (see above).')
    // Nothing was deleted and no DELETE was ever sent: Push0 has no such endpoint.
    expect(emulator.state.segments.find((s) => s.id === 'sg_old')).toBeDefined()
    expect(push0Writes(emulator).map((r) => `${r.method} ${r.path}`).sort()).toEqual(['PATCH /v1/segments', 'POST /v1/segments'])
    const patch = push0Writes(emulator).find((r) => r.method === 'PATCH')!
    expect(patch.body).toEqual({id: 'sg_poland', description: 'Polish devices on app 120+', constraints: [group('AND', constraint('country', '==', 'PL')), group('AND', constraint('appVersionCode', '>=', 120))]})
    const lapsed = emulator.state.segments.find((s) => s.name === 'Lapsed')!
    expect(lapsed).toMatchObject({description: null, updatedAt: null, constraints: [group('OR', constraint('lastSession', '<', 1767225600000), constraint('sessionCount', '<=', 1))]})
    expect(lapsed.id).toMatch(/^sg_/)

    const again = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(again.code).toBe(2)
    expect(again.stdout).toContain('Plan: 0 to create, 0 to update, 0 to delete, 1 manual step.')
    // The user deletes it in the dashboard; the next plan has nothing left to do.
    emulator.state.segments = emulator.state.segments.filter((s) => s.id !== 'sg_old')
    const done = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(done.code).toBe(0)
    expect(done.stdout).toContain('No changes. The vendors match the definitions.')
  })

  it('adopts a create whose answer was lost instead of sending it again', async () => {
    const emulator = await push0Emulator(seed)
    // Push0 commits the POST, then the connection drops before the id comes back.
    emulator.faults.add({method: 'POST', times: 1, fault: {type: 'reset-after'}})
    const res = await runCli(['apply', '--auto-approve'], {cwd: repoFor(emulator.url).dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('Apply complete! 1 created, 1 updated, 0 deleted.')
    expect(emulator.state.segments.filter((s) => s.name === 'Lapsed')).toHaveLength(1)
    expect(push0Writes(emulator).filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('reports the manual delete in --json as "manual", not as a failure', async () => {
    const emulator = await push0Emulator(seed)
    const res = await runCli(['apply', '--auto-approve', '--json'], {cwd: repoFor(emulator.url).dir, env})
    expect(res.code).toBe(0)
    const report = JSON.parse(res.stdout)
    expect(report.status).toBe('applied')
    expect(report.summary).toEqual({applied: 2, failed: 0, notAttempted: 0, manual: 1})
    expect(report.workspaces[0].outcomes).toContainEqual({action: 'delete', name: 'Old promo', id: 'sg_old', status: 'manual', message: 'delete in the Push0 dashboard'})
  })

  it('rejects a group of 11 constraints at validate time, at its file position, before any network call', async () => {
    const emulator = await push0Emulator(seed)
    const eleven = Array.from({length: 11}, (_, i) => `        {"field": "appVersionCode", "relation": "!=", "value": ${i}}`).join(',\n')
    const repo = tempRepo({
      'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'push0'),
      'segments/too-many.json': `{\n  "name": "Too many",\n  "constraints": [\n    {\n      "type": "AND",\n      "constraints": [\n${eleven}\n      ]\n    }\n  ]\n}\n`,
    })
    for (const command of ['validate', 'plan', 'apply']) {
      const res = await runCli(command === 'apply' ? ['apply', '--auto-approve'] : [command], {cwd: repo.dir, env})
      expect(res.code).toBe(3)
      expect(res.stderr).toContain('segments/too-many.json:6:22  error  constraints may have at most 10 items (has 11)  at /constraints/0/constraints')
      expect(res.stderr).toContain('nothing was sent to any vendor')
    }
    expect(emulator.requests).toEqual([])
  })

  it('plans zero changes for definitions written from toDefinition on a messy account (the import round trip)', async () => {
    const emulator = await push0Emulator(messyState)
    const client = await push0Client(emulator)
    const files: Record<string, object> = {'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'push0')}
    for (const [i, remote] of (await client.listSegments()).entries()) {
      files[`segments/imported-${i}.json`] = {$schema: schemaPath('push0/segment.schema.json'), name: remote.name, ...push0.toDefinition(remote)}
    }
    const repo = tempRepo(files)
    expect((await runCli(['validate'], {cwd: repo.dir, env})).code).toBe(0)
    const res = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain(`No changes. ${messyState.segments.length} segments up to date.`)
  })

  it.each(['json', 'ts'])('imports a messy account as %s files that validate and plan to zero changes', async (format) => {
    const emulator = await push0Emulator(messyState)
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'push0')})
    const imported = await runCli(['import', '--format', format], {cwd: repo.dir, env})
    expect(imported.code).toBe(0)
    expect(push0Writes(emulator)).toEqual([])
    const validated = await runCli(['validate'], {cwd: repo.dir, env})
    expect(validated.stdout).toContain(`main: ${messyState.segments.length} definitions valid (push0, segments)`)
    const res = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain(`No changes. ${messyState.segments.length} segments up to date.`)
  })

  it('reads a 250-segment account in three pages of 100', async () => {
    const segments = Array.from({length: 250}, (_, i) => ({id: `sg_${String(i).padStart(3, '0')}`, name: `Segment ${i}`, constraints: [group('AND', constraint('sessionCount', '>', i))]}))
    const emulator = await push0Emulator({segments})
    const repo = tempRepo({
      'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'push0'),
      'segments/last.json': {name: 'Segment 249', constraints: [group('AND', constraint('sessionCount', '>', 249))]},
    })
    const res = await runCli(['plan'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stderr).toContain('main: 250 remote segments, campaign usage unknown (3 requests)')
    expect(res.stdout).toContain('249 unmanaged segments')
    expect(emulator.requests.map((r) => r.query)).toEqual(['?page=1&limit=100', '?page=2&limit=100', '?page=3&limit=100'])
  })
})
