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
  mailglyph: {
    create: () => import('./mailglyph/app.js').then((m) => m.createMailGlyphApp),
    // No rate limit is documented (vendors.md §1.4): 429 + Retry-After only under an injected limit.
    keyPrefix: 'sk_',
  },
  kibamail: {
    create: () => import('./kibamail/app.js').then((m) => m.createKibamailApp),
    // "1000 requests per minute per API key", "Burst Limit: 100 requests per second" (vendors.md §2.4).
    rateLimit: {perSecond: 100, perMinute: 1000},
    keyPrefix: 'kb_',
  },
  sequenzy: {
    create: () => import('./sequenzy/app.js').then((m) => m.createSequenzyApp),
    // "100 requests per minute per API key and 20 requests per second burst" (vendors.md §3.4).
    rateLimit: {perSecond: 20, perMinute: 100},
    keyPrefix: 'sk_live_',
  },
  push0: {
    create: () => import('./push0/app.js').then((m) => m.createPush0App),
    // No rate limit is documented (vendors.md §4.2), so no profile. Key format undocumented too.
    keyPrefix: 'push0_',
  },
  altcraft: {
    create: () => import('./altcraft/app.js').then((m) => m.createAltcraftApp),
    // No rate limit is documented (vendors.md §5.2): 429 only when injected (faults) or under a custom limit.
    // Tokens are opaque strings without a prefix.
    keyPrefix: '',
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
