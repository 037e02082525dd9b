// An emulator in its own process, as a real vendor would be: its work is not done in segsync's
// process (on one machine it still takes the same cores: the workspaces scenario measures how
// much). Prints its URL; answers 'stats' messages with its request log summary, and 'cpu'
// messages with the CPU time its process has used so far (ms).
import {readFileSync} from 'node:fs'

const {startEmulator} = await import('../../dist/emulators/registry.js')
const [provider, seedFile, latencyMs, rateLimit] = process.argv.slice(2)
const emulator = await startEmulator(provider, {
  seed: JSON.parse(readFileSync(seedFile, 'utf8')),
  latencyMs: Number(latencyMs),
  rateLimit: rateLimit ? JSON.parse(rateLimit) : undefined,
})
process.send({url: emulator.url})
process.on('message', (message) => {
  if (message === 'stats') {
    const requests = emulator.requests
    process.send({stats: {requests: requests.length, rateLimited: requests.filter((r) => r.status === 429).length, times: requests.map((r) => r.at), service: requests.map((r) => ({method: r.method, path: r.path, ms: r.serviceMs}))}})
  }
  if (message === 'cpu') {
    const used = process.cpuUsage()
    process.send({cpuMs: (used.user + used.system) / 1000})
  }
  if (message === 'reset') emulator.requests.length = 0
})
