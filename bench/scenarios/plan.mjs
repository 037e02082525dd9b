/**
 * Scenario 1: plan over 5,000 remote segments and 500 campaigns (10% active), 20 ms round trip,
 * 50 changed definitions. Compares wall time with the network lower bound (the chain of calls
 * that must be sequential × RTT) and with the naive script (list, then GET each segment).
 *
 * It also measures what the round-trip bound leaves out, so the gap can be read: the vendor's own
 * time to answer the segment list (the emulator's service time, latency excluded) and the time
 * any client needs to decode that JSON (JSON.parse of the same body, here). The physical floor is
 * the slower of the two paths a plan waits on: the chain of sequential calls, and one round trip
 * for the list + the vendor answering it + decoding it. And it runs the built CLI once, cold, as a
 * user would (`segsync plan --json`), next to a bare `node -e 0`.
 */
import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {emulatorProcess} from '../lib/emulator.mjs'
import {BIN, ROOT, median, quartiles, round, tempDir, timeProcess} from '../lib/measure.mjs'
import {workloads} from '../lib/workloads.mjs'
import {managedRepo} from '../lib/repos.mjs'
import {minimalRead} from '../baseline-minimal.mjs'
import {naivePlan} from '../baseline-naive.mjs'

const pipeline = await import('../../dist/core/pipeline.js')
const {wiring} = await import('../../dist/connect/wiring.js')

export async function planScenario({provider, segments = 5000, campaigns = 500, changed = 50, rttMs = 20, runs = 15}) {
  const atRtt = await measure({provider, segments, campaigns, changed, rttMs, runs, naive: provider === 'sequenzy'})
  // The same plan with no network delay: what is left is processing (the vendor serialising
  // thousands of segments, us parsing and diffing them) — the part no round-trip count explains.
  const atZero = await measure({provider, segments, campaigns, changed, rttMs: 0, runs, naive: false})
  const active = Math.round(campaigns * 0.1)
  const w = workloads[provider]
  const lowerBoundMs = w.criticalPath(active) * rttMs
  const floorMs = Math.max(lowerBoundMs, rttMs + atRtt.vendorListMs + atRtt.decodeMs)
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
    audienceCountsMs: round(atRtt.counts.ms),
    audienceCountCalls: atRtt.counts.calls,
    processingMs: round(atZero.wall),
    ratioToBoundPlusProcessing: round(atRtt.wall / (lowerBoundMs + atZero.wall), 2),
    listBytes: atRtt.listBytes,
    vendorListMs: round(atRtt.vendorListMs),
    decodeMs: round(atRtt.decodeMs),
    floorMs: round(floorMs),
    ratioToFloor: round(atRtt.wall / floorMs, 2),
    minimalReaderMs: round(atRtt.minimal.ms),
    minimalReaderCalls: atRtt.minimal.calls,
    minimalReaderToBound: round(atRtt.minimal.ms / lowerBoundMs, 2),
    ratioToMinimalReader: round(atRtt.wall / atRtt.minimal.ms, 2),
    cliMs: round(atRtt.cli.ms),
    nodeMs: round(atRtt.cli.nodeMs),
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
  const ctx = {cwd: repo.dir, ...wiring({env: {[w.keyEnv]: w.key}}), progress: () => undefined}
  // The same plan with the provider's member counts switched off (issue 17): what the counts add.
  const providers = async (id) => {
    const p = await ctx.providers(id)
    return {...p, connect: async (options) => ({...(await p.connect(options)), audience: undefined})}
  }
  const noCounts = {...ctx, providers}
  const once = async (c = ctx) => {
    const before = (await emulator.stats()).requests
    const started = performance.now()
    const prepared = await pipeline.prepare(c)
    const run = await pipeline.plan(c, prepared)
    const ms = performance.now() - started
    await run.close()
    const stats = await emulator.stats()
    const list = stats.service.slice(before).find((r) => r.method === 'GET' && r.path === w.listPath)
    return {ms, calls: stats.requests - before, summary: run.document.summary, vendorListMs: list?.ms ?? 0}
  }
  await once() // warm-up: module loading, first connections
  const samples = []
  const withoutCounts = []
  for (let i = 0; i < runs; i++) {
    samples.push(await once())
    withoutCounts.push(await once(noCounts))
  }
  const decode = await decodeTime(emulator.url, w)
  const minimal = await minimalReads({url: emulator.url, key: w.key, workload: w, runs})
  const cli = cliOnce(repo.dir, w)
  const baseline = naive ? await naivePlan({url: emulator.url, key: w.key, names: Array.from({length: changed}, (_, k) => `Segment ${k * step}`)}) : undefined
  await emulator.close()
  repo.remove()
  work.remove()
  const counts = {ms: median(samples.map((s) => s.ms)) - median(withoutCounts.map((s) => s.ms)), calls: samples[0].calls - withoutCounts[0].calls}
  return {wall: median(samples.map((s) => s.ms)), samples, counts, baseline, vendorListMs: median(samples.map((s) => s.vendorListMs)), decodeMs: decode.ms, listBytes: decode.bytes, cli, minimal}
}

