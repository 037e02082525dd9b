/**
 * The one HTTP layer, set up from what the connector passes every provider (origin, budget,
 * timeouts, retries, debug) plus what only the vendor knows (its name, auth headers, how its
 * errors read), and the two methods every client ends with.
 */
import {createHttpClient, type HttpClient, type HttpClientOptions} from '../../http/client.js'
import type {ClientStats, ConnectOptions} from '../../core/provider.js'

export function vendorHttp(options: ConnectOptions, vendor: Pick<HttpClientOptions, 'vendor' | 'headers' | 'errorMessage' | 'bodyError'>): Promise<HttpClient> {
  return createHttpClient({
    baseUrl: options.endpoint,
    rateLimit: options.rateLimit,
    limiter: options.limiter,
    sharedReads: options.sharedReads,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    debug: options.debug,
    ...vendor,
  })
}

/** `stats` and `close` of a ProviderClient that talks through one HTTP client. */
export function lifecycle(http: HttpClient): {stats(): ClientStats; close(): Promise<void>} {
  return {stats: () => ({...http.stats}), close: () => http.close()}
}
