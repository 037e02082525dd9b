/**
 * `segsync doctor`: read-only probes of each selected workspace's live API. Connecting is the
 * first check (the key is set, the endpoint resolves); then the provider's own probes
 * (ProviderClient.doctor). Workspaces are checked at once. Nothing is written, and a failure of one
 * workspace never hides another's.
 */
import type {DoctorReport} from '../generated/doctor-report.js'
import {packageVersion} from '../util/package-root.js'
import type {Prepared, PreparedWorkspace, RunContext} from './pipeline.js'
import type {DoctorCheck} from './provider.js'
import {sayAtOnce} from './at-once.js'

export async function doctor(ctx: RunContext, prepared: Prepared): Promise<DoctorReport> {
  const all = prepared.workspaces
  sayAtOnce(ctx.progress, 'Checking', all.map((pw) => pw.workspace.name))
  // Side by side, as plan reads them (workspaces on one endpoint with one key share its request
  // budget in the connector); the report stays in config order whichever answers first.
  const workspaces = await Promise.all(all.map((pw) => checkWorkspace(ctx, pw)))
  return {version: packageVersion(), workspaces}
}

async function checkWorkspace(ctx: RunContext, {workspace: ws, provider}: PreparedWorkspace): Promise<DoctorReport['workspaces'][number]> {
  ctx.progress(`${ws.name}: checking ${provider.label}'s API (read-only)…`)
  let endpoint = ws.endpoint ?? provider.defaults.endpoint ?? '(none)'
  let checks: DoctorCheck[]
  try {
    const conn = await ctx.connector.open(ws, provider)
    endpoint = conn.endpoint
    try {
      const connected = conn.endpoint === 'embedded' ? `the embedded ${provider.label} emulator is running` : `connected to ${conn.endpoint} with the key from ${ws.apiKeyEnv ?? provider.defaults.apiKeyEnv}`
      checks = [{id: 'connect', title: 'Endpoint and key', status: 'pass', message: connected, basis: 'design.md §2.1'}, ...(await conn.client.doctor())]
    } finally {
      await conn.close()
    }
  } catch (error) {
    checks = [{id: 'connect', title: 'Endpoint and key', status: 'fail', message: error instanceof Error ? error.message : String(error), basis: 'design.md §2.1'}]
  }
  const failed = checks.filter((c) => c.status === 'fail').length
  ctx.progress(`${ws.name}: ${checks.length} check${checks.length === 1 ? '' : 's'}, ${failed === 0 ? 'none failed' : `${failed} failed`}`)
  return {name: ws.name, provider: provider.id, endpoint, checks}
}

export function doctorFailed(report: DoctorReport): boolean {
  return report.workspaces.some((w) => w.checks.some((c) => c.status === 'fail'))
}
