// An emulator in its own process, as a real vendor would be: the benchmark's timings then hold
// only segsync's work. Prints its URL; answers 'stats' messages with its request log summary, and
// 'cpu' messages with the CPU time it has used so far (ms): on one machine, the vendors' work
// shares the cores with the client's.
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
