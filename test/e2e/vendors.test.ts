/**
 * The stories every vendor tells, told once and run for each (test/e2e/cases/<vendor>.ts holds a
 * vendor's account, files and expectations): the built CLI, run as a user would, against the
 * vendor's emulator on loopback, asserting output, exit codes, the requests sent and the
 * emulator's final state. Stories only one vendor tells live in test/e2e/<vendor>-*.test.ts.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {getProvider, providerIds} from '../../src/providers/registry.js'
import {packageRoot, schemaPath} from '../../src/util/package-root.js'
import {runCli} from '../helpers/cli.js'
import {expectConverged, expectValidPlan} from '../helpers/plan-schema.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'
import {vendorCases} from './cases/index.js'
import type {Format, VendorCase, VendorEmulator, Writes} from './cases/vendor-case.js'

const formats: Format[] = ['json', 'ts']

/** The write requests an apply sent, grouped as the cases state them. */
function writesOf(c: VendorCase, emulator: VendorEmulator): Writes & {unexpected: string[]} {
  const sent: Writes & {unexpected: string[]} = {creates: [], updates: [], deletes: [], unexpected: []}
  for (const r of c.writes(emulator)) {
    const kind = c.writeKind(r)
    if (kind === 'creates') sent.creates.push((r.body as {name: string}).name)
    else if (kind === 'updates') sent.updates.push({path: r.path, body: r.body})
    else if (kind === 'deletes') sent.deletes.push(r.body === undefined ? {path: r.path} : {path: r.path, body: r.body})
    else sent.unexpected.push(`${r.method} ${r.path}`)
  }
  sent.updates.sort((a, b) => a.path.localeCompare(b.path))
  return sent
}

/** Files segsync reads as definitions (what validate counts). */
const definitionFiles = (dir: string) => readdirSync(dir).filter((f) => /\.(json|ts)$/.test(f))

it('has a case for every provider', () => {
  expect(vendorCases.map((c) => c.provider).sort()).toEqual([...providerIds].sort())
})

