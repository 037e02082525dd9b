/** Scenario 5: peak RSS of `segsync plan` (the built CLI) over 50,000 remote segments (issue 19: under 400 MB). */
import {emulatorProcess} from '../lib/emulator.mjs'
import {BIN, round, tempDir, timeProcessUsage} from '../lib/measure.mjs'
import {workloads} from '../lib/workloads.mjs'

export async function memoryScenario({segments = 50_000, changed = 50}) {
  const w = workloads.sequenzy
  const work = tempDir()
  const emulator = await emulatorProcess(work.dir, 'sequenzy', w.seed({segments, campaigns: 500}))
  const step = Math.floor(segments / changed)
  const files = {'segsync.config.json': {provider: 'sequenzy', segments: 'segments', apiKeyEnv: w.keyEnv, endpoint: emulator.url, rateLimit: {perSecond: 100_000}}}
  for (let k = 0; k < changed; k++) files[`segments/s${k}.json`] = w.definition(k * step)
  const repo = tempDir(files)
  const {ms, usage} = timeProcessUsage([BIN, 'plan', '--json'], {cwd: repo.dir, env: {[w.keyEnv]: w.key}, maxBuffer: 1 << 28})
  const peakKb = usage.maxRssKb
  await emulator.close()
  repo.remove()
  work.remove()
  return {segments, changed, wallMs: round(ms), peakRssMb: round(peakKb / 1024)}
}
