/**
 * When to retry and how long to wait. Mirrors the MailGlyph SDK's documented behaviour
 * (vendors.md §1.4: 429 and 5xx, Retry-After in seconds or HTTP-date) with full jitter
 * (anchors-reliability.md §4) and a cap on what a vendor may ask us to wait.
 */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** Longest Retry-After we honour; a vendor asking for more fails fast with its ask in the message. */
  retryAfterCapMs: number
}

export const defaultRetryOptions: RetryOptions = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  retryAfterCapMs: 60_000,
}

/** Retry-After as milliseconds: integer seconds or an HTTP-date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** Full jitter: uniform in [0, min(max, base·2^attempt)]. `attempt` counts retries from 0. */
export function backoffDelay(attempt: number, options: RetryOptions, random = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt)
  return Math.floor(random() * ceiling)
}

/** Statuses worth another try. 501 means the server will never do it. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501)
}
