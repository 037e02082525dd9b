/**
 * The built CLI in a pull request's workflow, as GitHub Actions runs it: `segsync plan --comment`
 * against a local fake of the GitHub API and a Sequenzy emulator, the job summary file, annotations
 * on stdout, the 403 fallback of a fork's read-only token, and --no-code.
 */
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'
import {FAKE_REPOSITORY, fakeGitHub, GITHUB_TOKEN} from '../helpers/fake-github.js'
import {mermaidBlocks, parseMermaid} from '../helpers/mermaid.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const filter = (field: string, operator: string, value?: unknown) => ({kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})})
const group = (joinOperator: string, ...children: unknown[]) => ({kind: 'group', joinOperator, children})

// Remote: Base (targeted by an active campaign) ← Mid (triggers a live sequence).
const seed = {
  segments: [
    {id: 'seg_base', name: 'Base', root: group('and', filter('status', 'is', 'active'))},
    {id: 'seg_mid', name: 'Mid', root: group('and', filter('segment', 'is', 'seg_base'), filter('tag', 'contains', 'x'))},
    {id: 'seg_old', name: 'Old', root: group('and', filter('status', 'is', 'old'))},
  ],
  campaigns: [{id: 'cmp_1', name: 'Spring sale', status: 'scheduled', targetLists: {type: 'segment', segmentId: 'seg_base'}}],
  sequences: [{id: 'seq_1', name: 'Onboarding', status: 'active', effectiveStatus: 'live', trigger: {type: 'segment_entered', segmentId: 'seg_mid'}}],
}

async function pullRequest(options: {readOnly?: boolean} = {}) {
  const emulator = await sequenzyEmulator(seed)
  const github = await fakeGitHub(options)
  const repo = tempRepo({
    'segsync.config.json': jsonConfig(emulator.url),
    'segments/base.json': {name: 'Base', root: group('and', filter('status', 'is', 'active'), filter('event', 'is_not', 'saas.purchase:30d'))},
    'segments/mid.json': {name: 'Mid', root: group('and', filter('segment', 'is', {$segment: 'Base'}), filter('tag', 'contains', 'x'))},
    'segments/old.json': {name: 'Old', ensure: 'absent'},
    'event.json': {action: 'synchronize', number: 7, pull_request: {number: 7, head: {sha: '5f3e2d1c0b9a8f7e6d5c'}}},
    'summary.md': '',
  })
  const env = {
    SEQUENZY_API_KEY: TEST_KEY,
    GITHUB_TOKEN,
    GITHUB_API_URL: github.url,
    GITHUB_REPOSITORY: FAKE_REPOSITORY,
    GITHUB_EVENT_PATH: `${repo.dir}/event.json`,
  }
  const actions = {...env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: `${repo.dir}/summary.md`, GITHUB_WORKSPACE: repo.dir}
  return {emulator, github, repo, env, actions}
}