/** Issue 19's target for the managed plan: `validate` + 3 round trips, × 1.2 at most. */
export const MANAGED_TARGET = 1.2

/**
 * The plan target of issue 19: a repository that manages every remote segment (5,000 definitions,
 * `changed` of them edited) against `segsync validate` of the same files + 3 round trips. Both are
 * the built CLI, as a user runs them, alternated (medians of `runs`): what a plan adds to reading
 * and checking the files should be little more than the network's share. Beside it, the same plan
 * with the files committed in a git repository, as a team's CI runs it (the drift hint asks git
 * when each changed file was last committed).
 */
export async function managedPlanScenario({provider, segments = 5000, campaigns = 500, changed = 50, rttMs = 20, runs = 11}) {
  const managed = await managedRepo({provider, segments, campaigns, changed, rttMs})
  const {workload: w, emulator, repo} = managed
  // As a team runs it: the same files committed in a git repository, where the plan asks git
  // when each changed file was last committed (its drift hint).
  const committed = tempDir(managed.files)
  commitAll(committed.dir)
  const options = {cwd: repo.dir, env: {[w.keyEnv]: w.key}, maxBuffer: 1 << 28}
  const plan = () => timeProcess([BIN, 'plan', '--json'], {...options, allowFailure: true})
  const planInGit = () => timeProcess([BIN, 'plan', '--json'], {...options, cwd: committed.dir, allowFailure: true}).ms
  const validate = () => timeProcess([BIN, 'validate'], options).ms
  // One run of bench/baseline-managed.mjs in `mode` (none: the floor).
  const baseline = (...mode) => timeProcess([join(ROOT, 'bench', 'baseline-managed.mjs'), provider, emulator.url, w.key, ...mode], options)
  // The floor: segsync's own validation, then the fewest calls, answers only parsed (no diff, no contract check, no counts).
  const floor = () => baseline().ms
  // segsync's own reads (contract checks, mapping) on top of the same validation, nothing after them.
  const checked = () => baseline('checked').ms
  // The floor's bare reads, then the least a plan must do: compare, count the changed, write the names.
  const planned = () => baseline('planned')
  // The same, each answer held to its contract first, as segsync's rules require of any client.
  const plannedChecked = () => baseline('planned-checked')
  // The same client sending its reads before it validates the files, which design §2.2 forbids:
  // what that promise costs (little on two cores: the answers wait for the validation).
  const readsFirst = () => baseline('planned-checked-reads-first')
  const first = plan() // file system cache, and what the plan found
  const summary = JSON.parse(first.result.stdout).summary
  for (const least of [planned(), plannedChecked(), readsFirst()].map((run) => JSON.parse(run.result.stdout))) {
    if (least.changed.length !== summary.update + summary.create) throw new Error(`the minimal plan found ${least.changed.length} changes, segsync ${summary.update + summary.create}`)
  }
  validate()
  floor()
  checked()
  planInGit()
  const planMs = []
  const inGitMs = []
  const validateMs = []
  const floorMs = []
  const checkedMs = []
  const plannedMs = []
  const plannedCheckedMs = []
  const readsFirstMs = []
  for (let r = 0; r < runs; r++) {
    planMs.push(plan().ms)
    validateMs.push(validate())
    floorMs.push(floor())
    checkedMs.push(checked())
    plannedMs.push(planned().ms)
    plannedCheckedMs.push(plannedChecked().ms)
    readsFirstMs.push(readsFirst().ms)
    inGitMs.push(planInGit())
  }
  await managed.close()
  committed.remove()
  const boundMs = median(validateMs) + 3 * rttMs
  // Each round's run against the validate run right after it: this machine's speed drifts over
  // a scenario, and a round's runs see the same speed.
  const roundRatiosOf = (runsMs) => runsMs.map((ms, r) => ms / (validateMs[r] + 3 * rttMs))
  const roundRatios = roundRatiosOf(planMs)
  const checkedPlanRounds = roundRatiosOf(plannedCheckedMs)
  const readsFirstRounds = roundRatiosOf(readsFirstMs)
  const withinTarget = (ratios) => round(ratios.filter((ratio) => ratio <= MANAGED_TARGET).length / ratios.length, 2)
  return {
    provider,
    definitions: segments,
    changed,
    rttMs,
    planMs: round(median(planMs)),
    validateMs: round(median(validateMs)),
    boundMs: round(boundMs),
    // Three decimals for the figures judged against a target: 1.504 is not within 1.5.
    ratioToBound: round(median(planMs) / boundMs, 3),
    roundRatio: round(median(roundRatios), 2),
    roundRatioQuartiles: quartiles(roundRatios).map((r) => round(r, 2)),
    // The share of rounds within the target: segsync's, and the least checked client's (how
    // near the target sits to what any client that checks its answers can do on this machine).
    roundsWithinTarget: withinTarget(roundRatios),
    planRunsMs: planMs.map((ms) => round(ms)),
    validateRunsMs: validateMs.map((ms) => round(ms)),
    floorMs: round(median(floorMs)),
    floorRatioToBound: round(median(floorMs) / boundMs, 2),
    checkedReadsMs: round(median(checkedMs)),
    checkedReadsRatioToBound: round(median(checkedMs) / boundMs, 2),
    minimalPlanMs: round(median(plannedMs)),
    minimalPlanRatioToBound: round(median(plannedMs) / boundMs, 2),
    checkedPlanMs: round(median(plannedCheckedMs)),
    checkedPlanRatioToBound: round(median(plannedCheckedMs) / boundMs, 2),
    checkedPlanRoundRatio: round(median(checkedPlanRounds), 2),
    checkedPlanRoundRatioQuartiles: quartiles(checkedPlanRounds).map((r) => round(r, 2)),
    checkedPlanRoundsWithinTarget: withinTarget(checkedPlanRounds),
    // The same client with its reads sent before the validation (design §2.2 forbids it).
    readsFirstPlanMs: round(median(readsFirstMs)),
    readsFirstPlanRatioToBound: round(median(readsFirstMs) / boundMs, 2),
    readsFirstPlanRoundRatio: round(median(readsFirstRounds), 2),
    readsFirstPlanRoundsWithinTarget: withinTarget(readsFirstRounds),
    planInGitMs: round(median(inGitMs)),
    planInGitRatioToBound: round(median(inGitMs) / boundMs, 2),
    planned: summary,
  }
}

