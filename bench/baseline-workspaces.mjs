/**
 * The floor of the many-workspaces scenario: segsync's own offline checks of the files (`prepare`,
 * what `segsync validate` runs, over the selected workspaces), then every selected workspace's
 * fewest calls at once (the workload's minimalRead over node:http, as baseline-managed.mjs does
 * for one), answers only JSON.parse'd. No contract check, diff, counts, plan or output. Its time
 * for every workspace against one shows what the vendors' answers and the wire cost on this
 * machine as accounts are added, whatever the client.
 *   node bench/baseline-workspaces.mjs [WORKSPACE]   (in the repository's folder; the key in its env var)
 */
import {bareGet} from './lib/bare-get.mjs'
import {workloads} from './lib/workloads.mjs'

const [{prepare}, {wiring}] = await Promise.all([import('../dist/core/prepare.js'), import('../dist/connect/wiring.js')])
const prepared = await prepare({cwd: process.cwd(), ...wiring({env: process.env}), workspace: process.argv[2], progress: () => undefined})
if (prepared.problems.length > 0) throw new Error(`invalid definitions: ${prepared.problems[0].message}`)
await Promise.all(
  prepared.workspaces.map(async ({workspace}) => {
    const workload = workloads[workspace.provider]
    const reader = bareGet(workspace.endpoint, workload.authHeader(process.env[workspace.apiKeyEnv]))
    await workload.minimalRead(reader.get)
    reader.close()
  }),
)
