/**
 * Scenario 2: 1,000 updates under a 20 requests/second limit (enforced by the emulator, which
 * answers 429 beyond it). Wall time against N / limit, 429s received, and the naive script on the
 * same state (reset between the two).
 */
import {emulatorProcess} from '../lib/emulator.mjs'
import {round, tempDir} from '../lib/measure.mjs'
import {workloads} from '../lib/workloads.mjs'
import {naiveApply} from '../baseline-naive.mjs'

const pipeline = await import('../../dist/core/pipeline.js')
const {wiring} = await import('../../dist/connect/wiring.js')

export async function applyScenario({updates = 1000, perSecond = 20, naive = true}) {
  const w = workloads.sequenzy
  const run = async (fn) => {
    const work = tempDir()
    const base = w.seed({segments: updates, campaigns: 0})
    const seed = {...base, segments: base.segments.map((s, i) => ({...s, root: plainRoot(`v${i}`)}))}
    const emulator = await emulatorProcess(work.dir, 'sequenzy', seed, {rateLimit: {perSecond}})
    try {
      return {...(await fn(emulator)), stats: await emulator.stats()}
    } finally {
      await emulator.close()
      work.remove()
    }
  }
  const desired = Array.from({length: updates}, (_, i) => ({name: `Segment ${i}`, root: plainRoot('changed')}))

  const segsync = await run(async (emulator) => {
    const files = {'segsync.config.json': {provider: 'sequenzy', segments: 'segments', apiKeyEnv: w.keyEnv, endpoint: emulator.url, rateLimit: {perSecond}}}
    desired.forEach((d, i) => (files[`segments/s${i}.json`] = d))
    const repo = tempDir(files)
    const ctx = {cwd: repo.dir, ...wiring({env: {[w.keyEnv]: w.key}}), progress: () => undefined}
    const started = performance.now()
    const prepared = await pipeline.prepare(ctx)
    const planned = await pipeline.plan(ctx, prepared)
    const {report} = await pipeline.apply(planned, {allowDelete: false, allowCampaignImpact: false, concurrency: 8})
    const ms = performance.now() - started
    await planned.close()
    repo.remove()
    return {ms, applied: report.summary.applied}
  })
  const baseline = naive ? await run((emulator) => naiveApply({url: emulator.url, key: w.key, desired})) : undefined
  const calls = segsync.stats.requests
  const boundMs = (calls / perSecond) * 1000
  return {
    updates,
    limitPerSecond: perSecond,
    wallMs: round(segsync.ms),
    applied: segsync.applied,
    apiCalls: calls,
    rateLimitBoundMs: round(boundMs),
    shareOfLimit: round(boundMs / segsync.ms, 3),
    received429: segsync.stats.rateLimited,
    ...(baseline ? {naiveMs: round(baseline.ms), naiveCalls: baseline.calls, naive429: baseline.stats.rateLimited, ratioToNaive: round(segsync.ms / baseline.ms, 3)} : {}),
  }
}

function plainRoot(value) {
  return {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'status', operator: 'is', value}]}
}
