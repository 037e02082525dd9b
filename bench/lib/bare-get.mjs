/**
 * The baselines' reads: a GET over the cheapest wire known here, segsync's own HTTP/1.1
 * transport (dist/http/transport.js: a keep-alive socket per request under way, the answer
 * decoded as it arrives) with nothing of its HTTP layer above it (no rate limiter, retries,
 * redaction or contract check), the answer only JSON.parse'd. It costs about two thirds of a
 * node:http GET's CPU (3,000 GETs to a local server at concurrency 10: 116–135 against 194–206
 * µs), so a baseline over it is the lower floor.
 * `SEGSYNC_BENCH_WIRE=node` reads over node:http with a keep-alive agent instead, as the
 * baselines did before segsync had its own wire. (Gathering the bytes and decoding them at the
 * end instead made the least plan 17–35 ms slower on a 2 MB list, in paired runs.)
 */
import {Agent, get as httpGet} from 'node:http'
import {createTransport} from '../../dist/http/transport.js'

/** `get(path)` for the origin `url`, sending `headers`; `close()` ends its sockets. `calls` counts the GETs. */
export function bareGet(url, headers) {
  return process.env.SEGSYNC_BENCH_WIRE === 'node' ? nodeGet(url, headers) : wireGet(url, headers)
}

function wireGet(url, headers) {
  const wire = createTransport({connections: 64, timeoutMs: 30_000, keepAliveMs: 4_000})
  const reader = {
    calls: 0,
    get: async (path) => {
      reader.calls++
      const res = await wire.send(new URL(url + path), {method: 'GET', headers: {accept: 'application/json', ...headers}})
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`)
      return JSON.parse(res.text)
    },
    close: () => void wire.close(),
  }
  return reader
}

function nodeGet(url, headers) {
  const agent = new Agent({keepAlive: true, maxSockets: 64})
  const reader = {
    calls: 0,
    get: (path) =>
      new Promise((resolve, reject) => {
        reader.calls++
        httpGet(url + path, {agent, headers: {accept: 'application/json', ...headers}}, (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (piece) => (text += piece))
          res.on('end', () => resolve(JSON.parse(text)))
          res.on('error', reject)
        }).on('error', reject)
      }),
    close: () => agent.destroy(),
  }
  return reader
}
