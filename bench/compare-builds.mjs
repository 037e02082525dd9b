#!/usr/bin/env node
/**
 * Two builds of segsync, paired, on issue 19's plan scenarios: the managed plan (5,000 definitions
 * against 5,000 remote segments, 20 ms RTT; Sequenzy and MailGlyph) and ten workspaces (ten
 * Sequenzy accounts at 50 ms RTT, all against `-w` one). Each round runs both builds back to back
 * on the same emulators, in alternating order, so what the machine's speed does to one it does to
 * the other. On a machine whose speed wanders by more than a change takes out (a full
 * `npm run bench` moved a ratio by 0.1 between runs of one build), this is how a change is
 * measured; the full bench then says where the targets stand.
 *
 *   node bench/compare-builds.mjs OLD NEW [--rounds 15] [--only managed,workspaces] [--json]
 *
 * OLD and NEW are folders holding a built segsync (bin/run.js, dist/ and node_modules, as
 * `npm ci && npm run build` leave them), for example a `git worktree add /tmp/old <commit>` of the
 * commit before a change. For each build: the median wall times, the ratio the bench judges
 * (managed: plan / (validate + 3 round trips); workspaces: all / one) and the median of the
 * rounds' own ratios; then the paired difference NEW − OLD: its median, its quartiles, and in how
 * many rounds NEW was quicker.
 */
import {existsSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {managedRepo, sequenzyAccounts} from './lib/repos.mjs'
import {median, quartiles, round, timeProcess} from './lib/measure.mjs'

const USAGE = 'usage: node bench/compare-builds.mjs OLD NEW [--rounds 15] [--only managed,workspaces] [--json]'

const args = process.argv.slice(2)
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const folders = args.filter((a, i) => !a.startsWith('--') && !['--rounds', '--only'].includes(args[i - 1]))
if (folders.length !== 2 || args.includes('--help')) fail(USAGE)
const builds = folders.map((folder) => {
  const bin = join(resolve(folder), 'bin', 'run.js')
  if (!existsSync(bin) || !existsSync(join(resolve(folder), 'dist', 'cli', 'fast-path.js'))) fail(`${folder}: no built segsync there (bin/run.js and dist/); run npm ci && npm run build in it first.\n${USAGE}`)
  return bin
})
const rounds = Number(option('--rounds') ?? 15)
if (!Number.isInteger(rounds) || rounds < 3) fail(`--rounds takes a whole number of at least 3.\n${USAGE}`)
const only = (option('--only') ?? 'managed,workspaces').split(',')
const unknown = only.filter((s) => !['managed', 'workspaces'].includes(s))
if (unknown.length > 0) fail(`--only takes managed and/or workspaces, not ${unknown.join(', ')}.\n${USAGE}`)
const log = (line) => process.stderr.write(`${line}\n`)
/** The managed plans' round trip (the bench's). */
const RTT_MS = 20

const results = {}
if (only.includes('managed')) {
  for (const provider of ['sequenzy', 'mailglyph']) {
    log(`managed plan (${provider}): ${rounds} rounds of plan and validate, each build…`)
    const managed = await managedRepo({provider, rttMs: RTT_MS})
    const run = (bin, args) => timeProcess([bin, ...args], {cwd: managed.repo.dir, env: managed.env, maxBuffer: 1 << 28, allowFailure: args[0] === 'plan'}).ms
    const samples = paired(rounds, (bin) => ({plan: run(bin, ['plan', '--json']), validate: run(bin, ['validate'])}))
    await managed.close()
    const bound = (s) => s.validate + 3 * RTT_MS
    results[`managed-${provider}`] = summary(samples, (s) => s.plan, (all) => median(all.map((s) => s.plan)) / median(all.map(bound)), (s) => s.plan / bound(s), 'plan / (validate + 3 round trips)')
  }
}
if (only.includes('workspaces')) {
  log(`ten workspaces: ${rounds} rounds of plan and plan -w one, each build…`)
  const accounts = await sequenzyAccounts()
  const repo = accounts.repo(false)
  const run = (bin, args) => timeProcess([bin, 'plan', ...args], {cwd: repo.dir, env: accounts.env, maxBuffer: 1 << 26}).ms
  const samples = paired(rounds, (bin) => ({all: run(bin, []), one: run(bin, ['-w', accounts.names[0]])}))
  repo.remove()
  await accounts.close()
  results.workspaces = summary(samples, (s) => s.all, (all) => median(all.map((s) => s.all)) / median(all.map((s) => s.one)), (s) => s.all / s.one, 'all / one')
}

if (args.includes('--json')) process.stdout.write(JSON.stringify({old: folders[0], new: folders[1], rounds, results}, null, 2) + '\n')
else {
  for (const [name, r] of Object.entries(results)) {
    process.stdout.write(`${name} (${r.judged}):\n`)
    process.stdout.write(`  old: ${r.old.ms} ms, ratio ${r.old.ratio} (rounds' median ${r.old.roundRatio})\n`)
    process.stdout.write(`  new: ${r.new.ms} ms, ratio ${r.new.ratio} (rounds' median ${r.new.roundRatio})\n`)
    process.stdout.write(`  new − old, paired: median ${r.paired.medianMs} ms (quartiles ${r.paired.q1Ms} … ${r.paired.q3Ms}), new quicker in ${r.paired.newQuicker} of ${rounds} rounds\n`)
  }
}

/** `measure(bin)` for the old and the new build in every round, in alternating order. */
function paired(n, measure) {
  const out = {old: [], new: []}
  for (let i = 0; i < n; i++) {
    const order = i % 2 ? ['new', 'old'] : ['old', 'new']
    for (const which of order) out[which].push(measure(builds[which === 'old' ? 0 : 1]))
  }
  return out
}

/** Medians, the judged ratio and the rounds' median ratio of each build, and the paired difference of the headline time. */
function summary(samples, headline, ratio, roundRatio, judged) {
  const of = (list) => ({ms: round(median(list.map(headline))), ratio: round(ratio(list), 3), roundRatio: round(median(list.map(roundRatio)), 3)})
  const diffs = samples.new.map((s, i) => headline(s) - headline(samples.old[i]))
  const [q1, q3] = quartiles(diffs)
  return {judged, old: of(samples.old), new: of(samples.new), paired: {medianMs: round(median(diffs)), q1Ms: round(q1), q3Ms: round(q3), newQuicker: diffs.filter((d) => d < 0).length}}
}

function fail(message) {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}
