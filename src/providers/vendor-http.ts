import {createHttpClient, type HttpClient, type HttpClientOptions} from '../http/client.js'
import type {ConnectOptions} from './provider.js'

/**
 * The one HTTP layer, set up from what the pipeline passes every provider (origin, budget,
 * timeouts, retries, debug) plus what only the vendor knows (its name, auth headers, how its
 * errors read).
 */
export function vendorHttp(options: ConnectOptions, vendor: Pick<HttpClientOptions, 'vendor' | 'headers' | 'errorMessage' | 'bodyError'>): Promise<HttpClient> {
  return createHttpClient({
    baseUrl: options.endpoint,
    rateLimit: options.rateLimit,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    debug: options.debug,
    ...vendor,
  })
}
