/**
 * Scenario 1: plan over 5,000 remote segments and 500 campaigns (10% active), 20 ms round trip,
 * 50 changed definitions. Compares wall time with the network lower bound (the chain of calls
 * that must be sequential × RTT) and with the naive script (list, then GET each segment).
 */
import {emulatorProcess} from '../lib/emulator.mjs'
import {median, round, tempDir} from '../lib/measure.mjs'
import {workloads} from '../lib/workloads.mjs'
import {naivePlan} from '../baseline-naive.mjs'

const pipeline = await import('../../dist/core/pipeline.js')

export async function planScenario({provider, segments = 5000, campaigns = 500, changed = 50, rttMs = 20, runs = 5}) {
  const atRtt = await measure({provider, segments, campaigns, changed, rttMs, runs, naive: provider === 'sequenzy'})
  // The same plan with no network delay: what is left is processing (the vendor serialising
  // thousands of segments, us parsing and diffing them) — the part no round-trip count explains.
  const atZero = await measure({provider, segments, campaigns, changed, rttMs: 0, runs, naive: false})
  const active = Math.round(campaigns * 0.1)
  const w = workloads[provider]
  const lowerBoundMs = w.criticalPath(active) * rttMs
  return {
    provider,
    segments,
    campaigns,
    activeCampaigns: active,
    changed,
    rttMs,
    wallMs: round(atRtt.wall),
    runsMs: atRtt.samples.map((s) => round(s.ms)),
    apiCalls: atRtt.samples[0].calls,
    minimumApiCalls: w.minimumCalls(active),
    lowerBoundMs,
    ratioToLowerBound: round(atRtt.wall / lowerBoundMs, 2),
    processingMs: round(atZero.wall),
    ratioToBoundPlusProcessing: round(atRtt.wall / (lowerBoundMs + atZero.wall), 2),
    planned: atRtt.samples[0].summary,
    ...(atRtt.baseline ? {naiveMs: round(atRtt.baseline.ms), naiveCalls: atRtt.baseline.calls, ratioToNaive: round(atRtt.wall / atRtt.baseline.ms, 3)} : {}),
  }
}

async function measure({provider, segments, campaigns, changed, rttMs, runs, naive}) {
  const w = workloads[provider]
  const work = tempDir()
  const emulator = await emulatorProcess(work.dir, provider, w.seed({segments, campaigns}), {latencyMs: rttMs})
  const step = Math.floor(segments / changed)
  const files = {
    // The vendor's budget is lifted here (and not enforced by the emulator): this scenario
    // measures round trips. Scenario 2 measures the budget.
    'segsync.config.json': {provider, segments: 'segments', apiKeyEnv: w.keyEnv, endpoint: emulator.url, rateLimit: {perSecond: 100_000}},
  }
  for (let k = 0; k < changed; k++) files[`segments/s${k}.json`] = w.definition(k * step)
  const repo = tempDir(files)
  const ctx = {cwd: repo.dir, env: {[w.keyEnv]: w.key}, progress: () => undefined}
  const once = async () => {
    const before = (await emulator.stats()).requests
    const started = performance.now()
    const prepared = await pipeline.prepare(ctx)
    const run = await pipeline.plan(ctx, prepared)
    const ms = performance.now() - started
    await run.close()
    const calls = (await emulator.stats()).requests - before
    return {ms, calls, summary: run.document.summary}
  }
  await once() // warm-up: module loading, first connections
  const samples = []
  for (let i = 0; i < runs; i++) samples.push(await once())
  const baseline = naive ? await naivePlan({url: emulator.url, key: w.key, names: Array.from({length: changed}, (_, k) => `Segment ${k * step}`)}) : undefined
  await emulator.close()
  repo.remove()
  work.remove()
  return {wall: median(samples.map((s) => s.ms)), samples, baseline}
}
