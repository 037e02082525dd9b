/**
 * Scenario 6: many workspaces at once. Ten Sequenzy accounts (each its own emulator process, as
 * each account is its own vendor tenant), 200 remote segments and 120 campaigns each (10% active),
 * 50 ms round trip; each workspace manages its 200 segments from its own folder, 5 of them changed.
 * `segsync plan` over all ten is compared with `segsync plan -w` of one of them, both as a user runs
 * the built CLI (median of `runs`, the two commands alternating so load on the machine hits both).
 *
 * The client budget is lifted, as in the plan scenario: this measures round trips and work, not the
 * vendor's budget (the apply scenario measures that).
 */
import {emulatorProcess} from '../lib/emulator.mjs'
import {BIN, median, round, tempDir, timeProcess} from '../lib/measure.mjs'
import {workloads} from '../lib/workloads.mjs'

export async function workspacesScenario({workspaces = 10, segments = 200, campaigns = 120, changed = 5, rttMs = 50, runs = 7} = {}) {
  const w = workloads.sequenzy
  const work = tempDir()
  const emulators = []
  for (let k = 0; k < workspaces; k++) emulators.push(await emulatorProcess(work.dir, 'sequenzy', w.seed({segments, campaigns}), {latencyMs: rttMs}))
  const config = {workspaces: {}}
  const files = {}
  const step = Math.floor(segments / changed)
  const seeded = w.seed({segments, campaigns: 0}).segments
  emulators.forEach((emulator, k) => {
    const name = `account-${String(k + 1).padStart(2, '0')}`
    config.workspaces[name] = {provider: 'sequenzy', segments: `segments/${name}`, apiKeyEnv: w.keyEnv, endpoint: emulator.url, rateLimit: {perSecond: 100_000}}
    for (let i = 0; i < segments; i++) files[`segments/${name}/s${i}.json`] = i % step === 0 ? w.definition(i) : {name: seeded[i].name, root: asDefinition(seeded[i].root)}
  })
  const repo = tempDir({'segsync.config.json': config, ...files})
  const env = {[w.keyEnv]: w.key}
  const one = Object.keys(config.workspaces)[0]
  const time = (args) => timeProcess([BIN, ...args], {cwd: repo.dir, env, maxBuffer: 1 << 26}).ms
  time(['plan']) // file system cache, first connections of each emulator
  time(['plan', '-w', one])
  const all = []
  const single = []
  for (let i = 0; i < runs; i++) {
    all.push(time(['plan']))
    single.push(time(['plan', '-w', one]))
  }
  const calls = (await Promise.all(emulators.map((e) => e.stats()))).map((s) => s.requests)
  await Promise.all(emulators.map((e) => e.close()))
  repo.remove()
  work.remove()
  const allMs = median(all)
  const oneMs = median(single)
  return {
    workspaces,
    segments,
    campaigns,
    changed,
    rttMs,
    allMs: round(allMs),
    oneMs: round(oneMs),
    ratio: round(allMs / oneMs, 2),
    allRunsMs: all.map((ms) => round(ms)),
    oneRunsMs: single.map((ms) => round(ms)),
    callsPerWorkspace: calls,
  }
}

/** A seeded remote body as its definition: server-added ids dropped, segment ids as `{ $segment }`. */
function asDefinition(node) {
  if (Array.isArray(node)) return node.map(asDefinition)
  if (node && typeof node === 'object') {
    const out = Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'id').map(([k, v]) => [k, asDefinition(v)]))
    if (out.field === 'segment' && typeof out.value === 'string') out.value = {$segment: `Segment ${out.value.slice('seg_'.length)}`}
    return out
  }
  return node
}
