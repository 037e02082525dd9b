/**
 * The least a plan of managed definitions can do: segsync's own offline checks of the files
 * (`prepare`, exactly what `segsync validate` runs), then the fewest vendor calls in their
 * dependency order (the workload's minimalRead, as in baseline-minimal.mjs), over the bare wire
 * (lib/bare-get.mjs: no limiter, retries or checks), answers only JSON.parse'd. No diff, no contract check, no member
 * counts, no plan, no output. Its wall time against `validate` + 3 round trips is the floor of the
 * managed-plan target for any client that validates as segsync does before it sends a request
 * (design.md §2.2: bad input makes no network call).
 *
 * With `checked`, the reads are segsync's own instead (the provider's client over the HTTP
 * layer: the same calls, every answer checked against its contract and mapped), still with no
 * diff, no counts, no plan and no output: what the plan adds beyond that is its own work.
 *
 * With `planned`, the floor's bare reads are followed by the least a plan must do with them
 * (lib/least-plan.mjs): each definition compared with its segment as read, one member count per
 * changed segment where the vendor counts separately (#17), and the names changed and unchanged
 * written out as JSON. No contract check, no impact, no document. It is the floor of the
 * managed-plan target for a client that plans.
 *
 * With `planned-checked`, the same, each answer first held to its contract (the precompiled
 * validators segsync's provider uses): the floor for a client that plans and, as segsync's rules
 * require, trusts no vendor answer it has not checked.
 *
 * With `planned-checked-reads-first`, the same client sends its reads before it validates the
 * files, as a client without design.md §2.2 could: what that promise costs the least checked
 * plan (the round trips it could hide behind the validation; on two cores, little of them).
 *   node bench/baseline-managed.mjs PROVIDER URL KEY [checked|planned|planned-checked|planned-checked-reads-first]   (in the repository's folder)
 */
import {bareGet} from './lib/bare-get.mjs'
import {checkedGet, leastPlan} from './lib/least-plan.mjs'
import {workloads} from './lib/workloads.mjs'

const [provider, url, key, mode] = process.argv.slice(2)
const workload = workloads[provider]
const [{prepare}, {wiring}] = await Promise.all([import('../dist/core/prepare.js'), import('../dist/connect/wiring.js')])
const early = mode === 'planned-checked-reads-first' ? startReads() : undefined
const prepared = await prepare({cwd: process.cwd(), ...wiring({env: process.env}), progress: () => undefined})
if (prepared.problems.length > 0) throw new Error(`invalid definitions: ${prepared.problems[0].message}`)

if (mode === 'checked') {
  const pw = prepared.workspaces[0]
  const ctx = wiring({env: {...process.env, [workload.keyEnv]: key}})
  const conn = await ctx.connector.open({...pw.workspace, endpoint: url}, pw.provider)
  await Promise.all([conn.client.campaignUsage(), conn.client.listSegments()])
  await conn.close()
  process.exit(0)
}

const {bare, get, read} = early ?? startReads()
const list = await read
if (mode?.startsWith('planned')) {
  const plan = await leastPlan({definitions: prepared.workspaces[0].definitions, list, workload, get})
  process.stdout.write(JSON.stringify(plan) + '\n')
}
bare.close()

/** The fewest calls, sent now: `read` resolves with the segment list once every answer is in. */
function startReads() {
  const bare = bareGet(url, workload.authHeader(key))
  const get = mode?.startsWith('planned-checked') ? checkedGet(bare.get, workload) : bare.get
  const read = workload.minimalRead(get)
  // Awaited after the validation; a failure before then must not end the process unhandled.
  read.catch(() => undefined)
  return {bare, get, read}
}