describe('segsync plan --comment', () => {
  it('posts the plan as one sticky comment and updates it in place on the next push', async () => {
    const {github, repo, env} = await pullRequest()
    const first = await runCli(['plan', '--comment'], {cwd: repo.dir, env})
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('~ update "Base" (seg_base)')
    expect(first.stderr).toMatch(/Plan comment created on pull request #7: https:\/\/github\.com\/acme\/segments\/pull\/7#issuecomment-\d+/)
    const [comment] = github.comments.get(7)!
    expect(comment!.body.split('\n')[0]).toBe('<!-- segsync:plan:all -->')
    expect(comment!.body).toContain('## segsync plan: 0 to create, 1 to update, 1 to delete, **2 blocked**')
    expect(comment!.body).toContain('- adds filter `event is_not saas.purchase:30d`')
    expect(comment!.body).toContain('- campaign <kbd>Spring sale</kbd> (scheduled), directly\n- sequence <kbd>Onboarding</kbd> (live), through <kbd>Mid</kbd>')
    // The definition file at the pull request's head commit and line, and the body before and after.
    expect(comment!.body).toMatch(/\[`segments\/base\.json:\d+`\]\(https:\/\/github\.com\/acme\/segments\/blob\/5f3e2d1c0b9a8f7e6d5c\/segments\/base\.json#L\d+\)/)
    expect(comment!.body).toContain('<details><summary>Normalised body, before → after')
    expect(comment!.body).toContain('plan for `5f3e2d1c0b9a`')
    expect(comment!.body).not.toContain(TEST_KEY)
    // The impact picture: Base → Mid → Onboarding, Base → Spring sale; Mermaid parses it.
    const [picture] = mermaidBlocks(comment!.body)
    expect(await parseMermaid(picture!)).toBe('flowchart-v2')
    for (const label of ['"Base<br/>⛔ update', '("Mid")', '(["Spring sale<br/>campaign · scheduled"])', '(["Onboarding<br/>sequence · live"])']) expect(picture).toContain(label)

    // The next push drops the delete: the same comment is edited, no second one appears.
    repo.write('segments/old.json', {name: 'Old', root: group('and', filter('status', 'is', 'old'))})
    const second = await runCli(['plan', '--comment'], {cwd: repo.dir, env})
    expect(second.code).toBe(0)
    expect(second.stderr).toContain('Plan comment updated on pull request #7')
    expect(github.comments.get(7)).toHaveLength(1)
    expect(github.comments.get(7)![0]!.body).toContain('## segsync plan: 0 to create, 1 to update, 0 to delete, **1 blocked**')
    expect(github.writes().map((r) => r.method)).toEqual(['POST', 'PATCH'])
  })

  it('keeps one comment per workspace selection', async () => {
    const {github, repo, env} = await pullRequest()
    expect((await runCli(['plan', '--comment'], {cwd: repo.dir, env})).code).toBe(0)
    expect((await runCli(['plan', '--comment', '-w', 'main'], {cwd: repo.dir, env})).code).toBe(0)
    expect(github.comments.get(7)!.map((c) => c.body.split('\n')[0])).toEqual(['<!-- segsync:plan:all -->', '<!-- segsync:plan:main -->'])
  })

  it('fails fast (exit 64), before reading the vendor, when the workflow gives no pull request', async () => {
    const {emulator, github, repo, env} = await pullRequest()
    repo.write('event.json', {ref: 'refs/heads/main', after: 'abc'})
    const res = await runCli(['plan', '--comment'], {cwd: repo.dir, env})
    expect(res.code).toBe(64)
    expect(res.stderr).toContain('--comment runs on pull requests: the event at GITHUB_EVENT_PATH has no pull request number')
    expect(emulator.requests).toEqual([])
    expect(github.requests).toEqual([])
  })
})

describe('segsync plan in GitHub Actions (GITHUB_ACTIONS=true)', () => {
  it('appends the Markdown plan to the job summary and prints annotations at the definitions on stdout', async () => {
    const {repo, actions} = await pullRequest()
    const res = await runCli(['plan'], {cwd: repo.dir, env: actions})
    expect(res.code).toBe(0)
    const summary = repo.read('summary.md')
    expect(summary).toContain('## segsync plan: 0 to create, 1 to update, 1 to delete, **2 blocked**')
    expect(summary).toContain('#### ⛔ Update `Base`')
    expect(summary).toContain('⛔ **Blocked:** changes the audience of 2 active campaigns (<kbd>Spring sale</kbd>, <kbd>Onboarding</kbd>). Allow with <kbd>--allow-campaign-impact</kbd>.')
    expect(summary).toContain('(https://github.com/acme/segments/blob/5f3e2d1c0b9a8f7e6d5c/segments/base.json#L')
    expect(await parseMermaid(mermaidBlocks(summary)[0]!)).toBe('flowchart-v2')
    const annotations = res.stdout.split('\n').filter((l) => l.startsWith('::'))
    expect(annotations).toEqual([
      expect.stringMatching(/^::error file=segments\/old\.json,line=\d+,col=\d+,title=segsync%3A delete "Old" is blocked::blocked: deletes "Old": its definition says ensure: 'absent' \(allow with --allow-delete\)$/),
      expect.stringMatching(/^::error file=segments\/base\.json,line=\d+,col=\d+,title=segsync%3A update "Base" is blocked::blocked: changes the audience of 2 active campaigns \("Spring sale", "Onboarding"\) \(allow with --allow-campaign-impact\)%0A- campaign "Spring sale" \(scheduled\) directly%0A- sequence "Onboarding" \(live\) through "Mid"$/),
      '::notice title=segsync plan::Plan: 0 to create, 1 to update, 1 to delete, 2 blocked, 2 active campaigns affected.',
    ])
    // The line is where the text plan says the definition is.
    const line = /segments\/base\.json:(\d+)/.exec(res.stdout)![1]
    expect(annotations[1]).toContain(`line=${line},`)
  })

  it('keeps stdout pure JSON with --json: annotations go to stderr, which the runner also reads', async () => {
    const {repo, actions} = await pullRequest()
    const res = await runCli(['plan', '--json'], {cwd: repo.dir, env: actions})
    expect(res.code).toBe(0)
    expect(JSON.parse(res.stdout).summary).toMatchObject({update: 1, delete: 1, blocked: 2})
    expect(res.stderr).toContain('::error file=segments/base.json')
    expect(repo.read('summary.md')).toContain('#### ⛔ Update `Base`')
  })

  it('on a fork’s read-only token (403) puts the plan in the job summary, warns, and succeeds', async () => {
    const {github, repo, actions} = await pullRequest({readOnly: true})
    const res = await runCli(['plan', '--comment'], {cwd: repo.dir, env: actions})
    expect(res.code).toBe(0)
    expect(github.comments.get(7)).toBeUndefined()
    const summary = repo.read('summary.md')
    expect(summary).toContain('The plan could not be posted as a comment on pull request #7')
    expect(summary).toContain('#### ⛔ Update `Base`')
    expect(res.stdout).toContain('::warning title=segsync%3A plan comment not posted::GitHub answered 403 to POST /repos/acme/segments/issues/7/comments: Resource not accessible by integration.')
    expect(res.stderr).toContain('Warning: could not post the plan comment on pull request #7')
  })
})

describe('--no-code (fork safety)', () => {
  it('refuses TS definitions without running them, before any request to the vendor', async () => {
    const {emulator, repo, env} = await pullRequest()
    // Loading this file would write a marker next to it.
    repo.write('segments/evil.ts', `import {writeFileSync} from 'node:fs'\nwriteFileSync(${JSON.stringify(`${repo.dir}/executed.txt`)}, 'ran')\nexport default {name: 'Evil', root: {kind: 'group', joinOperator: 'and', children: []}}\n`)
    for (const command of ['plan', 'validate']) {
      const res = await runCli([command, '--no-code'], {cwd: repo.dir, env})
      expect(res.code).toBe(3)
      expect(res.stderr).toContain('segments/evil.ts  error  TS definitions are refused in --no-code mode (they would run code from the repository)')
    }
    expect(existsSync(`${repo.dir}/executed.txt`)).toBe(false)
    expect(emulator.requests).toEqual([])
    // Without the flag the same file is code that runs: that is what --no-code prevents.
    await runCli(['validate'], {cwd: repo.dir, env})
    expect(readFileSync(`${repo.dir}/executed.txt`, 'utf8')).toBe('ran')
  })

  it('refuses a TS config without running it: the config is repository code too', async () => {
    const repo = tempRepo({
      'segsync.config.ts': `import {writeFileSync} from 'node:fs'\nwriteFileSync(${JSON.stringify('executed.txt')}, 'ran')\nexport default {provider: 'sequenzy', segments: 'segments', endpoint: 'embedded'}\n`,
      'segments/a.json': {name: 'A', root: group('and', filter('status', 'is', 'active'))},
    })
    const res = await runCli(['validate', '--no-code'], {cwd: repo.dir})
    expect(res.code).toBe(3)
    expect(res.stderr).toContain('segsync.config.ts: a JS or TS config is refused in --no-code mode (it would run code from the repository)')
    expect(existsSync(`${repo.dir}/executed.txt`)).toBe(false)
    repo.write('segsync.config.json', {provider: 'sequenzy', segments: 'segments', endpoint: 'embedded'})
    const json = await runCli(['validate', '--no-code', '-c', 'segsync.config.json'], {cwd: repo.dir})
    expect(json.code).toBe(0)
  })

  it('plans JSON definitions as usual', async () => {
    const {repo, env} = await pullRequest()
    const res = await runCli(['plan', '--no-code'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('~ update "Base" (seg_base)')
  })
})
