/**
 * The least any plan can do: the same minimal set of calls, in the same dependency order, with
 * nothing done to the answers but JSON.parse (undici, as segsync uses it). No config, no
 * definitions, no diff. Its wall time shows what the vendor and the wire cost on this machine,
 * whatever the client: when it alone exceeds 1.2 × the round-trip bound, no client can meet it.
 */
import {Agent, request} from 'undici'

export async function minimalRead({url, key, workload}) {
  const agent = new Agent({connections: 64})
  let calls = 0
  const get = async (path) => {
    calls++
    const res = await request(url + path, {dispatcher: agent, headers: {accept: 'application/json', ...workload.authHeader(key)}})
    return JSON.parse(await res.body.text())
  }
  const started = performance.now()
  await workload.minimalRead(get)
  const ms = performance.now() - started
  await agent.close()
  return {ms, calls}
}
