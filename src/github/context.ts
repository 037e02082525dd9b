/**
 * What `segsync plan --comment` needs from the GitHub Actions environment: the API, the repository,
 * the token and the pull request (its number from the event payload at GITHUB_EVENT_PATH).
 * Checked before the vendor is read, so a misconfigured workflow fails fast.
 */
import {readFile} from 'node:fs/promises'
import {UsageError} from '../errors.js'
import type {SourceLinks} from '../render/markdown/source-link.js'
import {registerSecret} from '../util/redact.js'

export interface CommentTarget {
  /** GITHUB_API_URL (GitHub Enterprise Server has its own), without a trailing slash. */
  apiUrl: string
  owner: string
  repo: string
  token: string
  pullRequest: number
  /** The pull request's head commit, for the comment footer. */
  headSha?: string
}

const WORKFLOW_HINT = 'In the workflow step: env: {GITHUB_TOKEN: ${{ github.token }}}, and permissions: {pull-requests: write} (see .github/workflows/segsync-plan.yml).'

export async function commentTarget(env: NodeJS.ProcessEnv): Promise<CommentTarget> {
  const token = env.GITHUB_TOKEN
  if (!token) throw new UsageError('--comment needs a GitHub token: GITHUB_TOKEN is empty', WORKFLOW_HINT)
  registerSecret(token)
  const [owner, repo, ...extra] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo || extra.length > 0) throw new UsageError(`--comment needs GITHUB_REPOSITORY as owner/name (got ${JSON.stringify(env.GITHUB_REPOSITORY ?? '')})`, 'GitHub Actions sets it; elsewhere export GITHUB_REPOSITORY=owner/name.')
  const event = await readEvent(env.GITHUB_EVENT_PATH)
  return {apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''), owner, repo, token, ...event}
}

/**
 * Where the definitions are on GitHub in a pull request: blob URLs at its head commit (the commit
 * the author pushed, not the merge commit the workflow checks out, whose sha no one has seen),
 * on GITHUB_SERVER_URL (GitHub Enterprise Server has its own). Undefined outside a pull request.
 */
export function sourceLinks(env: NodeJS.ProcessEnv, headSha: string | undefined, pathPrefix: string): SourceLinks | undefined {
  const repository = env.GITHUB_REPOSITORY ?? ''
  if (!headSha || !/^[0-9a-f]{7,64}$/i.test(headSha) || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return undefined
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  return {blob: `${server}/${repository}/blob/${headSha}`, pathPrefix}
}

/** The pull request's head commit from the event at GITHUB_EVENT_PATH, or undefined when the run is not for a pull request. */
export async function pullRequestHead(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (!env.GITHUB_EVENT_PATH) return undefined
  try {
    const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as {pull_request?: {head?: {sha?: unknown}}}
    const sha = payload.pull_request?.head?.sha
    return typeof sha === 'string' ? sha : undefined
  } catch {
    return undefined
  }
}

async function readEvent(path: string | undefined): Promise<{pullRequest: number; headSha?: string}> {
  if (!path) throw new UsageError('--comment needs the pull request: GITHUB_EVENT_PATH is not set', 'Run it in a workflow triggered by pull_request.')
  let payload: {pull_request?: {number?: unknown; head?: {sha?: unknown}}; issue?: {number?: unknown; pull_request?: unknown}}
  try {
    payload = JSON.parse(await readFile(path, 'utf8')) as typeof payload
  } catch (error) {
    throw new UsageError(`--comment cannot read the event payload at GITHUB_EVENT_PATH (${path}): ${(error as Error).message}`)
  }
  // pull_request events carry pull_request.number; issue_comment events on a PR carry issue.number.
  const number = payload.pull_request?.number ?? (payload.issue?.pull_request ? payload.issue.number : undefined)
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
    throw new UsageError('--comment runs on pull requests: the event at GITHUB_EVENT_PATH has no pull request number', 'Trigger the workflow on pull_request, or drop --comment (the plan still goes to the job summary).')
  }
  const sha = payload.pull_request?.head?.sha
  return {pullRequest: number, ...(typeof sha === 'string' ? {headSha: sha} : {})}
}

/** The URL of this workflow run (whose page shows the job summary), when the runner says where it is. */
export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const {GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id} = env
  return server && repo && id ? `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${id}` : undefined
}
