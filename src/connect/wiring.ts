/**
 * What the pipeline needs from outside core, wired for a real run: the providers by id and a
 * connector reading keys and SEGSYNC_* tuning from `env`. The commands, the benchmarks and the
 * in-process reliability tests all start here.
 */
import type {Connector, ProviderLookup} from '../core/provider.js'
import {getProvider} from '../providers/registry.js'
import {connector, type ConnectorOptions} from './connector.js'

export function wiring(options: ConnectorOptions): {providers: ProviderLookup; connector: Connector} {
  return {providers: getProvider, connector: connector(options)}
}