/** `git init` and one commit of everything in `dir`, with a fixed identity and date. */
function commitAll(dir) {
  const at = '2026-01-01T00:00:00Z'
  const env = {...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@segsync.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@segsync.invalid', GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at}
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'segments']]) execFileSync('git', args, {cwd: dir, env, stdio: 'ignore'})
}

/** The minimal reader (baseline-minimal.mjs), median of `runs` after one warm-up. */
async function minimalReads(options) {
  await minimalRead(options)
  const samples = []
  for (let i = 0; i < options.runs; i++) samples.push(await minimalRead(options))
  return {ms: median(samples.map((s) => s.ms)), calls: samples[0].calls}
}

/** JSON.parse of the segment list body, median of 5: what any client pays to read it. */
async function decodeTime(url, w) {
  const text = await (await fetch(url + w.listPath, {headers: w.authHeader(w.key)})).text()
  const times = Array.from({length: 5}, () => {
    const started = performance.now()
    JSON.parse(text)
    return performance.now() - started
  })
  return {ms: median(times), bytes: Buffer.byteLength(text)}
}

/** The built CLI, once, as a user runs it (process start, config, schemas, plan, JSON out). */
function cliOnce(cwd, w) {
  const nodeMs = median(Array.from({length: 3}, () => timeProcess(['-e', '0']).ms))
  timeProcess([BIN, 'plan', '--json'], {cwd, env: {[w.keyEnv]: w.key}, allowFailure: true, maxBuffer: 1 << 28}) // file system cache
  const ms = median(Array.from({length: 3}, () => timeProcess([BIN, 'plan', '--json'], {cwd, env: {[w.keyEnv]: w.key}, allowFailure: true, maxBuffer: 1 << 28}).ms))
  return {ms, nodeMs}
}
