/** The sticky plan comment against a local fake of the GitHub API: create, update in place, pagination, 403. */
import {describe, expect, it} from 'vitest'
import {githubApi, GitHubError} from '../../src/github/api.js'
import {upsertStickyComment} from '../../src/github/sticky-comment.js'
import {fakeGitHub, GITHUB_TOKEN} from '../helpers/fake-github.js'

const MARKER = '<!-- segsync:plan:all -->'
const body = (text: string) => `${MARKER}\n## segsync plan: ${text}\n`
const target = {owner: 'acme', repo: 'segments', pullRequest: 7, marker: MARKER}

async function setup(options: {readOnly?: boolean} = {}) {
  const github = await fakeGitHub(options)
  const api = githubApi({apiUrl: github.url, token: GITHUB_TOKEN}, {retryDelayMs: 1})
  return {github, api}
}

describe('upsertStickyComment', () => {
  it('creates the comment when the pull request has none, with the documented headers', async () => {
    const {github, api} = await setup()
    github.seed(7, ['LGTM', 'Please check the Spring sale audience'])
    const result = await upsertStickyComment(api, {...target, body: body('1 to create')})
    expect(result).toMatchObject({action: 'created', url: expect.stringMatching(/^https:\/\/github\.com\/acme\/segments\/pull\/7#issuecomment-\d+$/)})
    expect(github.comments.get(7)!.map((c) => c.body)).toEqual(['LGTM', 'Please check the Spring sale audience', body('1 to create')])
    const post = github.writes()[0]!
    expect([post.method, post.path]).toEqual(['POST', '/repos/acme/segments/issues/7/comments'])
    expect(post.headers).toMatchObject({authorization: `Bearer ${GITHUB_TOKEN}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28'})
    expect(post.headers['user-agent']).toMatch(/^segsync\//)
  })

  it('updates its own comment in place on the next push, leaving the others alone', async () => {
    const {github, api} = await setup()
    const first = await upsertStickyComment(api, {...target, body: body('1 to create')})
    github.seed(7, ['A reviewer quoting it:\n> <!-- segsync:plan:all -->'])
    const second = await upsertStickyComment(api, {...target, body: body('2 to create')})
    expect(second).toMatchObject({action: 'updated', id: (first as {id: number}).id})
    expect(github.comments.get(7)!.map((c) => c.body)).toEqual([body('2 to create'), 'A reviewer quoting it:\n> <!-- segsync:plan:all -->'])
    expect(github.writes().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /repos/acme/segments/issues/7/comments', `PATCH /repos/acme/segments/issues/comments/${(first as {id: number}).id}`])
  })

  it('writes nothing when the plan did not change', async () => {
    const {github, api} = await setup()
    await upsertStickyComment(api, {...target, body: body('same')})
    expect(await upsertStickyComment(api, {...target, body: body('same')})).toMatchObject({action: 'unchanged'})
    expect(github.writes()).toHaveLength(1)
  })

  it('follows the Link header through every page to find its comment (no duplicate on busy pull requests)', async () => {
    const {github, api} = await setup()
    github.seed(7, Array.from({length: 230}, (_, i) => `comment ${i}`))
    const [mine] = github.seed(7, [body('old')], {login: 'github-actions[bot]', type: 'Bot'})
    github.seed(7, Array.from({length: 20}, (_, i) => `later ${i}`))
    const result = await upsertStickyComment(api, {...target, body: body('new')})
    expect(result).toMatchObject({action: 'updated', id: mine!.id})
    const gets = github.requests.filter((r) => r.method === 'GET').map((r) => `${r.path}?page=${r.query.page ?? 1}&per_page=${r.query.per_page}`)
    expect(gets).toEqual(['/repos/acme/segments/issues/7/comments?page=1&per_page=100', '/repositories/4242/issues/7/comments?page=2&per_page=100', '/repositories/4242/issues/7/comments?page=3&per_page=100'])
    expect(github.comments.get(7)).toHaveLength(251)
    expect(github.comments.get(7)![230]!.body).toBe(body('new'))
  })

  it('tells another workspace selection’s comment apart', async () => {
    const {github, api} = await setup()
    github.seed(7, ['<!-- segsync:plan:production -->\n## segsync plan'])
    const result = await upsertStickyComment(api, {...target, marker: '<!-- segsync:plan:prod -->', body: '<!-- segsync:plan:prod -->\nplan'})
    expect(result.action).toBe('created')
    expect(github.comments.get(7)).toHaveLength(2)
  })

  it('answers forbidden, instead of failing, when the token is read-only (a fork pull request)', async () => {
    const {github, api} = await setup({readOnly: true})
    const result = await upsertStickyComment(api, {...target, body: body('1 to create')})
    expect(result).toEqual({action: 'forbidden', message: 'GitHub answered 403 to POST /repos/acme/segments/issues/7/comments: Resource not accessible by integration'})
    expect(github.comments.get(7)).toBeUndefined()
  })

  it('fails with the reason on other errors, and retries reads through a 502', async () => {
    const {github, api} = await setup()
    github.failNext(502)
    expect((await upsertStickyComment(api, {...target, body: body('x')})).action).toBe('created')
    expect(github.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST'])

    const wrongToken = githubApi({apiUrl: github.url, token: 'ghs_wrong_token_123'}, {retryDelayMs: 1})
    const error = await upsertStickyComment(wrongToken, {...target, body: body('x')}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitHubError)
    expect(error).toMatchObject({status: 401, message: 'GitHub answered 401 to GET /repos/acme/segments/issues/7/comments: Bad credentials', exitCode: 1})
  })

  it('refuses a body over the limit the way GitHub does (the renderer keeps under it)', async () => {
    const {api} = await setup()
    const error = await upsertStickyComment(api, {...target, body: body('x'.repeat(70_000))}).catch((e: unknown) => e)
    expect(error).toMatchObject({status: 422, message: expect.stringContaining('Validation Failed')})
  })
})
