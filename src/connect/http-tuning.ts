/**
 * Per-request timeout and retry budget, tunable from the environment (README "Tuning"):
 * SEGSYNC_TIMEOUT_MS (30000), SEGSYNC_MAX_ATTEMPTS (5), SEGSYNC_RETRY_BASE_MS (1000),
 * SEGSYNC_RETRY_MAX_MS (30000), SEGSYNC_RETRY_AFTER_CAP_MS (60000).
 */
import {UsageError} from '../errors.js'
import type {ConnectOptions} from '../core/provider.js'

export function httpTuning(env: NodeJS.ProcessEnv): Pick<ConnectOptions, 'timeoutMs' | 'retry'> {
  const num = (name: string) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return undefined
    const value = Number(raw)
    if (!Number.isFinite(value) || value < 0) throw new UsageError(`${name} must be a non-negative number (got ${JSON.stringify(raw)})`)
    return value
  }
  const retry = {maxAttempts: num('SEGSYNC_MAX_ATTEMPTS'), baseDelayMs: num('SEGSYNC_RETRY_BASE_MS'), maxDelayMs: num('SEGSYNC_RETRY_MAX_MS'), retryAfterCapMs: num('SEGSYNC_RETRY_AFTER_CAP_MS')}
  const defined = Object.fromEntries(Object.entries(retry).filter(([, v]) => v !== undefined))
  const timeoutMs = num('SEGSYNC_TIMEOUT_MS')
  return {...(timeoutMs !== undefined ? {timeoutMs} : {}), ...(Object.keys(defined).length ? {retry: defined} : {})}
}
