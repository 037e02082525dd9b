/**
 * `npm run bench`: every scenario of issue 10 against emulators on loopback (each in its own
 * process), a table on stdout, and bench/results.json with the machine and the date.
 *   node bench/run.mjs [--only plan,apply,validate,startup,memory,workspaces] [--quick]
 * --quick shrinks every scenario (a smoke run); results.json is written only by a full run.
 */
import {writeFileSync} from 'node:fs'
import {cpus, totalmem} from 'node:os'
import {join} from 'node:path'
import {ROOT} from './lib/measure.mjs'
import {applyScenario} from './scenarios/apply.mjs'
import {memoryScenario} from './scenarios/memory.mjs'
import {MANAGED_TARGET, managedPlanScenario, planScenario} from './scenarios/plan.mjs'
import {startupScenario} from './scenarios/startup.mjs'
import {validateScenario} from './scenarios/validate.mjs'
import {workspacesScenario} from './scenarios/workspaces.mjs'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const all = ['plan', 'apply', 'validate', 'startup', 'memory', 'workspaces']
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : all
const USAGE = `usage: node bench/run.mjs [--only ${all.join(',')}] [--quick]
  --only   run these scenarios (comma-separated); a run with --only does not write results.json
  --quick  shrink every scenario: a smoke run of the bench itself, not a measurement
A full run takes 9-13 minutes on 2 cores and writes bench/results.json.`
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`)
  process.exit(0)
}
const unknown = [...args.filter((a, i) => a !== '--quick' && a !== '--only' && args[i - 1] !== '--only'), ...only.filter((name) => !all.includes(name))]
if (unknown.length > 0) {
  process.stderr.write(`bench: not known: ${unknown.join(', ')}\n${USAGE}\n`)
  process.exit(2)
}
const results = {}
const log = (line) => process.stderr.write(`${line}\n`)

if (only.includes('plan')) {
  results.plan = []
  for (const provider of ['sequenzy', 'mailglyph']) {
    log(`plan (${provider})…`)
    results.plan.push(await planScenario(quick ? {provider, segments: 500, campaigns: 50, runs: 2} : {provider}))
  }
  results.managedPlan = []
  for (const provider of ['sequenzy', 'mailglyph']) {
    log(`plan of a repository managing every segment (${provider})…`)
    results.managedPlan.push(await managedPlanScenario(quick ? {provider, segments: 500, campaigns: 50, runs: 2} : {provider}))
  }
}
if (only.includes('apply')) {
  log('apply (1,000 updates at 20 req/s, then the naive script: about 3 minutes)…')
  results.apply = await applyScenario(quick ? {updates: 40, perSecond: 20} : {})
}
if (only.includes('validate')) {
  log('validate…')
  results.validate = validateScenario(quick ? {files: 100, jsonFiles: 500, warmRuns: 2, runs: 2} : {})
}
if (only.includes('startup')) {
  log('startup…')
  results.startup = startupScenario(quick ? {runs: 3} : {})
}
if (only.includes('memory')) {
  log('memory…')
  results.memory = await memoryScenario(quick ? {segments: 1000} : {})
}
if (only.includes('workspaces')) {
  log('workspaces (10 Sequenzy accounts at 50 ms RTT: plan of all vs plan -w one)…')
  results.workspaces = await workspacesScenario(quick ? {runs: 2, ownFolderRuns: 0, cpuRuns: 1} : {})
}

/** "(met)" or "(not met)", beside each figure judged against its target (those carry three decimals: 1.504 × is not within 1.5 ×). */
const met = (ok) => (ok ? '(met)' : '(not met)')

/**
 * The managed plan's verdict. Its floor (validate, then the fewest calls) cannot take less than
 * `validate` + the round trips on a quiet machine; a floor measured under 1× means `validate` ran
 * slower than the rest of that scenario (something else took the cores), and the ratio is not
 * judged: a third full run on 2026-12-01 measured 1.111× with a floor of 0.93×.
 */
const managedVerdict = (r) => (r.floorRatioToBound < 1 ? `(not judged: the floor measured ${r.floorRatioToBound}×, under 1×, so validate ran slower than the rest of this scenario; run again)` : met(r.ratioToBound <= MANAGED_TARGET))

/** "; within the target in 36% of the rounds" (older results carry no such share). */
const within = (share) => (share === undefined ? '' : `; within the target in ${Math.round(share * 100)}% of the rounds`)

/** ", quartiles 1.2–1.3×": how far a scenario's rounds spread around their median ratio. */
const spread = (quartiles) => (quartiles ? `, quartiles ${quartiles[0]}–${quartiles[1]}×` : '')

const targets = {
  managedPlan: (r) =>
    `≤ ${MANAGED_TARGET}× (validate + 3 round trips): ${r.ratioToBound}× ${managedVerdict(r)} (median of the rounds' own ratios ${r.roundRatio}×${spread(r.roundRatioQuartiles)}${within(r.roundsWithinTarget)}); floor (validate, then the fewest calls, only parsed) ${r.floorRatioToBound}×; validate + segsync's checked reads ${r.checkedReadsRatioToBound}×; the least plan (floor + compare, counts, names out) ${r.minimalPlanRatioToBound}×; the least plan on answers checked against their contracts ${r.checkedPlanRatioToBound}×${r.checkedPlanRoundRatio ? ` (rounds ${r.checkedPlanRoundRatio}×${spread(r.checkedPlanRoundRatioQuartiles)}${within(r.checkedPlanRoundsWithinTarget)})` : ''}${r.readsFirstPlanRatioToBound ? `; the same with its reads sent before the files are validated (design §2.2 forbids it) ${r.readsFirstPlanRatioToBound}× (rounds ${r.readsFirstPlanRoundRatio}×${within(r.readsFirstPlanRoundsWithinTarget)})` : ''}; the plan in a git repository ${r.planInGitRatioToBound}×`,
  plan: (r) => `(issue 10's target, replaced by the row below) ${r.ratioToLowerBound}× the round-trip bound (the minimal reader alone: ${r.minimalReaderToBound}×; segsync / minimal reader ${r.ratioToMinimalReader}; ${r.ratioToFloor}× of the floor ${r.floorMs} ms); calls ${r.apiCalls} (minimum ${r.minimumApiCalls}, + ${r.audienceCountCalls} member counts of the changed segments)`,
  apply: (r) => `≥ 0.9 of the limit: ${r.shareOfLimit}; 429s: ${r.received429} ${met(r.shareOfLimit >= 0.9 && r.received429 === 0)}`,
  validate: (r) => `warm < 1,500 ms: ${r.warmMs} ms ${met(r.warmMs < 1500)}; ${r.jsonFiles} JSON ≤ 2.5× bare reader: ${r.ratioToBareReader}× ${met(r.ratioToBareReader <= 2.5)}`,
  startup: (r) => `--version ≤ 2× node: ${r.versionRatio}× ${met(r.versionRatio <= 2)}`,
  memory: (r) => `< 400 MB: ${r.peakRssMb} MB ${met(r.peakRssMb < 400)}`,
  workspaces: (r) => `≤ 1.5× plan -w one: ${r.ratio}× ${met(r.ratio <= 1.5)}${r.roundRatio ? ` (median of the rounds' own ratios ${r.roundRatio}×${spread(r.roundRatioQuartiles)})` : ''}${r.ownFolders ? ` (a folder each: ${r.ownFolders.ratio}×)` : ''}; floor (validate, then each account's fewest calls, only parsed) ${r.floor.ratio}×; the least plan ${r.leastPlan.ratio}×, on checked answers ${r.checkedPlan.ratio}×${r.checkedPlanEarly ? `, the same counting as soon as the list is in (segsync's order) ${r.checkedPlanEarly.ratio}×` : ''}`,
}
const rows = []
for (const r of results.plan ?? []) rows.push([`plan ${r.provider}: ${r.segments} segments, ${r.campaigns} campaigns, ${r.changed} changed, ${r.rttMs} ms RTT`, `${r.wallMs} ms (bound ${r.lowerBoundMs} ms; member counts +${r.audienceCountsMs} ms for ${r.audienceCountCalls} calls; list ${Math.round(r.listBytes / 1024)} KB: vendor ${r.vendorListMs} ms, decode ${r.decodeMs} ms; at 0 ms RTT ${r.processingMs} ms; minimal reader ${r.minimalReaderMs} ms; CLI once ${r.cliMs} ms, node ${r.nodeMs} ms${r.naiveMs ? `; naive ${r.naiveMs} ms, ratio ${r.ratioToNaive}` : ''})`, targets.plan(r)])
for (const r of results.managedPlan ?? []) rows.push([`plan ${r.provider}: ${r.definitions} definitions (${r.changed} changed) against as many segments, ${r.rttMs} ms RTT`, `${r.planMs} ms (validate ${r.validateMs} ms + 3 round trips = ${r.boundMs} ms; floor ${r.floorMs} ms; checked reads ${r.checkedReadsMs} ms; least plan ${r.minimalPlanMs} ms; least plan on checked answers ${r.checkedPlanMs} ms${r.readsFirstPlanMs ? `, its reads sent before the validation ${r.readsFirstPlanMs} ms` : ''}; in a git repository ${r.planInGitMs} ms)`, targets.managedPlan(r)])
if (results.apply) rows.push([`apply: ${results.apply.updates} updates at ${results.apply.limitPerSecond}/s`, `${results.apply.wallMs} ms (bound ${results.apply.rateLimitBoundMs} ms${results.apply.naiveMs ? `; naive ${results.apply.naiveMs} ms, ratio ${results.apply.ratioToNaive}` : ''})`, targets.apply(results.apply)])
if (results.validate) rows.push([`validate: ${results.validate.files} files (half TS)`, `cold ${results.validate.coldMs} ms, warm ${results.validate.warmMs} ms; ${results.validate.jsonFiles} JSON files ${results.validate.validateJsonMs} ms, bare reader ${results.validate.bareReaderMs} ms`, targets.validate(results.validate)])
if (results.startup) rows.push(['startup', `node ${results.startup.nodeMs} ms, --version ${results.startup.versionMs} ms, plan --help ${results.startup.planHelpMs} ms`, targets.startup(results.startup)])
if (results.memory) rows.push([`memory: plan over ${results.memory.segments} segments`, `${results.memory.peakRssMb} MB peak RSS, ${results.memory.wallMs} ms`, targets.memory(results.memory)])
if (results.workspaces) {
  const r = results.workspaces
  rows.push([`workspaces: ${r.workspaces} × (${r.segments} segments, ${r.campaigns} campaigns, ${r.changed} changed), ${r.rttMs} ms RTT`, `plan ${r.allMs} ms, plan -w one ${r.oneMs} ms; floor ${r.floor.allMs} ms vs ${r.floor.oneMs} ms; least plan on checked answers ${r.checkedPlan.allMs} ms vs ${r.checkedPlan.oneMs} ms${r.checkedPlanEarly ? `, counting as soon as the list is in ${r.checkedPlanEarly.allMs} ms vs ${r.checkedPlanEarly.oneMs} ms` : ''}${r.ownFolders ? `; a folder each: ${r.ownFolders.allMs} ms vs ${r.ownFolders.oneMs} ms` : ''}`, targets.workspaces(r)])
  if (r.cpu) {
    const cpuLine = (c) => `${c.all.clientCpuMs} ms (the emulators ${c.all.vendorsCpuMs} ms) vs ${c.one.clientCpuMs} ms (${c.one.vendorsCpuMs} ms), in ${c.all.wallMs} vs ${c.one.wallMs} ms`
    rows.push([`workspaces: CPU time, ${cpus().length} cores`, `segsync ${cpuLine(r.cpu.segsync)}; the least plan on checked answers, in segsync's order ${cpuLine(r.cpu.checkedPlanEarly)}`, `(what ten accounts cost the machine, not a target)`])
  }
}
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 8))
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join(' │ '))

if (!quick && all.every((name) => only.includes(name))) {
  const machine = {node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30)}
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify({date: new Date().toISOString(), machine, results}, null, 2) + '\n')
  log('wrote bench/results.json')
}
