/**
 * The few GitHub REST calls segsync makes, through the one HTTP layer (src/http: timeout, retries
 * of idempotent calls on 429/5xx and connection errors, a POST never re-sent) with the headers
 * GitHub documents (https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api).
 * Failures become GitHubError with GitHub's own message and a hint for the workflow author.
 */
import {AmbiguousWriteError, AuthError, SegsyncError, VendorError} from '../errors.js'
import {createHttpClient, type HttpClient} from '../http/client.js'
import {packageVersion} from '../util/package-root.js'

export class GitHubError extends SegsyncError {
  constructor(
    message: string,
    readonly status?: number,
    hint?: string,
  ) {
    super(message, hint)
  }
}

export interface GitHubResponse {
  status: number
  data: unknown
  /** The Link header (pagination). */
  link?: string
}

export interface GitHubApi {
  /** The API origin: pagination links elsewhere are not followed (they would receive the token). */
  readonly origin: string
  request(method: 'GET' | 'POST' | 'PATCH', pathOrUrl: string, body?: unknown): Promise<GitHubResponse>
}

export interface GitHubApiOptions {
  timeoutMs?: number
  retries?: number
  retryDelayMs?: number
}

export function githubApi(target: {apiUrl: string; token: string}, options: GitHubApiOptions = {}): GitHubApi {
  const {timeoutMs = 30_000, retries = 2, retryDelayMs = 1_000} = options
  let http: Promise<HttpClient> | undefined
  const client = () =>
    (http ??= createHttpClient({
      baseUrl: target.apiUrl,
      vendor: 'GitHub',
      timeoutMs,
      retry: {maxAttempts: retries + 1, baseDelayMs: retryDelayMs, maxDelayMs: retryDelayMs * 4},
      connections: 4,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${target.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': `segsync/${packageVersion()}`,
      },
      errorMessage: (body) => (typeof (body as {message?: unknown})?.message === 'string' ? (body as {message: string}).message : undefined),
    }))
  return {
    origin: new URL(target.apiUrl).origin,
    async request(method, pathOrUrl, body) {
      // GITHUB_API_URL may carry a path (GitHub Enterprise Server: https://host/api/v3): append, do not resolve.
      const url = pathOrUrl.startsWith('/') ? `${target.apiUrl.replace(/\/$/, '')}${pathOrUrl}` : pathOrUrl
      const what = `${method} ${new URL(url).pathname}`
      try {
        const res = await (await client()).request({method, path: url, body})
        return {status: res.status, data: res.body, ...(res.headers.link ? {link: res.headers.link} : {})}
      } catch (error) {
        throw toGitHubError(error, what)
      }
    },
  }
}

function toGitHubError(error: unknown, what: string): unknown {
  if (error instanceof AuthError || error instanceof VendorError) {
    const body = error.body as {message?: unknown} | string | undefined
    const message = typeof body === 'object' && typeof body?.message === 'string' ? body.message : typeof body === 'string' ? body.slice(0, 200) : error.message
    return new GitHubError(`GitHub answered ${error.status} to ${what}: ${message}`, error.status, hintFor(error.status ?? 0))
  }
  if (error instanceof AmbiguousWriteError || error instanceof SegsyncError) {
    return new GitHubError(`GitHub API ${what} failed: ${error.message}`, undefined, 'Check GITHUB_API_URL and the network; rerun the job.')
  }
  return error
}

function hintFor(status: number): string | undefined {
  if (status === 401) return 'The token is missing, invalid or expired: pass GITHUB_TOKEN: ${{ github.token }} to the step.'
  if (status === 403) return 'The token may not write to this repository (a fork pull request gets a read-only token); the workflow needs permissions: pull-requests: write.'
  if (status === 404) return 'The repository or pull request is not visible to this token: check GITHUB_REPOSITORY, the event, and the token\'s access.'
  if (status >= 500) return 'GitHub had a problem; rerun the job.'
  return undefined
}
