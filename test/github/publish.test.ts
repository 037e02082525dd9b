/** Where a plan goes in GitHub Actions: the sticky comment, the job summary, annotations; the 403 fallback. */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import type {CommentTarget} from '../../src/github/context.js'
import {commentMarker, publishPlan} from '../../src/github/publish.js'
import {registerSecret} from '../../src/util/redact.js'
import {fakeGitHub, GITHUB_TOKEN} from '../helpers/fake-github.js'
import {change, demoPlan, planOf, workspace} from '../helpers/plan-document.js'
import {tempRepo} from '../helpers/temp-repo.js'

function run(github: {url: string}, extraEnv: Record<string, string> = {}, options: {comment?: boolean; workspace?: string} = {comment: true}) {
  const repo = tempRepo({'summary.md': ''})
  const output = {annotations: '', progress: [] as string[], warnings: [] as string[]}
  const target: CommentTarget = {apiUrl: github.url, owner: 'acme', repo: 'segments', token: GITHUB_TOKEN, pullRequest: 7, headSha: '5f3e2d1c0b9a8f7e'}
  const env = {GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: `${repo.dir}/summary.md`, GITHUB_WORKSPACE: repo.dir, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/segments', GITHUB_RUN_ID: '99', ...extraEnv}
  const publish = (plan = demoPlan()) =>
    publishPlan(plan, {
      env,
      cwd: repo.dir,
      ...(options.workspace ? {workspace: options.workspace} : {}),
      ...(options.comment ? {target} : {}),
      annotations: {write: (text: string) => (output.annotations += text)},
      progress: (line) => output.progress.push(line),
      warn: (line) => output.warnings.push(line),
      api: {retryDelayMs: 1},
    })
  return {publish, output, summary: () => readFileSync(`${repo.dir}/summary.md`, 'utf8')}
}

describe('publishPlan in GitHub Actions', () => {
  it('posts the comment, appends the job summary and prints the annotations', async () => {
    const github = await fakeGitHub()
    const {publish, output, summary} = run(github, {}, {comment: true, workspace: 'production'})
    const result = await publish()
    expect(result).toMatchObject({comment: {action: 'created'}, summary: true})
    const [comment] = github.comments.get(7)!
    expect(comment!.body.startsWith(`${commentMarker('production')}\n\n## segsync plan: 1 to create, 1 to update, 1 to delete, **2 blocked**`)).toBe(true)
    expect(comment!.body).toContain('plan for `5f3e2d1c0b9a`')
    expect(summary()).toContain('#### ⛔ Delete `Legacy readers`')
    expect(summary()).not.toContain('<!-- segsync:plan')
    expect(output.annotations).toContain('::error file=segments/legacy-readers.json,line=3,col=11,title=segsync%3A delete "Legacy readers" is blocked::')
    expect(output.progress).toEqual([expect.stringMatching(/^Plan comment created on pull request #7: https:\/\/github\.com\/acme\/segments\/pull\/7#issuecomment-\d+$/)])
    expect(output.warnings).toEqual([])
  })

  it('falls back to the job summary on a read-only token (403) and still succeeds', async () => {
    const github = await fakeGitHub({readOnly: true})
    const {publish, output, summary} = run(github)
    const result = await publish()
    expect(result).toMatchObject({comment: {action: 'forbidden'}, summary: true})
    expect(summary()).toContain('> The plan could not be posted as a comment on pull request #7: GitHub answered 403 to POST /repos/acme/segments/issues/7/comments: Resource not accessible by integration. A pull request from a fork gets a read-only token, so the plan is shown here instead.')
    expect(summary()).toContain('## segsync plan: 1 to create, 1 to update, 1 to delete, **2 blocked**')
    expect(output.annotations).toContain('::warning title=segsync%3A plan comment not posted::GitHub answered 403')
    expect(output.warnings).toEqual(['could not post the plan comment on pull request #7 (GitHub answered 403 to POST /repos/acme/segments/issues/7/comments: Resource not accessible by integration); the plan is in the job summary instead.'])
  })

  it('outside GitHub Actions only comments: no summary, no annotations', async () => {
    const github = await fakeGitHub()
    const {publish, output, summary} = run(github, {GITHUB_ACTIONS: ''})
    expect(await publish()).toMatchObject({comment: {action: 'created'}, summary: false})
    expect(summary()).toBe('')
    expect(output.annotations).toBe('')
  })

  it("links each definition file at the pull request's head commit in the comment and the job summary", async () => {
    const github = await fakeGitHub()
    const {publish, summary} = run(github)
    await publish()
    const link = '[`segments/legacy-readers.json:3`](https://github.com/acme/segments/blob/5f3e2d1c0b9a8f7e/segments/legacy-readers.json#L3)'
    expect(github.comments.get(7)![0]!.body).toContain(link)
    expect(summary()).toContain(link)
  })

  it('links from the event of a pull_request run without --comment, and not on a push', async () => {
    const repo = tempRepo({'pr.json': {pull_request: {number: 7, head: {sha: 'abcdef1234567'}}}, 'push.json': {ref: 'refs/heads/main'}})
    const github = await fakeGitHub()
    const pr = run(github, {GITHUB_EVENT_PATH: `${repo.dir}/pr.json`}, {})
    await pr.publish()
    expect(pr.summary()).toContain('(https://github.com/acme/segments/blob/abcdef1234567/segments/legacy-readers.json#L3)')
    const push = run(github, {GITHUB_EVENT_PATH: `${repo.dir}/push.json`}, {})
    await push.publish()
    expect(push.summary()).toContain('`segments/legacy-readers.json:3` · id')
    expect(push.summary()).not.toContain('/blob/')
  })

  it('redacts secrets from the comment, the summary and the annotations', async () => {
    const secret = 'sk_live_publish_secret_42'
    registerSecret(secret)
    const github = await fakeGitHub()
    const {publish, output, summary} = run(github)
    const leaky = change('delete', `Leak ${secret}`, {risks: [{rule: 'delete', level: 'block', message: `deletes "Leak ${secret}"`, allowFlag: '--allow-delete'}]})
    await publish(planOf(workspace('production', [leaky])))
    const comment = github.comments.get(7)![0]!.body
    for (const text of [comment, summary(), output.annotations]) {
      expect(text).not.toContain(secret)
      expect(text).toContain('Leak ***')
    }
  })
})
