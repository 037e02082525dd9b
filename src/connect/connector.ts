/**
 * The connector the commands hand the pipeline: for each workspace, the vendor's origin and the
 * key from its env var (registered as a secret, so no output can carry it), or the embedded
 * emulator started in this process; then the provider's client, with the HTTP layer tuned from
 * SEGSYNC_* variables; workspaces on the same endpoint with the same key share one request budget
 * (shared-budgets.ts). Heavy modules (the HTTP layer, the emulators) load only when used.
 */
import type {Connection, Connector} from '../core/provider.js'
import {registerSecret} from '../util/redact.js'
import {resolveEndpoint} from './endpoint.js'
import {httpTuning} from './http-tuning.js'
import {sharedBudgets, sharedReads} from './shared-budgets.js'

export interface ConnectorOptions {
  env: NodeJS.ProcessEnv
  /** Every HTTP request and response, redacted (--debug). */
  debug?: (line: string) => void
  /** Progress lines (stderr): here, when the vendor's request budget makes reads or writes wait long. */
  progress?: (line: string) => void
}

export function connector({env, debug, progress}: ConnectorOptions): Connector {
  // Workspaces open at the same time; those on one endpoint with one key share its budget.
  const budgetFor = sharedBudgets(progress)
  const readsFor = sharedReads()
  return {
    warm() {
      // Loading a module is not a network call: invalid definitions still send nothing.
      void import('../http/client.js')
    },
    async open(ws, provider): Promise<Connection> {
      const tuning = httpTuning(env)
      if (ws.endpoint === 'embedded') {
        const {startEmbedded} = await import('../emulators/embedded.js')
        const embedded = await startEmbedded(ws)
        registerSecret(embedded.apiKey)
        try {
          const client = await provider.connect({endpoint: embedded.endpoint, apiKey: embedded.apiKey, rateLimit: ws.rateLimit, debug, ...tuning})
          return {
            client,
            endpoint: 'embedded',
            close: async () => {
              await client.close()
              await embedded.emulator.close()
            },
          }
        } catch (error) {
          await embedded.emulator.close()
          throw error
        }
      }
      const {endpoint, apiKey} = resolveEndpoint(ws, provider, env)
      registerSecret(apiKey)
      const rateLimit = ws.rateLimit ?? provider.defaults.rateLimit
      const client = await provider.connect({endpoint, apiKey, rateLimit, limiter: budgetFor(endpoint, apiKey, rateLimit, provider.label), sharedReads: readsFor(endpoint, apiKey), debug, ...tuning})
      return {client, endpoint, close: () => client.close()}
    },
  }
}
