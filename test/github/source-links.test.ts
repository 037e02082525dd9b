/**
 * Each change links its definition file at the pull request's head commit and line; outside a pull
 * request (no head commit, no repository) the path stays plain text.
 */
import {describe, expect, it} from 'vitest'
import {pullRequestHead, sourceLinks} from '../../src/github/context.js'
import {renderPlanMarkdown} from '../../src/render/markdown.js'
import {blobUrl, sourceText} from '../../src/render/markdown/source-link.js'
import {change, demoPlan, planOf, workspace} from '../helpers/plan-document.js'
import {textsOf, toHtml} from '../helpers/render-html.js'
import {tempRepo} from '../helpers/temp-repo.js'

const HEAD = '5f3e2d1c0b9a8f7e6d5c4b3a2918f7e6d5c4b3a2'
const ENV = {GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/segments'}

describe('sourceLinks', () => {
  it('points at the blob of the head commit, on GitHub Enterprise Server too', () => {
    expect(sourceLinks(ENV, HEAD, '')).toEqual({blob: `https://github.com/acme/segments/blob/${HEAD}`, pathPrefix: ''})
    expect(sourceLinks({GITHUB_SERVER_URL: 'https://ghe.acme.test/', GITHUB_REPOSITORY: 'mkt/segments'}, HEAD, 'infra')).toEqual({blob: `https://ghe.acme.test/mkt/segments/blob/${HEAD}`, pathPrefix: 'infra'})
    expect(sourceLinks({GITHUB_REPOSITORY: 'acme/segments'}, HEAD, '')?.blob).toBe(`https://github.com/acme/segments/blob/${HEAD}`)
  })

  it('is undefined without a pull request head or a repository, or with values that are not a sha and an owner/name', () => {
    expect(sourceLinks(ENV, undefined, '')).toBeUndefined()
    expect(sourceLinks({}, HEAD, '')).toBeUndefined()
    expect(sourceLinks(ENV, 'main', '')).toBeUndefined()
    expect(sourceLinks({GITHUB_REPOSITORY: 'acme/segments/../../evil'}, HEAD, '')).toBeUndefined()
  })
})

describe('pullRequestHead', () => {
  it("reads the pull request's head sha from the event, and nothing from a push or a missing event", async () => {
    const repo = tempRepo({'pr.json': {pull_request: {number: 3, head: {sha: HEAD}}}, 'push.json': {ref: 'refs/heads/main', head_commit: {id: HEAD}}, 'bad.json': '{not json'})
    expect(await pullRequestHead({GITHUB_EVENT_PATH: `${repo.dir}/pr.json`})).toBe(HEAD)
    expect(await pullRequestHead({GITHUB_EVENT_PATH: `${repo.dir}/push.json`})).toBeUndefined()
    expect(await pullRequestHead({GITHUB_EVENT_PATH: `${repo.dir}/bad.json`})).toBeUndefined()
    expect(await pullRequestHead({GITHUB_EVENT_PATH: `${repo.dir}/missing.json`})).toBeUndefined()
    expect(await pullRequestHead({})).toBeUndefined()
  })
})

describe('a definition file as a link', () => {
  const links = sourceLinks(ENV, HEAD, 'marketing')!

  it('links the file and line under the working directory, and the file alone without a line', () => {
    expect(blobUrl({file: 'segments/vip.json', line: 7, column: 3}, links)).toBe(`https://github.com/acme/segments/blob/${HEAD}/marketing/segments/vip.json#L7`)
    expect(blobUrl({file: 'segments/vip.ts'}, links)).toBe(`https://github.com/acme/segments/blob/${HEAD}/marketing/segments/vip.ts`)
  })

  it('percent-encodes names that could end the link, and links nothing outside the repository', () => {
    expect(blobUrl({file: 'segments/a (b) [c] #d ü.json', line: 2}, links)).toBe(`https://github.com/acme/segments/blob/${HEAD}/marketing/segments/a%20%28b%29%20%5Bc%5D%20%23d%20%C3%BC.json#L2`)
    expect(blobUrl({file: '../../etc/passwd'}, links)).toBeUndefined()
    expect(sourceText({file: '../../etc/passwd', line: 1}, links)).toBe('`../../etc/passwd:1`')
  })

  it('renders as one link whose text is the path and line', () => {
    const html = toHtml(sourceText({file: 'segments/a (b) [c].json', line: 2}, links))
    expect(html).toContain(`<a href="https://github.com/acme/segments/blob/${HEAD}/marketing/segments/a%20%28b%29%20%5Bc%5D.json#L2">`)
    expect(textsOf(html, 'a')).toEqual(['segments/a (b) [c].json:2'])
  })
})

describe('the plan comment', () => {
  it('links every change with a definition file at the head commit, and keeps plain paths without links', () => {
    const linked = renderPlanMarkdown(demoPlan(), {links: sourceLinks(ENV, HEAD, '')!})
    expect(linked).toContain(`[\`segments/active-non-buyers.json:3\`](https://github.com/acme/segments/blob/${HEAD}/segments/active-non-buyers.json#L3)`)
    expect(linked).toContain(`[\`segments/paying-customers.ts\`](https://github.com/acme/segments/blob/${HEAD}/segments/paying-customers.ts)`)
    const plain = renderPlanMarkdown(demoPlan())
    expect(plain).toContain('`segments/active-non-buyers.json:3` · id')
    expect(plain).not.toContain('/blob/')
  })

  it('says so for a change without a definition file (a prune)', () => {
    const md = renderPlanMarkdown(planOf(workspace('production', [change('delete', 'Orphan', {source: undefined, reason: 'prune'})])), {links: sourceLinks(ENV, HEAD, '')!})
    expect(md).toContain('no definition file · id')
    expect(md).not.toContain('/blob/')
  })
})
