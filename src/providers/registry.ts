/** Every provider, loaded lazily so `segsync --help` never pays for them. */
import type {Provider, ProviderId} from '../core/provider.js'
import {ConfigError} from '../errors.js'

const loaders: Record<ProviderId, () => Promise<Provider>> = {
  mailglyph: () => import('./mailglyph/index.js').then((m) => m.mailglyph),
  kibamail: () => import('./kibamail/index.js').then((m) => m.kibamail),
  sequenzy: () => import('./sequenzy/index.js').then((m) => m.sequenzy),
  push0: () => import('./push0/index.js').then((m) => m.push0),
  altcraft: () => import('./altcraft/index.js').then((m) => m.altcraft),
}

export const providerIds = Object.keys(loaders) as ProviderId[]

export async function getProvider(id: string): Promise<Provider> {
  const load = loaders[id as ProviderId]
  if (!load) throw new ConfigError(`unknown provider ${JSON.stringify(id)}; available: ${providerIds.join(', ')}`)
  return load()
}
