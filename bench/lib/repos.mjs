/**
 * The repositories and emulators of issue 19's plan scenarios, shared by the scenarios
 * (scenarios/plan.mjs, scenarios/workspaces.mjs) and by the paired comparison of two builds
 * (compare-builds.mjs), so both measure exactly the same thing.
 */
import {emulatorProcess} from './emulator.mjs'
import {tempDir} from './measure.mjs'
import {workloads} from './workloads.mjs'

/**
 * A repository that manages every remote segment: `segments` definitions, `changed` of them
 * edited, against one emulator of `provider` holding the same segments and `campaigns`.
 * `close()` stops the emulator and removes the folders.
 */
export async function managedRepo({provider, segments = 5000, campaigns = 500, changed = 50, rttMs = 20}) {
  const w = workloads[provider]
  const work = tempDir()
  const emulator = await emulatorProcess(work.dir, provider, w.seed({segments, campaigns}), {latencyMs: rttMs})
  const step = Math.floor(segments / changed)
  const files = {'segsync.config.json': {provider, segments: 'segments', apiKeyEnv: w.keyEnv, endpoint: emulator.url, rateLimit: {perSecond: 100_000}}}
  for (let i = 0; i < segments; i++) files[`segments/s${i}.json`] = i % step === 0 ? w.definition(i) : w.unchanged(i)
  const repo = tempDir(files)
  return {
    workload: w,
    emulator,
    files,
    repo,
    env: {[w.keyEnv]: w.key},
    close: async () => {
      await emulator.close()
      repo.remove()
      work.remove()
    },
  }
}

/**
 * `workspaces` Sequenzy accounts, each its own emulator (each account is its own vendor tenant),
 * `segments` remote segments and `campaigns` campaigns (10% active) each, `rttMs` round trip.
 * `repo(ownFolders)` writes a repository whose workspaces manage the same definitions (`changed`
 * of them edited) from one folder, or from a folder each; `names` are the workspaces in config
 * order. `close()` stops the emulators.
 */
export async function sequenzyAccounts({workspaces = 10, segments = 200, campaigns = 120, changed = 5, rttMs = 50} = {}) {
  const w = workloads.sequenzy
  const work = tempDir()
  const emulators = []
  for (let k = 0; k < workspaces; k++) emulators.push(await emulatorProcess(work.dir, 'sequenzy', w.seed({segments, campaigns}), {latencyMs: rttMs}))
  const names = emulators.map((_, k) => `account-${String(k + 1).padStart(2, '0')}`)
  const folder = accountDefinitions(w, segments, changed)
  const repo = (ownFolders) => {
    const files = {}
    const config = {workspaces: {}}
    names.forEach((name, k) => {
      const dir = ownFolders ? `segments/${name}` : 'segments'
      config.workspaces[name] = {provider: 'sequenzy', segments: dir, apiKeyEnv: w.keyEnv, endpoint: emulators[k].url, rateLimit: {perSecond: 100_000}}
      for (const [file, def] of Object.entries(folder)) files[`${dir}/${file}`] = def
    })
    return tempDir({'segsync.config.json': config, ...files})
  }
  return {
    workload: w,
    emulators,
    names,
    repo,
    env: {[w.keyEnv]: w.key},
    close: async () => {
      await Promise.all(emulators.map((e) => e.close()))
      work.remove()
    },
  }
}

/** The definition files of one account: every seeded segment as its definition (the workload's reading of it), `changed` of them with a new condition. */
function accountDefinitions(w, segments, changed) {
  const seeded = w.seed({segments, campaigns: 0}).segments
  const names = new Map(seeded.map((s) => [s.id, s.name]))
  const step = Math.floor(segments / changed)
  return Object.fromEntries(seeded.map((s, i) => [`s${i}.json`, i % step === 0 ? w.definition(i) : {name: s.name, ...w.asDefinition(s, (id) => names.get(id))}]))
}
