import {existsSync} from 'node:fs'
import {resolve} from 'node:path'
import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import {BaseCommand} from '../../cli/base-command.js'
import {emulatorIds} from '../../emulators/registry.js'
import {UsageError} from '../../errors.js'

export default class EmulatorStart extends BaseCommand {
  static override summary = "Serve a vendor's API emulator on loopback, for your own CI and demos."
  static override description = `Runs the same emulator segsync uses for endpoint: 'embedded', on 127.0.0.1. Point a workspace at it with endpoint: 'http://127.0.0.1:PORT' and any API key (unless the state lists apiKeys). State (segments, campaigns, sequences) can be seeded from a JSON file and is saved back after every write with --state. Stops on Ctrl-C.`
  static override examples = [
    '<%= config.bin %> emulator start sequenzy --port 4010',
    '<%= config.bin %> emulator start sequenzy --port 4010 --state .segsync/ci-sequenzy.json --rate-limit',
  ]
  static override args = {
    provider: Args.string({description: 'Which vendor to emulate.', required: true, options: emulatorIds}),
  }
  static override flags = {
    port: Flags.integer({char: 'p', summary: 'Port on 127.0.0.1 (0 = any free port).', default: 0, min: 0, max: 65535}),
    state: Flags.string({summary: 'JSON state file: loaded at start when it exists, saved after every write.'}),
    seed: Flags.string({summary: 'JSON state to start from when --state does not exist yet.'}),
    'rate-limit': Flags.boolean({summary: "Enforce the vendor's documented rate limit (429 with Retry-After).", default: false}),
    latency: Flags.integer({summary: 'Milliseconds added to every response (simulated network).', default: 0, min: 0}),
  }

  async run() {
    const {args, flags} = await this.parse(EmulatorStart)
    this.setup(flags)
    const [{startEmulator}, {readState}] = await Promise.all([import('../../emulators/registry.js'), import('../../emulators/shared/state-file.js')])
    const statePath = flags.state ? resolve(flags.state) : undefined
    if (flags.seed && !existsSync(resolve(flags.seed))) throw new UsageError(`seed file not found: ${flags.seed}`)
    const seed = (statePath ? readState(statePath) : undefined) ?? (flags.seed ? readState(resolve(flags.seed)) : undefined)
    const emulator = await startEmulator(args.provider as (typeof emulatorIds)[number], {seed, statePath, port: flags.port, rateLimit: flags['rate-limit'], latencyMs: flags.latency})
    this.log(`${args.provider} emulator listening on ${emulator.url}`)
    this.log(this.c.dim(`Use endpoint: '${emulator.url}' in the workspace config. ${statePath ? `State: ${statePath}.` : 'State is in memory (use --state to keep it).'} Ctrl-C stops.`))
    await new Promise<void>((done) => {
      const stop = () => done()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    await emulator.close()
    this.log('emulator stopped')
  }
}
