/**
 * `segsync graph` through the built CLI: offline from the definition files (no key, no request:
 * the endpoint has nothing listening), in every format, and with --remote against each vendor's
 * emulator (campaigns and unmanaged segments added, nothing written). Every Mermaid output goes
 * through Mermaid's own parser.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import type {GraphDocument} from '../../src/generated/graph.js'
import {packageRoot} from '../../src/util/package-root.js'
import {runCli} from '../helpers/cli.js'
import {parseMermaid} from '../helpers/mermaid.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'
import {sequenzy} from './cases/sequenzy.js'
import {vendorCases} from './cases/index.js'

const ajv = new Ajv2020({strict: true})
const validGraph = ajv.compile(JSON.parse(readFileSync(join(packageRoot, 'schemas/graph.schema.json'), 'utf8')))

/** Port 9 (discard) on loopback: nothing listens, so any request would fail the command. */
const NOWHERE = 'http://127.0.0.1:9'

describe('segsync graph, offline', () => {
  const repo = () => tempRepo({'segsync.config.json': jsonConfig(NOWHERE), ...sequenzy.files, 'segments/waits.json': {name: 'Waits', dependsOn: ['Base'], root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'tag', operator: 'contains', value: 'w'}]}}})
  // No SEQUENZY_API_KEY: offline needs none.
  const env = {SEQUENZY_API_KEY: undefined}

  it('prints the definitions and their references as raw Mermaid that Mermaid parses, with no key and no request', async () => {
    const res = await runCli(['graph'], {cwd: repo().dir, env})
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout.startsWith('flowchart LR\n')).toBe(true)
    expect(res.stdout).not.toContain('```')
    for (const label of ['Base', 'Mid', 'New parent', 'New child', 'Old<br/>ensure: absent', 'Waits']) expect(res.stdout).toContain(`("${label}")`)
    expect(await parseMermaid(res.stdout)).toBe('flowchart-v2')
  })

  it('prints DOT and schema-valid JSON with the references and dependsOn, and no campaigns', async () => {
    const dir = repo().dir
    const dot = await runCli(['graph', '--format', 'dot'], {cwd: dir, env})
    expect(dot.code).toBe(0)
    expect(dot.stdout).toMatch(/^digraph segsync \{\n[\s\S]*\}\n$/)
    expect(dot.stdout).toMatch(/\[style=dashed\];/)
    const res = await runCli(['graph', '--format', 'json'], {cwd: dir, env})
    expect(res.code).toBe(0)
    const doc = JSON.parse(res.stdout) as GraphDocument
    expect(validGraph(doc), JSON.stringify(validGraph.errors)).toBe(true)
    expect(doc.remote).toBe(false)
    const [ws] = doc.workspaces
    expect(ws!.references).toEqual([
      {from: 'Mid', to: 'Base', kind: 'reference'},
      {from: 'Waits', to: 'Base', kind: 'dependsOn'},
      {from: 'New child', to: 'Mid', kind: 'reference'},
      {from: 'New child', to: 'New parent', kind: 'reference'},
    ])
    expect(ws!.campaigns).toEqual([])
    expect(ws!.segments.find((s) => s.name === 'Old')).toMatchObject({managed: true, ensure: 'absent'})
    expect(ws!.segments.every((s) => s.id === undefined)).toBe(true)
  })

  it('refuses an unknown format with a usage error and teaches the formats in --help', async () => {
    const dir = repo().dir
    const bad = await runCli(['graph', '--format', 'svg'], {cwd: dir, env})
    expect(bad.code).toBe(64)
    const help = await runCli(['graph', '--help'], {cwd: dir, env})
    for (const words of ['--format', 'mermaid', 'dot', 'json', '--remote', 'no API key, no request', 'dot -Tsvg']) expect(help.stdout).toContain(words)
  })
})

describe.each(vendorCases.map((c) => [c.provider, c] as const))('segsync graph --remote (%s)', (provider, c) => {
  it('adds the vendor\'s campaigns and unmanaged segments, reads only, and never prints the key', async () => {
    const emulator = await c.start(c.seed)
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, provider), ...c.files})
    const env = {[`${provider.toUpperCase()}_API_KEY`]: c.key}
    const json = await runCli(['graph', '--remote', '--format', 'json'], {cwd: repo.dir, env})
    expect(json.stderr).not.toContain('Error')
    expect(json.code).toBe(0)
    const doc = JSON.parse(json.stdout) as GraphDocument
    expect(validGraph(doc), JSON.stringify(validGraph.errors)).toBe(true)
    const ws = doc.workspaces[0]!
    expect(ws.endpoint).toBe(emulator.url)
    // Every remote segment is in the graph: the managed ones under their definitions' names, the rest unmanaged.
    const remoteIds = emulator.state.segments.map((s) => String(s.id))
    expect(ws.segments.flatMap((s) => (s.id ? [s.id] : [])).sort()).toEqual(remoteIds.sort())
    if (ws.usage?.known) {
      // A campaign links to segments the graph has.
      const names = new Set(ws.segments.map((s) => s.name))
      for (const campaign of ws.campaigns) for (const name of campaign.segments) expect(names.has(name), name).toBe(true)
    } else expect(ws.campaigns).toEqual([])

    const mermaid = await runCli(['graph', '--remote'], {cwd: repo.dir, env})
    expect(mermaid.code).toBe(0)
    expect(await parseMermaid(mermaid.stdout)).toBe('flowchart-v2')
    for (const campaign of ws.campaigns) expect(mermaid.stdout).toContain(campaign.kind)
    expect(c.writes(emulator)).toEqual([])
    for (const out of [json.stdout, json.stderr, mermaid.stdout, mermaid.stderr]) expect(out).not.toContain(c.key)
  }, 120_000)
})

describe('segsync graph --remote (Sequenzy campaigns)', () => {
  it('draws an arrow from each segment to the campaigns that target it, through the segments that reference it', async () => {
    const emulator = await sequenzy.start(sequenzy.seed)
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url), ...sequenzy.files})
    const res = await runCli(['graph', '--remote', '--format', 'json'], {cwd: repo.dir, env: {SEQUENZY_API_KEY: sequenzy.key}})
    const ws = (JSON.parse(res.stdout) as GraphDocument).workspaces[0]!
    expect(ws.campaigns.map((c) => [c.name, c.segments])).toEqual([
      ['Spring sale', ['Base']],
      ['Onboarding', ['Mid']],
    ])
    expect(ws.segments.find((s) => s.name === 'Hand made')).toEqual({name: 'Hand made', managed: false, id: 'seg_hand'})
    expect(ws.references).toContainEqual({from: 'Mid', to: 'Base', kind: 'reference'})
  }, 120_000)
})
