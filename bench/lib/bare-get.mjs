/**
 * The baselines' reads: a GET over node:http with a keep-alive agent, the answer only
 * JSON.parse'd. No client library, no contract check, no retries.
 */
import {Agent, get as httpGet} from 'node:http'

/** `get(path)` for the origin `url`, sending `headers`; `close()` ends its sockets. `calls` counts the GETs. */
export function bareGet(url, headers) {
  const agent = new Agent({keepAlive: true, maxSockets: 64})
  const reader = {
    calls: 0,
    get: (path) =>
      new Promise((resolve, reject) => {
        reader.calls++
        httpGet(url + path, {agent, headers: {accept: 'application/json', ...headers}}, (res) => {
          const chunks = []
          res.on('data', (c) => chunks.push(c))
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
          res.on('error', reject)
        }).on('error', reject)
      }),
    close: () => agent.destroy(),
  }
  return reader
}
