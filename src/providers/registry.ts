/** Every provider, loaded lazily so `segsync --help` never pays for them. */
import {ConfigError} from '../errors.js'
import type {Provider, ProviderId} from './provider.js'

const loaders: Record<ProviderId, () => Promise<Provider>> = {
  sequenzy: () => import('./sequenzy/index.js').then((m) => m.sequenzy),
}

export const providerIds = Object.keys(loaders) as ProviderId[]

export async function getProvider(id: string): Promise<Provider> {
  const load = loaders[id as ProviderId]
  if (!load) throw new ConfigError(`unknown provider ${JSON.stringify(id)}; available: ${providerIds.join(', ')}`)
  return load()
}
