/**
 * The few GitHub REST calls segsync makes, with plain fetch (no Octokit): the headers GitHub
 * documents (https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api),
 * a timeout, and a short retry of idempotent calls on 5xx and connection errors. POST is never
 * retried: a comment may have been created even when the answer was lost.
 */
import {SegsyncError} from '../errors.js'
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
  const headers = {
    Accept: 'application/vnd.github+json',
    Authorization: `Bearer ${target.token}`,
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': `segsync/${packageVersion()}`,
  }
  const once = async (method: string, url: string, body: unknown): Promise<GitHubResponse> => {
    const what = `${method} ${new URL(url).pathname}`
    let res: Response
    try {
      res = await fetch(url, {
        method,
        headers: body === undefined ? headers : {...headers, 'Content-Type': 'application/json'},
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new GitHubError(`GitHub API ${what} failed: ${(error as Error).cause ?? (error as Error).message}`, undefined, 'Check GITHUB_API_URL and the network; rerun the job.')
    }
    const text = await res.text()
    const data = parseJson(text)
    if (!res.ok) {
      const message = typeof (data as {message?: unknown})?.message === 'string' ? (data as {message: string}).message : text.slice(0, 200)
      throw new GitHubError(`GitHub answered ${res.status} to ${what}: ${message}`, res.status, hintFor(res.status))
    }
    return {status: res.status, data, ...(res.headers.get('link') ? {link: res.headers.get('link')!} : {})}
  }
  return {
    origin: new URL(target.apiUrl).origin,
    async request(method, pathOrUrl, body) {
      const url = pathOrUrl.startsWith('/') ? `${target.apiUrl}${pathOrUrl}` : pathOrUrl
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(method, url, body)
        } catch (error) {
          const status = (error as GitHubError).status
          const transient = status === undefined || status >= 500
          if (method === 'POST' || !transient || attempt >= retries) throw error
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs * (attempt + 1)))
        }
      }
    },
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return text
  }
}

function hintFor(status: number): string | undefined {
  if (status === 401) return 'The token is missing, invalid or expired: pass GITHUB_TOKEN: ${{ github.token }} to the step.'
  if (status === 403) return 'The token may not write to this repository (a fork pull request gets a read-only token); the workflow needs permissions: pull-requests: write.'
  if (status === 404) return 'The repository or pull request is not visible to this token: check GITHUB_REPOSITORY, the event, and the token\'s access.'
  if (status >= 500) return 'GitHub had a problem; rerun the job.'
  return undefined
}
