/**
 * The least any plan can do: the same minimal set of calls, in the same dependency order, with
 * nothing done to the answers but JSON.parse (over the bare wire of lib/bare-get.mjs: segsync's
 * own HTTP/1.1 transport, nothing above it). No config, no definitions, no diff. Its wall time shows what the vendor and the
 * wire cost on this machine, whatever the client: when it alone exceeds 1.2 × the round-trip
 * bound, no client can meet it.
 */
import {bareGet} from './lib/bare-get.mjs'

export async function minimalRead({url, key, workload}) {
  const reader = bareGet(url, workload.authHeader(key))
  const started = performance.now()
  await workload.minimalRead(reader.get)
  const ms = performance.now() - started
  reader.close()
  return {ms, calls: reader.calls}
}
