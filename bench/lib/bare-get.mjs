/**
 * The baselines' reads: a GET over node:http with a keep-alive agent, the answer decoded as it
 * arrives and only JSON.parse'd. No client library, no contract check, no retries. (Gathering the
 * bytes and decoding them at the end instead made the least plan 17–35 ms slower on a 2 MB list,
 * in paired runs: the least client decodes as segsync's own transport does.)
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