describe.each(vendorCases.map((c) => [c.label, c] as const))('%s', (_label, c) => {
  const keyEnv = `${c.provider.toUpperCase()}_API_KEY`
  const env = {[keyEnv]: c.key}
  const config = (url: string, policy?: Record<string, unknown>) => jsonConfig(url, {}, policy, c.provider)
  const repoFor = (url: string, policy?: Record<string, unknown>) => tempRepo({'segsync.config.json': config(url, policy), ...c.files})

  it('plans each create, update and delete in words, with its campaign impact, and writes nothing', async () => {
    const emulator = await c.start(c.seed)
    const res = await runCli(['plan'], {cwd: repoFor(emulator.url).dir, env})
    expect(res.stderr).not.toContain('Error')
    expect(res.code).toBe(0)
    for (const line of c.plan.says) expect(res.stdout).toContain(line)
    for (const text of c.plan.never ?? []) expect(res.stdout).not.toContain(text)
    for (const [line, n] of Object.entries(c.plan.times ?? {})) expect(res.stdout.split(line)).toHaveLength(n + 1)
    expect(c.writes(emulator)).toEqual([])
  })

  it('prints --json that schemas/plan.schema.json accepts, and exits 2 with --detailed-exitcode', async () => {
    const emulator = await c.start(c.seed)
    const res = await runCli(['plan', '--json', '--detailed-exitcode'], {cwd: repoFor(emulator.url).dir, env})
    expect(res.code).toBe(2)
    const plan = JSON.parse(res.stdout)
    expectValidPlan(plan)
    expect(plan.summary).toMatchObject(c.json.summary)
    expect(plan.workspaces[0].changes.find((ch: {name: string}) => ch.name === c.json.change).impact).toEqual(c.json.impact)
  })

  it('refuses a blocked apply before any write (exit 6), naming what blocks it and the flag that allows it', async () => {
    const emulator = await c.start(c.seed)
    const repo = repoFor(emulator.url, c.blocked.policy)
    const res = await runCli(['apply', '--auto-approve', ...c.blocked.flags], {cwd: repo.dir, env})
    expect(res.code).toBe(6)
    expect(res.stderr).toContain('apply refused before any write')
    for (const line of c.blocked.says) expect(res.stderr).toContain(line)
    expect(c.writes(emulator)).toEqual([])
    for (const flags of c.blocked.stillRefusedWith ?? []) {
      expect((await runCli(['apply', '--auto-approve', ...flags], {cwd: repo.dir, env})).code).toBe(6)
      expect(c.writes(emulator)).toEqual([])
    }
    const allowed = await runCli(['apply', '--auto-approve', ...c.blocked.allowedWith], {cwd: repo.dir, env})
    expect(allowed.code).toBe(0)
    expect(allowed.stdout).toContain(c.apply.summary)
  })

  it('applies in dependency order with exactly the expected writes, then converges: a second apply writes nothing, a plan shows no changes', async () => {
    const emulator = await c.start(c.seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['apply', '--auto-approve', ...c.apply.flags], {cwd: repo.dir, env})
    expect(res.stderr).not.toContain('Error')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain(c.apply.summary)
    for (const line of c.apply.says ?? []) expect(res.stdout).toContain(line)
    expect(writesOf(c, emulator)).toEqual({...c.apply.writes, unexpected: []})
    const byName = new Map(emulator.state.segments.map((s) => [s.name, s]))
    for (const [name, props] of Object.entries(c.apply.segments)) {
      if (props === null) expect(byName.has(name), `"${name}" is gone`).toBe(false)
      else expect(byName.get(name), `"${name}"`).toEqual(expect.objectContaining(props))
    }
    c.apply.check?.(emulator)

    if (c.apply.manual) {
      const pending = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
      expect(pending.code).toBe(2)
      expect(pending.stdout).toContain(c.apply.manual.pending)
      c.apply.manual.doByHand(emulator)
    }
    await expectConverged(repo.dir, env, () => c.writes(emulator))
  })

  it('reports a write the vendor rejects as a partial apply (exit 8): the rest applies, deletes wait, and a re-run finishes', async () => {
    const emulator = await c.start(c.seed)
    const repo = repoFor(emulator.url, c.partial.policy)
    emulator.faults.add(c.partial.fault)
    const res = await runCli(['apply', '--auto-approve', '--json', ...c.partial.flags], {cwd: repo.dir, env})
    expect(res.code).toBe(8)
    const report = JSON.parse(res.stdout)
    expect(report.status).toBe('partial')
    const outcomes: Array<{action: string; name: string; status: string}> = report.workspaces[0].outcomes
    expect(Object.fromEntries(outcomes.map((o) => [o.name, o.status]))).toEqual(c.partial.outcomes)
    for (const failed of outcomes.filter((o) => o.status === 'failed')) {
      expect(failed).toEqual({action: 'create', name: failed.name, status: 'failed', message: c.partial.message})
      expect(emulator.state.segments.find((s) => s.name === failed.name)).toBeUndefined()
    }
    for (const waiting of outcomes.filter((o) => o.status === 'not-attempted')) expect(emulator.state.segments.find((s) => s.name === waiting.name)).toBeDefined()

    emulator.faults.clear()
    const rerun = await runCli(['apply', '--auto-approve', ...c.partial.flags], {cwd: repo.dir, env})
    expect(rerun.code).toBe(0)
    expect(rerun.stdout).toContain(c.partial.rerun)
  })

  it.each(formats)('imports a messy account as %s files that validate, and a plan right after shows no changes', async (format) => {
    const emulator = await c.start(c.import.seed)
    const repo = tempRepo({'segsync.config.json': config(emulator.url), ...c.import.files})
    const before = existsSync(join(repo.dir, 'segments')) ? readdirSync(join(repo.dir, 'segments')) : []
    const res = await runCli(['import', '--format', format], {cwd: repo.dir, env})
    expect(res.stderr).not.toContain('Error')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain(`Wrote ${c.import.written.length} files into segments:`)
    expect(res.stdout).toContain('✓ round trip checked')
    for (const line of c.import.says) expect(res.stdout).toContain(line)
    const written = readdirSync(join(repo.dir, 'segments')).filter((f) => !before.includes(f)).sort()
    expect(written).toEqual(c.import.written.map((name) => `${name}.${format}`))
    if (format === 'json') {
      const schema = relative(join(repo.dir, 'segments'), schemaPath((await getProvider(c.provider)).schema))
      for (const file of written) expect(JSON.parse(repo.read(`segments/${file}`)).$schema, file).toBe(schema)
    }
    for (const [name, {has = [], hasNot = []}] of Object.entries(c.import.contents?.(format) ?? {})) {
      const text = repo.read(`segments/${name}.${format}`)
      for (const s of has) expect(text).toContain(s)
      for (const s of hasNot) if (typeof s === 'string') expect(text).not.toContain(s)
      else expect(text).not.toMatch(s)
    }

    const n = definitionFiles(join(repo.dir, 'segments')).length
    const validated = await runCli(['validate'], {cwd: repo.dir, env})
    expect(validated.code).toBe(0)
    expect(validated.stdout).toContain(`main: ${n} definitions valid (${c.provider}, segments)`)
    const plan = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(plan.code).toBe(0)
    expect(plan.stdout).toContain(`No changes. ${n} segments up to date.`)
    expect(plan.stdout).toContain('No changes. The vendors match the definitions.')
    expect(c.writes(emulator)).toEqual([])
  })

  it("plans zero changes for definitions written from the provider's toDefinition (the import round trip, without import)", async () => {
    const emulator = await c.start(c.roundTripSeed ?? c.import.seed)
    const provider = await getProvider(c.provider)
    const client = await provider.connect({endpoint: emulator.url, apiKey: c.key})
    const remotes = await client.listSegments()
    await client.close()
    const nameOf = (id: string) => remotes.find((r) => r.id === id)?.name
    const files: Record<string, object> = {'segsync.config.json': config(emulator.url)}
    const managed = remotes.filter((r) => !r.readOnly)
    for (const [i, remote] of managed.entries()) files[`segments/imported-${i}.json`] = {$schema: schemaPath(provider.schema), name: remote.name, ...provider.toDefinition(remote, nameOf)}
    const repo = tempRepo(files)
    expect((await runCli(['validate'], {cwd: repo.dir, env})).code).toBe(0)
    const res = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(res.stdout).toContain(`No changes. ${managed.length} segments up to date.`)
    expect(res.code).toBe(0)
  })

  it.each(formats)('imports every segment of the demo seed (endpoint: embedded) as %s and plans zero changes', async (format) => {
    const seed = join(packageRoot, 'segments', 'emulator-seeds', `${c.provider}.json`)
    expect(existsSync(seed), `segments/emulator-seeds/${c.provider}.json`).toBe(true)
    const repo = tempRepo({'segsync.config.json': {provider: c.provider, segments: 'segments', endpoint: 'embedded', emulatorSeed: seed}})
    const res = await runCli(['import', '--format', format], {cwd: repo.dir})
    expect(res.stderr).not.toContain('Error')
    expect(res.code).toBe(0)
    expect(readdirSync(join(repo.dir, 'segments')).length).toBeGreaterThan(0)
    const plan = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir})
    expect(plan.stdout).toContain('No changes.')
    expect(plan.code).toBe(0)
  })

  it('never prints the API key, even when the vendor echoes it, with --debug dumping every request, in --json and in a saved plan', async () => {
    const {key} = c.secrets
    const emulator = await c.start({...(c.secrets.seed ?? c.seed), apiKeys: [key]})
    emulator.faults.add(c.secrets.echo(key))
    const repo = tempRepo({'segsync.config.json': config(emulator.url), ...c.secrets.files})
    const secretEnv = {[keyEnv]: key}
    const debug = await runCli(['apply', '--auto-approve', '--debug'], {cwd: repo.dir, env: secretEnv})
    expect(debug.code).toBe(c.secrets.code)
    // The dumps are there, request headers and bodies included, with the key masked.
    expect(debug.stderr).toContain('→ POST http://127.0.0.1')
    for (const line of c.secrets.says) expect(debug.stdout + debug.stderr).toContain(line)
    const json = await runCli(['apply', '--auto-approve', '--json', '--debug'], {cwd: repo.dir, env: secretEnv})
    expect(json.code).toBe(c.secrets.code)
    expect(JSON.parse(json.stdout)).toMatchObject(c.secrets.json)
    emulator.faults.clear()
    const planned = await runCli(['plan', '--debug', '--out', 'plan.json'], {cwd: repo.dir, env: secretEnv})
    expect(planned.code).toBe(0)
    const forms = [key, encodeURIComponent(key), JSON.stringify(key).slice(1, -1), Buffer.from(key).toString('base64')]
    for (const output of [debug.stdout, debug.stderr, json.stdout, json.stderr, planned.stdout, planned.stderr, repo.read('plan.json')]) {
      for (const form of forms) expect(output).not.toContain(form)
    }
  })

  it('exits 4 naming the variable to set when the key is missing, and with the vendor’s refusal when it is wrong', async () => {
    const emulator = await c.start()
    const repo = tempRepo({'segsync.config.json': config(emulator.url), ...c.refusedKey.files})
    const missing = await runCli(['plan'], {cwd: repo.dir, env: {[keyEnv]: undefined}})
    expect(missing.code).toBe(4)
    expect(missing.stderr).toContain(`environment variable ${keyEnv} is empty`)
    const refused = await runCli(['plan'], {cwd: repo.dir, env: {[keyEnv]: c.refusedKey.key}})
    expect(refused.code).toBe(4)
    expect(refused.stderr).toContain(c.refusedKey.says)
    expect(refused.stdout + refused.stderr).not.toContain(c.refusedKey.key)
  })

  it('plans and applies against endpoint: embedded, keeping state in .segsync/ for the next run', async () => {
    const repo = tempRepo({
      'segsync.config.json': {provider: c.provider, segments: 'segments', endpoint: 'embedded', ...(c.embedded.seed ? {emulatorSeed: 'seed.json'} : {})},
      ...(c.embedded.seed ? {'seed.json': c.embedded.seed} : {}),
      ...c.embedded.files,
    })
    const noKey = {[keyEnv]: undefined}
    const plan = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env: noKey})
    expect(plan.code).toBe(2)
    expect(plan.stdout).toContain(`Workspace default (${c.provider}, embedded)`)
    const apply = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env: noKey})
    expect(apply.code).toBe(0)
    expect(apply.stdout).toContain(c.embedded.summary)
    const saved = JSON.parse(readFileSync(join(repo.dir, `.segsync/default.${c.provider}.json`), 'utf8'))
    expect(saved).toEqual(expect.objectContaining(c.embedded.saved))
    // The saved state is read back by the next run.
    expect((await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env: noKey})).code).toBe(0)
  })

  it('reports every problem at its file position offline (exit 3, no key needed), and plan and apply refuse the same before any request', async () => {
    const emulator = await c.start(c.seed)
    const repo = tempRepo({'segsync.config.json': config(emulator.url), ...c.invalid.files})
    for (const [args, runEnv] of [[['validate'], {}], [['plan'], env], [['apply', '--auto-approve'], env]] as const) {
      const res = await runCli([...args], {cwd: repo.dir, env: runEnv})
      expect(res.code, args[0]).toBe(3)
      for (const problem of c.invalid.problems) {
        if (typeof problem === 'string') expect(res.stderr).toContain(problem)
        else expect(res.stderr).toMatch(problem)
      }
      expect(res.stderr).toContain('nothing was sent to any vendor')
    }
    expect(emulator.requests).toEqual([])
  })
})
