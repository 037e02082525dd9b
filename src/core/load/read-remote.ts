/**
 * One read of a workspace's remote segments, for the commands that only list (import, pull):
 * open the connection, say so, list, and close whatever happens.
 */
import type {RemoteSegment} from '../model.js'
import type {PreparedWorkspace, RunContext} from '../pipeline.js'

export async function readRemoteSegments(ctx: RunContext, pw: PreparedWorkspace): Promise<{remotes: RemoteSegment[]; endpoint: string}> {
  const {workspace: ws, provider} = pw
  const conn = await ctx.connector.open(ws, provider)
  try {
    ctx.progress(`${ws.name}: reading ${provider.label} segments (${conn.endpoint})…`)
    return {remotes: await conn.client.listSegments(), endpoint: conn.endpoint}
  } finally {
    await conn.close()
  }
}
