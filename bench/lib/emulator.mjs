import {fork} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'

/** Start an emulator process seeded with `seed`; `latencyMs` is the simulated round trip. */
export async function emulatorProcess(dir, provider, seed, {latencyMs = 0, rateLimit} = {}) {
  const seedFile = join(dir, `${provider}-seed.json`)
  writeFileSync(seedFile, JSON.stringify(seed))
  const child = fork(new URL('./emulator-child.mjs', import.meta.url), [provider, seedFile, String(latencyMs), rateLimit ? JSON.stringify(rateLimit) : ''], {stdio: ['ignore', 'inherit', 'inherit', 'ipc']})
  const url = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m.url))
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)))
  })
  const ask = (message) => new Promise((resolve) => {
    child.once('message', resolve)
    child.send(message)
  })
  return {
    url,
    stats: async () => (await ask('stats')).stats,
    /** The CPU time the emulator's process has used so far, ms. */
    cpuMs: async () => (await ask('cpu')).cpuMs,
    reset: () => child.send('reset'),
    close: () => new Promise((resolve) => {
      child.once('exit', resolve)
      child.kill()
    }),
  }
}
