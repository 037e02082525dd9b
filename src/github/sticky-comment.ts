/**
 * One plan comment per pull request and workspace selection, updated in place on every push
 * (the flow of tfcmt, Atlantis and marocchino/sticky-pull-request-comment; research/ecosystem.md §7):
 * list the PR's comments page by page, following Link headers, find the one whose body starts with
 * the marker, PATCH it, or POST a new one. A 403 (a fork's read-only token) is an answer, not an error.
 */
import {GitHubError, type GitHubApi} from './api.js'
import {nextLink} from './link-header.js'

export type StickyResult =
  | {action: 'created' | 'updated' | 'unchanged'; id: number; url?: string}
  | {action: 'forbidden'; message: string}

export interface StickyComment {
  owner: string
  repo: string
  pullRequest: number
  /** `<!-- segsync:plan:all -->`: the body's first line. */
  marker: string
  body: string
}

/** Stop after this many pages (10,000 comments at 100 a page) rather than loop on a broken server. */
const MAX_PAGES = 100

interface IssueComment {
  id: number
  body?: string | null
  html_url?: string
}

export async function upsertStickyComment(api: GitHubApi, comment: StickyComment): Promise<StickyResult> {
  const repo = `/repos/${encodeURIComponent(comment.owner)}/${encodeURIComponent(comment.repo)}`
  try {
    const existing = await findComment(api, `${repo}/issues/${comment.pullRequest}/comments?per_page=100`, comment.marker)
    if (existing?.body === comment.body) return {action: 'unchanged', id: existing.id, ...(existing.html_url ? {url: existing.html_url} : {})}
    const res = existing
      ? await api.request('PATCH', `${repo}/issues/comments/${existing.id}`, {body: comment.body})
      : await api.request('POST', `${repo}/issues/${comment.pullRequest}/comments`, {body: comment.body})
    const saved = res.data as IssueComment
    return {action: existing ? 'updated' : 'created', id: saved.id, ...(saved.html_url ? {url: saved.html_url} : {})}
  } catch (error) {
    if (error instanceof GitHubError && error.status === 403) return {action: 'forbidden', message: error.message}
    throw error
  }
}

async function findComment(api: GitHubApi, firstPage: string, marker: string): Promise<IssueComment | undefined> {
  let url: string | undefined = firstPage
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const res = await api.request('GET', url)
    if (!Array.isArray(res.data)) throw new GitHubError(`GitHub answered GET ${firstPage} with something other than a list of comments`)
    const found = (res.data as IssueComment[]).find((c) => typeof c.body === 'string' && c.body.trimStart().startsWith(marker))
    if (found) return found
    url = nextLink(res.link)
    if (url && new URL(url).origin !== api.origin) throw new GitHubError(`GitHub's pagination link points outside ${api.origin} (${new URL(url).origin}); not following it with the token`)
  }
  return undefined
}
