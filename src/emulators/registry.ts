/**
 * Every vendor emulator, loaded lazily, with the vendor's documented rate-limit profile.
 */
import type {ProviderId} from '../generated/config.js'
import type {RateLimit} from '../http/rate-limiter.js'
import {serve, type EmulatorApp, type RunningEmulator, type ServeOptions} from './shared/server.js'

interface EmulatorEntry {
  create: () => Promise<(seed?: unknown) => EmulatorApp>
  /** The vendor's documented budget, enforced when the emulator runs with rate limiting on. */
  rateLimit?: RateLimit
  /** Prefix of a key the emulator accepts (the embedded endpoint makes one up). */
  keyPrefix: string
}

export const emulators: Record<ProviderId, EmulatorEntry> = {
  sequenzy: {
    create: () => import('./sequenzy/app.js').then((m) => m.createSequenzyApp),
    // "100 requests per minute per API key and 20 requests per second burst" (vendors.md §3.4).
    rateLimit: {perSecond: 20, perMinute: 100},
    keyPrefix: 'sk_live_',
  },
}

export const emulatorIds = Object.keys(emulators) as ProviderId[]

export interface StartEmulatorOptions extends Omit<ServeOptions, 'rateLimit'> {
  seed?: unknown
  /** true: the vendor's documented profile; an object: a custom one; false/undefined: off. */
  rateLimit?: boolean | RateLimit
}

export async function startEmulator(provider: ProviderId, options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const entry = emulators[provider]
  const create = await entry.create()
  const rateLimit = options.rateLimit === true ? entry.rateLimit : options.rateLimit || undefined
  return serve(create(options.seed), {...options, rateLimit})
}
