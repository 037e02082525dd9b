/** The pull request, repository and token `--comment` reads from the Actions environment, and Link headers. */
import {describe, expect, it} from 'vitest'
import {commentTarget, runUrl} from '../../src/github/context.js'
import {nextLink} from '../../src/github/link-header.js'
import {redact} from '../../src/util/redact.js'
import {tempRepo} from '../helpers/temp-repo.js'

function env(event: object | undefined, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const repo = tempRepo(event ? {'event.json': event} : {})
  return {GITHUB_TOKEN: 'ghs_context_token_abcdef', GITHUB_REPOSITORY: 'acme/segments', ...(event ? {GITHUB_EVENT_PATH: `${repo.dir}/event.json`} : {}), ...extra}
}

describe('commentTarget', () => {
  it('reads the pull request number and head commit from a pull_request event', async () => {
    const target = await commentTarget(env({action: 'synchronize', number: 12, pull_request: {number: 12, head: {sha: 'abc123'}}}, {GITHUB_API_URL: 'https://ghe.example.com/api/v3/'}))
    expect(target).toEqual({apiUrl: 'https://ghe.example.com/api/v3', owner: 'acme', repo: 'segments', token: 'ghs_context_token_abcdef', pullRequest: 12, headSha: 'abc123'})
  })

  it('reads an issue_comment event on a pull request, and defaults to api.github.com', async () => {
    const target = await commentTarget(env({issue: {number: 5, pull_request: {url: 'x'}}}))
    expect(target).toMatchObject({apiUrl: 'https://api.github.com', pullRequest: 5})
  })

  it('registers the token as a secret, so no output can carry it', async () => {
    await commentTarget(env({pull_request: {number: 1}}))
    expect(redact('token ghs_context_token_abcdef')).toBe('token ***')
  })

  it('refuses, with exit 64 and what to set, when something is missing', async () => {
    const push = commentTarget(env({ref: 'refs/heads/main'}))
    await expect(push).rejects.toMatchObject({exitCode: 64, message: '--comment runs on pull requests: the event at GITHUB_EVENT_PATH has no pull request number'})
    await expect(commentTarget(env({pull_request: {number: 1}}, {GITHUB_TOKEN: ''}))).rejects.toMatchObject({exitCode: 64, message: '--comment needs a GitHub token: GITHUB_TOKEN is empty'})
    await expect(commentTarget(env({pull_request: {number: 1}}, {GITHUB_REPOSITORY: 'acme'}))).rejects.toMatchObject({exitCode: 64})
    await expect(commentTarget(env(undefined))).rejects.toMatchObject({exitCode: 64, message: '--comment needs the pull request: GITHUB_EVENT_PATH is not set'})
  })
})

describe('runUrl', () => {
  it('is the run page, where the job summary is', () => {
    expect(runUrl({GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/segments', GITHUB_RUN_ID: '99'})).toBe('https://github.com/acme/segments/actions/runs/99')
    expect(runUrl({})).toBeUndefined()
  })
})

describe('nextLink', () => {
  it('finds rel="next" among the links, wherever it is', () => {
    const header = '<https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=1>; rel="prev", <https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=3>; rel="next", <https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=5>; rel="last"'
    expect(nextLink(header)).toBe('https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=3')
  })

  it('has none on the last page, and keeps commas inside a URL', () => {
    expect(nextLink('<https://x/a?page=1>; rel="first", <https://x/a?page=4>; rel="prev"')).toBeUndefined()
    expect(nextLink(null)).toBeUndefined()
    expect(nextLink('<https://x/a?labels=a,b&page=2>; rel="next"')).toBe('https://x/a?labels=a,b&page=2')
  })
})
