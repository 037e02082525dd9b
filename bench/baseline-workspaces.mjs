/**
 * The floor of the many-workspaces scenario: segsync's own offline checks of the files (`prepare`,
 * what `segsync validate` runs, over the selected workspaces), then every selected workspace's
 * fewest calls at once (the workload's minimalRead over the bare wire, as baseline-managed.mjs does
 * for one), answers only JSON.parse'd. No contract check, diff, counts, plan or output. Its time
 * for every workspace against one shows what the vendors' answers and the wire cost on this
 * machine as accounts are added, whatever the client.
 *
 * With `--planned`, each workspace then does the least a plan must do with its answers
 * (lib/least-plan.mjs: compare, count the changed, the names out); with `--planned-checked`, each
 * answer is also held to its contract first, as segsync's rules require. These are the floors
 * for a client that plans, and for one that plans on answers it has checked. With
 * `--planned-checked-early`, the same client asks for the member counts as soon as the segment
 * list is in, while the campaign details are still on their way (segsync's order), instead of
 * after every read: one round trip less for one account.
 *   node bench/baseline-workspaces.mjs [WORKSPACE] [--planned|--planned-checked|--planned-checked-early]   (in the repository's folder; the key in its env var)
 */
import {bareGet} from './lib/bare-get.mjs'
import {checkedGet, leastPlan} from './lib/least-plan.mjs'
import {workloads} from './lib/workloads.mjs'

const [{prepare}, {wiring}] = await Promise.all([import('../dist/core/prepare.js'), import('../dist/connect/wiring.js')])
const args = process.argv.slice(2)
const mode = args.find((a) => a.startsWith('--'))?.slice(2)
const prepared = await prepare({cwd: process.cwd(), ...wiring({env: process.env}), workspace: args.find((a) => !a.startsWith('--')), progress: () => undefined})
if (prepared.problems.length > 0) throw new Error(`invalid definitions: ${prepared.problems[0].message}`)
const plans = await Promise.all(
  prepared.workspaces.map(async ({workspace, definitions}) => {
    const workload = workloads[workspace.provider]
    const reader = bareGet(workspace.endpoint, workload.authHeader(process.env[workspace.apiKeyEnv]))
    const get = mode?.startsWith('planned-checked') ? checkedGet(reader.get, workload) : reader.get
    let plan
    if (mode === 'planned-checked-early') {
      // Counted as soon as the segments are in, while the campaign details are on their way.
      const reads = workload.reads(get)
      plan = {workspace: workspace.name, ...(await leastPlan({definitions, list: await reads.list, workload, get}))}
      await reads.rest
    } else {
      const list = await workload.minimalRead(get)
      if (mode) plan = {workspace: workspace.name, ...(await leastPlan({definitions, list, workload, get}))}
    }
    reader.close()
    return plan
  }),
)
if (mode) process.stdout.write(JSON.stringify(plans) + '\n')
