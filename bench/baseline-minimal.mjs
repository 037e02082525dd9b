/**
 * The least any plan can do: the same minimal set of calls, in the same dependency order, with
 * nothing done to the answers but JSON.parse (over node:http with a keep-alive agent, as segsync's
 * transport does). No config, no definitions, no diff. Its wall time shows what the vendor and the
 * wire cost on this machine, whatever the client: when it alone exceeds 1.2 × the round-trip
 * bound, no client can meet it.
 */
import {Agent, get as httpGet} from 'node:http'

export async function minimalRead({url, key, workload}) {
  const agent = new Agent({keepAlive: true, maxSockets: 64})
  let calls = 0
  const get = (path) =>
    new Promise((resolve, reject) => {
      calls++
      httpGet(url + path, {agent, headers: {accept: 'application/json', ...workload.authHeader(key)}}, (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
        res.on('error', reject)
      }).on('error', reject)
    })
  const started = performance.now()
  await workload.minimalRead(get)
  const ms = performance.now() - started
  agent.destroy()
  return {ms, calls}
}
